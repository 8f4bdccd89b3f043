/* ic-schedule-search.c — the scheduler's exact and local steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ic-assignment.h"
#include "ic-meeting-scheduler-private.h"

/* A guard against a bug looping for ever; each round raises the total,
 * so real runs end long before. */
#define MAX_ROUNDS 10000

static inline int *
c_partner_at (IcSchedState *st,
              guint         c,
              guint         slot)
{
  return &st->c_partner[(gsize) c * st->n_slots + slot];
}

static inline int *
k_partner_at (IcSchedState *st,
              guint         k,
              guint         slot)
{
  return &st->k_partner[(gsize) k * st->n_slots + slot];
}

static inline gboolean
both_available (IcSchedState *st,
                guint         c,
                guint         k,
                guint         slot)
{
  return st->c_available[(gsize) c * st->n_slots + slot] &&
         st->k_available[(gsize) k * st->n_slots + slot];
}

gboolean
ic_sched_solve_slot (IcSchedState *st,
                     guint         slot)
{
  g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (IcAssignmentEdge));
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (IcAssignmentEdge));
  g_autofree guint *lefts = g_new (guint, MAX (st->n_c, 1));
  g_autofree guint *rights = g_new (guint, MAX (st->n_k, 1));
  g_autofree gint64 *weights = NULL;
  IcAssignmentProblem problem = { 0 };
  g_autofree guint8 *dirty = g_memdup2 (st->slot_dirty, MAX (st->n_slots, 1));
  guint n_left = 0, n_right = 0, tables;
  gint64 old_total = st->total, new_total;

  /* Take the slot's movable meetings out, remembering them. */
  for (guint c = 0; c < st->n_c; c++)
    {
      int k = *c_partner_at (st, c, slot);

      if (k == NONE || st->pair_fixed[ic_sched_pair (st, c, k)])
        continue;
      g_array_append_val (old, ((IcAssignmentEdge) { c, k }));
      ic_sched_unplace (st, c, k);
    }
  /* What the slot's meetings were worth, fairness included: with them
   * out, each person's next meeting is worth their fair bonus if they
   * are under their minimum, and a slot gives each at most one. */
  old_total -= st->total;

  for (guint c = 0; c < st->n_c; c++)
    if (st->c_available[(gsize) c * st->n_slots + slot] &&
        *c_partner_at (st, c, slot) == NONE && st->c_used[c] < st->c_capacity[c])
      lefts[n_left++] = c;
  for (guint k = 0; k < st->n_k; k++)
    if (st->k_available[(gsize) k * st->n_slots + slot] &&
        *k_partner_at (st, k, slot) == NONE && st->k_used[k] < st->k_capacity[k])
      rights[n_right++] = k;

  weights = g_new0 (gint64, MAX ((gsize) n_left * n_right, 1));
  for (guint i = 0; i < n_left; i++)
    for (guint j = 0; j < n_right; j++)
      {
        gsize pair = ic_sched_pair (st, lefts[i], rights[j]);

        /* A pair that meets in another slot cannot meet again. */
        if (st->pair_slot[pair] == NONE && st->weight[pair] > 0)
          weights[(gsize) i * n_right + j] = st->weight[pair] +
                                             ic_sched_c_gain (st, lefts[i]) +
                                             ic_sched_k_gain (st, rights[j]);
      }

  problem.n_left = n_left;
  problem.n_right = n_right;
  problem.weights = weights;
  /* The cap never takes away meetings the slot already has. */
  tables = st->slot_cap > 0 ? MIN (MAX (st->slot_cap, st->slot_used[slot] + old->len), st->n_tables)
                            : st->n_tables;
  problem.max_edges = tables > st->slot_used[slot] ? tables - st->slot_used[slot] : 0;
  new_total = ic_assignment_solve (&problem, chosen);

  /* Taking the meetings out and back marked slots that lost nothing. */
  memcpy (st->slot_dirty, dirty, st->n_slots);
  if (new_total > old_total)
    {
      for (guint i = 0; i < chosen->len; i++)
        {
          IcAssignmentEdge *e = &g_array_index (chosen, IcAssignmentEdge, i);
          ic_sched_place (st, lefts[e->left], rights[e->right], slot, FALSE);
        }
      for (guint i = 0; i < old->len; i++)
        {
          IcAssignmentEdge *e = &g_array_index (old, IcAssignmentEdge, i);
          if (st->pair_slot[ic_sched_pair (st, e->left, e->right)] == NONE)
            ic_sched_mark_freed (st, e->left, e->right);
        }
    }
  else
    {
      for (guint i = 0; i < old->len; i++)
        {
          IcAssignmentEdge *e = &g_array_index (old, IcAssignmentEdge, i);
          ic_sched_place (st, e->left, e->right, slot, FALSE);
        }
    }
  st->slot_dirty[slot] = FALSE;
  return new_total > old_total;
}

/* A meeting by its pair, for the moves below. */
typedef struct
{
  guint c;
  guint k;
} Pair;

/* The weakest movable meeting in @slot that involves neither @c nor @k. */
static gboolean
weakest_in_slot (IcSchedState *st,
                 guint         slot,
                 guint         c,
                 guint         k,
                 Pair         *out)
{
  gint64 lowest = G_MAXINT64;

  for (guint c2 = 0; c2 < st->n_c; c2++)
    {
      int k2 = *c_partner_at (st, c2, slot);
      gsize pair;

      if (k2 == NONE || c2 == c || (guint) k2 == k)
        continue;
      pair = ic_sched_pair (st, c2, k2);
      if (!st->pair_fixed[pair] && ic_sched_meeting_value (st, c2, k2) < lowest)
        {
          lowest = ic_sched_meeting_value (st, c2, k2);
          *out = (Pair) { c2, k2 };
        }
    }
  return lowest != G_MAXINT64;
}

/* The weakest movable meeting of one participant outside @slot;
 * @partners is that participant's row of partners by slot. */
static gboolean
weakest_elsewhere (IcSchedState *st,
                   const int    *partners,
                   gboolean      is_c,
                   guint         self,
                   guint         slot,
                   Pair         *out)
{
  gint64 lowest = G_MAXINT64;

  for (guint s = 0; s < st->n_slots; s++)
    {
      Pair p;
      gsize pair;

      if (s == slot || partners[s] == NONE)
        continue;
      p = is_c ? (Pair) { self, partners[s] } : (Pair) { partners[s], self };
      pair = ic_sched_pair (st, p.c, p.k);
      if (!st->pair_fixed[pair] && ic_sched_meeting_value (st, p.c, p.k) < lowest)
        {
          lowest = ic_sched_meeting_value (st, p.c, p.k);
          *out = p;
        }
    }
  return lowest != G_MAXINT64;
}

/* What putting @c and @k together in @slot would push out; FALSE if a
 * fixed meeting stands in the way. */
static gboolean
plan_insertion (IcSchedState *st,
                guint         c,
                guint         k,
                guint         slot,
                Pair         *out,
                guint        *n_out)
{
  int k1 = *c_partner_at (st, c, slot);
  int c2 = *k_partner_at (st, k, slot);
  guint load = st->slot_used[slot];
  guint c_used = st->c_used[c];
  guint k_used = st->k_used[k];
  guint n = 0;

  if (k1 != NONE)
    {
      if (st->pair_fixed[ic_sched_pair (st, c, k1)])
        return FALSE;
      out[n++] = (Pair) { c, k1 };
      load--;
      c_used--;
    }
  if (c2 != NONE)
    {
      if (st->pair_fixed[ic_sched_pair (st, c2, k)])
        return FALSE;
      out[n++] = (Pair) { c2, k };
      load--;
      k_used--;
    }
  if (load >= st->n_tables)
    {
      if (!weakest_in_slot (st, slot, c, k, &out[n]))
        return FALSE;
      n++;
    }
  if (c_used >= st->c_capacity[c])
    {
      if (!weakest_elsewhere (st, st->c_partner + (gsize) c * st->n_slots, TRUE, c, slot, &out[n]))
        return FALSE;
      n++;
    }
  if (k_used >= st->k_capacity[k])
    {
      if (!weakest_elsewhere (st, st->k_partner + (gsize) k * st->n_slots, FALSE, k, slot, &out[n]))
        return FALSE;
      n++;
    }
  *n_out = n;
  return TRUE;
}

/* The change in the total, fairness included, from taking the @n
 * meetings @out away and placing (@c, @k). */
static gint64
insertion_gain (IcSchedState *st,
                guint         c,
                guint         k,
                const Pair   *out,
                guint         n)
{
  gint64 gain = st->weight[ic_sched_pair (st, c, k)];
  guint who[12];
  gboolean is_c[12];
  int delta[12];
  guint m = 0;

  /* Net change of each person's count, then what it does to min(used, minimum). */
  for (guint j = 0; j <= n; j++)
    {
      guint pc = j < n ? out[j].c : c;
      guint pk = j < n ? out[j].k : k;
      int d = j < n ? -1 : 1;

      if (j < n)
        gain -= st->weight[ic_sched_pair (st, pc, pk)];
      for (guint side = 0; side < 2; side++)
        {
          guint p = side == 0 ? pc : pk;
          guint i = 0;

          while (i < m && !(who[i] == p && is_c[i] == (side == 0)))
            i++;
          if (i == m)
            {
              who[m] = p;
              is_c[m] = side == 0;
              delta[m++] = 0;
            }
          delta[i] += d;
        }
    }
  if (st->fair_bonus == 0)
    return gain;
  for (guint i = 0; i < m; i++)
    {
      guint used = is_c[i] ? st->c_used[who[i]] : st->k_used[who[i]];
      guint min = is_c[i] ? st->c_min[who[i]] : st->k_min[who[i]];

      gain += (ic_sched_tier_sum (st, used + delta[i], min) - ic_sched_tier_sum (st, used, min)) *
              st->fair_bonus;
    }
  return gain;
}

typedef struct
{
  gint64 weight;
  gsize  pair;
} WeightedPair;

static int
compare_by_weight (const void *a,
                   const void *b)
{
  const WeightedPair *x = a, *y = b;

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return (x->pair > y->pair) - (x->pair < y->pair);
}

/* The pairs that could meet but do not, heaviest first.
 * Returns: (transfer full) (element-type WeightedPair) */
static GArray *
unmet_pairs_by_weight (IcSchedState *st)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (WeightedPair));

  for (gsize pair = 0; pair < (gsize) st->n_c * st->n_k; pair++)
    if (st->weight[pair] > 0 && st->pair_slot[pair] == NONE)
      {
        WeightedPair wp = { st->weight[pair], pair };
        g_array_append_val (pairs, wp);
      }
  if (pairs->len > 1)
    qsort (pairs->data, pairs->len, sizeof (WeightedPair), compare_by_weight);
  return pairs;
}

/* Tries, for each missing meeting from the heaviest down, the slot
 * where it gains most once the meetings in its way are pushed out. */
static gboolean
insertion_sweep (IcSchedState *st)
{
  g_autoptr(GArray) pairs = unmet_pairs_by_weight (st);
  gboolean changed = FALSE;

  for (guint i = 0; i < pairs->len; i++)
    {
      gsize pair = g_array_index (pairs, WeightedPair, i).pair;
      guint c = pair / st->n_k, k = pair % st->n_k;
      Pair best_out[5], out[5];
      guint best_n = 0, n;
      int best_slot = NONE;
      gint64 best_gain = 0;

      if (st->pair_slot[pair] != NONE)
        continue;
      for (guint s = 0; s < st->n_slots; s++)
        {
          gint64 gain;

          if (!both_available (st, c, k, s) || !plan_insertion (st, c, k, s, out, &n))
            continue;
          gain = insertion_gain (st, c, k, out, n);
          if (gain > best_gain)
            {
              best_gain = gain;
              best_slot = s;
              best_n = n;
              memcpy (best_out, out, sizeof out);
            }
        }
      if (best_slot == NONE)
        continue;
      for (guint j = 0; j < best_n; j++)
        ic_sched_unplace (st, best_out[j].c, best_out[j].k);
      ic_sched_place (st, c, k, best_slot, FALSE);
      changed = TRUE;
    }
  return changed;
}

/* The heaviest missing meeting that @c (with @is_c) or @k could have in
 * @slot with someone free there, or 0; stored in @out. */
static gint64
best_partner_in_slot (IcSchedState *st,
                      guint         self,
                      gboolean      is_c,
                      guint         slot,
                      Pair         *out)
{
  guint n_other = is_c ? st->n_k : st->n_c;
  gint64 best = 0;

  if (is_c ? st->c_used[self] >= st->c_capacity[self] : st->k_used[self] >= st->k_capacity[self])
    return 0;
  for (guint o = 0; o < n_other; o++)
    {
      Pair p = is_c ? (Pair) { self, o } : (Pair) { o, self };
      gsize pair = ic_sched_pair (st, p.c, p.k);
      gboolean free = is_c ? *k_partner_at (st, o, slot) == NONE && st->k_used[o] < st->k_capacity[o]
                           : *c_partner_at (st, o, slot) == NONE && st->c_used[o] < st->c_capacity[o];

      gint64 value = st->weight[pair] > 0 ? st->weight[pair] + ic_sched_c_gain (st, p.c) +
                                            ic_sched_k_gain (st, p.k) : 0;

      if (value > best && st->pair_slot[pair] == NONE && free &&
          both_available (st, p.c, p.k, slot))
        {
          best = value;
          *out = p;
        }
    }
  return best;
}

/* Moving (@c, @k) out of a slot with empty tables frees both of them
 * there: place the best meeting either can then have. */
static gboolean
relocate_to_free (IcSchedState *st,
                  guint         c,
                  guint         k,
                  guint         from,
                  guint         to)
{
  Pair with_c, with_k, *best;
  gint64 gain_c, gain_k;

  ic_sched_unplace (st, c, k);
  ic_sched_place (st, c, k, to, FALSE);
  gain_c = best_partner_in_slot (st, c, TRUE, from, &with_c);
  gain_k = best_partner_in_slot (st, k, FALSE, from, &with_k);
  if (gain_c <= 0 && gain_k <= 0)
    {
      ic_sched_unplace (st, c, k);
      ic_sched_place (st, c, k, from, FALSE);
      return FALSE;
    }
  best = gain_c >= gain_k ? &with_c : &with_k;
  ic_sched_place (st, best->c, best->k, from, FALSE);
  return TRUE;
}

/* Moves a meeting into a slot with an empty table when that lets its
 * old slot seat a better set: a move that gains nothing by itself, so
 * the insertion sweep never tries it.  When the old slot is full, the
 * freed table goes to whoever gains most (an exact re-solve); when it
 * is not, only the two people moved out can gain. */
static gboolean
relocation_sweep (IcSchedState *st)
{
  gboolean changed = FALSE;

  for (guint to = 0; to < st->n_slots; to++)
    for (guint c = 0; c < st->n_c && st->slot_used[to] < st->n_tables; c++)
      {
        if (!st->c_available[(gsize) c * st->n_slots + to] || *c_partner_at (st, c, to) != NONE)
          continue;
        for (guint from = 0; from < st->n_slots; from++)
          {
            int k = *c_partner_at (st, c, from);

            if (k == NONE || st->pair_fixed[ic_sched_pair (st, c, k)] ||
                !st->k_available[(gsize) k * st->n_slots + to] || *k_partner_at (st, k, to) != NONE)
              continue;
            if (st->slot_used[from] < st->n_tables)
              {
                if (relocate_to_free (st, c, k, from, to))
                  {
                    changed = TRUE;
                    break;
                  }
                continue;
              }
            ic_sched_unplace (st, c, k);
            ic_sched_place (st, c, k, to, FALSE);
            if (ic_sched_solve_slot (st, from))
              {
                changed = TRUE;
                break;
              }
            ic_sched_unplace (st, c, k);
            ic_sched_place (st, c, k, from, FALSE);
          }
      }
  return changed;
}

gboolean
ic_sched_improve (IcSchedState *st,
                  GError      **error)
{
  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      gboolean changed = FALSE;

      for (guint s = 0; s < st->n_slots; s++)
        {
          if (g_cancellable_set_error_if_cancelled (st->cancellable, error))
            return FALSE;
          if (st->slot_dirty[s])
            changed |= ic_sched_solve_slot (st, s);
        }
      changed |= insertion_sweep (st);
      if (!changed)
        changed = relocation_sweep (st);
      if (!changed)
        break;
    }
  return TRUE;
}

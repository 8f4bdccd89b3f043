/* ic-schedule-exact.c — bounds on the best schedule, and the best one
 * itself for small instances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ic-assignment.h"
#include "ic-meeting-scheduler-private.h"

/* A pair's weight without the bonus for a request (the scores only). */
static inline gint64
score_weight (const IcSchedState *st,
              gsize               pair)
{
  gint64 w = st->weight[pair];

  /* The scores together stay below the bonus, so a weight that reaches
   * it carries it. */
  return w >= st->bonus ? w - st->bonus : w;
}

static guint
meetings_possible (IcSchedState *st)
{
  guint total = 0;

  for (guint s = 0; s < st->n_slots; s++)
    {
      guint n_c = 0, n_k = 0;

      for (guint c = 0; c < st->n_c; c++)
        n_c += st->c_capacity[c] > 0 && st->c_available[(gsize) c * st->n_slots + s];
      for (guint k = 0; k < st->n_k; k++)
        n_k += st->k_capacity[k] > 0 && st->k_available[(gsize) k * st->n_slots + s];
      total += MIN (st->n_tables, MIN (n_c, n_k));
    }
  return total;
}

double
ic_sched_upper_bound (IcSchedState *st,
                      gboolean      with_requests,
                      gint64       *n_fair,
                      guint        *n_requests,
                      guint        *n_meetings)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (IcAssignmentEdge));
  gsize n_pairs = (gsize) st->n_c * st->n_k;
  g_autofree gint64 *weights = g_new0 (gint64, MAX (n_pairs, 1));
  IcAssignmentProblem problem = { 0 };
  gint64 total;
  guint requests = 0;
  gint64 fair = 0;

  for (gsize pair = 0; pair < n_pairs; pair++)
    weights[pair] = with_requests ? st->weight[pair] : score_weight (st, pair);

  problem.n_left = st->n_c;
  problem.n_right = st->n_k;
  problem.weights = weights;
  problem.left_capacity = st->c_capacity;
  problem.right_capacity = st->k_capacity;
  problem.max_edges = meetings_possible (st);
  if (with_requests && st->fair_bonus > 0)
    {
      problem.left_bonus_units = st->c_min;
      problem.right_bonus_units = st->k_min;
      problem.bonus = st->fair_bonus;
      problem.bonus_levels = st->fair_levels;
    }
  total = ic_assignment_solve (&problem, edges);
  if (n_meetings != NULL)
    *n_meetings = edges->len;

  /* The relaxation places the most requests any schedule can, and then
   * the best scores; split the total into the two. */
  if (with_requests)
    {
      if (st->fair_bonus > 0)
        {
          fair = total / st->fair_bonus;
          total -= fair * st->fair_bonus;
        }
      requests = total / st->bonus;
      total -= (gint64) requests * st->bonus;
    }
  if (n_requests != NULL)
    *n_requests = requests;
  if (n_fair != NULL)
    *n_fair = fair;

  /* Each weight is its score rounded to the nearest unit: allow half a
   * unit per meeting, so the bound holds for the scores themselves. */
  return (total + 0.5 * problem.max_edges) / st->scale;
}

static int
compare_doubles_down (const void *a,
                      const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x < y) - (x > y);
}

/* The sum of one participant's @capacity best scores among @scores. */
static double
best_sum (double *scores,
          guint   n,
          guint   capacity)
{
  double sum = 0.0;

  if (n > 1)
    qsort (scores, n, sizeof (double), compare_doubles_down);
  for (guint i = 0; i < MIN (n, capacity); i++)
    sum += scores[i];
  return sum;
}

double
ic_sched_simple_bound (IcSchedState *st)
{
  g_autofree double *scores = g_new (double, MAX (MAX (st->n_c, st->n_k), 1));
  double sum = 0.0;

  for (guint c = 0; c < st->n_c; c++)
    {
      guint n = 0;

      for (guint k = 0; k < st->n_k; k++)
        if (st->weight[ic_sched_pair (st, c, k)] > 0)
          scores[n++] = st->score[ic_sched_pair (st, c, k)];
      sum += best_sum (scores, n, st->c_capacity[c]);
    }
  for (guint k = 0; k < st->n_k; k++)
    {
      guint n = 0;

      for (guint c = 0; c < st->n_c; c++)
        if (st->weight[ic_sched_pair (st, c, k)] > 0)
          scores[n++] = st->score[ic_sched_pair (st, c, k)];
      sum += best_sum (scores, n, st->k_capacity[k]);
    }
  return sum / 2.0;
}

typedef struct
{
  IcSchedState *st;
  guint         n;           /* candidate pairs, heaviest first */
  gsize        *pairs;
  gint64       *prefix;      /* prefix[i]: the weight of pairs 0 … i-1 */
  int          *slot;        /* per candidate: its slot now, or NONE */
  int          *best_slot;
  gint64        best_total;  /* compared with the state's total */
  guint         free_seats;  /* tables still empty over all slots */
  guint64       nodes;
  guint64       budget;
  gboolean      aborted;
} Search;

static void
search_from (Search *se,
             guint   index)
{
  IcSchedState *st = se->st;
  guint c, k;
  gsize pair;
  gint64 bound;

  if (++se->nodes > se->budget)
    {
      se->aborted = TRUE;
      return;
    }

  /* At most one meeting per free table, none better than the heaviest
   * pairs still to decide, and each fills at most two missing
   * minimums. */
  bound = st->total + se->prefix[MIN (index + se->free_seats, se->n)] - se->prefix[index] +
          st->fair_bonus * st->fair_levels * MIN ((gint64) st->deficit, 2 * (gint64) se->free_seats);
  if (bound <= se->best_total)
    return;
  if (index == se->n)
    {
      if (st->total <= se->best_total)
        return;
      se->best_total = st->total;
      if (se->n > 0)
        memcpy (se->best_slot, se->slot, se->n * sizeof (int));
      return;
    }

  pair = se->pairs[index];
  c = pair / st->n_k;
  k = pair % st->n_k;
  if (st->c_used[c] < st->c_capacity[c] && st->k_used[k] < st->k_capacity[k])
    {
      for (guint s = 0; s < st->n_slots && !se->aborted; s++)
        {
          if (!st->c_available[(gsize) c * st->n_slots + s] ||
              !st->k_available[(gsize) k * st->n_slots + s] ||
              st->c_partner[(gsize) c * st->n_slots + s] != NONE ||
              st->k_partner[(gsize) k * st->n_slots + s] != NONE ||
              st->slot_used[s] >= st->n_tables)
            continue;
          ic_sched_place (st, c, k, s, FALSE);
          se->slot[index] = s;
          se->free_seats--;
          search_from (se, index + 1);
          se->free_seats++;
          se->slot[index] = NONE;
          ic_sched_unplace (st, c, k);
        }
    }
  if (!se->aborted)
    search_from (se, index + 1);
}

static int
compare_pairs_by_weight (const void *a,
                         const void *b,
                         void       *user_data)
{
  const IcSchedState *st = user_data;
  gsize x = *(const gsize *) a, y = *(const gsize *) b;

  if (st->weight[x] != st->weight[y])
    return st->weight[x] > st->weight[y] ? -1 : 1;
  return (x > y) - (x < y);
}

gboolean
ic_sched_search_exact (IcSchedState *st,
                       gboolean      requests_only,
                       guint64       node_budget)
{
  Search se = { 0 };
  gsize n_pairs = (gsize) st->n_c * st->n_k;

  se.st = st;
  se.budget = node_budget;
  se.pairs = g_new (gsize, MAX (n_pairs, 1));
  for (gsize pair = 0; pair < n_pairs; pair++)
    if (st->weight[pair] > 0 && !st->pair_fixed[pair] && (!requests_only || st->requested[pair]))
      se.pairs[se.n++] = pair;
  g_qsort_with_data (se.pairs, se.n, sizeof (gsize), compare_pairs_by_weight, st);

  se.prefix = g_new0 (gint64, se.n + 1);
  se.slot = g_new (int, MAX (se.n, 1));
  se.best_slot = g_new (int, MAX (se.n, 1));
  /* The current schedule is the one to beat. */
  se.best_total = st->total;
  for (guint i = 0; i < se.n; i++)
    {
      se.prefix[i + 1] = se.prefix[i] + st->weight[se.pairs[i]];
      se.slot[i] = NONE;
      se.best_slot[i] = st->pair_slot[se.pairs[i]];
    }

  for (guint i = 0; i < se.n; i++)
    if (st->pair_slot[se.pairs[i]] != NONE)
      ic_sched_unplace (st, se.pairs[i] / st->n_k, se.pairs[i] % st->n_k);
  for (guint s = 0; s < st->n_slots; s++)
    se.free_seats += st->n_tables - MIN (st->n_tables, st->slot_used[s]);

  search_from (&se, 0);

  /* Even a search cut short leaves the best schedule it saw. */
  for (guint i = 0; i < se.n; i++)
    if (se.best_slot[i] != NONE)
      ic_sched_place (st, se.pairs[i] / st->n_k, se.pairs[i] % st->n_k, se.best_slot[i], FALSE);

  g_free (se.pairs);
  g_free (se.prefix);
  g_free (se.slot);
  g_free (se.best_slot);
  return !se.aborted;
}

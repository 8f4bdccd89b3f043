/* ic-meeting-scheduler.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The method, in order:
 *
 *  1. Weights.  A meeting's weight is its score scaled to an integer; a
 *     requested meeting also gets a bonus larger than the sum of every
 *     score, so no amount of score ever outweighs placing one more
 *     request.
 *  2. Slot by slot, an exact maximum-weight matching of the people
 *     free in that slot (ic-assignment.c), with the tables as a cap on
 *     its size and everyone's remaining meetings as a limit.  While
 *     building, each slot takes no more than its even share of the
 *     meetings the relaxation of step 4 chose, so that the first slots
 *     do not use up everyone's meetings.
 *  3. Improvement across slots (ic-schedule-search.c): each slot is
 *     re-solved exactly with the others fixed (only the slots where
 *     something was freed since); a meeting that is missing may push
 *     out the weaker meetings in its way (someone's meeting in the
 *     slot, the slot's weakest table, someone's weakest meeting
 *     elsewhere when they are at their limit); and a meeting may move
 *     to a slot with an empty table when that lets its old slot seat a
 *     better set.  Repeated until nothing gains; every step raises the
 *     total, so it ends.
 *  4. Bounds: an exact flow relaxation (the best pairs under every
 *     limit but the clock) and the simpler half-sum of everyone's best
 *     meetings.  With one slot, step 2 is already optimal; small
 *     instances are searched exhaustively (branch and bound); otherwise
 *     the optimum is known only when the schedule meets the bound.
 *
 * Re-scheduling places the earlier meetings that are still allowed
 * first, as fixed, and runs steps 2 and 3 on what is left: fixed
 * meetings never move, so only freed capacity changes hands.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ic-assignment.h"
#include "ic-meeting-scheduler-private.h"
#include "ic-schedule-private.h"

/* Steps of exhaustive search before giving up on proving optimality. */
#define EXACT_NODE_BUDGET  2000000
/* Beyond this many candidate pairs the exhaustive search is not tried. */
#define EXACT_MAX_PAIRS    40

void
ic_sched_mark_freed (IcSchedState *st,
                     guint         c,
                     guint         k)
{
  const guint8 *c_row = st->c_available + (gsize) c * st->n_slots;
  const guint8 *k_row = st->k_available + (gsize) k * st->n_slots;

  for (guint s = 0; s < st->n_slots; s++)
    st->slot_dirty[s] |= c_row[s] | k_row[s];
}

void
ic_sched_place (IcSchedState *st,
                guint         c,
                guint         k,
                guint         slot,
                gboolean      fixed)
{
  gsize pair = ic_sched_pair (st, c, k);

  g_assert (st->pair_slot[pair] == NONE);
  g_assert (st->c_partner[(gsize) c * st->n_slots + slot] == NONE);
  g_assert (st->k_partner[(gsize) k * st->n_slots + slot] == NONE);

  st->pair_slot[pair] = slot;
  st->c_partner[(gsize) c * st->n_slots + slot] = k;
  st->k_partner[(gsize) k * st->n_slots + slot] = c;
  st->slot_used[slot]++;
  st->slot_dirty[slot] = TRUE;
  st->total += st->weight[pair] + ic_sched_c_gain (st, c) + ic_sched_k_gain (st, k);
  st->fair_value += ic_sched_tier (st, st->c_used[c], st->c_min[c]) +
                    ic_sched_tier (st, st->k_used[k], st->k_min[k]);
  st->deficit -= (st->c_used[c] < st->c_min[c]) + (st->k_used[k] < st->k_min[k]);
  st->c_used[c]++;
  st->k_used[k]++;
  if (fixed)
    {
      st->pair_fixed[pair] = TRUE;
      st->slot_fixed[slot]++;
      st->n_fixed++;
    }
}

void
ic_sched_unplace (IcSchedState *st,
                  guint         c,
                  guint         k)
{
  gsize pair = ic_sched_pair (st, c, k);
  int slot = st->pair_slot[pair];

  g_assert (slot != NONE);
  st->pair_slot[pair] = NONE;
  st->c_partner[(gsize) c * st->n_slots + slot] = NONE;
  st->k_partner[(gsize) k * st->n_slots + slot] = NONE;
  st->c_used[c]--;
  st->k_used[k]--;
  st->slot_used[slot]--;
  st->total -= st->weight[pair] + ic_sched_c_gain (st, c) + ic_sched_k_gain (st, k);
  st->fair_value -= ic_sched_tier (st, st->c_used[c], st->c_min[c]) +
                    ic_sched_tier (st, st->k_used[k], st->k_min[k]);
  st->deficit += (st->c_used[c] < st->c_min[c]) + (st->k_used[k] < st->k_min[k]);
  ic_sched_mark_freed (st, c, k);
  st->slot_dirty[slot] = TRUE;
  if (st->pair_fixed[pair])
    {
      st->pair_fixed[pair] = FALSE;
      st->pair_table[pair] = NONE;
      st->slot_fixed[slot]--;
      st->n_fixed--;
    }
}

static guint
count_slots (const guint8 *available,
             guint         n_slots)
{
  guint n = 0;

  for (guint s = 0; s < n_slots; s++)
    n += available[s];
  return n;
}

static gboolean
share_a_slot (IcSchedState *st,
              guint         c,
              guint         k)
{
  for (guint s = 0; s < st->n_slots; s++)
    if (st->c_available[(gsize) c * st->n_slots + s] && st->k_available[(gsize) k * st->n_slots + s])
      return TRUE;
  return FALSE;
}

static void
state_init_participants (IcSchedState      *st,
                         IcScheduleProblem *problem)
{
  guint n = ic_schedule_problem_get_n_participants (problem);

  st->c_participant = g_new (guint, n);
  st->k_participant = g_new (guint, n);
  for (guint p = 0; p < n; p++)
    {
      if (ic_schedule_problem_get_role (problem, p) == IC_SCHEDULE_ROLE_CHALLENGE)
        st->c_participant[st->n_c++] = p;
      else
        st->k_participant[st->n_k++] = p;
    }

  st->c_available = g_new0 (guint8, (gsize) MAX (st->n_c, 1) * st->n_slots);
  st->k_available = g_new0 (guint8, (gsize) MAX (st->n_k, 1) * st->n_slots);
  st->c_capacity = g_new0 (guint, MAX (st->n_c, 1));
  st->k_capacity = g_new0 (guint, MAX (st->n_k, 1));
  for (guint c = 0; c < st->n_c; c++)
    {
      guint8 *row = st->c_available + (gsize) c * st->n_slots;

      for (guint s = 0; s < st->n_slots; s++)
        row[s] = ic_schedule_problem_is_available (problem, st->c_participant[c], s);
      st->c_capacity[c] = MIN (ic_schedule_problem_get_max_meetings (problem, st->c_participant[c]),
                               count_slots (row, st->n_slots));
    }
  for (guint k = 0; k < st->n_k; k++)
    {
      guint8 *row = st->k_available + (gsize) k * st->n_slots;

      for (guint s = 0; s < st->n_slots; s++)
        row[s] = ic_schedule_problem_is_available (problem, st->k_participant[k], s);
      st->k_capacity[k] = MIN (ic_schedule_problem_get_max_meetings (problem, st->k_participant[k]),
                               count_slots (row, st->n_slots));
    }
}

/* The fewest meetings one participant should have: explicit, or by
 * default (with fairness on) one for anyone who can meet someone and,
 * for a challenge owner, every meeting they can fill; never more than
 * their capacity or their counterparts. */
static guint
minimum_for (IcScheduleProblem *problem,
             guint              participant,
             guint              capacity,
             guint              n_partners)
{
  guint min = ic_schedule_problem_get_min_meetings (problem, participant);

  if (min == IC_SCHEDULE_MIN_DEFAULT)
    {
      if (!ic_schedule_problem_get_fair (problem))
        min = 0;
      else if (ic_schedule_problem_get_role (problem, participant) == IC_SCHEDULE_ROLE_CHALLENGE)
        min = capacity;
      else
        min = 1;
    }
  return MIN (min, MIN (capacity, n_partners));
}

static void
state_init_minimums (IcSchedState      *st,
                     IcScheduleProblem *problem,
                     const guint8      *eligible)
{
  st->c_min = g_new0 (guint, MAX (st->n_c, 1));
  st->k_min = g_new0 (guint, MAX (st->n_k, 1));
  st->n_fair_units = 0;
  for (guint c = 0; c < st->n_c; c++)
    {
      guint n = 0;

      for (guint k = 0; k < st->n_k; k++)
        n += eligible[ic_sched_pair (st, c, k)];
      st->c_min[c] = minimum_for (problem, st->c_participant[c], st->c_capacity[c], n);
      st->n_fair_units += st->c_min[c];
      st->fair_levels = MAX (st->fair_levels, st->c_min[c]);
    }
  for (guint k = 0; k < st->n_k; k++)
    {
      guint n = 0;

      for (guint c = 0; c < st->n_c; c++)
        n += eligible[ic_sched_pair (st, c, k)];
      st->k_min[k] = minimum_for (problem, st->k_participant[k], st->k_capacity[k], n);
      st->n_fair_units += st->k_min[k];
      st->fair_levels = MAX (st->fair_levels, st->k_min[k]);
    }
  st->deficit = st->n_fair_units;
}

static void
state_init_weights (IcSchedState      *st,
                    IcScheduleProblem *problem)
{
  gsize n_pairs = (gsize) st->n_c * st->n_k;
  g_autofree guint8 *eligible = g_new0 (guint8, MAX (n_pairs, 1));
  double sum = 0.0;
  guint n_requests = 0;

  st->weight = g_new0 (gint64, MAX (n_pairs, 1));
  st->score = g_new0 (double, MAX (n_pairs, 1));
  st->requested = g_new0 (guint8, MAX (n_pairs, 1));

  for (guint c = 0; c < st->n_c; c++)
    for (guint k = 0; k < st->n_k; k++)
      {
        guint a = st->c_participant[c], b = st->k_participant[k];
        gsize pair = ic_sched_pair (st, c, k);

        st->score[pair] = ic_schedule_problem_get_score (problem, a, b);
        st->requested[pair] = ic_schedule_problem_is_requested (problem, a, b);
        eligible[pair] = ic_schedule_problem_can_meet (problem, a, b) &&
                         st->c_capacity[c] > 0 && st->k_capacity[k] > 0 &&
                         share_a_slot (st, c, k);
        if (eligible[pair])
          {
            sum += st->score[pair];
            n_requests += st->requested[pair];
          }
      }
  state_init_minimums (st, problem, eligible);

  /* Three tiers, each worth more than everything below it: a meeting
   * towards someone's minimum, a requested meeting, the scores.  Keep
   * every total far inside 64 bits (below ~1e17 with every tier
   * full), and the scores as fine as 1e-9 of a score where that
   * fits. */
  st->scale = MIN (1e9, 1e17 / (((double) st->n_fair_units * st->fair_levels + 1.0) *
                                (n_requests + 1.0) * 4.0) /
                        MAX (sum, 1.0));
  st->bonus = 1;
  for (gsize pair = 0; pair < n_pairs; pair++)
    if (eligible[pair] && st->score[pair] > 0.0)
      {
        st->weight[pair] = MAX (llround (st->score[pair] * st->scale), 1);
        st->bonus += st->weight[pair];
      }
  for (gsize pair = 0; pair < n_pairs; pair++)
    if (eligible[pair] && st->requested[pair])
      st->weight[pair] += st->bonus;
  st->fair_bonus = st->n_fair_units > 0 ? st->bonus * (gint64) (n_requests + 1) : 0;
}

static IcSchedState *
state_new (IcScheduleProblem *problem,
           GCancellable      *cancellable)
{
  IcSchedState *st = g_new0 (IcSchedState, 1);
  gsize n_pairs;

  st->problem = ic_schedule_problem_ref (problem);
  st->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  st->n_slots = ic_schedule_problem_get_n_slots (problem);
  st->n_tables = ic_schedule_problem_get_n_tables (problem);

  state_init_participants (st, problem);
  state_init_weights (st, problem);

  n_pairs = MAX ((gsize) st->n_c * st->n_k, 1);
  st->pair_slot = g_new (int, n_pairs);
  st->pair_table = g_new (int, n_pairs);
  st->pair_fixed = g_new0 (guint8, n_pairs);
  for (gsize i = 0; i < n_pairs; i++)
    st->pair_slot[i] = st->pair_table[i] = NONE;
  st->c_partner = g_new (int, (gsize) MAX (st->n_c, 1) * MAX (st->n_slots, 1));
  st->k_partner = g_new (int, (gsize) MAX (st->n_k, 1) * MAX (st->n_slots, 1));
  for (gsize i = 0; i < (gsize) st->n_c * st->n_slots; i++)
    st->c_partner[i] = NONE;
  for (gsize i = 0; i < (gsize) st->n_k * st->n_slots; i++)
    st->k_partner[i] = NONE;
  st->c_used = g_new0 (guint, MAX (st->n_c, 1));
  st->k_used = g_new0 (guint, MAX (st->n_k, 1));
  st->slot_used = g_new0 (guint, MAX (st->n_slots, 1));
  st->slot_fixed = g_new0 (guint, MAX (st->n_slots, 1));
  st->slot_dirty = g_new (guint8, MAX (st->n_slots, 1));
  memset (st->slot_dirty, TRUE, MAX (st->n_slots, 1));
  return st;
}

static void
state_free (IcSchedState *st)
{
  ic_schedule_problem_unref (st->problem);
  g_clear_object (&st->cancellable);
  g_free (st->c_participant);
  g_free (st->k_participant);
  g_free (st->weight);
  g_free (st->score);
  g_free (st->requested);
  g_free (st->c_available);
  g_free (st->k_available);
  g_free (st->c_capacity);
  g_free (st->k_capacity);
  g_free (st->c_min);
  g_free (st->k_min);
  g_free (st->pair_slot);
  g_free (st->pair_table);
  g_free (st->pair_fixed);
  g_free (st->c_partner);
  g_free (st->k_partner);
  g_free (st->c_used);
  g_free (st->k_used);
  g_free (st->slot_used);
  g_free (st->slot_fixed);
  g_free (st->slot_dirty);
  g_free (st);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcSchedState, state_free)

/* Compact number of @participant within its role, or NONE. */
static int
compact_index (const guint *numbers,
               guint        n,
               guint        participant)
{
  /* Both lists are in increasing participant order. */
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (numbers[mid] == participant)
        return mid;
      if (numbers[mid] < participant)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NONE;
}

/* Whether meeting @m of an earlier schedule may stay as it is in the
 * problem as it is now, taken alone; stores its compact pair. */
static gboolean
keepable (IcSchedState    *st,
          const IcMeeting *m,
          guint            first_open,
          int             *c_out,
          int             *k_out)
{
  guint n_participants = ic_schedule_problem_get_n_participants (st->problem);
  int c, k;

  if (m->challenge_owner >= n_participants || m->capability_owner >= n_participants ||
      m->slot >= st->n_slots || m->table >= st->n_tables)
    return FALSE;
  c = compact_index (st->c_participant, st->n_c, m->challenge_owner);
  k = compact_index (st->k_participant, st->n_k, m->capability_owner);
  if (c == NONE || k == NONE)
    return FALSE;
  /* What has happened stays, whatever changed since. */
  if (m->slot < first_open)
    {
      *c_out = c;
      *k_out = k;
      return TRUE;
    }
  if (ic_schedule_problem_is_forbidden (st->problem, m->challenge_owner, m->capability_owner) ||
      !st->c_available[(gsize) c * st->n_slots + m->slot] ||
      !st->k_available[(gsize) k * st->n_slots + m->slot])
    return FALSE;
  *c_out = c;
  *k_out = k;
  return TRUE;
}

/* Keeps as many meetings of @previous as the problem still allows, as
 * fixed, in their slots and at their tables.  Each meeting is tested
 * alone first (availability, forbidden pairs; a clash, a taken table or
 * a repeated pair drops the later one), then, as lowered limits may
 * leave room for only some of them, the most that fit everyone's
 * limits are chosen exactly (a b-matching of the candidates). */
static void
place_kept (IcSchedState *st,
            IcSchedule   *previous,
            guint         first_open)
{
  g_autofree guint8 *table_taken = g_new0 (guint8, (gsize) MAX (st->n_slots, 1) *
                                                   MAX (st->n_tables, 1));
  g_autofree guint8 *busy_c = g_new0 (guint8, (gsize) MAX (st->n_c, 1) * MAX (st->n_slots, 1));
  g_autofree guint8 *busy_k = g_new0 (guint8, (gsize) MAX (st->n_k, 1) * MAX (st->n_slots, 1));
  gsize n_pairs = (gsize) st->n_c * st->n_k;
  g_autofree gint64 *weights = g_new0 (gint64, MAX (n_pairs, 1));
  g_autofree int *slot_of = g_new (int, MAX (n_pairs, 1));
  g_autofree int *table_of = g_new (int, MAX (n_pairs, 1));
  g_autofree guint *c_cap = g_new0 (guint, MAX (st->n_c, 1));
  g_autofree guint *k_cap = g_new0 (guint, MAX (st->n_k, 1));
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (IcAssignmentEdge));
  IcAssignmentProblem kept = { 0 };

  for (gsize i = 0; i < MAX (n_pairs, 1); i++)
    slot_of[i] = table_of[i] = NONE;
  for (guint i = 0; i < ic_schedule_get_n_meetings (previous); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (previous, i);
      gsize pair, seat;
      int c, k;

      if (!keepable (st, m, first_open, &c, &k))
        continue;
      pair = ic_sched_pair (st, c, k);
      seat = (gsize) m->slot * st->n_tables + m->table;
      if (slot_of[pair] != NONE || table_taken[seat] ||
          busy_c[(gsize) c * st->n_slots + m->slot] || busy_k[(gsize) k * st->n_slots + m->slot])
        continue;
      table_taken[seat] = busy_c[(gsize) c * st->n_slots + m->slot] =
        busy_k[(gsize) k * st->n_slots + m->slot] = TRUE;
      slot_of[pair] = m->slot;
      table_of[pair] = m->table;
      /* Meetings that took place outweigh any number of later ones. */
      weights[pair] = m->slot < first_open ? (gint64) ic_schedule_get_n_meetings (previous) + 1 : 1;
    }

  for (guint c = 0; c < st->n_c; c++)
    c_cap[c] = MAX (st->c_capacity[c],
                    MIN (ic_schedule_problem_get_max_meetings (st->problem, st->c_participant[c]),
                         st->n_slots));
  for (guint k = 0; k < st->n_k; k++)
    k_cap[k] = MAX (st->k_capacity[k],
                    MIN (ic_schedule_problem_get_max_meetings (st->problem, st->k_participant[k]),
                         st->n_slots));
  kept.n_left = st->n_c;
  kept.n_right = st->n_k;
  kept.weights = weights;
  kept.left_capacity = c_cap;
  kept.right_capacity = k_cap;
  kept.max_edges = G_MAXUINT;
  ic_assignment_solve (&kept, chosen);

  for (guint i = 0; i < chosen->len; i++)
    {
      IcAssignmentEdge *e = &g_array_index (chosen, IcAssignmentEdge, i);
      gsize pair = ic_sched_pair (st, e->left, e->right);

      ic_sched_place (st, e->left, e->right, slot_of[pair], TRUE);
      st->pair_table[pair] = table_of[pair];
    }
}

/* Slots before @first_open have taken place: nobody can meet anyone
 * there any more, so limits shrink to what is left. */
static void
freeze_past (IcSchedState *st,
             guint         first_open)
{
  first_open = MIN (first_open, st->n_slots);
  for (guint c = 0; c < st->n_c; c++)
    {
      guint8 *row = st->c_available + (gsize) c * st->n_slots;
      guint past = 0;

      for (guint s = 0; s < first_open; s++)
        past += st->c_partner[(gsize) c * st->n_slots + s] != NONE;
      memset (row, 0, first_open);
      st->c_capacity[c] = MAX (st->c_used[c], MIN (st->c_capacity[c], past + count_slots (row, st->n_slots)));
      st->c_min[c] = MIN (st->c_min[c], st->c_capacity[c]);
    }
  for (guint k = 0; k < st->n_k; k++)
    {
      guint8 *row = st->k_available + (gsize) k * st->n_slots;
      guint past = 0;

      for (guint s = 0; s < first_open; s++)
        past += st->k_partner[(gsize) k * st->n_slots + s] != NONE;
      memset (row, 0, first_open);
      st->k_capacity[k] = MAX (st->k_used[k], MIN (st->k_capacity[k], past + count_slots (row, st->n_slots)));
      st->k_min[k] = MIN (st->k_min[k], st->k_capacity[k]);
    }
  /* The fair part of the total, again from the lowered minimums. */
  st->total = 0;
  st->deficit = 0;
  st->fair_value = 0;
  for (gsize pair = 0; pair < (gsize) st->n_c * st->n_k; pair++)
    if (st->pair_slot[pair] != NONE)
      st->total += st->weight[pair];
  for (guint c = 0; c < st->n_c; c++)
    {
      st->fair_value += ic_sched_tier_sum (st, st->c_used[c], st->c_min[c]);
      st->deficit += st->c_min[c] - MIN (st->c_used[c], st->c_min[c]);
    }
  for (guint k = 0; k < st->n_k; k++)
    {
      st->fair_value += ic_sched_tier_sum (st, st->k_used[k], st->k_min[k]);
      st->deficit += st->k_min[k] - MIN (st->k_used[k], st->k_min[k]);
    }
  st->total += st->fair_bonus * st->fair_value;
}

static void
report (IcScheduleProgressFunc progress,
        gpointer               progress_data,
        double                 fraction)
{
  if (progress != NULL)
    progress (fraction, progress_data);
}

/* Who has fewer meetings than they asked for, and why. */
static void
fill_attendance (IcSchedState *st,
                 IcSchedule   *schedule)
{
  guint n = ic_schedule_problem_get_n_participants (st->problem);

  schedule->people = g_array_sized_new (FALSE, TRUE, sizeof (IcScheduleAttendance), n);
  g_array_set_size (schedule->people, n);
  for (guint role = 0; role < 2; role++)
    {
      guint n_self = role == 0 ? st->n_c : st->n_k;
      guint n_other = role == 0 ? st->n_k : st->n_c;

      for (guint i = 0; i < n_self; i++)
        {
          guint p = role == 0 ? st->c_participant[i] : st->k_participant[i];
          IcScheduleAttendance *a = &g_array_index (schedule->people, IcScheduleAttendance, p);
          guint n_slots = 0;

          for (guint s = 0; s < st->n_slots; s++)
            n_slots += ic_schedule_problem_is_available (st->problem, p, s);
          for (guint o = 0; o < n_other; o++)
            a->possible += st->weight[role == 0 ? ic_sched_pair (st, i, o) : ic_sched_pair (st, o, i)] > 0;
          a->asked = ic_schedule_problem_get_max_meetings (st->problem, p);
          a->got = role == 0 ? st->c_used[i] : st->k_used[i];
          a->minimum = role == 0 ? st->c_min[i] : st->k_min[i];
          if (a->got >= a->asked)
            a->shortfall = IC_SCHEDULE_SHORT_NONE;
          else if (a->got < MIN (a->asked, MIN (n_slots, a->possible)))
            a->shortfall = IC_SCHEDULE_SHORT_CAPACITY;
          else if (a->possible <= n_slots)
            a->shortfall = IC_SCHEDULE_SHORT_COUNTERPARTS;
          else
            a->shortfall = IC_SCHEDULE_SHORT_AVAILABILITY;
        }
    }
}

/* Gives fixed meetings their old tables and the others a table each:
 * the challenge owner's own (their number modulo the tables) when tables
 * are kept per owner and it is free, else the lowest free one. */
static IcSchedule *
state_to_schedule (IcSchedState *st)
{
  IcSchedule *schedule = ic_schedule_new ();
  g_autofree guint8 *taken = g_new0 (guint8, MAX (st->n_tables, 1));
  g_autofree guint8 *done = g_new0 (guint8, MAX (st->n_c, 1));
  gboolean per_owner = ic_schedule_problem_get_fixed_tables (st->problem);

  for (guint s = 0; s < st->n_slots; s++)
    {
      memset (taken, 0, MAX (st->n_tables, 1));
      memset (done, 0, MAX (st->n_c, 1));
      /* Kept meetings first, then owners at their own table, then the
       * rest wherever a table is free. */
      for (guint pass = 0; pass < 3; pass++)
        for (guint c = 0; c < st->n_c; c++)
          {
            int k = st->c_partner[(gsize) c * st->n_slots + s];
            guint home = c % MAX (st->n_tables, 1);
            IcMeeting m = { 0 };
            gsize pair;

            if (k == NONE || done[c])
              continue;
            pair = ic_sched_pair (st, c, k);
            if (pass == 0)
              {
                if (!st->pair_fixed[pair])
                  continue;
                m.table = st->pair_table[pair];
              }
            else if (pass == 1)
              {
                if (!per_owner || taken[home])
                  continue;
                m.table = home;
              }
            else
              {
                m.table = 0;
                while (m.table < st->n_tables && taken[m.table])
                  m.table++;
                g_assert (m.table < st->n_tables);
              }
            taken[m.table] = TRUE;
            done[c] = TRUE;
            m.slot = s;
            m.challenge_owner = st->c_participant[c];
            m.capability_owner = st->k_participant[k];
            m.score = st->score[pair];
            m.requested = st->requested[pair];
            ic_schedule_add_meeting (schedule, &m);
          }
    }
  ic_schedule_sort (schedule);
  schedule->n_kept = st->n_fixed;
  schedule->n_fair_units = st->n_fair_units;
  schedule->n_fair_met = st->n_fair_units - st->deficit;
  fill_attendance (st, schedule);
  return schedule;
}

static guint
count_candidate_pairs (IcSchedState *st)
{
  guint n = 0;

  for (gsize pair = 0; pair < (gsize) st->n_c * st->n_k; pair++)
    n += st->weight[pair] > 0 && !st->pair_fixed[pair];
  return n;
}

/* Builds a schedule slot by slot, at most @cap meetings a slot (0: the
 * tables), then improves it unless told not to. */
static gboolean
build (IcSchedState            *st,
       guint                    cap,
       IcMeetingSchedulerFlags  flags,
       IcScheduleProgressFunc   progress,
       gpointer                 progress_data,
       double                   from,
       double                   to,
       GError                 **error)
{
  st->slot_cap = cap;
  for (guint s = 0; s < st->n_slots; s++)
    {
      if (g_cancellable_set_error_if_cancelled (st->cancellable, error))
        return FALSE;
      ic_sched_solve_slot (st, s);
      report (progress, progress_data, from + (to - from) * 0.5 * (s + 1) / st->n_slots);
    }
  st->slot_cap = 0;
  memset (st->slot_dirty, TRUE, MAX (st->n_slots, 1));
  if (!(flags & IC_MEETING_SCHEDULER_NO_IMPROVE) && !ic_sched_improve (st, error))
    return FALSE;
  report (progress, progress_data, to);
  return TRUE;
}

static IcSchedule *
run (IcScheduleProblem       *problem,
     IcSchedule              *previous,
     IcMeetingSchedulerFlags  flags,
     IcScheduleProgressFunc   progress,
     gpointer                 progress_data,
     GCancellable            *cancellable,
     GError                 **error)
{
  g_autoptr(IcSchedState) st = state_new (problem, cancellable);
  g_autoptr(IcSchedule) schedule = NULL;
  gboolean exact = FALSE;
  double upper_any, upper_requests, simple;
  guint most_requests, n_relaxed, even;
  gint64 most_fair;
  guint first_open = previous != NULL ? ic_schedule_problem_get_first_open_slot (problem) : 0;

  report (progress, progress_data, 0.0);
  upper_any = ic_sched_upper_bound (st, FALSE, NULL, NULL, NULL);
  upper_requests = ic_sched_upper_bound (st, TRUE, &most_fair, &most_requests, &n_relaxed);
  simple = ic_sched_simple_bound (st);
  report (progress, progress_data, 0.1);

  if (previous != NULL)
    {
      place_kept (st, previous, first_open);
      if (first_open > 0)
        freeze_past (st, first_open);
    }

  /* Slot by slot as they come, the first slots would take everyone's
   * meetings and leave the last ones empty: share out the meetings the
   * relaxation found evenly while building, then lift the cap. */
  even = MAX ((n_relaxed + MAX (st->n_slots, 1) - 1) / MAX (st->n_slots, 1), 1);

  /* Requests first: the most of them that fit, placed before anything
   * else is; slot by slot could otherwise leave one without a slot. */
  if (most_requests > 0)
    ic_sched_search_exact (st, TRUE, EXACT_NODE_BUDGET);
  if (!build (st, even, flags, progress, progress_data, 0.1, 0.9, error))
    return NULL;
  report (progress, progress_data, 0.9);

  if (previous == NULL)
    {
      /* One slot: the matching of step 2 was already the optimum. */
      if (st->n_slots == 1)
        exact = TRUE;
      else if (!(flags & IC_MEETING_SCHEDULER_NO_EXHAUSTIVE) &&
               count_candidate_pairs (st) <= EXACT_MAX_PAIRS)
        exact = ic_sched_search_exact (st, FALSE, EXACT_NODE_BUDGET);
    }

  schedule = state_to_schedule (st);
  schedule->simple_bound = simple;
  schedule->fairest = previous == NULL && st->fair_value >= most_fair;
  /* As fair as the relaxation, and placing as many requests, makes the
   * tighter bound (of the fair problem) apply, and meeting it proves
   * the schedule optimal. */
  if (st->fair_value >= most_fair &&
      ic_schedule_get_n_requests_placed (schedule) >= most_requests)
    {
      schedule->upper_bound = upper_requests;
      if (previous == NULL && ic_schedule_get_objective (schedule) >= upper_requests - 1e-9)
        exact = TRUE;
    }
  else
    schedule->upper_bound = upper_any;
  if (exact)
    {
      schedule->has_optimum = TRUE;
      schedule->optimum = ic_schedule_get_objective (schedule);
    }
  report (progress, progress_data, 1.0);
  return g_steal_pointer (&schedule);
}

IcSchedule *
ic_meeting_scheduler_solve (IcScheduleProblem       *problem,
                            IcMeetingSchedulerFlags  flags,
                            IcScheduleProgressFunc   progress,
                            gpointer                 progress_data,
                            GCancellable            *cancellable,
                            GError                 **error)
{
  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return run (problem, NULL, flags, progress, progress_data, cancellable, error);
}

IcSchedule *
ic_meeting_scheduler_reschedule (IcScheduleProblem       *problem,
                                 IcSchedule              *previous,
                                 IcMeetingSchedulerFlags  flags,
                                 IcScheduleProgressFunc   progress,
                                 gpointer                 progress_data,
                                 GCancellable            *cancellable,
                                 GError                 **error)
{
  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (previous != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return run (problem, previous, flags, progress, progress_data, cancellable, error);
}

typedef struct
{
  IcScheduleProblem       *problem;
  IcSchedule              *previous;
  IcMeetingSchedulerFlags  flags;
  IcScheduleProgressFunc   progress;
  gpointer                 progress_data;
  GMainContext            *context;
} SolveData;

typedef struct
{
  IcScheduleProgressFunc progress;
  gpointer               progress_data;
  double                 fraction;
} ProgressMessage;

static void
solve_data_free (gpointer data)
{
  SolveData *d = data;

  ic_schedule_problem_unref (d->problem);
  g_clear_pointer (&d->previous, ic_schedule_unref);
  g_main_context_unref (d->context);
  g_free (d);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressMessage *message = data;

  message->progress (message->fraction, message->progress_data);
  return G_SOURCE_REMOVE;
}

/* Runs on the worker: hands the fraction to the caller's context, where
 * it is delivered before the result (same priority, queued earlier). */
static void
forward_progress (double   fraction,
                  gpointer user_data)
{
  SolveData *d = user_data;
  ProgressMessage *message = g_new (ProgressMessage, 1);

  message->progress = d->progress;
  message->progress_data = d->progress_data;
  message->fraction = fraction;
  g_main_context_invoke_full (d->context, G_PRIORITY_DEFAULT, deliver_progress, message, g_free);
}

static void
solve_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SolveData *d = task_data;
  GError *error = NULL;
  IcSchedule *schedule;

  schedule = run (d->problem, d->previous, d->flags,
                  d->progress ? forward_progress : NULL, d,
                  cancellable, &error);
  if (schedule == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, schedule, (GDestroyNotify) ic_schedule_unref);
}

void
ic_meeting_scheduler_solve_async (IcScheduleProblem       *problem,
                                  IcSchedule              *previous,
                                  IcMeetingSchedulerFlags  flags,
                                  IcScheduleProgressFunc   progress,
                                  gpointer                 progress_data,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  SolveData *d;

  g_return_if_fail (problem != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  d = g_new0 (SolveData, 1);
  d->problem = ic_schedule_problem_ref (problem);
  d->previous = previous ? ic_schedule_ref (previous) : NULL;
  d->flags = flags;
  d->progress = progress;
  d->progress_data = progress_data;
  d->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_meeting_scheduler_solve_async);
  g_task_set_task_data (task, d, solve_data_free);
  g_task_run_in_thread (task, solve_thread);
}

IcSchedule *
ic_meeting_scheduler_solve_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_meeting_scheduler_solve_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* test-scheduler-util.c — instances, an independent validator and brute
 * force for test-scheduler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here calls the scheduler: the validator and the brute force
 * read only the test's own plain form of an instance.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "test-scheduler-util.h"

void
test_scheduler_generate (Instance    *inst,
                         const Shape *shape,
                         guint32      seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  memset (inst, 0, sizeof *inst);
  inst->n = shape->n;
  inst->n_slots = shape->n_slots;
  inst->n_tables = shape->n_tables;
  for (guint p = 0; p < inst->n; p++)
    {
      inst->challenge[p] = g_rand_boolean (rand);
      inst->max_meetings[p] = g_rand_int_range (rand, 0, shape->max_meetings_max + 1);
      for (guint s = 0; s < inst->n_slots; s++)
        inst->available[p][s] = g_rand_double (rand) < shape->availability;
    }
  for (guint a = 0; a < inst->n; a++)
    for (guint b = a + 1; b < inst->n; b++)
      {
        double score = g_rand_double (rand) < shape->score_density
                       ? floor (g_rand_double (rand) * 1000.0) / 1000.0 : 0.0;
        gboolean forbidden = g_rand_double (rand) < shape->forbidden_share;
        gboolean requested = g_rand_double (rand) < shape->requested_share;

        inst->score[a][b] = inst->score[b][a] = score;
        inst->forbidden[a][b] = inst->forbidden[b][a] = forbidden;
        inst->requested[a][b] = inst->requested[b][a] = requested;
      }
}

IcScheduleProblem *
test_scheduler_to_problem (const Instance *inst)
{
  IcScheduleProblem *problem = ic_schedule_problem_new (inst->n_slots, inst->n_tables);

  ic_schedule_problem_set_fair (problem, inst->fair);
  ic_schedule_problem_set_fixed_tables (problem, inst->fixed_tables);

  for (guint p = 0; p < inst->n; p++)
    {
      ic_schedule_problem_add_participant (problem,
                                           inst->challenge[p] ? IC_SCHEDULE_ROLE_CHALLENGE
                                                              : IC_SCHEDULE_ROLE_CAPABILITY,
                                           inst->max_meetings[p]);
      for (guint s = 0; s < inst->n_slots; s++)
        ic_schedule_problem_set_available (problem, p, s, inst->available[p][s]);
    }
  for (guint a = 0; a < inst->n; a++)
    for (guint b = a + 1; b < inst->n; b++)
      {
        if (inst->score[a][b] > 0.0)
          ic_schedule_problem_set_score (problem, a, b, inst->score[a][b]);
        if (inst->requested[a][b])
          ic_schedule_problem_add_request (problem, a, b);
        if (inst->forbidden[a][b])
          ic_schedule_problem_add_forbidden (problem, a, b);
      }
  return problem;
}

/* Every rule, checked from the instance alone. */
guint
test_scheduler_validate (const Instance *inst,
                         IcSchedule     *schedule,
                         double         *total)
{
  int at[MAX_N][MAX_SLOTS];
  gboolean table_used[MAX_SLOTS][MAX_N] = { { FALSE } };
  gboolean met[MAX_N][MAX_N] = { { FALSE } };
  guint count[MAX_N] = { 0 };
  int home[MAX_N];
  guint n_requested = 0, n_challenge = 0;
  double sum = 0.0;

  for (guint p = 0; p < inst->n; p++)
    {
      home[p] = -1;
      n_challenge += inst->challenge[p];
    }

  for (guint p = 0; p < MAX_N; p++)
    for (guint s = 0; s < MAX_SLOTS; s++)
      at[p][s] = -1;

  for (guint i = 0; i < ic_schedule_get_n_meetings (schedule); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (schedule, i);
      guint c = m->challenge_owner, k = m->capability_owner;

      g_assert_cmpuint (m->slot, <, inst->n_slots);
      g_assert_cmpuint (m->table, <, inst->n_tables);
      g_assert_cmpuint (c, <, inst->n);
      g_assert_cmpuint (k, <, inst->n);
      /* One challenge owner and one capability owner. */
      g_assert_true (inst->challenge[c]);
      g_assert_false (inst->challenge[k]);
      g_assert_true (inst->available[c][m->slot]);
      g_assert_true (inst->available[k][m->slot]);
      g_assert_false (inst->forbidden[c][k]);
      /* Nobody in two places at once; one meeting per table. */
      g_assert_cmpint (at[c][m->slot], ==, -1);
      g_assert_cmpint (at[k][m->slot], ==, -1);
      at[c][m->slot] = at[k][m->slot] = i;
      g_assert_false (table_used[m->slot][m->table]);
      table_used[m->slot][m->table] = TRUE;
      g_assert_false (met[c][k]);
      met[c][k] = TRUE;
      /* A challenge owner keeps one table, when there are enough. */
      if (inst->fixed_tables && n_challenge <= inst->n_tables)
        {
          if (home[c] != -1)
            g_assert_cmpint (home[c], ==, (int) m->table);
          home[c] = m->table;
        }
      count[c]++;
      count[k]++;
      g_assert_cmpfloat_with_epsilon (m->score, inst->score[c][k], 1e-12);
      g_assert_cmpint (m->requested, ==, inst->requested[c][k]);
      n_requested += inst->requested[c][k];
      sum += inst->score[c][k];
    }
  for (guint p = 0; p < inst->n; p++)
    g_assert_cmpuint (count[p], <=, inst->max_meetings[p]);

  g_assert_cmpfloat_with_epsilon (ic_schedule_get_objective (schedule), sum, 1e-9);
  if (total != NULL)
    *total = sum;
  return n_requested;
}

/* Brute force ----------------------------------------------------------- */

typedef struct
{
  const Instance *inst;
  guint           n_pairs;
  guint           pair_c[MAX_N * MAX_N];
  guint           pair_k[MAX_N * MAX_N];
  int             at[MAX_N][MAX_SLOTS];
  guint           count[MAX_N];
  guint           load[MAX_SLOTS];
  guint           requests;
  double          score;
  guint           best_fair;
  guint           best_requests;
  double          best_score;
  guint           minimum[MAX_N];
  guint           levels;
} Brute;

/* A person's u-th meeting (from 1) up to their minimum is worth
 * levels + 1 − u: firsts before seconds. */
static guint
tier_sum (guint n,
          guint levels)
{
  guint sum = 0;

  for (guint u = 1; u <= n; u++)
    sum += levels + 1 - u;
  return sum;
}

static gboolean
better (guint  fair,
        guint  requests,
        double score,
        guint  than_fair,
        guint  than_requests,
        double than_score)
{
  if (fair != than_fair)
    return fair > than_fair;
  return requests > than_requests || (requests == than_requests && score > than_score + 1e-12);
}

static void
brute_from (Brute *b,
            guint  index)
{
  const Instance *inst = b->inst;
  guint c, k;

  if (index == b->n_pairs)
    {
      guint fair = 0;

      for (guint p = 0; p < inst->n; p++)
        fair += tier_sum (MIN (b->count[p], b->minimum[p]), b->levels);
      if (better (fair, b->requests, b->score, b->best_fair, b->best_requests, b->best_score))
        {
          b->best_fair = fair;
          b->best_requests = b->requests;
          b->best_score = b->score;
        }
      return;
    }
  brute_from (b, index + 1);
  c = b->pair_c[index];
  k = b->pair_k[index];
  if (b->count[c] >= inst->max_meetings[c] || b->count[k] >= inst->max_meetings[k])
    return;
  for (guint s = 0; s < inst->n_slots; s++)
    {
      if (!inst->available[c][s] || !inst->available[k][s] ||
          b->at[c][s] != -1 || b->at[k][s] != -1 || b->load[s] >= inst->n_tables)
        continue;
      b->at[c][s] = b->at[k][s] = 1;
      b->count[c]++;
      b->count[k]++;
      b->load[s]++;
      b->requests += inst->requested[c][k];
      b->score += inst->score[c][k];
      brute_from (b, index + 1);
      b->score -= inst->score[c][k];
      b->requests -= inst->requested[c][k];
      b->load[s]--;
      b->count[k]--;
      b->count[c]--;
      b->at[c][s] = b->at[k][s] = -1;
    }
}

static gboolean
can_meet (const Instance *inst,
          guint           c,
          guint           k)
{
  gboolean share = FALSE;

  for (guint s = 0; s < inst->n_slots; s++)
    share |= inst->available[c][s] && inst->available[k][s];
  return share && inst->challenge[c] && !inst->challenge[k] && !inst->forbidden[c][k] &&
         (inst->score[c][k] > 0.0 || inst->requested[c][k]) &&
         inst->max_meetings[c] > 0 && inst->max_meetings[k] > 0;
}

guint
test_scheduler_minimum (const Instance *inst,
                        guint           p)
{
  guint n_slots = 0, partners = 0, capacity;

  if (!inst->fair)
    return 0;
  for (guint s = 0; s < inst->n_slots; s++)
    n_slots += inst->available[p][s];
  capacity = MIN (inst->max_meetings[p], n_slots);
  for (guint o = 0; o < inst->n; o++)
    partners += inst->challenge[p] ? can_meet (inst, p, o) : can_meet (inst, o, p);
  /* A challenge owner: every meeting they can fill; anyone else: one. */
  return MIN (inst->challenge[p] ? capacity : 1, MIN (capacity, partners));
}

guint
test_scheduler_fair_met (const Instance *inst,
                         IcSchedule     *schedule)
{
  guint count[MAX_N] = { 0 };
  guint met = 0;

  for (guint i = 0; i < ic_schedule_get_n_meetings (schedule); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (schedule, i);

      count[m->challenge_owner]++;
      count[m->capability_owner]++;
    }
  for (guint p = 0; p < inst->n; p++)
    met += MIN (count[p], test_scheduler_minimum (inst, p));
  return met;
}

guint
test_scheduler_fair_value (const Instance *inst,
                           IcSchedule     *schedule)
{
  guint count[MAX_N] = { 0 };
  guint levels = 0, value = 0;

  for (guint p = 0; p < inst->n; p++)
    levels = MAX (levels, test_scheduler_minimum (inst, p));
  for (guint i = 0; i < ic_schedule_get_n_meetings (schedule); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (schedule, i);

      count[m->challenge_owner]++;
      count[m->capability_owner]++;
    }
  for (guint p = 0; p < inst->n; p++)
    value += tier_sum (MIN (count[p], test_scheduler_minimum (inst, p)), levels);
  return value;
}

void
test_scheduler_brute_force (const Instance *inst,
                            guint          *requests,
                            double         *score)
{
  test_scheduler_brute_force_fair (inst, NULL, requests, score);
}

void
test_scheduler_brute_force_fair (const Instance *inst,
                                 guint          *fair,
                                 guint          *requests,
                                 double         *score)
{
  g_autofree Brute *b = g_new0 (Brute, 1);

  b->inst = inst;
  for (guint p = 0; p < inst->n; p++)
    {
      b->minimum[p] = test_scheduler_minimum (inst, p);
      b->levels = MAX (b->levels, b->minimum[p]);
    }
  for (guint p = 0; p < MAX_N; p++)
    for (guint s = 0; s < MAX_SLOTS; s++)
      b->at[p][s] = -1;
  for (guint c = 0; c < inst->n; c++)
    for (guint k = 0; k < inst->n; k++)
      if (inst->challenge[c] && !inst->challenge[k] && !inst->forbidden[c][k] &&
          (inst->score[c][k] > 0.0 || inst->requested[c][k]))
        {
          b->pair_c[b->n_pairs] = c;
          b->pair_k[b->n_pairs] = k;
          b->n_pairs++;
        }
  brute_from (b, 0);
  if (fair != NULL)
    *fair = b->best_fair;
  *requests = b->best_requests;
  *score = b->best_score;
}

IcSchedule *
test_scheduler_solve (const Instance          *inst,
                      IcMeetingSchedulerFlags  flags)
{
  g_autoptr(IcScheduleProblem) problem = test_scheduler_to_problem (inst);
  g_autoptr(GError) error = NULL;
  IcSchedule *schedule;

  schedule = ic_meeting_scheduler_solve (problem, flags, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  return schedule;
}

gint64
test_scheduler_tier_bonus (const IcAssignmentProblem *p,
                           guint                      used,
                           guint                      units)
{
  guint levels = MAX (p->bonus_levels, 1);
  gint64 sum = 0;

  for (guint u = 1; u <= MIN (used, units); u++)
    sum += u <= levels ? p->bonus * (levels + 1 - u) : 0;
  return sum;
}

gint64
test_scheduler_brute_assignment (const IcAssignmentProblem *p,
                                 guint                      index,
                                 guint                     *used_left,
                                 guint                     *used_right,
                                 guint                      n_edges)
{
  guint i, j;
  gint64 best;

  if (index == p->n_left * p->n_right)
    {
      gint64 bonus = 0;

      for (guint l = 0; p->left_bonus_units != NULL && l < p->n_left; l++)
        bonus += test_scheduler_tier_bonus (p, used_left[l], p->left_bonus_units[l]);
      for (guint r = 0; p->right_bonus_units != NULL && r < p->n_right; r++)
        bonus += test_scheduler_tier_bonus (p, used_right[r], p->right_bonus_units[r]);
      return bonus;
    }
  i = index / p->n_right;
  j = index % p->n_right;
  best = test_scheduler_brute_assignment (p, index + 1, used_left, used_right, n_edges);
  if (p->weights[index] > 0 && n_edges < p->max_edges &&
      used_left[i] < p->left_capacity[i] && used_right[j] < p->right_capacity[j])
    {
      gint64 with;

      used_left[i]++;
      used_right[j]++;
      with = p->weights[index] + test_scheduler_brute_assignment (p, index + 1, used_left, used_right,
                                                                  n_edges + 1);
      used_left[i]--;
      used_right[j]--;
      best = MAX (best, with);
    }
  return best;
}

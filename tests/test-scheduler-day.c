/* test-scheduler-day.c — fair schedules, tables kept per challenge
 * owner, and the changes of the day (absence, lateness, walk-ins,
 * swaps)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every schedule is checked by the independent validator of
 * test-scheduler-util.c; optima and the fewest changes come from brute
 * force over the test's own form of an instance.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ic-assignment.h"
#include "test-scheduler-util.h"


static void
fair_instance (Instance    *inst,
               const Shape *shape,
               guint32      seed)
{
  test_scheduler_generate (inst, shape, seed);
  inst->fair = TRUE;
  inst->fixed_tables = TRUE;
}

static void
test_assignment_bonus (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 300; round++)
    {
      guint n_left = g_rand_int_range (rand, 1, 5);
      guint n_right = g_rand_int_range (rand, 1, 5);
      gint64 weights[16];
      guint left_capacity[4], right_capacity[4], left_units[4], right_units[4];
      guint used_left[4] = { 0 }, used_right[4] = { 0 };
      IcAssignmentProblem p = { n_left, n_right, weights, left_capacity, right_capacity, 0,
                                left_units, right_units, 0, 0 };
      g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (IcAssignmentEdge));
      gint64 total, check = 0;

      for (guint i = 0; i < n_left * n_right; i++)
        weights[i] = g_rand_int_range (rand, -3, 20);
      for (guint i = 0; i < 4; i++)
        {
          left_capacity[i] = g_rand_int_range (rand, 0, 3);
          right_capacity[i] = g_rand_int_range (rand, 0, 3);
          left_units[i] = g_rand_int_range (rand, 0, 3);
          right_units[i] = g_rand_int_range (rand, 0, 2);
        }
      p.max_edges = g_rand_int_range (rand, 0, 7);
      p.bonus = g_rand_int_range (rand, 0, 3) * 50;
      p.bonus_levels = g_rand_int_range (rand, 0, 4);

      total = ic_assignment_solve (&p, edges);
      g_assert_cmpint (total, ==, test_scheduler_brute_assignment (&p, 0, used_left, used_right, 0));
      for (guint e = 0; e < edges->len; e++)
        {
          IcAssignmentEdge *edge = &g_array_index (edges, IcAssignmentEdge, e);

          check += weights[edge->left * n_right + edge->right];
          used_left[edge->left]++;
          used_right[edge->right]++;
        }
      for (guint l = 0; l < n_left; l++)
        check += test_scheduler_tier_bonus (&p, used_left[l], left_units[l]);
      for (guint r = 0; r < n_right; r++)
        check += test_scheduler_tier_bonus (&p, used_right[r], right_units[r]);
      g_assert_cmpint (check, ==, total);
    }
}

static const Shape tiny_shape = {
  .n_slots = 3, .n_tables = 2, .n = 6, .score_density = 0.6, .availability = 0.7,
  .max_meetings_max = 3, .forbidden_share = 0.1, .requested_share = 0.1,
};

/* On tiny instances: the most minimum meetings, then requests, then
 * score, exactly as brute force finds them; challenge owners keep one
 * table; the bound of the fair problem holds. */
static void
test_fair_brute_force (void)
{
  guint n_fair_heuristic = 0, n_runs = 0;

  for (guint32 seed = 1; seed <= 300; seed++)
    {
      Shape shape = tiny_shape;
      Instance inst;
      g_autoptr(IcSchedule) schedule = NULL;
      g_autoptr(IcSchedule) heuristic = NULL;
      guint best_fair, best_requests, requests;
      double best_score, score, optimum;

      shape.n = 4 + seed % 4;
      shape.n_slots = 2 + seed % 3;
      shape.n_tables = 1 + seed % 3;
      fair_instance (&inst, &shape, 5000 + seed);
      test_scheduler_brute_force_fair (&inst, &best_fair, &best_requests, &best_score);

      schedule = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT);
      requests = test_scheduler_validate (&inst, schedule, &score);
      g_assert_cmpuint (test_scheduler_fair_value (&inst, schedule), ==, best_fair);
      g_assert_cmpuint (ic_schedule_get_n_fair_met (schedule), ==, test_scheduler_fair_met (&inst, schedule));
      g_assert_cmpuint (requests, ==, best_requests);
      g_assert_cmpfloat_with_epsilon (score, best_score, 1e-9);
      if (ic_schedule_get_optimum (schedule, &optimum))
        g_assert_cmpfloat_with_epsilon (optimum, best_score, 1e-9);
      if (ic_schedule_is_fairest (schedule))
        g_assert_cmpfloat (best_score, <=, ic_schedule_get_upper_bound (schedule) + 1e-9);
      for (guint p = 0; p < inst.n; p++)
        g_assert_cmpuint (ic_schedule_get_attendance (schedule, p)->minimum, ==,
                          test_scheduler_minimum (&inst, p));

      heuristic = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_NO_EXHAUSTIVE);
      test_scheduler_validate (&inst, heuristic, NULL);
      n_runs++;
      n_fair_heuristic += test_scheduler_fair_value (&inst, heuristic) == best_fair;
    }
  g_test_message ("local search alone met the most minimums in %u of %u tiny instances",
                  n_fair_heuristic, n_runs);
  g_assert_cmpuint (n_fair_heuristic * 100, >=, n_runs * 95);
}

/* The case a facilitator met: 8 challenge owners, 20 SMEs, 6 slots, 5
 * tables.  Every SME who can meet anyone gets a meeting, and no
 * challenge owner is left out, whenever the relaxation says it can be
 * done. */
static void
test_fair_workshop (void)
{
  guint n_all = 0;

  for (guint32 seed = 1; seed <= 30; seed++)
    {
      Instance inst = { 0 };
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(IcSchedule) schedule = NULL;
      g_autoptr(IcScheduleProblem) problem = NULL;
      guint count[MAX_N] = { 0 };
      g_autofree char *words = NULL;

      inst.n = 28;
      inst.n_slots = 6;
      inst.n_tables = 5;
      inst.fair = inst.fixed_tables = TRUE;
      for (guint p = 0; p < inst.n; p++)
        {
          inst.challenge[p] = p < 8;
          inst.max_meetings[p] = 6;
          for (guint s = 0; s < inst.n_slots; s++)
            inst.available[p][s] = TRUE;
        }
      /* Some SMEs fit everyone, some fit nobody but one buyer. */
      for (guint c = 0; c < 8; c++)
        for (guint k = 8; k < inst.n; k++)
          {
            double score = g_rand_double (rand) < (k < 14 ? 0.9 : 0.3) ? 0.2 + 0.8 * g_rand_double (rand) : 0.0;

            inst.score[c][k] = inst.score[k][c] = score;
          }
      schedule = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT);
      test_scheduler_validate (&inst, schedule, NULL);
      problem = test_scheduler_to_problem (&inst);
      g_assert_true (ic_schedule_check (schedule, problem, NULL));

      g_assert_cmpuint (ic_schedule_get_n_fair_met (schedule), ==, test_scheduler_fair_met (&inst, schedule));
      if (ic_schedule_is_fairest (schedule))
        n_all++;

      for (guint i = 0; i < ic_schedule_get_n_meetings (schedule); i++)
        {
          const IcMeeting *m = ic_schedule_get_meeting (schedule, i);

          count[m->challenge_owner]++;
          count[m->capability_owner]++;
        }
      /* 30 seats for 8 buyers: shared out, each gets 3 or 4. */
      for (guint c = 0; c < 8; c++)
        g_assert_cmpuint (count[c], >=, 3);
      for (guint c = 0; c < 8; c++)
        g_assert_cmpuint (count[c], <=, 4);
      /* Anyone with a possible partner gets a meeting. */
      for (guint k = 8; k < inst.n; k++)
        if (test_scheduler_minimum (&inst, k) > 0)
          g_assert_cmpuint (count[k], >=, 1);

      /* Someone asked for 6 and got fewer: the words say so and why. */
      words = ic_schedule_describe_shortfalls (schedule, NULL);
      g_assert_nonnull (strstr (words, "Fewer meetings than asked for"));
      g_assert_nonnull (strstr (words, " of 6)"));
    }
  g_test_message ("every minimum the relaxation allows was met in %u of 30 workshops", n_all);
  g_assert_cmpuint (n_all, >=, 27);
}

/* Fewer buyers than tables: each keeps one table all day. */
static void
test_fixed_tables (void)
{
  for (guint32 seed = 1; seed <= 40; seed++)
    {
      Shape shape = { .n_slots = 6, .n_tables = 12, .n = 30, .score_density = 0.5,
                      .availability = 0.8, .max_meetings_max = 6, .requested_share = 0.05 };
      Instance inst;
      g_autoptr(IcSchedule) schedule = NULL;
      g_autoptr(IcScheduleProblem) problem = NULL;
      guint n_challenge = 0;

      fair_instance (&inst, &shape, 300 + seed);
      for (guint p = 0; p < inst.n; p++)
        n_challenge += inst.challenge[p];
      if (n_challenge > inst.n_tables)
        continue;
      /* The validator asserts the one table per challenge owner. */
      schedule = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT);
      test_scheduler_validate (&inst, schedule, NULL);
      problem = test_scheduler_to_problem (&inst);
      g_assert_true (ic_schedule_check (schedule, problem, NULL));
    }
}

/* The most meetings of @before that a valid schedule of @inst can keep
 * as they are (same slot, table and pair), by trying every subset. */
static guint
brute_most_kept (const Instance *inst,
                 IcSchedule     *before)
{
  guint n = ic_schedule_get_n_meetings (before), best = 0;

  g_assert_cmpuint (n, <=, 20);
  for (guint32 mask = 0; mask < (1u << n); mask++)
    {
      guint count[MAX_N] = { 0 };
      gboolean ok = TRUE;
      guint size = 0;

      if ((guint) g_bit_storage (mask) > n || (guint) __builtin_popcount (mask) <= best)
        continue;
      for (guint i = 0; i < n && ok; i++)
        {
          const IcMeeting *m;

          if (!(mask & (1u << i)))
            continue;
          m = ic_schedule_get_meeting (before, i);
          ok = m->challenge_owner < inst->n && m->capability_owner < inst->n &&
               inst->available[m->challenge_owner][m->slot] &&
               inst->available[m->capability_owner][m->slot] &&
               !inst->forbidden[m->challenge_owner][m->capability_owner] &&
               ++count[m->challenge_owner] <= inst->max_meetings[m->challenge_owner] &&
               ++count[m->capability_owner] <= inst->max_meetings[m->capability_owner];
          size++;
        }
      if (ok)
        best = MAX (best, size);
    }
  return best;
}

static gboolean
schedule_has (IcSchedule      *schedule,
              const IcMeeting *m)
{
  for (guint i = 0; i < ic_schedule_get_n_meetings (schedule); i++)
    {
      const IcMeeting *o = ic_schedule_get_meeting (schedule, i);

      if (o->slot == m->slot && o->table == m->table &&
          o->challenge_owner == m->challenge_owner && o->capability_owner == m->capability_owner)
        return TRUE;
    }
  return FALSE;
}

static IcSchedule *
reschedule (const Instance *inst,
            IcSchedule     *before,
            guint           first_open)
{
  g_autoptr(IcScheduleProblem) problem = test_scheduler_to_problem (inst);
  g_autoptr(GError) error = NULL;
  IcSchedule *after;

  ic_schedule_problem_set_first_open_slot (problem, first_open);
  after = ic_meeting_scheduler_reschedule (problem, before, IC_MEETING_SCHEDULER_DEFAULT,
                                           NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  test_scheduler_validate (inst, after, NULL);
  g_assert_true (ic_schedule_check (after, problem, NULL));
  /* Nothing that took place changes, and nothing is added to it. */
  for (guint i = 0; i < ic_schedule_get_n_meetings (before); i++)
    if (ic_schedule_get_meeting (before, i)->slot < first_open)
      g_assert_true (schedule_has (after, ic_schedule_get_meeting (before, i)));
  for (guint i = 0; i < ic_schedule_get_n_meetings (after); i++)
    if (ic_schedule_get_meeting (after, i)->slot < first_open)
      g_assert_true (schedule_has (before, ic_schedule_get_meeting (after, i)));
  return after;
}

/* Absent from a slot on, late, a walk-in, a lowered limit: the
 * re-schedule keeps exactly as many announced meetings as can be kept
 * (brute force over every subset), and every output is valid. */
static void
test_day_changes (void)
{
  guint n_cases = 0;

  for (guint32 seed = 1; seed <= 120; seed++)
    {
      Shape shape = { .n_slots = 4, .n_tables = 3, .n = 9, .score_density = 0.6,
                      .availability = 0.85, .max_meetings_max = 3, .requested_share = 0.05 };
      Instance inst, changed;
      g_autoptr(IcSchedule) before = NULL;
      g_autoptr(IcSchedule) after = NULL;
      guint who, from, kind = seed % 4;

      fair_instance (&inst, &shape, 700 + seed);
      inst.n = 8;   /* the ninth walks in */
      before = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT);
      test_scheduler_validate (&inst, before, NULL);
      if (ic_schedule_get_n_meetings (before) == 0 || ic_schedule_get_n_meetings (before) > 20)
        continue;

      changed = inst;
      who = ic_schedule_get_meeting (before, seed % ic_schedule_get_n_meetings (before))->capability_owner;
      if (seed % 2)
        who = ic_schedule_get_meeting (before, seed % ic_schedule_get_n_meetings (before))->challenge_owner;
      from = 1 + seed % (inst.n_slots - 1);
      switch (kind)
        {
        case 0: /* absent from slot `from` on */
          for (guint s = from; s < inst.n_slots; s++)
            changed.available[who][s] = FALSE;
          break;
        case 1: /* late: not there before slot `from` */
          for (guint s = 0; s < from; s++)
            changed.available[who][s] = FALSE;
          from = 0;
          break;
        case 2: /* a walk-in: the ninth participant */
          changed.n = 9;
          changed.max_meetings[8] = 3;
          for (guint s = 0; s < inst.n_slots; s++)
            changed.available[8][s] = TRUE;
          break;
        default: /* wants fewer meetings */
          changed.max_meetings[who] = changed.max_meetings[who] > 0 ? changed.max_meetings[who] - 1 : 0;
          from = 0;
          break;
        }
      after = reschedule (&changed, before, kind == 0 || kind == 2 ? from : 0);
      g_assert_cmpuint (ic_schedule_get_n_kept (after), ==, brute_most_kept (&changed, before));
      for (guint i = 0; i < ic_schedule_get_n_meetings (after); i++)
        {
          const IcMeeting *m = ic_schedule_get_meeting (after, i);

          if (kind == 0 && m->slot >= from)
            g_assert_true (m->challenge_owner != who && m->capability_owner != who);
        }
      n_cases++;
    }
  g_assert_cmpuint (n_cases, >=, 100);
}

/* The walk-in is given meetings where tables and people are free. */
static void
test_walk_in (void)
{
  Instance inst = { 0 }, with;
  g_autoptr(IcSchedule) before = NULL;
  g_autoptr(IcSchedule) after = NULL;
  guint walk_in_meetings = 0;

  inst.n = 4;
  inst.n_slots = 3;
  inst.n_tables = 3;
  inst.fair = inst.fixed_tables = TRUE;
  for (guint p = 0; p < 5; p++)
    {
      inst.challenge[p] = p < 2;
      inst.max_meetings[p] = 3;
      for (guint s = 0; s < 3; s++)
        inst.available[p][s] = TRUE;
    }
  inst.score[0][2] = inst.score[2][0] = 0.9;
  inst.score[1][3] = inst.score[3][1] = 0.8;
  inst.score[0][4] = inst.score[4][0] = 0.5;
  inst.score[1][4] = inst.score[4][1] = 0.4;
  before = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT);
  g_assert_cmpuint (ic_schedule_get_n_meetings (before), ==, 2);

  with = inst;
  with.n = 5;
  after = reschedule (&with, before, 1);
  g_assert_cmpuint (ic_schedule_get_n_kept (after), ==, 2);
  for (guint i = 0; i < ic_schedule_get_n_meetings (after); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (after, i);

      if (m->capability_owner == 4)
        {
          g_assert_cmpuint (m->slot, >=, 1);
          walk_in_meetings++;
        }
    }
  g_assert_cmpuint (walk_in_meetings, ==, 2);
}

/* A swap that breaks nothing goes through; one that does is refused
 * with every clash named. */
static void
test_swap (void)
{
  g_autoptr(IcScheduleProblem) problem = ic_schedule_problem_new (3, 2);
  const char *names[] = { "Acme", "Borg", "Smallco", "Tinyco", "Widgets", NULL };
  guint a = ic_schedule_problem_add_participant (problem, IC_SCHEDULE_ROLE_CHALLENGE, 3);
  guint b = ic_schedule_problem_add_participant (problem, IC_SCHEDULE_ROLE_CHALLENGE, 3);
  guint s = ic_schedule_problem_add_participant (problem, IC_SCHEDULE_ROLE_CAPABILITY, 3);
  guint t = ic_schedule_problem_add_participant (problem, IC_SCHEDULE_ROLE_CAPABILITY, 3);
  guint w = ic_schedule_problem_add_participant (problem, IC_SCHEDULE_ROLE_CAPABILITY, 3);
  g_autoptr(IcSchedule) schedule = ic_schedule_new ();
  g_autoptr(IcSchedule) ok = NULL;
  g_autoptr(IcSchedule) bad = NULL;
  g_autoptr(GPtrArray) clashes = NULL;
  g_autofree char *all = NULL;
  guint moved = G_MAXUINT;

  for (guint p = 0; p < 5; p++)
    for (guint q = 0; q < 5; q++)
      if (p < 2 && q >= 2)
        ic_schedule_problem_set_score (problem, p, q, 0.5);
  /* Acme at table 1, Borg at table 2. */
  ic_schedule_add_meeting (schedule, &(IcMeeting) { 0, 0, a, s });
  ic_schedule_add_meeting (schedule, &(IcMeeting) { 1, 0, a, t });
  ic_schedule_add_meeting (schedule, &(IcMeeting) { 0, 1, b, t });
  ic_schedule_add_meeting (schedule, &(IcMeeting) { 1, 1, b, w });
  ic_schedule_add_meeting (schedule, &(IcMeeting) { 2, 1, b, s });
  ic_schedule_sort (schedule);
  g_assert_true (ic_schedule_check (schedule, problem, NULL));

  /* Borg's last two meetings change places: fine. */
  ok = ic_schedule_swap (schedule, problem, 3, 4);
  g_assert_true (ic_schedule_check (ok, problem, NULL));
  g_assert_cmpuint (ic_schedule_get_n_meetings (ok), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (ok, i);

      if (m->challenge_owner == b && m->capability_owner == w)
        g_assert_cmpuint (m->slot, ==, 2);
      if (m->challenge_owner == b && m->capability_owner == s)
        g_assert_cmpuint (m->slot, ==, 1);
      /* Tables stay with their owners. */
      g_assert_cmpuint (m->table, ==, m->challenge_owner == a ? 0 : 1);
    }

  /* Acme–Smallco (slot 1) with Borg–Widgets (slot 2): Acme's table is
   * taken in slot 2, by Acme itself meeting Tinyco. */
  bad = ic_schedule_swap (schedule, problem, 0, 3);
  g_assert_false (ic_schedule_check (bad, problem, NULL));
  for (guint i = 0; i < ic_schedule_get_n_meetings (bad); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (bad, i);

      if (m->challenge_owner == a && m->capability_owner == s)
        moved = i;
    }
  g_assert_cmpuint (moved, !=, G_MAXUINT);
  clashes = ic_schedule_list_clashes (bad, problem, moved, names);
  g_ptr_array_add (clashes, NULL);
  all = g_strjoinv ("\n", (char **) clashes->pdata);
  g_assert_cmpstr (all, ==, "Table 1 is taken in slot 2 by Acme and Tinyco\n"
                            "Acme already meets Tinyco in slot 2");

  /* Moving Acme–Tinyco to slot 1 at table 2 clashes three ways: the
   * table, Acme (already meeting Smallco) and Tinyco (meeting Borg). */
  {
    g_autoptr(IcSchedule) moved_by_hand = ic_schedule_new ();
    g_autoptr(GPtrArray) three = NULL;
    g_autofree char *text = NULL;
    guint index = 0;

    for (guint i = 0; i < ic_schedule_get_n_meetings (schedule); i++)
      {
        IcMeeting m = *ic_schedule_get_meeting (schedule, i);

        if (m.challenge_owner == a && m.capability_owner == t)
          {
            m.slot = 0;
            m.table = 1;
          }
        ic_schedule_add_meeting (moved_by_hand, &m);
      }
    for (guint i = 0; i < ic_schedule_get_n_meetings (moved_by_hand); i++)
      if (ic_schedule_get_meeting (moved_by_hand, i)->challenge_owner == a &&
          ic_schedule_get_meeting (moved_by_hand, i)->capability_owner == t)
        index = i;
    three = ic_schedule_list_clashes (moved_by_hand, problem, index, names);
    g_ptr_array_add (three, NULL);
    text = g_strjoinv ("\n", (char **) three->pdata);
    g_assert_nonnull (strstr (text, "Table 2 is taken in slot 1 by Borg and Tinyco"));
    g_assert_nonnull (strstr (text, "Acme already meets Smallco in slot 1"));
    g_assert_nonnull (strstr (text, "Tinyco already meets Borg in slot 1"));
    g_assert_nonnull (strstr (text, "Acme keeps table 1 all day"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheduler-day/assignment-bonus", test_assignment_bonus);
  g_test_add_func ("/scheduler-day/fair-brute-force", test_fair_brute_force);
  g_test_add_func ("/scheduler-day/fair-workshop", test_fair_workshop);
  g_test_add_func ("/scheduler-day/fixed-tables", test_fixed_tables);
  g_test_add_func ("/scheduler-day/day-changes", test_day_changes);
  g_test_add_func ("/scheduler-day/walk-in", test_walk_in);
  g_test_add_func ("/scheduler-day/swap", test_swap);

  return g_test_run ();
}

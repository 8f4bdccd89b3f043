/* test-scheduler.c — the workshop meeting scheduler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Instances are generated in the test's own plain form
 * (test-scheduler-util.c); every schedule is checked against that form
 * by a validator that shares no code with the scheduler.  Optima come
 * from SciPy (one slot, tests/scheduler-oracle.py) and from brute force
 * (several slots).
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ic-assignment.h"
#include "test-scheduler-util.h"



static const Shape tiny_shape = {
  .n_slots = 3, .n_tables = 2, .n = 6, .score_density = 0.8, .availability = 0.7,
  .max_meetings_max = 3, .forbidden_share = 0.1, .requested_share = 0.1,
};

static void
test_brute_force (void)
{
  guint n_exact_heuristic = 0, n_runs = 0;
  double heuristic_share = 0.0;

  for (guint32 seed = 1; seed <= 300; seed++)
    {
      Shape shape = tiny_shape;
      Instance inst;
      g_autoptr(IcSchedule) schedule = NULL;
      g_autoptr(IcSchedule) heuristic = NULL;
      guint best_requests, requests;
      double best_score, score, optimum;

      shape.n = 4 + seed % 4;
      shape.n_slots = 2 + seed % 3;
      shape.n_tables = 1 + seed % 2;
      test_scheduler_generate (&inst, &shape, seed);
      test_scheduler_brute_force (&inst, &best_requests, &best_score);

      schedule = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT);
      requests = test_scheduler_validate (&inst, schedule, &score);
      g_assert_cmpuint (requests, ==, best_requests);
      g_assert_cmpfloat_with_epsilon (score, best_score, 1e-9);
      g_assert_true (ic_schedule_get_optimum (schedule, &optimum));
      g_assert_cmpfloat_with_epsilon (optimum, best_score, 1e-9);
      g_assert_cmpfloat (best_score, <=, ic_schedule_get_upper_bound (schedule) + 1e-9);
      g_assert_cmpfloat (ic_schedule_get_upper_bound (schedule), <=,
                         ic_schedule_get_simple_bound (schedule) + 1e-6);

      /* Without the exhaustive search: still valid, and how close? */
      heuristic = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_NO_EXHAUSTIVE);
      requests = test_scheduler_validate (&inst, heuristic, &score);
      n_runs++;
      if (requests == best_requests && fabs (score - best_score) < 1e-9)
        n_exact_heuristic++;
      heuristic_share += best_score > 0 ? score / best_score : 1.0;
    }
  g_test_message ("local search alone found the optimum in %u of %u tiny instances "
                  "(mean %.4f of it)", n_exact_heuristic, n_runs, heuristic_share / n_runs);
  g_assert_cmpfloat (heuristic_share / n_runs, >=, 0.97);
}

/* SciPy ------------------------------------------------------------------ */

static void
test_single_slot_scipy (void)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GPtrArray) schedules = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_schedule_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *python = "/usr/bin/python3";
  int fd, status;
  const guint n_instances = 60;

  if (!g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3");
      return;
    }

  for (guint32 seed = 1; seed <= n_instances; seed++)
    {
      Shape shape = { .n_slots = 1, .n = 10 + seed % 50, .score_density = 0.3 + (seed % 7) / 10.0,
                      .availability = 0.9, .max_meetings_max = 2, .forbidden_share = 0.05 };
      Instance inst;
      gboolean first_row = TRUE;

      shape.n_tables = 1 + seed % 12;
      test_scheduler_generate (&inst, &shape, 1000 + seed);
      g_ptr_array_add (schedules, test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT));
      test_scheduler_validate (&inst, g_ptr_array_index (schedules, seed - 1), NULL);

      /* Rows and columns: the people who can meet in the slot at all. */
      g_string_append_printf (json, "%s{\"cap\": %u, \"weights\": [", seed > 1 ? "," : "",
                              inst.n_tables);
      for (guint c = 0; c < inst.n; c++)
        {
          gboolean first = TRUE;

          if (!inst.challenge[c] || !inst.available[c][0] || inst.max_meetings[c] == 0)
            continue;
          g_string_append (json, first_row ? "[" : ",[");
          first_row = FALSE;
          for (guint k = 0; k < inst.n; k++)
            {
              if (inst.challenge[k] || !inst.available[k][0] || inst.max_meetings[k] == 0)
                continue;
              g_string_append_printf (json, "%s%.3f", first ? "" : ",",
                                      inst.forbidden[c][k] ? 0.0 : inst.score[c][k]);
              first = FALSE;
            }
          g_string_append (json, "]");
        }
      g_string_append (json, "]}");
    }
  g_string_append (json, "]");

  fd = g_file_open_tmp ("scheduler-oracle-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, json->str, json->len, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { python, SCHEDULER_ORACLE, path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  &out, NULL, &status, &error);
  }
  g_unlink (path);
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, NULL) == FALSE && WIFEXITED (status) &&
      WEXITSTATUS (status) == 77)
    {
      g_test_skip ("SciPy is not installed");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (g_strstrip (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_instances);
  for (guint i = 0; i < n_instances; i++)
    {
      IcSchedule *schedule = g_ptr_array_index (schedules, i);
      double optimum;

      g_assert_cmpfloat_with_epsilon (ic_schedule_get_objective (schedule),
                                      g_ascii_strtod (lines[i], NULL), 1e-6);
      g_assert_true (ic_schedule_get_optimum (schedule, &optimum));
      g_assert_cmpfloat_with_epsilon (optimum, g_ascii_strtod (lines[i], NULL), 1e-6);
    }
}

/* Properties on larger instances --------------------------------------- */

static const Shape medium_shape = {
  .n_slots = 8, .n_tables = 6, .n = 48, .score_density = 0.5, .availability = 0.75,
  .max_meetings_max = 6, .forbidden_share = 0.05, .requested_share = 0.01,
};

static void
test_constraints (void)
{
  for (guint32 seed = 1; seed <= 40; seed++)
    {
      Shape shape = medium_shape;
      Instance inst;
      g_autoptr(IcSchedule) schedule = NULL;
      g_autoptr(IcSchedule) plain = NULL;
      g_autoptr(IcScheduleProblem) problem = NULL;
      g_autoptr(GError) error = NULL;
      double score, plain_score;

      shape.n = 20 + seed;
      shape.n_slots = 1 + seed % MAX_SLOTS;
      shape.n_tables = 1 + seed % 9;
      test_scheduler_generate (&inst, &shape, 5000 + seed);

      schedule = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT);
      test_scheduler_validate (&inst, schedule, &score);
      problem = test_scheduler_to_problem (&inst);
      g_assert_true (ic_schedule_check (schedule, problem, &error));
      g_assert_no_error (error);

      /* The bounds hold, and the improvement pass never makes it worse. */
      g_assert_cmpfloat (score, <=, ic_schedule_get_upper_bound (schedule) + 1e-9);
      g_assert_cmpfloat (ic_schedule_get_upper_bound (schedule), <=,
                         ic_schedule_get_simple_bound (schedule) + 1e-6);
      plain = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_NO_IMPROVE | IC_MEETING_SCHEDULER_NO_EXHAUSTIVE);
      g_assert_cmpuint (test_scheduler_validate (&inst, plain, &plain_score), <=,
                        ic_schedule_get_n_requests_placed (schedule));
      if (ic_schedule_get_n_requests_placed (plain) == ic_schedule_get_n_requests_placed (schedule))
        g_assert_cmpfloat (plain_score, <=, score + 1e-9);
    }
}

static void
test_requests_placed (void)
{
  for (guint32 seed = 1; seed <= 30; seed++)
    {
      Instance inst;
      g_autoptr(IcSchedule) first = NULL;
      g_autoptr(IcSchedule) schedule = NULL;
      guint n_requests = 0;

      test_scheduler_generate (&inst, &medium_shape, 7000 + seed);
      for (guint a = 0; a < inst.n; a++)
        for (guint b = 0; b < inst.n; b++)
          inst.requested[a][b] = FALSE;

      /* Pairs of one valid schedule can all be placed together; make
       * them requests that score almost nothing. */
      first = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_NO_IMPROVE);
      for (guint i = 0; i < ic_schedule_get_n_meetings (first); i += 3)
        {
          const IcMeeting *m = ic_schedule_get_meeting (first, i);
          guint c = m->challenge_owner, k = m->capability_owner;

          inst.requested[c][k] = inst.requested[k][c] = TRUE;
          inst.score[c][k] = inst.score[k][c] = 0.001;
          n_requests++;
        }

      schedule = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT);
      g_assert_cmpuint (test_scheduler_validate (&inst, schedule, NULL), ==, n_requests);
      g_assert_cmpuint (ic_schedule_get_n_requests_placed (schedule), ==, n_requests);
    }
}

static gboolean
same_meeting (const IcMeeting *a,
              const IcMeeting *b)
{
  return a->slot == b->slot && a->table == b->table &&
         a->challenge_owner == b->challenge_owner && a->capability_owner == b->capability_owner;
}

static gboolean
schedule_has (IcSchedule      *schedule,
              const IcMeeting *m)
{
  for (guint i = 0; i < ic_schedule_get_n_meetings (schedule); i++)
    if (same_meeting (ic_schedule_get_meeting (schedule, i), m))
      return TRUE;
  return FALSE;
}

/* Reschedules @inst after @before and checks that every meeting of
 * @before that @inst still allows was kept, and that new meetings only
 * use what the dropped ones freed. */
static void
check_reschedule (const Instance *inst,
                  IcSchedule     *before)
{
  g_autoptr(IcScheduleProblem) problem = test_scheduler_to_problem (inst);
  g_autoptr(IcSchedule) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) dropped = g_array_new (FALSE, FALSE, sizeof (IcMeeting));
  guint n_kept = 0;

  after = ic_meeting_scheduler_reschedule (problem, before, IC_MEETING_SCHEDULER_DEFAULT,
                                           NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  test_scheduler_validate (inst, after, NULL);

  for (guint i = 0; i < ic_schedule_get_n_meetings (before); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (before, i);
      guint c = m->challenge_owner, k = m->capability_owner;
      gboolean allowed = inst->available[c][m->slot] && inst->available[k][m->slot] &&
                         !inst->forbidden[c][k] && inst->max_meetings[c] > 0 &&
                         inst->max_meetings[k] > 0;

      if (allowed)
        {
          g_assert_true (schedule_has (after, m));
          n_kept++;
        }
      else
        g_array_append_vals (dropped, m, 1);
    }
  g_assert_cmpuint (ic_schedule_get_n_kept (after), ==, n_kept);

  for (guint i = 0; i < ic_schedule_get_n_meetings (after); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (after, i);
      gboolean freed = FALSE;

      if (schedule_has (before, m))
        continue;
      for (guint j = 0; j < dropped->len; j++)
        {
          const IcMeeting *d = &g_array_index (dropped, IcMeeting, j);

          freed |= d->slot == m->slot ||
                   d->challenge_owner == m->challenge_owner ||
                   d->capability_owner == m->capability_owner;
        }
      g_assert_true (freed);
    }
}

static void
test_reschedule (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      Instance inst;
      g_autoptr(IcSchedule) before = NULL;
      guint busiest = 0, most = 0;
      g_autofree guint *count = g_new0 (guint, MAX_N);
      const IcMeeting *victim;

      test_scheduler_generate (&inst, &medium_shape, 9000 + seed);
      before = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT);
      if (ic_schedule_get_n_meetings (before) == 0)
        continue;
      for (guint i = 0; i < ic_schedule_get_n_meetings (before); i++)
        {
          const IcMeeting *m = ic_schedule_get_meeting (before, i);
          count[m->challenge_owner]++;
          count[m->capability_owner]++;
        }
      for (guint p = 0; p < inst.n; p++)
        if (count[p] > most)
          {
            most = count[p];
            busiest = p;
          }

      /* The busiest participant cancels. */
      {
        Instance cancelled = inst;

        for (guint s = 0; s < cancelled.n_slots; s++)
          cancelled.available[busiest][s] = FALSE;
        check_reschedule (&cancelled, before);
      }
      /* One meeting is called off (and must not come back). */
      {
        Instance called_off = inst;

        victim = ic_schedule_get_meeting (before, seed % ic_schedule_get_n_meetings (before));
        called_off.forbidden[victim->challenge_owner][victim->capability_owner] = TRUE;
        called_off.forbidden[victim->capability_owner][victim->challenge_owner] = TRUE;
        check_reschedule (&called_off, before);
      }
      /* Nothing changed: nothing moves. */
      {
        g_autoptr(IcScheduleProblem) problem = test_scheduler_to_problem (&inst);
        g_autoptr(IcSchedule) again = ic_meeting_scheduler_reschedule (problem, before, 0, NULL,
                                                                       NULL, NULL, NULL);

        g_assert_cmpuint (ic_schedule_get_n_meetings (again), ==,
                          ic_schedule_get_n_meetings (before));
        g_assert_cmpuint (ic_schedule_get_n_kept (again), ==, ic_schedule_get_n_meetings (before));
      }
    }
}

static void
test_determinism (void)
{
  for (guint32 seed = 1; seed <= 10; seed++)
    {
      Instance inst;
      g_autoptr(IcSchedule) a = NULL;
      g_autoptr(IcSchedule) b = NULL;

      test_scheduler_generate (&inst, &medium_shape, 11000 + seed);
      a = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT);
      b = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT);
      g_assert_cmpuint (ic_schedule_get_n_meetings (a), ==, ic_schedule_get_n_meetings (b));
      for (guint i = 0; i < ic_schedule_get_n_meetings (a); i++)
        g_assert_true (same_meeting (ic_schedule_get_meeting (a, i), ic_schedule_get_meeting (b, i)));
    }
}

/* The asynchronous API ---------------------------------------------------- */

typedef struct
{
  GMainLoop  *loop;
  IcSchedule *schedule;
  GError     *error;
  guint       n_progress;
  double      last_fraction;
} AsyncResult;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  AsyncResult *r = user_data;

  g_assert_cmpfloat (fraction, >=, r->last_fraction);
  r->last_fraction = fraction;
  r->n_progress++;
}

static void
on_solved (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->schedule = ic_meeting_scheduler_solve_finish (result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
test_async (void)
{
  Instance inst;
  g_autoptr(IcScheduleProblem) problem = NULL;
  g_autoptr(IcSchedule) sync = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult r = { 0 };

  test_scheduler_generate (&inst, &medium_shape, 12345);
  problem = test_scheduler_to_problem (&inst);
  sync = test_scheduler_solve (&inst, IC_MEETING_SCHEDULER_DEFAULT);

  r.loop = g_main_loop_new (NULL, FALSE);
  ic_meeting_scheduler_solve_async (problem, NULL, IC_MEETING_SCHEDULER_DEFAULT, on_progress, &r,
                                    NULL, on_solved, &r);
  g_main_loop_run (r.loop);
  g_assert_no_error (r.error);
  g_assert_nonnull (r.schedule);
  g_assert_cmpuint (r.n_progress, >, 1);
  g_assert_cmpfloat (r.last_fraction, ==, 1.0);
  g_assert_cmpuint (ic_schedule_get_n_meetings (r.schedule), ==, ic_schedule_get_n_meetings (sync));
  for (guint i = 0; i < ic_schedule_get_n_meetings (sync); i++)
    g_assert_true (same_meeting (ic_schedule_get_meeting (r.schedule, i),
                                 ic_schedule_get_meeting (sync, i)));
  g_clear_pointer (&r.schedule, ic_schedule_unref);

  /* Cancelled before it starts: it says so, and returns nothing. */
  g_cancellable_cancel (cancellable);
  ic_meeting_scheduler_solve_async (problem, sync, IC_MEETING_SCHEDULER_DEFAULT, NULL, NULL,
                                    cancellable, on_solved, &r);
  g_main_loop_run (r.loop);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (r.schedule);
  g_clear_error (&r.error);
  g_main_loop_unref (r.loop);
}

/* Hand edits ---------------------------------------------------------------- */

static void
test_check (void)
{
  g_autoptr(IcScheduleProblem) problem = ic_schedule_problem_new (2, 1);
  guint c1 = ic_schedule_problem_add_participant (problem, IC_SCHEDULE_ROLE_CHALLENGE, 1);
  guint c2 = ic_schedule_problem_add_participant (problem, IC_SCHEDULE_ROLE_CHALLENGE, 2);
  guint k1 = ic_schedule_problem_add_participant (problem, IC_SCHEDULE_ROLE_CAPABILITY, 2);
  guint k2 = ic_schedule_problem_add_participant (problem, IC_SCHEDULE_ROLE_CAPABILITY, 2);
  const struct
  {
    IcMeeting       meetings[2];
    guint           n;
    IcScheduleError code;   /* G_MAXUINT: valid */
  } cases[] = {
    { { { 0, 0, c1, k1 } }, 1, G_MAXUINT },
    { { { 0, 0, c1, k1 }, { 0, 0, c2, k1 } }, 2, IC_SCHEDULE_ERROR_TABLE_TAKEN },
    { { { 0, 0, c2, k1 }, { 1, 0, c2, k1 } }, 2, IC_SCHEDULE_ERROR_REPEATED },
    { { { 0, 0, c1, k2 }, { 1, 0, c1, k1 } }, 2, IC_SCHEDULE_ERROR_TOO_MANY },
    { { { 0, 0, k1, c1 } }, 1, IC_SCHEDULE_ERROR_ROLES },
    { { { 1, 0, c2, k2 } }, 1, IC_SCHEDULE_ERROR_UNAVAILABLE },
    { { { 0, 0, c2, k2 } }, 1, IC_SCHEDULE_ERROR_FORBIDDEN },
    { { { 0, 3, c1, k1 } }, 1, IC_SCHEDULE_ERROR_INVALID },
  };

  ic_schedule_problem_set_available (problem, k2, 1, FALSE);
  ic_schedule_problem_add_forbidden (problem, c2, k2);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IcSchedule) schedule = ic_schedule_new ();
      g_autoptr(GError) error = NULL;

      for (guint j = 0; j < cases[i].n; j++)
        ic_schedule_add_meeting (schedule, &cases[i].meetings[j]);
      if (cases[i].code == G_MAXUINT)
        {
          g_assert_true (ic_schedule_check (schedule, problem, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (ic_schedule_check (schedule, problem, &error));
          g_assert_error (error, IC_SCHEDULE_ERROR, (int) cases[i].code);
        }
    }

  /* Two tables: the same person twice in one slot is a clash. */
  {
    g_autoptr(IcScheduleProblem) two = ic_schedule_problem_new (1, 2);
    g_autoptr(IcSchedule) schedule = ic_schedule_new ();
    g_autoptr(GError) error = NULL;
    guint c = ic_schedule_problem_add_participant (two, IC_SCHEDULE_ROLE_CHALLENGE, 2);
    guint ka = ic_schedule_problem_add_participant (two, IC_SCHEDULE_ROLE_CAPABILITY, 2);
    guint kb = ic_schedule_problem_add_participant (two, IC_SCHEDULE_ROLE_CAPABILITY, 2);

    ic_schedule_add_meeting (schedule, &(IcMeeting) { 0, 0, c, ka });
    ic_schedule_add_meeting (schedule, &(IcMeeting) { 0, 1, c, kb });
    g_assert_false (ic_schedule_check (schedule, two, &error));
    g_assert_error (error, IC_SCHEDULE_ERROR, IC_SCHEDULE_ERROR_CLASH);
  }
}

/* The assignment solver on its own, against brute force, with capacities. */
static void
test_assignment (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 300; round++)
    {
      guint n_left = g_rand_int_range (rand, 1, 5);
      guint n_right = g_rand_int_range (rand, 1, 5);
      gint64 weights[16];
      guint left_capacity[4], right_capacity[4], used_left[4] = { 0 }, used_right[4] = { 0 };
      IcAssignmentProblem p = { n_left, n_right, weights, left_capacity, right_capacity, 0 };
      g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (IcAssignmentEdge));
      gint64 total, check = 0;

      for (guint i = 0; i < n_left * n_right; i++)
        weights[i] = g_rand_int_range (rand, -3, 20);
      for (guint i = 0; i < 4; i++)
        {
          left_capacity[i] = g_rand_int_range (rand, 0, 3);
          right_capacity[i] = g_rand_int_range (rand, 0, 3);
        }
      p.max_edges = g_rand_int_range (rand, 0, 7);

      total = ic_assignment_solve (&p, edges);
      g_assert_cmpint (total, ==, test_scheduler_brute_assignment (&p, 0, used_left, used_right, 0));
      g_assert_cmpuint (edges->len, <=, p.max_edges);
      for (guint e = 0; e < edges->len; e++)
        {
          IcAssignmentEdge *edge = &g_array_index (edges, IcAssignmentEdge, e);

          g_assert_cmpint (weights[edge->left * n_right + edge->right], >, 0);
          check += weights[edge->left * n_right + edge->right];
          g_assert_cmpuint (++used_left[edge->left], <=, left_capacity[edge->left]);
          g_assert_cmpuint (++used_right[edge->right], <=, right_capacity[edge->right]);
        }
      g_assert_cmpint (check, ==, total);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheduler/assignment", test_assignment);
  g_test_add_func ("/scheduler/check", test_check);
  g_test_add_func ("/scheduler/single-slot-scipy", test_single_slot_scipy);
  g_test_add_func ("/scheduler/brute-force", test_brute_force);
  g_test_add_func ("/scheduler/constraints", test_constraints);
  g_test_add_func ("/scheduler/requests", test_requests_placed);
  g_test_add_func ("/scheduler/reschedule", test_reschedule);
  g_test_add_func ("/scheduler/determinism", test_determinism);
  g_test_add_func ("/scheduler/async", test_async);

  return g_test_run ();
}

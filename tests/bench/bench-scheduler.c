/* bench-scheduler.c — how fast and how good the meeting scheduler is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a workshop (by default 200 participants, 12 slots and 20
 * tables, as the workshop issue asks), schedules it, and prints the
 * time taken and the objective against the upper bounds.  Target:
 * under 2 s.
 *
 *   bench-scheduler [--participants N] [--slots N] [--tables N] [--seed N] [--runs N]
 */

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>

#include "ic-meeting-scheduler.h"

static IcScheduleProblem *
generate (guint   n_participants,
          guint   n_slots,
          guint   n_tables,
          guint32 seed,
          guint  *n_requests)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  IcScheduleProblem *problem = ic_schedule_problem_new (n_slots, n_tables);
  g_autofree gboolean *challenge = g_new0 (gboolean, n_participants);

  /* About two SMEs for every large firm or public body. */
  for (guint p = 0; p < n_participants; p++)
    {
      challenge[p] = g_rand_double (rand) < 0.35;
      ic_schedule_problem_add_participant (problem,
                                           challenge[p] ? IC_SCHEDULE_ROLE_CHALLENGE
                                                        : IC_SCHEDULE_ROLE_CAPABILITY,
                                           g_rand_int_range (rand, 3, 9));
      for (guint s = 0; s < n_slots; s++)
        if (g_rand_double (rand) < 0.2)
          ic_schedule_problem_set_available (problem, p, s, FALSE);
    }

  /* Most pairs match a little, a few match well. */
  for (guint a = 0; a < n_participants; a++)
    for (guint b = a + 1; b < n_participants; b++)
      if (challenge[a] != challenge[b] && g_rand_double (rand) < 0.6)
        {
          double u = g_rand_double (rand);
          ic_schedule_problem_set_score (problem, a, b, u * u * u);
        }

  *n_requests = 0;
  for (guint i = 0; i < n_participants / 5; i++)
    {
      guint a = g_rand_int_range (rand, 0, n_participants);
      guint b = g_rand_int_range (rand, 0, n_participants);

      if (challenge[a] != challenge[b] && !ic_schedule_problem_is_requested (problem, a, b))
        {
          ic_schedule_problem_add_request (problem, a, b);
          (*n_requests)++;
        }
    }
  for (guint i = 0; i < n_participants / 10; i++)
    {
      guint a = g_rand_int_range (rand, 0, n_participants);
      guint b = g_rand_int_range (rand, 0, n_participants);

      if (a != b && !ic_schedule_problem_is_requested (problem, a, b))
        ic_schedule_problem_add_forbidden (problem, a, b);
    }
  return problem;
}

static IcSchedule *
timed_solve (IcScheduleProblem       *problem,
             IcMeetingSchedulerFlags  flags,
             double                  *seconds)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  IcSchedule *schedule;

  schedule = ic_meeting_scheduler_solve (problem, flags, NULL, NULL, NULL, &error);
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  if (schedule == NULL)
    g_error ("%s", error->message);
  if (!ic_schedule_check (schedule, problem, &error))
    g_error ("invalid schedule: %s", error->message);
  return schedule;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  int n_participants = 200, n_slots = 12, n_tables = 20, seed = 1, runs = 3;
  const GOptionEntry entries[] = {
    { "participants", 0, 0, G_OPTION_ARG_INT, &n_participants, "Participants (200)", "N" },
    { "slots", 0, 0, G_OPTION_ARG_INT, &n_slots, "Time slots (12)", "N" },
    { "tables", 0, 0, G_OPTION_ARG_INT, &n_tables, "Tables (20)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "First random seed (1)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Instances, one seed each (3)", "N" },
    { NULL }
  };
  double worst = 0.0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      n_participants < 2 || n_slots < 1 || n_tables < 1 || runs < 1)
    {
      g_printerr ("bench-scheduler: %s\n", error ? error->message : "bad arguments");
      return 2;
    }

  g_print ("%d participants, %d slots, %d tables, %d instance(s)\n",
           n_participants, n_slots, n_tables, runs);
  g_print ("%-5s %9s %9s %10s %10s %10s %7s %9s %10s\n", "seed", "time s", "meetings",
           "objective", "bound", "half-sum", "of bnd", "requests", "1st pass");

  for (int run = 0; run < runs; run++)
    {
      guint n_requests;
      g_autoptr(IcScheduleProblem) problem = generate (n_participants, n_slots, n_tables,
                                                       seed + run, &n_requests);
      g_autoptr(IcSchedule) schedule = NULL;
      g_autoptr(IcSchedule) first_pass = NULL;
      double seconds, first_seconds, objective, bound;

      first_pass = timed_solve (problem, IC_MEETING_SCHEDULER_NO_IMPROVE, &first_seconds);
      schedule = timed_solve (problem, IC_MEETING_SCHEDULER_DEFAULT, &seconds);
      objective = ic_schedule_get_objective (schedule);
      bound = ic_schedule_get_upper_bound (schedule);
      worst = MAX (worst, seconds);

      g_print ("%-5d %9.3f %9u %10.3f %10.3f %10.3f %6.2f%% %4u/%-4u %10.3f\n",
               seed + run, seconds, ic_schedule_get_n_meetings (schedule), objective, bound,
               ic_schedule_get_simple_bound (schedule), bound > 0 ? 100.0 * objective / bound : 100.0,
               ic_schedule_get_n_requests_placed (schedule), n_requests,
               ic_schedule_get_objective (first_pass));
    }

  g_print ("slowest run: %.3f s (target: under 2 s): %s\n", worst, worst < 2.0 ? "met" : "MISSED");
  return worst < 2.0 ? 0 : 1;
}

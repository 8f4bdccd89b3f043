/* test-scheduler-util.h — what test-scheduler builds its cases from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-assignment.h"
#include "ic-meeting-scheduler.h"

#define MAX_N 64
#define MAX_SLOTS 16

typedef struct
{
  guint    n;                              /* participants */
  guint    n_slots;
  guint    n_tables;
  gboolean challenge[MAX_N];               /* role: TRUE for a challenge owner */
  guint    max_meetings[MAX_N];
  gboolean available[MAX_N][MAX_SLOTS];
  double   score[MAX_N][MAX_N];            /* symmetric */
  gboolean requested[MAX_N][MAX_N];
  gboolean forbidden[MAX_N][MAX_N];
  gboolean fair;                           /* the default minimums apply */
  gboolean fixed_tables;                   /* challenge owners keep one table */
} Instance;

typedef struct
{
  guint  n_slots;
  guint  n_tables;
  guint  n;
  double score_density;     /* share of pairs with a positive score */
  double availability;      /* chance of being available in a slot */
  guint  max_meetings_max;
  double forbidden_share;
  double requested_share;
} Shape;

/* A random instance of @shape; the same seed gives the same instance. */
void               test_scheduler_generate    (Instance       *inst,
                                               const Shape    *shape,
                                               guint32         seed);
/* The instance as the scheduler takes it.
 * Returns: (transfer full) */
IcScheduleProblem *test_scheduler_to_problem  (const Instance *inst);
/* Asserts every rule of @inst on @schedule.  Returns the number of
 * requested meetings placed; the sum of scores goes to @total. */
guint              test_scheduler_validate    (const Instance *inst,
                                               IcSchedule     *schedule,
                                               double         *total);
/* The best (requests placed, score) over every schedule, by trying
 * them all: for tiny instances only.  With inst->fair, the best
 * (fair value, requests, score) and the first goes to @fair (may be
 * NULL); see test_scheduler_fair_value(). */
void               test_scheduler_brute_force (const Instance *inst,
                                               guint          *requests,
                                               double         *score);
void               test_scheduler_brute_force_fair (const Instance *inst,
                                                    guint          *fair,
                                                    guint          *requests,
                                                    double         *score);
/* The minimum number of meetings of @p under inst->fair, worked out
 * from the instance alone (0 without fairness). */
guint              test_scheduler_minimum     (const Instance *inst,
                                               guint           p);
/* The fair value of @schedule: each person's u-th meeting (from 1), up
 * to their minimum, is worth L + 1 − u, L the largest minimum. */
guint              test_scheduler_fair_value  (const Instance *inst,
                                               IcSchedule     *schedule);
/* How many minimum meetings @schedule holds: the sum over participants
 * of min(meetings, minimum). */
guint              test_scheduler_fair_met    (const Instance *inst,
                                               IcSchedule     *schedule);

/* Solves @inst, asserting that it solves.
 * Returns: (transfer full) */
IcSchedule        *test_scheduler_solve       (const Instance          *inst,
                                               IcMeetingSchedulerFlags  flags);

/* The assignment solver's bonus for a vertex with @used edges, the
 * first @units of which earn it. */
gint64             test_scheduler_tier_bonus  (const IcAssignmentProblem *p,
                                               guint                      used,
                                               guint                      units);
/* The best total of @p (weights plus any bonus) over every set of
 * edges from @index on, by trying them all. */
gint64             test_scheduler_brute_assignment (const IcAssignmentProblem *p,
                                                    guint                      index,
                                                    guint                     *used_left,
                                                    guint                     *used_right,
                                                    guint                      n_edges);

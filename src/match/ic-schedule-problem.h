/* ic-schedule-problem.h — a workshop to schedule, as plain data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Participants are numbered from 0 in the order they are added; each
 * either brings challenges (a challenge owner) or capabilities (a
 * capability owner), and a meeting always pairs one of each.  Slots
 * are numbered from 0 and are assumed not to overlap.  A pair can meet
 * if it is not forbidden and either has a positive score or was
 * requested.  A problem is built on one thread and then only read, so
 * it may be shared with a worker once built.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  IC_SCHEDULE_ROLE_CHALLENGE,    /* brings challenges: large firms, public bodies */
  IC_SCHEDULE_ROLE_CAPABILITY,   /* brings capabilities: SMEs */
} IcScheduleRole;

#define IC_TYPE_SCHEDULE_PROBLEM (ic_schedule_problem_get_type ())

typedef struct _IcScheduleProblem IcScheduleProblem;

GType              ic_schedule_problem_get_type          (void) G_GNUC_CONST;

/* A problem with @n_slots slots and @n_tables tables in each.
 * Returns: (transfer full) */
IcScheduleProblem *ic_schedule_problem_new               (guint              n_slots,
                                                          guint              n_tables);
IcScheduleProblem *ic_schedule_problem_ref               (IcScheduleProblem *self);
void               ic_schedule_problem_unref             (IcScheduleProblem *self);

guint              ic_schedule_problem_get_n_slots       (IcScheduleProblem *self);
guint              ic_schedule_problem_get_n_tables      (IcScheduleProblem *self);
guint              ic_schedule_problem_get_n_participants (IcScheduleProblem *self);

/* Adds a participant, available in every slot until told otherwise.
 * Returns: its number */
guint              ic_schedule_problem_add_participant   (IcScheduleProblem *self,
                                                          IcScheduleRole     role,
                                                          guint              max_meetings);
IcScheduleRole     ic_schedule_problem_get_role          (IcScheduleProblem *self,
                                                          guint              participant);
guint              ic_schedule_problem_get_max_meetings  (IcScheduleProblem *self,
                                                          guint              participant);
void               ic_schedule_problem_set_max_meetings  (IcScheduleProblem *self,
                                                          guint              participant,
                                                          guint              max_meetings);

/* The fewest meetings @participant should have whenever the others'
 * limits allow.  IC_SCHEDULE_MIN_DEFAULT (the default) means: with
 * fairness on, one for anyone who can meet someone, and for a challenge
 * owner as many as they have meetings to fill and counterparts to fill
 * them; with fairness off, none.  Never more than the participant can
 * have. */
#define IC_SCHEDULE_MIN_DEFAULT G_MAXUINT
void               ic_schedule_problem_set_min_meetings  (IcScheduleProblem *self,
                                                          guint              participant,
                                                          guint              min_meetings);
guint              ic_schedule_problem_get_min_meetings  (IcScheduleProblem *self,
                                                          guint              participant);
/* Whether the default minimum above applies (on by default): the
 * scheduler then places the minimum for as many people as it can
 * before anything else, requests next, and the best scores last. */
void               ic_schedule_problem_set_fair          (IcScheduleProblem *self,
                                                          gboolean           fair);
gboolean           ic_schedule_problem_get_fair          (IcScheduleProblem *self);
/* Whether each challenge owner keeps one table all day, and capability
 * owners move (on by default).  When there are more challenge owners
 * than tables, they keep a table as far as the others allow. */
void               ic_schedule_problem_set_fixed_tables  (IcScheduleProblem *self,
                                                          gboolean           fixed);
gboolean           ic_schedule_problem_get_fixed_tables  (IcScheduleProblem *self);

/* Slots before @slot have taken place: a re-schedule keeps their
 * meetings as they were and adds none to them (0, the default: none
 * has). */
void               ic_schedule_problem_set_first_open_slot (IcScheduleProblem *self,
                                                            guint              slot);
guint              ic_schedule_problem_get_first_open_slot (IcScheduleProblem *self);

void               ic_schedule_problem_set_available     (IcScheduleProblem *self,
                                                          guint              participant,
                                                          guint              slot,
                                                          gboolean           available);
/* Makes @participant available in no slot (for instance after a
 * cancellation). */
void               ic_schedule_problem_clear_available   (IcScheduleProblem *self,
                                                          guint              participant);
gboolean           ic_schedule_problem_is_available      (IcScheduleProblem *self,
                                                          guint              participant,
                                                          guint              slot);

/* The value of a meeting between @a and @b (in either order, one of
 * each role); negative scores count as 0.  Unset pairs score 0. */
void               ic_schedule_problem_set_score         (IcScheduleProblem *self,
                                                          guint              a,
                                                          guint              b,
                                                          double             score);
double             ic_schedule_problem_get_score         (IcScheduleProblem *self,
                                                          guint              a,
                                                          guint              b);

/* A meeting someone asked for: placed before any that was not, whenever
 * that is possible.  Ignored for two participants of the same role. */
void               ic_schedule_problem_add_request       (IcScheduleProblem *self,
                                                          guint              a,
                                                          guint              b);
gboolean           ic_schedule_problem_is_requested      (IcScheduleProblem *self,
                                                          guint              a,
                                                          guint              b);
/* A pair that must never meet; stronger than a request. */
void               ic_schedule_problem_add_forbidden     (IcScheduleProblem *self,
                                                          guint              a,
                                                          guint              b);
gboolean           ic_schedule_problem_is_forbidden      (IcScheduleProblem *self,
                                                          guint              a,
                                                          guint              b);

/* Whether @a and @b may meet at all: one of each role, not forbidden,
 * and a positive score or a request. */
gboolean           ic_schedule_problem_can_meet          (IcScheduleProblem *self,
                                                          guint              a,
                                                          guint              b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcScheduleProblem, ic_schedule_problem_unref)

G_END_DECLS

/* ic-schedule.h — meetings in slots and at tables, and how good they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A schedule is what the meeting scheduler returns, and what a person
 * edits by hand before the scheduler is asked to repair it.  Slots,
 * tables and participants are numbers from 0, as in the
 * IcScheduleProblem it belongs to.
 */

#pragma once

#include <glib-object.h>

#include "ic-schedule-problem.h"

G_BEGIN_DECLS

#define IC_SCHEDULE_ERROR (ic_schedule_error_quark ())

typedef enum
{
  IC_SCHEDULE_ERROR_INVALID,       /* a slot, table or participant that does not exist */
  IC_SCHEDULE_ERROR_ROLES,         /* not one challenge owner and one capability owner */
  IC_SCHEDULE_ERROR_CLASH,         /* someone in two meetings at once */
  IC_SCHEDULE_ERROR_TABLE_TAKEN,   /* two meetings at one table */
  IC_SCHEDULE_ERROR_UNAVAILABLE,   /* someone not there in that slot */
  IC_SCHEDULE_ERROR_TOO_MANY,      /* more meetings than someone wants */
  IC_SCHEDULE_ERROR_FORBIDDEN,     /* a pair that must not meet */
  IC_SCHEDULE_ERROR_REPEATED,      /* a pair meeting twice */
  IC_SCHEDULE_ERROR_TABLE_CHANGE,  /* a challenge owner leaving their table */
} IcScheduleError;

/* Why someone has fewer meetings than they asked for. */
typedef enum
{
  IC_SCHEDULE_SHORT_NONE,            /* they have all they asked for */
  IC_SCHEDULE_SHORT_AVAILABILITY,    /* not there in enough slots */
  IC_SCHEDULE_SHORT_COUNTERPARTS,    /* not enough people they can meet */
  IC_SCHEDULE_SHORT_CAPACITY,        /* the tables or their counterparts' time ran out */
} IcScheduleShortfall;

/* One participant's meetings in a schedule the scheduler made. */
typedef struct
{
  guint               asked;      /* the most meetings they want */
  guint               got;
  guint               minimum;    /* the fewest they should have (fairness) */
  guint               possible;   /* counterparts they could meet at all */
  IcScheduleShortfall shortfall;
} IcScheduleAttendance;

GQuark ic_schedule_error_quark (void);

typedef struct
{
  guint    slot;
  guint    table;
  guint    challenge_owner;    /* participant numbers */
  guint    capability_owner;
  double   score;
  gboolean requested;
} IcMeeting;

#define IC_TYPE_SCHEDULE (ic_schedule_get_type ())

typedef struct _IcSchedule IcSchedule;

GType             ic_schedule_get_type           (void) G_GNUC_CONST;

/* An empty schedule, to be filled by hand.
 * Returns: (transfer full) */
IcSchedule       *ic_schedule_new                (void);
IcSchedule       *ic_schedule_ref                (IcSchedule        *self);
void              ic_schedule_unref              (IcSchedule        *self);

/* Adds a meeting as given; nothing is checked (see ic_schedule_check()). */
void              ic_schedule_add_meeting        (IcSchedule        *self,
                                                  const IcMeeting   *meeting);
/* Removes the @index-th meeting. */
void              ic_schedule_remove_meeting     (IcSchedule        *self,
                                                  guint              index);
guint             ic_schedule_get_n_meetings     (IcSchedule        *self);
/* The @index-th meeting, in slot then table order once sorted.
 * Returns: (transfer none) */
const IcMeeting  *ic_schedule_get_meeting        (IcSchedule        *self,
                                                  guint              index);
/* Orders the meetings by slot, then table. */
void              ic_schedule_sort               (IcSchedule        *self);

/* The sum of the meetings' scores. */
double            ic_schedule_get_objective      (IcSchedule        *self);
/* An upper bound on the objective: the best choice of pairs under
 * every limit but the clock (an exact flow relaxation).  When the
 * schedule places as many requests as that relaxation can, the bound
 * is over schedules placing that many requests (the ones that count);
 * otherwise over all schedules.  Negative if unknown. */
double            ic_schedule_get_upper_bound    (IcSchedule        *self);
/* The weaker bound the issue names: half the sum over participants of
 * their best possible meetings.  Negative if unknown. */
double            ic_schedule_get_simple_bound   (IcSchedule        *self);
/* Whether the optimum is known (one slot, a small instance searched
 * exhaustively, or a schedule that meets the upper bound); if so
 * stores it in @optimum.  With requests, the optimum is the best score
 * among schedules that place as many requests as possible. */
gboolean          ic_schedule_get_optimum        (IcSchedule        *self,
                                                  double            *optimum);
/* How many requested meetings the schedule holds. */
guint             ic_schedule_get_n_requests_placed (IcSchedule     *self);
/* After a re-schedule: how many earlier meetings were kept as they were. */
guint             ic_schedule_get_n_kept         (IcSchedule        *self);

/* Fairness: the sum of everyone's minimum number of meetings, and how
 * many of those the schedule holds. */
guint             ic_schedule_get_n_fair_units   (IcSchedule        *self);
guint             ic_schedule_get_n_fair_met     (IcSchedule        *self);
/* Whether no schedule shares out the minimum meetings better (by the
 * flow relaxation: everyone's first meeting before anyone's second,
 * and so on); the upper bound is then the bound of the fair problem.
 * FALSE when unknown. */
gboolean          ic_schedule_is_fairest         (IcSchedule        *self);
/* @participant's meetings in a schedule the scheduler made, or NULL
 * for one made by hand.
 * Returns: (transfer none) (nullable) */
const IcScheduleAttendance *ic_schedule_get_attendance (IcSchedule  *self,
                                                        guint        participant);
/* In words, who has fewer meetings than they asked for and why, one
 * line for each reason, naming each person with what they got of what
 * they asked for; @names by participant number (NULL:
 * "Participant N").  An empty string if everyone has what they asked.
 * Returns: (transfer full) */
char             *ic_schedule_describe_shortfalls (IcSchedule       *self,
                                                   const char * const *names);

/* Exchanges the times of meetings @a and @b: each takes the other's
 * slot, and keeps its table when challenge owners keep theirs (else
 * they exchange tables too).  Nothing is checked.
 * Returns: (transfer full) */
IcSchedule       *ic_schedule_swap               (IcSchedule        *self,
                                                  IcScheduleProblem *problem,
                                                  guint              a,
                                                  guint              b);
/* Every rule meeting @index breaks in @self, in words, naming the table,
 * the challenge owner and the capability owner it clashes with (@names
 * as above).  Empty when it breaks none.
 * Returns: (transfer full) (element-type utf8) */
GPtrArray        *ic_schedule_list_clashes       (IcSchedule        *self,
                                                  IcScheduleProblem *problem,
                                                  guint              index,
                                                  const char * const *names);

/* Checks @self against every rule of @problem: roles, availability,
 * one place at a time, tables, most meetings, forbidden and repeated
 * pairs.  The first fault is an IC_SCHEDULE_ERROR a person can act on.
 * This is what the app uses when a meeting is moved by hand. */
gboolean          ic_schedule_check              (IcSchedule        *self,
                                                  IcScheduleProblem *problem,
                                                  GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcSchedule, ic_schedule_unref)

G_END_DECLS

/* ic-meeting-scheduler.h — 1:1 workshop meetings that add up to the most
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Assigns meetings, each between one challenge owner and one capability
 * owner, to slots and tables so that the total score is as high as
 * possible, requested meetings first, within everyone's availability
 * and limits.  See ic-meeting-scheduler.c for the method.  Pure
 * computation on an IcScheduleProblem: no store, no widgets, and the
 * same input always gives the same schedule.
 */

#pragma once

#include <gio/gio.h>

#include "ic-schedule.h"
#include "ic-schedule-problem.h"

G_BEGIN_DECLS

typedef enum
{
  IC_MEETING_SCHEDULER_DEFAULT       = 0,
  IC_MEETING_SCHEDULER_NO_IMPROVE    = 1 << 0,  /* stop after slot-by-slot matching */
  IC_MEETING_SCHEDULER_NO_EXHAUSTIVE = 1 << 1,  /* never search small instances exhaustively */
} IcMeetingSchedulerFlags;

/* How far a run has got, from 0 to 1. */
typedef void (*IcScheduleProgressFunc) (double   fraction,
                                        gpointer user_data);

/* Schedules @problem from nothing.  @progress (may be NULL) is called
 * on the calling thread.  Fails only when cancelled (G_IO_ERROR).
 * Returns: (transfer full) (nullable) */
IcSchedule *ic_meeting_scheduler_solve        (IcScheduleProblem       *problem,
                                               IcMeetingSchedulerFlags  flags,
                                               IcScheduleProgressFunc   progress,
                                               gpointer                 progress_data,
                                               GCancellable            *cancellable,
                                               GError                 **error);

/* Repairs @previous after @problem changed (a participant cancelled, a
 * meeting was dropped or forbidden, availability moved): every earlier
 * meeting that is still allowed stays in its slot at its table, and
 * only the capacity that was freed is filled.  @previous names
 * participants by their numbers in @problem.
 * Returns: (transfer full) (nullable) */
IcSchedule *ic_meeting_scheduler_reschedule   (IcScheduleProblem       *problem,
                                               IcSchedule              *previous,
                                               IcMeetingSchedulerFlags  flags,
                                               IcScheduleProgressFunc   progress,
                                               gpointer                 progress_data,
                                               GCancellable            *cancellable,
                                               GError                 **error);

/* Runs ic_meeting_scheduler_solve(), or ic_meeting_scheduler_reschedule()
 * when @previous is not NULL, on a worker thread.  @problem and
 * @previous must not change until @callback runs.  @progress is called
 * in the thread-default main context of the caller, as is @callback;
 * @progress_data must stay valid until then. */
void        ic_meeting_scheduler_solve_async  (IcScheduleProblem       *problem,
                                               IcSchedule              *previous,
                                               IcMeetingSchedulerFlags  flags,
                                               IcScheduleProgressFunc   progress,
                                               gpointer                 progress_data,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
/* Returns: (transfer full) (nullable) */
IcSchedule *ic_meeting_scheduler_solve_finish (GAsyncResult            *result,
                                               GError                 **error);

G_END_DECLS

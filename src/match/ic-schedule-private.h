/* ic-schedule-private.h — what the scheduler records in a schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-schedule.h"

G_BEGIN_DECLS

struct _IcSchedule
{
  GArray   *meetings;        /* of IcMeeting */
  double    upper_bound;     /* < 0: unknown */
  double    simple_bound;    /* < 0: unknown */
  gboolean  has_optimum;
  double    optimum;
  guint     n_kept;
  guint     n_fair_units;     /* the sum of everyone's minimum */
  guint     n_fair_met;       /* of those, how many the schedule meets */
  gboolean  fairest;          /* no schedule is fairer (relaxation) */
  GArray   *people;           /* of IcScheduleAttendance, by participant; may be NULL */
};

G_END_DECLS

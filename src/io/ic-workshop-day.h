/* ic-workshop-day.h — the changes of the day: absences, late arrivals,
 * walk-ins and swaps, and what they change in the schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Slots are numbered from 0 here; the CLI and the app count from 1.
 */

#pragma once

#include "ic-workshop.h"

G_BEGIN_DECLS

typedef enum
{
  IC_WORKSHOP_ABSENT,     /* not there from the slot on */
  IC_WORKSHOP_LATE,       /* there only from the slot on; earlier slots are off */
  IC_WORKSHOP_WALK_IN,    /* a new participant, there from the slot on */
} IcWorkshopDayChange;

/* Changes @event for @change of organisation @organisation_id at
 * @slot: its availability, or (a walk-in) a new participant with at
 * most @max_meetings meetings (-1: no limit).  Fails with IC_IO_ERROR
 * (naming the organisation or slot) and leaves @event as it was when the
 * organisation does not take part (or, for a walk-in, already does) or
 * the slot does not exist. */
gboolean    ic_workshop_day_apply         (IcEvent             *event,
                                           IcWorkshopDayChange  change,
                                           const char          *organisation_id,
                                           guint                slot,
                                           int                  max_meetings,
                                           GError             **error);

/* Re-schedules what is left of the day after the event changed:
 * meetings before @first_open stay as they took place, and as many
 * announced meetings as still fit stay where they are.
 * Returns: (transfer full) (nullable) */
IcSchedule *ic_workshop_day_reschedule    (IcWorkshop          *workshop,
                                           IcSchedule          *announced,
                                           guint                first_open,
                                           GError             **error);

/* When @participant (a walk-in who brings capabilities) has no meeting
 * in @schedule, gives them one by changing a single announced meeting
 * in a slot from @first_open on: the one whose capability owner keeps
 * another meeting and whose challenge owner can meet the walk-in, best
 * match first.  Returns @schedule itself (a new reference) when no such
 * change exists or none is needed.
 * Returns: (transfer full) */
IcSchedule *ic_workshop_day_seat_walk_in  (IcWorkshop          *workshop,
                                           IcSchedule          *schedule,
                                           guint                participant,
                                           guint                first_open);

/* What changed between @before and @after, one line a meeting, in
 * words: "Cancelled: …", "Moved: …", "New: …".
 * Returns: (transfer full) (element-type utf8) */
GPtrArray  *ic_workshop_day_describe_changes (IcWorkshop       *workshop,
                                              IcSchedule       *before,
                                              IcSchedule       *after);

/* Exchanges the meetings at (@slot_a, @table_a) and (@slot_b,
 * @table_b).  When a place is empty or the swap breaks a rule, fails
 * with IC_IO_ERROR_FORMAT naming every clash (table, challenge owner,
 * capability owner).
 * Returns: (transfer full) (nullable) */
IcSchedule *ic_workshop_day_swap          (IcWorkshop          *workshop,
                                           IcSchedule          *schedule,
                                           guint                slot_a,
                                           guint                table_a,
                                           guint                slot_b,
                                           guint                table_b,
                                           GError             **error);

/* The schedule in words a facilitator uses: how many meetings, who has
 * none, the average match as a percentage, how close to the best
 * possible, and who has fewer meetings than they asked for and why.
 * Returns: (transfer full) */
char       *ic_workshop_describe_schedule (IcWorkshop          *workshop,
                                           IcSchedule          *schedule);

G_END_DECLS

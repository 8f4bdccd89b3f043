/* ic-event-slot.h — one time slot of a workshop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IC_TYPE_EVENT_SLOT (ic_event_slot_get_type ())

G_DECLARE_FINAL_TYPE (IcEventSlot, ic_event_slot, IC, EVENT_SLOT, GObject)

/* A slot starting at @start ("HH:MM", 24-hour) and lasting @minutes.
 * Returns: (transfer full) */
IcEventSlot *ic_event_slot_new             (const char  *start,
                                            int          minutes);

/* The start time as written, "HH:MM". */
const char  *ic_event_slot_get_start       (IcEventSlot *self);
void         ic_event_slot_set_start       (IcEventSlot *self,
                                            const char  *start);
/* The length in minutes. */
int          ic_event_slot_get_minutes     (IcEventSlot *self);
void         ic_event_slot_set_minutes     (IcEventSlot *self,
                                            int          minutes);

/* Minutes after midnight the slot starts at, or -1 if the start is not
 * a time "HH:MM" between 00:00 and 23:59. */
int          ic_event_slot_get_start_minute (IcEventSlot *self);
/* The end time, "HH:MM" (transfer full); NULL if the start is not a time. */
char        *ic_event_slot_format_end      (IcEventSlot *self);

G_END_DECLS

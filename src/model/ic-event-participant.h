/* ic-event-participant.h — an organisation taking part in a workshop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IC_TYPE_EVENT_PARTICIPANT (ic_event_participant_get_type ())

G_DECLARE_FINAL_TYPE (IcEventParticipant, ic_event_participant, IC, EVENT_PARTICIPANT, GObject)

/* Returns: (transfer full): a participant available in every slot, with
 * no limit on meetings */
IcEventParticipant *ic_event_participant_new                (const char         *organisation_id);

const char         *ic_event_participant_get_organisation_id (IcEventParticipant *self);
void                ic_event_participant_set_organisation_id (IcEventParticipant *self,
                                                              const char         *organisation_id);
/* The most meetings the organisation wants; -1 for no limit. */
int                 ic_event_participant_get_max_meetings   (IcEventParticipant *self);
void                ic_event_participant_set_max_meetings   (IcEventParticipant *self,
                                                             int                 max_meetings);

/* The slots (indexes from 0) the organisation can meet in, ascending
 * and without repeats, or NULL when it has not said (every slot).
 * Returns: (transfer none) (nullable) (array length=n_slots) */
const guint32      *ic_event_participant_get_available      (IcEventParticipant *self,
                                                             gsize              *n_slots);
/* Sets the slots (any order, repeats dropped); NULL means every slot. */
void                ic_event_participant_set_available      (IcEventParticipant *self,
                                                             const guint32      *slots,
                                                             gsize               n_slots);
/* Whether the organisation can meet in @slot. */
gboolean            ic_event_participant_is_available       (IcEventParticipant *self,
                                                             guint               slot);

G_END_DECLS

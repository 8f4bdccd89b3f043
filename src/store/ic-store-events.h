/* ic-store-events.h — workshops in the local database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An event is one row of the table "event": the record fields as
 * columns and the rest as its JSON body (ic_event_body_to_json()), plus
 * the last schedule made for it, kept as JSON so that a re-schedule
 * can keep the meetings people already have.  Events are records of
 * the kind "event" for the rest of the store too (ic_store_get(),
 * ic_store_update(), ic_store_put_remote(), the change log), so the
 * feed carries them, schedule included (ic-event.h).
 */

#pragma once

#include "ic-event.h"
#include "ic-store.h"

G_BEGIN_DECLS

/* Validates and inserts @event.  Gives it an id if it has none, sets
 * rev to 1, updated_at to now and author to @author (may be NULL);
 * IC_STORE_ERROR_EXISTS if the id is taken. */
gboolean   ic_store_insert_event        (IcStore     *self,
                                         IcEvent     *event,
                                         const char  *author,
                                         GError     **error);
/* Validates and writes @event over the stored one with its id: rev + 1,
 * updated_at now.  IC_STORE_ERROR_NOT_FOUND if there is none.  The
 * stored schedule stays, for ic_meeting_scheduler_reschedule(). */
gboolean   ic_store_update_event        (IcStore     *self,
                                         IcEvent     *event,
                                         const char  *author,
                                         GError     **error);
/* Marks the event a tombstone (rev + 1). */
gboolean   ic_store_delete_event        (IcStore     *self,
                                         const char  *id,
                                         const char  *author,
                                         GError     **error);
/* The event with @id, tombstones included; IC_STORE_ERROR_NOT_FOUND if
 * there is none.
 * Returns: (transfer full) (nullable) */
IcEvent   *ic_store_get_event           (IcStore     *self,
                                         const char  *id,
                                         GError     **error);
/* Every live event, by date, then name.
 * Returns: (transfer full) (element-type IcEvent) (nullable) */
GPtrArray *ic_store_list_events         (IcStore     *self,
                                         GError     **error);

/* The last schedule saved for the event (JSON text), or NULL without an
 * error if there is none.
 * Returns: (transfer full) (nullable) */
char      *ic_store_get_event_schedule  (IcStore     *self,
                                         const char  *id,
                                         GError     **error);
/* Saves @schedule (JSON text; NULL forgets it) for the event, as an
 * edit of the event (rev + 1, logged for the feed) when it differs from
 * the stored one. */
gboolean   ic_store_set_event_schedule  (IcStore     *self,
                                         const char  *id,
                                         const char  *schedule,
                                         GError     **error);

G_END_DECLS

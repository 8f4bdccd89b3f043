/* ic-event.h — a matchmaking workshop: slots, tables, participants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An event is a record like the others (id, rev, author, visibility,
 * tombstone), but it is stored and exchanged as one JSON body rather
 * than column by column; its JSON shape is the one `interchange-cli
 * event add --json` reads:
 *
 *   {"name", "date": "YYYY-MM-DD", "venue" (optional), "slots": [{"start":
 *    "HH:MM", "minutes"}],
 *    "tables", "participants": [{"organisation_id", "available": [slot
 *    indexes], "max_meetings"}], "requests": [{"from", "to"}],
 *    "forbidden": [{"a", "b"}]}
 *
 * Slots are numbered from 0 in the order given.  The record's JSON (what
 * the feed carries) adds "schedule": the last schedule saved for the
 * event, {"event_id", "objective", "meetings": [{"slot", "table",
 * "challenge_organisation_id", "capability_organisation_id",
 * "challenge_id", "capability_id", "score"}]}, or null.  A meeting is
 * known by its two organisations (see ic_event_merge_schedules()).
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ic-event-pair.h"
#include "ic-event-participant.h"
#include "ic-event-slot.h"
#include "ic-record.h"

G_BEGIN_DECLS

#define IC_EVENT_MAX_SLOTS         96
#define IC_EVENT_MAX_TABLES        1000
#define IC_EVENT_MAX_PARTICIPANTS  5000

#define IC_TYPE_EVENT (ic_event_get_type ())

G_DECLARE_FINAL_TYPE (IcEvent, ic_event, IC, EVENT, IcRecord)

/* Returns: (transfer full): an event with one table and nothing else */
IcEvent    *ic_event_new                   (void);

const char *ic_event_get_name              (IcEvent    *self);
void        ic_event_set_name              (IcEvent    *self,
                                            const char *name);
/* The day, "YYYY-MM-DD". */
/* Where the event takes place ("Council House, Birmingham"), or NULL. */
const char *ic_event_get_venue             (IcEvent    *self);
void        ic_event_set_venue             (IcEvent    *self,
                                            const char *venue);
const char *ic_event_get_date              (IcEvent    *self);
void        ic_event_set_date              (IcEvent    *self,
                                            const char *date);
/* How many meetings fit in one slot. */
int         ic_event_get_tables            (IcEvent    *self);
void        ic_event_set_tables            (IcEvent    *self,
                                            int         tables);

/* The lists, to read and edit in place (transfer none). */
GListStore *ic_event_get_slots             (IcEvent    *self);  /* of IcEventSlot */
GListStore *ic_event_get_participants      (IcEvent    *self);  /* of IcEventParticipant */
GListStore *ic_event_get_requests          (IcEvent    *self);  /* of IcEventPair: from, to */
GListStore *ic_event_get_forbidden         (IcEvent    *self);  /* of IcEventPair: a, b */

/* The last schedule saved (transfer none) (nullable): a JSON object. */
JsonNode   *ic_event_get_schedule          (IcEvent    *self);
/* Copies @schedule (an object; NULL or a null node forgets it). */
void        ic_event_set_schedule          (IcEvent    *self,
                                            JsonNode   *schedule);

guint       ic_event_get_n_slots           (IcEvent    *self);
guint       ic_event_get_n_participants    (IcEvent    *self);
/* The position of the participant for @organisation_id, or -1. */
int         ic_event_find_participant      (IcEvent    *self,
                                            const char *organisation_id);

/* JSON (ic-event-json.c) ------------------------------------------------ */

/* The event's own fields, in the shape above.
 * Returns: (transfer full) */
JsonNode   *ic_event_body_to_json          (IcEvent    *self);
/* The body plus the record fields (id, rev, updated_at, author,
 * visibility, deleted) first.
 * Returns: (transfer full) */
JsonNode   *ic_event_to_json               (IcEvent    *self);
/* Sets the members @json has, body or record fields.  An unknown
 * member or a value of the wrong type is an IC_MODEL_ERROR naming the
 * field ("participants[2].available[1]", counting from 1); @self may
 * then be partly updated.  Not validated. */
gboolean    ic_event_update_from_json      (IcEvent    *self,
                                            JsonObject *json,
                                            GError    **error);
/* The three-way merge of two schedules edited from @base, meeting by
 * meeting (a meeting is its two organisations): a meeting moved,
 * added or dropped on one side only takes that side's change; one
 * changed on both sides alike takes it.  FALSE if a meeting changed on
 * both sides differently, or if the result would hold two meetings at
 * one table in one slot, or one organisation twice in one slot: the
 * schedules then conflict.  Any argument may be NULL (no schedule).
 * @merged: (out) (transfer full) (nullable) */
gboolean    ic_event_merge_schedules       (JsonNode   *base,
                                            JsonNode   *mine,
                                            JsonNode   *theirs,
                                            JsonNode  **merged);

/* Parses @data as one JSON object and makes an event of it.
 * Returns: (transfer full) (nullable) */
IcEvent    *ic_event_new_from_json_data    (const char *data,
                                            gssize      length,
                                            GError    **error);

G_END_DECLS

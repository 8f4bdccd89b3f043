/* ic-record-json.h — records to and from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's JSON object has one member per property, named in
 * snake_case ("organisation_id"); enumerations are written as their
 * nicks ("large-firm"), lists as arrays.  The CLI, the feed and the
 * exports all speak this one shape.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ic-record.h"

G_BEGIN_DECLS

/* Returns: (transfer full): a JSON object node for every readable property */
JsonNode  *ic_object_to_json             (GObject     *object);

/* Sets the properties named by @json's members.  An unknown member, a
 * value of the wrong type or out of range is an IC_MODEL_ERROR that
 * names the member; @object may then be partly updated. */
gboolean   ic_object_update_from_json    (GObject     *object,
                                          JsonObject  *json,
                                          GError     **error);
/* The same two, property by property, for a type whose own shape
 * (an event: ic-event-json.c) is built on them. */
JsonNode  *ic_object_properties_to_json  (GObject     *object);
gboolean   ic_object_update_properties_from_json (GObject     *object,
                                                  JsonObject  *json,
                                                  GError     **error);

/* Returns: (transfer full) (nullable): a new record of @kind from @node,
 * which must be a JSON object; not yet validated. */
IcRecord  *ic_record_new_from_json       (IcRecordKind kind,
                                          JsonNode    *node,
                                          GError     **error);

/* Parses @data as one JSON object and makes a record of @kind from it.
 * Returns: (transfer full) (nullable) */
IcRecord  *ic_record_new_from_json_data  (IcRecordKind kind,
                                          const char  *data,
                                          gssize       length,
                                          GError     **error);

/* Returns: (transfer full): @record as JSON text */
char      *ic_record_to_json_data        (IcRecord    *record,
                                          gboolean     pretty);

G_END_DECLS

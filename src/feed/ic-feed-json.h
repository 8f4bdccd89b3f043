/* ic-feed-json.h — guarded JSON reading and fast JSON writing for the feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the feed reads comes from another machine, so nothing is
 * parsed before its nesting is known to be shallow (json-glib recurses),
 * and members are read with their types checked.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* FALSE (IC_FEED_ERROR_PROTOCOL) if @data nests arrays and objects
 * deeper than @max_depth.  Strings are skipped, escapes included; the
 * rest of the syntax is left to the parser. */
gboolean    ic_feed_json_check_depth   (const char  *data,
                                        gsize        length,
                                        guint        max_depth,
                                        GError     **error);

/* Checks the depth against IC_FEED_MAX_DEPTH, then parses @data, which
 * must hold one JSON object.
 * Returns: (transfer full) (nullable): the object's node */
JsonNode   *ic_feed_json_parse_object  (const char  *data,
                                        gsize        length,
                                        GError     **error);

/* Typed member readers: a missing member or one of another type is an
 * IC_FEED_ERROR_PROTOCOL naming @member.  The _opt variants accept a
 * missing member and leave *@value as it was. */
gboolean    ic_feed_json_get_int       (JsonObject  *object,
                                        const char  *member,
                                        gint64      *value,
                                        GError     **error);
gboolean    ic_feed_json_get_int_opt   (JsonObject  *object,
                                        const char  *member,
                                        gint64      *value,
                                        GError     **error);
gboolean    ic_feed_json_get_bool_opt  (JsonObject  *object,
                                        const char  *member,
                                        gboolean    *value,
                                        GError     **error);
/* (transfer none) */
gboolean    ic_feed_json_get_string    (JsonObject  *object,
                                        const char  *member,
                                        const char **value,
                                        GError     **error);
/* (transfer none); NULL if the member is missing */
JsonArray  *ic_feed_json_get_array     (JsonObject  *object,
                                        const char  *member,
                                        GError     **error);

/* Appends @value as a JSON string, quotes and escapes included. */
void        ic_feed_json_append_string (GString     *out,
                                        const char  *value);
/* Appends ,"@member":@value — or without the comma when @first. */
void        ic_feed_json_append_member_string (GString    *out,
                                               gboolean    first,
                                               const char *member,
                                               const char *value);
void        ic_feed_json_append_member_int    (GString    *out,
                                               gboolean    first,
                                               const char *member,
                                               gint64      value);

G_END_DECLS

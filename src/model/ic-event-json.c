/* ic-event-json.c — an event to and from its JSON body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generic codec (ic-record-json.c) reads the plain members; the
 * lists are read here, because their members are named for the reader
 * ("from", "to"; "a", "b") and a participant's slots are numbers.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-event.h"
#include "ic-model-enums.h"
#include "ic-model-error.h"
#include "ic-record-json.h"
#include "ic-validate.h"

static JsonNode *
slots_to_json (IcEvent *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *slots = G_LIST_MODEL (ic_event_get_slots (self));

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(IcEventSlot) slot = g_list_model_get_item (slots, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, ic_event_slot_get_start (slot));
      json_builder_set_member_name (builder, "minutes");
      json_builder_add_int_value (builder, ic_event_slot_get_minutes (slot));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Unset availability and limits are written as what they mean: every
 * slot, and as many meetings as there are slots. */
static JsonNode *
participants_to_json (IcEvent *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *participants = G_LIST_MODEL (ic_event_get_participants (self));
  guint n_slots = ic_event_get_n_slots (self);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IcEventParticipant) p = g_list_model_get_item (participants, i);
      gsize n_available;
      const guint32 *available = ic_event_participant_get_available (p, &n_available);
      int max_meetings = ic_event_participant_get_max_meetings (p);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "organisation_id");
      json_builder_add_string_value (builder, ic_event_participant_get_organisation_id (p));
      json_builder_set_member_name (builder, "available");
      json_builder_begin_array (builder);
      if (available == NULL)
        for (guint s = 0; s < n_slots; s++)
          json_builder_add_int_value (builder, s);
      else
        for (gsize s = 0; s < n_available; s++)
          json_builder_add_int_value (builder, available[s]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "max_meetings");
      json_builder_add_int_value (builder, max_meetings < 0 ? (gint64) n_slots : max_meetings);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
pairs_to_json (GListStore *pairs,
               const char *first,
               const char *second)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pairs)); i++)
    {
      g_autoptr(IcEventPair) pair = g_list_model_get_item (G_LIST_MODEL (pairs), i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, first);
      json_builder_add_string_value (builder, ic_event_pair_get_first (pair));
      json_builder_set_member_name (builder, second);
      json_builder_add_string_value (builder, ic_event_pair_get_second (pair));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static void
add_body_members (IcEvent    *self,
                  JsonObject *object)
{
  const char *name = ic_event_get_name (self);
  const char *date = ic_event_get_date (self);

  if (name != NULL)
    json_object_set_string_member (object, "name", name);
  else
    json_object_set_null_member (object, "name");
  if (date != NULL)
    json_object_set_string_member (object, "date", date);
  else
    json_object_set_null_member (object, "date");
  /* Only when set, so events without one read and write as before. */
  if (ic_event_get_venue (self) != NULL)
    json_object_set_string_member (object, "venue", ic_event_get_venue (self));
  json_object_set_member (object, "slots", slots_to_json (self));
  json_object_set_int_member (object, "tables", ic_event_get_tables (self));
  json_object_set_member (object, "participants", participants_to_json (self));
  json_object_set_member (object, "requests",
                          pairs_to_json (ic_event_get_requests (self), "from", "to"));
  json_object_set_member (object, "forbidden",
                          pairs_to_json (ic_event_get_forbidden (self), "a", "b"));
}

JsonNode *
ic_event_body_to_json (IcEvent *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;

  g_return_val_if_fail (IC_IS_EVENT (self), NULL);

  add_body_members (self, object);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

static void
set_nullable_string (JsonObject *object,
                     const char *member,
                     const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

JsonNode *
ic_event_to_json (IcEvent *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  IcRecord *record = IC_RECORD (self);
  JsonNode *node;

  g_return_val_if_fail (IC_IS_EVENT (self), NULL);

  set_nullable_string (object, "id", ic_record_get_id (record));
  json_object_set_int_member (object, "rev", ic_record_get_rev (record));
  set_nullable_string (object, "updated_at", ic_record_get_updated_at (record));
  set_nullable_string (object, "author", ic_record_get_author (record));
  json_object_set_string_member (object, "visibility",
                                 ic_enum_to_nick (IC_TYPE_VISIBILITY,
                                                  ic_record_get_visibility (record)));
  json_object_set_boolean_member (object, "deleted", ic_record_get_deleted (record));
  add_body_members (self, object);
  if (ic_event_get_schedule (self) != NULL)
    json_object_set_member (object, "schedule", json_node_copy (ic_event_get_schedule (self)));
  else
    json_object_set_null_member (object, "schedule");

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

/* Reading ---------------------------------------------------------------- */

static gboolean
wrong_type (const char  *field,
            const char  *expected,
            GError     **error)
{
  ic_model_set_error (error, IC_MODEL_ERROR_WRONG_TYPE, field, _("expected %s"), expected);
  return FALSE;
}

/* Reads @json into @object with the generic codec, naming fields under
 * @prefix ("slots[2]") in an error. */
static gboolean
update_plain (GObject     *object,
              JsonObject  *json,
              const char  *prefix,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *field;
  const char *message;
  g_autofree char *full = NULL;

  if (ic_object_update_properties_from_json (object, json, &local_error))
    return TRUE;
  if (prefix == NULL || local_error->domain != IC_MODEL_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The message starts "field: ", which the new field replaces. */
  field = ic_model_error_get_field (local_error);
  message = local_error->message;
  if (field != NULL && g_str_has_prefix (message, field) &&
      g_str_has_prefix (message + strlen (field), ": "))
    message += strlen (field) + 2;
  full = field ? g_strconcat (prefix, ".", field, NULL) : g_strdup (prefix);
  ic_model_set_error (error, local_error->code, full, "%s", message);
  return FALSE;
}

typedef gboolean (*ReadItemFunc) (JsonObject  *json,
                                  const char  *field,
                                  GObject    **item,
                                  GError     **error);

/* Replaces @store's items by those @read_item makes of @node's objects. */
static gboolean
read_list (GListStore   *store,
           const char   *name,
           JsonNode     *node,
           ReadItemFunc  read_item,
           GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (name, _("an array of objects"), error);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *field = g_strdup_printf ("%s[%u]", name, i + 1);
      GObject *item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return wrong_type (field, _("an object"), error);
      if (!read_item (json_node_get_object (element), field, &item, error))
        return FALSE;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
  return TRUE;
}

static gboolean
read_slot (JsonObject  *json,
           const char  *field,
           GObject    **item,
           GError     **error)
{
  g_autoptr(IcEventSlot) slot = ic_event_slot_new (NULL, 30);

  if (!update_plain (G_OBJECT (slot), json, field, error))
    return FALSE;
  *item = G_OBJECT (g_steal_pointer (&slot));
  return TRUE;
}

static gboolean
read_available (IcEventParticipant  *p,
                JsonNode            *node,
                const char          *field,
                GError             **error)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *name = g_strconcat (field, ".available", NULL);
  JsonArray *array;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      ic_event_participant_set_available (p, NULL, 0);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (name, _("an array of slot numbers"), error);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 slot;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64)
        {
          g_autofree char *at = g_strdup_printf ("%s[%u]", name, i + 1);
          return wrong_type (at, _("a slot number"), error);
        }
      slot = json_node_get_int (element);
      if (slot < 0 || slot >= IC_EVENT_MAX_SLOTS)
        {
          g_autofree char *at = g_strdup_printf ("%s[%u]", name, i + 1);

          ic_model_set_error (error, IC_MODEL_ERROR_OUT_OF_RANGE, at,
                              _("%" G_GINT64_FORMAT " is not a slot number"), slot);
          return FALSE;
        }
      g_array_append_val (slots, (guint32) { slot });
    }
  /* An empty list is not NULL: the participant said "no slot". */
  g_array_set_size (slots, slots->len + 1);
  ic_event_participant_set_available (p, (const guint32 *) slots->data, slots->len - 1);
  return TRUE;
}

static gboolean
read_participant (JsonObject  *json,
                  const char  *field,
                  GObject    **item,
                  GError     **error)
{
  g_autoptr(IcEventParticipant) p = ic_event_participant_new (NULL);
  g_autoptr(JsonObject) plain = json_object_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, json);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (g_str_equal (member, "available"))
        {
          if (!read_available (p, node, field, error))
            return FALSE;
        }
      else
        json_object_set_member (plain, member, json_node_ref (node));
    }
  if (!update_plain (G_OBJECT (p), plain, field, error))
    return FALSE;
  *item = G_OBJECT (g_steal_pointer (&p));
  return TRUE;
}

static gboolean
read_pair (JsonObject  *json,
           const char  *field,
           const char  *first,
           const char  *second,
           GObject    **item,
           GError     **error)
{
  g_autoptr(IcEventPair) pair = ic_event_pair_new (NULL, NULL);
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, json);
  while (json_object_iter_next (&iter, &member, &node))
    {
      g_autofree char *at = g_strconcat (field, ".", member, NULL);
      gboolean is_first = g_str_equal (member, first);

      if (!is_first && !g_str_equal (member, second))
        {
          ic_model_set_error (error, IC_MODEL_ERROR_UNKNOWN_FIELD, at,
                              _("is not a field of this record"));
          return FALSE;
        }
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return wrong_type (at, _("an organisation id"), error);
      if (is_first)
        ic_event_pair_set_first (pair, json_node_get_string (node));
      else
        ic_event_pair_set_second (pair, json_node_get_string (node));
    }
  *item = G_OBJECT (g_steal_pointer (&pair));
  return TRUE;
}

static gboolean
read_request (JsonObject  *json,
              const char  *field,
              GObject    **item,
              GError     **error)
{
  return read_pair (json, field, "from", "to", item, error);
}

static gboolean
read_forbidden (JsonObject  *json,
                const char  *field,
                GObject    **item,
                GError     **error)
{
  return read_pair (json, field, "a", "b", item, error);
}

/* The schedule is kept as it came: an object with a "meetings" array of
 * objects, or null.  What a meeting names is checked when the schedule
 * is read against the event (src/io/ic-workshop.c). */
static gboolean
read_schedule (IcEvent   *self,
               JsonNode  *node,
               GError   **error)
{
  JsonObject *object;
  JsonNode *meetings;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      ic_event_set_schedule (self, NULL);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type ("schedule", _("an object or null"), error);
  object = json_node_get_object (node);
  meetings = json_object_get_member (object, "meetings");
  if (meetings == NULL || !JSON_NODE_HOLDS_ARRAY (meetings))
    return wrong_type ("schedule.meetings", _("an array of objects"), error);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (meetings)); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (meetings), i)))
      {
        g_autofree char *field = g_strdup_printf ("schedule.meetings[%u]", i + 1);

        return wrong_type (field, _("an object"), error);
      }
  ic_event_set_schedule (self, node);
  return TRUE;
}

gboolean
ic_event_update_from_json (IcEvent     *self,
                           JsonObject  *json,
                           GError     **error)
{
  g_autoptr(JsonObject) plain = json_object_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;
  gboolean ok = TRUE;

  g_return_val_if_fail (IC_IS_EVENT (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  json_object_iter_init (&iter, json);
  while (ok && json_object_iter_next (&iter, &member, &node))
    {
      if (g_str_equal (member, "slots"))
        ok = read_list (ic_event_get_slots (self), member, node, read_slot, error);
      else if (g_str_equal (member, "participants"))
        ok = read_list (ic_event_get_participants (self), member, node, read_participant, error);
      else if (g_str_equal (member, "requests"))
        ok = read_list (ic_event_get_requests (self), member, node, read_request, error);
      else if (g_str_equal (member, "forbidden"))
        ok = read_list (ic_event_get_forbidden (self), member, node, read_forbidden, error);
      else if (g_str_equal (member, "schedule"))
        ok = read_schedule (self, node, error);
      else
        json_object_set_member (plain, member, json_node_ref (node));
    }
  if (ok)
    ok = update_plain (G_OBJECT (self), plain, NULL, error);
  g_object_thaw_notify (G_OBJECT (self));
  return ok;
}

IcEvent *
ic_event_new_from_json_data (const char  *data,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcEvent) event = NULL;
  g_autofree char *marked = NULL;
  JsonNode *root;

  if (length < 0)
    length = strlen (data);
  marked = ic_json_text_mark_nul (data, length);
  if (marked != NULL)
    data = marked;
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_PARSE, NULL,
                          _("Not valid JSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_WRONG_TYPE, NULL,
                          _("An event must be given as a JSON object"));
      return NULL;
    }

  event = ic_event_new ();
  if (!ic_event_update_from_json (event, json_node_get_object (root), error))
    return NULL;
  return g_steal_pointer (&event);
}

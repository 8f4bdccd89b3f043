/* ic-feed-protocol.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-feed-error.h"
#include "ic-feed-json.h"
#include "ic-feed-problem.h"
#include "ic-feed-protocol.h"
#include "ic-model-error.h"
#include "ic-record-json.h"
#include "ic-validate.h"

void
ic_feed_change_free (IcFeedChange *change)
{
  if (change == NULL)
    return;
  g_free (change->id);
  g_clear_object (&change->record);
  g_free (change->invalid);
  g_free (change->extra);
  g_free (change->kind_name);
  g_free (change->raw);
  g_free (change);
}

gboolean
ic_feed_check_record (IcRecord  *record,
                      GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!ic_validate_uuid (ic_record_get_id (record), "id", &local_error) ||
      !ic_record_validate (record, NULL, &local_error))
    {
      g_set_error_literal (error, IC_FEED_ERROR, IC_FEED_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  if (ic_record_get_visibility (record) == IC_VISIBILITY_PRIVATE)
    {
      g_set_error_literal (error, IC_FEED_ERROR, IC_FEED_ERROR_INVALID,
                           _("visibility: a private record never leaves its laptop"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (IC_FEED_ERROR, IC_FEED_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

/* The envelope: id, kind, rev, deleted, and seq or base_rev. */
static gboolean
parse_envelope (JsonObject    *object,
                gboolean       pulled,
                IcFeedChange  *change,
                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *id, *kind;

  if (!ic_feed_json_get_string (object, "id", &id, error) ||
      !ic_feed_json_get_string (object, "kind", &kind, error) ||
      !ic_feed_json_get_int (object, "rev", &change->rev, error) ||
      !ic_feed_json_get_bool_opt (object, "deleted", &change->deleted, error))
    return FALSE;
  if (pulled && !ic_feed_json_get_int (object, "seq", &change->seq, error))
    return FALSE;
  if (!pulled && !ic_feed_json_get_int (object, "base_rev", &change->base_rev, error))
    return FALSE;

  if (!ic_validate_uuid (id, "id", &local_error))
    return invalid (error, "%s", local_error->message);
  change->id = g_strdup (id);
  if (strlen (kind) > 64 || !g_utf8_validate (kind, -1, NULL))
    return invalid (error, _("kind: not a kind of record"));
  change->kind_name = g_strdup (kind);
  if (!ic_record_kind_from_string (kind, &change->kind))
    {
      /* From a newer laptop, perhaps: a pull keeps it aside. */
      if (pulled)
        change->kind = (IcRecordKind) -1;
      else
        return invalid (error, _("kind: “%.64s” is not a kind of record"), kind);
    }
  if (change->rev < 1 || change->rev > IC_FEED_MAX_REV)
    return invalid (error, _("rev: %" G_GINT64_FORMAT " is out of range"), change->rev);
  if (change->base_rev < 0 || change->base_rev > IC_FEED_MAX_REV)
    return invalid (error, _("base_rev: %" G_GINT64_FORMAT " is out of range"), change->base_rev);
  if (pulled && change->seq < 1)
    return invalid (error, _("seq: %" G_GINT64_FORMAT " is out of range"), change->seq);
  return TRUE;
}

static gboolean
is_field_name (const char *name)
{
  gsize length = strlen (name);

  if (length == 0 || length > 64 || !g_ascii_islower (name[0]))
    return FALSE;
  for (gsize i = 1; i < length; i++)
    if (!g_ascii_islower (name[i]) && !g_ascii_isdigit (name[i]) && name[i] != '_')
      return FALSE;
  return TRUE;
}

/* The members of @fields that a record of the change's kind has, as a
 * new object node; the others go to change->extra, as long as they look
 * like fields of a newer version (snake_case, few, not huge). */
static JsonNode *
split_extra (IcFeedChange  *change,
             JsonObject    *fields,
             GError       **error)
{
  g_autoptr(IcRecord) blank = ic_record_new (change->kind);
  GObjectClass *klass = G_OBJECT_GET_CLASS (blank);
  g_autoptr(JsonObject) known = json_object_new ();
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(JsonNode) extra_node = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;
  JsonNode *node;

  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &member, &value))
    {
      g_autofree char *property = g_strdelimit (g_strdup (member), "_", '-');

      if (strchr (member, '-') == NULL && g_object_class_find_property (klass, property) != NULL)
        {
          json_object_set_member (known, member, json_node_ref (value));
          continue;
        }
      if (!is_field_name (member))
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_INVALID,
                       _("%.64s: is not a field of this record"), member);
          return NULL;
        }
      if (json_object_get_size (extra) >= IC_FEED_MAX_EXTRA_FIELDS)
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_INVALID,
                       _("%s: a record may carry at most %d fields this version does not know"),
                       member, IC_FEED_MAX_EXTRA_FIELDS);
          return NULL;
        }
      json_object_set_member (extra, member, json_node_ref (value));
    }

  if (json_object_get_size (extra) > 0)
    {
      extra_node = json_node_init_object (json_node_alloc (), extra);
      change->extra = json_to_string (extra_node, FALSE);
      if (strlen (change->extra) > IC_FEED_MAX_EXTRA_BYTES)
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_INVALID,
                       _("the fields this version does not know take more than %d bytes"),
                       IC_FEED_MAX_EXTRA_BYTES);
          g_clear_pointer (&change->extra, g_free);
          return NULL;
        }
    }
  node = json_node_init_object (json_node_alloc (), known);
  return node;
}

char *
ic_feed_record_to_json (IcRecord   *record,
                        const char *extra)
{
  char *json = ic_record_to_json_data (record, FALSE);
  gsize length = strlen (json);
  gsize extra_length = extra ? strlen (extra) : 0;
  GString *out;

  /* "{…}" + "{…}" → "{…,…}": both are objects, the record's not empty. */
  if (extra_length <= 2 || length < 2 || json[length - 1] != '}' || extra[0] != '{')
    return json;
  out = g_string_new (json);
  g_free (json);
  g_string_truncate (out, length - 1);
  g_string_append_c (out, ',');
  g_string_append_len (out, extra + 1, extra_length - 1);
  return g_string_free (out, FALSE);
}

/* The record of a change that is not a tombstone; its id and rev must
 * agree with the envelope's (they are filled in when missing). */
static IcRecord *
parse_record (JsonObject    *object,
              IcFeedChange  *change,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcRecord) record = NULL;
  g_autoptr(JsonNode) known = NULL;
  JsonNode *node = json_object_get_member (object, "record");
  JsonObject *fields;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("record: a change that is not a delete must carry the record"));
      return NULL;
    }
  fields = json_node_get_object (node);

  /* Fields of a newer version are the exception: split them off only
   * when the record does not read as it is. */
  record = ic_record_new_from_json (change->kind, node, &local_error);
  if (record == NULL && g_error_matches (local_error, IC_MODEL_ERROR, IC_MODEL_ERROR_UNKNOWN_FIELD))
    {
      g_clear_error (&local_error);
      known = split_extra (change, fields, &local_error);
      if (known != NULL)
        record = ic_record_new_from_json (change->kind, known, &local_error);
    }
  if (record == NULL)
    {
      invalid (error, "%s", local_error->message);
      return NULL;
    }
  if (!json_object_has_member (fields, "id"))
    ic_record_set_id (record, change->id);
  if (!json_object_has_member (fields, "rev"))
    ic_record_set_rev (record, change->rev);
  if (g_strcmp0 (ic_record_get_id (record), change->id) != 0)
    {
      invalid (error, _("record.id: differs from the change’s id"));
      return NULL;
    }
  if (ic_record_get_rev (record) != change->rev)
    {
      invalid (error, _("record.rev: differs from the change’s rev"));
      return NULL;
    }
  if (ic_record_get_deleted (record))
    {
      invalid (error, _("record.deleted: a delete is written \"deleted\": true beside the record"));
      return NULL;
    }
  if (!ic_feed_check_record (record, error))
    return NULL;
  return g_steal_pointer (&record);
}

IcFeedChange *
ic_feed_change_parse_push (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(IcFeedChange) change = g_new0 (IcFeedChange, 1);
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("a change must be a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!parse_envelope (object, FALSE, change, &local_error))
    {
      g_set_error_literal (error, IC_FEED_ERROR, IC_FEED_ERROR_INVALID, local_error->message);
      return NULL;
    }
  if (change->rev <= change->base_rev)
    {
      invalid (error, _("rev: must be greater than base_rev"));
      return NULL;
    }
  if (change->deleted)
    {
      if (json_object_has_member (object, "record"))
        {
          invalid (error, _("record: a delete carries no record"));
          return NULL;
        }
      return g_steal_pointer (&change);
    }

  change->record = parse_record (object, change, error);
  if (change->record == NULL)
    return NULL;
  return g_steal_pointer (&change);
}

static IcFeedChange *
parse_pulled_change (JsonNode  *node,
                     GError   **error)
{
  g_autoptr(IcFeedChange) change = g_new0 (IcFeedChange, 1);
  g_autoptr(GError) local_error = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL, _("a change must be a JSON object"));
      return NULL;
    }
  if (!parse_envelope (json_node_get_object (node), TRUE, change, &local_error))
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL, "%s", local_error->message);
      return NULL;
    }
  if (change->deleted && change->kind == (IcRecordKind) -1)
    change->invalid = g_strdup_printf (_("kind: “%s” is not a kind of record this version knows"),
                                       change->kind_name);
  if (change->deleted)
    return g_steal_pointer (&change);
  if (json_object_has_member (json_node_get_object (node), "too_large"))
    {
      gint64 size = 1;

      ic_feed_json_get_int_opt (json_node_get_object (node), "size", &size, NULL);
      change->too_large = MAX (size, 1);
      change->invalid = g_strdup_printf (_("%s: the record (%" G_GINT64_FORMAT " bytes) is larger "
                                           "than this laptop reads in one answer"),
                                         change->id, change->too_large);
      return g_steal_pointer (&change);
    }

  if (change->kind == (IcRecordKind) -1)
    change->invalid = g_strdup_printf (_("kind: “%s” is not a kind of record this version knows"),
                                       change->kind_name);
  else
    {
      change->record = parse_record (json_node_get_object (node), change, &local_error);
      if (change->record == NULL)
        change->invalid = g_strdup (local_error->message);
    }
  if (change->invalid != NULL)
    {
      /* Kept as it came, to be tried again after an upgrade. */
      JsonNode *record = json_object_get_member (json_node_get_object (node), "record");

      g_clear_pointer (&change->extra, g_free);
      if (record != NULL)
        change->raw = json_to_string (record, FALSE);
    }
  return g_steal_pointer (&change);
}

void
ic_feed_page_free (IcFeedPage *page)
{
  if (page == NULL)
    return;
  g_free (page->feed_id);
  g_free (page->last_hash);
  g_clear_pointer (&page->changes, g_ptr_array_unref);
  g_free (page);
}

void
ic_feed_page_append (IcFeedPage *page,
                     IcFeedPage *next)
{
  g_autoptr(IcFeedPage) owned = next;

  g_return_if_fail (page != NULL && next != NULL);
  g_return_if_fail (g_strcmp0 (page->feed_id, next->feed_id) == 0);
  g_return_if_fail (next->changes->len == 0 || next->last_seq > page->last_seq);

  g_ptr_array_extend_and_steal (page->changes, g_steal_pointer (&owned->changes));
  if (next->last_seq >= page->last_seq)
    {
      g_free (page->last_hash);
      page->last_hash = g_steal_pointer (&owned->last_hash);
    }
  page->last_seq = MAX (page->last_seq, next->last_seq);
  page->more = next->more;
}

IcFeedPage *
ic_feed_page_parse (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(IcFeedPage) page = g_new0 (IcFeedPage, 1);
  const char *feed_id;
  JsonObject *object;
  JsonArray *array;
  gint64 previous_seq = 0;

  root = ic_feed_json_parse_object (data, length, error);
  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);

  if (!ic_feed_json_get_string (object, "feed_id", &feed_id, error) ||
      !ic_feed_json_get_int (object, "last_seq", &page->last_seq, error) ||
      !ic_feed_json_get_bool_opt (object, "more", &page->more, error))
    return NULL;
  array = ic_feed_json_get_array (object, "changes", error);
  if (array == NULL)
    return NULL;
  if (strlen (feed_id) > 64 || page->last_seq < 0)
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL, _("The page’s feed_id or last_seq is out of range"));
      return NULL;
    }
  page->feed_id = g_strdup (feed_id);
  if (json_object_has_member (object, "last_hash") && !json_object_get_null_member (object, "last_hash"))
    {
      const char *last_hash;

      if (!ic_feed_json_get_string (object, "last_hash", &last_hash, error))
        return NULL;
      if (strlen (last_hash) > 128)
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL, _("The page’s last_hash is too long"));
          return NULL;
        }
      page->last_hash = g_strdup (last_hash);
    }

  page->changes = g_ptr_array_new_full (json_array_get_length (array),
                                        (GDestroyNotify) ic_feed_change_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      IcFeedChange *change = parse_pulled_change (json_array_get_element (array, i), error);

      if (change == NULL)
        {
          g_prefix_error (error, _("change %u: "), i + 1);
          return NULL;
        }
      g_ptr_array_add (page->changes, change);
      /* Server order is the whole point of a cursor. */
      if (change->seq <= previous_seq || change->seq > page->last_seq)
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                       _("change %u: seq %" G_GINT64_FORMAT " is out of order"), i + 1, change->seq);
          return NULL;
        }
      previous_seq = change->seq;
    }

  return g_steal_pointer (&page);
}

static void
write_change (GString    *out,
              gint64      seq,
              const char *id,
              const char *kind,
              gint64      rev,
              gint64      base_rev,
              gboolean    deleted,
              const char *record_json)
{
  g_string_append_c (out, '{');
  if (seq > 0)
    {
      ic_feed_json_append_member_int (out, TRUE, "seq", seq);
      ic_feed_json_append_member_string (out, FALSE, "id", id);
    }
  else
    ic_feed_json_append_member_string (out, TRUE, "id", id);
  ic_feed_json_append_member_string (out, FALSE, "kind", kind);
  if (base_rev >= 0)
    ic_feed_json_append_member_int (out, FALSE, "base_rev", base_rev);
  ic_feed_json_append_member_int (out, FALSE, "rev", rev);
  g_string_append (out, deleted ? ",\"deleted\":true" : ",\"deleted\":false");
  if (!deleted && record_json != NULL)
    {
      g_string_append (out, ",\"record\":");
      g_string_append (out, record_json);
    }
  g_string_append_c (out, '}');
}

void
ic_feed_page_write_start (GString    *out,
                          const char *feed_id)
{
  g_string_append_c (out, '{');
  ic_feed_json_append_member_string (out, TRUE, "feed_id", feed_id);
  g_string_append (out, ",\"changes\":[");
}

void
ic_feed_page_write_change (GString    *out,
                           guint       index,
                           gint64      seq,
                           const char *id,
                           const char *kind,
                           gint64      rev,
                           gboolean    deleted,
                           const char *record_json)
{
  if (index > 0)
    g_string_append_c (out, ',');
  write_change (out, seq, id, kind, rev, -1, deleted, record_json);
}

void
ic_feed_page_write_too_large (GString    *out,
                              guint       index,
                              gint64      seq,
                              const char *id,
                              const char *kind,
                              gint64      rev,
                              gint64      size)
{
  if (index > 0)
    g_string_append_c (out, ',');
  write_change (out, seq, id, kind, rev, -1, FALSE, NULL);
  g_string_truncate (out, out->len - 1);
  g_string_append (out, ",\"too_large\":true");
  ic_feed_json_append_member_int (out, FALSE, "size", size);
  g_string_append_c (out, '}');
}

void
ic_feed_page_write_end (GString    *out,
                        gint64      last_seq,
                        const char *last_hash,
                        gboolean    more)
{
  g_string_append_c (out, ']');
  ic_feed_json_append_member_int (out, FALSE, "last_seq", last_seq);
  if (last_hash != NULL)
    ic_feed_json_append_member_string (out, FALSE, "last_hash", last_hash);
  g_string_append (out, more ? ",\"more\":true}" : ",\"more\":false}");
}

struct _IcFeedBatchBuilder
{
  GString *out;
  gsize    max_bytes;
  guint    max_changes;
  guint    n_changes;
};

/* The bytes that close the body: "]}". */
#define BATCH_TAIL_BYTES 2

IcFeedBatchBuilder *
ic_feed_batch_builder_new (gsize max_bytes,
                           guint max_changes)
{
  IcFeedBatchBuilder *self = g_new0 (IcFeedBatchBuilder, 1);

  self->out = g_string_sized_new (MIN (max_bytes, 1024 * 1024));
  self->max_bytes = max_bytes;
  self->max_changes = max_changes;
  g_string_append (self->out, "{\"changes\":[");
  return self;
}

gboolean
ic_feed_batch_builder_add (IcFeedBatchBuilder *self,
                           IcRecord           *record,
                           gint64              base_rev,
                           gboolean           *too_large)
{
  return ic_feed_batch_builder_add_full (self, record, NULL, base_rev, too_large);
}

gboolean
ic_feed_batch_builder_add_full (IcFeedBatchBuilder *self,
                                IcRecord           *record,
                                const char         *extra,
                                gint64              base_rev,
                                gboolean           *too_large)
{
  g_autoptr(GString) item = g_string_new (NULL);
  g_autofree char *record_json = NULL;
  gboolean deleted = ic_record_get_deleted (record);
  gsize empty_size = strlen ("{\"changes\":[") + BATCH_TAIL_BYTES;

  *too_large = FALSE;
  if (self->n_changes >= self->max_changes)
    return FALSE;

  if (!deleted)
    record_json = ic_feed_record_to_json (record, extra);
  write_change (item, 0, ic_record_get_id (record),
                ic_record_kind_to_string (ic_record_get_kind (record)),
                ic_record_get_rev (record), base_rev, deleted, record_json);

  if (empty_size + item->len > self->max_bytes)
    *too_large = TRUE;
  if (self->out->len + 1 + item->len + BATCH_TAIL_BYTES > self->max_bytes)
    return FALSE;

  if (self->n_changes > 0)
    g_string_append_c (self->out, ',');
  g_string_append_len (self->out, item->str, item->len);
  self->n_changes++;
  return TRUE;
}

guint
ic_feed_batch_builder_get_n_changes (IcFeedBatchBuilder *self)
{
  return self->n_changes;
}

GBytes *
ic_feed_batch_builder_end (IcFeedBatchBuilder *self)
{
  GString *out = self->out;

  g_string_append (out, "]}");
  self->out = NULL;
  g_free (self);
  return g_string_free_to_bytes (out);
}

void
ic_feed_batch_builder_free (IcFeedBatchBuilder *self)
{
  if (self == NULL)
    return;
  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_free (self);
}

void
ic_feed_result_free (IcFeedResult *result)
{
  if (result == NULL)
    return;
  g_free (result->id);
  g_clear_pointer (&result->server, ic_feed_change_free);
  g_free (result->detail);
  g_free (result->type);
  g_free (result);
}

void
ic_feed_push_response_free (IcFeedPushResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->results, g_ptr_array_unref);
  g_free (response->acked_chain);
  g_free (response);
}

static IcFeedResult *
parse_result (JsonNode  *node,
              GError   **error)
{
  g_autoptr(IcFeedResult) result = g_new0 (IcFeedResult, 1);
  g_autoptr(GError) local_error = NULL;
  const char *status, *id;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL, _("a result must be a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!ic_feed_json_get_string (object, "status", &status, error))
    return NULL;
  if (json_object_has_member (object, "id") && !json_object_get_null_member (object, "id"))
    {
      if (!ic_feed_json_get_string (object, "id", &id, error))
        return NULL;
      result->id = g_strndup (id, 64);
    }

  if (g_str_equal (status, "accepted"))
    {
      result->status = IC_FEED_RESULT_ACCEPTED;
      if (!ic_feed_json_get_int (object, "rev", &result->rev, error) ||
          !ic_feed_json_get_int (object, "seq", &result->seq, error))
        return NULL;
    }
  else if (g_str_equal (status, "conflict"))
    {
      result->status = IC_FEED_RESULT_CONFLICT;
      result->server = parse_pulled_change (node, &local_error);
      if (result->server == NULL)
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL, _("conflict: %s"), local_error->message);
          return NULL;
        }
      if (result->server->invalid != NULL)
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                       _("conflict: the server’s copy is not valid: %s"), result->server->invalid);
          return NULL;
        }
      result->rev = result->server->rev;
      result->seq = result->server->seq;
    }
  else if (g_str_equal (status, "rejected"))
    {
      const char *detail = NULL;
      JsonNode *problem = json_object_get_member (object, "problem");

      result->status = IC_FEED_RESULT_REJECTED;
      if (problem != NULL && JSON_NODE_HOLDS_OBJECT (problem))
        {
          JsonObject *fields = json_node_get_object (problem);
          const char *type = NULL;
          gint64 status_code = 0;

          ic_feed_json_get_string (fields, "detail", &detail, NULL);
          if (ic_feed_json_get_string (fields, "type", &type, NULL) && g_utf8_validate (type, -1, NULL))
            result->type = g_strndup (type, 200);
          if (ic_feed_json_get_int (fields, "status", &status_code, NULL) &&
              status_code >= 100 && status_code <= 599)
            result->problem_status = (guint) status_code;
        }
      result->detail = g_strndup (detail ? detail : _("The server refused the change"), 2000);
    }
  else
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL, _("unknown result status “%.32s”"), status);
      return NULL;
    }
  return g_steal_pointer (&result);
}

IcFeedPushResponse *
ic_feed_push_response_parse (const char  *data,
                             gsize        length,
                             guint        n_sent,
                             GError     **error)
{
  g_autoptr(IcFeedPushResponse) response = g_new0 (IcFeedPushResponse, 1);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *array;

  root = ic_feed_json_parse_object (data, length, error);
  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);
  if (!ic_feed_json_get_int (object, "last_seq", &response->last_seq, error) ||
      !ic_feed_json_get_int_opt (object, "acked_seq", &response->acked_seq, error))
    return NULL;
  if (response->acked_seq > 0)
    {
      const char *chain;

      if (!ic_feed_json_get_string (object, "acked_chain", &chain, error))
        return NULL;
      if (strlen (chain) > 128)
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL, _("acked_chain is too long"));
          return NULL;
        }
      response->acked_chain = g_strdup (chain);
    }
  array = ic_feed_json_get_array (object, "results", error);
  if (array == NULL)
    return NULL;
  if (json_array_get_length (array) != n_sent)
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                   _("%u changes were sent but %u results came back"),
                   n_sent, json_array_get_length (array));
      return NULL;
    }

  response->results = g_ptr_array_new_full (n_sent, (GDestroyNotify) ic_feed_result_free);
  for (guint i = 0; i < n_sent; i++)
    {
      IcFeedResult *result = parse_result (json_array_get_element (array, i), error);

      if (result == NULL)
        {
          g_prefix_error (error, _("result %u: "), i + 1);
          return NULL;
        }
      g_ptr_array_add (response->results, result);
    }
  return g_steal_pointer (&response);
}

void
ic_feed_results_write_start (GString *out)
{
  g_string_append (out, "{\"results\":[");
}

void
ic_feed_results_write_accepted (GString    *out,
                                guint       index,
                                const char *id,
                                gint64      rev,
                                gint64      seq)
{
  g_string_append (out, index > 0 ? ",{" : "{");
  ic_feed_json_append_member_string (out, TRUE, "id", id);
  ic_feed_json_append_member_string (out, FALSE, "status", "accepted");
  ic_feed_json_append_member_int (out, FALSE, "rev", rev);
  ic_feed_json_append_member_int (out, FALSE, "seq", seq);
  g_string_append_c (out, '}');
}

void
ic_feed_results_write_conflict (GString    *out,
                                guint       index,
                                const char *id,
                                const char *kind,
                                gint64      rev,
                                gint64      seq,
                                gboolean    deleted,
                                const char *record_json)
{
  g_string_append (out, index > 0 ? ",{" : "{");
  ic_feed_json_append_member_string (out, TRUE, "status", "conflict");
  ic_feed_json_append_member_int (out, FALSE, "seq", seq);
  ic_feed_json_append_member_string (out, FALSE, "id", id);
  ic_feed_json_append_member_string (out, FALSE, "kind", kind);
  ic_feed_json_append_member_int (out, FALSE, "rev", rev);
  g_string_append (out, deleted ? ",\"deleted\":true" : ",\"deleted\":false");
  if (!deleted && record_json != NULL)
    {
      g_string_append (out, ",\"record\":");
      g_string_append (out, record_json);
    }
  g_string_append_c (out, '}');
}

void
ic_feed_results_write_rejected (GString    *out,
                                guint       index,
                                const char *id,
                                const char *slug,
                                guint       status,
                                const char *detail)
{
  g_autofree char *problem = ic_feed_problem_build (status, slug, "The change breaks a rule", detail);

  g_string_append (out, index > 0 ? ",{" : "{");
  ic_feed_json_append_member_string (out, TRUE, "id", id);
  ic_feed_json_append_member_string (out, FALSE, "status", "rejected");
  g_string_append (out, ",\"problem\":");
  g_string_append (out, problem);
  g_string_append_c (out, '}');
}

void
ic_feed_rev_free (IcFeedRev *rev)
{
  if (rev == NULL)
    return;
  g_free (rev->id);
  g_free (rev);
}

GPtrArray *
ic_feed_revs_parse (const char  *data,
                    gsize        length,
                    const char  *member,
                    GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) revs = NULL;
  JsonArray *array;

  root = ic_feed_json_parse_object (data, length, error);
  if (root == NULL)
    return NULL;
  array = ic_feed_json_get_array (json_node_get_object (root), member, error);
  if (array == NULL)
    return NULL;
  if (json_array_get_length (array) > IC_FEED_MAX_REVS)
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOO_LARGE,
                   _("%s: at most %d ids at a time"), member, IC_FEED_MAX_REVS);
      return NULL;
    }

  revs = g_ptr_array_new_full (json_array_get_length (array), (GDestroyNotify) ic_feed_rev_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      IcFeedRev *rev;
      const char *id;
      gint64 number;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !ic_feed_json_get_string (json_node_get_object (node), "id", &id, error) ||
          !ic_feed_json_get_int (json_node_get_object (node), "rev", &number, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL, _("an entry must be an object"));
          g_prefix_error (error, "%s %u: ", member, i + 1);
          return NULL;
        }
      if (!ic_validate_uuid (id, "id", &local_error) || number < 0 || number > IC_FEED_MAX_REV)
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL, _("%s %u: not an id and a revision"),
                       member, i + 1);
          return NULL;
        }
      rev = g_new0 (IcFeedRev, 1);
      rev->id = g_strdup (id);
      rev->rev = number;
      g_ptr_array_add (revs, rev);
    }
  return g_steal_pointer (&revs);
}

GBytes *
ic_feed_revs_build (GPtrArray *revs)
{
  GString *out = g_string_sized_new (64 + 64 * revs->len);

  g_string_append (out, "{\"revs\":[");
  for (guint i = 0; i < revs->len; i++)
    {
      IcFeedRev *rev = g_ptr_array_index (revs, i);

      g_string_append (out, i > 0 ? ",{" : "{");
      ic_feed_json_append_member_string (out, TRUE, "id", rev->id);
      ic_feed_json_append_member_int (out, FALSE, "rev", rev->rev);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  return g_string_free_to_bytes (out);
}

void
ic_feed_results_write_end (GString    *out,
                           gint64      last_seq,
                           gint64      acked_seq,
                           const char *acked_chain)
{
  g_string_append_c (out, ']');
  ic_feed_json_append_member_int (out, FALSE, "last_seq", last_seq);
  if (acked_seq > 0 && acked_chain != NULL)
    {
      ic_feed_json_append_member_int (out, FALSE, "acked_seq", acked_seq);
      ic_feed_json_append_member_string (out, FALSE, "acked_chain", acked_chain);
    }
  g_string_append_c (out, '}');
}

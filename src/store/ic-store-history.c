/* ic-store-history.c — every change of every record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writes (ic-store-write.c) add the entries, in their own
 * transaction: a new record's entry says only that it was made, so an
 * insert costs one small row more; a change keeps the fields it made
 * different, found by comparing the stored record's JSON with the new
 * one's, member by member.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ic-record-json.h"
#include "ic-store-history.h"
#include "ic-store-private.h"

static const char * const action_names[] = {
  [IC_HISTORY_CREATED] = "created",
  [IC_HISTORY_CHANGED] = "changed",
  [IC_HISTORY_DELETED] = "deleted",
  [IC_HISTORY_RESTORED] = "restored",
  [IC_HISTORY_RENEWED] = "renewed",
};

const char *
ic_history_action_to_string (IcHistoryAction action)
{
  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (action_names), NULL);
  return action_names[action];
}

static gboolean
action_from_string (const char      *string,
                    IcHistoryAction *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    if (g_strcmp0 (string, action_names[i]) == 0)
      {
        *action = i;
        return TRUE;
      }
  return FALSE;
}

const char *
ic_history_action_get_label (IcHistoryAction action)
{
  switch (action)
    {
    case IC_HISTORY_CREATED:
      return _("Created");
    case IC_HISTORY_CHANGED:
      return _("Changed");
    case IC_HISTORY_DELETED:
      return _("Deleted");
    case IC_HISTORY_RESTORED:
      return _("Restored");
    case IC_HISTORY_RENEWED:
      return _("Renewed");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
history_change_free (IcHistoryChange *change)
{
  g_free (change->field);
  g_free (change->old_json);
  g_free (change->new_json);
  g_free (change);
}

void
ic_history_entry_free (IcHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->record_id);
  g_free (entry->at);
  g_free (entry->author);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

/* The members every record has, which a change of fields does not name:
 * the history entry itself says who, when and whether it was deleted. */
static gboolean
is_record_member (const char *name)
{
  static const char * const members[] = { "id", "rev", "updated_at", "author", "deleted" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (g_str_equal (name, members[i]))
      return TRUE;
  return FALSE;
}

static void
add_change (JsonBuilder *builder,
            const char  *name,
            JsonNode    *before,
            JsonNode    *after)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "old");
  json_builder_add_value (builder, before != NULL ? json_node_copy (before) : json_node_new (JSON_NODE_NULL));
  json_builder_set_member_name (builder, "new");
  json_builder_add_value (builder, after != NULL ? json_node_copy (after) : json_node_new (JSON_NODE_NULL));
  json_builder_end_object (builder);
}

/* A value a new record may as well not have: nothing, "" or []. */
static gboolean
is_empty_value (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node)[0] == '\0';
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;
  return FALSE;
}

char *
ic_store_history_diff (IcRecord *before,
                       IcRecord *after)
{
  g_autoptr(JsonNode) old_node = before != NULL ? ic_object_to_json (G_OBJECT (before)) : NULL;
  g_autoptr(JsonNode) new_node = ic_object_to_json (G_OBJECT (after));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) result = NULL;
  JsonObject *old_object = old_node != NULL ? json_node_get_object (old_node) : NULL;
  JsonObject *new_object = json_node_get_object (new_node);
  g_autoptr(GList) names = json_object_get_members (new_object);
  g_autoptr(GList) old_names = old_object != NULL ? json_object_get_members (old_object) : NULL;
  guint n = 0;

  json_builder_begin_array (builder);
  /* In the new record's order, then what only the old one had. */
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *old_value = old_object != NULL ? json_object_get_member (old_object, name) : NULL;
      JsonNode *new_value = json_object_get_member (new_object, name);

      if (is_record_member (name))
        continue;
      /* A new record: the values it was given. */
      if (old_object == NULL && is_empty_value (new_value))
        continue;
      if (old_value != NULL && json_node_equal (old_value, new_value))
        continue;
      add_change (builder, name, old_value, new_value);
      n++;
    }
  for (GList *l = old_names; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (is_record_member (name) || json_object_has_member (new_object, name))
        continue;
      add_change (builder, name, json_object_get_member (old_object, name), NULL);
      n++;
    }
  json_builder_end_array (builder);

  if (n == 0)
    return NULL;
  result = json_builder_get_root (builder);
  return json_to_string (result, FALSE);
}

/* Entries per statement when a write adds many (a large import). */
#define HISTORY_CHUNK 32
#define HISTORY_COLUMNS "(record_id, kind, rev, at, author, action, changes, remote)"
#define HISTORY_PARAMS "(?, ?, ?, ?, ?, ?, ?, ?)"
#define HISTORY_N_PARAMS 8
#define PARAMS_2 HISTORY_PARAMS ", " HISTORY_PARAMS
#define PARAMS_4 PARAMS_2 ", " PARAMS_2
#define PARAMS_8 PARAMS_4 ", " PARAMS_4
#define PARAMS_16 PARAMS_8 ", " PARAMS_8
#define PARAMS_32 PARAMS_16 ", " PARAMS_16

static const char chunk_sql[] = "INSERT INTO record_history " HISTORY_COLUMNS " VALUES " PARAMS_32;

static void
bind_row (sqlite3_stmt             *stmt,
          int                       first,
          const IcStoreHistoryRow  *row)
{
  /* The rows outlive the statement's bindings (ic_store_stmt_release()). */
  sqlite3_bind_text (stmt, first, row->record_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, ic_record_kind_to_string (row->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 2, row->rev);
  sqlite3_bind_text (stmt, first + 3, row->at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 4, row->author, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 5, ic_history_action_to_string (row->action), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 6, row->changes, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, first + 7, row->remote ? 1 : 0);
}

gboolean
ic_store_history_add (IcStore                  *self,
                      const IcStoreHistoryRow  *rows,
                      guint                     n_rows,
                      GError                  **error)
{
  guint done = 0;

  if (!ic_store_get_keep_history (self))
    return TRUE;

  for (; done + HISTORY_CHUNK <= n_rows; done += HISTORY_CHUNK)
    {
      g_autoptr(IcStoreStmt) stmt =
        ic_store_prepare_slot (self, IC_STORE_SLOT_HISTORY_CHUNK, 0, chunk_sql, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < HISTORY_CHUNK; i++)
        bind_row (stmt, 1 + HISTORY_N_PARAMS * i, &rows[done + i]);
      if (!ic_store_step_done (self, stmt, error))
        return FALSE;
    }
  for (; done < n_rows; done++)
    {
      g_autoptr(IcStoreStmt) stmt =
        ic_store_prepare_slot (self, IC_STORE_SLOT_HISTORY, 0,
                               "INSERT INTO record_history " HISTORY_COLUMNS " VALUES " HISTORY_PARAMS,
                               error);

      if (stmt == NULL)
        return FALSE;
      bind_row (stmt, 1, &rows[done]);
      if (!ic_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
parse_changes (const char *text)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) history_change_free);
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonArray *array;

  if (text == NULL)
    return changes;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (root = json_parser_get_root (parser)))
    {
      g_debug ("A history entry's changes are not a JSON array");
      return changes;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      IcHistoryChange *change;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      change = g_new0 (IcHistoryChange, 1);
      change->field = g_strdup (json_object_get_string_member_with_default (object, "field", ""));
      change->old_json = json_object_has_member (object, "old")
                         ? json_to_string (json_object_get_member (object, "old"), FALSE)
                         : g_strdup ("null");
      change->new_json = json_object_has_member (object, "new")
                         ? json_to_string (json_object_get_member (object, "new"), FALSE)
                         : g_strdup ("null");
      g_ptr_array_add (changes, change);
    }
  return changes;
}

/* A JSON value a field may as well not have: null, "" or []. */
static gboolean
is_empty_json (const char *json)
{
  return json == NULL || g_str_equal (json, "null") || g_str_equal (json, "\"\"") ||
         g_str_equal (json, "[]");
}

static IcHistoryChange *
find_change (GPtrArray  *changes,
             const char *field)
{
  for (guint i = 0; i < changes->len; i++)
    {
      IcHistoryChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->field, field))
        return change;
    }
  return NULL;
}

/* The values the record was created with, as changes from nothing:
 * each field's value before its first change after, or its value now
 * if it never changed.  The history has every change, so the insert
 * itself need not write them out. */
static gboolean
fill_created (IcStore    *self,
              GPtrArray  *entries,
              GError    **error)
{
  IcHistoryEntry *created = g_ptr_array_index (entries, 0);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcRecord) record = ic_store_get_stored (self, created->kind, created->record_id, &local_error);
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) initial = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* A record no longer held at all: its entries still say what changed. */
  if (g_error_matches (local_error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND))
    return TRUE;
  if (record == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  now = ic_store_history_diff (NULL, record);
  initial = parse_changes (now);
  /* Walk the later changes: the first one of each field says what it
   * was before. */
  for (guint i = 1; i < entries->len; i++)
    {
      IcHistoryEntry *entry = g_ptr_array_index (entries, i);

      for (guint j = 0; j < entry->changes->len; j++)
        {
          IcHistoryChange *later = g_ptr_array_index (entry->changes, j);
          IcHistoryChange *first;

          if (g_hash_table_contains (seen, later->field))
            continue;
          g_hash_table_add (seen, later->field);
          first = find_change (initial, later->field);
          if (first == NULL)
            {
              first = g_new0 (IcHistoryChange, 1);
              first->field = g_strdup (later->field);
              first->old_json = g_strdup ("null");
              g_ptr_array_add (initial, first);
            }
          g_free (first->new_json);
          first->new_json = g_strdup (later->old_json != NULL ? later->old_json : "null");
        }
    }
  for (guint i = initial->len; i > 0; i--)
    {
      IcHistoryChange *change = g_ptr_array_index (initial, i - 1);

      if (is_empty_json (change->new_json))
        g_ptr_array_remove_index (initial, i - 1);
    }
  g_ptr_array_unref (created->changes);
  created->changes = g_steal_pointer (&initial);
  return TRUE;
}

GPtrArray *
ic_store_list_history (IcStore     *self,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_history_entry_free);
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = ic_store_prepare (self, "SELECT seq, record_id, kind, rev, at, author, action, changes, remote "
                                 "FROM record_history WHERE record_id = ? ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcHistoryEntry *entry = g_new0 (IcHistoryEntry, 1);
      IcRecordKind kind = 0;
      IcHistoryAction action = IC_HISTORY_CHANGED;

      ic_record_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind);
      action_from_string ((const char *) sqlite3_column_text (stmt, 6), &action);
      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->kind = kind;
      entry->rev = sqlite3_column_int64 (stmt, 3);
      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->author = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->action = action;
      entry->changes = parse_changes ((const char *) sqlite3_column_text (stmt, 7));
      entry->remote = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  if (entries->len > 0 &&
      ((IcHistoryEntry *) g_ptr_array_index (entries, 0))->action == IC_HISTORY_CREATED &&
      ((IcHistoryEntry *) g_ptr_array_index (entries, 0))->changes->len == 0 &&
      !fill_created (self, entries, error))
    return NULL;
  return g_steal_pointer (&entries);
}

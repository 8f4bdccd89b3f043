/* ic-conflict-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fields are compared in their JSON shape, so every record kind (and
 * every field a kind may gain) is handled the same way.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-conflict-merge.h"
#include "ic-record-json.h"

/* Identity and bookkeeping: the store decides these, not the user.  The
 * tombstone is resolved as a whole (see ic_conflict_resolve()). */
static const char * const skipped[] = {
  "id", "rev", "updated_at", "author", "deleted", NULL
};

void
ic_conflict_field_free (IcConflictField *field)
{
  if (field == NULL)
    return;
  g_free (field->name);
  g_free (field->mine);
  g_free (field->theirs);
  g_free (field);
}

static void
append_value (GString  *text,
              JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_string_append (text, json_node_get_string (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          append_value (text, json_array_get_element (array, i));
        }
    }
  else
    {
      g_autofree char *json = json_to_string (node, FALSE);

      g_string_append (text, json);
    }
}

static char *
value_text (JsonObject *object,
            const char *name)
{
  GString *text = g_string_new (NULL);

  if (object != NULL && json_object_has_member (object, name))
    append_value (text, json_object_get_member (object, name));
  return g_string_free (text, FALSE);
}

static gboolean
same_value (JsonObject *a,
            JsonObject *b,
            const char *name)
{
  JsonNode *x = a != NULL ? json_object_get_member (a, name) : NULL;
  JsonNode *y = b != NULL ? json_object_get_member (b, name) : NULL;

  if (x == NULL || y == NULL)
    return x == y;
  return json_node_equal (x, y);
}

GPtrArray *
ic_conflict_diff (IcRecord *mine,
                  IcRecord *theirs)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_conflict_field_free);
  g_autoptr(JsonNode) mine_json = NULL;
  g_autoptr(JsonNode) theirs_json = NULL;
  JsonObject *mine_object, *theirs_object = NULL;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (IC_IS_RECORD (mine), NULL);

  mine_json = ic_object_to_json (G_OBJECT (mine));
  mine_object = json_node_get_object (mine_json);
  if (theirs != NULL)
    {
      theirs_json = ic_object_to_json (G_OBJECT (theirs));
      theirs_object = json_node_get_object (theirs_json);
    }

  members = json_object_get_members (mine_object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      IcConflictField *field;

      if (g_strv_contains (skipped, name) || same_value (mine_object, theirs_object, name))
        continue;
      field = g_new0 (IcConflictField, 1);
      field->name = g_strdup (name);
      field->mine = value_text (mine_object, name);
      field->theirs = value_text (theirs_object, name);
      g_ptr_array_add (fields, field);
    }
  return g_steal_pointer (&fields);
}

IcRecord *
ic_conflict_merge (IcRecord           *mine,
                   IcRecord           *theirs,
                   const char * const *from_mine,
                   GError            **error)
{
  g_autoptr(JsonNode) mine_json = NULL;
  g_autoptr(JsonObject) chosen = json_object_new ();
  g_autoptr(IcRecord) merged = NULL;

  g_return_val_if_fail (IC_IS_RECORD (mine), NULL);
  g_return_val_if_fail (IC_IS_RECORD (theirs), NULL);
  g_return_val_if_fail (ic_record_get_kind (mine) == ic_record_get_kind (theirs), NULL);

  mine_json = ic_object_to_json (G_OBJECT (mine));
  for (guint i = 0; from_mine != NULL && from_mine[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (json_node_get_object (mine_json), from_mine[i]);

      if (g_strv_contains (skipped, from_mine[i]) || node == NULL)
        continue;
      json_object_set_member (chosen, from_mine[i], json_node_copy (node));
    }

  merged = ic_record_copy (theirs);
  if (!ic_object_update_from_json (G_OBJECT (merged), chosen, error))
    return NULL;
  return g_steal_pointer (&merged);
}

gboolean
ic_conflict_resolve (IcStore            *store,
                     IcConflict         *conflict,
                     const char * const *from_mine,
                     const char         *author,
                     GError            **error)
{
  g_autoptr(IcRecord) theirs = NULL;
  g_autoptr(IcRecord) merged = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IC_IS_STORE (store), FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);

  if (from_mine == NULL || from_mine[0] == NULL)
    return ic_store_remove_conflict (store, conflict->id, error);

  theirs = ic_store_get (store, conflict->record_id, &local_error);
  if (theirs == NULL && !g_error_matches (local_error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (theirs == NULL)
    {
      /* The feed never took it: mine is all there is. */
      merged = ic_record_copy (conflict->record);
      if (!ic_store_insert (store, merged, author, error))
        return FALSE;
    }
  else
    {
      /* Keeping my edit of a record deleted on the feed brings it back. */
      if (ic_record_get_deleted (theirs) && !ic_record_get_deleted (conflict->record))
        {
          if (!ic_store_restore (store, conflict->record_id, author, error))
            return FALSE;
          g_clear_object (&theirs);
          theirs = ic_store_get (store, conflict->record_id, error);
          if (theirs == NULL)
            return FALSE;
        }
      merged = ic_conflict_merge (conflict->record, theirs, from_mine, error);
      if (merged == NULL || !ic_store_update (store, merged, author, error))
        return FALSE;
    }
  return ic_store_remove_conflict (store, conflict->id, error);
}

gboolean
ic_conflict_keep_mine (IcStore     *store,
                       IcConflict  *conflict,
                       const char  *author,
                       GError     **error)
{
  g_autoptr(IcRecord) theirs = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) from_mine = NULL;

  g_return_val_if_fail (IC_IS_STORE (store), FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);

  /* My delete lost to their edit: keeping mine deletes it again. */
  theirs = ic_store_get (store, conflict->record_id, NULL);
  if (theirs != NULL && ic_record_get_deleted (conflict->record) && !ic_record_get_deleted (theirs))
    {
      if (!ic_store_delete (store, conflict->record_id, author, error))
        return FALSE;
      return ic_store_remove_conflict (store, conflict->id, error);
    }

  /* Every field of mine, not only those that differ now, so that the
   * record comes back whole even where theirs is a tombstone. */
  fields = ic_conflict_diff (conflict->record, NULL);
  for (guint i = 0; i < fields->len; i++)
    g_strv_builder_add (builder, ((IcConflictField *) g_ptr_array_index (fields, i))->name);
  from_mine = g_strv_builder_end (builder);
  return ic_conflict_resolve (store, conflict, (const char * const *) from_mine, author, error);
}

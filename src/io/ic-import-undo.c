/* ic-import-undo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-import-undo.h"
#include "ic-io-error.h"
#include "ic-record-json.h"

typedef struct
{
  IcStore    *store;
  const char *author;
  guint       n_undone;
  guint       n_kept;
  GHashTable *organisations;   /* id → rev, added organisations, deleted last */
} Undo;

/* The stored record @id if it is still at @rev, the import's revision;
 * NULL (and one more kept) if it changed since or is gone. */
static IcRecord *
unchanged_since (Undo       *undo,
                 const char *id,
                 gint64      rev)
{
  g_autoptr(IcRecord) stored = ic_store_get (undo->store, id, NULL);

  if (stored == NULL || ic_record_get_rev (stored) != rev || ic_record_get_deleted (stored))
    {
      undo->n_kept++;
      return NULL;
    }
  return g_steal_pointer (&stored);
}

static gboolean
undo_added (Undo        *undo,
            const char  *id,
            gint64       rev,
            GError     **error)
{
  g_autoptr(IcRecord) stored = unchanged_since (undo, id, rev);

  if (stored == NULL)
    return TRUE;
  /* Organisations go once the records that may name them have gone. */
  if (ic_record_get_kind (stored) == IC_RECORD_KIND_ORGANISATION)
    {
      g_hash_table_insert (undo->organisations, g_strdup (id), g_memdup2 (&rev, sizeof rev));
      return TRUE;
    }
  undo->n_undone++;
  return ic_store_delete (undo->store, id, undo->author, error);
}

static gboolean
note_organisation (IcRecord *record,
                   gpointer  user_data)
{
  GHashTable *named = user_data;
  g_autofree char *organisation_id = NULL;

  g_object_get (record, "organisation-id", &organisation_id, NULL);
  if (organisation_id != NULL)
    g_hash_table_add (named, g_steal_pointer (&organisation_id));
  return TRUE;
}

/* Deletes the organisations the import added that no live challenge or
 * capability names: one kept because it was edited keeps its own. */
static gboolean
undo_organisations (Undo    *undo,
                    GError **error)
{
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer id, rev;

  if (g_hash_table_size (undo->organisations) == 0)
    return TRUE;
  if (!ic_store_foreach (undo->store, IC_RECORD_KIND_CHALLENGE, note_organisation, named, error) ||
      !ic_store_foreach (undo->store, IC_RECORD_KIND_CAPABILITY, note_organisation, named, error))
    return FALSE;
  g_hash_table_iter_init (&iter, undo->organisations);
  while (g_hash_table_iter_next (&iter, &id, &rev))
    {
      if (g_hash_table_contains (named, id))
        {
          undo->n_kept++;
          continue;
        }
      undo->n_undone++;
      if (!ic_store_delete (undo->store, id, undo->author, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
undo_updated (Undo      *undo,
              IcRecord  *before,
              gint64     rev,
              GError   **error)
{
  g_autoptr(IcRecord) stored = unchanged_since (undo, ic_record_get_id (before), rev);
  g_autoptr(IcRecord) restored = NULL;

  if (stored == NULL)
    return TRUE;
  restored = ic_record_copy (before);
  undo->n_undone++;
  return ic_store_update_if_unchanged (undo->store, restored, rev, undo->author, error);
}

/* Runs @undo's steps in one write: all or nothing. */
static gboolean
finish (IcStore  *store,
        gboolean  ok,
        GError  **error)
{
  return ic_store_end_write (store, ok, ok ? error : NULL) && ok;
}

gboolean
ic_import_undo (IcImportReport  *report,
                IcStore         *store,
                const char      *author,
                guint           *n_kept,
                GError         **error)
{
  g_autoptr(GHashTable) organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Undo undo = { store, author, 0, 0, organisations };
  GPtrArray *added, *updated, *before = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (IC_IS_IMPORT_REPORT (report), FALSE);
  g_return_val_if_fail (ic_import_report_get_committed (report), FALSE);

  added = ic_import_report_get_added (report);
  updated = ic_import_report_get_updated (report, &before);
  if (!ic_store_begin_write (store, error))
    return FALSE;
  /* Backwards: the records before the organisations they name. */
  for (guint i = added->len; ok && i > 0; i--)
    {
      IcRecord *record = g_ptr_array_index (added, i - 1);

      ok = undo_added (&undo, ic_record_get_id (record), ic_record_get_rev (record), error);
    }
  for (guint i = 0; ok && i < updated->len; i++)
    ok = undo_updated (&undo, g_ptr_array_index (before, i),
                       ic_record_get_rev (g_ptr_array_index (updated, i)), error);
  ok = ok && undo_organisations (&undo, error);
  if (!finish (store, ok, error))
    return FALSE;
  if (n_kept != NULL)
    *n_kept = undo.n_kept;
  return TRUE;
}

static gboolean
bad_report (GError **error)
{
  g_set_error_literal (error, IC_IO_ERROR, IC_IO_ERROR_FORMAT,
                       _("not the JSON report of an import (interchange-cli import … --json); "
                         "it has no “undo” member"));
  return FALSE;
}

gboolean
ic_import_undo_json (JsonNode    *report,
                     IcStore     *store,
                     const char  *author,
                     guint       *n_undone,
                     guint       *n_kept,
                     GError     **error)
{
  g_autoptr(GHashTable) organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Undo undo = { store, author, 0, 0, organisations };
  JsonObject *object, *steps;
  JsonArray *added, *updated;
  gboolean ok = TRUE;

  if (report == NULL || !JSON_NODE_HOLDS_OBJECT (report))
    return bad_report (error);
  object = json_node_get_object (report);
  steps = json_object_get_object_member (object, "undo");
  if (steps == NULL || !json_object_has_member (steps, "added") ||
      !json_object_has_member (steps, "updated"))
    return bad_report (error);
  added = json_object_get_array_member (steps, "added");
  updated = json_object_get_array_member (steps, "updated");
  if (added == NULL || updated == NULL)
    return bad_report (error);

  if (!ic_store_begin_write (store, error))
    return FALSE;
  for (guint i = json_array_get_length (added); ok && i > 0; i--)
    {
      JsonObject *item = json_array_get_object_element (added, i - 1);
      const char *id = item != NULL ? json_object_get_string_member_with_default (item, "id", NULL) : NULL;

      if (id == NULL)
        {
          ok = bad_report (error);
          break;
        }
      ok = undo_added (&undo, id, json_object_get_int_member_with_default (item, "rev", -1), error);
    }
  for (guint i = 0; ok && i < json_array_get_length (updated); i++)
    {
      JsonObject *item = json_array_get_object_element (updated, i);
      const char *kind_name = item != NULL ? json_object_get_string_member_with_default (item, "kind", NULL) : NULL;
      JsonNode *before_node = item != NULL ? json_object_get_member (item, "before") : NULL;
      g_autoptr(IcRecord) before = NULL;
      IcRecordKind kind;

      if (kind_name == NULL || before_node == NULL || !ic_record_kind_from_string (kind_name, &kind))
        {
          ok = bad_report (error);
          break;
        }
      before = ic_record_new_from_json (kind, before_node, error);
      ok = before != NULL &&
           undo_updated (&undo, before, json_object_get_int_member_with_default (item, "rev", -1), error);
    }
  ok = ok && undo_organisations (&undo, error);
  if (!finish (store, ok, error))
    return FALSE;
  if (n_undone != NULL)
    *n_undone = undo.n_undone;
  if (n_kept != NULL)
    *n_kept = undo.n_kept;
  return TRUE;
}

typedef struct
{
  char  *db_path;
  char  *author;
  guint  n_kept;
} AsyncUndo;

static void
async_undo_free (gpointer data)
{
  AsyncUndo *async = data;

  g_free (async->db_path);
  g_free (async->author);
  g_free (async);
}

static void
undo_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AsyncUndo *async = task_data;
  g_autoptr(IcStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = ic_store_open (async->db_path, IC_STORE_OPEN_DEFAULT, &error);
  if (store == NULL ||
      !ic_import_undo (IC_IMPORT_REPORT (source_object), store, async->author, &async->n_kept, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
ic_import_undo_async (IcImportReport      *report,
                      const char          *db_path,
                      const char          *author,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncUndo *async;

  g_return_if_fail (IC_IS_IMPORT_REPORT (report));
  g_return_if_fail (db_path != NULL);

  async = g_new0 (AsyncUndo, 1);
  async->db_path = g_strdup (db_path);
  async->author = g_strdup (author);
  task = g_task_new (report, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_import_undo_async);
  g_task_set_task_data (task, async, async_undo_free);
  g_task_run_in_thread (task, undo_in_thread);
}

gboolean
ic_import_undo_finish (GAsyncResult  *result,
                       guint         *n_kept,
                       GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_import_undo_async, FALSE);

  if (n_kept != NULL)
    *n_kept = ((AsyncUndo *) g_task_get_task_data (G_TASK (result)))->n_kept;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ic-record-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ic-record-draft.h"
#include "ic-record-json.h"

char *
ic_record_draft_path (const char *db_path,
                      IcRecord   *record,
                      gboolean    is_new)
{
  g_autofree char *folder = g_compute_checksum_for_string (G_CHECKSUM_SHA1, db_path ? db_path : "", -1);
  g_autofree char *name = NULL;

  if (is_new)
    name = g_strdup_printf ("new-%s.json", ic_record_kind_to_string (ic_record_get_kind (record)));
  else
    name = g_strdup_printf ("%s.json", ic_record_get_id (record));
  return g_build_filename (g_get_user_data_dir (), "interchange", "drafts", folder, name, NULL);
}

IcRecord *
ic_record_draft_read (const char    *path,
                      IcRecordKind   kind,
                      GDateTime    **saved_at,
                      GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  IcRecord *record;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  record = ic_record_new_from_json_data (kind, data, length, error);
  if (record == NULL)
    return NULL;
  if (saved_at != NULL)
    {
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
      *saved_at = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
    }
  return record;
}

/* Writes and removals run on worker threads; the last one asked for a
 * path is the one that happens, so a write still queued when its
 * editor saves cannot bring the draft back. */
static GMutex latest_lock;
static GHashTable *latest;  /* path -> guint generation */
static guint generation;

typedef struct
{
  char   *path;
  GBytes *contents;  /* NULL: remove */
  guint   generation;
} DraftOp;

static void
draft_op_free (DraftOp *op)
{
  g_free (op->path);
  g_clear_pointer (&op->contents, g_bytes_unref);
  g_free (op);
}

static void
draft_op_run (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DraftOp *op = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (op->path);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&latest_lock);

  if (GPOINTER_TO_UINT (g_hash_table_lookup (latest, op->path)) != op->generation)
    return;
  if (op->contents == NULL)
    {
      if (g_unlink (op->path) != 0 && errno != ENOENT)
        g_warning ("Cannot remove the draft %s: %s", op->path, g_strerror (errno));
      return;
    }
  if (g_mkdir_with_parents (folder, 0700) != 0)
    g_warning ("Cannot make the drafts folder %s: %s", folder, g_strerror (errno));
  else if (!g_file_set_contents_full (op->path, g_bytes_get_data (op->contents, NULL),
                                      g_bytes_get_size (op->contents),
                                      G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("Cannot keep the draft: %s", error->message);
}

static void
draft_op_start (const char *path,
                GBytes     *contents)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  DraftOp *op = g_new0 (DraftOp, 1);

  op->path = g_strdup (path);
  op->contents = contents;
  g_mutex_lock (&latest_lock);
  if (latest == NULL)
    latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  op->generation = ++generation;
  g_hash_table_insert (latest, g_strdup (path), GUINT_TO_POINTER (op->generation));
  g_mutex_unlock (&latest_lock);
  g_task_set_source_tag (task, draft_op_start);
  g_task_set_task_data (task, op, (GDestroyNotify) draft_op_free);
  g_task_run_in_thread (task, draft_op_run);
}

void
ic_record_draft_write (const char *path,
                       IcRecord   *record)
{
  char *json = ic_record_to_json_data (record, TRUE);

  draft_op_start (path, g_bytes_new_take (json, strlen (json)));
}

void
ic_record_draft_remove (const char *path)
{
  draft_op_start (path, NULL);
}

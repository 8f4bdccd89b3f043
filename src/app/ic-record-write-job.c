/* ic-record-write-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-record-write-job.h"

typedef struct
{
  char              *db_path;
  char              *author;
  IcRecordWriteKind  kind;
  IcRecord          *record;
} JobData;

static void
job_data_free (JobData *data)
{
  g_free (data->db_path);
  g_free (data->author);
  g_clear_object (&data->record);
  g_free (data);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  JobData *data = task_data;
  const char *id = ic_record_get_id (data->record);
  g_autoptr(IcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* IcStore is not thread-safe: this thread has a connection of its own. */
  store = ic_store_open (data->db_path, IC_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    {
      switch (data->kind)
        {
        case IC_RECORD_WRITE_UPDATE:
          ok = ic_store_update (store, data->record, data->author, &error);
          break;
        case IC_RECORD_WRITE_UPDATE_IF_UNCHANGED:
          ok = ic_store_update_if_unchanged (store, data->record, ic_record_get_rev (data->record),
                                             data->author, &error);
          break;
        case IC_RECORD_WRITE_INSERT:
          ok = ic_store_insert (store, data->record, data->author, &error);
          break;
        case IC_RECORD_WRITE_DELETE:
          ok = ic_store_delete (store, id, data->author, &error);
          break;
        case IC_RECORD_WRITE_RESTORE:
          ok = ic_store_restore (store, id, data->author, &error);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_object_ref (data->record), g_object_unref);
}

void
ic_record_write_async (const char          *db_path,
                       IcRecordWriteKind    kind,
                       IcRecord            *record,
                       const char          *author,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  JobData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (IC_IS_RECORD (record));

  data = g_new0 (JobData, 1);
  data->db_path = g_strdup (db_path);
  data->author = g_strdup (author);
  data->kind = kind;
  data->record = ic_record_copy (record);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_record_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) job_data_free);
  g_task_run_in_thread (task, write_in_thread);
}

IcRecord *
ic_record_write_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

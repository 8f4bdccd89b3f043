/* ic-record-fetch-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-record-fetch-job.h"

typedef struct
{
  char *db_path;
  char *id;
} JobData;

static void
job_data_free (JobData *data)
{
  g_free (data->db_path);
  g_free (data->id);
  g_free (data);
}

static void
fetch_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  JobData *data = task_data;
  g_autoptr(IcStore) store = NULL;
  g_autoptr(IcRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* IcStore is not thread-safe: this thread has a connection of its own. */
  store = ic_store_open (data->db_path, IC_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    record = ic_store_get (store, data->id, &error);
  if (record == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&record), g_object_unref);
}

void
ic_record_fetch_async (const char          *db_path,
                       const char          *id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  JobData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (id != NULL);

  data = g_new0 (JobData, 1);
  data->db_path = g_strdup (db_path);
  data->id = g_strdup (id);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_record_fetch_async);
  g_task_set_task_data (task, data, (GDestroyNotify) job_data_free);
  g_task_run_in_thread (task, fetch_in_thread);
}

IcRecord *
ic_record_fetch_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

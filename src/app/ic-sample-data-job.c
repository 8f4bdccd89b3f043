/* ic-sample-data-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-sample-data-job.h"

typedef struct
{
  char *db_path;
  char *author;
} JobData;

static void
job_data_free (JobData *data)
{
  g_free (data->db_path);
  g_free (data->author);
  g_free (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  JobData *data = task_data;
  g_autoptr(IcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  IcSampleDataCounts *counts = g_new0 (IcSampleDataCounts, 1);

  if (g_task_return_error_if_cancelled (task))
    {
      g_free (counts);
      return;
    }

  /* IcStore is not thread-safe: this thread has a connection of its own. */
  store = ic_store_open (data->db_path, IC_STORE_OPEN_CREATE, &error);
  if (store == NULL || !ic_sample_data_load (store, data->author, counts, &error))
    {
      g_free (counts);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, counts, g_free);
}

void
ic_sample_data_load_async (const char          *db_path,
                           const char          *author,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  JobData *data;

  g_return_if_fail (db_path != NULL);

  data = g_new0 (JobData, 1);
  data->db_path = g_strdup (db_path);
  data->author = g_strdup (author);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_sample_data_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) job_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

gboolean
ic_sample_data_load_finish (GAsyncResult        *result,
                            IcSampleDataCounts  *counts,
                            GError             **error)
{
  g_autofree IcSampleDataCounts *loaded = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;
  if (counts != NULL)
    *counts = *loaded;
  return TRUE;
}

/* ic-shortlists-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-shortlists-read.h"

typedef struct
{
  char  *shortlist_id;
  guint  limit;
} JobData;

static void
job_data_free (JobData *data)
{
  g_free (data->shortlist_id);
  g_free (data);
}

void
ic_shortlists_read_free (IcShortlistsRead *read)
{
  g_clear_pointer (&read->reports, g_ptr_array_unref);
  g_clear_pointer (&read->problems, g_ptr_array_unref);
  g_free (read);
}

/* The ids to read: the one asked for, or every live shortlist's. */
static GStrv
list_ids (IcStore  *store,
          JobData  *data,
          GError  **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GPtrArray) shortlists = NULL;

  if (data->shortlist_id != NULL)
    {
      g_strv_builder_add (ids, data->shortlist_id);
      return g_strv_builder_end (ids);
    }
  shortlists = ic_store_list (store, IC_RECORD_KIND_SHORTLIST, NULL, 0, data->limit, error);
  if (shortlists == NULL)
    return NULL;
  for (guint i = 0; i < shortlists->len; i++)
    g_strv_builder_add (ids, ic_record_get_id (g_ptr_array_index (shortlists, i)));
  return g_strv_builder_end (ids);
}

static void
read_job (GTask        *task,
          IcStore      *store,
          gpointer      task_data,
          GCancellable *cancellable)
{
  JobData *data = task_data;
  g_autoptr(IcShortlistsRead) read = g_new0 (IcShortlistsRead, 1);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = list_ids (store, data, &error);

  if (ids == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  read->reports = g_ptr_array_new_with_free_func (g_object_unref);
  read->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) report_error = NULL;
      IcShortlistReport *report;

      /* A newer read or a page left: the rest is of no use to anyone. */
      if (g_task_return_error_if_cancelled (task))
        return;
      report = ic_shortlist_report_load (store, ids[i], &report_error);
      if (report != NULL)
        g_ptr_array_add (read->reports, report);
      else if (data->shortlist_id != NULL)
        {
          g_task_return_error (task, g_steal_pointer (&report_error));
          return;
        }
      else
        g_ptr_array_add (read->problems,
                         g_strdup_printf (_("Cannot read shortlist %s: %s"), ids[i], report_error->message));
    }
  g_task_return_pointer (task, g_steal_pointer (&read), (GDestroyNotify) ic_shortlists_read_free);
}

void
ic_shortlists_read_async (IcStoreService      *service,
                          const char          *shortlist_id,
                          guint                limit,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  JobData *data;

  g_return_if_fail (IC_IS_STORE_SERVICE (service));

  data = g_new0 (JobData, 1);
  data->shortlist_id = g_strdup (shortlist_id);
  data->limit = limit;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_shortlists_read_async);
  g_task_set_task_data (task, data, (GDestroyNotify) job_data_free);
  ic_store_service_run (service, task, read_job);
}

IcShortlistsRead *
ic_shortlists_read_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_shortlists_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

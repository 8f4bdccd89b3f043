/* ic-consortium-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-consortium-finder.h"
#include "ic-consortium-job.h"

typedef struct
{
  IcChallenge    *challenge;
  IcMatchWeights *weights;
  IcMatchOptions  options;
  guint           max_size;
  guint           n_results;
} FindData;

static void
find_data_free (FindData *data)
{
  g_clear_object (&data->challenge);
  g_clear_object (&data->weights);
  ic_match_options_clear (&data->options);
  g_free (data);
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  IcMatcher *matcher = source_object;
  FindData *data = task_data;
  g_autoptr(GError) error = NULL;
  GListModel *found;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  found = ic_matcher_find_consortia (matcher, data->challenge, data->weights, &data->options,
                                     data->max_size, data->n_results, &error);
  if (found == NULL && error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (found == NULL)
    g_task_return_pointer (task, g_list_store_new (IC_TYPE_CONSORTIUM), g_object_unref);
  else
    g_task_return_pointer (task, found, g_object_unref);
}

void
ic_consortium_job_find_async (IcMatcher            *matcher,
                              IcChallenge          *challenge,
                              IcMatchWeights       *weights,
                              const IcMatchOptions *options,
                              guint                 max_size,
                              guint                 n_results,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (matcher, cancellable, callback, user_data);
  FindData *data = g_new0 (FindData, 1);

  data->challenge = IC_CHALLENGE (ic_record_copy (IC_RECORD (challenge)));
  data->weights = ic_match_weights_copy (weights);
  ic_match_options_copy (options, &data->options);
  data->max_size = max_size;
  data->n_results = n_results;
  g_task_set_source_tag (task, ic_consortium_job_find_async);
  g_task_set_task_data (task, data, (GDestroyNotify) find_data_free);
  g_task_run_in_thread (task, find_thread);
}

GListModel *
ic_consortium_job_find_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_consortium_job_find_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

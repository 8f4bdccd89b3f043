/* ic-match-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-challenge.h"
#include "ic-match-job.h"
#include "ic-match-loader.h"
#include "ic-store.h"

static gboolean
add_open_challenge (IcRecord *record,
                    gpointer  challenges)
{
  if (ic_challenge_get_status (IC_CHALLENGE (record)) == IC_CHALLENGE_STATUS_OPEN)
    g_ptr_array_add (challenges, g_object_ref (record));
  return TRUE;
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  const char *x = ic_record_get_title (*(IcRecord **) a);
  const char *y = ic_record_get_title (*(IcRecord **) b);

  return g_utf8_collate (x ? x : "", y ? y : "");
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *db_path = task_data;
  g_autoptr(IcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcMatcher) matcher = NULL;
  g_autoptr(GPtrArray) challenges = g_ptr_array_new_with_free_func (g_object_unref);

  /* IcStore is not thread-safe: this thread has a connection of its own. */
  store = ic_store_open (db_path, IC_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!ic_store_foreach (store, IC_RECORD_KIND_CHALLENGE, add_open_challenge, challenges, &error) ||
      g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      (matcher = ic_match_loader_load_matcher (store, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_ptr_array_sort (challenges, compare_titles);
  g_task_set_task_data (task, g_steal_pointer (&challenges), (GDestroyNotify) g_ptr_array_unref);
  g_task_return_pointer (task, g_steal_pointer (&matcher), g_object_unref);
}

void
ic_match_job_build_async (const char          *db_path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ic_match_job_build_async);
  g_task_set_task_data (task, g_strdup (db_path), g_free);
  g_task_run_in_thread (task, build_thread);
}

IcMatcher *
ic_match_job_build_finish (GAsyncResult  *result,
                           GPtrArray    **challenges,
                           GError       **error)
{
  IcMatcher *matcher;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  matcher = g_task_propagate_pointer (G_TASK (result), error);
  if (matcher != NULL && challenges != NULL)
    *challenges = g_ptr_array_ref (g_task_get_task_data (G_TASK (result)));
  return matcher;
}

typedef struct
{
  IcChallenge    *challenge;
  IcMatchWeights *weights;
  IcMatchOptions  options;
} RerankData;

static void
rerank_data_free (RerankData *data)
{
  g_clear_object (&data->challenge);
  g_clear_object (&data->weights);
  ic_match_options_clear (&data->options);
  g_free (data);
}

static void
rerank_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  IcMatcher *matcher = source_object;
  RerankData *data = task_data;
  g_autoptr(GError) error = NULL;
  GListModel *results;
  gboolean used_pool = FALSE;

  results = ic_matcher_rerank (matcher, ic_record_get_id (IC_RECORD (data->challenge)),
                               data->weights, &used_pool, &error);
  if (results == NULL && g_error_matches (error, IC_MATCH_ERROR, IC_MATCH_ERROR_NOT_RANKED))
    {
      g_clear_error (&error);
      results = ic_matcher_rank_challenge (matcher, data->challenge, data->weights,
                                           &data->options, &error);
    }
  if (results == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, results, g_object_unref);
}

void
ic_match_job_rerank_async (IcMatcher            *matcher,
                           IcChallenge          *challenge,
                           IcMatchWeights       *weights,
                           const IcMatchOptions *options,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (matcher, cancellable, callback, user_data);
  RerankData *data = g_new0 (RerankData, 1);

  data->challenge = IC_CHALLENGE (ic_record_copy (IC_RECORD (challenge)));
  data->weights = ic_match_weights_copy (weights);
  ic_match_options_copy (options, &data->options);
  g_task_set_source_tag (task, ic_match_job_rerank_async);
  g_task_set_task_data (task, data, (GDestroyNotify) rerank_data_free);
  g_task_run_in_thread (task, rerank_thread);
}

GListModel *
ic_match_job_rerank_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_match_job_rerank_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ic_match_job_options_init (IcMatchOptions *options,
                           IcStore        *store,
                           IcChallenge    *challenge,
                           guint           top_k,
                           gboolean        cross_sector)
{
  g_autoptr(GError) error = NULL;

  ic_match_options_init (options);
  options->top_k = top_k;
  options->pool_size = IC_MATCH_DEFAULT_POOL_SIZE;
  options->cross_sector = cross_sector;
  if (!ic_match_loader_load_exclusions (store, ic_record_get_id (IC_RECORD (challenge)), options,
                                        &error))
    g_warning ("Cannot read the pairs that are not a match: %s", error->message);
  else if (!ic_match_loader_load_decisions (store, ic_record_get_id (IC_RECORD (challenge)), options,
                                            &error))
    g_warning ("Cannot read the team’s decisions: %s", error->message);
}

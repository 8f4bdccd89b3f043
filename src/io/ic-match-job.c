/* ic-match-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-challenge.h"
#include "ic-consortium-finder.h"
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

void
ic_match_setup_free (IcMatchSetup *setup)
{
  g_clear_object (&setup->matcher);
  g_clear_pointer (&setup->challenges, g_ptr_array_unref);
  g_clear_object (&setup->weights);
  ic_match_options_clear (&setup->excluded);
  g_free (setup);
}

static void
build_job (GTask        *task,
           IcStore      *store,
           gpointer      task_data,
           GCancellable *cancellable)
{
  g_autoptr(IcMatchSetup) setup = g_new0 (IcMatchSetup, 1);
  GError *error = NULL;

  ic_match_options_init (&setup->excluded);
  setup->challenges = g_ptr_array_new_with_free_func (g_object_unref);
  if (!ic_store_foreach (store, IC_RECORD_KIND_CHALLENGE, add_open_challenge, setup->challenges, &error) ||
      g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !ic_match_loader_load_exclusions (store, NULL, &setup->excluded, &error) ||
      !ic_match_loader_load_decisions (store, NULL, &setup->excluded, &error) ||
      (setup->matcher = ic_match_loader_load_matcher (store, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Saved weights that no longer parse leave the caller's. */
  setup->weights = ic_match_loader_load_weights (store, NULL);
  g_ptr_array_sort (setup->challenges, compare_titles);
  g_task_return_pointer (task, g_steal_pointer (&setup), (GDestroyNotify) ic_match_setup_free);
}

void
ic_match_job_build_async (IcStoreService      *service,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ic_match_job_build_async);
  ic_store_service_run (service, task, build_job);
}

IcMatchSetup *
ic_match_job_build_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_match_job_build_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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
ic_match_job_options_init (IcMatchOptions       *options,
                           const IcMatchOptions *excluded,
                           IcChallenge          *challenge,
                           guint                 top_k,
                           gboolean              cross_sector)
{
  const char *challenge_id = ic_record_get_id (IC_RECORD (challenge));
  GHashTable *set = NULL;

  ic_match_options_init (options);
  options->top_k = top_k;
  options->pool_size = IC_MATCH_DEFAULT_POOL_SIZE;
  options->cross_sector = cross_sector;
  if (excluded != NULL && excluded->excluded != NULL && challenge_id != NULL)
    set = g_hash_table_lookup (excluded->excluded, challenge_id);
  if (set != NULL)
    {
      GHashTableIter iter;
      gpointer capability_id;

      g_hash_table_iter_init (&iter, set);
      while (g_hash_table_iter_next (&iter, &capability_id, NULL))
        ic_match_options_exclude_pair (options, challenge_id, capability_id);
    }
  /* And what the team decided about the challenge, to learn from. */
  {
    const IcMatchDecisions *decisions = ic_match_options_get_decisions (excluded, challenge_id);

    for (guint i = 0; decisions != NULL && i < decisions->positive->len; i++)
      ic_match_options_add_decision (options, challenge_id, decisions->positive->pdata[i], TRUE);
    for (guint i = 0; decisions != NULL && i < decisions->negative->len; i++)
      ic_match_options_add_decision (options, challenge_id, decisions->negative->pdata[i], FALSE);
  }
}

void
ic_match_job_include_pair (IcMatchOptions *options,
                           const char     *challenge_id,
                           const char     *capability_id)
{
  GHashTable *set;

  g_return_if_fail (options != NULL);

  set = options->excluded != NULL ? g_hash_table_lookup (options->excluded, challenge_id) : NULL;
  if (set != NULL)
    g_hash_table_remove (set, capability_id);
}

/* Consortia */

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

  if (g_task_return_error_if_cancelled (task))
    return;
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
ic_match_job_find_consortia_async (IcMatcher            *matcher,
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
  g_task_set_source_tag (task, ic_match_job_find_consortia_async);
  g_task_set_task_data (task, data, (GDestroyNotify) find_data_free);
  g_task_run_in_thread (task, find_thread);
}

GListModel *
ic_match_job_find_consortia_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_match_job_find_consortia_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

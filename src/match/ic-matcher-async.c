/* ic-matcher-async.c — the matcher off the main thread, for the GUI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each call copies what it needs (the weights, the options, the
 * challenges) so that the caller may change them at once, e.g. while a
 * slider moves; a stale ranking is dropped by cancelling it.
 */

#include "config.h"

#include "ic-matcher.h"

typedef struct
{
  IcChallenge    *challenge;
  GPtrArray      *challenges;
  IcMatchWeights *weights;
  IcMatchOptions  options;
} RankData;

static void
rank_data_free (RankData *data)
{
  g_clear_object (&data->challenge);
  g_clear_pointer (&data->challenges, g_ptr_array_unref);
  g_clear_object (&data->weights);
  ic_match_options_clear (&data->options);
  g_free (data);
}

static RankData *
rank_data_new (IcMatchWeights       *weights,
               const IcMatchOptions *options)
{
  RankData *data = g_new0 (RankData, 1);

  data->weights = ic_match_weights_copy (weights);
  if (options != NULL)
    ic_match_options_copy (options, &data->options);
  else
    ic_match_options_init (&data->options);
  return data;
}

static void
rank_challenge_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  RankData *data = task_data;
  GError *error = NULL;
  GListModel *results;

  if (g_task_return_error_if_cancelled (task))
    return;
  results = ic_matcher_rank_challenge (source_object, data->challenge, data->weights,
                                       &data->options, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, results, g_object_unref);
  else
    g_object_unref (results);
}

void
ic_matcher_rank_challenge_async (IcMatcher            *self,
                                 IcChallenge          *challenge,
                                 IcMatchWeights       *weights,
                                 const IcMatchOptions *options,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  RankData *data;

  g_return_if_fail (IC_IS_MATCHER (self));
  g_return_if_fail (IC_IS_CHALLENGE (challenge));
  g_return_if_fail (IC_IS_MATCH_WEIGHTS (weights));

  data = rank_data_new (weights, options);
  data->challenge = IC_CHALLENGE (ic_record_copy (IC_RECORD (challenge)));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_matcher_rank_challenge_async);
  g_task_set_task_data (task, data, (GDestroyNotify) rank_data_free);
  g_task_run_in_thread (task, rank_challenge_thread);
}

GListModel *
ic_matcher_rank_challenge_finish (IcMatcher     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
rank_all_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  RankData *data = task_data;
  GError *error = NULL;
  GPtrArray *results;

  results = ic_matcher_rank_all (source_object, data->challenges, data->weights,
                                 &data->options, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

void
ic_matcher_rank_all_async (IcMatcher            *self,
                           GPtrArray            *challenges,
                           IcMatchWeights       *weights,
                           const IcMatchOptions *options,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  RankData *data;

  g_return_if_fail (IC_IS_MATCHER (self));
  g_return_if_fail (challenges != NULL);
  g_return_if_fail (IC_IS_MATCH_WEIGHTS (weights));

  data = rank_data_new (weights, options);
  data->challenges = g_ptr_array_new_full (challenges->len, g_object_unref);
  for (guint i = 0; i < challenges->len; i++)
    g_ptr_array_add (data->challenges, ic_record_copy (challenges->pdata[i]));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_matcher_rank_all_async);
  g_task_set_task_data (task, data, (GDestroyNotify) rank_data_free);
  g_task_run_in_thread (task, rank_all_thread);
}

GPtrArray *
ic_matcher_rank_all_finish (IcMatcher     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Re-ranking */

typedef struct
{
  IcChallenge    *challenge;
  IcMatchWeights *weights;
  IcMatchOptions  options;
} RerankAsyncData;

static void
rerank_async_data_free (RerankAsyncData *data)
{
  g_clear_object (&data->challenge);
  g_clear_object (&data->weights);
  ic_match_options_clear (&data->options);
  g_free (data);
}

static void
rerank_async_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  IcMatcher *matcher = source_object;
  RerankAsyncData *data = task_data;
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
ic_matcher_rerank_async (IcMatcher            *self,
                         IcChallenge          *challenge,
                         IcMatchWeights       *weights,
                         const IcMatchOptions *options,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  RerankAsyncData *data = g_new0 (RerankAsyncData, 1);

  data->challenge = IC_CHALLENGE (ic_record_copy (IC_RECORD (challenge)));
  data->weights = ic_match_weights_copy (weights);
  ic_match_options_copy (options, &data->options);
  g_task_set_source_tag (task, ic_matcher_rerank_async);
  g_task_set_task_data (task, data, (GDestroyNotify) rerank_async_data_free);
  g_task_run_in_thread (task, rerank_async_thread);
}

GListModel *
ic_matcher_rerank_finish (IcMatcher     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_matcher_rerank_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

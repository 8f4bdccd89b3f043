/* ic-match-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-challenge.h"
#include "ic-match-job.h"
#include "ic-match-loader.h"
#include "ic-shortlist.h"
#include "ic-shortlist-entry.h"
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

static gboolean
add_organisation_name (IcRecord *record,
                       gpointer  names)
{
  g_hash_table_insert (names, g_strdup (ic_record_get_id (record)), g_strdup (ic_record_get_title (record)));
  return TRUE;
}

static gboolean
add_shortlisted (IcRecord *record,
                 gpointer  shortlisted)
{
  IcShortlist *shortlist = IC_SHORTLIST (record);
  GListModel *entries = G_LIST_MODEL (ic_shortlist_get_entries (shortlist));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IcShortlistEntry) entry = g_list_model_get_item (entries, i);

      g_hash_table_add (shortlisted, ic_match_job_pair_key (ic_shortlist_get_challenge_id (shortlist),
                                                            ic_shortlist_entry_get_capability_id (entry)));
    }
  return TRUE;
}

char *
ic_match_job_pair_key (const char *challenge_id,
                       const char *capability_id)
{
  return g_strconcat (challenge_id ? challenge_id : "", "\n", capability_id ? capability_id : "", NULL);
}

void
ic_match_setup_free (IcMatchSetup *setup)
{
  g_clear_object (&setup->matcher);
  g_clear_pointer (&setup->challenges, g_ptr_array_unref);
  g_clear_object (&setup->weights);
  g_clear_pointer (&setup->organisation_names, g_hash_table_unref);
  g_clear_pointer (&setup->shortlisted, g_hash_table_unref);
  g_clear_pointer (&setup->challenge_weights, g_hash_table_unref);
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
  setup->organisation_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  setup->shortlisted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!ic_store_foreach (store, IC_RECORD_KIND_CHALLENGE, add_open_challenge, setup->challenges, &error) ||
      !ic_store_foreach (store, IC_RECORD_KIND_ORGANISATION, add_organisation_name,
                         setup->organisation_names, &error) ||
      !ic_store_foreach (store, IC_RECORD_KIND_SHORTLIST, add_shortlisted, setup->shortlisted, &error) ||
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
  setup->challenge_weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < setup->challenges->len; i++)
    {
      const char *id = ic_record_get_id (g_ptr_array_index (setup->challenges, i));
      g_autofree char *key = ic_match_loader_challenge_weights_setting (id);
      g_autofree char *text = ic_store_get_setting (store, key);
      IcMatchWeights *weights = text != NULL ? ic_match_weights_new_from_string (text, NULL) : NULL;

      if (weights != NULL)
        g_hash_table_insert (setup->challenge_weights, g_strdup (id), weights);
    }
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
  /* The pins, and the pairs a conflict-of-interest rule leaves out. */
  {
    GHashTable *tables[] = { ic_match_options_get_pins (excluded, challenge_id),
                             ic_match_options_get_conflicts (excluded, challenge_id) };

    for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
      {
        GHashTableIter iter;
        gpointer capability_id, reason;

        if (tables[t] == NULL)
          continue;
        g_hash_table_iter_init (&iter, tables[t]);
        while (g_hash_table_iter_next (&iter, &capability_id, &reason))
          {
            if (t == 0)
              ic_match_options_pin (options, challenge_id, capability_id, reason);
            else
              ic_match_options_add_conflict (options, challenge_id, capability_id, reason);
          }
      }
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

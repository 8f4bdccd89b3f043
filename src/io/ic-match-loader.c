/* ic-match-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-fields.h"
#include "ic-io-resources.h"
#include "ic-match-loader.h"
#include "ic-store-curation.h"
#include "ic-rising-demand.h"
#include "ic-shortlist.h"
#include "ic-shortlist-entry.h"
#include "ic-store-exclusions.h"
#include "ic-store-rows.h"

/* Organisations and capabilities are read as plain fields, not as
 * records: building and finalising 100,000 objects took longer than
 * the rest of loading together.  The corpus gets the same values either
 * way (tests/test-io-loader.c compares the two). */
static const char * const organisation_fields[] = {
  "id", "name", "cluster", "local_authority", "employees", NULL,
};

static gboolean
add_organisation (IcStoreRow *row,
                  gpointer    corpus)
{
  ic_match_corpus_add_organisation_fields (corpus,
                                           ic_store_row_get_string (row, 0),
                                           ic_store_row_get_string (row, 1),
                                           ic_store_row_get_string (row, 2),
                                           ic_store_row_get_string (row, 3),
                                           ic_store_row_get_int (row, 4));
  return TRUE;
}

static const char * const capability_fields[] = {
  "id", "organisation_id", "title", "description", "cluster", "local_authority",
  "tags", "trl", "employees", NULL,
};

static gboolean
add_capability (IcStoreRow *row,
                gpointer    corpus)
{
  g_auto(GStrv) stored = ic_store_row_dup_strv (row, 6);
  /* As a record's property setter would hold them; cheap when they are
   * normal already, as stored tags are. */
  g_auto(GStrv) tags = ic_tags_normalise ((const char * const *) stored);
  IcMatchCapabilityFields fields = {
    .id = ic_store_row_get_string (row, 0),
    .organisation_id = ic_store_row_get_string (row, 1),
    .title = ic_store_row_get_string (row, 2),
    .description = ic_store_row_get_string (row, 3),
    .cluster = ic_store_row_get_string (row, 4),
    .local_authority = ic_store_row_get_string (row, 5),
    .tags = (const char * const *) tags,
    .trl = ic_store_row_get_int (row, 7),
    .employees = ic_store_row_get_int (row, 8),
  };

  ic_match_corpus_add_capability_fields (corpus, &fields);
  return TRUE;
}

/* The tags that foresight items mark as rising demand today, for the
 * foresight criterion (the rule is in ic-rising-demand.c). */
static gboolean
add_rising_demand (IcStore        *store,
                   IcMatchCorpus  *corpus,
                   GError        **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_auto(GStrv) tags = NULL;

  items = ic_store_list (store, IC_RECORD_KIND_FORESIGHT, NULL, 0, 0, error);
  if (items == NULL)
    return FALSE;
  tags = ic_rising_demand_collect (items, now);
  for (guint i = 0; tags[i] != NULL; i++)
    ic_match_corpus_add_rising_tag (corpus, tags[i]);
  return TRUE;
}

#define GLOSSARY_SETTING "taxonomy.glossary"
#define GLOSSARY_RESOURCE "/io/github/wmvit/Interchange/glossary/glossary.json"

IcGlossary *
ic_match_loader_default_glossary (GError **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (ic_io_get_resource (), GLOSSARY_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  return ic_glossary_new_from_json (data, (gssize) size, error);
}

IcGlossary *
ic_match_loader_load_glossary (IcStore  *store,
                               GError  **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (IC_IS_STORE (store), NULL);

  data = ic_store_get_setting (store, GLOSSARY_SETTING);
  if (data == NULL)
    return ic_match_loader_default_glossary (error);
  return ic_glossary_new_from_json (data, -1, error);
}

gboolean
ic_match_loader_save_glossary (IcStore     *store,
                               IcGlossary  *glossary,
                               GError     **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (IC_IS_STORE (store), FALSE);
  g_return_val_if_fail (glossary == NULL || IC_IS_GLOSSARY (glossary), FALSE);

  if (glossary != NULL)
    data = ic_glossary_to_data (glossary);
  return ic_store_set_setting (store, GLOSSARY_SETTING, data, error);
}

IcMatchCorpus *
ic_match_loader_load_corpus (IcStore  *store,
                             GError  **error)
{
  g_autoptr(IcMatchCorpus) corpus = ic_match_corpus_new (IC_TEXT_ANALYZER_DEFAULT);
  g_autoptr(IcGlossary) glossary = NULL;

  g_return_val_if_fail (IC_IS_STORE (store), NULL);

  ic_match_corpus_set_taxonomy (corpus, ic_store_get_taxonomy (store));
  glossary = ic_match_loader_load_glossary (store, error);
  if (glossary == NULL || !ic_match_corpus_set_glossary (corpus, glossary, error))
    return NULL;
  if (!ic_store_foreach_row (store, IC_RECORD_KIND_ORGANISATION, organisation_fields,
                             add_organisation, corpus, error) ||
      !ic_store_foreach_row (store, IC_RECORD_KIND_CAPABILITY, capability_fields,
                             add_capability, corpus, error) ||
      !add_rising_demand (store, corpus, error) ||
      !ic_match_corpus_freeze (corpus, 0, error))
    return NULL;
  return g_steal_pointer (&corpus);
}

IcMatcher *
ic_match_loader_load_matcher (IcStore  *store,
                              GError  **error)
{
  g_autoptr(IcMatchCorpus) corpus = ic_match_loader_load_corpus (store, error);

  return corpus != NULL ? ic_matcher_new (corpus) : NULL;
}

gboolean
ic_match_loader_load_exclusions (IcStore         *store,
                                 const char      *challenge_id,
                                 IcMatchOptions  *options,
                                 GError         **error)
{
  g_autoptr(GPtrArray) pairs = NULL;

  g_return_val_if_fail (IC_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  pairs = ic_store_list_excluded_pairs (store, challenge_id, error);
  if (pairs == NULL)
    return FALSE;
  for (guint i = 0; i < pairs->len; i++)
    {
      IcExcludedPair *pair = pairs->pdata[i];

      ic_match_options_exclude_pair (options, pair->challenge_id, pair->capability_id);
    }

  /* What else people decided: pins, and conflict-of-interest rules. */
  g_clear_pointer (&pairs, g_ptr_array_unref);
  pairs = ic_store_list_pins (store, challenge_id, error);
  if (pairs == NULL)
    return FALSE;
  for (guint i = 0; i < pairs->len; i++)
    {
      IcCurationEntry *pin = pairs->pdata[i];

      ic_match_options_pin (options, pin->first_id, pin->second_id, pin->reason);
    }
  g_clear_pointer (&pairs, g_ptr_array_unref);
  pairs = ic_store_list_conflicted_pairs (store, challenge_id, error);
  if (pairs == NULL)
    return FALSE;
  for (guint i = 0; i < pairs->len; i++)
    {
      IcCurationEntry *pair = pairs->pdata[i];

      ic_match_options_add_conflict (options, pair->first_id, pair->second_id, pair->reason);
    }
  return TRUE;
}

#define DECISIONS_SETTING "match.learn-from-decisions"

gboolean
ic_match_loader_get_learn_from_decisions (IcStore *store)
{
  g_autofree char *value = ic_store_get_setting (store, DECISIONS_SETTING);

  return g_strcmp0 (value, "false") != 0;
}

gboolean
ic_match_loader_set_learn_from_decisions (IcStore   *store,
                                          gboolean   learn,
                                          GError   **error)
{
  return ic_store_set_setting (store, DECISIONS_SETTING, learn ? NULL : "false", error);
}

gboolean
ic_match_loader_load_decisions (IcStore         *store,
                                const char      *challenge_id,
                                IcMatchOptions  *options,
                                GError         **error)
{
  g_autoptr(GPtrArray) shortlists = NULL;
  g_autoptr(GPtrArray) pairs = NULL;

  g_return_val_if_fail (IC_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!ic_match_loader_get_learn_from_decisions (store))
    return TRUE;

  shortlists = ic_store_list (store, IC_RECORD_KIND_SHORTLIST, NULL, 0, 0, error);
  if (shortlists == NULL)
    return FALSE;
  for (guint i = 0; i < shortlists->len; i++)
    {
      IcShortlist *shortlist = shortlists->pdata[i];
      const char *challenge = ic_shortlist_get_challenge_id (shortlist);
      GListModel *entries = G_LIST_MODEL (ic_shortlist_get_entries (shortlist));

      if (challenge == NULL || (challenge_id != NULL && !g_str_equal (challenge, challenge_id)))
        continue;
      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(IcShortlistEntry) entry = g_list_model_get_item (entries, e);

          ic_match_options_add_decision (options, challenge, ic_shortlist_entry_get_capability_id (entry),
                                         ic_shortlist_entry_get_stage (entry) != IC_STAGE_DECLINED);
        }
    }

  pairs = ic_store_list_excluded_pairs (store, challenge_id, error);
  if (pairs == NULL)
    return FALSE;
  for (guint i = 0; i < pairs->len; i++)
    {
      IcExcludedPair *pair = pairs->pdata[i];

      ic_match_options_add_decision (options, pair->challenge_id, pair->capability_id, FALSE);
    }
  return TRUE;
}

char *
ic_match_loader_challenge_weights_setting (const char *challenge_id)
{
  return g_strconcat (IC_MATCH_WEIGHTS_SETTING ".", challenge_id, NULL);
}

IcMatchWeights *
ic_match_loader_load_challenge_weights (IcStore    *store,
                                        const char *challenge_id,
                                        GError    **error)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (IC_IS_STORE (store), NULL);

  if (challenge_id != NULL)
    {
      key = ic_match_loader_challenge_weights_setting (challenge_id);
      text = ic_store_get_setting (store, key);
    }
  if (text == NULL)
    return ic_match_loader_load_weights (store, error);
  return ic_match_weights_new_from_string (text, error);
}

IcMatchWeights *
ic_match_loader_load_weights (IcStore  *store,
                              GError  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (IC_IS_STORE (store), NULL);

  text = ic_store_get_setting (store, IC_MATCH_WEIGHTS_SETTING);
  if (text == NULL)
    return ic_match_weights_new ();
  return ic_match_weights_new_from_string (text, error);
}

/* ic-shortlist-maker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-challenge.h"
#include "ic-foresight-item.h"
#include "ic-io-error.h"
#include "ic-match-loader.h"
#include "ic-matcher.h"
#include "ic-shortlist-maker.h"
#include "ic-validate.h"

IcShortlistEntry *
ic_shortlist_entry_new_from_match_result (IcMatchResult *result)
{
  g_autoptr(JsonNode) node = ic_match_result_to_json (result);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *explanation = NULL;
  IcShortlistEntry *entry = ic_shortlist_entry_new ();
  JsonObject *object = json_node_get_object (node);

  /* The ids are the entry's own fields; the sentence travels along. */
  json_object_remove_member (object, "capability_id");
  json_object_remove_member (object, "organisation_id");
  json_object_remove_member (object, "score");
  json_object_set_string_member (object, "why",
                                 ic_match_result_get_explanation (result)
                                 ? ic_match_result_get_explanation (result) : "");
  json_object_set_boolean_member (object, "cross_sector", ic_match_result_get_cross_sector (result));
  json_generator_set_root (generator, node);
  explanation = json_generator_to_data (generator, NULL);

  ic_shortlist_entry_set_capability_id (entry, ic_match_result_get_capability_id (result));
  ic_shortlist_entry_set_score (entry, CLAMP (ic_match_result_get_score (result), 0.0, 1.0));
  ic_shortlist_entry_set_explanation (entry, explanation);
  return entry;
}

/* "Shortlist: TITLE", cut to fit the name's limit. */
static char *
default_name (IcChallenge *challenge)
{
  g_autofree char *name = g_strdup_printf (_("Shortlist: %s"), ic_challenge_get_title (challenge));

  if (g_utf8_strlen (name, -1) > IC_MAX_NAME_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (name, IC_MAX_NAME_CHARS - 1);
      *end = '\0';
      return g_strconcat (name, "…", NULL);
    }
  return g_steal_pointer (&name);
}

IcShortlist *
ic_shortlist_create_from_matches (IcStore     *store,
                                  const char  *challenge_id,
                                  guint        top_k,
                                  const char  *name,
                                  const char  *author,
                                  GError     **error)
{
  g_autoptr(IcRecord) record = NULL;
  g_autoptr(IcMatcher) matcher = NULL;
  g_autoptr(IcMatchWeights) weights = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(IcShortlist) shortlist = NULL;
  g_auto(IcMatchOptions) options = { 0 };
  g_autofree char *fallback_name = NULL;
  GListStore *entries;

  g_return_val_if_fail (IC_IS_STORE (store), NULL);
  g_return_val_if_fail (challenge_id != NULL, NULL);

  ic_match_options_init (&options);
  record = ic_store_get (store, challenge_id, error);
  if (record == NULL)
    return NULL;
  if (!IC_IS_CHALLENGE (record) || ic_record_get_deleted (record))
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_NOT_FOUND,
                   ic_record_get_deleted (record) ? _("The challenge %s has been deleted")
                                                  : _("%s is not a challenge"),
                   challenge_id);
      return NULL;
    }

  options.top_k = top_k;
  if (top_k > 0)
    {
      matcher = ic_match_loader_load_matcher (store, error);
      if (matcher == NULL)
        return NULL;
      /* Saved weights that no longer parse fall back to the balanced preset. */
      weights = ic_match_loader_load_weights (store, NULL);
      if (weights == NULL)
        weights = ic_match_weights_new ();
      if (!ic_match_loader_load_exclusions (store, challenge_id, &options, error) ||
          !ic_match_loader_load_decisions (store, challenge_id, &options, error))
        return NULL;
      results = ic_matcher_rank_challenge (matcher, IC_CHALLENGE (record), weights, &options, error);
      if (results == NULL)
        return NULL;
    }
  else
    {
      /* An empty shortlist, to fill by hand. */
      results = G_LIST_MODEL (g_list_store_new (IC_TYPE_MATCH_RESULT));
    }

  shortlist = ic_shortlist_new ();
  ic_shortlist_set_challenge_id (shortlist, challenge_id);
  if (name == NULL || name[0] == '\0')
    name = fallback_name = default_name (IC_CHALLENGE (record));
  ic_shortlist_set_name (shortlist, name);
  entries = ic_shortlist_get_entries (shortlist);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(IcMatchResult) result = g_list_model_get_item (results, i);
      g_autoptr(IcShortlistEntry) entry = ic_shortlist_entry_new_from_match_result (result);

      g_list_store_append (entries, entry);
    }

  if (!ic_store_insert (store, IC_RECORD (shortlist), author, error))
    return NULL;
  return g_steal_pointer (&shortlist);
}

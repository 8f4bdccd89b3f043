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

/* @result as the entry's explanation: its JSON, with @why as the sentence. */
static IcShortlistEntry *
entry_new (IcMatchResult *result,
           const char    *why)
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
  json_object_set_string_member (object, "why", why != NULL ? why : "");
  json_object_set_boolean_member (object, "cross_sector", ic_match_result_get_cross_sector (result));
  json_generator_set_root (generator, node);
  explanation = json_generator_to_data (generator, NULL);

  ic_shortlist_entry_set_capability_id (entry, ic_match_result_get_capability_id (result));
  ic_shortlist_entry_set_score (entry, CLAMP (ic_match_result_get_score (result), 0.0, 1.0));
  ic_shortlist_entry_set_explanation (entry, explanation);
  ic_shortlist_entry_set_stage (entry, IC_STAGE_PROPOSED);
  return entry;
}

IcShortlistEntry *
ic_shortlist_entry_new_from_match_result (IcMatchResult *result)
{
  return entry_new (result, ic_match_result_get_explanation (result));
}

IcShortlistEntry *
ic_shortlist_entry_new_from_consortium_member (IcConsortium  *consortium,
                                               guint          i,
                                               IcMatchResult *result)
{
  IcShortlistEntry *entry;
  g_autofree char *brings = NULL;
  g_autofree char *explanation = NULL;

  g_return_val_if_fail (i < ic_consortium_get_n_members (consortium), ic_shortlist_entry_new ());

  brings = g_strjoinv (", ", (char **) ic_consortium_get_member_tags (consortium, i));
  /* Translators: the shortlist note of a consortium member */
  explanation = g_strdup_printf (_("Consortium member: brings %s"), brings);
  if (result != NULL)
    {
      /* The pair's own criteria and terms, as a single match carries
       * them, with what it brings to the group first. */
      g_autofree char *why = g_strdup_printf ("%s. %s", explanation,
                                              ic_match_result_get_explanation (result)
                                              ? ic_match_result_get_explanation (result) : "");

      return entry_new (result, g_strstrip (why));
    }
  entry = ic_shortlist_entry_new ();
  ic_shortlist_entry_set_capability_id (entry, ic_consortium_get_member_id (consortium, i));
  ic_shortlist_entry_set_score (entry, CLAMP (ic_consortium_get_member_score (consortium, i), 0.0, 1.0));
  ic_shortlist_entry_set_explanation (entry, explanation);
  ic_shortlist_entry_set_stage (entry, IC_STAGE_PROPOSED);
  return entry;
}

guint
ic_shortlist_add_new_entries (IcShortlist *shortlist,
                              GPtrArray   *entries)
{
  GListStore *list = ic_shortlist_get_entries (shortlist);
  guint n_added = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      IcShortlistEntry *entry = g_ptr_array_index (entries, i);

      if (ic_shortlist_find_entry (shortlist, ic_shortlist_entry_get_capability_id (entry), NULL) != NULL)
        continue;
      g_list_store_append (list, entry);
      n_added++;
    }
  return n_added;
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

/* A new shortlist for @challenge, named @name or after it. */
static IcShortlist *
shortlist_new_for (IcChallenge *challenge,
                   const char  *name)
{
  g_autofree char *fallback_name = NULL;
  IcShortlist *shortlist = ic_shortlist_new ();

  ic_shortlist_set_challenge_id (shortlist, ic_record_get_id (IC_RECORD (challenge)));
  /* The team cannot have a shortlist of a challenge it does not have. */
  if (ic_record_get_visibility (IC_RECORD (challenge)) == IC_VISIBILITY_PRIVATE)
    ic_record_set_visibility (IC_RECORD (shortlist), IC_VISIBILITY_PRIVATE);
  if (name == NULL || name[0] == '\0')
    name = fallback_name = default_name (challenge);
  ic_shortlist_set_name (shortlist, name);
  return shortlist;
}

typedef struct
{
  IcChallenge *challenge;
  GPtrArray   *entries;
  char        *author;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->challenge);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_free (data->author);
  g_free (data);
}

static void
add_entries_job (GTask        *task,
                 IcStore      *store,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AddData *data = task_data;
  g_autoptr(IcStoreQuery) query = ic_store_query_new ();
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(IcShortlist) shortlist = NULL;
  GError *error = NULL;
  guint n_added;
  gboolean ok;

  ic_store_query_set_owner_id (query, ic_record_get_id (IC_RECORD (data->challenge)));
  existing = ic_store_list (store, IC_RECORD_KIND_SHORTLIST, query, 0, 1, &error);
  if (existing == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  shortlist = existing->len > 0 ? g_object_ref (g_ptr_array_index (existing, 0))
                                : shortlist_new_for (data->challenge, NULL);

  n_added = ic_shortlist_add_new_entries (shortlist, data->entries);
  if (n_added == 0)
    ok = TRUE;
  else if (existing->len > 0)
    ok = ic_store_update_if_unchanged (store, IC_RECORD (shortlist),
                                       ic_record_get_rev (IC_RECORD (shortlist)), data->author, &error);
  else
    ok = ic_store_insert (store, IC_RECORD (shortlist), data->author, &error);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n_added);
}

void
ic_shortlist_add_entries_async (IcStoreService      *service,
                                IcChallenge         *challenge,
                                GPtrArray           *entries,
                                const char          *author,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AddData *data = g_new0 (AddData, 1);

  data->challenge = IC_CHALLENGE (ic_record_copy (IC_RECORD (challenge)));
  data->entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (data->entries, g_object_ref (g_ptr_array_index (entries, i)));
  data->author = g_strdup (author);
  g_task_set_source_tag (task, ic_shortlist_add_entries_async);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);
  ic_store_service_run (service, task, add_entries_job);
}

int
ic_shortlist_add_entries_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_shortlist_add_entries_async, -1);

  return (int) g_task_propagate_int (G_TASK (result), error);
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
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(IcMatchOptions) options = { 0 };

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
      weights = ic_match_loader_load_challenge_weights (store, challenge_id, NULL);
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

  shortlist = shortlist_new_for (IC_CHALLENGE (record), name);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(IcMatchResult) result = g_list_model_get_item (results, i);

      g_ptr_array_add (entries, ic_shortlist_entry_new_from_match_result (result));
    }
  ic_shortlist_add_new_entries (shortlist, entries);

  if (!ic_store_insert (store, IC_RECORD (shortlist), author, error))
    return NULL;
  return g_steal_pointer (&shortlist);
}

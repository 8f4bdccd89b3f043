/* test-io-loader.c — the matcher's corpus as the loader reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader reads organisations and capabilities as plain fields, in
 * the database's order; the corpus it builds must be the one that the
 * records themselves, in id order, give: the same capabilities, terms
 * and weights, and rankings equal to the bit.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "ic-challenge.h"
#include "ic-match-loader.h"
#include "ic-organisation.h"
#include "ic-rising-demand.h"
#include "ic-sample-data.h"
#include "ic-store-curation.h"
#include "test-io-util.h"

static gboolean
add_organisation (IcRecord *record,
                  gpointer  corpus)
{
  ic_match_corpus_add_organisation (corpus, IC_ORGANISATION (record));
  return TRUE;
}

static gboolean
add_capability (IcRecord *record,
                gpointer  corpus)
{
  ic_match_corpus_add_capability (corpus, IC_CAPABILITY (record));
  return TRUE;
}

static gboolean
add_challenge (IcRecord *record,
               gpointer  challenges)
{
  g_ptr_array_add (challenges, g_object_ref (record));
  return TRUE;
}

/* The corpus built from whole records, as before the loader read fields. */
static IcMatchCorpus *
corpus_from_records (IcStore *store)
{
  g_autoptr(IcMatchCorpus) corpus = ic_match_corpus_new (IC_TEXT_ANALYZER_DEFAULT);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) items = NULL;
  g_auto(GStrv) rising = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcGlossary) glossary = ic_match_loader_load_glossary (store, &error);

  g_assert_no_error (error);
  ic_match_corpus_set_taxonomy (corpus, ic_store_get_taxonomy (store));
  g_assert_true (ic_match_corpus_set_glossary (corpus, glossary, &error));
  g_assert_true (ic_store_foreach (store, IC_RECORD_KIND_ORGANISATION, add_organisation, corpus, &error));
  g_assert_true (ic_store_foreach (store, IC_RECORD_KIND_CAPABILITY, add_capability, corpus, &error));
  items = ic_store_list (store, IC_RECORD_KIND_FORESIGHT, NULL, 0, 0, &error);
  g_assert_no_error (error);
  rising = ic_rising_demand_collect (items, now);
  for (guint i = 0; rising[i] != NULL; i++)
    ic_match_corpus_add_rising_tag (corpus, rising[i]);
  g_assert_true (ic_match_corpus_freeze (corpus, 1, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&corpus);
}

/* Edits rows behind the store's back, as a hand edit or an older
 * program might have left them: the two paths must still agree. */
static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
assert_same_index (IcMatchCorpus *a,
                   IcMatchCorpus *b)
{
  IcTfidfIndex *x = ic_match_corpus_get_index (a);
  IcTfidfIndex *y = ic_match_corpus_get_index (b);

  g_assert_cmpuint (ic_tfidf_index_get_n_terms (x), ==, ic_tfidf_index_get_n_terms (y));
  for (guint t = 0; t < ic_tfidf_index_get_n_terms (x); t++)
    {
      g_assert_cmpstr (ic_tfidf_index_get_term (x, t), ==, ic_tfidf_index_get_term (y, t));
      g_assert_cmpstr (ic_tfidf_index_get_display (x, t), ==, ic_tfidf_index_get_display (y, t));
    }
  for (guint c = 0; c < ic_match_corpus_get_n_capabilities (a); c++)
    {
      const guint32 *terms_a, *terms_b;
      const float *weights_a, *weights_b;
      guint n = ic_tfidf_index_get_document (x, c, &terms_a, &weights_a);

      g_assert_cmpuint (ic_tfidf_index_get_document (y, c, &terms_b, &weights_b), ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpuint (terms_a[i], ==, terms_b[i]);
          g_assert_true (weights_a[i] == weights_b[i]);
        }
    }
}

static char *
rankings_json (IcMatchCorpus *corpus,
               GPtrArray     *challenges,
               const char    *preset)
{
  g_autoptr(IcMatcher) matcher = ic_matcher_new (corpus);
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new_preset (preset, NULL);
  g_autoptr(JsonArray) all = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_auto(IcMatchOptions) options = { 0 };

  ic_match_options_init (&options);
  options.top_k = 25;
  options.today = g_strdup ("2000-01-01");
  options.cross_sector = ic_match_weights_preset_is_cross_sector (preset);
  for (guint i = 0; i < challenges->len; i++)
    {
      IcChallenge *challenge = challenges->pdata[i];
      g_autoptr(GListModel) results = ic_matcher_rank_challenge (matcher, challenge, weights, &options, NULL);

      if (results != NULL)
        json_array_add_element (all, ic_match_results_to_json (ic_record_get_id (IC_RECORD (challenge)),
                                                               results));
    }
  json_node_set_array (node, all);
  return json_to_string (node, FALSE);
}

static void
test_loader_same_as_records (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const presets[] = { "balanced", "technology-fit", "local-first", "cross-sector" };
  g_autoptr(GPtrArray) challenges = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcMatchCorpus) fast = NULL;
  g_autoptr(IcMatchCorpus) slow = NULL;
  g_autoptr(GError) error = NULL;
  IcSampleDataCounts counts;
  guint n;

  g_assert_true (ic_sample_data_load (f->store, "test", &counts, &error));
  g_assert_no_error (error);
  /* Out-of-range numbers, tags that are not normal, empty and unset
   * fields, a tombstone: whatever the records make of them, the fields
   * must make the same. */
  exec_sql (f->path,
            "UPDATE capability SET trl = 42, employees = -5 WHERE rowid % 7 = 1;"
            "UPDATE capability SET trl = NULL, employees = 99999999 WHERE rowid % 7 = 2;"
            "UPDATE capability SET tags = '  Battery Packs ,robotics' || char(10) || 'ROBOTICS' WHERE rowid % 7 = 3;"
            "UPDATE capability SET description = NULL, cluster = '', local_authority = NULL WHERE rowid % 7 = 4;"
            "UPDATE capability SET deleted = 1 WHERE rowid % 7 = 5;"
            "UPDATE organisation SET employees = NULL, cluster = NULL WHERE rowid % 3 = 0;"
            "UPDATE organisation SET deleted = 1 WHERE rowid % 11 = 0;");

  fast = ic_match_loader_load_corpus (f->store, &error);
  g_assert_no_error (error);
  slow = corpus_from_records (f->store);

  n = ic_match_corpus_get_n_capabilities (slow);
  g_assert_cmpuint (n, >, 20);
  g_assert_cmpuint (ic_match_corpus_get_n_capabilities (fast), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (ic_match_corpus_get_capability_id (fast, i), ==,
                       ic_match_corpus_get_capability_id (slow, i));
      g_assert_cmpstr (ic_match_corpus_get_capability_title (fast, i), ==,
                       ic_match_corpus_get_capability_title (slow, i));
      g_assert_cmpstr (ic_match_corpus_get_capability_organisation (fast, i), ==,
                       ic_match_corpus_get_capability_organisation (slow, i));
    }
  assert_same_index (fast, slow);

  g_assert_true (ic_store_foreach (f->store, IC_RECORD_KIND_CHALLENGE, add_challenge, challenges, &error));
  g_assert_cmpuint (challenges->len, >, 5);
  for (guint p = 0; p < G_N_ELEMENTS (presets); p++)
    {
      g_autofree char *a = rankings_json (fast, challenges, presets[p]);
      g_autofree char *b = rankings_json (slow, challenges, presets[p]);

      g_assert_cmpuint (strlen (a), >, 1000);
      g_assert_cmpstr (a, ==, b);
    }
}

static GListModel *
rank_with_curation (IcStore     *store,
                    IcMatcher   *matcher,
                    IcChallenge *challenge,
                    guint        top_k,
                    IcMatchOptions *options)
{
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new ();
  g_autoptr(GError) error = NULL;
  GListModel *results;

  ic_match_options_clear (options);
  options->top_k = top_k;
  options->today = g_strdup ("2000-01-01");
  g_assert_true (ic_match_loader_load_exclusions (store, ic_record_get_id (IC_RECORD (challenge)),
                                                  options, &error));
  g_assert_no_error (error);
  results = ic_matcher_rank_challenge (matcher, challenge, weights, options, &error);
  g_assert_no_error (error);
  return results;
}

static IcMatchResult *
result_at (GListModel *results,
           guint       i)
{
  g_autoptr(IcMatchResult) result = g_list_model_get_item (results, i);

  return result;   /* the list keeps it */
}

/* A pinned capability is always shown, marked, after the ranked ones;
 * a conflict-of-interest rule leaves out every capability of the other
 * organisation, and the options say which, with the rule's reason. */
static void
test_loader_pins_and_rules (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) challenges = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcMatcher) matcher = NULL;
  g_autoptr(GListModel) before = NULL, pinned = NULL, ruled = NULL, deep = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(IcMatchOptions) options = { 0 };
  g_autofree char *top_capability = NULL, *top_organisation = NULL, *far_capability = NULL;
  IcSampleDataCounts counts;
  IcChallenge *challenge = NULL;
  GHashTable *conflicts;
  const char *challenge_id, *challenge_org;
  guint n_top_org = 0;

  g_assert_true (ic_sample_data_load (f->store, "test", &counts, &error));
  g_assert_true (ic_store_foreach (f->store, IC_RECORD_KIND_CHALLENGE, add_challenge, challenges, &error));
  matcher = ic_match_loader_load_matcher (f->store, &error);
  g_assert_no_error (error);
  ic_match_options_init (&options);

  for (guint i = 0; i < challenges->len && challenge == NULL; i++)
    {
      g_autoptr(GListModel) ranked = rank_with_curation (f->store, matcher, challenges->pdata[i], 40, &options);

      if (ranked != NULL && g_list_model_get_n_items (ranked) == 40)
        challenge = challenges->pdata[i];
    }
  g_assert_nonnull (challenge);
  challenge_id = ic_record_get_id (IC_RECORD (challenge));
  challenge_org = ic_challenge_get_organisation_id (challenge);

  deep = rank_with_curation (f->store, matcher, challenge, 40, &options);
  before = rank_with_curation (f->store, matcher, challenge, 3, &options);
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 3);
  top_capability = g_strdup (ic_match_result_get_capability_id (result_at (before, 0)));
  top_organisation = g_strdup (ic_match_result_get_organisation_id (result_at (before, 0)));
  far_capability = g_strdup (ic_match_result_get_capability_id (result_at (deep, 39)));
  for (guint i = 0; i < 40; i++)
    n_top_org += g_strcmp0 (ic_match_result_get_organisation_id (result_at (deep, i)), top_organisation) == 0;
  g_assert_cmpstr (top_organisation, !=, challenge_org);

  /* Pinned: the 40th is shown fourth, after the three ranked, marked. */
  g_assert_true (ic_store_pin (f->store, challenge_id, far_capability, "The buyer asked", "ann", &error));
  g_assert_no_error (error);
  pinned = rank_with_curation (f->store, matcher, challenge, 3, &options);
  g_assert_cmpuint (g_list_model_get_n_items (pinned), ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (ic_match_result_get_capability_id (result_at (pinned, i)), ==,
                       ic_match_result_get_capability_id (result_at (before, i)));
      g_assert_null (ic_match_result_get_pin_reason (result_at (pinned, i)));
    }
  g_assert_cmpstr (ic_match_result_get_capability_id (result_at (pinned, 3)), ==, far_capability);
  g_assert_cmpstr (ic_match_result_get_pin_reason (result_at (pinned, 3)), ==, "The buyer asked");
  g_assert_cmpfloat_with_epsilon (ic_match_result_get_score (result_at (pinned, 3)),
                                  ic_match_result_get_score (result_at (deep, 39)), 1e-12);
  g_clear_object (&pinned);

  /* Pinning the top one marks it where it is, and adds nothing. */
  g_assert_true (ic_store_pin (f->store, challenge_id, top_capability, "Met last year", "ann", &error));
  pinned = rank_with_curation (f->store, matcher, challenge, 3, &options);
  g_assert_cmpuint (g_list_model_get_n_items (pinned), ==, 4);
  g_assert_cmpstr (ic_match_result_get_pin_reason (result_at (pinned, 0)), ==, "Met last year");
  g_assert_true (ic_store_unpin (f->store, challenge_id, top_capability, "ann", &error));
  g_assert_no_error (error);

  /* A rule between the challenge's organisation and the top one's. */
  g_assert_true (ic_store_add_conflict_rule (f->store, top_organisation, challenge_org, "Same group",
                                             "bob", &error));
  g_assert_no_error (error);
  ruled = rank_with_curation (f->store, matcher, challenge, 40, &options);
  for (guint i = 0; i < g_list_model_get_n_items (ruled); i++)
    g_assert_cmpstr (ic_match_result_get_organisation_id (result_at (ruled, i)), !=, top_organisation);
  conflicts = ic_match_options_get_conflicts (&options, challenge_id);
  g_assert_nonnull (conflicts);
  g_assert_cmpuint (g_hash_table_size (conflicts), >=, n_top_org);
  g_assert_cmpstr (g_hash_table_lookup (conflicts, top_capability), ==, "Same group");
  g_assert_cmpuint (g_list_model_get_n_items (ruled), ==, 40);

  /* Removing the rule brings the ranking back as it was. */
  g_assert_true (ic_store_remove_conflict_rule (f->store, challenge_org, top_organisation, "bob", &error));
  g_assert_no_error (error);
  g_clear_object (&ruled);
  ruled = rank_with_curation (f->store, matcher, challenge, 3, &options);
  g_assert_cmpstr (ic_match_result_get_capability_id (result_at (ruled, 0)), ==, top_capability);
  g_assert_null (ic_match_options_get_conflicts (&options, challenge_id));
  g_assert_false (ic_store_remove_conflict_rule (f->store, challenge_org, top_organisation, "bob", &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
}

void
test_io_add_loader_tests (void)
{
  TEST_ADD ("match-loader/pins-and-rules", test_loader_pins_and_rules);
  TEST_ADD ("match-loader/same-as-records", test_loader_same_as_records);
}

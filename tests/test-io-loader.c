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

void
test_io_add_loader_tests (void)
{
  TEST_ADD ("match-loader/same-as-records", test_loader_same_as_records);
}

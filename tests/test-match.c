/* test-match.c — the matching engine: analysis, criteria, exact top-k,
 * explanations, re-ranking and consortia
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ic-match-criteria.h"
#include "ic-text-analyzer.h"
#include "test-match-util.h"

#define N_SEEDS 24

static IcMatchOptions
default_options (void)
{
  IcMatchOptions options;

  ic_match_options_init (&options);
  options.today = g_strdup ("2025-01-01");
  return options;
}

/* ---- text analysis ---------------------------------------------------- */

static void
assert_terms (IcTextAnalyzer     *analyzer,
              const char         *text,
              const char * const *expected)
{
  g_auto(GStrv) terms = ic_text_analyzer_analyze_strv (analyzer, text);

  g_assert_cmpstrv (terms, expected);
}

static void
test_analyzer (void)
{
  g_autoptr(IcTextAnalyzer) full = ic_text_analyzer_new (IC_TEXT_ANALYZER_DEFAULT, NULL);
  g_autoptr(IcTextAnalyzer) plain = ic_text_analyzer_new (IC_TEXT_ANALYZER_PLAIN, NULL);

  assert_terms (plain, "5G and AI for HS2, a Café!",
                (const char *[]) { "5g", "and", "ai", "for", "hs2", "café", NULL });
  assert_terms (full, "5G and AI for HS2, a Café!",
                (const char *[]) { "5g", "ai", "hs2", "café", NULL });
  assert_terms (full, "Recycling batteries; recycled battery",
                (const char *[]) { "recycl", "batteri", "recycl", "batteri", NULL });
  assert_terms (full, "low-carbon manufacturing", (const char *[]) { "low", "carbon", "manufactur", NULL });
  assert_terms (full, NULL, (const char *[]) { NULL });
  assert_terms (full, "the of and", (const char *[]) { NULL });
  g_assert_true (ic_text_is_stop_word ("the"));
  g_assert_false (ic_text_is_stop_word ("battery"));
}

/* ---- weights and criteria -------------------------------------------- */

static void
test_weights (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new ();
  g_autoptr(IcMatchWeights) parsed = NULL;
  g_autoptr(IcMatchWeights) bad = NULL;
  g_autofree char *text = NULL;
  const char * const *presets = ic_match_weights_list_presets ();

  for (guint i = 0; presets[i] != NULL; i++)
    {
      g_autoptr(IcMatchWeights) preset = ic_match_weights_new_preset (presets[i], &error);

      g_assert_no_error (error);
      g_assert_cmpfloat (ic_match_weights_get_total (preset), >, 0.0);
    }
  g_assert_true (g_strv_contains (presets, "technology-fit"));
  g_assert_true (ic_match_weights_preset_is_cross_sector ("cross-sector"));
  g_assert_null (ic_match_weights_new_preset ("fastest", &error));
  g_assert_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_INVALID_WEIGHTS);
  g_assert_nonnull (strstr (error->message, "fastest"));
  g_clear_error (&error);

  g_assert_true (ic_match_weights_update_from_string (weights, "text=2, place=0", &error));
  g_assert_cmpfloat (ic_match_weights_get (weights, IC_MATCH_CRITERION_TEXT), ==, 2.0);
  g_assert_cmpfloat (ic_match_weights_get (weights, IC_MATCH_CRITERION_PLACE), ==, 0.0);
  g_assert_cmpfloat (ic_match_weights_get (weights, IC_MATCH_CRITERION_TAGS), ==, 0.05);
  text = ic_match_weights_to_string (weights);
  parsed = ic_match_weights_new_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (ic_match_weights_equal (weights, parsed));

  for (guint i = 0; i < 4; i++)
    {
      const char *wrong[] = { "text=abc", "colour=1", "text", "text=-1" };
      const char *named[] = { "text=abc", "colour", "text", "text=-1" };

      bad = ic_match_weights_new_from_string (wrong[i], &error);
      g_assert_null (bad);
      g_assert_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_INVALID_WEIGHTS);
      g_assert_nonnull (strstr (error->message, named[i]));
      g_clear_error (&error);
    }
  g_assert_null (ic_match_weights_new_from_string ("text=0,tags=0", &error));
  g_assert_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_INVALID_WEIGHTS);
}

static void
test_criteria (void)
{
  g_assert_cmpfloat (ic_match_trl_score (5, 4, 6), ==, 1.0);
  g_assert_cmpfloat (ic_match_trl_score (2, 4, 6), ==, 0.5);
  g_assert_cmpfloat (ic_match_trl_score (9, 4, 6), ==, 0.25);
  g_assert_cmpfloat (ic_match_trl_score (1, 8, 9), ==, 0.0);
  g_assert_cmpfloat (ic_match_trl_score (0, 4, 6), ==, IC_MATCH_UNKNOWN_SCORE);
  g_assert_cmpfloat (ic_match_place_score (IC_PROXIMITY_SAME_AUTHORITY), ==, 1.0);
  g_assert_cmpfloat (ic_match_place_score (IC_PROXIMITY_SAME_AREA), ==, 0.7);
  g_assert_cmpfloat (ic_match_place_score (IC_PROXIMITY_SAME_REGION), ==, 0.4);
  g_assert_cmpfloat (ic_match_place_score (IC_PROXIMITY_ELSEWHERE), ==, 0.1);

  /* £750k buys 10 person-years: 10–320 staff fit, fewer fall away. */
  g_assert_cmpfloat (ic_match_scale_score (10, 500000, 1000000), ==, 1.0);
  g_assert_cmpfloat (ic_match_scale_score (300, 500000, 1000000), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (ic_match_scale_score (5, 500000, 1000000), 0.75, 1e-12);
  g_assert_cmpfloat (ic_match_scale_score (1, 1000000, 2000000), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (ic_match_scale_score (1280, 500000, 1000000), 0.8, 1e-12);
  g_assert_cmpfloat (ic_match_scale_score (0, 500000, 1000000), ==, IC_MATCH_UNKNOWN_SCORE);
  g_assert_cmpfloat (ic_match_scale_score (20, 0, 0), ==, IC_MATCH_UNKNOWN_SCORE);
  g_assert_cmpuint (ic_match_employees_band (0), ==, 0);
  g_assert_cmpuint (ic_match_employees_band (7), ==, 2);
  g_assert_cmpuint (ic_match_employees_band (5000), ==, IC_MATCH_N_BANDS - 1);
}

/* ---- a fixture whose order a person can see ------------------------ */

static TestSet *
fixture_new (void)
{
  TestSet *set = g_new0 (TestSet, 1);
  const char *battery_tags[] = { "battery", "recycling", NULL };
  const char *robot_tags[] = { "robotics", NULL };

  set->capabilities = g_ptr_array_new_with_free_func (g_object_unref);
  set->challenges = g_ptr_array_new_with_free_func (g_object_unref);
  set->organisations = g_ptr_array_new_with_free_func (g_object_unref);
  set->rising = g_ptr_array_new ();
  g_ptr_array_add (set->rising, (gpointer) "battery");

  g_ptr_array_add (set->capabilities,
                   test_capability (1, 1, "Battery recycling line",
                                    "We recycle lithium batteries from electric vehicles.",
                                    battery_tags, "automotive", "coventry", 6, 40));
  g_ptr_array_add (set->capabilities,
                   test_capability (2, 2, "Battery pack design",
                                    "Design of battery packs for vans.",
                                    (const char *[]) { "battery", NULL }, "automotive", "leeds", 4, 12));
  g_ptr_array_add (set->capabilities,
                   test_capability (3, 3, "Welding robots", "Robotic welding cells for steel.",
                                    robot_tags, "metals", "birmingham", 8, 30));
  g_ptr_array_add (set->capabilities,
                   test_capability (4, 4, "Film post-production", "Colour grading and sound.",
                                    NULL, "creative", "birmingham", 9, 8));
  /* The challenger's own SME arm: never proposed to it. */
  g_ptr_array_add (set->capabilities,
                   test_capability (5, 9, "Battery recycling research",
                                    "Battery recycling of lithium cells.", battery_tags,
                                    "automotive", "coventry", 6, 40));
  g_ptr_array_add (set->capabilities,
                   test_capability (6, 5, "Packaging design", "Cardboard packaging for food.",
                                    NULL, "food", "worcester", 5, 15));
  g_ptr_array_add (set->challenges,
                   test_challenge (1, 9, "Recycling lithium batteries",
                                   "We need a partner to recycle batteries from our electric vehicles.",
                                   battery_tags, "automotive", "coventry", 5, 7));
  return set;
}

static void
test_fixture_order (void)
{
  g_autoptr(TestSet) set = fixture_new ();
  g_autoptr(IcMatchCorpus) corpus = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 1);
  g_autoptr(IcMatcher) matcher = ic_matcher_new (corpus);
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(IcMatchResult) first = NULL;
  g_autoptr(IcMatchResult) second = NULL;
  g_autofree char *best = test_id ('c', 1);
  g_autofree char *next = test_id ('c', 2);
  g_autofree char *own = test_id ('c', 5);
  g_autoptr(JsonNode) node = NULL;
  g_auto(IcMatchOptions) options = default_options ();
  IcChallenge *challenge = set->challenges->pdata[0];
  double sum = 0.0, shares = 0.0;

  results = ic_matcher_rank_challenge (matcher, challenge, weights, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 5);
  first = g_list_model_get_item (results, 0);
  second = g_list_model_get_item (results, 1);
  g_assert_cmpstr (ic_match_result_get_capability_id (first), ==, best);
  g_assert_cmpstr (ic_match_result_get_capability_id (second), ==, next);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(IcMatchResult) result = g_list_model_get_item (results, i);

      g_assert_cmpstr (ic_match_result_get_capability_id (result), !=, own);
    }

  /* The explanation adds up and names what matched. */
  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    sum += ic_match_result_get_contribution (first, i);
  g_assert_cmpfloat_with_epsilon (sum, ic_match_result_get_score (first), 1e-12);
  for (guint i = 0; i < ic_match_result_get_n_terms (first); i++)
    {
      double share;

      ic_match_result_get_term (first, i, &share);
      shares += share;
    }
  g_assert_cmpfloat_with_epsilon (shares, ic_match_result_get_criterion_score (first, IC_MATCH_CRITERION_TEXT),
                                  1e-6);
  g_assert_cmpfloat (ic_match_result_get_criterion_score (first, IC_MATCH_CRITERION_TAGS), ==, 1.0);
  g_assert_cmpfloat (ic_match_result_get_criterion_score (first, IC_MATCH_CRITERION_FORESIGHT), ==, 0.5);
  g_assert_true (ic_match_result_tag_is_rising (first, "battery"));
  g_assert_nonnull (strstr (ic_match_result_get_explanation (first), "recycl"));
  g_assert_nonnull (strstr (ic_match_result_get_explanation (first), "2 of 2 required tags"));
  g_assert_cmpstr (ic_match_result_get_organisation_name (first), ==, NULL);

  node = ic_match_results_to_json (ic_record_get_id (IC_RECORD (challenge)), results);
  {
    JsonObject *object = json_node_get_object (node);
    JsonObject *result = json_array_get_object_element (json_object_get_array_member (object, "results"), 0);
    JsonObject *criteria = json_object_get_object_member (result, "criteria");

    g_assert_cmpstr (json_object_get_string_member (object, "challenge_id"), ==,
                     ic_record_get_id (IC_RECORD (challenge)));
    g_assert_cmpstr (json_object_get_string_member (result, "capability_id"), ==, best);
    g_assert_true (json_object_has_member (result, "organisation_id"));
    g_assert_true (json_object_has_member (result, "matched_terms"));
    g_assert_true (json_object_has_member (result, "matched_tags"));
    for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
      {
        JsonObject *criterion = json_object_get_object_member (criteria, ic_match_criterion_to_string (i));

        g_assert_true (json_object_has_member (criterion, "score"));
        g_assert_true (json_object_has_member (criterion, "weight"));
        g_assert_true (json_object_has_member (criterion, "contribution"));
      }
  }

  /* An excluded pair is gone; a closed or late challenge ranks nothing. */
  ic_match_options_exclude_pair (&options, ic_record_get_id (IC_RECORD (challenge)), best);
  g_clear_object (&results);
  g_clear_object (&first);
  results = ic_matcher_rank_challenge (matcher, challenge, weights, &options, &error);
  first = g_list_model_get_item (results, 0);
  g_assert_cmpstr (ic_match_result_get_capability_id (first), ==, next);

  ic_challenge_set_deadline (challenge, "2024-12-31");
  g_assert_null (ic_matcher_rank_challenge (matcher, challenge, weights, &options, &error));
  g_assert_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_DEADLINE_PASSED);
  g_clear_error (&error);
  ic_challenge_set_deadline (challenge, "2025-01-01");
  ic_challenge_set_status (challenge, IC_CHALLENGE_STATUS_CLOSED);
  g_assert_null (ic_matcher_rank_challenge (matcher, challenge, weights, &options, &error));
  g_assert_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_NOT_OPEN);
}

static void
test_stemming (void)
{
  g_autoptr(TestSet) set = fixture_new ();
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new_from_string ("text=1", NULL);
  g_auto(IcMatchOptions) options = default_options ();
  g_autoptr(IcChallenge) challenge =
    test_challenge (7, 8, "The robot", "A robot that welds", NULL, NULL, NULL, 1, 9);
  g_autofree char *robots = test_id ('c', 3);
  double stemmed = 0.0, plain = 0.0;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(IcMatchCorpus) corpus =
        test_corpus_new (set, i == 0 ? IC_TEXT_ANALYZER_DEFAULT : IC_TEXT_ANALYZER_PLAIN, 1);
      g_autoptr(IcMatcher) matcher = ic_matcher_new (corpus);

      g_assert_true (ic_matcher_score_pair (matcher, challenge, robots, weights, &options,
                                            i == 0 ? &stemmed : &plain, NULL));
    }
  /* "robot"/"robots"/"robotic" and "welds"/"welding" meet only as stems. */
  g_assert_cmpfloat (stemmed, >, 0.5);
  g_assert_cmpfloat (plain, ==, 0.0);
}

/* ---- exact top-k against brute force --------------------------------- */

typedef struct
{
  double  score;
  guint32 index;
} Scored;

static int
compare_scored (gconstpointer a,
                gconstpointer b)
{
  const Scored *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

/* Every pair scored on its own, sorted, cut at k. */
static GArray *
brute_force (IcMatcher            *matcher,
             IcChallenge          *challenge,
             IcMatchWeights       *weights,
             const IcMatchOptions *options)
{
  IcMatchCorpus *corpus = ic_matcher_get_corpus (matcher);
  GArray *all = g_array_new (FALSE, FALSE, sizeof (Scored));

  for (guint i = 0; i < ic_match_corpus_get_n_capabilities (corpus); i++)
    {
      Scored entry = { 0.0, i };

      if (ic_matcher_score_pair (matcher, challenge, ic_match_corpus_get_capability_id (corpus, i),
                                 weights, options, &entry.score, NULL))
        g_array_append_val (all, entry);
    }
  g_array_sort (all, compare_scored);
  g_array_set_size (all, MIN (all->len, options->top_k));
  return all;
}

static void
assert_same_ranking (IcMatchCorpus *corpus,
                     GArray        *expected,
                     GListModel    *results)
{
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(IcMatchResult) result = g_list_model_get_item (results, i);
      Scored *entry = &g_array_index (expected, Scored, i);

      g_assert_cmpstr (ic_match_result_get_capability_id (result), ==,
                       ic_match_corpus_get_capability_id (corpus, entry->index));
      g_assert_cmpfloat (ic_match_result_get_score (result), ==, entry->score);
      g_assert_cmpfloat (entry->score, >=, 0.0);
      g_assert_cmpfloat (entry->score, <=, 1.0);
    }
}

static void
assert_same_lists (GListModel *a,
                   GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(IcMatchResult) x = g_list_model_get_item (a, i);
      g_autoptr(IcMatchResult) y = g_list_model_get_item (b, i);

      g_assert_cmpstr (ic_match_result_get_capability_id (x), ==, ic_match_result_get_capability_id (y));
      g_assert_cmpfloat (ic_match_result_get_score (x), ==, ic_match_result_get_score (y));
      g_assert_cmpstr (ic_match_result_get_explanation (x), ==, ic_match_result_get_explanation (y));
    }
}

static void
random_options (GRand          *rand,
                TestSet        *set,
                IcMatchOptions *options)
{
  options->top_k = g_rand_int_range (rand, 1, 25);
  options->cross_sector = g_rand_boolean (rand);
  for (guint i = 0; i < 20; i++)
    {
      IcRecord *challenge = set->challenges->pdata[g_rand_int_range (rand, 0, set->challenges->len)];
      IcRecord *capability = set->capabilities->pdata[g_rand_int_range (rand, 0, set->capabilities->len)];

      ic_match_options_exclude_pair (options, ic_record_get_id (challenge), ic_record_get_id (capability));
    }
}

static void
test_brute_force (void)
{
  for (guint seed = 1; seed <= N_SEEDS; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(TestSet) set = test_set_new_random (rand, g_rand_int_range (rand, 1, 400), 25,
                                                    g_rand_int_range (rand, 5, 300));
      g_autoptr(IcMatchCorpus) corpus = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 2);
      g_autoptr(IcMatcher) matcher = ic_matcher_new (corpus);
      g_autoptr(IcMatchWeights) weights = test_random_weights (rand);
      g_auto(IcMatchOptions) options = default_options ();
      g_autoptr(GPtrArray) all = NULL;
      g_autoptr(GError) error = NULL;

      random_options (rand, set, &options);
      options.n_threads = 1 + seed % 2;
      all = ic_matcher_rank_all (matcher, set->challenges, weights, &options, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < set->challenges->len; i++)
        {
          g_autoptr(GArray) expected = brute_force (matcher, set->challenges->pdata[i], weights, &options);
          g_autoptr(GListModel) results =
            ic_matcher_rank_challenge (matcher, set->challenges->pdata[i], weights, &options, &error);

          g_assert_no_error (error);
          assert_same_ranking (corpus, expected, results);
          assert_same_lists (results, all->pdata[i]);
        }
    }
}

/* ---- relevance first ----------------------------------------------------- */

/* Whatever the weights, fit (TRL, cluster, place, scale, foresight)
 * never lifts a capability with no topical evidence, and lifts a
 * relevant one by at most Σ w / (w_text + w_tags): a capability whose
 * relevance is that many times another's always ranks above it. */
static void
test_relevance_first (void)
{
  for (guint seed = 300; seed < 300 + N_SEEDS / 2; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(TestSet) set = test_set_new_random (rand, 200, 5, g_rand_int_range (rand, 20, 200));
      g_autoptr(IcMatchCorpus) corpus = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 2);
      g_autoptr(IcMatcher) matcher = ic_matcher_new (corpus);
      g_autoptr(IcMatchWeights) weights = test_random_weights (rand);
      g_auto(IcMatchOptions) options = default_options ();
      double w[IC_MATCH_N_CRITERIA], total = 0.0, topical;

      /* Often, fit weighs far more than the topical criteria. */
      if (seed % 2 == 0)
        for (guint c = IC_MATCH_CRITERION_TRL; c < IC_MATCH_N_CRITERIA; c++)
          ic_match_weights_set (weights, c, 1.0);
      if (ic_match_weights_get (weights, IC_MATCH_CRITERION_TEXT) == 0.0)
        ic_match_weights_set (weights, IC_MATCH_CRITERION_TEXT, 0.05);
      ic_match_weights_get_values (weights, w);
      for (guint c = 0; c < IC_MATCH_N_CRITERIA; c++)
        total += w[c];
      topical = w[IC_MATCH_CRITERION_TEXT] + w[IC_MATCH_CRITERION_TAGS];
      options.top_k = 200;
      options.cross_sector = seed % 3 == 0;

      for (guint i = 0; i < set->challenges->len; i++)
        {
          g_autoptr(GListModel) results =
            ic_matcher_rank_challenge (matcher, set->challenges->pdata[i], weights, &options, NULL);
          guint n = results != NULL ? g_list_model_get_n_items (results) : 0;
          g_autofree double *relevance = g_new0 (double, MAX (n, 1));

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(IcMatchResult) result = g_list_model_get_item (results, j);
              double s[IC_MATCH_N_CRITERIA], sum = 0.0, score = ic_match_result_get_score (result);

              for (guint c = 0; c < IC_MATCH_N_CRITERIA; c++)
                {
                  s[c] = ic_match_result_get_criterion_score (result, c);
                  sum += ic_match_result_get_contribution (result, c);
                }
              relevance[j] = ic_match_relevance (w, s);
              /* The shares add up to the score, which lies between
               * relevance × topical share and relevance. */
              g_assert_cmpfloat_with_epsilon (sum, score, 1e-12);
              g_assert_cmpfloat (score, <=, relevance[j] + 1e-12);
              g_assert_cmpfloat (score, >=, relevance[j] * topical / total - 1e-12);
              if (relevance[j] == 0.0)
                g_assert_cmpfloat (score, ==, 0.0);
            }
          for (guint a = 0; a < n; a++)
            for (guint b = a + 1; b < n; b++)
              {
                /* b ranks below a: it cannot have overwhelming evidence. */
                g_assert_false (relevance[b] > 0.0 && relevance[a] == 0.0);
                g_assert_cmpfloat (relevance[b] * topical / total, <=, relevance[a] + 1e-12);
              }
        }
    }
}

/* ---- the glossary ----------------------------------------------------- */

static IcMatchCorpus *
glossary_corpus_new (TestSet    *set,
                     IcGlossary *glossary,
                     guint       n_threads)
{
  g_autoptr(IcMatchCorpus) corpus = ic_match_corpus_new (IC_TEXT_ANALYZER_DEFAULT);
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_match_corpus_set_glossary (corpus, glossary, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < set->capabilities->len; i++)
    ic_match_corpus_add_capability (corpus, set->capabilities->pdata[i]);
  g_assert_true (ic_match_corpus_freeze (corpus, n_threads, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&corpus);
}

/* A phrase of a glossary entry in the challenge meets another phrase of
 * the same entry in a capability, whatever its inflection, and the
 * result names the bridge; without the glossary they share nothing. */
static void
test_glossary_bridge (void)
{
  g_autoptr(IcGlossary) glossary = ic_glossary_new ();
  g_autoptr(TestSet) set = g_new0 (TestSet, 1);
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new_from_string ("text=1", NULL);
  g_auto(IcMatchOptions) options = default_options ();
  g_autoptr(GError) error = NULL;
  const char *bess[] = { "BESS", "battery energy storage system", NULL };
  const char *related[] = { "demand charges", "peak shaving", NULL };
  const char *fillers[] = { "Roof racking and shelving", "Payroll bureau for small firms",
                            "Wedding photography", "Laser cutting of sheet metal", NULL };
  g_autoptr(IcChallenge) challenge = NULL;

  g_assert_true (ic_glossary_add_entry (glossary, NULL, bess, related, NULL, &error));
  set->capabilities = g_ptr_array_new_with_free_func (g_object_unref);
  set->challenges = g_ptr_array_new_with_free_func (g_object_unref);
  set->organisations = g_ptr_array_new_with_free_func (g_object_unref);
  set->rising = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (set->capabilities,
                   test_capability (1, 1, "Containerised Battery Energy Storage Systems",
                                    "Sized from half-hourly meter data; 250 kWh to 2 MWh.",
                                    NULL, NULL, NULL, 7, 20));
  for (guint i = 0; fillers[i] != NULL; i++)
    g_ptr_array_add (set->capabilities, test_capability (2 + i, 2 + i, fillers[i], NULL, NULL,
                                                         NULL, NULL, 7, 20));
  /* "demand" ends its title and "charges" starts its description. */
  g_ptr_array_add (set->capabilities, test_capability (9, 9, "Forecasting Electricity Demand",
                                                       "Charges nothing up front.", NULL,
                                                       NULL, NULL, 7, 20));
  challenge = test_challenge (1, 99, "Our depot's demand charges doubled",
                              "The vans all plug in at six and the bill has doubled.",
                              NULL, NULL, NULL, 5, 8);

  for (guint with = 0; with < 2; with++)
    for (guint threads = 1; threads <= 2; threads++)
      {
        g_autoptr(IcMatchCorpus) corpus = glossary_corpus_new (set, with ? glossary : NULL, threads);
        g_autoptr(IcMatcher) matcher = ic_matcher_new (corpus);
        g_autoptr(GListModel) results = NULL;
        g_autoptr(IcMatchResult) first = NULL;
        const char *from, *to;

        results = ic_matcher_rank_challenge (matcher, challenge, weights, &options, &error);
        g_assert_no_error (error);
        if (!with)
          {
            for (guint i = 0; i < g_list_model_get_n_items (results); i++)
              {
                g_autoptr(IcMatchResult) result = g_list_model_get_item (results, i);

                g_assert_cmpuint (ic_match_result_get_n_bridges (result), ==, 0);
                if (g_str_equal (ic_match_result_get_capability_id (result),
                                 ic_record_get_id (set->capabilities->pdata[0])))
                  g_assert_cmpfloat (ic_match_result_get_score (result), ==, 0.0);
              }
            continue;
          }
        for (guint i = 0; i < g_list_model_get_n_items (results) && first == NULL; i++)
          {
            g_autoptr(IcMatchResult) result = g_list_model_get_item (results, i);

            if (g_str_equal (ic_match_result_get_capability_id (result),
                             ic_record_get_id (set->capabilities->pdata[0])))
              first = g_steal_pointer (&result);
          }
        g_assert_nonnull (first);
        g_assert_cmpfloat (ic_match_result_get_score (first), >, 0.0);
        g_assert_cmpuint (ic_match_result_get_n_bridges (first), ==, 1);
        g_assert_cmpint (ic_match_result_get_bridge (first, 0, &from, &to, NULL, NULL), ==,
                         IC_MATCH_BRIDGE_GLOSSARY);
        g_assert_cmpstr (from, ==, "demand charges");
        g_assert_cmpstr (to, ==, "BESS");
        g_assert_nonnull (strstr (ic_match_result_get_explanation (first),
                                  "lossary relates “demand charges” to “BESS”"));
        /* A phrase never spans two parts of a text. */
        for (guint i = 0; i < g_list_model_get_n_items (results); i++)
          {
            g_autoptr(IcMatchResult) other = g_list_model_get_item (results, i);

            if (other != first)
              g_assert_cmpuint (ic_match_result_get_n_bridges (other), ==, 0);
          }
      }
}

/* ---- learning from decisions -------------------------------------------- */

static guint rank_of (GListModel *results,
                      const char *capability_id);

/* A capability the team kept for a challenge pulls up the ones like it
 * that the challenge's own words do not reach; one ruled out pushes its
 * like down.  Held-out pairs rank higher after learning. */
static void
test_learn_from_decisions (void)
{
  g_autoptr(TestSet) set = g_new0 (TestSet, 1);
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new ();
  g_auto(IcMatchOptions) plain = default_options ();
  g_auto(IcMatchOptions) learned = default_options ();
  g_autoptr(IcChallenge) challenge = NULL;
  g_autoptr(IcMatchCorpus) corpus = NULL;
  g_autoptr(IcMatcher) matcher = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(IcMatchResult) held = NULL;
  const char *kept_id, *held_id, *ruled_id, *alike_id;
  const char *texts[][2] = {
    /* kept: the team's choice for the challenge */
    { "Radiometric thermal imaging cores", "Uncooled microbolometer cameras for smoke-filled rooms." },
    /* held out: relevant, shares no word with the challenge */
    { "Radiometric thermal imaging camera modules", "Uncooled microbolometer cores and cameras for rescue teams." },
    /* ruled out: not a match */
    { "Smoked fish and cheese", "Traditional oak smoking of salmon and cheddar." },
    /* like the ruled-out one */
    { "Oak-smoked salmon hampers", "Cold smoking and traditional curing of fish." },
  };

  set->capabilities = g_ptr_array_new_with_free_func (g_object_unref);
  set->challenges = g_ptr_array_new_with_free_func (g_object_unref);
  set->organisations = g_ptr_array_new_with_free_func (g_object_unref);
  set->rising = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_ptr_array_add (set->capabilities, test_capability (i + 1, i + 1, texts[i][0], texts[i][1], NULL,
                                                         NULL, NULL, 7, 20));
  /* Fillers, so that the idf means something. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Payroll bureau number %u", i);

      g_ptr_array_add (set->capabilities, test_capability (100 + i, 100 + i, title,
                                                           "Monthly payroll for small firms.",
                                                           NULL, NULL, NULL, 7, 20));
    }
  kept_id = ic_record_get_id (set->capabilities->pdata[0]);
  held_id = ic_record_get_id (set->capabilities->pdata[1]);
  ruled_id = ic_record_get_id (set->capabilities->pdata[2]);
  alike_id = ic_record_get_id (set->capabilities->pdata[3]);
  challenge = test_challenge (1, 999, "Crews cannot see through smoke",
                              "Our firefighters lose their way in smoke-filled stairwells.",
                              NULL, NULL, NULL, 5, 8);
  corpus = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 1);
  matcher = ic_matcher_new (corpus);
  plain.top_k = learned.top_k = 24;
  ic_match_options_add_decision (&learned, ic_record_get_id (IC_RECORD (challenge)), kept_id, TRUE);
  ic_match_options_add_decision (&learned, ic_record_get_id (IC_RECORD (challenge)), ruled_id, FALSE);

  before = ic_matcher_rank_challenge (matcher, challenge, weights, &plain, NULL);
  after = ic_matcher_rank_challenge (matcher, challenge, weights, &learned, NULL);
  g_test_message ("before: held %u alike %u; after: held %u alike %u",
                  rank_of (before, held_id), rank_of (before, alike_id),
                  rank_of (after, held_id), rank_of (after, alike_id));
  /* Before, the smoked fish outranks the thermal camera; after, not. */
  g_assert_cmpuint (rank_of (before, alike_id), <, rank_of (before, held_id));
  g_assert_cmpuint (rank_of (after, held_id), <, rank_of (after, alike_id));

  /* The result says why. */
  held = g_list_model_get_item (after, rank_of (after, held_id));
  g_assert_cmpuint (ic_match_result_get_n_bridges (held), >, 0);
  g_assert_cmpint (ic_match_result_get_bridge (held, 0, NULL, NULL, NULL, NULL), ==,
                   IC_MATCH_BRIDGE_DECISIONS);
  g_assert_nonnull (strstr (ic_match_result_get_explanation (held), "your team kept on its shortlist"));

  /* Copies of the options carry the decisions. */
  {
    g_auto(IcMatchOptions) copy = { 0 };

    ic_match_options_copy (&learned, &copy);
    g_assert_nonnull (ic_match_options_get_decisions (&copy, ic_record_get_id (IC_RECORD (challenge))));
    g_assert_cmpuint (ic_match_options_get_decisions (&copy, ic_record_get_id (IC_RECORD (challenge)))->negative->len, ==, 1);
  }
}

/* ---- properties -------------------------------------------------------- */

static guint
rank_of (GListModel *results,
         const char *capability_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(IcMatchResult) result = g_list_model_get_item (results, i);

      if (g_str_equal (ic_match_result_get_capability_id (result), capability_id))
        return i;
    }
  return G_MAXUINT;
}

static void
test_properties (void)
{
  for (guint seed = 100; seed < 100 + N_SEEDS / 2; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(TestSet) set = test_set_new_random (rand, 200, 6, 120);
      g_autoptr(IcMatchCorpus) corpus = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 2);
      g_autoptr(IcMatchCorpus) corpus1 = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 1);
      g_autoptr(IcMatcher) matcher = ic_matcher_new (corpus);
      g_autoptr(IcMatcher) matcher1 = ic_matcher_new (corpus1);
      g_autoptr(IcMatchWeights) weights = test_random_weights (rand);
      g_auto(IcMatchOptions) options = default_options ();
      guint victim = g_rand_int_range (rand, 0, set->capabilities->len);
      IcCapability *capability = set->capabilities->pdata[victim];
      const char *victim_id = ic_record_get_id (IC_RECORD (capability));
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(GPtrArray) again = NULL;
      g_autoptr(GPtrArray) one_thread = NULL;

      options.top_k = 200;
      ic_match_weights_set (weights, IC_MATCH_CRITERION_PLACE, 0.0);
      if (ic_match_weights_get (weights, IC_MATCH_CRITERION_TRL) == 0.0)
        ic_match_weights_set (weights, IC_MATCH_CRITERION_TRL, 0.3);
      before = ic_matcher_rank_all (matcher, set->challenges, weights, &options, NULL, NULL);
      again = ic_matcher_rank_all (matcher, set->challenges, weights, &options, NULL, NULL);
      options.n_threads = 1;
      one_thread = ic_matcher_rank_all (matcher1, set->challenges, weights, &options, NULL, NULL);

      /* Deterministic, whatever the threads. */
      for (guint i = 0; i < before->len; i++)
        {
          assert_same_lists (before->pdata[i], again->pdata[i]);
          assert_same_lists (before->pdata[i], one_thread->pdata[i]);
        }

      /* A criterion of weight 0 changes nothing: move every place. */
      for (guint i = 0; i < set->capabilities->len; i++)
        ic_capability_set_local_authority (set->capabilities->pdata[i], "leeds");
      {
        g_autoptr(IcMatchCorpus) moved = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 2);
        g_autoptr(IcMatcher) moved_matcher = ic_matcher_new (moved);
        g_autoptr(GPtrArray) after = ic_matcher_rank_all (moved_matcher, set->challenges, weights,
                                                          &options, NULL, NULL);

        for (guint i = 0; i < before->len; i++)
          assert_same_lists (before->pdata[i], after->pdata[i]);
      }

      /* Raising one criterion (TRL from unknown into the range) never
       * lowers the pair's rank. */
      for (guint i = 0; i < set->challenges->len; i++)
        {
          IcChallenge *challenge = set->challenges->pdata[i];
          g_autoptr(GListModel) low = NULL;
          g_autoptr(GListModel) high = NULL;

          for (guint pass = 0; pass < 2; pass++)
            {
              g_autoptr(IcMatchCorpus) changed = NULL;
              g_autoptr(IcMatcher) changed_matcher = NULL;

              ic_capability_set_trl (capability, pass == 0 ? 0 : ic_challenge_get_trl_min (challenge));
              changed = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 2);
              changed_matcher = ic_matcher_new (changed);
              if (pass == 0)
                low = ic_matcher_rank_challenge (changed_matcher, challenge, weights, &options, NULL);
              else
                high = ic_matcher_rank_challenge (changed_matcher, challenge, weights, &options, NULL);
            }
          if (low == NULL)
            continue;  /* a closed challenge */
          g_assert_cmpuint (rank_of (high, victim_id), <=, rank_of (low, victim_id));
          for (guint j = 0; j < g_list_model_get_n_items (high); j++)
            {
              g_autoptr(IcMatchResult) result = g_list_model_get_item (high, j);

              g_assert_cmpfloat (ic_match_result_get_score (result), >=, 0.0);
              g_assert_cmpfloat (ic_match_result_get_score (result), <=, 1.0);
            }
        }
    }
}

/* ---- re-ranking ----------------------------------------------------------- */

static void
test_rerank (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(TestSet) set = test_set_new_random (rand, 1500, 8, 400);
  g_autoptr(IcMatchCorpus) corpus = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 2);
  g_autoptr(IcMatcher) matcher = ic_matcher_new (corpus);
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new ();
  g_auto(IcMatchOptions) options = default_options ();
  g_autoptr(GError) error = NULL;
  guint pooled = 0;

  options.pool_size = 200;
  g_assert_null (ic_matcher_rerank (matcher, "nothing", weights, NULL, &error));
  g_assert_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_NOT_RANKED);
  g_clear_error (&error);

  for (guint i = 0; i < set->challenges->len; i++)
    {
      IcChallenge *challenge = set->challenges->pdata[i];
      g_autoptr(GListModel) first = ic_matcher_rank_challenge (matcher, challenge, weights, &options, NULL);

      for (guint step = 0; step < 12; step++)
        {
          g_autoptr(IcMatchWeights) moved = ic_match_weights_copy (weights);
          g_autoptr(GListModel) reranked = NULL;
          g_autoptr(GListModel) fresh = NULL;
          g_autoptr(GArray) expected = NULL;
          IcMatchCriterion criterion = g_rand_int_range (rand, 0, IC_MATCH_N_CRITERIA);
          gboolean used_pool;

          ic_match_weights_set (moved, criterion, ic_match_weights_get (moved, criterion) *
                                                  g_rand_double_range (rand, 0.8, step < 6 ? 1.25 : 4.0));
          reranked = ic_matcher_rerank (matcher, ic_record_get_id (IC_RECORD (challenge)), moved,
                                        &used_pool, &error);
          g_assert_no_error (error);
          pooled += used_pool;
          expected = brute_force (matcher, challenge, moved, &options);
          assert_same_ranking (corpus, expected, reranked);
          ic_matcher_forget (matcher, NULL);
          fresh = ic_matcher_rank_challenge (matcher, challenge, weights, &options, NULL);
        }
    }
  /* Small moves are served from the kept candidates. */
  g_assert_cmpuint (pooled, >, set->challenges->len * 3);
}

/* ---- async ------------------------------------------------------------- */

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(TestSet) set = test_set_new_random (rand, 300, 10, 100);
  g_autoptr(IcMatchCorpus) corpus = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 2);
  g_autoptr(IcMatcher) matcher = ic_matcher_new (corpus);
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(IcMatchOptions) options = default_options ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GListModel) one = NULL;
  g_autoptr(GListModel) sync = NULL;

  ic_matcher_rank_all_async (matcher, set->challenges, weights, &options, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  all = ic_matcher_rank_all_finish (matcher, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, set->challenges->len);
  g_clear_object (&result);

  ic_matcher_rank_challenge_async (matcher, set->challenges->pdata[0], weights, &options, NULL,
                                   got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  one = ic_matcher_rank_challenge_finish (matcher, result, &error);
  g_assert_no_error (error);
  sync = ic_matcher_rank_challenge (matcher, set->challenges->pdata[0], weights, &options, NULL);
  assert_same_lists (one, sync);
  assert_same_lists (one, all->pdata[0]);
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  ic_matcher_rank_all_async (matcher, set->challenges, weights, &options, cancellable, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (ic_matcher_rank_all_finish (matcher, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The oracle and consortium tests live in test-match-peer.c. */
void test_match_add_peer_tests (void);

/* ---- display words ------------------------------------------------------ */

/* "locations" 600 times in 200 capabilities, "location" 800 times in
 * 200 more (titles count twice), "manufacturing" once in the first and
 * "manufacture" once in the last; the rest are about film. */
static TestSet *
display_set_new (gboolean shuffled)
{
  TestSet *set = g_new0 (TestSet, 1);

  set->capabilities = g_ptr_array_new_with_free_func (g_object_unref);
  set->challenges = g_ptr_array_new_with_free_func (g_object_unref);
  set->organisations = g_ptr_array_new_with_free_func (g_object_unref);
  set->rising = g_ptr_array_new ();
  for (guint i = 0; i < 1000; i++)
    {
      const char *title, *description;

      if (i < 200)
        title = "Sensor locations", description = "Mapping sensor locations.";
      else if (i < 400)
        title = "Location services", description = "Location tracking, location data.";
      else
        title = "Film post-production", description = "Colour grading and sound.";
      if (i == 0)
        description = "Sensor manufacturing.";
      else if (i == 999)
        description = "We manufacture colour grading kit.";
      g_ptr_array_add (set->capabilities,
                       test_capability (i + 1, i + 1, title, description, NULL, NULL, NULL, 5, 10));
    }
  if (shuffled)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (42);

      for (guint i = set->capabilities->len - 1; i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, i + 1);
          gpointer tmp = set->capabilities->pdata[i];

          set->capabilities->pdata[i] = set->capabilities->pdata[j];
          set->capabilities->pdata[j] = tmp;
        }
    }
  g_ptr_array_add (set->challenges,
                   test_challenge (1, 5000, "Asset locations",
                                   "Track the locations of our assets.", NULL, NULL, NULL, 1, 9));
  return set;
}

static const char *
display_of (IcMatchCorpus  *corpus,
            IcTextAnalyzer *analyzer,
            const char     *word)
{
  g_auto(GStrv) terms = ic_text_analyzer_analyze_strv (analyzer, word);
  IcTfidfIndex *index = ic_match_corpus_get_index (corpus);
  gint64 id;

  g_assert_cmpuint (g_strv_length (terms), ==, 1);
  id = ic_tfidf_index_lookup (index, terms[0]);
  g_assert_cmpint (id, >=, 0);
  return ic_tfidf_index_get_display (index, (guint32) id);
}

static void
test_display_words (void)
{
  g_autoptr(IcTextAnalyzer) analyzer = ic_text_analyzer_new (IC_TEXT_ANALYZER_DEFAULT, NULL);
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new_from_string ("text=1", NULL);
  g_auto(IcMatchOptions) options = default_options ();

  /* The corpus shows its most frequent word for a stem (ties: the first
   * in capability order), whatever the threads and insertion order. */
  for (guint run = 0; run < 4; run++)
    {
      g_autoptr(TestSet) set = display_set_new (run >= 2);
      g_autoptr(IcMatchCorpus) corpus = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, run % 2 ? 4 : 1);
      g_autoptr(IcMatcher) matcher = ic_matcher_new (corpus);
      g_autoptr(GListModel) results = NULL;
      g_autoptr(IcMatchResult) first = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) terms = NULL;
      const char *why;
      JsonArray *matched;
      gboolean found = FALSE;

      g_assert_cmpstr (display_of (corpus, analyzer, "locations"), ==, "location");
      g_assert_cmpstr (display_of (corpus, analyzer, "manufacture"), ==, "manufacturing");

      /* A matched term is shown as the challenge wrote it. */
      options.top_k = 5;
      results = ic_matcher_rank_challenge (matcher, set->challenges->pdata[0], weights, &options, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
      first = g_list_model_get_item (results, 0);
      terms = ic_match_result_dup_terms (first);
      g_assert_true (g_strv_contains ((const char * const *) terms, "locations"));
      for (guint i = 0; terms[i] != NULL; i++)
        {
          g_assert_cmpstr (terms[i], !=, "locat");
          g_assert_cmpstr (terms[i], !=, "location");
        }
      why = ic_match_result_get_explanation (first);
      g_assert_nonnull (strstr (why, "“locations”"));
      g_assert_null (strstr (why, "“locat”"));

      node = ic_match_result_to_json (first);
      matched = json_object_get_array_member (json_node_get_object (node), "matched_terms");
      for (guint i = 0; i < json_array_get_length (matched); i++)
        found |= g_strcmp0 (json_array_get_string_element (matched, i), "locations") == 0;
      g_assert_true (found);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/match/analyzer", test_analyzer);
  g_test_add_func ("/match/weights", test_weights);
  g_test_add_func ("/match/criteria", test_criteria);
  g_test_add_func ("/match/fixture-order", test_fixture_order);
  g_test_add_func ("/match/stemming", test_stemming);
  g_test_add_func ("/match/display-words", test_display_words);
  g_test_add_func ("/match/brute-force", test_brute_force);
  g_test_add_func ("/match/properties", test_properties);
  g_test_add_func ("/match/relevance-first", test_relevance_first);
  g_test_add_func ("/match/glossary-bridge", test_glossary_bridge);
  g_test_add_func ("/match/learn-from-decisions", test_learn_from_decisions);
  g_test_add_func ("/match/rerank", test_rerank);
  g_test_add_func ("/match/async", test_async);
  test_match_add_peer_tests ();

  return g_test_run ();
}

/* test-match-peer.c — the engine against other ways of getting the
 * same answer: scikit-learn's TF-IDF and exhaustive consortium search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ic-text-analyzer.h"
#include "test-match-util.h"

#define ORACLE_K 10
#define ORACLE_SLACK 5

void test_match_add_peer_tests (void);

static char *
tokens_of (IcTextAnalyzer     *analyzer,
           const char         *title,
           const char         *description,
           const char * const *tags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *parts[] = { title, title, description };
  g_auto(GStrv) all = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_auto(GStrv) terms = ic_text_analyzer_analyze_strv (analyzer, parts[i]);

      g_strv_builder_addv (builder, (const char **) terms);
    }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_auto(GStrv) terms = ic_text_analyzer_analyze_strv (analyzer, tags[i]);

      g_strv_builder_addv (builder, (const char **) terms);
    }
  all = g_strv_builder_end (builder);
  return g_strjoinv (" ", all);
}

static JsonNode *
run_oracle (TestSet *set)
{
  g_autoptr(IcTextAnalyzer) plain = ic_text_analyzer_new (IC_TEXT_ANALYZER_PLAIN, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-match-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "oracle.json", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "match-oracle.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  JsonNode *result;
  int status;

  g_assert_no_error (error);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "k");
  json_builder_add_int_value (builder, ORACLE_K + ORACLE_SLACK);
  for (guint kind = 0; kind < 2; kind++)
    {
      GPtrArray *records = kind == 0 ? set->capabilities : set->challenges;

      json_builder_set_member_name (builder, kind == 0 ? "capabilities" : "challenges");
      json_builder_begin_array (builder);
      for (guint i = 0; i < records->len; i++)
        {
          GObject *record = records->pdata[i];
          g_autofree char *title = NULL;
          g_autofree char *description = NULL;
          g_auto(GStrv) tags = NULL;
          g_autofree char *tokens = NULL;

          g_object_get (record, "title", &title, "description", &description, "tags", &tags, NULL);
          tokens = tokens_of (plain, title, description, (const char * const *) tags);
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, ic_record_get_id (IC_RECORD (record)));
          json_builder_add_string_value (builder, tokens);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  g_assert_true (json_generator_to_file (generator, path, &error));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_unlink (path);
  g_rmdir (dir);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    return NULL;
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("match-oracle.py failed: %s\n%s", error->message, err);
  result = json_from_string (out, &error);
  g_assert_no_error (error);
  return result;
}

static void
test_oracle (void)
{
  for (guint seed = 11; seed < 17; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(TestSet) set = test_set_new_random (rand, g_rand_int_range (rand, 50, 600), 20,
                                                    g_rand_int_range (rand, 30, 500));
      g_autoptr(IcMatchCorpus) corpus = NULL;
      g_autoptr(IcMatcher) matcher = NULL;
      g_autoptr(IcMatchWeights) weights = ic_match_weights_new_from_string ("text=1", NULL);
      g_autoptr(JsonNode) oracle = NULL;
      g_autoptr(GPtrArray) ours = NULL;
      g_autofree char *stranger = test_id ('o', 999999);
      IcMatchOptions options;
      JsonArray *lists;

      /* Only the text counts, so no pair may be filtered out either. */
      for (guint i = 0; i < set->challenges->len; i++)
        ic_challenge_set_organisation_id (set->challenges->pdata[i], stranger);
      oracle = run_oracle (set);
      if (oracle == NULL)
        {
          g_test_skip ("scikit-learn is not installed for /usr/bin/python3");
          return;
        }
      corpus = test_corpus_new (set, IC_TEXT_ANALYZER_PLAIN, 2);
      matcher = ic_matcher_new (corpus);
      ic_match_options_init (&options);
      options.top_k = ORACLE_K;
      ours = ic_matcher_rank_all (matcher, set->challenges, weights, &options, NULL, NULL);

      lists = json_node_get_array (oracle);
      for (guint c = 0; c < ours->len; c++)
        {
          JsonArray *expected = json_array_get_array_element (lists, c);
          GListModel *results = ours->pdata[c];

          g_assert_cmpuint (g_list_model_get_n_items (results), ==,
                            MIN (ORACLE_K, json_array_get_length (expected)));
          for (guint i = 0; i < g_list_model_get_n_items (results); i++)
            {
              g_autoptr(IcMatchResult) result = g_list_model_get_item (results, i);
              JsonArray *entry = json_array_get_array_element (expected, i);
              double peer = json_array_get_double_element (entry, 1);
              double score = ic_match_result_get_score (result);

              g_assert_cmpfloat_with_epsilon (score, peer, 1e-6);
              if (!g_str_equal (ic_match_result_get_capability_id (result),
                                json_array_get_string_element (entry, 0)))
                {
                  /* Only a near-tie may order differently. */
                  double before = i > 0 ? json_array_get_double_element (json_array_get_array_element (expected, i - 1), 1) : -1;
                  double after = json_array_get_double_element (json_array_get_array_element (expected, i + 1), 1);

                  g_assert_true (fabs (peer - before) < 1e-6 || fabs (peer - after) < 1e-6);
                }
            }
        }
    }
}

/* ---- consortia -------------------------------------------------------- */

typedef struct
{
  guint   members[4];
  guint   n;
  guint   covered;
  double  mean;
} Group;

static int
compare_groups (const Group *a,
                const Group *b)
{
  if (a->covered != b->covered)
    return a->covered > b->covered ? -1 : 1;
  if (a->mean != b->mean)
    return a->mean > b->mean ? -1 : 1;
  return (a->n > b->n) - (a->n < b->n);
}

static guint64
tag_mask (IcCapability       *capability,
          const char * const *required)
{
  const char * const *tags = ic_capability_get_tags (capability);
  guint64 mask = 0;

  for (guint t = 0; required != NULL && required[t] != NULL; t++)
    if (tags != NULL && g_strv_contains (tags, required[t]))
      mask |= G_GUINT64_CONSTANT (1) << t;
  return mask;
}

typedef struct
{
  guint64     mask;
  double      score;
  const char *organisation;
} Candidate;

static gboolean
valid (const Candidate *pool,
       const guint     *members,
       guint            n)
{
  for (guint i = 0; i < n; i++)
    {
      guint64 others = 0;

      for (guint j = 0; j < n; j++)
        {
          if (j == i)
            continue;
          if (g_strcmp0 (pool[members[i]].organisation, pool[members[j]].organisation) == 0)
            return FALSE;
          others |= pool[members[j]].mask;
        }
      if ((pool[members[i]].mask & ~others) == 0)
        return FALSE;
    }
  return TRUE;
}

static void
enumerate (const Candidate *pool,
           guint            n_pool,
           Group           *group,
           guint            next,
           guint            max_size,
           Group           *best)
{
  for (guint c = next; c < n_pool; c++)
    {
      guint64 mask = 0;
      double sum = 0.0;

      group->members[group->n++] = c;
      if (valid (pool, group->members, group->n))
        {
          for (guint i = 0; i < group->n; i++)
            {
              mask |= pool[group->members[i]].mask;
              sum += pool[group->members[i]].score;
            }
          group->covered = __builtin_popcountll (mask);
          group->mean = sum / group->n;
          if (best->n == 0 || compare_groups (group, best) < 0)
            *best = *group;
          if (group->n < max_size)
            enumerate (pool, n_pool, group, c + 1, max_size, best);
        }
      group->n--;
    }
}

/* Every group of at most @max_size of every candidate, judged as the
 * finder promises to judge them. */
static Group
exhaustive_best (IcMatcher      *matcher,
                 TestSet        *set,
                 IcChallenge    *challenge,
                 IcMatchWeights *weights,
                 IcMatchOptions *options,
                 guint           max_size)
{
  IcMatchCorpus *corpus = ic_matcher_get_corpus (matcher);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (Candidate));
  const char * const *required = ic_challenge_get_tags (challenge);
  Group best = { { 0 }, 0, 0, 0.0 };
  Group group = { { 0 }, 0, 0, 0.0 };

  for (guint i = 0; i < set->capabilities->len; i++)
    g_hash_table_insert (by_id, (gpointer) ic_record_get_id (set->capabilities->pdata[i]),
                         set->capabilities->pdata[i]);
  for (guint i = 0; i < ic_match_corpus_get_n_capabilities (corpus); i++)
    {
      const char *id = ic_match_corpus_get_capability_id (corpus, i);
      IcCapability *capability = g_hash_table_lookup (by_id, id);
      Candidate candidate = { tag_mask (capability, required), 0.0,
                              ic_capability_get_organisation_id (capability) };

      if (candidate.mask != 0 &&
          ic_matcher_score_pair (matcher, challenge, id, weights, options, &candidate.score, NULL))
        g_array_append_val (pool, candidate);
    }
  enumerate ((const Candidate *) pool->data, pool->len, &group, 0, max_size, &best);
  return best;
}

static void
test_consortium (void)
{
  guint checked = 0;

  for (guint seed = 40; seed < 52; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(TestSet) set = test_set_new_random (rand, g_rand_int_range (rand, 10, 60), 6, 80);
      g_autoptr(IcMatchCorpus) corpus = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 1);
      g_autoptr(IcMatcher) matcher = ic_matcher_new (corpus);
      g_autoptr(IcMatchWeights) weights = test_random_weights (rand);
      guint max_size = g_rand_int_range (rand, 1, 4);
      IcMatchOptions options;

      ic_match_options_init (&options);
      for (guint c = 0; c < set->challenges->len; c++)
        {
          IcChallenge *challenge = set->challenges->pdata[c];
          g_autoptr(GError) error = NULL;
          g_autoptr(GListModel) found = ic_matcher_find_consortia (matcher, challenge, weights, &options,
                                                                   max_size, 3, &error);
          Group best = exhaustive_best (matcher, set, challenge, weights, &options, max_size);
          g_autoptr(IcConsortium) first = NULL;
          g_auto(GStrv) covered = NULL;

          g_assert_no_error (error);
          if (best.n == 0)
            {
              g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
              continue;
            }
          first = g_list_model_get_item (found, 0);
          covered = ic_consortium_dup_covered_tags (first);
          g_assert_true (ic_consortium_get_exact (first));
          g_assert_cmpuint (g_strv_length (covered), ==, best.covered);
          g_assert_cmpfloat_with_epsilon (ic_consortium_get_score (first), best.mean, 1e-12);
          g_assert_cmpuint (ic_consortium_get_n_members (first), ==, best.n);
          g_assert_cmpuint (ic_consortium_get_n_members (first), <=, max_size);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 20);
}

/* A pool too large to search exhaustively still gives valid groups. */
static void
test_consortium_greedy (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(TestSet) set = test_set_new_random (rand, 3000, 4, 200);
  g_autoptr(IcMatchCorpus) corpus = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 2);
  g_autoptr(IcMatcher) matcher = ic_matcher_new (corpus);
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new ();
  const char *tags[] = { "battery", "recycling", "ai", "5g", "composites", "robotics",
                         "hydrogen", "sensors", "logistics", "vr", "cyber security", NULL };
  IcChallenge *challenge = set->challenges->pdata[0];
  g_autoptr(GListModel) found = NULL;
  IcMatchOptions options;

  ic_match_options_init (&options);
  ic_challenge_set_tags (challenge, tags);
  found = ic_matcher_find_consortia (matcher, challenge, weights, &options, 8, 5, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(IcConsortium) consortium = g_list_model_get_item (found, i);
      g_auto(GStrv) covered = ic_consortium_dup_covered_tags (consortium);

      g_assert_false (ic_consortium_get_exact (consortium));
      g_assert_cmpuint (ic_consortium_get_n_members (consortium), <=, 8);
      g_assert_cmpuint (g_strv_length (covered), >=, 8);
    }
}

/* The index and the rankings do not depend on the order records are
 * added in (in id order they are analysed while they arrive). */
static void
test_corpus_order (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autoptr(TestSet) set = test_set_new_random (rand, 5000, 5, 300);
  g_autoptr(IcMatchCorpus) forward = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 2);
  g_autoptr(IcMatchCorpus) backward = NULL;
  g_autoptr(IcMatcher) a = ic_matcher_new (forward);
  g_autoptr(IcMatcher) b = NULL;
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new ();
  g_autoptr(GPtrArray) ranked_a = NULL;
  g_autoptr(GPtrArray) ranked_b = NULL;
  IcMatchOptions options;

  for (guint i = 0, j = set->capabilities->len - 1; i < j; i++, j--)
    {
      gpointer tmp = set->capabilities->pdata[i];

      set->capabilities->pdata[i] = set->capabilities->pdata[j];
      set->capabilities->pdata[j] = tmp;
    }
  backward = test_corpus_new (set, IC_TEXT_ANALYZER_DEFAULT, 1);
  b = ic_matcher_new (backward);
  ic_match_options_init (&options);
  options.top_k = 50;
  ranked_a = ic_matcher_rank_all (a, set->challenges, weights, &options, NULL, NULL);
  ranked_b = ic_matcher_rank_all (b, set->challenges, weights, &options, NULL, NULL);
  g_assert_cmpuint (ic_tfidf_index_get_n_terms (ic_match_corpus_get_index (forward)), ==,
                    ic_tfidf_index_get_n_terms (ic_match_corpus_get_index (backward)));
  for (guint i = 0; i < ranked_a->len; i++)
    for (guint j = 0; j < g_list_model_get_n_items (ranked_a->pdata[i]); j++)
      {
        g_autoptr(IcMatchResult) x = g_list_model_get_item (ranked_a->pdata[i], j);
        g_autoptr(IcMatchResult) y = g_list_model_get_item (ranked_b->pdata[i], j);

        g_assert_cmpstr (ic_match_result_get_capability_id (x), ==, ic_match_result_get_capability_id (y));
        g_assert_cmpfloat (ic_match_result_get_score (x), ==, ic_match_result_get_score (y));
      }
}

void
test_match_add_peer_tests (void)
{
  g_test_add_func ("/match/corpus-order", test_corpus_order);
  g_test_add_func ("/match/oracle", test_oracle);
  g_test_add_func ("/match/consortium", test_consortium);
  g_test_add_func ("/match/consortium-greedy", test_consortium_greedy);
}

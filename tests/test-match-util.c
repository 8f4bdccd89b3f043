/* test-match-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-match-util.h"

static const char * const clusters[] = { "aerospace", "automotive", "rail", "life-sciences", "creative" };
static const char * const places[] = { "birmingham", "coventry", "solihull", "wolverhampton",
                                       "worcester", "leeds" };
static const char * const tag_pool[] = { "battery", "recycling", "ai", "5g", "composites",
                                         "robotics", "hydrogen", "sensors", "logistics",
                                         "additive manufacturing", "cyber security", "vr" };

char *
test_id (char  kind,
         guint number)
{
  return g_strdup_printf ("%08x-0000-4000-8000-%012u", (guint) kind, number);
}

IcCapability *
test_capability (guint               number,
                 guint               organisation,
                 const char         *title,
                 const char         *description,
                 const char * const *tags,
                 const char         *cluster,
                 const char         *place,
                 int                 trl,
                 int                 employees)
{
  IcCapability *capability = ic_capability_new ();
  g_autofree char *id = test_id ('c', number);
  g_autofree char *organisation_id = test_id ('o', organisation);

  ic_record_set_id (IC_RECORD (capability), id);
  ic_capability_set_organisation_id (capability, organisation_id);
  ic_capability_set_title (capability, title);
  ic_capability_set_description (capability, description);
  ic_capability_set_tags (capability, tags);
  ic_capability_set_cluster (capability, cluster);
  ic_capability_set_local_authority (capability, place);
  ic_capability_set_trl (capability, trl);
  ic_capability_set_employees (capability, employees);
  return capability;
}

IcChallenge *
test_challenge (guint               number,
                guint               organisation,
                const char         *title,
                const char         *description,
                const char * const *tags,
                const char         *cluster,
                const char         *place,
                int                 trl_min,
                int                 trl_max)
{
  IcChallenge *challenge = ic_challenge_new ();
  g_autofree char *id = test_id ('h', number);
  g_autofree char *organisation_id = test_id ('o', organisation);

  ic_record_set_id (IC_RECORD (challenge), id);
  ic_challenge_set_organisation_id (challenge, organisation_id);
  ic_challenge_set_title (challenge, title);
  ic_challenge_set_description (challenge, description);
  ic_challenge_set_tags (challenge, tags);
  ic_challenge_set_cluster (challenge, cluster);
  ic_challenge_set_local_authority (challenge, place);
  ic_challenge_set_trl_min (challenge, trl_min);
  ic_challenge_set_trl_max (challenge, trl_max);
  return challenge;
}

/* Zipf-like: low word numbers are common. */
static char *
random_text (GRand *rand,
             guint  vocabulary,
             guint  n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      double u = g_rand_double (rand);
      guint word = (guint) (vocabulary * u * u * u);

      g_string_append_printf (text, "%sw%u", i ? " " : "", word);
    }
  return g_string_free (text, FALSE);
}

static GStrv
random_tags (GRand *rand,
             guint  max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_rand_int_range (rand, 0, max + 1);
  gboolean used[G_N_ELEMENTS (tag_pool)] = { FALSE };

  for (guint i = 0; i < n; i++)
    {
      guint tag = g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_pool));

      if (!used[tag])
        g_strv_builder_add (builder, tag_pool[tag]);
      used[tag] = TRUE;
    }
  return g_strv_builder_end (builder);
}

static const char *
maybe (GRand              *rand,
       const char * const *values,
       guint               n)
{
  guint i = g_rand_int_range (rand, 0, n + 1);

  return i < n ? values[i] : NULL;
}

TestSet *
test_set_new_random (GRand *rand,
                     guint  n_capabilities,
                     guint  n_challenges,
                     guint  vocabulary)
{
  TestSet *set = g_new0 (TestSet, 1);
  guint n_organisations = MAX (2, n_capabilities / 3);

  set->capabilities = g_ptr_array_new_with_free_func (g_object_unref);
  set->challenges = g_ptr_array_new_with_free_func (g_object_unref);
  set->organisations = g_ptr_array_new_with_free_func (g_object_unref);
  set->rising = g_ptr_array_new ();

  for (guint i = 0; i < n_organisations; i++)
    {
      IcOrganisation *organisation = ic_organisation_new ();
      g_autofree char *id = test_id ('o', i);
      g_autofree char *name = g_strdup_printf ("Organisation %u", i);

      ic_record_set_id (IC_RECORD (organisation), id);
      ic_organisation_set_name (organisation, name);
      ic_organisation_set_employees (organisation, g_rand_int_range (rand, 0, 400));
      ic_organisation_set_local_authority (organisation, maybe (rand, places, G_N_ELEMENTS (places)));
      g_ptr_array_add (set->organisations, organisation);
    }
  for (guint i = 0; i < n_capabilities; i++)
    {
      g_autofree char *title = random_text (rand, vocabulary, g_rand_int_range (rand, 0, 5));
      g_autofree char *description = random_text (rand, vocabulary, g_rand_int_range (rand, 0, 30));
      g_auto(GStrv) tags = random_tags (rand, 4);

      g_ptr_array_add (set->capabilities,
                       test_capability (i, g_rand_int_range (rand, 0, n_organisations), title,
                                        description, (const char * const *) tags,
                                        maybe (rand, clusters, G_N_ELEMENTS (clusters)),
                                        maybe (rand, places, G_N_ELEMENTS (places)),
                                        g_rand_int_range (rand, 0, 10),
                                        g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 2000) : 0));
    }
  for (guint i = 0; i < n_challenges; i++)
    {
      g_autofree char *title = random_text (rand, vocabulary, g_rand_int_range (rand, 0, 5));
      g_autofree char *description = random_text (rand, vocabulary, g_rand_int_range (rand, 0, 20));
      g_auto(GStrv) tags = random_tags (rand, 5);
      int low = g_rand_int_range (rand, 1, 10);
      IcChallenge *challenge =
        test_challenge (i, g_rand_int_range (rand, 0, n_organisations), title, description,
                        (const char * const *) tags,
                        maybe (rand, clusters, G_N_ELEMENTS (clusters)),
                        maybe (rand, places, G_N_ELEMENTS (places)),
                        low, g_rand_int_range (rand, low, 10));

      ic_challenge_set_budget_min (challenge, g_rand_int_range (rand, 0, 3) * 100000);
      ic_challenge_set_budget_max (challenge, ic_challenge_get_budget_min (challenge) +
                                              g_rand_int_range (rand, 0, 5) * 250000);
      g_ptr_array_add (set->challenges, challenge);
    }
  for (guint i = 0; i < G_N_ELEMENTS (tag_pool); i++)
    if (g_rand_boolean (rand))
      g_ptr_array_add (set->rising, (gpointer) tag_pool[i]);
  return set;
}

void
test_set_free (TestSet *set)
{
  g_ptr_array_unref (set->capabilities);
  g_ptr_array_unref (set->challenges);
  g_ptr_array_unref (set->organisations);
  g_ptr_array_unref (set->rising);
  g_free (set);
}

IcTaxonomy *
test_taxonomy_new (void)
{
  IcTaxonomy *taxonomy = ic_taxonomy_new ();

  ic_taxonomy_add_place (taxonomy, "birmingham", "Birmingham", "wmca", "West Midlands CA",
                         "west-midlands", "West Midlands");
  ic_taxonomy_add_place (taxonomy, "coventry", "Coventry", "wmca", "West Midlands CA",
                         "west-midlands", "West Midlands");
  ic_taxonomy_add_place (taxonomy, "solihull", "Solihull", "wmca", "West Midlands CA",
                         "west-midlands", "West Midlands");
  ic_taxonomy_add_place (taxonomy, "wolverhampton", "Wolverhampton", "wmca", "West Midlands CA",
                         "west-midlands", "West Midlands");
  ic_taxonomy_add_place (taxonomy, "worcester", "Worcester", "worcs", "Worcestershire",
                         "west-midlands", "West Midlands");
  ic_taxonomy_add_place (taxonomy, "leeds", "Leeds", "wyca", "West Yorkshire CA",
                         "yorkshire", "Yorkshire and the Humber");
  return taxonomy;
}

IcMatchCorpus *
test_corpus_new (TestSet             *set,
                 IcTextAnalyzerFlags  flags,
                 guint                n_threads)
{
  g_autoptr(IcMatchCorpus) corpus = ic_match_corpus_new (flags);
  g_autoptr(IcTaxonomy) taxonomy = test_taxonomy_new ();
  g_autoptr(GError) error = NULL;

  ic_match_corpus_set_taxonomy (corpus, taxonomy);
  for (guint i = 0; i < set->organisations->len; i++)
    ic_match_corpus_add_organisation (corpus, set->organisations->pdata[i]);
  for (guint i = 0; i < set->capabilities->len; i++)
    ic_match_corpus_add_capability (corpus, set->capabilities->pdata[i]);
  for (guint i = 0; i < set->rising->len; i++)
    ic_match_corpus_add_rising_tag (corpus, set->rising->pdata[i]);
  g_assert_true (ic_match_corpus_freeze (corpus, n_threads, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&corpus);
}

IcMatchWeights *
test_random_weights (GRand *rand)
{
  IcMatchWeights *weights = ic_match_weights_new ();

  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    ic_match_weights_set (weights, i, g_rand_int_range (rand, 0, 3) == 0
                                      ? 0.0 : g_rand_double_range (rand, 0.01, 1.0));
  if (ic_match_weights_get_total (weights) == 0.0)
    ic_match_weights_set (weights, IC_MATCH_CRITERION_TEXT, 1.0);
  return weights;
}

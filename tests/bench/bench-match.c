/* bench-match.c — the matcher on a generated database, phase by phase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-match --db PATH [--rerank N] [--texts DIR]
 *
 * Loads the records (timed), freezes the corpus (timed), ranks every
 * challenge with --top 10 (timed), then for N open challenges ranks with
 * a candidate pool, moves one weight and times ic_matcher_rerank() and a
 * full ranking of the challenge: p50 and p99 of each.  --texts DIR writes
 * capabilities.tsv and challenges.tsv (id, text) for the scikit-learn
 * peer: exactly the texts the engine indexes.  Run by bench-match.sh.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ic-matcher.h"
#include "ic-rising-demand.h"
#include "ic-store.h"

typedef struct
{
  IcMatchCorpus *corpus;
  GPtrArray     *challenges;
  FILE          *capability_texts;
  GDateTime     *now;
} Loader;

static void
write_text (FILE               *out,
            const char         *id,
            const char         *title,
            const char         *description,
            const char * const *tags)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) tags);
  g_autofree char *text = g_strdup_printf ("%s %s %s %s", title ? title : "", title ? title : "",
                                           description ? description : "", joined);

  g_strdelimit (text, "\t\n\r", ' ');
  fprintf (out, "%s\t%s\n", id, text);
}

static gboolean
load_record (IcRecord *record,
             gpointer  user_data)
{
  Loader *loader = user_data;

  if (IC_IS_ORGANISATION (record))
    ic_match_corpus_add_organisation (loader->corpus, IC_ORGANISATION (record));
  else if (IC_IS_FORESIGHT_ITEM (record))
    {
      const char * const *tags = ic_foresight_item_get_tags (IC_FORESIGHT_ITEM (record));

      if (ic_rising_demand_item_counts (IC_FORESIGHT_ITEM (record), loader->now))
        for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
          ic_match_corpus_add_rising_tag (loader->corpus, tags[i]);
    }
  else if (IC_IS_CHALLENGE (record))
    g_ptr_array_add (loader->challenges, g_object_ref (record));
  else if (IC_IS_CAPABILITY (record))
    {
      IcCapability *capability = IC_CAPABILITY (record);

      ic_match_corpus_add_capability (loader->corpus, capability);
      if (loader->capability_texts != NULL)
        write_text (loader->capability_texts, ic_record_get_id (record),
                    ic_capability_get_title (capability), ic_capability_get_description (capability),
                    ic_capability_get_tags (capability));
    }
  return TRUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_percentiles (const char *what,
                   GArray     *samples)
{
  double *data = (double *) samples->data;
  guint n = samples->len;

  if (n == 0)
    return;
  qsort (data, n, sizeof (double), compare_doubles);
  printf ("%s: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%u samples)\n", what,
          data[n / 2] * 1e3, data[MIN (n - 1, (guint) (n * 0.99))] * 1e3, data[n - 1] * 1e3, n);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *texts = NULL;
  int n_rerank = 500;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The generated database", "PATH" },
    { "rerank", 0, 0, G_OPTION_ARG_INT, &n_rerank, "Challenges to re-rank (500)", "N" },
    { "texts", 0, 0, G_OPTION_ARG_FILENAME, &texts, "Write the indexed texts to DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStore) store = NULL;
  g_autoptr(IcMatchCorpus) corpus = ic_match_corpus_new (IC_TEXT_ANALYZER_DEFAULT);
  g_autoptr(IcMatcher) matcher = NULL;
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new ();
  g_autoptr(GPtrArray) challenges = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autoptr(GPtrArray) rankings = NULL;
  g_autoptr(GArray) rerank_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  IcMatchOptions options;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  Loader loader = { corpus, challenges, NULL, now };
  guint pooled = 0;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db_path == NULL)
    {
      g_printerr ("bench-match: %s\n", error ? error->message : "--db PATH is required");
      return 2;
    }

  store = ic_store_open (db_path, IC_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (texts != NULL)
    {
      g_autofree char *path = g_build_filename (texts, "capabilities.tsv", NULL);

      g_mkdir_with_parents (texts, 0755);
      loader.capability_texts = fopen (path, "w");
    }

  start = g_get_monotonic_time ();
  ic_match_corpus_set_taxonomy (corpus, ic_store_get_taxonomy (store));
  for (IcRecordKind kind = 0; kind < IC_RECORD_KIND_SHORTLIST; kind++)
    if (!ic_store_foreach (store, kind, load_record, &loader, &error))
      g_error ("%s", error->message);
  printf ("load: %.3f s (%u capabilities, %u challenges)\n",
          (g_get_monotonic_time () - start) / 1e6,
          ic_match_corpus_get_n_capabilities (corpus), challenges->len);
  if (loader.capability_texts != NULL)
    {
      g_autofree char *path = g_build_filename (texts, "challenges.tsv", NULL);
      FILE *out = fopen (path, "w");

      fclose (loader.capability_texts);
      for (guint i = 0; i < challenges->len; i++)
        {
          IcChallenge *challenge = challenges->pdata[i];

          write_text (out, ic_record_get_id (challenges->pdata[i]), ic_challenge_get_title (challenge),
                      ic_challenge_get_description (challenge), ic_challenge_get_tags (challenge));
        }
      fclose (out);
    }

  start = g_get_monotonic_time ();
  if (!ic_match_corpus_freeze (corpus, 0, &error))
    g_error ("%s", error->message);
  printf ("freeze: %.3f s (%u terms)\n", (g_get_monotonic_time () - start) / 1e6,
          ic_tfidf_index_get_n_terms (ic_match_corpus_get_index (corpus)));
  {
    IcTfidfIndex *index = ic_match_corpus_get_index (corpus);
    double sum = 0.0, sum_squares = 0.0;

    for (guint t = 0; t < ic_tfidf_index_get_n_terms (index); t++)
      {
        const guint32 *docs;
        const float *values;
        double n = ic_tfidf_index_lookup (index, ic_tfidf_index_get_term (index, t)) >= 0
                   ? ic_tfidf_index_get_postings (index, t, &docs, &values) : 0;

        sum += n;
        sum_squares += n * n;
      }
    printf ("postings: %.0f; a term in a text is on a list of %.0f on average\n",
            sum, sum > 0 ? sum_squares / sum : 0.0);
  }
  matcher = ic_matcher_new (corpus);

  ic_match_options_init (&options);
  start = g_get_monotonic_time ();
  rankings = ic_matcher_rank_all (matcher, challenges, weights, &options, NULL, &error);
  printf ("rank all, top 10, %u threads: %.3f s\n", g_get_num_processors (),
          (g_get_monotonic_time () - start) / 1e6);
  options.n_threads = 1;
  start = g_get_monotonic_time ();
  g_clear_pointer (&rankings, g_ptr_array_unref);
  rankings = ic_matcher_rank_all (matcher, challenges, weights, &options, NULL, &error);
  printf ("rank all, top 10, 1 thread: %.3f s\n", (g_get_monotonic_time () - start) / 1e6);

  for (guint i = 0; i < challenges->len; i++)
    if (ic_matcher_check_challenge (matcher, challenges->pdata[i], &options, NULL))
      g_ptr_array_add (open, challenges->pdata[i]);

  options.pool_size = IC_MATCH_DEFAULT_POOL_SIZE;
  for (int i = 0; i < n_rerank && open->len > 0; i++)
    {
      IcChallenge *challenge = open->pdata[g_rand_int_range (rand, 0, open->len)];
      g_autoptr(IcMatchWeights) moved = ic_match_weights_copy (weights);
      g_autoptr(GListModel) first = ic_matcher_rank_challenge (matcher, challenge, weights, &options, NULL);
      g_autoptr(GListModel) again = NULL;
      g_autoptr(GListModel) full = NULL;
      IcMatchCriterion criterion = g_rand_int_range (rand, 0, IC_MATCH_N_CRITERIA);
      gboolean used_pool;

      /* One slider moved by up to a fifth, as a drag does between frames. */
      ic_match_weights_set (moved, criterion, ic_match_weights_get (moved, criterion) *
                                              g_rand_double_range (rand, 0.8, 1.2));
      start = g_get_monotonic_time ();
      again = ic_matcher_rerank (matcher, ic_record_get_id (IC_RECORD (challenge)), moved, &used_pool, NULL);
      g_array_append_val (rerank_times, (double) { (g_get_monotonic_time () - start) / 1e6 });
      pooled += used_pool;

      start = g_get_monotonic_time ();
      full = ic_matcher_rank_challenge (matcher, challenge, moved, &options, NULL);
      g_array_append_val (full_times, (double) { (g_get_monotonic_time () - start) / 1e6 });
      ic_matcher_forget (matcher, NULL);
    }
  print_percentiles ("rerank after one weight change", rerank_times);
  printf ("  (served from the kept candidates %u of %u times)\n", pooled, rerank_times->len);
  print_percentiles ("full rank of one challenge over all capabilities", full_times);
  ic_match_options_clear (&options);
  return 0;
}

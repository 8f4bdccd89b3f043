/* bench-store.c — store insert throughput and full-text search latency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-store --seed S --organisations N --challenges M --capabilities K
 *               --db PATH [--batch B] [--queries Q] [--limit L] [--verbose]
 *
 * Makes the same records as `gen-data` with the same arguments, inserts
 * the organisations into a new database at PATH (not timed), then times
 * ic_store_insert_all() of the K capabilities (already made in memory),
 * in batches of B (default: all in one call).  Then runs Q searches
 * (default 100) of one or two vocabulary words or a word prefix through
 * ic_store_list() with ic_store_query_set_search() and a limit of L
 * (default 50), timing each, and then the count of the same search
 * (ic_store_count(), which a list view asks for too), reported apart.
 * The insert's processor time (user and system) is printed beside its
 * wall-clock time, for machines shared with other work.
 * tests/bench/bench-store.sh runs it next to the sqlite3 shell's .import
 * for comparison.
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "bench-data.h"
#include "bench-text.h"
#include "ic-store.h"

#define AUTHOR       "bench-store"
#define QUERY_STREAM 97
#define N_WARM_UP    5

typedef struct
{
  char   *words;
  gint64  usec;
  gint64  count_usec;   /* ic_store_count() of the same search */
  guint   hits;
} Sample;

static void
sample_clear (gpointer data)
{
  g_free (((Sample *) data)->words);
}

static int
compare_usec (gconstpointer a,
              gconstpointer b)
{
  gint64 x = ((const Sample *) a)->usec, y = ((const Sample *) b)->usec;

  return (x > y) - (x < y);
}

static int
compare_count_usec (gconstpointer a,
                    gconstpointer b)
{
  gint64 x = ((const Sample *) a)->count_usec, y = ((const Sample *) b)->count_usec;

  return (x > y) - (x < y);
}

/* Nearest-rank percentile of samples sorted by time. */
static double
percentile_ms (GArray *sorted,
               double  p)
{
  guint rank = (guint) (p / 100.0 * sorted->len + 0.999999);

  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, Sample, rank - 1).usec / 1000.0;
}

static double
count_percentile_ms (GArray *sorted,
                     double  p)
{
  guint rank = (guint) (p / 100.0 * sorted->len + 0.999999);

  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, Sample, rank - 1).count_usec / 1000.0;
}

static gboolean
insert_organisations (IcStore         *store,
                      BenchGenerator  *generator,
                      GError         **error)
{
  guint n = bench_generator_get_count (generator, IC_RECORD_KIND_ORGANISATION);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (batch, bench_generator_make (generator, IC_RECORD_KIND_ORGANISATION, i));
      if (batch->len == 10000 || i + 1 == n)
        {
          if (!ic_store_insert_all (store, batch, AUTHOR, error))
            return FALSE;
          g_ptr_array_set_size (batch, 0);
        }
    }
  return TRUE;
}

/* Processor time used so far by this process, user and system, in
 * seconds: on a shared machine the wall clock also counts other work. */
static void
cpu_seconds (double *user,
             double *sys)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  *user = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6;
  *sys = usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* Seconds taken to insert @records in batches of @batch_size; the
 * processor time is added to @user and @sys. */
static double
time_inserts (IcStore    *store,
              GPtrArray  *records,
              guint       batch_size,
              double     *user,
              double     *sys,
              GError    **error)
{
  gint64 start = g_get_monotonic_time ();
  double user0, sys0, user1, sys1;

  cpu_seconds (&user0, &sys0);

  for (guint offset = 0; offset < records->len; offset += batch_size)
    {
      guint n = MIN (batch_size, records->len - offset);
      g_autoptr(GPtrArray) batch = g_ptr_array_new_full (n, NULL);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (batch, g_ptr_array_index (records, offset + i));
      if (!ic_store_insert_all (store, batch, AUTHOR, error))
        return -1;
    }
  cpu_seconds (&user1, &sys1);
  *user = user1 - user0;
  *sys = sys1 - sys0;
  return (g_get_monotonic_time () - start) / 1e6;
}

static gboolean
run_query (IcStore     *store,
           const char  *words,
           guint        limit,
           Sample      *sample,
           GError     **error)
{
  g_autoptr(IcStoreQuery) query = ic_store_query_new ();
  g_autoptr(GPtrArray) page = NULL;
  gint64 start;

  ic_store_query_set_search (query, words);
  start = g_get_monotonic_time ();
  page = ic_store_list (store, IC_RECORD_KIND_CAPABILITY, query, 0, limit, error);
  sample->usec = g_get_monotonic_time () - start;
  if (page == NULL)
    {
      g_prefix_error (error, "Search for \"%s\": ", words);
      return FALSE;
    }
  sample->words = g_strdup (words);
  sample->hits = page->len;

  /* A list view asks how many there are, too. */
  start = g_get_monotonic_time ();
  if (ic_store_count (store, IC_RECORD_KIND_CAPABILITY, query, error) < 0)
    {
      g_prefix_error (error, "Count of \"%s\": ", words);
      return FALSE;
    }
  sample->count_usec = g_get_monotonic_time () - start;
  return TRUE;
}

static gboolean
time_searches (IcStore  *store,
               guint64   seed,
               guint     n_queries,
               guint     limit,
               gboolean  verbose,
               GError  **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, TRUE, sizeof (Sample));
  guint zero_hits = 0, full_pages = 0;
  double total_ms = 0, total_hits = 0;
  BenchRng rng;

  g_array_set_clear_func (samples, sample_clear);
  bench_rng_init_stream (&rng, seed, QUERY_STREAM, 0);

  /* A few searches first, so the figures are of a warm page cache. */
  for (guint i = 0; i < N_WARM_UP; i++)
    {
      g_autofree char *words = bench_make_search_words (&rng);
      Sample warm = { 0, };

      if (!run_query (store, words, limit, &warm, error))
        return FALSE;
      sample_clear (&warm);
    }

  for (guint i = 0; i < n_queries; i++)
    {
      g_autofree char *words = bench_make_search_words (&rng);
      Sample sample = { 0, };

      if (!run_query (store, words, limit, &sample, error))
        return FALSE;
      if (verbose)
        g_print ("  query %3u  %-28s %4u hits  %8.3f ms\n", i + 1, sample.words, sample.hits,
                 sample.usec / 1000.0);
      zero_hits += sample.hits == 0;
      full_pages += sample.hits == limit;
      total_hits += sample.hits;
      total_ms += sample.usec / 1000.0;
      g_array_append_val (samples, sample);
    }

  g_array_sort (samples, compare_usec);
  g_print ("search: %u queries, limit %u: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms\n",
           n_queries, limit, percentile_ms (samples, 50), percentile_ms (samples, 90),
           percentile_ms (samples, 99), percentile_ms (samples, 100), total_ms / n_queries);
  g_print ("search: mean %.1f hits per query; %u with none, %u filled the page\n",
           total_hits / n_queries, zero_hits, full_pages);
  g_array_sort (samples, compare_count_usec);
  g_print ("count: the same searches through ic_store_count(): p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
           count_percentile_ms (samples, 50), count_percentile_ms (samples, 99),
           count_percentile_ms (samples, 100));
  g_array_sort (samples, compare_usec);
  g_print ("search: slowest:");
  for (guint i = 0; i < MIN (3, samples->len); i++)
    {
      Sample *s = &g_array_index (samples, Sample, samples->len - 1 - i);
      g_print (" \"%s\" %.2f ms (%u hits)%s", s->words, s->usec / 1000.0, s->hits, i < 2 ? ";" : "");
    }
  g_print ("\n");
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  gint64 seed = 1, n_orgs = 20000, n_challenges = 5000, n_capabilities = 100000;
  gint64 batch = 0, n_queries = 100, limit = 50;
  gboolean verbose = FALSE;
  g_autofree char *db_path = NULL;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed, as given to gen-data (default 1)", "S" },
    { "organisations", 0, 0, G_OPTION_ARG_INT64, &n_orgs, "Organisations (default 20000)", "N" },
    { "challenges", 0, 0, G_OPTION_ARG_INT64, &n_challenges, "Challenges (default 5000)", "M" },
    { "capabilities", 0, 0, G_OPTION_ARG_INT64, &n_capabilities, "Capabilities (default 100000)", "K" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "A new database to create", "PATH" },
    { "batch", 0, 0, G_OPTION_ARG_INT64, &batch, "Records per insert_all call (default: all)", "B" },
    { "queries", 0, 0, G_OPTION_ARG_INT64, &n_queries, "Searches to time (default 100)", "Q" },
    { "limit", 0, 0, G_OPTION_ARG_INT64, &limit, "Page size of each search (default 50)", "L" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every search", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the store");
  g_autoptr(GError) error = NULL;
  g_autoptr(BenchGenerator) generator = NULL;
  g_autoptr(IcStore) store = NULL;
  g_autoptr(GPtrArray) capabilities = NULL;
  gint64 made_at;
  double seconds, user = 0, sys = 0;
  gint64 stored;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 2;
    }
  if (db_path == NULL || argc > 1 || n_orgs < 1 || n_orgs > G_MAXINT32 ||
      n_challenges < 0 || n_challenges > G_MAXINT32 || n_capabilities < 1 ||
      n_capabilities > G_MAXINT32 || batch < 0 || n_queries < 1 || limit < 1)
    {
      g_printerr ("bench-store: --db PATH is required and the sizes must be positive\n");
      return 2;
    }
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("bench-store: %s exists; give the path of a new database\n", db_path);
      return 1;
    }
  if (batch == 0)
    batch = n_capabilities;

  generator = bench_generator_new (seed, n_orgs, n_challenges, n_capabilities);
  store = ic_store_open (db_path, IC_STORE_OPEN_CREATE, &error);
  if (store == NULL || !insert_organisations (store, generator, &error))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }

  made_at = g_get_monotonic_time ();
  capabilities = g_ptr_array_new_full (n_capabilities, g_object_unref);
  for (guint i = 0; i < n_capabilities; i++)
    g_ptr_array_add (capabilities, bench_generator_make (generator, IC_RECORD_KIND_CAPABILITY, i));
  g_print ("made: %u capabilities in memory in %.2f s (not timed below)\n",
           capabilities->len, (g_get_monotonic_time () - made_at) / 1e6);
  g_print ("first-id: %s\nlast-id: %s\n",
           ic_record_get_id (g_ptr_array_index (capabilities, 0)),
           ic_record_get_id (g_ptr_array_index (capabilities, capabilities->len - 1)));

  seconds = time_inserts (store, capabilities, batch, &user, &sys, &error);
  if (seconds < 0)
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }
  g_print ("insert: %u capabilities in %.3f s = %.0f records/s (batches of %" G_GINT64_FORMAT ")\n",
           capabilities->len, seconds, capabilities->len / seconds, batch);
  g_print ("insert-cpu: user %.3f s, system %.3f s\n", user, sys);
  g_clear_pointer (&capabilities, g_ptr_array_unref);

  stored = ic_store_count (store, IC_RECORD_KIND_CAPABILITY, NULL, &error);
  if (stored != n_capabilities)
    {
      g_printerr ("bench-store: the store holds %" G_GINT64_FORMAT " capabilities, not %" G_GINT64_FORMAT "%s%s\n",
                  stored, n_capabilities, error ? ": " : "", error ? error->message : "");
      return 1;
    }

  if (!time_searches (store, seed, n_queries, limit, verbose, &error))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }
  return 0;
}

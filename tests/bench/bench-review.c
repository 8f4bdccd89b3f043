/* bench-review.c — how long the Needs attention questions take
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-review --dir DIR [--capabilities K] [--challenges M]
 *                [--shortlists S] [--entries E] [--runs R]
 *
 * Makes the records `gen-data` makes (2,000 organisations, M challenges,
 * default 5,000, and K capabilities, default 100,000) in a new database
 * in DIR, then S shortlists (default 1,000) of E entries each (default
 * 50: 50,000 entries with their stage changes), then runs
 * ic_store_review() R times (default 20) with a limit of 50 items per
 * question, and prints the median (wall clock and processor time, for
 * a machine busy with other work), the worst and the counts.  Target:
 * ≤ 200 ms.  Half the records are dated two years back (as a store
 * in use for a while holds them), so that every question has answers.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>

#include "bench-data.h"
#include "ic-shortlist.h"
#include "ic-shortlist-entry.h"
#include "ic-store-private.h"
#include "ic-store-review.h"

#define AUTHOR "bench-review"

static gboolean
insert_kind (IcStore         *store,
             BenchGenerator  *generator,
             IcRecordKind     kind,
             GError         **error)
{
  guint n = bench_generator_get_count (generator, kind);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (batch, bench_generator_make (generator, kind, i));
      if (batch->len == 10000 || i + 1 == n)
        {
          if (!ic_store_insert_all (store, batch, AUTHOR, error))
            return FALSE;
          g_ptr_array_set_size (batch, 0);
        }
    }
  return TRUE;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* Half the rows of TABLE dated over the 300 days from June 2024. */
#define OLD(TABLE) \
  "UPDATE " TABLE " SET updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', '2024-06-01', " \
  "  '+' || (rowid % 300) || ' days') WHERE rowid % 2 = 0;"

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("— the Needs attention questions");
  g_autoptr(BenchGenerator) generator = NULL;
  g_autoptr(IcStore) store = NULL;
  g_autoptr(GPtrArray) shortlists = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(IcReview) last = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  gint64 n_capabilities = 100000, n_challenges = 5000, n_shortlists = 1000, n_entries = 50, n_runs = 20;
  IcReviewOptions options = { 365, 30, NULL, 50 };
  const GOptionEntry entries[] = {
    { "capabilities", 0, 0, G_OPTION_ARG_INT64, &n_capabilities, "Capabilities (default 100000)", "K" },
    { "challenges", 0, 0, G_OPTION_ARG_INT64, &n_challenges, "Challenges (default 5000)", "M" },
    { "shortlists", 0, 0, G_OPTION_ARG_INT64, &n_shortlists, "Shortlists (default 1000)", "S" },
    { "entries", 0, 0, G_OPTION_ARG_INT64, &n_entries, "Entries per shortlist (default 50)", "E" },
    { "runs", 0, 0, G_OPTION_ARG_INT64, &n_runs, "Timed runs (default 20)", "R" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "A folder for the new database", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (dir == NULL || n_capabilities <= 0 || n_challenges <= 0 || n_runs <= 0 || n_entries <= 0 ||
      n_shortlists < 0 || n_shortlists > n_challenges || n_entries > n_capabilities)
    {
      g_printerr ("bench-review: give --dir, and positive counts (shortlists ≤ challenges)\n");
      return 2;
    }
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "review.db", NULL);
  g_unlink (path);

  generator = bench_generator_new (1, 2000, n_challenges, n_capabilities);
  store = ic_store_open (path, IC_STORE_OPEN_CREATE, &error);
  if (store == NULL ||
      !insert_kind (store, generator, IC_RECORD_KIND_ORGANISATION, &error) ||
      !insert_kind (store, generator, IC_RECORD_KIND_CHALLENGE, &error) ||
      !insert_kind (store, generator, IC_RECORD_KIND_CAPABILITY, &error))
    goto fail;

  for (gint64 s = 0; s < n_shortlists; s++)
    {
      IcRecord *shortlist = g_object_new (IC_TYPE_SHORTLIST, "challenge-id",
                                          bench_generator_get_id (generator, IC_RECORD_KIND_CHALLENGE, (guint) s),
                                          "name", "Bench shortlist", NULL);
      GListStore *list = ic_shortlist_get_entries (IC_SHORTLIST (shortlist));

      for (gint64 e = 0; e < n_entries; e++)
        {
          guint capability = (guint) ((s * 7919 + e * 104729) % n_capabilities);
          g_autoptr(IcShortlistEntry) entry =
            g_object_new (IC_TYPE_SHORTLIST_ENTRY, "capability-id",
                          bench_generator_get_id (generator, IC_RECORD_KIND_CAPABILITY, capability),
                          "stage", (IcStage) (e % 6), NULL);

          g_list_store_append (list, entry);
        }
      g_ptr_array_add (shortlists, shortlist);
    }
  if (shortlists->len > 0 && !ic_store_insert_all (store, shortlists, AUTHOR, &error))
    goto fail;

  /* A store in use for a while: half of everything two years old or so. */
  if (!ic_store_db_exec (ic_store_get_db (store),
                         OLD ("organisation") OLD ("challenge") OLD ("capability")
                         "UPDATE shortlist_stage SET at = strftime ('%Y-%m-%dT%H:%M:%SZ', '2024-06-01', "
                         "  '+' || (unicode (substr (capability_id, 2, 1)) % 300) || ' days') "
                         "WHERE substr (capability_id, 1, 1) < '8';"
                         "ANALYZE;", &error))
    goto fail;

  for (gint64 r = 0; r < n_runs; r++)
    {
      gint64 start = g_get_monotonic_time (), usec, cpu_usec;
      double cpu0 = cpu_seconds ();

      g_clear_pointer (&last, ic_review_free);
      last = ic_store_review (store, &options, &error);
      usec = g_get_monotonic_time () - start;
      cpu_usec = (gint64) ((cpu_seconds () - cpu0) * 1e6);
      if (last == NULL)
        goto fail;
      g_array_append_val (times, usec);
      g_array_append_val (cpu_times, cpu_usec);
    }
  g_array_sort (times, compare_gint64);
  g_array_sort (cpu_times, compare_gint64);
  g_print ("review of %" G_GINT64_FORMAT " capabilities, %" G_GINT64_FORMAT " challenges, %" G_GINT64_FORMAT
           " shortlist entries: median %.1f ms wall (%.1f ms cpu), worst %.1f ms wall over %" G_GINT64_FORMAT
           " runs (target ≤ 200 ms)\n",
           n_capabilities, n_challenges, n_shortlists * n_entries,
           g_array_index (times, gint64, times->len / 2) / 1000.0,
           g_array_index (cpu_times, gint64, cpu_times->len / 2) / 1000.0,
           g_array_index (times, gint64, times->len - 1) / 1000.0, n_runs);
  for (guint i = 0; i < IC_N_REVIEW_REASONS; i++)
    g_print ("  %s: %" G_GINT64_FORMAT "\n", ic_review_reason_to_string (i), last->counts[i]);
  return 0;

fail:
  g_printerr ("bench-review: %s\n", error->message);
  return 1;
}

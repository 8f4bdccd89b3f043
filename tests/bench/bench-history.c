/* bench-history.c — what the history of every record costs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-history --capabilities K [--organisations N] [--seed S]
 *                 [--edits E] [--lookups L] --dir DIR
 *
 * Makes the records `gen-data` makes with the same arguments and inserts
 * the K capabilities (one ic_store_insert_all() call, after the
 * organisations) twice, into two new databases in DIR: once as the
 * store always does, with a history entry per record, and once with the
 * history switched off (ic_store_set_keep_history(), which exists for
 * this measure alone), twice each in turn.  Prints the faster times, wall clock and processor,
 * and the history's share.  Then makes E edits of random capabilities
 * (default 2000, each changing two fields) and times L lookups of one
 * record's history (default 1000, random ids): median, 95th percentile
 * and worst.  Targets: history of one record ≤ 5 ms on 100,000
 * capabilities; the history adds ≤ 25% to the insert time.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench-data.h"
#include "bench-rng.h"
#include "ic-capability.h"
#include "ic-store-history.h"
#include "ic-store-private.h"

#define AUTHOR "bench-history"

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static IcStore *
fill (const char      *path,
      BenchGenerator  *generator,
      GPtrArray       *capabilities,
      gboolean         keep_history,
      double          *wall,
      double          *cpu,
      GError         **error)
{
  g_autoptr(IcStore) store = ic_store_open (path, IC_STORE_OPEN_CREATE, error);
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_orgs = bench_generator_get_count (generator, IC_RECORD_KIND_ORGANISATION);
  gint64 start;
  double cpu0;

  if (store == NULL)
    return NULL;
  ic_store_set_keep_history (store, keep_history);
  for (guint i = 0; i < n_orgs; i++)
    g_ptr_array_add (orgs, bench_generator_make (generator, IC_RECORD_KIND_ORGANISATION, i));
  if (!ic_store_insert_all (store, orgs, AUTHOR, error))
    return NULL;

  start = g_get_monotonic_time ();
  cpu0 = cpu_seconds ();
  if (!ic_store_insert_all (store, capabilities, AUTHOR, error))
    return NULL;
  *cpu = cpu_seconds () - cpu0;
  *wall = (g_get_monotonic_time () - start) / 1e6;
  return g_steal_pointer (&store);
}

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
  g_autoptr(GOptionContext) context = g_option_context_new ("— the cost of the record history");
  g_autoptr(BenchGenerator) generator = NULL;
  g_autoptr(GPtrArray) with = NULL, without = NULL;
  g_autoptr(IcStore) store = NULL, plain = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *dir = NULL, *path = NULL, *plain_path = NULL;
  gint64 seed = 1, n_orgs = 2000, n_capabilities = 100000, n_edits = 2000, n_lookups = 1000;
  double wall_with = 0, cpu_with = 0, wall_without = 0, cpu_without = 0;
  guint64 n_entries = 0;
  BenchRng rng;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed, as given to gen-data (default 1)", "S" },
    { "organisations", 0, 0, G_OPTION_ARG_INT64, &n_orgs, "Organisations (default 2000)", "N" },
    { "capabilities", 0, 0, G_OPTION_ARG_INT64, &n_capabilities, "Capabilities (default 100000)", "K" },
    { "edits", 0, 0, G_OPTION_ARG_INT64, &n_edits, "Edits of random capabilities (default 2000)", "E" },
    { "lookups", 0, 0, G_OPTION_ARG_INT64, &n_lookups, "History lookups to time (default 1000)", "L" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "A folder for the two new databases", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (dir == NULL || n_capabilities <= 0 || n_orgs <= 0 || n_lookups <= 0)
    {
      g_printerr ("bench-history: give --dir, and positive counts\n");
      return 2;
    }
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "history.db", NULL);
  plain_path = g_build_filename (dir, "no-history.db", NULL);
  g_unlink (path);
  g_unlink (plain_path);

  generator = bench_generator_new (seed, n_orgs, 0, n_capabilities);
  with = g_ptr_array_new_with_free_func (g_object_unref);
  without = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_capabilities; i++)
    {
      g_ptr_array_add (with, bench_generator_make (generator, IC_RECORD_KIND_CAPABILITY, i));
      g_ptr_array_add (without, bench_generator_make (generator, IC_RECORD_KIND_CAPABILITY, i));
    }

  /* Each twice, in turn, keeping the faster run of each: the machine
   * may be busy with other work during any one of them. */
  for (guint round = 0; round < 2; round++)
    {
      double wall, cpu;

      g_unlink (plain_path);
      plain = fill (plain_path, generator, without, FALSE, &wall, &cpu, &error);
      if (plain == NULL)
        goto fail;
      g_clear_object (&plain);
      if (round == 0 || wall < wall_without)
        wall_without = wall;
      if (round == 0 || cpu < cpu_without)
        cpu_without = cpu;

      g_clear_object (&store);
      g_unlink (path);
      store = fill (path, generator, with, TRUE, &wall, &cpu, &error);
      if (store == NULL)
        goto fail;
      if (round == 0 || wall < wall_with)
        wall_with = wall;
      if (round == 0 || cpu < cpu_with)
        cpu_with = cpu;
    }

  g_print ("insert of %" G_GINT64_FORMAT " capabilities: %.2f s wall, %.2f s cpu without history; "
           "%.2f s wall, %.2f s cpu with it (%+.1f%% wall, %+.1f%% cpu; target ≤ 25%%)\n",
           n_capabilities, wall_without, cpu_without, wall_with, cpu_with,
           100.0 * (wall_with - wall_without) / wall_without,
           100.0 * (cpu_with - cpu_without) / cpu_without);

  bench_rng_init (&rng, (guint64) seed * 7919 + 31);
  for (gint64 i = 0; i < n_edits; i++)
    {
      IcRecord *record = g_ptr_array_index (with, bench_rng_below (&rng, with->len));
      g_autofree char *title = g_strdup_printf ("Edited capability %" G_GINT64_FORMAT, i);

      g_object_set (record, "title", title, "trl", (int) (1 + i % 9), NULL);
      if (!ic_store_update (store, record, AUTHOR, &error))
        goto fail;
    }

  for (gint64 i = 0; i < n_lookups; i++)
    {
      IcRecord *record = g_ptr_array_index (with, bench_rng_below (&rng, with->len));
      g_autoptr(GPtrArray) history = NULL;
      gint64 start = g_get_monotonic_time (), usec;

      history = ic_store_list_history (store, ic_record_get_id (record), &error);
      usec = g_get_monotonic_time () - start;
      if (history == NULL)
        goto fail;
      n_entries += history->len;
      g_array_append_val (times, usec);
    }
  g_array_sort (times, compare_gint64);
  g_print ("history of one record (%" G_GINT64_FORMAT " lookups after %" G_GINT64_FORMAT
           " edits, %.2f entries each): median %.3f ms, p95 %.3f ms, worst %.3f ms (target ≤ 5 ms)\n",
           n_lookups, n_edits, (double) n_entries / n_lookups,
           g_array_index (times, gint64, times->len / 2) / 1000.0,
           g_array_index (times, gint64, MIN (times->len - 1, (guint) (times->len * 0.95))) / 1000.0,
           g_array_index (times, gint64, times->len - 1) / 1000.0);
  return 0;

fail:
  g_printerr ("bench-history: %s\n", error->message);
  return 1;
}

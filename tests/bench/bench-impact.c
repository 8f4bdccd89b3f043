/* bench-impact.c — the impact figures on a large store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-impact [--db PATH] [--runs N]
 *
 * Builds (in PATH, or a temporary file; a PATH that exists already is
 * timed as it is, so that a profile shows the queries alone) 2,000 organisations, 5,000
 * challenges and 100,000 capabilities in 14 clusters, and 5,000
 * shortlists of 10 entries (50,000 entries) with 4 stage changes each
 * (200,000), spread over two years, through the store's own writes;
 * then times ic_store_compute_impact() for a year, a quarter and one
 * cluster's year, N runs each (target: 200 ms).  Deterministic.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <time.h>

#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-organisation.h"
#include "ic-shortlist.h"
#include "ic-model-enums.h"
#include "ic-store-impact.h"

#define N_ORGANISATIONS 2000
#define N_CHALLENGES    5000
#define N_CAPABILITIES  100000
#define N_SHORTLISTS    5000
#define ENTRIES_EACH    10

static const char * const clusters[] = {
  "low-carbon-energy", "aerospace", "logistics-transport-tech", "metals-materials",
  "life-sciences-health-tech", "professional-services", "rail", "construction", "creative",
  "food-drink", "automotive", "tourism", "low-carbon-energy", "automotive",
};

static const char * const path_stages[] = { "contacted", "introduced", "meeting-held", "collaborating" };

static void
insert_all (IcStore   *store,
            GPtrArray *records)
{
  g_autoptr(GError) error = NULL;

  if (!ic_store_insert_all (store, records, "bench", &error))
    g_error ("insert: %s", error->message);
  g_ptr_array_set_size (records, 0);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The thread's CPU time: on a shared, loaded machine it says more than the wall clock. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
time_query (IcStore    *store,
            const char *what,
            const char *from,
            const char *to,
            const char *cluster,
            guint       runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(IcImpact) impact = NULL;

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms (), start_cpu = cpu_ms (), elapsed, used;

      g_clear_pointer (&impact, ic_impact_free);
      impact = ic_store_compute_impact (store, from, to, cluster, "2026-12-31", &error);
      elapsed = now_ms () - start;
      used = cpu_ms () - start_cpu;
      g_array_append_val (cpu, used);
      if (impact == NULL)
        g_error ("impact: %s", error->message);
      g_array_append_val (times, elapsed);
    }
  g_array_sort (times, compare_doubles);
  g_array_sort (cpu, compare_doubles);
  g_print ("%-26s wall median %6.1f ms (min %6.1f)  CPU median %6.1f ms (min %6.1f)  "
           "[collaborations %u, cross-sector %u, SMEs %u, organisations %u]\n",
           what, g_array_index (times, double, runs / 2), g_array_index (times, double, 0),
           g_array_index (cpu, double, runs / 2), g_array_index (cpu, double, 0),
           impact->collaborations, impact->cross_sector,
           impact->smes_assisted, impact->organisations_engaged);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(IcStore) store = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) org_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) challenge_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) capability_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) origin = g_date_time_new (utc, 2025, 1, 1, 9, 0, 0);
  int runs = 7;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Build the store at PATH (kept)", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per query (7)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the impact figures");
  double start;
  guint n_changes = 0;
  gboolean reuse;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("bench-impact: %s\n", error ? error->message : "--runs must be at least 1");
      return 2;
    }
  if (db == NULL)
    {
      dir = g_dir_make_tmp ("bench-impact-XXXXXX", &error);
      g_assert_no_error (error);
      db = g_build_filename (dir, "impact.db", NULL);
    }
  reuse = g_file_test (db, G_FILE_TEST_EXISTS);
  store = ic_store_open (db, IC_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    g_error ("open: %s", error->message);
  if (reuse)
    {
      g_print ("records and shortlists: those already in %s\n", db);
      goto time;
    }

  start = now_ms ();
  for (guint i = 0; i < N_ORGANISATIONS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organisation %u", i);
      IcRecord *org = g_object_new (IC_TYPE_ORGANISATION, "name", name,
                                    "kind", i % 10 == 0 ? IC_ORGANISATION_KIND_LARGE_FIRM : IC_ORGANISATION_KIND_SME,
                                    "cluster", clusters[i % G_N_ELEMENTS (clusters)], NULL);
      ic_record_ensure_id (org);
      g_ptr_array_add (org_ids, g_strdup (ic_record_get_id (org)));
      g_ptr_array_add (records, org);
    }
  insert_all (store, records);
  for (guint i = 0; i < N_CHALLENGES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Challenge %u", i);
      IcRecord *challenge = g_object_new (IC_TYPE_CHALLENGE, "title", title,
                                          "organisation-id", g_ptr_array_index (org_ids, (i % 200) * 10),
                                          "cluster", clusters[g_rand_int_range (rand, 0, G_N_ELEMENTS (clusters))],
                                          NULL);
      ic_record_ensure_id (challenge);
      g_ptr_array_add (challenge_ids, g_strdup (ic_record_get_id (challenge)));
      g_ptr_array_add (records, challenge);
    }
  insert_all (store, records);
  for (guint i = 0; i < N_CAPABILITIES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Capability %u", i);
      guint org = g_rand_int_range (rand, 0, N_ORGANISATIONS);
      IcRecord *capability = g_object_new (IC_TYPE_CAPABILITY, "title", title,
                                           "organisation-id", g_ptr_array_index (org_ids, org),
                                           "cluster", i % 3 == 0 ? NULL : clusters[org % G_N_ELEMENTS (clusters)],
                                           NULL);
      ic_record_ensure_id (capability);
      g_ptr_array_add (capability_ids, g_strdup (ic_record_get_id (capability)));
      g_ptr_array_add (records, capability);
      if (records->len == 10000)
        insert_all (store, records);
    }
  insert_all (store, records);
  g_print ("records: %u organisations, %u challenges, %u capabilities in %.1f s\n",
           N_ORGANISATIONS, N_CHALLENGES, N_CAPABILITIES, (now_ms () - start) / 1000);

  start = now_ms ();
  for (guint s = 0; s < N_SHORTLISTS; s++)
    {
      IcShortlist *shortlist = g_object_new (IC_TYPE_SHORTLIST, "name", "Bench list",
                                             "challenge-id", g_ptr_array_index (challenge_ids, s), NULL);

      for (guint e = 0; e < ENTRIES_EACH; e++)
        {
          g_autoptr(IcShortlistEntry) entry = ic_shortlist_entry_new ();
          int day = g_rand_int_range (rand, 0, 700);
          int stage;

          ic_shortlist_entry_set_capability_id (entry,
                                                g_ptr_array_index (capability_ids, (s * ENTRIES_EACH + e) * 2));
          /* Four changes: proposed, then three moves on (or a decline). */
          for (guint c = 0; c < 4; c++)
            {
              g_autoptr(GDateTime) when = g_date_time_add_days (origin, day);
              g_autofree char *at = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
              g_autoptr(IcStageChange) change = NULL;

              if (c == 0)
                stage = IC_STAGE_PROPOSED;
              else if (g_rand_int_range (rand, 0, 10) == 0)
                stage = IC_STAGE_DECLINED;
              else
                ic_enum_from_nick (IC_TYPE_STAGE, path_stages[MIN (c - 1 + g_rand_int_range (rand, 0, 2), 3)], &stage);
              change = ic_stage_change_new (stage, at, "bench",
                                            stage == IC_STAGE_DECLINED ? IC_DECLINE_REASON_TOO_EARLY
                                                                       : IC_DECLINE_REASON_NONE, NULL);
              ic_shortlist_entry_add_stage_change (entry, change);
              n_changes++;
              day += g_rand_int_range (rand, 1, 60);
            }
          g_list_store_append (ic_shortlist_get_entries (shortlist), entry);
        }
      g_ptr_array_add (records, shortlist);
      if (records->len == 500)
        insert_all (store, records);
    }
  insert_all (store, records);
  g_print ("shortlists: %u with %u entries and %u stage changes in %.1f s\n",
           N_SHORTLISTS, N_SHORTLISTS * ENTRIES_EACH, n_changes, (now_ms () - start) / 1000);

time:
  time_query (store, "a year, all clusters", "2025-07-01", "2026-06-30", NULL, runs);
  time_query (store, "a quarter, all clusters", "2026-01-01", "2026-03-31", NULL, runs);
  time_query (store, "a year, one cluster", "2025-07-01", "2026-06-30", "aerospace", runs);
  time_query (store, "two years, all clusters", "2025-01-01", "2026-12-31", NULL, runs);

  g_clear_object (&store);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}

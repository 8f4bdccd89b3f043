/* test-store-impact-random.c — the impact figures against the plain computation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ic_store_compute_impact() reads one row per entry, the change current
 * at the end of the period, with what the write keeps of the changes
 * before it.  Here the same figures are worked out the plain way, from
 * every stage change and the records' own columns, on random histories
 * (changes at the same time, changes long after the period, entries
 * that go back from collaborating, tombstones on every side, shortlists
 * rewritten later) and random periods that need not start or end on a
 * quarter; then once more after the columns are dropped and filled
 * again by the schema step, as on a database upgraded in place.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ic-model-enums.h"
#include "ic-store-impact.h"
#include "test-store-util.h"

#define N_ORGS 8
#define N_CHALLENGES 6
#define N_CAPABILITIES 14
#define N_SHORTLISTS 9

static const char * const clusters[] = { NULL, "aerospace", "rail", "creative" };
static const char * const kinds[] = { "sme", "sme", "large-firm", "university" };

static char *
add (IcStore      *store,
     IcRecordKind  kind,
     const char   *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = ic_record_new_from_json_data (kind, json, -1, &error);

  g_assert_no_error (error);
  g_assert_true (ic_store_insert (store, record, "Fixture", &error));
  g_assert_no_error (error);
  return g_strdup (ic_record_get_id (record));
}

static char *
cluster_json (void)
{
  const char *cluster = clusters[g_test_rand_int_range (0, G_N_ELEMENTS (clusters))];

  return cluster != NULL ? g_strdup_printf ("\"%s\"", cluster) : g_strdup ("null");
}

/* A time from 2024-01 to 2026-09, often on a quarter's first or last day. */
static GDateTime *
random_time (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) origin = g_date_time_new (utc, 2024, 1, 1, 0, 0, 0);

  return g_date_time_add_seconds (origin, g_test_rand_int_range (0, 1000) * 86400.0 +
                                          (g_test_rand_bit () ? 0 : g_test_rand_int_range (0, 86400)));
}

/* One entry's changes in time order: 1–6 of them, some at the same time. */
static void
append_entry (GString    *json,
              const char *capability_id,
              gboolean    first)
{
  g_autoptr(GDateTime) when = random_time ();
  guint n = g_test_rand_int_range (1, 7);

  g_string_append_printf (json, "%s{\"capability_id\":\"%s\",\"stages\":[", first ? "" : ",", capability_id);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *at = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
      int stage = i == 0 ? IC_STAGE_PROPOSED : g_test_rand_int_range (0, IC_STAGE_DECLINED + 1);
      const char *nick = ic_enum_to_nick (IC_TYPE_STAGE, stage);
      GDateTime *next;

      g_string_append_printf (json, "%s{\"stage\":\"%s\",\"at\":\"%s\"", i ? "," : "", nick, at);
      if (stage == IC_STAGE_DECLINED)
        {
          int reason = g_test_rand_int_range (IC_DECLINE_REASON_NOT_RELEVANT, IC_DECLINE_REASON_OTHER + 1);

          g_string_append_printf (json, ",\"reason\":\"%s\"", ic_enum_to_nick (IC_TYPE_DECLINE_REASON, reason));
          if (reason == IC_DECLINE_REASON_OTHER)
            g_string_append (json, ",\"reason_text\":\"Moved away\"");
        }
      g_string_append (json, "}");
      next = g_date_time_add_seconds (when, g_test_rand_int_range (0, 4) == 0
                                            ? 0 : g_test_rand_int_range (1, 200) * 86400.0);
      g_date_time_unref (when);
      when = next;
      /* Now and then a stage set without a change of its own: the write
       * adds one, dated by the write. */
      if (i + 1 == n)
        g_string_append_printf (json, "],\"stage\":\"%s\"}",
                                g_test_rand_int_range (0, 8) == 0
                                ? ic_enum_to_nick (IC_TYPE_STAGE, g_test_rand_int_range (0, IC_STAGE_DECLINED))
                                : nick);
    }
}

static char *
random_shortlist_json (const char  *challenge_id,
                       char       **capabilities)
{
  g_autoptr(GString) json = g_string_new (NULL);
  guint start = g_test_rand_int_range (0, N_CAPABILITIES);
  guint n = g_test_rand_int_range (1, 7);

  g_string_append_printf (json, "{\"name\":\"List\",\"challenge_id\":\"%s\",\"entries\":[", challenge_id);
  for (guint i = 0; i < n; i++)
    append_entry (json, capabilities[(start + i) % N_CAPABILITIES], i == 0);
  g_string_append (json, "]}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
build (IcStore *store)
{
  char *orgs[N_ORGS], *challenges[N_CHALLENGES], *capabilities[N_CAPABILITIES], *shortlists[N_SHORTLISTS];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_ORGS; i++)
    {
      g_autofree char *cluster = cluster_json ();
      g_autofree char *json = g_strdup_printf ("{\"name\":\"Org %u\",\"kind\":\"%s\",\"cluster\":%s}", i,
                                               kinds[g_test_rand_int_range (0, G_N_ELEMENTS (kinds))],
                                               cluster);
      orgs[i] = add (store, IC_RECORD_KIND_ORGANISATION, json);
    }
  for (guint i = 0; i < N_CHALLENGES; i++)
    {
      g_autofree char *cluster = cluster_json ();
      g_autofree char *json = g_strdup_printf ("{\"title\":\"Challenge %u\",\"organisation_id\":\"%s\","
                                               "\"cluster\":%s}", i,
                                               orgs[g_test_rand_int_range (0, N_ORGS)], cluster);
      challenges[i] = add (store, IC_RECORD_KIND_CHALLENGE, json);
    }
  for (guint i = 0; i < N_CAPABILITIES; i++)
    {
      g_autofree char *cluster = cluster_json ();
      g_autofree char *json = g_strdup_printf ("{\"title\":\"Capability %u\",\"organisation_id\":\"%s\","
                                               "\"cluster\":%s}", i,
                                               orgs[g_test_rand_int_range (0, N_ORGS)], cluster);
      capabilities[i] = add (store, IC_RECORD_KIND_CAPABILITY, json);
    }
  for (guint i = 0; i < N_SHORTLISTS; i++)
    {
      g_autofree char *json = random_shortlist_json (challenges[g_test_rand_int_range (0, N_CHALLENGES)],
                                                     capabilities);
      shortlists[i] = add (store, IC_RECORD_KIND_SHORTLIST, json);
    }

  /* One collaboration for certain, in the whole of check_periods()'s
   * span: random histories now and then hold none. */
  {
    g_autofree char *json = g_strdup_printf (
      "{\"name\":\"Certain\",\"challenge_id\":\"%s\",\"entries\":[{\"capability_id\":\"%s\","
      "\"stages\":[{\"stage\":\"proposed\",\"at\":\"2024-03-01T09:00:00Z\"},"
      "{\"stage\":\"collaborating\",\"at\":\"2024-06-03T09:00:00Z\"}],\"stage\":\"collaborating\"}]}",
      challenges[1], capabilities[1]);

    g_free (add (store, IC_RECORD_KIND_SHORTLIST, json));
  }

  /* Two shortlists rewritten with new histories: the write replaces the
   * changes and what is kept with them. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *json = random_shortlist_json (challenges[g_test_rand_int_range (0, N_CHALLENGES)],
                                                     capabilities);
      g_autoptr(IcRecord) old = ic_store_get (store, shortlists[i], &error);
      g_autoptr(IcRecord) record = ic_record_new_from_json_data (IC_RECORD_KIND_SHORTLIST, json, -1, &error);

      g_assert_no_error (error);
      ic_record_set_id (record, shortlists[i]);
      ic_record_set_rev (record, ic_record_get_rev (old));
      g_assert_true (ic_store_update (store, record, "Fixture", &error));
      g_assert_no_error (error);
    }

  /* Tombstones on every side. */
  g_assert_true (ic_store_delete (store, orgs[0], NULL, &error));
  g_assert_true (ic_store_delete (store, challenges[0], NULL, &error));
  g_assert_true (ic_store_delete (store, capabilities[0], NULL, &error));
  g_assert_true (ic_store_delete (store, shortlists[N_SHORTLISTS - 1], NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_ORGS; i++)
    g_free (orgs[i]);
  for (guint i = 0; i < N_CHALLENGES; i++)
    g_free (challenges[i]);
  for (guint i = 0; i < N_CAPABILITIES; i++)
    g_free (capabilities[i]);
  for (guint i = 0; i < N_SHORTLISTS; i++)
    g_free (shortlists[i]);
}

/* Every change of every live entry with what the definitions name: the
 * record's cluster, else its live organisation's, and the organisations'
 * ids and kinds (NULL when tombstoned). */
static const char plain_sql[] =
  "SELECT g.shortlist_id, g.capability_id, g.seq, g.stage, g.at, g.reason,"
  "  COALESCE (NULLIF (ch.cluster, ''), cho.cluster, ''), COALESCE (NULLIF (c.cluster, ''), co.cluster, ''),"
  "  c.organisation_id, co.kind, ch.organisation_id, cho.kind, julianday (g.at)"
  " FROM shortlist_stage AS g"
  " JOIN shortlist AS s ON s.id = g.shortlist_id AND s.deleted = 0"
  " JOIN challenge AS ch ON ch.id = s.challenge_id AND ch.deleted = 0"
  " JOIN capability AS c ON c.id = g.capability_id AND c.deleted = 0"
  " LEFT JOIN organisation AS co ON co.id = c.organisation_id AND co.deleted = 0"
  " LEFT JOIN organisation AS cho ON cho.id = ch.organisation_id AND cho.deleted = 0"
  " ORDER BY g.shortlist_id, g.capability_id, g.seq";

static const char *
text (sqlite3_stmt *stmt,
      int           column)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);

  return value != NULL ? value : "";
}

static int
rank (const char *stage)
{
  static const char * const forward[] = { "proposed", "contacted", "introduced", "meeting-held",
                                          "collaborating" };

  for (guint i = 0; i < G_N_ELEMENTS (forward); i++)
    if (strcmp (stage, forward[i]) == 0)
      return i;
  return -1;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* What one entry counts for, from its changes before the end. */
typedef struct
{
  char   *last_stage, *last_at, *last_reason;
  double  first_day, last_day;
  int     max_rank;
  gboolean active, assisted;
  char   *challenge_cluster, *sme_cluster, *sme_id, *sme_kind, *large_id, *large_kind;
} Entry;

static void
entry_clear (Entry *e)
{
  g_free (e->last_stage);
  g_free (e->last_at);
  g_free (e->last_reason);
  g_free (e->challenge_cluster);
  g_free (e->sme_cluster);
  g_free (e->sme_id);
  g_free (e->sme_kind);
  g_free (e->large_id);
  g_free (e->large_kind);
  memset (e, 0, sizeof *e);
}

static void
count_entry (IcImpact   *impact,
             Entry      *e,
             GHashTable *smes,
             GHashTable *large,
             GHashTable *pairs,
             GArray     *days)
{
  if (e->last_stage == NULL || !e->active)
    return;
  if (impact->cluster != NULL && strcmp (e->challenge_cluster, impact->cluster) != 0 &&
      strcmp (e->sme_cluster, impact->cluster) != 0)
    return;

  if (strcmp (e->last_stage, "collaborating") == 0)
    {
      gboolean across = e->challenge_cluster[0] && e->sme_cluster[0] &&
                        strcmp (e->challenge_cluster, e->sme_cluster) != 0;
      char quarter[8];
      double d = e->last_day - e->first_day;
      g_autofree char *key = g_strconcat (e->challenge_cluster, "\n", e->sme_cluster, NULL);

      impact->collaborations++;
      impact->cross_sector += across;
      ic_impact_quarter_of (e->last_at, quarter);
      for (guint i = 0; i < impact->by_quarter->len; i++)
        {
          IcImpactQuarter *q = &g_array_index (impact->by_quarter, IcImpactQuarter, i);

          if (strcmp (q->quarter, quarter) == 0)
            q->collaborations++, q->cross_sector += across;
        }
      g_array_append_val (days, d);
      g_hash_table_insert (pairs, g_steal_pointer (&key),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (pairs, key)) + 1));
    }
  if (e->assisted && strcmp (e->sme_kind, "sme") == 0)
    g_hash_table_add (smes, g_strdup (e->sme_id));
  if (e->assisted && strcmp (e->large_kind, "large-firm") == 0)
    g_hash_table_add (large, g_strdup (e->large_id));
  for (int k = 0; k <= e->max_rank; k++)
    impact->funnel[k]++;
  if (strcmp (e->last_stage, "declined") == 0)
    {
      int reason = IC_DECLINE_REASON_NONE;

      impact->declined++;
      ic_enum_from_nick (IC_TYPE_DECLINE_REASON, e->last_reason, &reason);
      impact->decline_reasons[reason]++;
    }
}

/* The figures the plain way: every change, entry by entry. */
static void
plain_impact (IcStore  *store,
              IcImpact *impact)
{
  g_autoptr(GHashTable) smes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) large = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *end = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt = NULL;
  Entry e = { 0, };
  GHashTableIter iter;
  gpointer k, v;

  {
    int y, m, d;
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) last = NULL, after = NULL;

    g_assert_cmpint (sscanf (impact->to, "%d-%d-%d", &y, &m, &d), ==, 3);
    last = g_date_time_new (utc, y, m, d, 0, 0, 0);
    after = g_date_time_add_days (last, 1);
    end = g_date_time_format (after, "%Y-%m-%d");
  }

  g_assert_cmpint (sqlite3_prepare_v2 (ic_store_get_db (store), plain_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *this_key = g_strconcat (text (stmt, 0), "\n", text (stmt, 1), NULL);
      const char *stage = text (stmt, 3), *at = text (stmt, 4);

      if (key == NULL || strcmp (key, this_key) != 0)
        {
          count_entry (impact, &e, smes, large, pairs, days);
          entry_clear (&e);
          g_free (key);
          key = g_strdup (this_key);
          e.max_rank = -1;
          e.first_day = sqlite3_column_double (stmt, 12);
          e.challenge_cluster = g_strdup (text (stmt, 6));
          e.sme_cluster = g_strdup (text (stmt, 7));
          e.sme_id = g_strdup (text (stmt, 8));
          e.sme_kind = g_strdup (text (stmt, 9));
          e.large_id = g_strdup (text (stmt, 10));
          e.large_kind = g_strdup (text (stmt, 11));
        }
      if (strcmp (at, end) >= 0)
        continue;
      g_free (e.last_stage);
      g_free (e.last_at);
      g_free (e.last_reason);
      e.last_stage = g_strdup (stage);
      e.last_at = g_strdup (at);
      e.last_reason = g_strdup (text (stmt, 5));
      e.last_day = sqlite3_column_double (stmt, 12);
      e.max_rank = MAX (e.max_rank, rank (stage));
      if (strcmp (at, impact->from) >= 0)
        {
          e.active = TRUE;
          e.assisted |= rank (stage) >= 1;
        }
    }
  count_entry (impact, &e, smes, large, pairs, days);
  entry_clear (&e);
  sqlite3_finalize (stmt);

  impact->smes_assisted = g_hash_table_size (smes);
  impact->organisations_engaged = g_hash_table_size (large);
  if (days->len > 0)
    {
      g_array_sort (days, compare_doubles);
      impact->median_days = days->len % 2
                            ? g_array_index (days, double, days->len / 2)
                            : (g_array_index (days, double, days->len / 2 - 1) +
                               g_array_index (days, double, days->len / 2)) / 2;
    }
  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      g_auto(GStrv) sides = g_strsplit (k, "\n", 2);
      IcImpactPair *pair = g_new0 (IcImpactPair, 1);

      pair->challenge_cluster = g_strdup (sides[0]);
      pair->sme_cluster = g_strdup (sides[1]);
      pair->collaborations = GPOINTER_TO_UINT (v);
      g_ptr_array_add (impact->pairs, pair);
    }
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const IcImpactPair *x = *(IcImpactPair * const *) a;
  const IcImpactPair *y = *(IcImpactPair * const *) b;
  int c = strcmp (x->challenge_cluster, y->challenge_cluster);

  return c != 0 ? c : strcmp (x->sme_cluster, y->sme_cluster);
}

static void
check_period (IcStore    *store,
              const char *from,
              const char *to,
              const char *cluster)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImpact) fast = ic_store_compute_impact (store, from, to, cluster, "2026-12-31", &error);
  g_autoptr(IcImpact) plain = ic_store_compute_impact (store, from, to, cluster, "2026-12-31", &error);

  g_assert_no_error (error);
  /* Keep the period, quarters and meetings; count the rest again. */
  plain->collaborations = plain->cross_sector = plain->smes_assisted = 0;
  plain->organisations_engaged = plain->declined = 0;
  plain->median_days = NAN;
  memset (plain->funnel, 0, sizeof plain->funnel);
  memset (plain->decline_reasons, 0, sizeof plain->decline_reasons);
  for (guint i = 0; i < plain->by_quarter->len; i++)
    {
      g_array_index (plain->by_quarter, IcImpactQuarter, i).collaborations = 0;
      g_array_index (plain->by_quarter, IcImpactQuarter, i).cross_sector = 0;
    }
  g_ptr_array_set_size (plain->pairs, 0);
  plain_impact (store, plain);
  g_ptr_array_sort (plain->pairs, compare_pairs);

  g_test_message ("%s … %s %s: %u collaborations", from, to, cluster ? cluster : "", fast->collaborations);
  g_assert_cmpuint (fast->collaborations, ==, plain->collaborations);
  g_assert_cmpuint (fast->cross_sector, ==, plain->cross_sector);
  g_assert_cmpuint (fast->smes_assisted, ==, plain->smes_assisted);
  g_assert_cmpuint (fast->organisations_engaged, ==, plain->organisations_engaged);
  g_assert_cmpuint (fast->declined, ==, plain->declined);
  for (guint i = 0; i < IC_IMPACT_N_FUNNEL; i++)
    g_assert_cmpuint (fast->funnel[i], ==, plain->funnel[i]);
  for (guint i = 0; i < G_N_ELEMENTS (fast->decline_reasons); i++)
    g_assert_cmpuint (fast->decline_reasons[i], ==, plain->decline_reasons[i]);
  if (isnan (plain->median_days))
    g_assert_true (isnan (fast->median_days));
  else
    g_assert_cmpfloat (fast->median_days, ==, plain->median_days);
  g_assert_cmpuint (fast->by_quarter->len, ==, plain->by_quarter->len);
  for (guint i = 0; i < fast->by_quarter->len; i++)
    {
      IcImpactQuarter *a = &g_array_index (fast->by_quarter, IcImpactQuarter, i);
      IcImpactQuarter *b = &g_array_index (plain->by_quarter, IcImpactQuarter, i);

      g_assert_cmpstr (a->quarter, ==, b->quarter);
      g_assert_cmpuint (a->collaborations, ==, b->collaborations);
      g_assert_cmpuint (a->cross_sector, ==, b->cross_sector);
    }
  g_assert_cmpuint (fast->pairs->len, ==, plain->pairs->len);
  for (guint i = 0; i < fast->pairs->len; i++)
    {
      IcImpactPair *a = g_ptr_array_index (fast->pairs, i);
      IcImpactPair *b = g_ptr_array_index (plain->pairs, i);

      g_assert_cmpstr (a->challenge_cluster, ==, b->challenge_cluster);
      g_assert_cmpstr (a->sme_cluster, ==, b->sme_cluster);
      g_assert_cmpuint (a->collaborations, ==, b->collaborations);
    }
}

/* Random periods, a few whole quarters and a one-day period among them. */
static guint
check_periods (IcStore *store)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) origin = g_date_time_new (utc, 2023, 12, 1, 0, 0, 0);
  g_autoptr(IcImpact) whole = ic_store_compute_impact (store, "2024-01-01", "2026-12-31", NULL, "2026-12-31", NULL);
  guint collaborations = whole->collaborations;

  check_period (store, "2025-01-01", "2025-03-31", NULL);
  check_period (store, "2024-01-01", "2026-12-31", NULL);
  check_period (store, "2025-05-17", "2025-05-17", NULL);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GDateTime) first = g_date_time_add_days (origin, g_test_rand_int_range (0, 1000));
      g_autoptr(GDateTime) last = g_date_time_add_days (first, g_test_rand_int_range (0, 800));
      g_autofree char *from = g_date_time_format (first, "%Y-%m-%d");
      g_autofree char *to = g_date_time_format (last, "%Y-%m-%d");
      const char *cluster = i % 3 == 0 ? clusters[g_test_rand_int_range (1, G_N_ELEMENTS (clusters))] : NULL;
      g_autoptr(IcImpact) impact = ic_store_compute_impact (store, from, to, NULL, "2026-12-31", NULL);

      check_period (store, from, to, cluster);
      collaborations += impact->collaborations;
    }
  return collaborations;
}

static void
test_impact_random (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* The step that keeps those columns is the last one. */
  g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %u", ic_store_get_latest_schema_version () - 1);
  sqlite3 *db = NULL;

  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *path = g_strdup_printf ("%s/random-%u.db", f->dir, round);
      g_autoptr(IcStore) store = ic_store_open (path, IC_STORE_OPEN_CREATE, &error);
      g_autoptr(IcStore) upgraded = NULL;
      guint before, after;

      g_assert_no_error (error);
      build (store);
      before = check_periods (store);
      /* Something to compare, or the test says nothing. */
      g_assert_cmpuint (before, >, 0);
      g_clear_object (&store);

      /* The kept columns dropped and the schema step run again. */
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db,
                                     "DROP INDEX shortlist_stage_period;"
                                     "ALTER TABLE shortlist_stage DROP COLUMN next_at;"
                                     "ALTER TABLE shortlist_stage DROP COLUMN first_at;"
                                     "ALTER TABLE shortlist_stage DROP COLUMN reached;"
                                     "ALTER TABLE shortlist_stage DROP COLUMN assisted_at;",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, version, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      upgraded = ic_store_open (path, IC_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      after = check_periods (upgraded);
      g_assert_cmpuint (after, >, 0);
    }
}

void
test_store_add_impact_random_tests (void)
{
  TEST_ADD ("impact/random", test_impact_random);
}

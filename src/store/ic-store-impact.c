/* ic-store-impact.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entry in scope is one row: its change current at the end of the
 * period, which carries the furthest stage reached, the last move to
 * contacted or later and the first change up to it (kept by the
 * shortlist's write); a second query reads the meetings of the events
 * held.  The distinct organisations, quarters and the median are
 * counted here from those rows.  The changes of an entry are in time
 * order by seq, so its latest change before a time is the one whose
 * next change is not before it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ic-model-enums.h"
#include "ic-store-impact.h"
#include "ic-store-private.h"

#define CLUSTER_OF(RECORD, ORG) "COALESCE (NULLIF (" RECORD ".cluster, ''), " ORG ".cluster, '')"

/* The live organisations: id, kind, cluster. */
static const char organisations_sql[] =
  "SELECT id, kind, cluster FROM organisation WHERE deleted = 0";

/* The live shortlists of live challenges: id, the challenge's cluster
 * and organisation. */
static const char shortlists_sql[] =
  "SELECT s.id, ch.cluster, ch.organisation_id"
  " FROM shortlist AS s JOIN challenge AS ch ON ch.id = s.challenge_id AND ch.deleted = 0"
  " WHERE s.deleted = 0";

/* ?1 the first day, ?2 the day after the last.  One row per entry with
 * a change in the period: its change current at the end of the period
 * (made before the end, the next one not).  The columns kept with each
 * change (schema version 15) give the furthest stage reached and the
 * last move to contacted or later up to it, and the entry's first
 * change.  The shortlists and organisations, a few thousand, are looked
 * up in tables read once (read_sides()), not once per entry. */
static const char entries_sql[] =
  "SELECT g.shortlist_id, g.stage, g.at, julianday (g.at) - julianday (g.first_at),"
  "  g.reached, g.assisted_at >= ?1, g.reason, c.cluster, c.organisation_id"
  " FROM shortlist_stage AS g"
  " JOIN capability AS c ON c.id = g.capability_id AND c.deleted = 0"
  " WHERE g.at >= ?1 AND g.at < ?2 AND (g.next_at IS NULL OR g.next_at >= ?2)";

/* ?1 the first day, ?2 the last day (or today if earlier), ?3 the cluster or NULL.
 * One row per meeting of a held event, or one with NULLs for an event with none. */
static const char meetings_sql[] =
  "SELECT e.id, m.key,"
  "  a.id, a.kind, b.id, b.kind,"
  "  " CLUSTER_OF ("ch", "a") " AS challenge_cluster,"
  "  " CLUSTER_OF ("c", "b") " AS sme_cluster"
  " FROM event AS e"
  " LEFT JOIN json_each (e.schedule, '$.meetings') AS m"
  " LEFT JOIN organisation AS a"
  "  ON a.id = json_extract (m.value, '$.challenge_organisation_id') AND a.deleted = 0"
  " LEFT JOIN organisation AS b"
  "  ON b.id = json_extract (m.value, '$.capability_organisation_id') AND b.deleted = 0"
  " LEFT JOIN challenge AS ch ON ch.id = json_extract (m.value, '$.challenge_id') AND ch.deleted = 0"
  " LEFT JOIN capability AS c ON c.id = json_extract (m.value, '$.capability_id') AND c.deleted = 0"
  " WHERE e.deleted = 0"
  "  AND json_extract (e.body, '$.date') BETWEEN ?1 AND ?2"
  "  AND (?3 IS NULL OR (m.key IS NOT NULL AND"
  "       (" CLUSTER_OF ("ch", "a") " = ?3 OR " CLUSTER_OF ("c", "b") " = ?3)))";

void
ic_impact_free (IcImpact *impact)
{
  if (impact == NULL)
    return;
  g_free (impact->from);
  g_free (impact->to);
  g_free (impact->cluster);
  g_clear_pointer (&impact->by_quarter, g_array_unref);
  g_clear_pointer (&impact->pairs, g_ptr_array_unref);
  g_free (impact);
}

static void
pair_free (gpointer data)
{
  IcImpactPair *pair = data;

  g_free (pair->challenge_cluster);
  g_free (pair->sme_cluster);
  g_free (pair);
}

void
ic_impact_quarter_of (const char *date,
                      char        quarter[8])
{
  int year = 0, month = 1;

  if (date == NULL || sscanf (date, "%4d-%2d", &year, &month) != 2 || month < 1 || month > 12)
    year = 0, month = 1;
  g_snprintf (quarter, 8, "%04d-Q%d", year, (month - 1) / 3 + 1);
}

/* A real date written YYYY-MM-DD. */
static GDateTime *
parse_day (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int year, month, day;
  char end;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3)
    return NULL;
  return g_date_time_new (utc, year, month, day, 0, 0, 0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
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

static const char *
column_text (IcStoreStmt *stmt,
             int          column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Every quarter from @from's to @to's, with nothing counted yet. */
static GArray *
new_quarters (const char *from,
              const char *to)
{
  GArray *quarters = g_array_new (FALSE, TRUE, sizeof (IcImpactQuarter));
  int year, month, last_year, last_month;

  sscanf (from, "%4d-%2d", &year, &month);
  sscanf (to, "%4d-%2d", &last_year, &last_month);
  month = (month - 1) / 3 * 3 + 1;
  while (year < last_year || (year == last_year && month <= last_month))
    {
      IcImpactQuarter quarter = { { 0, }, 0, 0 };

      g_snprintf (quarter.quarter, sizeof quarter.quarter, "%04d-Q%d", year, (month - 1) / 3 + 1);
      g_array_append_val (quarters, quarter);
      month += 3;
      if (month > 12)
        month -= 12, year++;
    }
  return quarters;
}

/* The quarters run on from the first's, one after the other. */
static IcImpactQuarter *
find_quarter (GArray     *quarters,
              const char *at)
{
  int year, month, first_year, first_quarter;
  gint64 i;

  if (quarters->len == 0 || sscanf (at, "%4d-%2d", &year, &month) != 2 || month < 1 || month > 12 ||
      sscanf (g_array_index (quarters, IcImpactQuarter, 0).quarter, "%4d-Q%d",
              &first_year, &first_quarter) != 2)
    return NULL;
  i = (gint64) (year - first_year) * 4 + (month - 1) / 3 - (first_quarter - 1);
  return i >= 0 && i < quarters->len ? &g_array_index (quarters, IcImpactQuarter, i) : NULL;
}

/* A set of ids that copies each one once. */
static void
add_id (GHashTable *set,
        const char *id)
{
  if (!g_hash_table_contains (set, id))
    g_hash_table_add (set, g_strdup (id));
}

static void
count_pair (GHashTable *pairs,
            const char *challenge_cluster,
            const char *sme_cluster)
{
  g_autofree char *key = g_strconcat (challenge_cluster, "\n", sme_cluster, NULL);
  IcImpactPair *pair = g_hash_table_lookup (pairs, key);

  if (pair == NULL)
    {
      pair = g_new0 (IcImpactPair, 1);
      pair->challenge_cluster = g_strdup (challenge_cluster);
      pair->sme_cluster = g_strdup (sme_cluster);
      g_hash_table_insert (pairs, g_steal_pointer (&key), pair);
    }
  pair->collaborations++;
}

typedef struct
{
  char *kind;
  char *cluster;
} Organisation;

typedef struct
{
  char *cluster;                /* the challenge's, else its organisation's, else "" */
  char *organisation_id;        /* "" when the challenge names none */
  const Organisation *organisation;
} Shortlist;

static void
organisation_free (gpointer data)
{
  Organisation *organisation = data;

  g_free (organisation->kind);
  g_free (organisation->cluster);
  g_free (organisation);
}

static void
shortlist_free (gpointer data)
{
  Shortlist *shortlist = data;

  g_free (shortlist->cluster);
  g_free (shortlist->organisation_id);
  g_free (shortlist);
}

/* A record's cluster, else its live organisation's, else "". */
static const char *
cluster_of (const char         *own,
            const Organisation *organisation)
{
  if (own[0] != '\0')
    return own;
  return organisation != NULL ? organisation->cluster : "";
}

/* The live organisations and shortlists, by id. */
static gboolean
read_sides (IcStore     *self,
            GHashTable  *organisations,
            GHashTable  *shortlists,
            GError     **error)
{
  g_autoptr(IcStoreStmt) orgs = ic_store_prepare (self, organisations_sql, error);
  g_autoptr(IcStoreStmt) lists = NULL;
  int rc;

  if (orgs == NULL)
    return FALSE;
  while ((rc = sqlite3_step (orgs)) == SQLITE_ROW)
    {
      Organisation *organisation = g_new0 (Organisation, 1);

      organisation->kind = g_strdup (column_text (orgs, 1));
      organisation->cluster = g_strdup (column_text (orgs, 2));
      g_hash_table_insert (organisations, g_strdup (column_text (orgs, 0)), organisation);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }

  lists = ic_store_prepare (self, shortlists_sql, error);
  if (lists == NULL)
    return FALSE;
  while ((rc = sqlite3_step (lists)) == SQLITE_ROW)
    {
      Shortlist *shortlist = g_new0 (Shortlist, 1);

      shortlist->organisation_id = g_strdup (column_text (lists, 2));
      shortlist->organisation = g_hash_table_lookup (organisations, shortlist->organisation_id);
      shortlist->cluster = g_strdup (cluster_of (column_text (lists, 1), shortlist->organisation));
      g_hash_table_insert (shortlists, g_strdup (column_text (lists, 0)), shortlist);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_entries (IcStore     *self,
              IcImpact    *impact,
              const char  *end,
              GHashTable  *smes,
              GHashTable  *large,
              GError     **error)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) organisations =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, organisation_free);
  g_autoptr(GHashTable) shortlists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shortlist_free);
  g_autoptr(IcStoreStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer value;
  int rc;

  if (!read_sides (self, organisations, shortlists, error))
    return FALSE;
  stmt = ic_store_prepare (self, entries_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, impact->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const Shortlist *shortlist = g_hash_table_lookup (shortlists, column_text (stmt, 0));
      const char *stage = column_text (stmt, 1);
      const char *at = column_text (stmt, 2);
      int max_rank = sqlite3_column_int (stmt, 4);
      gboolean assisted = sqlite3_column_int (stmt, 5) != 0;
      const char *sme_id = column_text (stmt, 8);
      const Organisation *sme = g_hash_table_lookup (organisations, sme_id);
      const char *challenge_cluster, *sme_cluster;

      if (shortlist == NULL)
        continue;
      challenge_cluster = shortlist->cluster;
      sme_cluster = cluster_of (column_text (stmt, 7), sme);
      /* An entry counts for a cluster if either side is in it. */
      if (impact->cluster != NULL && strcmp (challenge_cluster, impact->cluster) != 0 &&
          strcmp (sme_cluster, impact->cluster) != 0)
        continue;

      if (strcmp (stage, "collaborating") == 0)
        {
          gboolean across = challenge_cluster[0] != '\0' && sme_cluster[0] != '\0' &&
                            strcmp (challenge_cluster, sme_cluster) != 0;
          IcImpactQuarter *quarter = find_quarter (impact->by_quarter, at);
          double d = sqlite3_column_double (stmt, 3);

          impact->collaborations++;
          impact->cross_sector += across;
          if (quarter != NULL)
            {
              quarter->collaborations++;
              quarter->cross_sector += across;
            }
          g_array_append_val (days, d);
          count_pair (pairs, challenge_cluster, sme_cluster);
        }

      if (assisted && sme != NULL && strcmp (sme->kind, "sme") == 0)
        add_id (smes, sme_id);
      if (assisted && shortlist->organisation != NULL &&
          strcmp (shortlist->organisation->kind, "large-firm") == 0)
        add_id (large, shortlist->organisation_id);

      for (int k = 0; k <= max_rank && k < IC_IMPACT_N_FUNNEL; k++)
        impact->funnel[k]++;

      /* Declined at the end, by a decline in the period. */
      if (strcmp (stage, "declined") == 0)
        {
          int reason = IC_DECLINE_REASON_NONE;

          impact->declined++;
          ic_enum_from_nick (IC_TYPE_DECLINE_REASON, column_text (stmt, 6), &reason);
          impact->decline_reasons[reason]++;
        }
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }

  if (days->len > 0)
    {
      g_array_sort (days, compare_doubles);
      impact->median_days = days->len % 2
                            ? g_array_index (days, double, days->len / 2)
                            : (g_array_index (days, double, days->len / 2 - 1) +
                               g_array_index (days, double, days->len / 2)) / 2;
    }

  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (impact->pairs, value);
  g_ptr_array_sort (impact->pairs, compare_pairs);
  return TRUE;
}

static gboolean
read_meetings (IcStore     *self,
               IcImpact    *impact,
               const char  *last_day,
               GHashTable  *smes,
               GHashTable  *large,
               GError     **error)
{
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, meetings_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, impact->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_day, -1, SQLITE_TRANSIENT);
  if (impact->cluster != NULL)
    sqlite3_bind_text (stmt, 3, impact->cluster, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_hash_table_add (events, g_strdup (column_text (stmt, 0)));
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        continue;
      impact->meetings++;
      if (strcmp (column_text (stmt, 3), "large-firm") == 0)
        g_hash_table_add (large, g_strdup (column_text (stmt, 2)));
      if (strcmp (column_text (stmt, 5), "sme") == 0)
        g_hash_table_add (smes, g_strdup (column_text (stmt, 4)));
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }
  impact->events = g_hash_table_size (events);
  return TRUE;
}

IcImpact *
ic_store_compute_impact (IcStore     *self,
                         const char  *from,
                         const char  *to,
                         const char  *cluster,
                         const char  *today,
                         GError     **error)
{
  g_autoptr(IcImpact) impact = NULL;
  g_autoptr(GDateTime) first = parse_day (from);
  g_autoptr(GDateTime) last = parse_day (to);
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GHashTable) smes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) large = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *end = NULL;
  g_autofree char *now_day = g_date_time_format (now, "%Y-%m-%d");
  const char *last_held;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  if (first == NULL || last == NULL)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), first == NULL ? (from ? from : "") : to ? to : "");
      return NULL;
    }
  if (g_date_time_compare (first, last) > 0)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID,
                   _("The period ends (%s) before it starts (%s)"), to, from);
      return NULL;
    }
  after = g_date_time_add_days (last, 1);
  end = g_date_time_format (after, "%Y-%m-%d");
  if (today == NULL)
    today = now_day;
  last_held = strcmp (today, to) < 0 ? today : to;

  impact = g_new0 (IcImpact, 1);
  impact->from = g_strdup (from);
  impact->to = g_strdup (to);
  impact->cluster = cluster != NULL && cluster[0] != '\0' ? g_strdup (cluster) : NULL;
  impact->median_days = NAN;
  impact->by_quarter = new_quarters (from, to);
  impact->pairs = g_ptr_array_new_with_free_func (pair_free);

  if (!read_entries (self, impact, end, smes, large, error) ||
      !read_meetings (self, impact, last_held, smes, large, error))
    return NULL;
  impact->smes_assisted = g_hash_table_size (smes);
  impact->organisations_engaged = g_hash_table_size (large);
  return g_steal_pointer (&impact);
}

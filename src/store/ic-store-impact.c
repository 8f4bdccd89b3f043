/* ic-store-impact.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One aggregate over the stage changes made before the end of the
 * period gives each entry in scope its latest change, its last move to
 * collaborating, the furthest stage it reached and its last decline; a
 * second query reads the meetings of the events held.  The distinct
 * organisations, quarters and the median are counted here from those
 * rows.  The changes of an entry are in time order by seq, so "latest"
 * is the highest seq.
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

/* ?1 the first day, ?2 the day after the last, ?3 the cluster or NULL. */
static const char entries_sql[] =
  "WITH agg AS ("
  " SELECT g.shortlist_id AS sl, g.capability_id AS cap,"
  "  MAX (g.seq) AS last_seq,"
  "  MAX (CASE WHEN g.stage = 'collaborating' THEN g.seq END) AS collab_seq,"
  "  MAX (CASE WHEN g.stage = 'collaborating' THEN g.at END) AS collab_at,"
  "  MIN (g.at) AS first_at,"
  "  MAX (CASE g.stage WHEN 'proposed' THEN 0 WHEN 'contacted' THEN 1 WHEN 'introduced' THEN 2"
  "       WHEN 'meeting-held' THEN 3 WHEN 'collaborating' THEN 4 ELSE -1 END) AS max_rank,"
  "  MAX (g.at >= ?1) AS active,"
  "  MAX (g.at >= ?1 AND g.stage IN ('contacted', 'introduced', 'meeting-held', 'collaborating'))"
  "   AS assisted,"
  /* The last decline: its seq, time and reason, in one comparable text. */
  "  MAX (CASE WHEN g.stage = 'declined' THEN printf ('%09d %s %s', g.seq, g.at, g.reason) END)"
  "   AS last_decline"
  " FROM shortlist_stage AS g"
  " WHERE g.at < ?2"
  " GROUP BY g.shortlist_id, g.capability_id"
  /* An entry with no change in the period counts for nothing. */
  " HAVING MAX (g.at >= ?1))"
  " SELECT agg.last_seq, agg.collab_seq, agg.collab_at,"
  "  julianday (agg.collab_at) - julianday (agg.first_at),"
  "  agg.max_rank, agg.active, agg.assisted, agg.last_decline,"
  "  " CLUSTER_OF ("ch", "cho") ", " CLUSTER_OF ("c", "co") ","
  "  c.organisation_id, co.kind, ch.organisation_id, cho.kind"
  " FROM agg"
  " JOIN shortlist AS s ON s.id = agg.sl AND s.deleted = 0"
  " JOIN challenge AS ch ON ch.id = s.challenge_id AND ch.deleted = 0"
  " JOIN capability AS c ON c.id = agg.cap AND c.deleted = 0"
  " LEFT JOIN organisation AS co ON co.id = c.organisation_id AND co.deleted = 0"
  " LEFT JOIN organisation AS cho ON cho.id = ch.organisation_id AND cho.deleted = 0"
  " WHERE ?3 IS NULL OR " CLUSTER_OF ("ch", "cho") " = ?3 OR " CLUSTER_OF ("c", "co") " = ?3";

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

static IcImpactQuarter *
find_quarter (GArray     *quarters,
              const char *at)
{
  char quarter[8];

  ic_impact_quarter_of (at, quarter);
  for (guint i = 0; i < quarters->len; i++)
    if (strcmp (g_array_index (quarters, IcImpactQuarter, i).quarter, quarter) == 0)
      return &g_array_index (quarters, IcImpactQuarter, i);
  return NULL;
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
  g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, entries_sql, error);
  GHashTableIter iter;
  gpointer value;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, impact->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);
  if (impact->cluster != NULL)
    sqlite3_bind_text (stmt, 3, impact->cluster, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 last_seq = sqlite3_column_int64 (stmt, 0);
      gboolean collaborating = sqlite3_column_type (stmt, 1) != SQLITE_NULL &&
                               sqlite3_column_int64 (stmt, 1) == last_seq;
      const char *collab_at = column_text (stmt, 2);
      int max_rank = sqlite3_column_int (stmt, 4);
      gboolean active = sqlite3_column_int (stmt, 5) != 0;
      gboolean assisted = sqlite3_column_int (stmt, 6) != 0;
      const char *last_decline = column_text (stmt, 7);
      const char *challenge_cluster = column_text (stmt, 8);
      const char *sme_cluster = column_text (stmt, 9);
      const char *sme_id = column_text (stmt, 10);
      const char *sme_kind = column_text (stmt, 11);
      const char *large_id = column_text (stmt, 12);
      const char *large_kind = column_text (stmt, 13);

      if (collaborating && strcmp (collab_at, impact->from) >= 0)
        {
          gboolean across = challenge_cluster[0] != '\0' && sme_cluster[0] != '\0' &&
                            strcmp (challenge_cluster, sme_cluster) != 0;
          IcImpactQuarter *quarter = find_quarter (impact->by_quarter, collab_at);
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

      if (assisted && sme_id[0] != '\0' && strcmp (sme_kind, "sme") == 0)
        g_hash_table_add (smes, g_strdup (sme_id));
      if (assisted && large_id[0] != '\0' && strcmp (large_kind, "large-firm") == 0)
        g_hash_table_add (large, g_strdup (large_id));

      if (active)
        for (int k = 0; k <= max_rank && k < IC_IMPACT_N_FUNNEL; k++)
          impact->funnel[k]++;

      /* "SEQ AT REASON": declined at the end, by a decline in the period. */
      if (last_decline[0] != '\0' && g_ascii_strtoll (last_decline, NULL, 10) == last_seq)
        {
          const char *at = strchr (last_decline, ' ') + 1;
          const char *reason_nick = strchr (at, ' ');
          int reason = IC_DECLINE_REASON_NONE;

          if (active)
            impact->declined++;
          if (reason_nick != NULL && strncmp (at, impact->from, strlen (impact->from)) >= 0)
            {
              ic_enum_from_nick (IC_TYPE_DECLINE_REASON, reason_nick + 1, &reason);
              impact->decline_reasons[reason]++;
            }
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

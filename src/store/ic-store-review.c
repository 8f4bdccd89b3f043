/* ic-store-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each question is one query for the items (oldest first, up to the
 * limit) and one for their number.  The stale records are read through
 * each table's updated_at index, the open challenges through their
 * status index, the stage changes through their own table and the
 * shortlist entries through their capability_id index.  The items are
 * ordered by their time alone, so that the index gives them in order
 * (records of the same time in the order they were written) and no
 * query sorts all that match.
 */

#include "config.h"

#include "ic-store-review.h"
#include "ic-store-private.h"

const char *
ic_review_reason_to_string (IcReviewReason reason)
{
  static const char * const names[] = { "stale", "past-deadline", "stuck", "never-matched" };

  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (names), NULL);
  return names[reason];
}

void
ic_review_item_free (IcReviewItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->title);
  g_free (item->since);
  g_free (item->capability_id);
  g_free (item->stage);
  g_free (item->capability_title);
  g_free (item);
}

void
ic_review_free (IcReview *review)
{
  if (review == NULL)
    return;
  for (guint i = 0; i < IC_N_REVIEW_REASONS; i++)
    g_clear_pointer (&review->items[i], g_ptr_array_unref);
  g_free (review);
}

/* Columns: kind (int), id, title, since, capability_id, stage; ?1 the
 * cut-off or today, ?2 the limit. */
/* Each table's oldest through its updated_at index, up to the limit,
 * then the oldest of those: no sort of every stale record. */
static const char stale_sql[] =
  "SELECT * FROM ("
  " SELECT * FROM (SELECT 0 AS kind, id, name AS title, updated_at AS since, NULL, NULL FROM organisation"
  "  WHERE updated_at < ?1 AND deleted = 0 ORDER BY updated_at LIMIT ?2)"
  " UNION ALL SELECT * FROM (SELECT 1, id, title, updated_at, NULL, NULL FROM challenge"
  "  WHERE updated_at < ?1 AND deleted = 0 ORDER BY updated_at LIMIT ?2)"
  " UNION ALL SELECT * FROM (SELECT 2, id, title, updated_at, NULL, NULL FROM capability"
  "  WHERE updated_at < ?1 AND deleted = 0 ORDER BY updated_at LIMIT ?2))"
  " ORDER BY since LIMIT ?2";
/* Counted from the updated_at indexes alone, less the tombstones (few,
 * found through their partial index): "deleted = 0" on each row would
 * read the whole table. */
#define STALE_COUNT(TABLE) \
  "(SELECT count (*) FROM " TABLE " WHERE updated_at < ?1)" \
  " - (SELECT count (*) FROM " TABLE " WHERE deleted AND updated_at < ?1)"
static const char stale_count_sql[] =
  "SELECT " STALE_COUNT ("organisation") " + " STALE_COUNT ("challenge") " + " STALE_COUNT ("capability");

static const char deadline_sql[] =
  "SELECT 1, id, title, deadline, NULL, NULL FROM challenge"
  " WHERE status = 'open' AND deleted = 0 AND deadline IS NOT NULL AND deadline != ''"
  " AND deadline < ?1 ORDER BY deadline, id LIMIT ?2";
static const char deadline_count_sql[] =
  "SELECT count (*) FROM challenge WHERE status = 'open' AND deleted = 0"
  " AND deadline IS NOT NULL AND deadline != '' AND deadline < ?1";

/* The latest change of each entry, if it is older than the cut-off
 * and not at a stage where an entry rests. */
#define STUCK_FROM \
  " FROM shortlist_stage AS st JOIN shortlist AS s ON s.id = st.shortlist_id" \
  " WHERE s.deleted = 0 AND st.at < ?1 AND st.stage NOT IN ('collaborating', 'declined')" \
  " AND st.seq = (SELECT max (seq) FROM shortlist_stage AS l" \
  "   WHERE l.shortlist_id = st.shortlist_id AND l.capability_id = st.capability_id)" \
  " AND EXISTS (SELECT 1 FROM shortlist_entry AS e" \
  "   WHERE e.shortlist_id = st.shortlist_id AND e.capability_id = st.capability_id)"
static const char stuck_sql[] =
  "SELECT 4, s.id, s.name, st.at, st.capability_id, st.stage,"
  "  (SELECT c.title FROM capability AS c WHERE c.id = st.capability_id)" STUCK_FROM
  " ORDER BY st.at LIMIT ?2";
static const char stuck_count_sql[] = "SELECT count (*)" STUCK_FROM;

#define NEVER_FROM \
  " FROM capability AS c WHERE c.deleted = 0 AND NOT EXISTS (" \
  "  SELECT 1 FROM shortlist_entry AS e JOIN shortlist AS s ON s.id = e.shortlist_id" \
  "  WHERE e.capability_id = c.id AND s.deleted = 0)"
static const char never_sql[] =
  "SELECT 2, c.id, c.title, c.updated_at, NULL, NULL" NEVER_FROM
  " AND ?1 IS NOT NULL ORDER BY c.updated_at LIMIT ?2";
/* The live capabilities less those on a live shortlist, from the
 * indexes and the shortlists' entries rather than every capability. */
static const char never_count_sql[] =
  "SELECT (SELECT count (*) FROM capability) - (SELECT count (*) FROM capability WHERE deleted)"
  " - (SELECT count (DISTINCT e.capability_id) FROM shortlist_entry AS e"
  "    JOIN shortlist AS s ON s.id = e.shortlist_id"
  "    WHERE s.deleted = 0 AND e.capability_id IN (SELECT id FROM capability)"
  "    AND e.capability_id NOT IN (SELECT id FROM capability WHERE deleted))"
  " + 0 * length (?1)";

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
ask (IcStore         *self,
     IcReview        *review,
     IcReviewReason   reason,
     const char      *items_sql,
     const char      *count_sql,
     const char      *bound,
     guint            limit,
     GError         **error)
{
  g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, items_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  review->items[reason] = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_review_item_free);
  sqlite3_bind_text (stmt, 1, bound, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcReviewItem *item = g_new0 (IcReviewItem, 1);

      item->reason = reason;
      item->kind = sqlite3_column_int (stmt, 0);
      item->id = dup_column (stmt, 1);
      item->title = dup_column (stmt, 2);
      item->since = dup_column (stmt, 3);
      item->capability_id = dup_column (stmt, 4);
      item->stage = dup_column (stmt, 5);
      if (sqlite3_column_count (stmt) > 6)
        item->capability_title = dup_column (stmt, 6);
      g_ptr_array_add (review->items[reason], item);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }
  ic_store_stmt_release (g_steal_pointer (&stmt));

  stmt = ic_store_prepare (self, count_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bound, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }
  review->counts[reason] = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* @now less @days, in the stored form of updated_at. */
static char *
days_before (GDateTime *now,
             guint      days)
{
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -(gint) days);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%S.%fZ");
}

IcReview *
ic_store_review (IcStore               *self,
                 const IcReviewOptions *options,
                 GError               **error)
{
  g_autoptr(IcReview) review = g_new0 (IcReview, 1);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stale_cutoff = NULL, *stuck_cutoff = NULL, *today = NULL;
  IcReviewOptions defaults = { 0 };
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  if (options == NULL)
    options = &defaults;
  now = options->now != NULL ? g_date_time_new_from_iso8601 (options->now, NULL) : g_date_time_new_now_utc ();
  if (now == NULL)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID,
                   "“%s” is not an RFC 3339 time", options->now);
      return NULL;
    }
  stale_cutoff = days_before (now, options->stale_days > 0 ? options->stale_days : 365);
  stuck_cutoff = days_before (now, options->stuck_days > 0 ? options->stuck_days : 30);
  today = g_date_time_format (now, "%Y-%m-%d");

  /* One read, so that the four answers are of one state of the store. */
  own_transaction = sqlite3_get_autocommit (ic_store_get_db (self));
  if (own_transaction && !ic_store_db_exec (ic_store_get_db (self), "BEGIN", error))
    return NULL;
  ok = ask (self, review, IC_REVIEW_STALE, stale_sql, stale_count_sql, stale_cutoff, options->limit, error) &&
       ask (self, review, IC_REVIEW_PAST_DEADLINE, deadline_sql, deadline_count_sql, today,
            options->limit, error) &&
       ask (self, review, IC_REVIEW_STUCK, stuck_sql, stuck_count_sql, stuck_cutoff, options->limit, error) &&
       ask (self, review, IC_REVIEW_NEVER_MATCHED, never_sql, never_count_sql, today, options->limit, error);
  if (own_transaction)
    ic_store_db_exec (ic_store_get_db (self), ok ? "COMMIT" : "ROLLBACK", NULL);
  return ok ? g_steal_pointer (&review) : NULL;
}

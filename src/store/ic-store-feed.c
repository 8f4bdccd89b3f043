/* ic-store-feed.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-record-json.h"
#include "ic-store-feed.h"
#include "ic-store-private.h"

static gboolean
count_rows (IcStore     *self,
            const char  *sql,
            gint64      *count,
            GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }
  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

char *
ic_store_get_extra_fields (IcStore     *self,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  stmt = ic_store_prepare (self, "SELECT fields FROM feed_extra WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
  return NULL;
}

gboolean
ic_store_set_extra_fields (IcStore     *self,
                           const char  *id,
                           const char  *fields,
                           GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);

  if (fields == NULL)
    stmt = ic_store_prepare (self, "DELETE FROM feed_extra WHERE id = ?", error);
  else
    stmt = ic_store_prepare (self, "INSERT INTO feed_extra (id, fields) VALUES (?1, ?2) "
                                   "ON CONFLICT (id) DO UPDATE SET fields = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (fields != NULL)
    sqlite3_bind_text (stmt, 2, fields, -1, SQLITE_TRANSIENT);
  return ic_store_step_done (self, stmt, error);
}

gint64
ic_store_count_extra_fields (IcStore  *self,
                             GError  **error)
{
  gint64 count = -1;

  if (!count_rows (self, "SELECT count (*) FROM feed_extra", &count, error))
    return -1;
  return count;
}

gboolean
ic_store_keep_base (IcStore     *self,
                    const char  *id,
                    gint64       rev,
                    GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  g_autoptr(IcRecord) stored = NULL;
  g_autofree char *body = NULL;
  int rc;

  stmt = ic_store_prepare (self, "SELECT 1 FROM feed_base WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }
  ic_store_stmt_release (g_steal_pointer (&stmt));

  stored = ic_store_get (self, id, error);
  if (stored == NULL)
    return FALSE;
  body = ic_record_to_json_data (stored, FALSE);
  return ic_store_set_base (self, id, rev, body, error);
}

char *
ic_store_get_base (IcStore     *self,
                   const char  *id,
                   gint64      *rev,
                   GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  stmt = ic_store_prepare (self, "SELECT rev, body FROM feed_base WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (rev != NULL)
        *rev = sqlite3_column_int64 (stmt, 0);
      return g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
  return NULL;
}

gboolean
ic_store_set_base (IcStore     *self,
                   const char  *id,
                   gint64       rev,
                   const char  *body,
                   GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);

  stmt = ic_store_prepare (self, "INSERT INTO feed_base (id, rev, body) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT (id) DO UPDATE SET rev = ?2, body = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, rev);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_TRANSIENT);
  return ic_store_step_done (self, stmt, error);
}

void
ic_quarantined_free (IcQuarantined *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->kind);
  g_free (entry->body);
  g_free (entry->reason);
  g_free (entry->created_at);
  g_free (entry);
}

gboolean
ic_store_quarantine (IcStore     *self,
                     const char  *id,
                     const char  *kind,
                     gint64       rev,
                     gboolean     deleted,
                     const char  *body,
                     const char  *reason,
                     GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created_at = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);

  stmt = ic_store_prepare (self, "INSERT INTO feed_quarantine (id, kind, rev, deleted, body, reason, created_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET "
                                 "kind = ?2, rev = ?3, deleted = ?4, body = ?5, reason = ?6, created_at = ?7 "
                                 "WHERE rev <= ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, rev);
  sqlite3_bind_int (stmt, 4, deleted ? 1 : 0);
  sqlite3_bind_text (stmt, 5, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, created_at, -1, SQLITE_TRANSIENT);
  return ic_store_step_done (self, stmt, error);
}

GPtrArray *
ic_store_list_quarantine (IcStore  *self,
                          guint     limit,
                          GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_quarantined_free);
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  stmt = ic_store_prepare (self, "SELECT id, kind, rev, deleted, body, reason, created_at "
                                 "FROM feed_quarantine ORDER BY created_at, id LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcQuarantined *entry = g_new0 (IcQuarantined, 1);

      entry->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->rev = sqlite3_column_int64 (stmt, 2);
      entry->deleted = sqlite3_column_int (stmt, 3) != 0;
      entry->body = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

gint64
ic_store_count_quarantine (IcStore  *self,
                           GError  **error)
{
  gint64 count = -1;

  if (!count_rows (self, "SELECT count (*) FROM feed_quarantine", &count, error))
    return -1;
  return count;
}

gboolean
ic_store_release_quarantine (IcStore     *self,
                             const char  *id,
                             gint64       rev,
                             GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);

  stmt = ic_store_prepare (self, "DELETE FROM feed_quarantine WHERE id = ? AND rev <= ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, rev);
  return ic_store_step_done (self, stmt, error);
}

/* ic-store-conflicts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table is created on first use, so that it needs no migration step
 * of its own; a later schema version may adopt it as it is.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-record-json.h"
#include "ic-store-conflicts.h"
#include "ic-store-private.h"

#define TABLE_READY_KEY "ic-store-conflict-table"

static const char create_sql[] =
  "CREATE TABLE IF NOT EXISTS conflict (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  type INTEGER NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  record_id TEXT NOT NULL,\n"
  "  server_rev INTEGER NOT NULL,\n"
  "  reason TEXT NOT NULL,\n"
  "  record TEXT NOT NULL,\n"
  "  created_at TEXT NOT NULL);\n"
  "CREATE INDEX IF NOT EXISTS conflict_record_id ON conflict (record_id);\n";

void
ic_conflict_free (IcConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->record_id);
  g_free (conflict->reason);
  g_free (conflict->created_at);
  g_clear_object (&conflict->record);
  g_clear_object (&conflict->base);
  g_strfreev (conflict->fields);
  g_free (conflict);
}

static gboolean
ensure_table (IcStore  *self,
              GError  **error)
{
  if (g_object_get_data (G_OBJECT (self), TABLE_READY_KEY) != NULL)
    return TRUE;
  if (!ic_store_db_exec (ic_store_get_db (self), create_sql, error))
    return FALSE;
  g_object_set_data (G_OBJECT (self), TABLE_READY_KEY, GINT_TO_POINTER (TRUE));
  return TRUE;
}

gboolean
ic_store_add_conflict (IcStore         *self,
                       IcConflictType   type,
                       IcRecord        *record,
                       gint64           server_rev,
                       const char      *reason,
                       GError         **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  g_autofree char *json = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (IC_IS_RECORD (record), FALSE);
  g_return_val_if_fail (ic_record_get_id (record) != NULL, FALSE);

  if (!ensure_table (self, error))
    return FALSE;

  json = ic_record_to_json_data (record, FALSE);
  now = ic_timestamp_now ();
  stmt = ic_store_prepare (self,
                           "INSERT INTO conflict (type, kind, record_id, server_rev, reason, record, created_at) "
                           "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS "
                           "(SELECT 1 FROM conflict WHERE record_id = ?3 AND type = ?1 "
                           " AND server_rev = ?4 AND record = ?6)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, type);
  sqlite3_bind_text (stmt, 2, ic_record_kind_to_string (ic_record_get_kind (record)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, ic_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, server_rev);
  sqlite3_bind_text (stmt, 5, reason ? reason : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  return ic_store_step_done (self, stmt, error);
}

static IcConflict *
read_conflict (IcStoreStmt  *stmt,
               GError      **error)
{
  g_autoptr(IcConflict) conflict = g_new0 (IcConflict, 1);
  const char *json = (const char *) sqlite3_column_text (stmt, 6);
  IcRecordKind kind;

  if (!ic_record_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind))
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_SQL,
                   _("Conflict %" G_GINT64_FORMAT " has an unknown kind"),
                   (gint64) sqlite3_column_int64 (stmt, 0));
      return NULL;
    }
  conflict->id = sqlite3_column_int64 (stmt, 0);
  conflict->type = sqlite3_column_int (stmt, 1);
  conflict->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  conflict->server_rev = sqlite3_column_int64 (stmt, 4);
  conflict->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  conflict->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  conflict->record = ic_record_new_from_json_data (kind, json ? json : "", -1, error);
  if (conflict->record == NULL)
    return NULL;
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    {
      const char *fields = (const char *) sqlite3_column_text (stmt, 9);

      conflict->base = ic_record_new_from_json_data (kind, (const char *) sqlite3_column_text (stmt, 8), -1,
                                                     error);
      if (conflict->base == NULL)
        return NULL;
      conflict->fields = g_strsplit (fields ? fields : "", " ", -1);
    }
  return g_steal_pointer (&conflict);
}

GPtrArray *
ic_store_list_conflicts (IcStore  *self,
                         int       type,
                         guint     offset,
                         guint     limit,
                         GError  **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_conflict_free);
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  if (!ensure_table (self, error))
    return NULL;
  stmt = ic_store_prepare (self,
                           "SELECT id, type, kind, record_id, server_rev, reason, record, created_at, "
                           "b.base, b.fields FROM conflict LEFT JOIN conflict_base AS b ON b.conflict_id = id "
                           "WHERE ?1 < 0 OR type = ?1 ORDER BY id LIMIT ?2 OFFSET ?3",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, type);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcConflict *conflict = read_conflict (stmt, error);

      if (conflict == NULL)
        return NULL;
      g_ptr_array_add (conflicts, conflict);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&conflicts);
}

gint64
ic_store_count_conflicts (IcStore  *self,
                          int       type,
                          GError  **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), -1);

  if (!ensure_table (self, error))
    return -1;
  stmt = ic_store_prepare (self, "SELECT count(*) FROM conflict WHERE ?1 < 0 OR type = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int (stmt, 1, type);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
ic_store_remove_conflict (IcStore  *self,
                          gint64    conflict_id,
                          GError  **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);

  if (!ensure_table (self, error))
    return FALSE;
  stmt = ic_store_prepare (self, "DELETE FROM conflict WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conflict_id);
  if (!ic_store_step_done (self, stmt, error))
    return FALSE;
  ic_store_stmt_release (g_steal_pointer (&stmt));
  stmt = ic_store_prepare (self, "DELETE FROM conflict_base WHERE conflict_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conflict_id);
  return ic_store_step_done (self, stmt, error);
}

gboolean
ic_store_add_conflict_with_base (IcStore            *self,
                                 IcRecord           *record,
                                 gint64              server_rev,
                                 const char         *reason,
                                 IcRecord           *base,
                                 const char * const *fields,
                                 GError            **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  g_autofree char *base_json = NULL;
  g_autofree char *joined = NULL;
  sqlite3 *db = ic_store_get_db (self);
  gint64 before;

  g_return_val_if_fail (IC_IS_RECORD (base), FALSE);

  if (!ensure_table (self, error))
    return FALSE;
  before = sqlite3_total_changes64 (db);
  if (!ic_store_add_conflict (self, IC_CONFLICT_EDIT, record, server_rev, reason, error))
    return FALSE;
  /* The same conflict kept once: its base too. */
  if (sqlite3_total_changes64 (db) == before)
    return TRUE;

  base_json = ic_record_to_json_data (base, FALSE);
  joined = g_strjoinv (" ", (char **) fields);
  stmt = ic_store_prepare (self, "INSERT OR REPLACE INTO conflict_base (conflict_id, base, fields) "
                                 "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sqlite3_last_insert_rowid (db));
  sqlite3_bind_text (stmt, 2, base_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, joined, -1, SQLITE_TRANSIENT);
  return ic_store_step_done (self, stmt, error);
}

IcConflict *
ic_store_get_conflict (IcStore  *self,
                       gint64    conflict_id,
                       GError  **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  if (!ensure_table (self, error))
    return NULL;
  stmt = ic_store_prepare (self,
                           "SELECT id, type, kind, record_id, server_rev, reason, record, created_at "
                           "FROM conflict WHERE id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, conflict_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("There is no conflict %" G_GINT64_FORMAT), conflict_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  return read_conflict (stmt, error);
}

/* ic-store-changes.c — the change log, the feed's outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each write of a team record appends one entry in the write's own
 * transaction; the feed client reads them oldest first and acknowledges
 * what the server has taken.
 */

#include "config.h"

#include "ic-store-private.h"

void
ic_change_free (IcChange *change)
{
  if (change == NULL)
    return;
  g_free (change->record_id);
  g_free (change->created_at);
  g_free (change);
}

/* Entries per statement: one statement per entry spends more on the
 * statement than on the row. */
#define LOG_CHUNK 32

static void
bind_entry (sqlite3_stmt               *stmt,
            int                         first_param,
            const IcStoreChangeEntry   *entry)
{
  /* The statement is released, and its bindings cleared, before the
   * entries can go. */
  sqlite3_bind_text (stmt, first_param, ic_record_kind_to_string (entry->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first_param + 1, entry->record_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first_param + 2, entry->rev);
  sqlite3_bind_int64 (stmt, first_param + 3, entry->base_rev);
  sqlite3_bind_int (stmt, first_param + 4, entry->deleted ? 1 : 0);
  sqlite3_bind_text (stmt, first_param + 5, entry->created_at, -1, SQLITE_STATIC);
}

gboolean
ic_store_log_change (IcStore       *self,
                     IcRecordKind   kind,
                     const char    *record_id,
                     gint64         rev,
                     gint64         base_rev,
                     gboolean       deleted,
                     const char    *created_at,
                     GError       **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;

  stmt = ic_store_prepare_slot (self, IC_STORE_SLOT_CHANGE_LOG, 0,
                                "INSERT INTO change_log "
                                "(kind, record_id, rev, base_rev, deleted, created_at) "
                                "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bind_entry (stmt, 1, &(IcStoreChangeEntry) { kind, record_id, rev, base_rev, deleted, created_at });
  return ic_store_step_done (self, stmt, error);
}

gboolean
ic_store_log_changes (IcStore                   *self,
                      const IcStoreChangeEntry  *entries,
                      guint                      n_entries,
                      GError                   **error)
{
  g_autoptr(GString) sql = NULL;
  guint done = 0;

  if (n_entries >= LOG_CHUNK)
    {
      sql = g_string_new ("INSERT INTO change_log "
                          "(kind, record_id, rev, base_rev, deleted, created_at) VALUES ");
      for (guint i = 0; i < LOG_CHUNK; i++)
        g_string_append (sql, i > 0 ? ", (?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?)");
    }

  /* In order: the feed sends them oldest first. */
  for (; done + LOG_CHUNK <= n_entries; done += LOG_CHUNK)
    {
      g_autoptr(IcStoreStmt) stmt =
        ic_store_prepare_slot (self, IC_STORE_SLOT_CHANGE_LOG_CHUNK, 0, sql->str, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < LOG_CHUNK; i++)
        bind_entry (stmt, 1 + 6 * i, &entries[done + i]);
      if (!ic_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (; done < n_entries; done++)
    {
      const IcStoreChangeEntry *entry = &entries[done];

      if (!ic_store_log_change (self, entry->kind, entry->record_id, entry->rev,
                                entry->base_rev, entry->deleted, entry->created_at, error))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
ic_store_list_changes (IcStore  *self,
                       gint64    after_seq,
                       guint     limit,
                       GError  **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  stmt = ic_store_prepare (self,
                           "SELECT seq, kind, record_id, rev, base_rev, deleted, created_at "
                           "FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after_seq);
  /* 0 means no limit, as in SQLite's -1. */
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_change_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcChange *change = g_new0 (IcChange, 1);
      IcRecordKind kind = 0;

      if (!ic_record_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind))
        g_debug ("Change %" G_GINT64_FORMAT " has an unknown kind",
                 (gint64) sqlite3_column_int64 (stmt, 0));
      change->seq = sqlite3_column_int64 (stmt, 0);
      change->kind = kind;
      change->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      change->rev = sqlite3_column_int64 (stmt, 3);
      change->base_rev = sqlite3_column_int64 (stmt, 4);
      change->deleted = sqlite3_column_int (stmt, 5) != 0;
      change->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&changes);
}

gboolean
ic_store_ack_changes (IcStore  *self,
                      gint64    up_to_seq,
                      GError  **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);

  stmt = ic_store_prepare (self, "DELETE FROM change_log WHERE seq <= ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, up_to_seq);
  if (!ic_store_step_done (self, stmt, error))
    return FALSE;
  ic_store_stmt_release (g_steal_pointer (&stmt));

  /* A base is kept while its record has edits to send, no longer. */
  stmt = ic_store_prepare (self, "DELETE FROM feed_base WHERE id NOT IN (SELECT record_id FROM change_log)",
                           error);
  return stmt != NULL && ic_store_step_done (self, stmt, error);
}

/* The feed's kinds keep their records in tables of their own names. */
static const char *
shared_table (IcRecordKind kind)
{
  switch (kind)
    {
    case IC_RECORD_KIND_ORGANISATION:
      return "organisation";
    case IC_RECORD_KIND_CHALLENGE:
      return "challenge";
    case IC_RECORD_KIND_CAPABILITY:
      return "capability";
    case IC_RECORD_KIND_FORESIGHT:
      return "foresight";
    case IC_RECORD_KIND_SHORTLIST:
      return "shortlist";
    case IC_RECORD_KIND_EXCLUDED_PAIR:
      return "excluded_pair";
    case IC_RECORD_KIND_PIN:
      return "pin";
    case IC_RECORD_KIND_CONFLICT_RULE:
      return "conflict_rule";
    case IC_RECORD_KIND_EVENT:
      return "event";
    default:
      return NULL;
    }
}

GPtrArray *
ic_store_list_shared_revisions (IcStore       *self,
                                IcRecordKind   kind,
                                const char    *after_id,
                                guint          limit,
                                GError       **error)
{
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_change_free);
  g_autoptr(IcStoreStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *table = shared_table (kind);
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  if (table == NULL)
    return g_steal_pointer (&revisions);
  sql = g_strdup_printf ("SELECT id, rev, deleted FROM %s WHERE id > ? AND visibility != 'private' "
                         "ORDER BY id LIMIT ?", table);
  stmt = ic_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, after_id ? after_id : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcChange *revision = g_new0 (IcChange, 1);

      revision->kind = kind;
      revision->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      revision->rev = sqlite3_column_int64 (stmt, 1);
      revision->deleted = sqlite3_column_int (stmt, 2) != 0;
      g_ptr_array_add (revisions, revision);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&revisions);
}

gboolean
ic_store_queue_changes (IcStore    *self,
                        GPtrArray  *changes,
                        GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created_at = g_date_time_format_iso8601 (now);
  g_autofree IcStoreChangeEntry *entries = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);

  if (changes->len == 0)
    return TRUE;
  entries = g_new0 (IcStoreChangeEntry, changes->len);
  for (guint i = 0; i < changes->len; i++)
    {
      IcChange *change = g_ptr_array_index (changes, i);

      entries[i] = (IcStoreChangeEntry) { change->kind, change->record_id, change->rev,
                                          change->base_rev, change->deleted, created_at };
    }
  if (!ic_store_begin (self, error))
    return FALSE;
  if (!ic_store_log_changes (self, entries, changes->len, error) || !ic_store_commit (self, error))
    {
      ic_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

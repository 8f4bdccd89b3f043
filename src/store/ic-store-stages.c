/* ic-store-stages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-model-enums.h"
#include "ic-shortlist.h"
#include "ic-store-private.h"
#include "ic-store-stages.h"

void
ic_store_stage_change_free (IcStoreStageChange *row)
{
  if (row == NULL)
    return;
  g_free (row->shortlist_id);
  g_free (row->capability_id);
  g_clear_object (&row->change);
  g_free (row);
}

/* One change as written, with what the impact figures need of the
 * changes around it (schema version 15). */
typedef struct
{
  IcStage          stage;
  const char      *at;
  const char      *author;
  IcDeclineReason  reason;
  const char      *reason_text;
} Change;

/* The furthest an entry has moved forward: declined is not a step. */
static int
stage_rank (IcStage stage)
{
  return stage == IC_STAGE_DECLINED ? -1 : (int) stage;
}

static gboolean
insert_changes (IcStore      *self,
                const char   *shortlist_id,
                const char   *capability_id,
                const Change *changes,
                guint         n,
                GError      **error)
{
  const char *assisted_at = NULL;
  int reached = -1;

  for (guint seq = 0; seq < n; seq++)
    {
      const Change *c = &changes[seq];
      IcStoreStmt *stmt =
        ic_store_prepare (self, "INSERT INTO shortlist_stage "
                                "(shortlist_id, capability_id, seq, stage, at, author, reason, reason_text, "
                                " next_at, first_at, reached, assisted_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      reached = MAX (reached, stage_rank (c->stage));
      if (stage_rank (c->stage) >= IC_STAGE_CONTACTED)
        assisted_at = c->at;
      sqlite3_bind_text (stmt, 1, shortlist_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, capability_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, seq);
      sqlite3_bind_text (stmt, 4, ic_enum_to_nick (IC_TYPE_STAGE, c->stage), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, c->at, -1, SQLITE_TRANSIENT);
      if (c->author != NULL)
        sqlite3_bind_text (stmt, 6, c->author, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, ic_enum_to_nick (IC_TYPE_DECLINE_REASON, c->reason), -1, SQLITE_STATIC);
      if (c->reason_text != NULL)
        sqlite3_bind_text (stmt, 8, c->reason_text, -1, SQLITE_TRANSIENT);
      if (seq + 1 < n)
        sqlite3_bind_text (stmt, 9, changes[seq + 1].at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, changes[0].at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 11, reached);
      if (assisted_at != NULL)
        sqlite3_bind_text (stmt, 12, assisted_at, -1, SQLITE_TRANSIENT);
      if (!ic_store_step_done (self, stmt, error))
        {
          ic_store_stmt_release (stmt);
          return FALSE;
        }
      ic_store_stmt_release (stmt);
    }
  return TRUE;
}

gboolean
ic_store_write_stages (IcStore     *self,
                       IcRecord    *shortlist,
                       const char  *shortlist_id,
                       const char  *at,
                       const char  *author,
                       gboolean     replace,
                       GError     **error)
{
  GListModel *entries = G_LIST_MODEL (ic_shortlist_get_entries (IC_SHORTLIST (shortlist)));
  guint n = g_list_model_get_n_items (entries);

  if (replace)
    {
      IcStoreStmt *stmt =
        ic_store_prepare (self, "DELETE FROM shortlist_stage WHERE shortlist_id = ?", error);
      gboolean ok;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, shortlist_id, -1, SQLITE_TRANSIENT);
      ok = ic_store_step_done (self, stmt, error);
      ic_store_stmt_release (stmt);
      if (!ok)
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcShortlistEntry) entry = g_list_model_get_item (entries, i);
      GListModel *stages = G_LIST_MODEL (ic_shortlist_entry_get_stages (entry));
      const char *capability_id = ic_shortlist_entry_get_capability_id (entry);
      IcStageChange *last = ic_shortlist_entry_get_last_change (entry);
      guint n_stages = g_list_model_get_n_items (stages);
      g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree Change *changes = g_new0 (Change, n_stages + 1);
      guint n_changes = 0;

      for (guint j = 0; j < n_stages; j++)
        {
          IcStageChange *change = g_list_model_get_item (stages, j);

          g_ptr_array_add (held, change);
          changes[n_changes++] = (Change) {
            ic_stage_change_get_stage (change), ic_stage_change_get_at (change),
            ic_stage_change_get_author (change), ic_stage_change_get_reason (change),
            ic_stage_change_get_reason_text (change) };
        }
      /* The same change ic_shortlist_entry_complete_stages() adds to the
       * record once the write has committed. */
      if (last == NULL || ic_stage_change_get_stage (last) != ic_shortlist_entry_get_stage (entry))
        {
          g_autoptr(IcStageChange) completion =
            ic_stage_change_new (ic_shortlist_entry_get_stage (entry), at, author, IC_DECLINE_REASON_NONE, NULL);
          gboolean before_last = last != NULL && ic_stage_change_compare_at (completion, last) < 0;

          changes[n_changes++] = (Change) { ic_shortlist_entry_get_stage (entry),
                                            before_last ? ic_stage_change_get_at (last) : at,
                                            author, IC_DECLINE_REASON_NONE, NULL };
        }
      if (!insert_changes (self, shortlist_id, capability_id, changes, n_changes, error))
        return FALSE;
    }
  return TRUE;
}

static IcStageChange *
read_change (IcStoreStmt *stmt,
             int          first)
{
  int stage = IC_STAGE_PROPOSED, reason = IC_DECLINE_REASON_NONE;

  ic_enum_from_nick (IC_TYPE_STAGE, (const char *) sqlite3_column_text (stmt, first), &stage);
  if (sqlite3_column_type (stmt, first + 3) != SQLITE_NULL)
    ic_enum_from_nick (IC_TYPE_DECLINE_REASON,
                       (const char *) sqlite3_column_text (stmt, first + 3), &reason);
  return ic_stage_change_new (stage,
                              (const char *) sqlite3_column_text (stmt, first + 1),
                              (const char *) sqlite3_column_text (stmt, first + 2),
                              reason,
                              (const char *) sqlite3_column_text (stmt, first + 4));
}

gboolean
ic_store_load_stages (IcStore   *self,
                      IcRecord  *shortlist,
                      GError   **error)
{
  g_autoptr(GHashTable) by_capability = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *entries = G_LIST_MODEL (ic_shortlist_get_entries (IC_SHORTLIST (shortlist)));
  guint n = g_list_model_get_n_items (entries);
  IcStoreStmt *stmt;
  int rc;

  for (guint i = 0; i < n; i++)
    {
      IcShortlistEntry *entry = g_list_model_get_item (entries, i);

      g_object_unref (entry); /* the list keeps it alive */
      g_list_store_remove_all (ic_shortlist_entry_get_stages (entry));
      if (ic_shortlist_entry_get_capability_id (entry) != NULL)
        g_hash_table_insert (by_capability, (gpointer) ic_shortlist_entry_get_capability_id (entry),
                             entry);
    }

  stmt = ic_store_prepare (self, "SELECT capability_id, stage, at, author, reason, reason_text "
                                 "FROM shortlist_stage WHERE shortlist_id = ? "
                                 "ORDER BY capability_id, seq", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ic_record_get_id (shortlist), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcShortlistEntry *entry = g_hash_table_lookup (by_capability, sqlite3_column_text (stmt, 0));
      g_autoptr(IcStageChange) change = NULL;

      if (entry == NULL)
        continue;
      change = read_change (stmt, 1);
      g_list_store_append (ic_shortlist_entry_get_stages (entry), change);
    }
  ic_store_stmt_release (stmt);
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }
  ic_shortlist_complete_stages (IC_SHORTLIST (shortlist), ic_record_get_updated_at (shortlist),
                                ic_record_get_author (shortlist));
  return TRUE;
}

static GPtrArray *
read_rows (IcStore      *self,
           IcStoreStmt  *stmt)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_store_stage_change_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcStoreStageChange *row = g_new0 (IcStoreStageChange, 1);

      row->shortlist_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->capability_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->change = read_change (stmt, 2);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (rows);
      return NULL;
    }
  return rows;
}

GPtrArray *
ic_store_list_stage_changes (IcStore     *self,
                             const char  *shortlist_id,
                             GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  GPtrArray *rows;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  stmt = ic_store_prepare (self,
                           "SELECT g.shortlist_id, g.capability_id, g.stage, g.at, g.author, "
                           "g.reason, g.reason_text "
                           "FROM shortlist_stage AS g JOIN shortlist AS s ON s.id = g.shortlist_id "
                           "WHERE (?1 IS NULL AND s.deleted = 0) OR g.shortlist_id = ?1 "
                           "ORDER BY g.shortlist_id, g.capability_id, g.seq", error);
  if (stmt == NULL)
    return NULL;
  if (shortlist_id != NULL)
    sqlite3_bind_text (stmt, 1, shortlist_id, -1, SQLITE_TRANSIENT);
  rows = read_rows (self, stmt);
  if (rows == NULL)
    ic_store_set_sqlite_error (error, ic_store_get_db (self), sqlite3_errcode (ic_store_get_db (self)));
  return rows;
}

GPtrArray *
ic_store_list_current_stages (IcStore     *self,
                              const char  *before,
                              GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  GPtrArray *rows;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  /* The changes are in time order by seq within an entry; SQLite takes
   * the other columns of a group from the row with its MAX (seq). */
  stmt = ic_store_prepare (self,
                           "SELECT g.shortlist_id, g.capability_id, g.stage, g.at, g.author, "
                           "g.reason, g.reason_text "
                           "FROM (SELECT shortlist_id, capability_id, stage, at, author, reason, "
                           "      reason_text, MAX (seq) FROM shortlist_stage "
                           "      WHERE ?1 IS NULL OR at < ?1 "
                           "      GROUP BY shortlist_id, capability_id) AS g "
                           "WHERE EXISTS (SELECT 1 FROM shortlist AS s "
                           "              WHERE s.id = g.shortlist_id AND s.deleted = 0) "
                           "ORDER BY g.shortlist_id, g.capability_id", error);
  if (stmt == NULL)
    return NULL;
  if (before != NULL)
    sqlite3_bind_text (stmt, 1, before, -1, SQLITE_TRANSIENT);
  rows = read_rows (self, stmt);
  if (rows == NULL)
    ic_store_set_sqlite_error (error, ic_store_get_db (self), sqlite3_errcode (ic_store_get_db (self)));
  return rows;
}

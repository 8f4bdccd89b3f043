/* ic-store-exclusions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-store-exclusions.h"
#include "ic-store-private.h"

void
ic_excluded_pair_free (IcExcludedPair *pair)
{
  if (pair == NULL)
    return;
  g_free (pair->challenge_id);
  g_free (pair->capability_id);
  g_free (pair->created_at);
  g_free (pair);
}

/* Whether a row with @id is in @table, tombstone or not. */
static gboolean
record_exists (IcStore     *self,
               const char  *table,
               const char  *id,
               gboolean    *exists,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
ic_store_exclude_pair (IcStore     *self,
                       const char  *challenge_id,
                       const char  *capability_id,
                       GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  g_autofree char *now = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (challenge_id != NULL && capability_id != NULL, FALSE);

  if (!record_exists (self, "challenge", challenge_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("There is no challenge with the id %s"), challenge_id);
      return FALSE;
    }
  if (!record_exists (self, "capability", capability_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("There is no capability with the id %s"), capability_id);
      return FALSE;
    }

  stmt = ic_store_prepare (self, "INSERT INTO excluded_pair (challenge_id, capability_id, created_at) "
                                 "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  now = ic_timestamp_now ();
  sqlite3_bind_text (stmt, 1, challenge_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, capability_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return ic_store_step_done (self, stmt, error);
}

gboolean
ic_store_include_pair (IcStore     *self,
                       const char  *challenge_id,
                       const char  *capability_id,
                       GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (challenge_id != NULL && capability_id != NULL, FALSE);

  stmt = ic_store_prepare (self, "DELETE FROM excluded_pair WHERE challenge_id = ? AND capability_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, challenge_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, capability_id, -1, SQLITE_TRANSIENT);
  if (!ic_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (ic_store_get_db (self)) == 0)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("The capability %s is not excluded from the challenge %s"),
                   capability_id, challenge_id);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
ic_store_list_excluded_pairs (IcStore     *self,
                              const char  *challenge_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_excluded_pair_free);
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  stmt = ic_store_prepare (self, "SELECT challenge_id, capability_id, created_at FROM excluded_pair "
                                 "WHERE ?1 IS NULL OR challenge_id = ?1 "
                                 "ORDER BY challenge_id, capability_id", error);
  if (stmt == NULL)
    return NULL;
  if (challenge_id != NULL)
    sqlite3_bind_text (stmt, 1, challenge_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcExcludedPair *pair = g_new0 (IcExcludedPair, 1);

      pair->challenge_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      pair->capability_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      pair->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (pairs, pair);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&pairs);
}

/* ic-store-exclusions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-exclusion.h"
#include "ic-model-enums.h"
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
  g_free (pair->reason_text);
  g_free (pair->author);
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

/* The pair's record, tombstone or not, or NULL without an error. */
static IcRecord *
get_pair (IcStore     *self,
          const char  *id,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  IcRecord *record = ic_store_get (self, id, &local_error);

  if (record == NULL && !g_error_matches (local_error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return record;
}

gboolean
ic_store_exclude_pair_by (IcStore     *self,
                          const char  *challenge_id,
                          const char  *capability_id,
                          const char  *author,
                          GError     **error)
{
  return ic_store_exclude_pair_with_reason (self, challenge_id, capability_id,
                                            IC_DECLINE_REASON_NONE, NULL, author, error);
}

/* Gives the stored pair @stored the reason, and brings it back if it is
 * a tombstone, in one transaction. */
static gboolean
exclude_again (IcStore          *self,
               IcRecord         *stored,
               IcDeclineReason   reason,
               const char       *text,
               const char       *author,
               GError          **error)
{
  IcExclusion *pair = IC_EXCLUSION (stored);
  gboolean same = ic_exclusion_get_reason (pair) == reason &&
                  g_strcmp0 (ic_exclusion_get_reason_text (pair), text) == 0;

  /* Excluding it again for the same reason changes nothing. */
  if (same && !ic_record_get_deleted (stored))
    return TRUE;
  if (!ic_store_begin_write (self, error))
    return FALSE;
  if (!same)
    {
      ic_exclusion_set_reason (pair, reason, text);
      if (!ic_store_update (self, stored, author, error))
        {
          ic_store_end_write (self, FALSE, NULL);
          return FALSE;
        }
    }
  if (ic_record_get_deleted (stored) &&
      !ic_store_restore (self, ic_record_get_id (stored), author, error))
    {
      ic_store_end_write (self, FALSE, NULL);
      return FALSE;
    }
  return ic_store_end_write (self, TRUE, error);
}

gboolean
ic_store_exclude_pair_with_reason (IcStore          *self,
                                   const char       *challenge_id,
                                   const char       *capability_id,
                                   IcDeclineReason   reason,
                                   const char       *reason_text,
                                   const char       *author,
                                   GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcRecord) stored = NULL;
  g_autoptr(IcExclusion) pair = NULL;
  g_autofree char *id = NULL;
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

  id = ic_exclusion_id_for (challenge_id, capability_id);
  stored = get_pair (self, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* After an include, the tombstone comes back, so the history stays
   * one record's. */
  if (stored != NULL)
    return exclude_again (self, stored, reason, reason_text, author, error);

  pair = ic_exclusion_new (challenge_id, capability_id);
  ic_exclusion_set_reason (pair, reason, reason_text);
  return ic_store_insert (self, IC_RECORD (pair), author, error);
}

gboolean
ic_store_exclude_pair (IcStore     *self,
                       const char  *challenge_id,
                       const char  *capability_id,
                       GError     **error)
{
  return ic_store_exclude_pair_by (self, challenge_id, capability_id, NULL, error);
}

gboolean
ic_store_include_pair_by (IcStore     *self,
                          const char  *challenge_id,
                          const char  *capability_id,
                          const char  *author,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcRecord) stored = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (challenge_id != NULL && capability_id != NULL, FALSE);

  id = ic_exclusion_id_for (challenge_id, capability_id);
  stored = get_pair (self, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (stored == NULL || ic_record_get_deleted (stored))
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("The capability %s is not excluded from the challenge %s"),
                   capability_id, challenge_id);
      return FALSE;
    }
  return ic_store_delete (self, id, author, error);
}

gboolean
ic_store_include_pair (IcStore     *self,
                       const char  *challenge_id,
                       const char  *capability_id,
                       GError     **error)
{
  return ic_store_include_pair_by (self, challenge_id, capability_id, NULL, error);
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

  stmt = ic_store_prepare (self, "SELECT challenge_id, capability_id, updated_at, reason, reason_text, "
                                 "author FROM excluded_pair "
                                 "WHERE deleted = 0 AND (?1 IS NULL OR challenge_id = ?1) "
                                 "ORDER BY challenge_id, capability_id", error);
  if (stmt == NULL)
    return NULL;
  if (challenge_id != NULL)
    sqlite3_bind_text (stmt, 1, challenge_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcExcludedPair *pair = g_new0 (IcExcludedPair, 1);
      int reason = IC_DECLINE_REASON_NONE;

      pair->challenge_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      pair->capability_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      pair->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      ic_enum_from_nick (IC_TYPE_DECLINE_REASON, (const char *) sqlite3_column_text (stmt, 3),
                         &reason);
      pair->reason = reason;
      pair->reason_text = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      pair->author = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (pairs, pair);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&pairs);
}

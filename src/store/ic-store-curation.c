/* ic-store-curation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-conflict-rule.h"
#include "ic-pin.h"
#include "ic-store-curation.h"
#include "ic-store-private.h"

void
ic_curation_entry_free (IcCurationEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->first_id);
  g_free (entry->second_id);
  g_free (entry->reason);
  g_free (entry->author);
  g_free (entry->updated_at);
  g_free (entry);
}

/* Whether a live or deleted row with @id is in @table. */
static gboolean
check_exists (IcStore     *self,
              const char  *table,
              const char  *id,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                 _("There is no %s with the id %s"), table, id);
  else
    ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
  return FALSE;
}

/* The stored record @id, or NULL without an error if there is none. */
static IcRecord *
get_optional (IcStore     *self,
              IcRecordKind kind,
              const char  *id,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  IcRecord *record = ic_store_get_stored (self, kind, id, &local_error);

  if (record == NULL && !g_error_matches (local_error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return record;
}

/* Writes @wanted (a new pin or rule, with its reason): a new record, or
 * the stored one with the new reason and brought back, in one
 * transaction; nothing when it is live with that reason already. */
static gboolean
put_curation (IcStore     *self,
              IcRecord    *wanted,
              const char  *author,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcRecord) stored = NULL;
  g_autofree char *stored_reason = NULL, *reason = NULL;
  gboolean same;

  if (!ic_record_validate (wanted, NULL, error))
    return FALSE;
  stored = get_optional (self, ic_record_get_kind (wanted), ic_record_get_id (wanted), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (stored == NULL)
    return ic_store_insert (self, wanted, author, error);

  g_object_get (stored, "reason", &stored_reason, NULL);
  g_object_get (wanted, "reason", &reason, NULL);
  same = g_strcmp0 (stored_reason, reason) == 0;
  if (same && !ic_record_get_deleted (stored))
    return TRUE;
  if (!ic_store_begin_write (self, error))
    return FALSE;
  if (!same)
    {
      g_object_set (stored, "reason", reason, NULL);
      if (!ic_store_update (self, stored, author, error))
        goto fail;
    }
  if (ic_record_get_deleted (stored) &&
      !ic_store_restore (self, ic_record_get_id (stored), author, error))
    goto fail;
  return ic_store_end_write (self, TRUE, error);

fail:
  ic_store_end_write (self, FALSE, NULL);
  return FALSE;
}

/* Makes the live record @id of @kind a tombstone; @missing is the
 * message if there is none. */
static gboolean
take_back (IcStore      *self,
           IcRecordKind  kind,
           const char   *id,
           const char   *author,
           const char   *missing,
           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcRecord) stored = get_optional (self, kind, id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (stored == NULL || ic_record_get_deleted (stored))
    {
      g_set_error_literal (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND, missing);
      return FALSE;
    }
  return ic_store_delete (self, id, author, error);
}

gboolean
ic_store_pin (IcStore     *self,
              const char  *challenge_id,
              const char  *capability_id,
              const char  *reason,
              const char  *author,
              GError     **error)
{
  g_autoptr(IcPin) pin = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (challenge_id != NULL && capability_id != NULL, FALSE);

  if (!check_exists (self, "challenge", challenge_id, error) ||
      !check_exists (self, "capability", capability_id, error))
    return FALSE;
  pin = ic_pin_new (challenge_id, capability_id, reason);
  return put_curation (self, IC_RECORD (pin), author, error);
}

gboolean
ic_store_unpin (IcStore     *self,
                const char  *challenge_id,
                const char  *capability_id,
                const char  *author,
                GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *missing = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (challenge_id != NULL && capability_id != NULL, FALSE);

  id = ic_pin_id_for (challenge_id, capability_id);
  missing = g_strdup_printf (_("The capability %s is not pinned to the challenge %s"),
                             capability_id, challenge_id);
  return take_back (self, IC_RECORD_KIND_PIN, id, author, missing, error);
}

gboolean
ic_store_add_conflict_rule (IcStore     *self,
                            const char  *organisation_id,
                            const char  *other_organisation_id,
                            const char  *reason,
                            const char  *author,
                            GError     **error)
{
  g_autoptr(IcConflictRule) rule = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (organisation_id != NULL && other_organisation_id != NULL, FALSE);

  if (!check_exists (self, "organisation", organisation_id, error) ||
      !check_exists (self, "organisation", other_organisation_id, error))
    return FALSE;
  rule = ic_conflict_rule_new (organisation_id, other_organisation_id, reason);
  return put_curation (self, IC_RECORD (rule), author, error);
}

gboolean
ic_store_remove_conflict_rule (IcStore     *self,
                               const char  *organisation_id,
                               const char  *other_organisation_id,
                               const char  *author,
                               GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *missing = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (organisation_id != NULL && other_organisation_id != NULL, FALSE);

  id = ic_conflict_rule_id_for (organisation_id, other_organisation_id);
  missing = g_strdup_printf (_("There is no conflict-of-interest rule between %s and %s"),
                             organisation_id, other_organisation_id);
  return take_back (self, IC_RECORD_KIND_CONFLICT_RULE, id, author, missing, error);
}

/* Runs @sql with @id bound to ?1 (NULL binds NULL) and reads rows of
 * first id, second id, reason, author, updated_at. */
static GPtrArray *
list_entries (IcStore     *self,
              const char  *sql,
              const char  *id,
              GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_curation_entry_free);
  g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcCurationEntry *entry = g_new0 (IcCurationEntry, 1);

      entry->first_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->second_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->author = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
ic_store_list_pins (IcStore     *self,
                    const char  *challenge_id,
                    GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  return list_entries (self, "SELECT challenge_id, capability_id, reason, author, updated_at FROM pin "
                             "WHERE deleted = 0 AND (?1 IS NULL OR challenge_id = ?1) "
                             "ORDER BY challenge_id, capability_id", challenge_id, error);
}

GPtrArray *
ic_store_list_conflict_rules (IcStore     *self,
                              const char  *organisation_id,
                              GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  return list_entries (self, "SELECT organisation_id, other_organisation_id, reason, author, updated_at "
                             "FROM conflict_rule WHERE deleted = 0 AND (?1 IS NULL OR "
                             "organisation_id = ?1 OR other_organisation_id = ?1) "
                             "ORDER BY organisation_id, other_organisation_id", organisation_id, error);
}

GPtrArray *
ic_store_list_conflicted_pairs (IcStore    *self,
                                const char *challenge_id,
                                GError    **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  /* Each rule both ways: a challenge of either organisation, a
   * capability of the other; the organisation_id indexes find both. */
  return list_entries (self,
                       "SELECT ch.id, cap.id, r.reason, r.author, r.updated_at "
                       "FROM conflict_rule AS r "
                       "JOIN challenge AS ch ON ch.organisation_id IN (r.organisation_id, r.other_organisation_id) "
                       "JOIN capability AS cap ON cap.organisation_id = "
                       "  CASE WHEN ch.organisation_id = r.organisation_id "
                       "  THEN r.other_organisation_id ELSE r.organisation_id END "
                       "WHERE r.deleted = 0 AND ch.deleted = 0 AND cap.deleted = 0 "
                       "AND (?1 IS NULL OR ch.id = ?1) "
                       "ORDER BY ch.id, cap.id", challenge_id, error);
}

/* ic-store-names.c — the unique rule on names and titles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No two live organisations of the store share a name, and no two
 * challenges or capabilities of one organisation a title, as
 * ic-name-key.h compares them.  Each row holds its key in name_key,
 * under a unique index (ic-store-schema.c, version 15), so the rule
 * holds whichever program writes and however many write at once: the
 * check and the write are one statement.
 *
 * A row without a key is not checked.  Tombstones have none, so that
 * deleting a record frees its name.  A record from the feed takes its
 * key when no other row holds it and else stays without one, so that a
 * sync never refuses a teammate's record; the same goes for a local
 * edit of such a record that leaves its name as it was.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-name-key.h"
#include "ic-store-private.h"

gboolean
ic_store_refuse_duplicate (IcStore       *self,
                           IcRecordKind   kind,
                           const char    *key,
                           GError       **error)
{
  const IcStoreKindInfo *info = ic_store_get_kind_info (self, kind);
  g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, info->key_holder_sql, error);
  const char *id, *title;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }
  id = (const char *) sqlite3_column_text (stmt, 0);
  title = (const char *) sqlite3_column_text (stmt, 1);

  switch (kind)
    {
    case IC_RECORD_KIND_ORGANISATION:
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_DUPLICATE,
                   _("An organisation named “%s” already exists (ID %s)"), title, id);
      break;
    case IC_RECORD_KIND_CHALLENGE:
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_DUPLICATE,
                   _("The organisation already has a challenge titled “%s” (ID %s)"), title, id);
      break;
    case IC_RECORD_KIND_CAPABILITY:
    default:
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_DUPLICATE,
                   _("The organisation already has a capability titled “%s” (ID %s)"), title, id);
      break;
    }
  return FALSE;
}

IcRecord *
ic_store_find_organisation_named (IcStore     *self,
                                  const char  *name,
                                  GError     **error)
{
  const IcStoreKindInfo *info;
  g_autoptr(IcStoreStmt) stmt = NULL;
  g_autofree char *key = NULL;
  g_autofree char *id = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  key = ic_name_key_organisation (name);
  if (key[0] == '\0')
    return NULL;
  info = ic_store_get_kind_info (self, IC_RECORD_KIND_ORGANISATION);
  stmt = ic_store_prepare (self, info->key_holder_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  ic_store_stmt_release (g_steal_pointer (&stmt));
  return ic_store_get (self, id, error);
}

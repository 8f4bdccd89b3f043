/* ic-store-responses.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-store-private.h"
#include "ic-store-responses.h"

gboolean
ic_store_put_response (IcStore           *self,
                       const IcResponse  *response,
                       const char        *body,
                       GError           **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);

  stmt = ic_store_prepare (self, "INSERT INTO response (id, rev, deleted, challenge_id, received_at, body) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET "
                                 "rev = ?2, deleted = ?3, challenge_id = ?4, received_at = ?5, body = ?6 "
                                 "WHERE rev < ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, response->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, response->rev);
  sqlite3_bind_int (stmt, 3, response->deleted ? 1 : 0);
  sqlite3_bind_text (stmt, 4, response->challenge_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, response->received_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, body, -1, SQLITE_TRANSIENT);
  return ic_store_step_done (self, stmt, error);
}

static IcResponse *
read_row (IcStoreStmt  *stmt,
          GError      **error)
{
  const char *body = (const char *) sqlite3_column_text (stmt, 0);
  g_autoptr(GError) local_error = NULL;
  IcResponse *response = ic_response_new_from_json_data (body ? body : "", -1, &local_error);

  if (response == NULL)
    g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_SQL, _("A stored response cannot be read: %s"),
                 local_error->message);
  return response;
}

GPtrArray *
ic_store_list_responses (IcStore     *self,
                         const char  *challenge_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_response_free);
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  stmt = ic_store_prepare (self, "SELECT body FROM response WHERE deleted = 0 "
                                 "AND (?1 IS NULL OR challenge_id = ?1) ORDER BY received_at, id", error);
  if (stmt == NULL)
    return NULL;
  if (challenge_id != NULL)
    sqlite3_bind_text (stmt, 1, challenge_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcResponse *response = read_row (stmt, error);

      if (response == NULL)
        return NULL;
      g_ptr_array_add (responses, response);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&responses);
}

IcResponse *
ic_store_get_response (IcStore     *self,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  stmt = ic_store_prepare (self, "SELECT body FROM response WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_row (stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND, _("No response has the id %s"), id);
  else
    ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
  return NULL;
}

/* ic-store-events.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-fields.h"
#include "ic-model-enums.h"
#include "ic-model-types.h"
#include "ic-store-events.h"
#include "ic-store-private.h"

#define SELECT_EVENT \
  "SELECT id, rev, updated_at, author, visibility, deleted, body FROM event"

static void
bind_text (sqlite3_stmt *stmt,
           int           param,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, param);
}

/* Every participant must be an organisation the database knows. */
static gboolean
check_participants (IcStore  *self,
                    IcEvent  *event,
                    GError  **error)
{
  GListModel *participants = G_LIST_MODEL (ic_event_get_participants (event));

  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IcEventParticipant) p = g_list_model_get_item (participants, i);
      g_autoptr(IcStoreStmt) stmt =
        ic_store_prepare (self, "SELECT 1 FROM organisation WHERE id = ? AND deleted = 0", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, ic_event_participant_get_organisation_id (p));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT,
                       _("participants[%u].organisation_id: no organisation has the id %s"),
                       i + 1, ic_event_participant_get_organisation_id (p));
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
          return FALSE;
        }
    }
  return TRUE;
}

/* Writes every column of @event: a new row, or over the row with its id. */
static gboolean
write_event (IcStore  *self,
             IcEvent  *event,
             gboolean  insert,
             GError  **error)
{
  IcRecord *record = IC_RECORD (event);
  g_autoptr(JsonNode) body = ic_event_body_to_json (event);
  g_autofree char *body_text = json_to_string (body, FALSE);
  g_autoptr(IcStoreStmt) stmt = NULL;

  stmt = ic_store_prepare (self,
                           insert
                           ? "INSERT INTO event (rev, updated_at, author, visibility, deleted, body, id) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"
                           : "UPDATE event SET rev = ?, updated_at = ?, author = ?, visibility = ?, "
                             "deleted = ?, body = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ic_record_get_rev (record));
  bind_text (stmt, 2, ic_record_get_updated_at (record));
  bind_text (stmt, 3, ic_record_get_author (record));
  bind_text (stmt, 4, ic_enum_to_nick (IC_TYPE_VISIBILITY, ic_record_get_visibility (record)));
  sqlite3_bind_int (stmt, 5, ic_record_get_deleted (record));
  bind_text (stmt, 6, body_text);
  bind_text (stmt, 7, ic_record_get_id (record));
  return ic_store_step_done (self, stmt, error);
}

gboolean
ic_store_insert_event (IcStore     *self,
                       IcEvent     *event,
                       const char  *author,
                       GError     **error)
{
  g_autoptr(IcRecord) copy = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (IC_IS_EVENT (event), FALSE);

  /* Stamp a copy, so that a failed insert leaves @event as it was. */
  copy = ic_record_copy (IC_RECORD (event));
  ic_record_ensure_id (copy);
  ic_record_set_rev (copy, 0);
  ic_record_touch (copy, author);
  if (!ic_record_validate (copy, NULL, error) ||
      !check_participants (self, IC_EVENT (copy), error) ||
      !write_event (self, IC_EVENT (copy), TRUE, error))
    return FALSE;

  ic_object_copy_fields (G_OBJECT (copy), G_OBJECT (event));
  return TRUE;
}

static IcEvent *
read_event (IcStoreStmt  *stmt,
            GError      **error)
{
  g_autoptr(IcEvent) event = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *body = (const char *) sqlite3_column_text (stmt, 6);
  int visibility = IC_VISIBILITY_TEAM;

  event = ic_event_new_from_json_data (body ? body : "{}", -1, &local_error);
  if (event == NULL)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_SQL,
                   _("The stored event %s cannot be read: %s"),
                   (const char *) sqlite3_column_text (stmt, 0), local_error->message);
      return NULL;
    }
  ic_enum_from_nick (IC_TYPE_VISIBILITY, (const char *) sqlite3_column_text (stmt, 4), &visibility);

  ic_record_set_id (IC_RECORD (event), (const char *) sqlite3_column_text (stmt, 0));
  ic_record_set_rev (IC_RECORD (event), sqlite3_column_int64 (stmt, 1));
  ic_record_set_updated_at (IC_RECORD (event), (const char *) sqlite3_column_text (stmt, 2));
  ic_record_set_author (IC_RECORD (event), (const char *) sqlite3_column_text (stmt, 3));
  ic_record_set_visibility (IC_RECORD (event), visibility);
  ic_record_set_deleted (IC_RECORD (event), sqlite3_column_int (stmt, 5));
  return g_steal_pointer (&event);
}

IcEvent *
ic_store_get_event (IcStore     *self,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = ic_store_prepare (self, SELECT_EVENT " WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("There is no event with the id %s"), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  return read_event (stmt, error);
}

/* Writes @replacement (or, when NULL, the stored event itself) over the
 * event @id in one transaction: the stored rev is read, and the event is
 * written back with rev + 1 and @deleted. */
static gboolean
rewrite_event (IcStore     *self,
               const char  *id,
               IcEvent     *replacement,
               gboolean     deleted,
               const char  *author,
               GError     **error)
{
  g_autoptr(IcEvent) stored = NULL;
  IcEvent *event;

  if (!ic_store_begin (self, error))
    return FALSE;
  stored = ic_store_get_event (self, id, error);
  if (stored == NULL)
    goto fail;

  event = replacement ? replacement : stored;
  ic_record_set_rev (IC_RECORD (event), ic_record_get_rev (IC_RECORD (stored)));
  ic_record_set_deleted (IC_RECORD (event), deleted);
  ic_record_touch (IC_RECORD (event), author);
  if ((replacement != NULL &&
       (!ic_record_validate (IC_RECORD (event), NULL, error) ||
        !check_participants (self, event, error))) ||
      !write_event (self, event, FALSE, error) ||
      !ic_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  ic_store_rollback (self);
  return FALSE;
}

gboolean
ic_store_update_event (IcStore     *self,
                       IcEvent     *event,
                       const char  *author,
                       GError     **error)
{
  g_autoptr(IcRecord) copy = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (IC_IS_EVENT (event), FALSE);
  g_return_val_if_fail (ic_record_get_id (IC_RECORD (event)) != NULL, FALSE);

  copy = ic_record_copy (IC_RECORD (event));
  if (!rewrite_event (self, ic_record_get_id (copy), IC_EVENT (copy),
                      ic_record_get_deleted (copy), author, error))
    return FALSE;
  ic_object_copy_fields (G_OBJECT (copy), G_OBJECT (event));
  return TRUE;
}

gboolean
ic_store_delete_event (IcStore     *self,
                       const char  *id,
                       const char  *author,
                       GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return rewrite_event (self, id, NULL, TRUE, author, error);
}

GPtrArray *
ic_store_list_events (IcStore  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  stmt = ic_store_prepare (self,
                           SELECT_EVENT " WHERE deleted = 0 ORDER BY json_extract (body, '$.date'), "
                           "json_extract (body, '$.name'), id",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcEvent *event = read_event (stmt, error);

      if (event == NULL)
        return NULL;
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&events);
}

char *
ic_store_get_event_schedule (IcStore     *self,
                             const char  *id,
                             GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = ic_store_prepare (self, "SELECT schedule FROM event WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
  return NULL;
}

gboolean
ic_store_set_event_schedule (IcStore     *self,
                             const char  *id,
                             const char  *schedule,
                             GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = ic_store_prepare (self, "UPDATE event SET schedule = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, schedule);
  bind_text (stmt, 2, id);
  if (!ic_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (ic_store_get_db (self)) == 0)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("There is no event with the id %s"), id);
      return FALSE;
    }
  return TRUE;
}

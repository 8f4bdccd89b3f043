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
  "SELECT id, rev, updated_at, author, visibility, deleted, body, schedule FROM event"

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

gboolean
ic_store_write_event_row (IcStore               *self,
                          IcEvent               *event,
                          const IcStoreRowMeta  *meta,
                          gboolean               insert,
                          gboolean               check,
                          GError               **error)
{
  g_autoptr(JsonNode) body = ic_event_body_to_json (event);
  g_autofree char *body_text = json_to_string (body, FALSE);
  JsonNode *schedule = ic_event_get_schedule (event);
  g_autofree char *schedule_text = schedule ? json_to_string (schedule, FALSE) : NULL;
  g_autoptr(IcStoreStmt) stmt = NULL;

  if (check && !check_participants (self, event, error))
    return FALSE;
  stmt = ic_store_prepare (self,
                           insert
                           ? "INSERT INTO event (rev, updated_at, author, visibility, deleted, body, "
                             "schedule, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                           : "UPDATE event SET rev = ?, updated_at = ?, author = ?, visibility = ?, "
                             "deleted = ?, body = ?, schedule = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meta->rev);
  bind_text (stmt, 2, meta->updated_at);
  bind_text (stmt, 3, meta->author);
  bind_text (stmt, 4, ic_enum_to_nick (IC_TYPE_VISIBILITY, ic_record_get_visibility (IC_RECORD (event))));
  sqlite3_bind_int (stmt, 5, meta->deleted);
  bind_text (stmt, 6, body_text);
  bind_text (stmt, 7, schedule_text);
  bind_text (stmt, 8, meta->id);
  return ic_store_step_done (self, stmt, error);
}

gboolean
ic_store_insert_event (IcStore     *self,
                       IcEvent     *event,
                       const char  *author,
                       GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (IC_IS_EVENT (event), FALSE);

  /* The generic write logs the change, so that the feed sends it. */
  return ic_store_insert (self, IC_RECORD (event), author, error);
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
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    {
      g_autoptr(JsonNode) schedule = json_from_string ((const char *) sqlite3_column_text (stmt, 7), NULL);

      if (schedule != NULL && JSON_NODE_HOLDS_OBJECT (schedule))
        ic_event_set_schedule (event, schedule);
    }

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

gboolean
ic_store_update_event (IcStore     *self,
                       IcEvent     *event,
                       const char  *author,
                       GError     **error)
{
  g_autoptr(IcEvent) stored = NULL;
  g_autoptr(IcRecord) copy = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (IC_IS_EVENT (event), FALSE);
  g_return_val_if_fail (ic_record_get_id (IC_RECORD (event)) != NULL, FALSE);

  /* The stored schedule stays, for ic_meeting_scheduler_reschedule(). */
  stored = ic_store_get_event (self, ic_record_get_id (IC_RECORD (event)), error);
  if (stored == NULL)
    return FALSE;
  copy = ic_record_copy (IC_RECORD (event));
  ic_event_set_schedule (IC_EVENT (copy), ic_event_get_schedule (stored));
  if (!ic_store_update (self, copy, author, error))
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

  return ic_store_delete (self, id, author, error);
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
  g_autoptr(IcEvent) event = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (schedule != NULL)
    {
      node = json_from_string (schedule, error);
      if (node == NULL)
        return FALSE;
    }
  event = ic_store_get_event (self, id, error);
  if (event == NULL)
    return FALSE;
  if ((node == NULL && ic_event_get_schedule (event) == NULL) ||
      (node != NULL && ic_event_get_schedule (event) != NULL &&
       json_node_equal (node, ic_event_get_schedule (event))))
    return TRUE;
  /* An edit of the event like any other: the feed carries schedules. */
  ic_event_set_schedule (event, node);
  return ic_store_update (self, IC_RECORD (event), NULL, error);
}

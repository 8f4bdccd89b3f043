/* ic-server-db-board.c — what the public board reads, and the answers it keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only records whose body says "visibility": "public" are ever read
 * here (the record table's public column, set as each change is
 * written).  The answers SMEs send from the board are records of the
 * kind "response", made by the server itself: logged and chained like
 * any change, so they reach every laptop of the team at its next pull,
 * and never public.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-feed-json.h"
#include "ic-record-json.h"
#include "ic-server-db-private.h"

#define SEARCH_FILTER \
  "AND (?2 IS NULL OR json_extract (body, '$.cluster') = ?2) " \
  "AND (?3 IS NULL OR instr (lower (coalesce (json_extract (body, '$.title'), '') || ' ' || " \
  "coalesce (json_extract (body, '$.description'), '') || ' ' || " \
  "coalesce (json_extract (body, '$.summary'), '') || ' ' || " \
  "coalesce (json_extract (body, '$.public_label'), '') || ' ' || " \
  "coalesce (json_extract (body, '$.tags'), '')), lower (?3)) > 0) " \
  "AND (?1 != 'challenge' OR json_extract (body, '$.status') = 'open') "

void
ic_server_response_free (IcServerResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->id);
  g_free (response->challenge_id);
  g_free (response->organisation);
  g_free (response->contact_name);
  g_free (response->email);
  g_free (response->answer);
  g_free (response->received_at);
  g_free (response);
}

static void
bind_nullable (IcServerStmt *stmt,
               int           index,
               const char   *text)
{
  if (text != NULL && text[0] != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

GPtrArray *
ic_server_db_list_public (IcServerDb    *self,
                          IcRecordKind   kind,
                          const char    *cluster,
                          const char    *search,
                          guint          offset,
                          guint          limit,
                          guint         *total,
                          GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcServerStmt) count = NULL;
  g_autoptr(IcServerStmt) stmt = NULL;
  const char *kind_name = ic_record_kind_to_string (kind);
  gboolean ok = FALSE;
  int rc;

  /* Both reads in one snapshot, so the count is true of the page. */
  if (!ic_server_db_exec (self, "BEGIN", error))
    return NULL;
  count = ic_server_db_prepare (self, "SELECT count (*) FROM record WHERE kind = ?1 AND public = 1 "
                                      "AND deleted = 0 AND body IS NOT NULL " SEARCH_FILTER, error);
  if (count == NULL)
    goto out;
  sqlite3_bind_text (count, 1, kind_name, -1, SQLITE_STATIC);
  bind_nullable (count, 2, cluster);
  bind_nullable (count, 3, search);
  rc = sqlite3_step (count);
  if (rc != SQLITE_ROW)
    {
      ic_server_db_set_error (self, rc, error);
      goto out;
    }
  *total = (guint) sqlite3_column_int64 (count, 0);
  sqlite3_reset (count);

  /* Newest first: foresight by the time it was published, challenges
   * by their last change. */
  stmt = ic_server_db_prepare (self, "SELECT body FROM record WHERE kind = ?1 AND public = 1 "
                                     "AND deleted = 0 AND body IS NOT NULL " SEARCH_FILTER
                                     "ORDER BY CASE WHEN ?1 = 'foresight' THEN published END DESC, "
                                     "seq DESC LIMIT ?4 OFFSET ?5", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, kind_name, -1, SQLITE_STATIC);
  bind_nullable (stmt, 2, cluster);
  bind_nullable (stmt, 3, search);
  sqlite3_bind_int64 (stmt, 4, limit);
  sqlite3_bind_int64 (stmt, 5, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      IcRecord *record = ic_record_new_from_json_data (kind, (const char *) sqlite3_column_text (stmt, 0),
                                                       sqlite3_column_bytes (stmt, 0), &local_error);

      if (record == NULL)
        g_debug ("Skipping a stored record: %s", local_error->message);
      else
        g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ic_server_db_set_error (self, rc, error);
      goto out;
    }
  ok = TRUE;

out:
  ic_server_db_rollback (self);
  return ok ? g_steal_pointer (&records) : NULL;
}

IcRecord *
ic_server_db_get_public (IcServerDb    *self,
                         IcRecordKind   kind,
                         const char    *id,
                         GError       **error)
{
  g_autoptr(IcServerStmt) stmt = NULL;
  int rc;

  stmt = ic_server_db_prepare (self, "SELECT body FROM record WHERE id = ? AND kind = ? AND public = 1 "
                                     "AND deleted = 0 AND body IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ic_record_kind_to_string (kind), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return ic_record_new_from_json_data (kind, (const char *) sqlite3_column_text (stmt, 0),
                                         sqlite3_column_bytes (stmt, 0), error);
  if (rc == SQLITE_DONE)
    g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_NOT_FOUND, _("No public record has this id"));
  else
    ic_server_db_set_error (self, rc, error);
  return NULL;
}

char *
ic_server_db_get_organisation_name (IcServerDb *self,
                                    const char *id)
{
  g_autoptr(IcServerStmt) stmt = NULL;

  if (id == NULL)
    return NULL;
  stmt = ic_server_db_prepare (self, "SELECT json_extract (body, '$.name') FROM record "
                                     "WHERE id = ? AND kind = 'organisation' AND deleted = 0 "
                                     "AND body IS NOT NULL AND json_valid (body)", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) != SQLITE_TEXT)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

char *
ic_server_db_get_form_secret (IcServerDb  *self,
                              GError     **error)
{
  g_autoptr(IcServerStmt) stmt =
    ic_server_db_prepare (self, "SELECT value FROM meta WHERE key = 'form_secret'", error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_OPEN, _("The database has no form secret"));
      return NULL;
    }
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static char *
response_body (const IcServerResponse *response,
               gint64                  rev,
               const char             *updated_at)
{
  GString *out = g_string_new ("{");

  ic_feed_json_append_member_string (out, TRUE, "id", response->id);
  g_string_append_printf (out, ",\"rev\":%" G_GINT64_FORMAT, rev);
  ic_feed_json_append_member_string (out, FALSE, "updated_at", updated_at);
  ic_feed_json_append_member_string (out, FALSE, "author", IC_SERVER_BOARD_AUTHOR);
  ic_feed_json_append_member_string (out, FALSE, "visibility", "team");
  g_string_append (out, ",\"deleted\":false");
  ic_feed_json_append_member_string (out, FALSE, "challenge_id", response->challenge_id);
  ic_feed_json_append_member_string (out, FALSE, "organisation", response->organisation);
  ic_feed_json_append_member_string (out, FALSE, "contact_name", response->contact_name);
  ic_feed_json_append_member_string (out, FALSE, "email", response->email);
  ic_feed_json_append_member_string (out, FALSE, "answer", response->answer);
  g_string_append_printf (out, ",\"consent\":%s", response->consent ? "true" : "false");
  ic_feed_json_append_member_string (out, FALSE, "received_at", response->received_at);
  g_string_append_printf (out, ",\"contact_erased\":%s}", response->contact_erased ? "true" : "false");
  return g_string_free (out, FALSE);
}

static gboolean
write_response (IcServerDb              *self,
                const IcServerResponse  *response,
                gint64                   base_rev,
                GError                 **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autofree char *updated_at = NULL;
  g_autofree char *body = NULL;
  g_autofree char *hash = NULL;
  IcServerDbWrite w = { 0 };
  gint64 seq;

  /* Milliseconds, as the laptops write them. */
  stamp[23] = 'Z';
  stamp[24] = '\0';
  updated_at = g_strdup (stamp);
  body = response_body (response, base_rev + 1, updated_at);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  w.id = response->id;
  w.kind = "response";
  w.base_rev = base_rev;
  w.rev = base_rev + 1;
  w.body = body;
  w.hash = hash;
  return ic_server_db_log_write (self, &w, &seq, error);
}

gboolean
ic_server_db_add_response (IcServerDb        *self,
                           IcServerResponse  *response,
                           GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (response->challenge_id != NULL, FALSE);

  if (response->id == NULL)
    response->id = g_uuid_string_random ();
  if (response->received_at == NULL)
    response->received_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  if (!ic_server_db_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!write_response (self, response, 0, error))
    {
      ic_server_db_rollback (self);
      return FALSE;
    }
  return ic_server_db_exec (self, "COMMIT", error);
}

static IcServerResponse *
response_from_body (const char *body,
                    gint64      rev)
{
  g_autoptr(JsonNode) root = json_from_string (body, NULL);
  IcServerResponse *response;
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  response = g_new0 (IcServerResponse, 1);
  response->id = g_strdup (json_object_get_string_member_with_default (object, "id", NULL));
  response->challenge_id = g_strdup (json_object_get_string_member_with_default (object, "challenge_id", NULL));
  response->organisation = g_strdup (json_object_get_string_member_with_default (object, "organisation", ""));
  response->contact_name = g_strdup (json_object_get_string_member_with_default (object, "contact_name", ""));
  response->email = g_strdup (json_object_get_string_member_with_default (object, "email", ""));
  response->answer = g_strdup (json_object_get_string_member_with_default (object, "answer", ""));
  response->received_at = g_strdup (json_object_get_string_member_with_default (object, "received_at", NULL));
  response->consent = json_object_get_boolean_member_with_default (object, "consent", FALSE);
  response->contact_erased = json_object_get_boolean_member_with_default (object, "contact_erased", FALSE);
  response->rev = rev;
  return response;
}

GPtrArray *
ic_server_db_list_responses (IcServerDb  *self,
                             const char  *challenge_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_server_response_free);
  g_autoptr(IcServerStmt) stmt = NULL;
  int rc;

  stmt = ic_server_db_prepare (self, "SELECT body, rev FROM record WHERE kind = 'response' AND deleted = 0 "
                                     "AND body IS NOT NULL AND (?1 IS NULL OR "
                                     "json_extract (body, '$.challenge_id') = ?1) ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  bind_nullable (stmt, 1, challenge_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcServerResponse *response = response_from_body ((const char *) sqlite3_column_text (stmt, 0),
                                                       sqlite3_column_int64 (stmt, 1));

      if (response != NULL)
        g_ptr_array_add (responses, response);
    }
  if (rc != SQLITE_DONE)
    {
      ic_server_db_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&responses);
}

gboolean
ic_server_db_erase_response_contact (IcServerDb  *self,
                                     const char  *id,
                                     GError     **error)
{
  g_autoptr(IcServerResponse) response = NULL;
  g_autoptr(IcServerStmt) stmt = NULL;
  int rc;

  if (!ic_server_db_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  stmt = ic_server_db_prepare (self, "SELECT body, rev FROM record WHERE id = ? AND kind = 'response' "
                                     "AND deleted = 0 AND body IS NOT NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    response = response_from_body ((const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1));
  else if (rc != SQLITE_DONE)
    {
      ic_server_db_set_error (self, rc, error);
      goto fail;
    }
  sqlite3_reset (stmt);
  if (response == NULL)
    {
      g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_NOT_FOUND, _("No response has the id %s"), id);
      goto fail;
    }
  /* The answer stays for the team; who sent it goes. */
  g_free (response->contact_name);
  g_free (response->email);
  response->contact_name = g_strdup ("");
  response->email = g_strdup ("");
  response->contact_erased = TRUE;
  if (!write_response (self, response, response->rev, error))
    goto fail;
  return ic_server_db_exec (self, "COMMIT", error);

fail:
  ic_server_db_rollback (self);
  return FALSE;
}

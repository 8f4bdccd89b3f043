/* ic-server-db-push.c — applying a pushed batch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A change edited from base_rev is accepted when the server's copy is at
 * base_rev (or the server has none).  It is accepted again, without a
 * new log entry, when it was applied before: the server's copy is that
 * very state, or the log holds the same transition with the same body.
 * That is what makes a batch safe to send twice.  Anything else is a
 * conflict, answered with the server's copy.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-feed-json-feed.h"
#include "ic-foresight-item.h"
#include "ic-record-json.h"
#include "ic-server-db-private.h"

typedef struct
{
  gboolean  found;
  char     *kind;
  gint64    rev;
  gboolean  deleted;
  char     *body;
  gint64    seq;
} Current;

static void
current_clear (Current *current)
{
  g_free (current->kind);
  g_free (current->body);
}

static gboolean
read_current (IcServerDb  *self,
              const char  *id,
              Current     *current,
              GError     **error)
{
  g_autoptr(IcServerStmt) stmt =
    ic_server_db_prepare (self, "SELECT kind, rev, deleted, body, seq FROM record WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      ic_server_db_set_error (self, rc, error);
      return FALSE;
    }
  current->found = TRUE;
  current->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  current->rev = sqlite3_column_int64 (stmt, 1);
  current->deleted = sqlite3_column_int (stmt, 2) != 0;
  current->body = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  current->seq = sqlite3_column_int64 (stmt, 4);
  return TRUE;
}

/* The seq of an earlier, identical application of this change, or 0. */
static gboolean
find_applied (IcServerDb    *self,
              IcFeedChange  *change,
              const char    *hash,
              gint64        *seq,
              GError       **error)
{
  g_autoptr(IcServerStmt) stmt =
    ic_server_db_prepare (self, "SELECT seq FROM change WHERE id = ? AND rev = ? AND base_rev = ? "
                                "AND deleted = ? AND hash = ? ORDER BY seq LIMIT 1", error);
  int rc;

  *seq = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, change->rev);
  sqlite3_bind_int64 (stmt, 3, change->base_rev);
  sqlite3_bind_int (stmt, 4, change->deleted ? 1 : 0);
  sqlite3_bind_text (stmt, 5, hash, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *seq = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      ic_server_db_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Chains the change just logged at @seq to the one before it. */
static gboolean
chain_change (IcServerDb    *self,
              const char    *id,
              gint64         rev,
              gboolean       deleted,
              const char    *hash,
              gint64         seq,
              GError       **error)
{
  g_autoptr(IcServerStmt) previous = NULL;
  g_autoptr(IcServerStmt) update = NULL;
  g_autofree char *chain = NULL;
  int rc;

  previous = ic_server_db_prepare (self, "SELECT chain FROM change WHERE seq < ? "
                                         "ORDER BY seq DESC LIMIT 1", error);
  if (previous == NULL)
    return FALSE;
  sqlite3_bind_int64 (previous, 1, seq);
  rc = sqlite3_step (previous);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ic_server_db_set_error (self, rc, error);
      return FALSE;
    }
  chain = ic_server_db_chain (rc == SQLITE_ROW ? (const char *) sqlite3_column_text (previous, 0) : NULL,
                              seq, id, rev, deleted, hash);
  sqlite3_reset (previous);

  update = ic_server_db_prepare (self, "UPDATE change SET chain = ? WHERE seq = ?", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, chain, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (update, 2, seq);
  if (sqlite3_step (update) != SQLITE_DONE)
    {
      ic_server_db_set_error (self, sqlite3_extended_errcode (sqlite3_db_handle (update)), error);
      return FALSE;
    }
  return TRUE;
}

gboolean
ic_server_db_log_write (IcServerDb             *self,
                        const IcServerDbWrite  *w,
                        gint64                 *seq,
                        GError                **error)
{
  g_autoptr(IcServerStmt) log = NULL;
  g_autoptr(IcServerStmt) upsert = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *received_at = g_date_time_format_iso8601 (now);

  log = ic_server_db_prepare (self, "INSERT INTO change (id, kind, base_rev, rev, deleted, hash, token, "
                                    "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (log == NULL)
    return FALSE;
  sqlite3_bind_text (log, 1, w->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (log, 2, w->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (log, 3, w->base_rev);
  sqlite3_bind_int64 (log, 4, w->rev);
  sqlite3_bind_int (log, 5, w->deleted ? 1 : 0);
  sqlite3_bind_text (log, 6, w->hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (log, 7, w->token_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (log, 8, received_at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (log) != SQLITE_DONE)
    {
      ic_server_db_set_error (self, sqlite3_extended_errcode (sqlite3_db_handle (log)), error);
      return FALSE;
    }
  *seq = sqlite3_last_insert_rowid (sqlite3_db_handle (log));
  if (!chain_change (self, w->id, w->rev, w->deleted, w->hash, *seq, error))
    return FALSE;

  upsert = ic_server_db_prepare (self, "INSERT INTO record (id, kind, rev, deleted, body, seq, published, public) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO UPDATE SET "
                                       "kind = ?2, rev = ?3, deleted = ?4, body = ?5, seq = ?6, "
                                       "published = ?7, public = ?8", error);
  if (upsert == NULL)
    return FALSE;
  sqlite3_bind_text (upsert, 1, w->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (upsert, 2, w->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (upsert, 3, w->rev);
  sqlite3_bind_int (upsert, 4, w->deleted ? 1 : 0);
  sqlite3_bind_text (upsert, 5, w->body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (upsert, 6, *seq);
  sqlite3_bind_text (upsert, 7, w->published, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (upsert, 8, w->is_public && !w->deleted ? 1 : 0);
  if (sqlite3_step (upsert) != SQLITE_DONE)
    {
      ic_server_db_set_error (self, sqlite3_extended_errcode (sqlite3_db_handle (upsert)), error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_change (IcServerDb    *self,
              IcFeedChange  *change,
              const char    *body,
              const char    *hash,
              const char    *token_name,
              gint64        *seq,
              GError       **error)
{
  g_autofree char *published = NULL;
  IcServerDbWrite w = {
    .id = change->id,
    .kind = ic_record_kind_to_string (change->kind),
    .base_rev = change->base_rev,
    .rev = change->rev,
    .deleted = change->deleted,
    .body = body,
    .hash = hash,
    .token_name = token_name,
  };

  /* The feed sorts on this text: only an RFC 3339 time, in UTC, sorts
   * as it should (a week date or "+0100" would not). */
  if (change->record != NULL && IC_IS_FORESIGHT_ITEM (change->record))
    published = ic_feed_rfc3339_normalise (ic_foresight_item_get_published (IC_FORESIGHT_ITEM (change->record)));
  w.published = published;
  w.is_public = change->record != NULL &&
                ic_record_get_visibility (change->record) == IC_VISIBILITY_PUBLIC;
  return ic_server_db_log_write (self, &w, seq, error);
}

static gboolean
apply_one (IcServerDb    *self,
           IcFeedChange  *change,
           const char    *token_name,
           guint          index,
           gint64        *acked,
           GString       *out,
           GError       **error)
{
  g_autofree char *body = NULL;
  g_autofree char *hash = NULL;
  Current current = { 0 };
  gboolean ok = FALSE;
  gint64 seq;

  /* The body as this server writes it, so equal records compare equal. */
  if (!change->deleted)
    body = ic_feed_record_to_json (change->record, change->extra);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body ? body : "deleted", -1);

  if (!read_current (self, change->id, &current, error))
    goto out;

  if (current.found && g_strcmp0 (current.kind, ic_record_kind_to_string (change->kind)) != 0)
    {
      g_autofree char *detail = g_strdup_printf (_("id: the id belongs to a %s"), current.kind);

      ic_feed_results_write_rejected (out, index, change->id, "kind-mismatch", 409, detail);
      ok = TRUE;
    }
  else if (!current.found || current.rev == change->base_rev)
    {
      ok = write_change (self, change, body, hash, token_name, &seq, error);
      if (ok)
        {
          ic_feed_results_write_accepted (out, index, change->id, change->rev, seq);
          *acked = MAX (*acked, seq);
        }
    }
  else if (current.rev == change->rev && current.deleted == change->deleted &&
           g_strcmp0 (current.body, body) == 0)
    {
      ic_feed_results_write_accepted (out, index, change->id, current.rev, current.seq);
      *acked = MAX (*acked, current.seq);
      ok = TRUE;
    }
  else
    {
      if (!find_applied (self, change, hash, &seq, error))
        goto out;
      if (seq > 0)
        {
          ic_feed_results_write_accepted (out, index, change->id, change->rev, seq);
          *acked = MAX (*acked, seq);
        }
      else
        ic_feed_results_write_conflict (out, index, change->id, current.kind, current.rev,
                                        current.seq, current.deleted, current.body);
      ok = TRUE;
    }

out:
  current_clear (&current);
  return ok;
}

gboolean
ic_server_db_apply_batch (IcServerDb  *self,
                          GPtrArray   *items,
                          const char  *token_name,
                          GString     *out,
                          GError     **error)
{
  g_autoptr(IcServerStmt) last = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *acked_chain = NULL;
  gsize start = out->len;
  gint64 last_seq;
  gint64 acked = 0;

  if (!ic_server_db_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  ic_feed_results_write_start (out);
  for (guint i = 0; i < items->len; i++)
    {
      IcServerPushItem *item = g_ptr_array_index (items, i);

      if (item->change == NULL)
        ic_feed_results_write_rejected (out, i, item->id, "invalid-change", 422, item->problem);
      else if (!apply_one (self, item->change, token_name, i, &acked, out, error))
        goto fail;
    }

  last = ic_server_db_prepare (self, "SELECT coalesce (max (seq), 0) FROM record", error);
  if (last == NULL || sqlite3_step (last) != SQLITE_ROW)
    {
      if (last != NULL)
        ic_server_db_set_error (self, sqlite3_extended_errcode (sqlite3_db_handle (last)), error);
      goto fail;
    }
  /* Reset before the commit: no statement may be left reading. */
  last_seq = sqlite3_column_int64 (last, 0);
  sqlite3_reset (last);
  /* The chain at the newest change accepted: a laptop that cannot pull
   * now checks later that the log still holds it. */
  acked_chain = acked > 0 ? ic_server_db_read_chain (self, acked, &local_error) : NULL;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  ic_feed_results_write_end (out, last_seq, acked_chain ? acked : 0, acked_chain);

  if (ic_server_db_exec (self, "COMMIT", error))
    return TRUE;

fail:
  ic_server_db_rollback (self);
  g_string_truncate (out, start);
  return FALSE;
}

/* ic-server-db.c — opening, tokens, pages and the public feed's items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pushes are applied in ic-server-db-push.c.  A pull reads the records
 * table in seq order: each record appears once, at the seq of its last
 * change, so a client far behind downloads each record once however
 * often it changed.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-feed-json.h"
#include "ic-feed-protocol.h"
#include "ic-foresight-item.h"
#include "ic-record-json.h"
#include "ic-server-db-private.h"
#include "ic-server-token.h"

#define SCHEMA_VERSION   3
#define BUSY_TIMEOUT_MS  2000

struct _IcServerDb
{
  GObject     parent_instance;

  sqlite3    *db;
  GHashTable *statements;
  char       *feed_id;
  char       *path;
};

G_DEFINE_FINAL_TYPE (IcServerDb, ic_server_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (ic-server-error-quark, ic_server_error)

static const char schema_1[] =
  "CREATE TABLE meta (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT NOT NULL);\n"
  "CREATE TABLE token (\n"
  "  name TEXT PRIMARY KEY NOT NULL,\n"
  "  hash TEXT NOT NULL UNIQUE,\n"
  "  scope TEXT NOT NULL,\n"
  "  created_at TEXT NOT NULL,\n"
  "  revoked_at TEXT);\n"
  "CREATE TABLE record (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  rev INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL,\n"
  "  body TEXT,\n"
  "  seq INTEGER NOT NULL UNIQUE,\n"
  "  published TEXT);\n"
  "CREATE TABLE change (\n"
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  id TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  base_rev INTEGER NOT NULL,\n"
  "  rev INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL,\n"
  "  hash TEXT NOT NULL,\n"
  "  token TEXT,\n"
  "  received_at TEXT NOT NULL);\n"
  "CREATE INDEX change_id_rev ON change (id, rev);\n"
  "CREATE INDEX record_feed ON record (kind, deleted, published);\n";

/* Version 2: each change carries a hash chained over the log, so that a
 * client can tell whether the log still holds what it pulled. */
static const char schema_2[] =
  "ALTER TABLE change ADD COLUMN chain TEXT;\n";

/* Version 3: the public board.  Which records anyone may see (no record
 * was public before: the visibility did not exist), and the secret that
 * signs the board's answer forms. */
static const char schema_3_column[] =
  "ALTER TABLE record ADD COLUMN public INTEGER NOT NULL DEFAULT 0;\n";
static const char schema_3[] =
  "UPDATE record SET public = 1 WHERE deleted = 0 AND body IS NOT NULL "
  "  AND json_valid (body) AND json_extract (body, '$.visibility') = 'public';\n"
  "CREATE INDEX IF NOT EXISTS record_public ON record (kind, public, deleted, seq);\n"
  "INSERT OR IGNORE INTO meta (key, value) VALUES ('form_secret', lower (hex (randomblob (32))));\n";

void
ic_server_token_free (IcServerToken *token)
{
  if (token == NULL)
    return;
  g_free (token->name);
  g_free (token->created_at);
  g_free (token->revoked_at);
  g_free (token);
}

void
ic_server_push_item_free (IcServerPushItem *item)
{
  if (item == NULL)
    return;
  g_clear_pointer (&item->change, ic_feed_change_free);
  g_free (item->id);
  g_free (item->problem);
  g_free (item);
}

static void
ic_server_db_finalize (GObject *object)
{
  IcServerDb *self = IC_SERVER_DB (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->feed_id);
  g_free (self->path);

  G_OBJECT_CLASS (ic_server_db_parent_class)->finalize (object);
}

static void
ic_server_db_class_init (IcServerDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_server_db_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ic_server_db_init (IcServerDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

void
ic_server_db_set_error (IcServerDb  *self,
                        int          rc,
                        GError     **error)
{
  IcServerError code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = IC_SERVER_ERROR_BUSY;
      break;
    case SQLITE_CONSTRAINT:
      code = IC_SERVER_ERROR_EXISTS;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_PERM:
      code = IC_SERVER_ERROR_OPEN;
      break;
    default:
      code = IC_SERVER_ERROR_SQL;
      break;
    }
  g_set_error (error, IC_SERVER_ERROR, code, "%s",
               self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
}

void
ic_server_stmt_release (IcServerStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

IcServerStmt *
ic_server_db_prepare (IcServerDb  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ic_server_db_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
ic_server_db_exec (IcServerDb  *self,
                   const char  *sql,
                   GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      ic_server_db_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

void
ic_server_db_rollback (IcServerDb *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
read_int (IcServerDb  *self,
          const char  *sql,
          gint64      *value,
          GError     **error)
{
  g_autoptr(IcServerStmt) stmt = ic_server_db_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ic_server_db_set_error (self, rc, error);
      return FALSE;
    }
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

char *
ic_server_db_chain (const char *previous,
                    gint64      seq,
                    const char *id,
                    gint64      rev,
                    gboolean    deleted,
                    const char *hash)
{
  g_autofree char *text =
    g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%s\n%" G_GINT64_FORMAT "\n%d\n%s",
                     previous ? previous : "", seq, id, rev, deleted ? 1 : 0, hash);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* Chains the changes a version 1 database logged, oldest first. */
static gboolean
chain_existing (IcServerDb  *self,
                GError     **error)
{
  g_autoptr(IcServerStmt) read = NULL;
  g_autofree char *previous = NULL;
  int rc;

  read = ic_server_db_prepare (self, "SELECT seq, id, rev, deleted, hash FROM change ORDER BY seq", error);
  if (read == NULL)
    return FALSE;
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      g_autoptr(IcServerStmt) update = NULL;
      gint64 seq = sqlite3_column_int64 (read, 0);
      char *chain = ic_server_db_chain (previous, seq, (const char *) sqlite3_column_text (read, 1),
                                        sqlite3_column_int64 (read, 2),
                                        sqlite3_column_int (read, 3) != 0,
                                        (const char *) sqlite3_column_text (read, 4));

      g_free (previous);
      previous = chain;
      update = ic_server_db_prepare (self, "UPDATE change SET chain = ? WHERE seq = ?", error);
      if (update == NULL)
        return FALSE;
      sqlite3_bind_text (update, 1, chain, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (update, 2, seq);
      if (sqlite3_step (update) != SQLITE_DONE)
        {
          ic_server_db_set_error (self, sqlite3_errcode (self->db), error);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      ic_server_db_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (IcServerDb  *self,
         GError     **error)
{
  g_autoptr(IcServerStmt) insert = NULL;
  g_autofree char *feed_id = NULL;
  gint64 version;
  gint64 has_public = 0;

  if (!ic_server_db_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!read_int (self, "PRAGMA user_version", &version, error))
    goto fail;
  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_OPEN,
                   _("The database has schema version %d; this server knows up to %d"),
                   (int) version, SCHEMA_VERSION);
      goto fail;
    }
  if (version == 0)
    {
      feed_id = g_uuid_string_random ();
      if (!ic_server_db_exec (self, schema_1, error))
        goto fail;
      insert = ic_server_db_prepare (self, "INSERT INTO meta (key, value) VALUES ('feed_id', ?)", error);
      if (insert == NULL)
        goto fail;
      sqlite3_bind_text (insert, 1, feed_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          ic_server_db_set_error (self, sqlite3_errcode (self->db), error);
          goto fail;
        }
      if (!ic_server_db_exec (self, "PRAGMA user_version = 1", error))
        goto fail;
      version = 1;
    }
  if (version == 1)
    {
      if (!ic_server_db_exec (self, schema_2, error) ||
          !chain_existing (self, error) ||
          !ic_server_db_exec (self, "PRAGMA user_version = 2", error))
        goto fail;
      version = 2;
    }
  if (version == 2)
    {
      /* A database put back to an older version by hand may have the
       * column already. */
      if (!read_int (self, "SELECT count (*) FROM pragma_table_info ('record') WHERE name = 'public'",
                     &has_public, error) ||
          (has_public == 0 && !ic_server_db_exec (self, schema_3_column, error)) ||
          !ic_server_db_exec (self, schema_3, error) ||
          !ic_server_db_exec (self, "PRAGMA user_version = 3", error))
        goto fail;
    }
  return ic_server_db_exec (self, "COMMIT", error);

fail:
  ic_server_db_rollback (self);
  return FALSE;
}

static char *
read_feed_id (IcServerDb  *self,
              GError     **error)
{
  g_autoptr(IcServerStmt) stmt =
    ic_server_db_prepare (self, "SELECT value FROM meta WHERE key = 'feed_id'", error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_OPEN, _("The database has no feed id"));
      return NULL;
    }
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static IcServerDb *open_connection (const char  *path,
                                    gboolean     migrating,
                                    GError     **error);

IcServerDb *
ic_server_db_open (const char  *path,
                   GError     **error)
{
  return open_connection (path, TRUE, error);
}

IcServerDb *
ic_server_db_open_another (IcServerDb  *self,
                           GError     **error)
{
  g_return_val_if_fail (IC_IS_SERVER_DB (self), NULL);
  return open_connection (self->path, FALSE, error);
}

static IcServerDb *
open_connection (const char  *path,
                 gboolean     migrating,
                 GError     **error)
{
  g_autoptr(IcServerDb) self = g_object_new (IC_TYPE_SERVER_DB, NULL);
  g_autoptr(GError) local_error = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_OPEN, _("Cannot open %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);

  /* Durable: an answered push must survive a power cut, not only a kill. */
  /* Another connection to a database opened already finds it migrated,
   * and need not wait for the write lock to see so. */
  if (!ic_server_db_exec (self, migrating ? "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                                          : "PRAGMA synchronous = FULL;", &local_error) ||
      (migrating && !migrate (self, &local_error)))
    {
      g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_OPEN, _("Cannot open %s: %s"), path,
                   local_error->message);
      return NULL;
    }
  self->feed_id = read_feed_id (self, error);
  if (self->feed_id == NULL)
    return NULL;
  self->path = g_strdup (path);
  return g_steal_pointer (&self);
}

const char *
ic_server_db_get_path (IcServerDb *self)
{
  g_return_val_if_fail (IC_IS_SERVER_DB (self), NULL);
  return self->path;
}

const char *
ic_server_db_get_feed_id (IcServerDb *self)
{
  g_return_val_if_fail (IC_IS_SERVER_DB (self), NULL);
  return self->feed_id;
}

/* Tokens */

static const char *
scope_to_string (IcServerScope scope)
{
  return scope == IC_SERVER_SCOPE_READ ? "read" : "read-write";
}

static IcServerScope
scope_from_string (const char *scope)
{
  return g_strcmp0 (scope, "read-write") == 0 ? IC_SERVER_SCOPE_READ_WRITE : IC_SERVER_SCOPE_READ;
}

gboolean
ic_server_db_add_token (IcServerDb     *self,
                        const char     *name,
                        const char     *hash,
                        IcServerScope   scope,
                        GError        **error)
{
  g_autoptr(IcServerStmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created_at = g_date_time_format_iso8601 (now);
  int rc;

  stmt = ic_server_db_prepare (self, "INSERT INTO token (name, hash, scope, created_at) "
                                     "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, scope_to_string (scope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, created_at, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_EXISTS,
                   _("A token named “%s” exists already; revoke it or choose another name"), name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      ic_server_db_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
ic_server_db_list_tokens (IcServerDb  *self,
                          GError     **error)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_server_token_free);
  g_autoptr(IcServerStmt) stmt = NULL;
  int rc;

  stmt = ic_server_db_prepare (self, "SELECT name, scope, created_at, revoked_at FROM token ORDER BY name",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcServerToken *token = g_new0 (IcServerToken, 1);

      token->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      token->scope = scope_from_string ((const char *) sqlite3_column_text (stmt, 1));
      token->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      token->revoked_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (tokens, token);
    }
  if (rc != SQLITE_DONE)
    {
      ic_server_db_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&tokens);
}

gboolean
ic_server_db_revoke_token (IcServerDb  *self,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(IcServerStmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *revoked_at = g_date_time_format_iso8601 (now);
  int rc;

  stmt = ic_server_db_prepare (self, "UPDATE token SET revoked_at = ? "
                                     "WHERE name = ? AND revoked_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, revoked_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      ic_server_db_set_error (self, rc, error);
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_NOT_FOUND,
                   _("No valid token is named “%s”"), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
ic_server_db_check_token (IcServerDb     *self,
                          const char     *hash,
                          char          **name,
                          IcServerScope  *scope,
                          GError        **error)
{
  g_autoptr(IcServerStmt) stmt = NULL;
  gboolean found = FALSE;
  int rc;

  stmt = ic_server_db_prepare (self, "SELECT name, hash, scope FROM token WHERE revoked_at IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  /* Every token is compared, whether or not one matched already. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *stored = (const char *) sqlite3_column_text (stmt, 1);

      if (ic_server_token_hash_equal (stored, hash) && !found)
        {
          found = TRUE;
          *name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          *scope = scope_from_string ((const char *) sqlite3_column_text (stmt, 2));
        }
    }
  if (rc != SQLITE_DONE)
    {
      if (found)
        g_clear_pointer (name, g_free);
      ic_server_db_set_error (self, rc, error);
      return FALSE;
    }
  return found;
}

/* Pages */

gint64
ic_server_db_get_last_seq (IcServerDb  *self,
                           GError     **error)
{
  gint64 seq = -1;

  if (!read_int (self, "SELECT coalesce (max (seq), 0) FROM record", &seq, error))
    return -1;
  return seq;
}

char *
ic_server_db_read_chain (IcServerDb  *self,
            gint64       seq,
            GError     **error)
{
  g_autoptr(IcServerStmt) stmt =
    ic_server_db_prepare (self, "SELECT chain FROM change WHERE seq = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, seq);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    ic_server_db_set_error (self, rc, error);
  return NULL;
}

gboolean
ic_server_db_check_cursor (IcServerDb  *self,
                           gint64       since,
                           const char  *since_hash,
                           gboolean    *known,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *chain = NULL;

  *known = TRUE;
  if (since == 0 || since_hash == NULL)
    return TRUE;
  chain = ic_server_db_read_chain (self, since, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *known = chain != NULL && g_str_equal (chain, since_hash);
  return TRUE;
}

gboolean
ic_server_db_write_changes (IcServerDb  *self,
                            gint64       since,
                            guint        limit,
                            gsize        max_bytes,
                            gsize        client_cap,
                            gint64      *snapshot_seq,
                            GString     *out,
                            GError     **error)
{
  g_autoptr(IcServerStmt) stmt = NULL;
  g_autoptr(GString) item = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *last_hash = NULL;
  gint64 last_seq = since;
  gboolean more = FALSE;
  gsize start = out->len;
  guint n = 0;
  int rc;

  /* Inside one read transaction, the page is one consistent snapshot. */
  if (!ic_server_db_exec (self, "BEGIN", error))
    return FALSE;
  if (snapshot_seq != NULL && !read_int (self, "SELECT coalesce (max (seq), 0) FROM record", snapshot_seq, error))
    goto fail;
  stmt = ic_server_db_prepare (self, "SELECT seq, id, kind, rev, deleted, body FROM record "
                                     "WHERE seq > ? ORDER BY seq LIMIT ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, (gint64) limit + 1);

  ic_feed_page_write_start (out, self->feed_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *id = (const char *) sqlite3_column_text (stmt, 1);
      const char *kind = (const char *) sqlite3_column_text (stmt, 2);
      gint64 rev = sqlite3_column_int64 (stmt, 3);
      gboolean deleted = sqlite3_column_int (stmt, 4) != 0;
      const char *body = (const char *) sqlite3_column_text (stmt, 5);

      if (n == limit)
        {
          more = TRUE;
          break;
        }
      g_string_truncate (item, 0);
      ic_feed_page_write_change (item, n, seq, id, kind, rev, deleted, body);
      if (item->len + IC_FEED_PAGE_OVERHEAD_BYTES > client_cap)
        {
          /* More than the client may read in one answer: it hears of
           * the change by id, and its cursor moves on. */
          g_string_truncate (item, 0);
          ic_feed_page_write_too_large (item, n, seq, id, kind, rev, sqlite3_column_bytes (stmt, 5));
        }
      /* Bounded by bytes too, but never empty: a page always moves the
       * cursor by one change at least. */
      if (n > 0 && out->len - start + item->len + IC_FEED_PAGE_TAIL_BYTES > max_bytes)
        {
          more = TRUE;
          break;
        }
      g_string_append_len (out, item->str, item->len);
      last_seq = seq;
      n++;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ic_server_db_set_error (self, rc, error);
      goto fail;
    }
  sqlite3_reset (stmt);
  last_hash = last_seq > 0 ? ic_server_db_read_chain (self, last_seq, &local_error) : NULL;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  ic_feed_page_write_end (out, last_seq, last_hash, more);
  return ic_server_db_exec (self, "COMMIT", error);

fail:
  if (stmt != NULL)
    sqlite3_reset (stmt);
  ic_server_db_rollback (self);
  g_string_truncate (out, start);
  return FALSE;
}

gboolean
ic_server_db_revs_diff (IcServerDb  *self,
                        GPtrArray   *revs,
                        GString     *out,
                        GError     **error)
{
  gsize start = out->len;
  guint n = 0;

  if (!ic_server_db_exec (self, "BEGIN", error))
    return FALSE;
  g_string_append (out, "{\"missing\":[");
  for (guint i = 0; i < revs->len; i++)
    {
      IcFeedRev *rev = g_ptr_array_index (revs, i);
      g_autoptr(IcServerStmt) stmt =
        ic_server_db_prepare (self, "SELECT rev FROM record WHERE id = ?", error);
      gint64 held = 0;
      int rc;

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, rev->id, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        held = sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        {
          ic_server_db_set_error (self, rc, error);
          goto fail;
        }
      if (held >= rev->rev)
        continue;
      g_string_append (out, n++ > 0 ? ",{" : "{");
      ic_feed_json_append_member_string (out, TRUE, "id", rev->id);
      ic_feed_json_append_member_int (out, FALSE, "rev", held);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  return ic_server_db_exec (self, "COMMIT", error);

fail:
  ic_server_db_rollback (self);
  g_string_truncate (out, start);
  return FALSE;
}

/* The public feed */

GPtrArray *
ic_server_db_list_foresight (IcServerDb  *self,
                             guint        limit,
                             GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcServerStmt) stmt = NULL;
  int rc;

  stmt = ic_server_db_prepare (self, "SELECT body FROM record "
                                     "WHERE kind = 'foresight' AND public = 1 AND deleted = 0 AND body IS NOT NULL "
                                     "ORDER BY published DESC, seq DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      IcRecord *item = ic_record_new_from_json_data (IC_RECORD_KIND_FORESIGHT,
                                                     (const char *) sqlite3_column_text (stmt, 0),
                                                     sqlite3_column_bytes (stmt, 0), &local_error);

      /* Stored bodies were validated on the way in. */
      if (item == NULL)
        g_debug ("Skipping a stored foresight item: %s", local_error->message);
      else
        g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      ic_server_db_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

gint64
ic_server_db_get_foresight_seq (IcServerDb  *self,
                                GError     **error)
{
  gint64 seq = -1;

  if (!read_int (self, "SELECT coalesce (max (seq), 0) FROM record WHERE kind = 'foresight'", &seq, error))
    return -1;
  return seq;
}

/* ic-store.c — the connection, its statements and reading records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes live in ic-store-write.c, lists in ic-store-list.c, the change
 * log in ic-store-changes.c and the taxonomy in ic-store-taxonomy.c.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ic-shortlist.h"
#include "ic-shortlist-entry.h"
#include "ic-store-events.h"
#include "ic-store-private.h"
#include "ic-store-schema.h"

#define BUSY_TIMEOUT_MS 5000

struct _IcStore
{
  GObject          parent_instance;

  char            *path;
  sqlite3         *db;
  GHashTable      *statements;   /* SQL → sqlite3_stmt, finalised with the store */
  sqlite3_stmt    *slots[IC_STORE_N_SLOTS][IC_N_RECORD_KINDS]; /* some of those */
  IcStoreKindInfo  kinds[IC_N_RECORD_KINDS];
  IcStoreKindInfo  entries;
  IcTaxonomy      *taxonomy;
  guint            schema_version;
  guint            write_depth;   /* ic_store_begin () calls not yet ended */
  gboolean         skip_history;  /* for the benchmark that weighs the history */
};

G_DEFINE_FINAL_TYPE (IcStore, ic_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (ic-store-error-quark, ic_store_error)

static void
kind_info_clear (IcStoreKindInfo *info)
{
  g_clear_pointer (&info->table, ic_store_table_free);
  g_clear_pointer (&info->select_sql, g_free);
  g_clear_pointer (&info->insert_sql, g_free);
  g_clear_pointer (&info->upsert_sql, g_free);
  g_clear_pointer (&info->find_elsewhere_sql, g_free);
  g_clear_pointer (&info->key_holder_sql, g_free);
  g_clear_pointer (&info->fts_rank, g_free);
  g_clear_pointer (&info->fts_insert_sql, g_free);
  g_clear_pointer (&info->fts_index_sql, g_free);
}

static void
ic_store_finalize (GObject *object)
{
  IcStore *self = IC_STORE (object);

  /* The statements must go before the connection can close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  for (guint i = 0; i < IC_N_RECORD_KINDS; i++)
    kind_info_clear (&self->kinds[i]);
  kind_info_clear (&self->entries);
  g_clear_object (&self->taxonomy);
  g_free (self->path);

  G_OBJECT_CLASS (ic_store_parent_class)->finalize (object);
}

static void
ic_store_class_init (IcStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ic_store_init (IcStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

void
ic_store_set_sqlite_error (GError  **error,
                           sqlite3  *db,
                           int       rc)
{
  IcStoreError code;
  const char *message;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = IC_STORE_ERROR_BUSY;
      break;
    case SQLITE_CONSTRAINT:
      code = rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE
             ? IC_STORE_ERROR_EXISTS : IC_STORE_ERROR_CONSTRAINT;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_PERM:
      code = IC_STORE_ERROR_OPEN;
      break;
    default:
      code = IC_STORE_ERROR_SQL;
      break;
    }

  /* See ic_store_set_cancellable(). */
  if ((rc & 0xff) == SQLITE_INTERRUPT)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Operation was cancelled"));
      return;
    }

  if (db != NULL && sqlite3_extended_errcode (db) == rc)
    message = sqlite3_errmsg (db);
  else
    message = sqlite3_errstr (rc);

  if (code == IC_STORE_ERROR_BUSY)
    g_set_error (error, IC_STORE_ERROR, code,
                 _("The database stayed busy with another program’s work: %s"), message);
  else
    g_set_error_literal (error, IC_STORE_ERROR, code, message);
}

/* The thread no store may reach the database on (ic_store_forbid_thread()). */
static GThread *forbidden_thread;

void
ic_store_forbid_thread (GThread *thread)
{
  g_atomic_pointer_set (&forbidden_thread, thread);
}

void
ic_store_check_thread (const char *what)
{
  GThread *thread = g_atomic_pointer_get (&forbidden_thread);

  if (G_UNLIKELY (thread != NULL && thread == g_thread_self ()))
    g_critical ("Blocking database call on a thread that must not wait for it: %s", what);
}

gboolean
ic_store_db_exec (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  ic_store_check_thread (sql);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      ic_store_set_sqlite_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
ic_store_get_db (IcStore *self)
{
  return self->db;
}

void
ic_store_stmt_release (IcStoreStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

IcStoreStmt *
ic_store_prepare (IcStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  ic_store_check_thread (sql);
  if (stmt != NULL)
    {
      /* Two users of one statement at once would step on each other. */
      if (sqlite3_stmt_busy (stmt))
        {
          g_critical ("Statement in use twice: %s", sql);
          g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_SQL,
                       "Statement in use twice: %s", sql);
          return NULL;
        }
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ic_store_set_sqlite_error (error, self->db, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

IcStoreStmt *
ic_store_prepare_slot (IcStore       *self,
                       IcStoreSlot    slot,
                       IcRecordKind   kind,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt **remembered;

  g_return_val_if_fail ((guint) slot < IC_STORE_N_SLOTS && (guint) kind < IC_N_RECORD_KINDS,
                        NULL);

  ic_store_check_thread (sql);
  remembered = &self->slots[slot][kind];
  if (*remembered == NULL || sqlite3_stmt_busy (*remembered))
    *remembered = ic_store_prepare (self, sql, error);
  return *remembered;
}

gboolean
ic_store_step_done (IcStore      *self,
                    IcStoreStmt  *stmt,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      ic_store_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_cached (IcStore     *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, sql, error);

  return stmt != NULL && ic_store_step_done (self, stmt, error);
}

static int
interrupt_if_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

void
ic_store_set_cancellable (IcStore      *self,
                          GCancellable *cancellable)
{
  g_return_if_fail (IC_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* Asked every thousand steps of the virtual machine: a count over a
   * hundred thousand rows takes tens of thousands. */
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 1000, interrupt_if_cancelled, cancellable);
  else
    sqlite3_progress_handler (self->db, 0, NULL, NULL);
}

/* Inside a write already begun (ic_store_begin_write ()), a write is a
 * savepoint of it: it commits or rolls back with the outer one. */
gboolean
ic_store_begin (IcStore  *self,
                GError  **error)
{
  if (!run_cached (self, self->write_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT ic_nested", error))
    return FALSE;
  self->write_depth++;
  return TRUE;
}

gboolean
ic_store_commit (IcStore  *self,
                 GError  **error)
{
  if (self->write_depth > 1)
    {
      if (!run_cached (self, "RELEASE ic_nested", error))
        return FALSE;
      self->write_depth--;
      return TRUE;
    }
  /* A failed COMMIT leaves the transaction open, for ic_store_rollback (). */
  if (!run_cached (self, "COMMIT", error))
    return FALSE;
  self->write_depth = 0;
  return TRUE;
}

void
ic_store_rollback (IcStore *self)
{
  if (self->write_depth > 1)
    {
      run_cached (self, "ROLLBACK TO ic_nested", NULL);
      run_cached (self, "RELEASE ic_nested", NULL);
      self->write_depth--;
      return;
    }
  if (!sqlite3_get_autocommit (self->db))
    run_cached (self, "ROLLBACK", NULL);
  self->write_depth = 0;
}

gboolean
ic_store_begin_write (IcStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);

  return ic_store_begin (self, error);
}

gboolean
ic_store_end_write (IcStore   *self,
                    gboolean   commit,
                    GError   **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->write_depth > 0, FALSE);

  if (commit && ic_store_commit (self, error))
    return TRUE;
  ic_store_rollback (self);
  return !commit;
}

const IcStoreKindInfo *
ic_store_get_kind_info (IcStore      *self,
                        IcRecordKind  kind)
{
  g_return_val_if_fail ((guint) kind < IC_N_RECORD_KINDS, NULL);
  return &self->kinds[kind];
}

const IcStoreKindInfo *
ic_store_get_entry_info (IcStore *self)
{
  return &self->entries;
}

/* The columns of each kind's full-text table, in its order (see
 * ic-store-schema.c), or NULL. */
static const char * const *
fts_column_names (IcRecordKind kind)
{
  static const char * const organisation[] = { "name", "notes", NULL };
  static const char * const text[] = { "title", "description", "tags", NULL };
  static const char * const foresight[] = { "title", "summary", "tags", NULL };

  switch (kind)
    {
    case IC_RECORD_KIND_ORGANISATION:
      return organisation;
    case IC_RECORD_KIND_CHALLENGE:
    case IC_RECORD_KIND_CAPABILITY:
      return text;
    case IC_RECORD_KIND_FORESIGHT:
      return foresight;
    case IC_RECORD_KIND_SHORTLIST:
    default:
      return NULL;
    }
}

static void
setup_fts (IcStoreKindInfo *info,
           IcRecordKind     kind)
{
  const char * const *names = fts_column_names (kind);
  const char *name = ic_record_kind_to_string (kind);
  g_autofree char *fts = g_strconcat (name, "_fts", NULL);
  g_autoptr(GString) params = g_string_new ("?");
  g_autoptr(GString) columns = g_string_new ("rowid");

  if (names == NULL)
    return;

  info->fts = g_intern_string (fts);
  for (guint i = 0; names[i] != NULL; i++)
    {
      int column = ic_store_table_find_column (info->table, names[i]);

      g_assert (column >= 0 && i < G_N_ELEMENTS (info->fts_columns));
      info->fts_columns[info->n_fts_columns++] = column;
      g_string_append_printf (columns, ", %s", names[i]);
      g_string_append (params, ", ?");
    }
  info->fts_insert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                          fts, columns->str, params->str);
  info->fts_index_sql = g_strdup_printf ("INSERT INTO %s (%s) SELECT %s FROM %s "
                                         "WHERE rowid BETWEEN ?1 AND ?2",
                                         fts, columns->str, columns->str, name);

  /* Weights in the order of the columns: title or name, then the long
   * text, then the tags (organisations have none). */
  info->fts_rank = g_strdup_printf ("ic_rank(%s, 10.0, 1.0%s)", fts,
                                    kind == IC_RECORD_KIND_ORGANISATION ? "" : ", 5.0");
}

/* Which other kind's table holds the id ?1, if any: only the tables'
 * id indexes are read. */
static char *
build_find_elsewhere (IcRecordKind kind)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint other = 0; other < IC_N_RECORD_KINDS; other++)
    {
      if (other == kind)
        continue;
      g_string_append_printf (sql, "%sSELECT %u FROM %s WHERE id = ?1",
                              sql->len > 0 ? " UNION ALL " : "", other,
                              ic_record_kind_to_string (other));
    }
  g_string_append (sql, " LIMIT 1");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
setup_kinds (IcStore *self)
{
  static const char * const entry_prefix[] = { "shortlist_id", "position", NULL };
  static const char * const key_prefix[] = { "name_key", NULL };

  for (guint kind = 0; kind < IC_N_RECORD_KINDS; kind++)
    {
      IcStoreKindInfo *info = &self->kinds[kind];
      const char *name = ic_record_kind_to_string (kind);

      info->table = ic_store_table_new (ic_record_kind_get_record_type (kind), name);
      info->select_sql = g_strdup_printf ("SELECT %s FROM %s AS t",
                                          info->table->column_list, name);
      info->keyed = kind == IC_RECORD_KIND_ORGANISATION || kind == IC_RECORD_KIND_CHALLENGE ||
                    kind == IC_RECORD_KIND_CAPABILITY;
      info->insert_sql = ic_store_table_build_insert (info->table, info->keyed ? key_prefix : NULL,
                                                      FALSE);
      info->upsert_sql = ic_store_table_build_insert (info->table, info->keyed ? key_prefix : NULL,
                                                      TRUE);
      info->find_elsewhere_sql = build_find_elsewhere (kind);
      /* A pair or a rule has neither: its first id stands for it. */
      if (ic_store_table_find_column (info->table, "title") >= 0)
        info->title_column = "title";
      else if (ic_store_table_find_column (info->table, "name") >= 0)
        info->title_column = "name";
      else if (ic_store_table_find_column (info->table, "challenge_id") >= 0)
        info->title_column = "challenge_id";
      else
        info->title_column = "organisation_id";
      if (info->keyed)
        info->key_holder_sql = g_strdup_printf ("SELECT id, %s FROM %s WHERE name_key = ?1",
                                                info->title_column, name);
      setup_fts (info, kind);
    }

  self->entries.table = ic_store_table_new (IC_TYPE_SHORTLIST_ENTRY, "shortlist_entry");
  self->entries.select_sql = g_strdup_printf ("SELECT %s FROM shortlist_entry AS t",
                                              self->entries.table->column_list);
  self->entries.insert_sql = ic_store_table_build_insert (self->entries.table, entry_prefix, FALSE);
}

static sqlite3 *
open_connection (const char  *path,
                 gboolean     create,
                 GError     **error)
{
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      /* foreign_keys, synchronous and the caches belong to the
       * connection; WAL is remembered by the file, but asking again is
       * cheap.  The page cache may grow to 32 MiB (2 MiB by default):
       * a write of many records touches the same index pages again and
       * again, and a smaller cache spills them to the WAL every time
       * (100,000 records: 1.2 s of system time with 2 MiB, 0.45 s with
       * 32 MiB, no better with more).  It takes memory only as pages
       * are read. */
      if (ic_store_db_exec (db, "PRAGMA journal_mode = WAL;"
                                "PRAGMA foreign_keys = ON;"
                                "PRAGMA synchronous = NORMAL;"
                                "PRAGMA cache_size = -32768;"
                                "PRAGMA temp_store = MEMORY;", &local_error))
        return db;
    }
  else
    {
      ic_store_set_sqlite_error (&local_error, db, rc);
    }

  g_set_error (error, IC_STORE_ERROR,
               local_error->code == IC_STORE_ERROR_BUSY ? IC_STORE_ERROR_BUSY : IC_STORE_ERROR_OPEN,
               _("Cannot open the database %s: %s"), path, local_error->message);
  sqlite3_close_v2 (db);
  return NULL;
}

static gboolean
make_parent_folder (const char  *path,
                    GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

IcStore *
ic_store_open (const char        *path,
               IcStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(IcStore) self = NULL;
  gboolean create = (flags & IC_STORE_OPEN_CREATE) != 0;

  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ic_store_check_thread ("open");
  self = g_object_new (IC_TYPE_STORE, NULL);
  /* An absolute path: SQLite would read a name starting "file:" as a URI. */
  self->path = g_canonicalize_filename (path, NULL);

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      if (!create)
        {
          g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                       _("No database at %s; run “interchange-cli init” to create one"),
                       self->path);
          return NULL;
        }
      if (!make_parent_folder (self->path, error))
        return NULL;
    }

  self->db = open_connection (self->path, create, error);
  if (self->db == NULL || !ic_store_rank_register (self->db, error))
    return NULL;
  if (!ic_store_schema_migrate (self->db, ic_store_schema_get_latest (), error) ||
      !ic_store_schema_read_version (self->db, &self->schema_version, error))
    return NULL;

  setup_kinds (self);
  if (!ic_store_reload_taxonomy (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
ic_store_create_at_version (const char  *path,
                            guint        version,
                            GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (version >= 1 && version <= ic_store_schema_get_latest (), FALSE);

  if (!make_parent_folder (path, error))
    return FALSE;
  db = open_connection (path, TRUE, error);
  if (db == NULL)
    return FALSE;
  ok = ic_store_schema_migrate (db, version, error);
  sqlite3_close_v2 (db);
  return ok;
}

char *
ic_store_get_default_path (void)
{
  const char *env = g_getenv ("INTERCHANGE_DB");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "interchange", "interchange.db", NULL);
}

guint
ic_store_get_latest_schema_version (void)
{
  return ic_store_schema_get_latest ();
}

guint
ic_store_get_schema_version (IcStore *self)
{
  g_return_val_if_fail (IC_IS_STORE (self), 0);
  return self->schema_version;
}

const char *
ic_store_get_path (IcStore *self)
{
  g_return_val_if_fail (IC_IS_STORE (self), NULL);
  return self->path;
}

IcTaxonomy *
ic_store_get_taxonomy (IcStore *self)
{
  g_return_val_if_fail (IC_IS_STORE (self), NULL);
  return self->taxonomy;
}

/* Makes @dest hold what @src holds. */
static void
taxonomy_replace (IcTaxonomy *dest,
                  IcTaxonomy *src)
{
  while (ic_taxonomy_get_n_clusters (dest) > 0)
    ic_taxonomy_remove_cluster (dest, ic_taxonomy_get_cluster_id (dest, 0));
  while (ic_taxonomy_get_n_places (dest) > 0)
    ic_taxonomy_remove_place (dest, ic_taxonomy_get_place_id (dest, 0));

  for (guint i = 0; i < ic_taxonomy_get_n_clusters (src); i++)
    {
      const char *id = ic_taxonomy_get_cluster_id (src, i);

      ic_taxonomy_add_cluster (dest, id, ic_taxonomy_get_cluster_name (src, id));
    }
  for (guint i = 0; i < ic_taxonomy_get_n_places (src); i++)
    {
      const char *id = ic_taxonomy_get_place_id (src, i);
      const char *area_name = NULL;
      const char *region_name = NULL;
      const char *area_id = ic_taxonomy_get_place_area (src, id, &area_name);
      const char *region_id = ic_taxonomy_get_place_region (src, id, &region_name);

      ic_taxonomy_add_place (dest, id, ic_taxonomy_get_place_name (src, id),
                             area_id, area_name, region_id, region_name);
    }
}

IcTaxonomy *
ic_store_dup_taxonomy (IcStore *self)
{
  IcTaxonomy *copy;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  copy = ic_taxonomy_new ();
  taxonomy_replace (copy, self->taxonomy);
  return copy;
}

gboolean
ic_store_reload_taxonomy (IcStore  *self,
                          GError  **error)
{
  g_autoptr(IcTaxonomy) taxonomy = ic_store_taxonomy_read (self->db, error);

  if (taxonomy == NULL)
    return FALSE;

  /* Update the object in place: callers hold it without a reference
   * (and may be saving that very object). */
  if (self->taxonomy == NULL)
    self->taxonomy = g_steal_pointer (&taxonomy);
  else if (self->taxonomy != taxonomy)
    taxonomy_replace (self->taxonomy, taxonomy);
  return TRUE;
}

gboolean
ic_store_load_entries (IcStore   *self,
                       IcRecord  *shortlist,
                       GError   **error)
{
  g_autofree char *sql = g_strconcat (self->entries.select_sql,
                                      " WHERE t.shortlist_id = ? ORDER BY t.position", NULL);
  g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *entries;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, ic_record_get_id (shortlist), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, ic_store_table_read (self->entries.table, stmt, 0));
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  entries = ic_shortlist_get_entries (IC_SHORTLIST (shortlist));
  g_list_store_splice (entries, 0, g_list_model_get_n_items (G_LIST_MODEL (entries)),
                       items->pdata, items->len);
  /* Free the statement before reading the stages. */
  ic_store_stmt_release (g_steal_pointer (&stmt));
  return ic_store_load_stages (self, shortlist, error);
}

IcRecord *
ic_store_read_record (IcStore       *self,
                      IcRecordKind   kind,
                      IcStoreStmt   *stmt,
                      GError       **error)
{
  g_autoptr(IcRecord) record = NULL;

  record = IC_RECORD (ic_store_table_read (self->kinds[kind].table, stmt, 0));
  if (kind == IC_RECORD_KIND_SHORTLIST && !ic_store_load_entries (self, record, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* Looks @id up in @kind's table; NULL without an error if it is not there. */
static IcRecord *
get_of_kind (IcStore       *self,
             IcRecordKind   kind,
             const char    *id,
             GError       **error)
{
  g_autofree char *sql = g_strconcat (self->kinds[kind].select_sql, " WHERE t.id = ?", NULL);
  g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, sql, error);
  g_autoptr(IcRecord) record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      record = IC_RECORD (ic_store_table_read (self->kinds[kind].table, stmt, 0));
      /* Free the statement before reading the entries. */
      ic_store_stmt_release (stmt);
      if (kind == IC_RECORD_KIND_SHORTLIST && !ic_store_load_entries (self, record, error))
        return NULL;
      return g_steal_pointer (&record);
    }
  if (rc != SQLITE_DONE)
    ic_store_set_sqlite_error (error, self->db, rc);
  return NULL;
}

IcRecord *
ic_store_get_stored (IcStore       *self,
                     IcRecordKind   kind,
                     const char    *id,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  IcRecord *record;

  if (kind == IC_RECORD_KIND_EVENT)
    return IC_RECORD (ic_store_get_event (self, id, error));
  record = get_of_kind (self, kind, id, &local_error);
  if (record == NULL && local_error == NULL)
    g_set_error (&local_error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                 _("No %s has the id %s"), ic_record_kind_to_string (kind), id);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return record;
}

void
ic_store_set_keep_history (IcStore  *self,
                           gboolean  keep)
{
  self->skip_history = !keep;
}

gboolean
ic_store_get_keep_history (IcStore *self)
{
  return !self->skip_history;
}

IcRecord *
ic_store_get (IcStore     *self,
              const char  *id,
              GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint kind = 0; kind < IC_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GError) local_error = NULL;
      IcRecord *record = get_of_kind (self, kind, id, &local_error);

      if (record != NULL)
        return record;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  /* Events are kept whole, apart from the kinds above. */
  {
    g_autoptr(GError) local_error = NULL;
    IcEvent *event = ic_store_get_event (self, id, &local_error);

    if (event != NULL)
      return IC_RECORD (event);
    if (!g_error_matches (local_error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND))
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
  }

  g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
               _("No record has the id %s"), id);
  return NULL;
}

char *
ic_store_get_setting (IcStore    *self,
                      const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStoreStmt) stmt = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = ic_store_prepare (self, "SELECT value FROM settings WHERE key = ?", &error);
  if (stmt == NULL)
    {
      g_debug ("Cannot read the setting %s: %s", key, error->message);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
ic_store_set_setting (IcStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    stmt = ic_store_prepare (self, "DELETE FROM settings WHERE key = ?", error);
  else
    stmt = ic_store_prepare (self, "INSERT INTO settings (key, value) VALUES (?, ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return ic_store_step_done (self, stmt, error);
}

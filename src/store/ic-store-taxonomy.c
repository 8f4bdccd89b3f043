/* ic-store-taxonomy.c — the clusters and places a database holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These work on a bare connection, without the store's statement cache,
 * because the migration that creates the tables also seeds them.  They
 * are read once per open and after each save, so caching would gain
 * nothing.
 */

#include "config.h"

#include "ic-store-private.h"

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      ic_store_set_sqlite_error (error, db, rc);
      return NULL;
    }
  return stmt;
}

static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_clusters (sqlite3     *db,
                IcTaxonomy  *taxonomy,
                GError     **error)
{
  sqlite3_stmt *stmt = prepare (db, "INSERT INTO cluster (id, name, position) VALUES (?, ?, ?)",
                                error);
  guint n = ic_taxonomy_get_n_clusters (taxonomy);
  gboolean ok = stmt != NULL;

  for (guint i = 0; ok && i < n; i++)
    {
      const char *id = ic_taxonomy_get_cluster_id (taxonomy, i);

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, ic_taxonomy_get_cluster_name (taxonomy, id), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, i);
      ok = step_done (db, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
write_places (sqlite3     *db,
              IcTaxonomy  *taxonomy,
              GError     **error)
{
  sqlite3_stmt *stmt = prepare (db, "INSERT INTO place (id, name, area_id, area_name, "
                                    "region_id, region_name, position) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  guint n = ic_taxonomy_get_n_places (taxonomy);
  gboolean ok = stmt != NULL;

  for (guint i = 0; ok && i < n; i++)
    {
      const char *id = ic_taxonomy_get_place_id (taxonomy, i);
      const char *area_name = NULL;
      const char *region_name = NULL;
      const char *area_id = ic_taxonomy_get_place_area (taxonomy, id, &area_name);
      const char *region_id = ic_taxonomy_get_place_region (taxonomy, id, &region_name);

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, ic_taxonomy_get_place_name (taxonomy, id), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, area_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, area_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, region_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, region_name, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, i);
      ok = step_done (db, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
ic_store_taxonomy_write (sqlite3     *db,
                         IcTaxonomy  *taxonomy,
                         GError     **error)
{
  return ic_store_db_exec (db, "DELETE FROM cluster; DELETE FROM place;", error) &&
         write_clusters (db, taxonomy, error) &&
         write_places (db, taxonomy, error);
}

IcTaxonomy *
ic_store_taxonomy_read (sqlite3  *db,
                        GError  **error)
{
  g_autoptr(IcTaxonomy) taxonomy = ic_taxonomy_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db, "SELECT id, name FROM cluster ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ic_taxonomy_add_cluster (taxonomy,
                             (const char *) sqlite3_column_text (stmt, 0),
                             (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, db, rc);
      return NULL;
    }

  stmt = prepare (db, "SELECT id, name, area_id, area_name, region_id, region_name "
                      "FROM place ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ic_taxonomy_add_place (taxonomy,
                           (const char *) sqlite3_column_text (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1),
                           (const char *) sqlite3_column_text (stmt, 2),
                           (const char *) sqlite3_column_text (stmt, 3),
                           (const char *) sqlite3_column_text (stmt, 4),
                           (const char *) sqlite3_column_text (stmt, 5));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&taxonomy);
}

gboolean
ic_store_save_taxonomy (IcStore     *self,
                        IcTaxonomy  *taxonomy,
                        GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (IC_IS_TAXONOMY (taxonomy), FALSE);

  if (!ic_store_begin (self, error))
    return FALSE;
  if (!ic_store_taxonomy_write (ic_store_get_db (self), taxonomy, error) ||
      !ic_store_commit (self, error))
    {
      ic_store_rollback (self);
      return FALSE;
    }
  return ic_store_reload_taxonomy (self, error);
}

/* ic-store-list.c — lists, counts, walks and tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A query becomes SQL from fixed pieces only: table and column names
 * come from the store's own table descriptions, and every value a person
 * chose is a bound parameter.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "ic-store-private.h"

#define FOREACH_PAGE_SIZE 1000

typedef struct
{
  GString   *sql;
  GPtrArray *params;   /* char *, bound as text in order */
} Selection;

static void
selection_clear (Selection *selection)
{
  if (selection->sql != NULL)
    g_string_free (selection->sql, TRUE);
  g_clear_pointer (&selection->params, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Selection, selection_clear)

static const char *
kind_plural (IcRecordKind kind)
{
  switch (kind)
    {
    case IC_RECORD_KIND_ORGANISATION:
      return _("organisations");
    case IC_RECORD_KIND_CHALLENGE:
      return _("challenges");
    case IC_RECORD_KIND_CAPABILITY:
      return _("capabilities");
    case IC_RECORD_KIND_FORESIGHT:
      return _("foresight items");
    case IC_RECORD_KIND_SHORTLIST:
    default:
      return _("shortlists");
    }
}

/* An empty filter, like an unset one, selects everything. */
static gboolean
is_set (const char *value)
{
  return value != NULL && value[0] != '\0';
}

static void
add_condition (Selection  *selection,
               gboolean   *first,
               const char *condition)
{
  g_string_append (selection->sql, *first ? " WHERE " : " AND ");
  g_string_append (selection->sql, condition);
  *first = FALSE;
}

/* Adds "t.COLUMN = ?" for a filter, if @kind has the column. */
static gboolean
add_filter (Selection           *selection,
            gboolean            *first,
            const IcStoreTable  *table,
            IcRecordKind         kind,
            const char          *column,
            const char          *field,
            const char          *value,
            GError             **error)
{
  g_autofree char *condition = NULL;

  if (ic_store_table_find_column (table, column) < 0)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID,
                   _("Cannot filter %s by %s: they have no such field"),
                   kind_plural (kind), field);
      return FALSE;
    }
  condition = g_strdup_printf ("t.%s = ?", column);
  add_condition (selection, first, condition);
  g_ptr_array_add (selection->params, g_strdup (value));
  return TRUE;
}

static char *
like_pattern (const char *word)
{
  g_autoptr(GString) pattern = g_string_new ("%");

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (g_steal_pointer (&pattern), FALSE);
}

static gboolean
add_order (Selection             *selection,
           const IcStoreKindInfo *info,
           IcRecordKind           kind,
           IcStoreQuery          *query,
           gboolean               by_rank,
           GError               **error)
{
  const char *field = query ? ic_store_query_get_sort_field (query) : NULL;
  gboolean descending = query ? ic_store_query_get_sort_descending (query) : FALSE;
  GParamSpec *pspec;
  int column;

  /* The best match first; equals in the order they were written (see
   * list_ranked(), which must agree). */
  if (by_rank)
    {
      g_string_append_printf (selection->sql, " ORDER BY %s DESC, t.rowid", info->fts_rank);
      return TRUE;
    }

  if (field == NULL || field[0] == '\0')
    field = info->title_column;
  column = ic_store_table_find_column (info->table, field);
  if (column < 0)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID,
                   _("Cannot sort %s by “%s”: they have no such field"),
                   kind_plural (kind), field);
      return FALSE;
    }

  /* The name from the table description, never the caller's text. */
  pspec = info->table->columns[column].pspec;
  g_string_append_printf (selection->sql, " ORDER BY t.%s%s%s, t.id",
                          info->table->columns[column].name,
                          pspec->value_type == G_TYPE_STRING ? " COLLATE NOCASE" : "",
                          descending ? " DESC" : "");
  return TRUE;
}

/* "SELECT @what FROM … WHERE …", plus the order when @order is set. */
static gboolean
build_selection (IcStore       *self,
                 IcRecordKind   kind,
                 IcStoreQuery  *query,
                 const char    *what,
                 gboolean       order,
                 Selection     *selection,
                 GError       **error)
{
  const IcStoreKindInfo *info = ic_store_get_kind_info (self, kind);
  const IcStoreTable *table = info->table;
  g_autofree char *match = NULL;
  g_auto(GStrv) words = NULL;
  gboolean first = TRUE;
  gboolean ranked;
  int status;

  selection->sql = g_string_new (NULL);
  selection->params = g_ptr_array_new_with_free_func (g_free);

  if (query != NULL && info->fts != NULL)
    match = ic_store_query_build_match (ic_store_query_get_search (query));
  else if (query != NULL)
    words = ic_store_search_words (ic_store_query_get_search (query));
  ranked = match != NULL;

  g_string_append_printf (selection->sql, "SELECT %s FROM %s AS t", what, table->name);
  if (match != NULL)
    {
      g_string_append_printf (selection->sql, " JOIN %s ON %s.rowid = t.rowid",
                              info->fts, info->fts);
      g_string_append_printf (selection->sql, " WHERE %s MATCH ?", info->fts);
      g_ptr_array_add (selection->params, g_steal_pointer (&match));
      first = FALSE;
    }
  /* Shortlists have no full-text index: their names are short (an
   * excluded pair is found by its challenge's id). */
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      g_autofree char *condition = g_strdup_printf ("t.%s LIKE ? ESCAPE '\\'", info->title_column);

      add_condition (selection, &first, condition);
      g_ptr_array_add (selection->params, like_pattern (words[i]));
    }

  if (query == NULL || !ic_store_query_get_include_deleted (query))
    add_condition (selection, &first, "t.deleted = 0");

  if (query == NULL)
    return !order || add_order (selection, info, kind, NULL, FALSE, error);

  if (is_set (ic_store_query_get_cluster (query)) &&
      !add_filter (selection, &first, table, kind, "cluster", "cluster",
                   ic_store_query_get_cluster (query), error))
    return FALSE;
  if (is_set (ic_store_query_get_local_authority (query)) &&
      !add_filter (selection, &first, table, kind, "local_authority", "local_authority",
                   ic_store_query_get_local_authority (query), error))
    return FALSE;
  if ((status = ic_store_query_get_status (query)) >= 0)
    {
      int col = ic_store_table_find_column (table, "status");
      const char *nick = col >= 0 ? ic_enum_to_nick (table->columns[col].pspec->value_type, status)
                                  : NULL;

      if (col >= 0 && nick == NULL)
        {
          g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID,
                       _("%d is not a status of %s"), status, kind_plural (kind));
          return FALSE;
        }
      if (!add_filter (selection, &first, table, kind, "status", "status", nick, error))
        return FALSE;
    }
  if (is_set (ic_store_query_get_owner_id (query)))
    {
      const char *column = ic_store_table_find_column (table, "challenge_id") >= 0
                           ? "challenge_id" : "organisation_id";

      if (!add_filter (selection, &first, table, kind, column, "owner",
                       ic_store_query_get_owner_id (query), error))
        return FALSE;
    }

  if (ic_store_query_get_ids (query) != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      const char * const *ids = ic_store_query_get_ids (query);

      json_builder_begin_array (builder);
      for (guint i = 0; ids[i] != NULL; i++)
        json_builder_add_string_value (builder, ids[i]);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      /* One parameter, however many ids: SQLite limits their number. */
      add_condition (selection, &first, "t.id IN (SELECT value FROM json_each (?))");
      g_ptr_array_add (selection->params, json_to_string (root, FALSE));
    }

  return !order || add_order (selection, info, kind, query, ranked, error);
}

static IcStoreStmt *
prepare_selection (IcStore    *self,
                   Selection  *selection,
                   GError    **error)
{
  IcStoreStmt *stmt = ic_store_prepare (self, selection->sql->str, error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < selection->params->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (selection->params, i), -1, SQLITE_TRANSIENT);
  return stmt;
}

/* Reads every row of @stmt as a record; the statement is released before
 * shortlists read their entries. */
static GPtrArray *
read_records (IcStore       *self,
              IcRecordKind   kind,
              IcStoreStmt   *stmt,
              GError       **error)
{
  const IcStoreKindInfo *info = ic_store_get_kind_info (self, kind);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, ic_store_table_read (info->table, stmt, 0));
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }
  ic_store_stmt_release (stmt);

  for (guint i = 0; kind == IC_RECORD_KIND_SHORTLIST && i < records->len; i++)
    if (!ic_store_load_entries (self, g_ptr_array_index (records, i), error))
      return NULL;

  return g_steal_pointer (&records);
}

/* TRUE if @query filters by nothing but the tombstone. */
static gboolean
is_plain_search (IcStoreQuery *query)
{
  return !is_set (ic_store_query_get_cluster (query)) &&
         !is_set (ic_store_query_get_local_authority (query)) &&
         ic_store_query_get_status (query) < 0 &&
         !is_set (ic_store_query_get_owner_id (query)) &&
         ic_store_query_get_ids (query) == NULL;
}

/* A page of a search with no filter but the tombstone, best match first.
 *
 * The full-text table ranks its matches alone and hands over the best
 * few, and only those are joined to the records: ranking reads nothing
 * but the index, while a join reads a record per match, a third of the
 * table for a common word.  Tombstones are in the index too, so a few
 * more than the page are asked for; if too many of them were tombstones
 * the search runs again asking for more. */
static GPtrArray *
list_ranked (IcStore       *self,
             IcRecordKind   kind,
             IcStoreQuery  *query,
             const char    *match,
             guint          offset,
             guint          limit,
             GError       **error)
{
  const IcStoreKindInfo *info = ic_store_get_kind_info (self, kind);
  gboolean include_deleted = ic_store_query_get_include_deleted (query);
  g_autofree char *sql = NULL;
  gint64 wanted = (gint64) offset + limit;
  gint64 ask = wanted + MAX (16, wanted / 8);

  /* Column 0 says whether the row is wanted; the record's columns follow. */
  sql = g_strdup_printf ("SELECT %s, %s FROM "
                         "(SELECT rowid, %s AS score FROM %s WHERE %s MATCH ?1 "
                         "ORDER BY score DESC, rowid LIMIT ?2) AS f "
                         "JOIN %s AS t ON t.rowid = f.rowid "
                         "ORDER BY f.score DESC, f.rowid",
                         include_deleted ? "1" : "t.deleted = 0", info->table->column_list,
                         info->fts_rank, info->fts, info->fts, info->table->name);

  for (;;)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, sql, error);
      gint64 n_rows = 0, n_skipped = 0;
      int rc = SQLITE_DONE;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, ask);

      while (records->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          n_rows++;
          if (sqlite3_column_int (stmt, 0) == 0)
            continue;
          if (n_skipped < offset)
            n_skipped++;
          else
            g_ptr_array_add (records, ic_store_table_read (info->table, stmt, 1));
        }
      if (records->len < limit && rc != SQLITE_DONE)
        {
          ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
          return NULL;
        }

      /* A full page, or every match seen. */
      if (records->len == limit || n_rows < ask)
        return g_steal_pointer (&records);
      ask *= 8;
    }
}

GPtrArray *
ic_store_list (IcStore       *self,
               IcRecordKind   kind,
               IcStoreQuery  *query,
               guint          offset,
               guint          limit,
               GError       **error)
{
  g_auto(Selection) selection = { NULL, NULL };
  g_autoptr(IcStoreStmt) stmt = NULL;
  int n_params;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) kind < IC_N_RECORD_KINDS, NULL);
  g_return_val_if_fail (query == NULL || IC_IS_STORE_QUERY (query), NULL);

  if (query != NULL && limit > 0 && ic_store_get_kind_info (self, kind)->fts != NULL &&
      is_plain_search (query))
    {
      g_autofree char *match = ic_store_query_build_match (ic_store_query_get_search (query));

      if (match != NULL)
        return list_ranked (self, kind, query, match, offset, limit, error);
    }

  if (!build_selection (self, kind, query, ic_store_get_kind_info (self, kind)->table->column_list,
                        TRUE, &selection, error))
    return NULL;
  g_string_append (selection.sql, " LIMIT ? OFFSET ?");

  stmt = prepare_selection (self, &selection, error);
  if (stmt == NULL)
    return NULL;
  n_params = selection.params->len;
  sqlite3_bind_int64 (stmt, n_params + 1, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, n_params + 2, offset);

  return read_records (self, kind, stmt, error);
}

/* The matches of a search with no filter but the tombstone, counted in
 * the full-text index: the tombstones among them are taken from the
 * tombstone index (ic-store-schema.c, version 5) rather than by reading
 * each match's record. */
static gboolean
build_plain_count (IcStore       *self,
                   IcRecordKind   kind,
                   IcStoreQuery  *query,
                   Selection     *selection)
{
  const IcStoreKindInfo *info = ic_store_get_kind_info (self, kind);
  g_autofree char *match = NULL;

  if (query == NULL || info->fts == NULL || !is_plain_search (query))
    return FALSE;
  match = ic_store_query_build_match (ic_store_query_get_search (query));
  if (match == NULL)
    return FALSE;

  selection->sql = g_string_new (NULL);
  selection->params = g_ptr_array_new_with_free_func (g_free);
  g_string_append_printf (selection->sql, "SELECT count(*) FROM %s WHERE %s MATCH ?",
                          info->fts, info->fts);
  if (!ic_store_query_get_include_deleted (query))
    g_string_append_printf (selection->sql, " AND rowid NOT IN (SELECT rowid FROM %s WHERE deleted)",
                            info->table->name);
  g_ptr_array_add (selection->params, g_steal_pointer (&match));
  return TRUE;
}

gint64
ic_store_count (IcStore       *self,
                IcRecordKind   kind,
                IcStoreQuery  *query,
                GError       **error)
{
  g_auto(Selection) selection = { NULL, NULL };
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), -1);
  g_return_val_if_fail ((guint) kind < IC_N_RECORD_KINDS, -1);
  g_return_val_if_fail (query == NULL || IC_IS_STORE_QUERY (query), -1);

  if (!build_plain_count (self, kind, query, &selection) &&
      !build_selection (self, kind, query, "count(*)", FALSE, &selection, error))
    return -1;
  stmt = prepare_selection (self, &selection, error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
ic_store_foreach (IcStore            *self,
                  IcRecordKind        kind,
                  IcStoreRecordFunc   func,
                  gpointer            user_data,
                  GError            **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *after = g_strdup ("");

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) kind < IC_N_RECORD_KINDS, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  sql = g_strdup_printf ("%s WHERE t.deleted = 0 AND t.id > ? ORDER BY t.id LIMIT %d",
                         ic_store_get_kind_info (self, kind)->select_sql, FOREACH_PAGE_SIZE);

  /* Keyset paging: each page starts after the last id of the one before,
   * and no statement stays open while @func runs. */
  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;
      g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, after, -1, SQLITE_TRANSIENT);
      page = read_records (self, kind, stmt, error);
      if (page == NULL)
        return FALSE;

      for (guint i = 0; i < page->len; i++)
        if (!func (g_ptr_array_index (page, i), user_data))
          return TRUE;

      if (page->len < FOREACH_PAGE_SIZE)
        return TRUE;
      g_free (after);
      after = g_strdup (ic_record_get_id (g_ptr_array_index (page, page->len - 1)));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
ic_store_list_tags (IcStore  *self,
                    GError  **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(IcStoreStmt) stmt = NULL;
  g_autofree const char **tags = NULL;
  guint n_tags;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), NULL);

  stmt = ic_store_prepare (self,
                           "SELECT tags FROM challenge WHERE deleted = 0 AND tags IS NOT NULL "
                           "UNION "
                           "SELECT tags FROM capability WHERE deleted = 0 AND tags IS NOT NULL",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(GStrv) row = ic_store_strv_decode ((const char *) sqlite3_column_text (stmt, 0));

      for (guint i = 0; row[i] != NULL; i++)
        if (!g_hash_table_contains (seen, row[i]))
          g_hash_table_add (seen, g_strdup (row[i]));
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return NULL;
    }

  tags = (const char **) g_hash_table_get_keys_as_array (seen, &n_tags);
  g_qsort_with_data (tags, n_tags, sizeof (char *), compare_strings, NULL);
  return g_strdupv ((char **) tags);
}

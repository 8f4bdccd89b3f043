/* ic-store-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-store.h"
#include "ic-store-table.h"

static gboolean
is_storable (GParamSpec *pspec)
{
  GType type = pspec->value_type;

  if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
      (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
    return FALSE;

  return type == G_TYPE_STRING || type == G_TYPE_INT || type == G_TYPE_INT64 ||
         type == G_TYPE_BOOLEAN || type == G_TYPE_DOUBLE || type == G_TYPE_STRV ||
         G_TYPE_IS_ENUM (type);
}

IcStoreTable *
ic_store_table_new (GType       type,
                    const char *name)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  IcStoreTable *table;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);

  table = g_new0 (IcStoreTable, 1);
  table->type = type;
  table->name = g_strdup (name);
  table->columns = g_new0 (IcStoreColumn, n_pspecs);
  table->prop_names = g_new0 (const char *, n_pspecs + 1);

  for (guint i = 0; i < n_pspecs; i++)
    {
      IcStoreColumn *column;

      if (!is_storable (pspecs[i]))
        continue;

      column = &table->columns[table->n_columns];
      column->pspec = g_param_spec_ref (pspecs[i]);
      column->name = g_strdelimit (g_strdup (pspecs[i]->name), "-", '_');
      table->prop_names[table->n_columns] = pspecs[i]->name;
      g_string_append_printf (list, "%st.%s", table->n_columns > 0 ? ", " : "", column->name);
      table->n_columns++;
    }

  g_assert (table->n_columns <= IC_STORE_TABLE_MAX_COLUMNS);
  table->column_list = g_string_free (g_steal_pointer (&list), FALSE);
  table->col_id = ic_store_table_find_column (table, "id");
  table->col_rev = ic_store_table_find_column (table, "rev");
  table->col_updated_at = ic_store_table_find_column (table, "updated_at");
  table->col_author = ic_store_table_find_column (table, "author");
  table->col_deleted = ic_store_table_find_column (table, "deleted");

  return table;
}

void
ic_store_table_free (IcStoreTable *table)
{
  if (table == NULL)
    return;

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_free (table->columns[i].name);
      g_param_spec_unref (table->columns[i].pspec);
    }
  g_free (table->columns);
  g_free (table->prop_names);
  g_free (table->column_list);
  g_free (table->name);
  g_free (table);
}

int
ic_store_table_find_column (const IcStoreTable *table,
                            const char         *name)
{
  for (guint i = 0; name != NULL && i < table->n_columns; i++)
    if (g_str_equal (table->columns[i].name, name))
      return i;
  return -1;
}

char *
ic_store_table_build_insert (const IcStoreTable *table,
                             const char * const *prefix,
                             gboolean            upsert)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n_params = 0;

  g_string_append_printf (sql, "INSERT INTO %s (", table->name);
  for (guint i = 0; prefix != NULL && prefix[i] != NULL; i++, n_params++)
    g_string_append_printf (sql, "%s%s", n_params > 0 ? ", " : "", prefix[i]);
  for (guint i = 0; i < table->n_columns; i++, n_params++)
    g_string_append_printf (sql, "%s%s", n_params > 0 ? ", " : "", table->columns[i].name);

  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n_params; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ")");

  if (upsert)
    {
      gboolean first = TRUE;

      g_string_append (sql, " ON CONFLICT (id) DO UPDATE SET ");
      for (guint i = 0; prefix != NULL && prefix[i] != NULL; i++)
        {
          g_string_append_printf (sql, "%s%s = excluded.%s", first ? "" : ", ",
                                  prefix[i], prefix[i]);
          first = FALSE;
        }
      for (guint i = 0; i < table->n_columns; i++)
        {
          if ((int) i == table->col_id)
            continue;
          g_string_append_printf (sql, "%s%s = excluded.%s", first ? "" : ", ",
                                  table->columns[i].name, table->columns[i].name);
          first = FALSE;
        }
    }

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

char *
ic_store_strv_encode (const char * const *strv)
{
  g_autoptr(GString) text = NULL;

  if (strv == NULL || strv[0] == NULL)
    return NULL;

  /* Mostly nothing needs escaping. */
  if (strv[1] == NULL && strpbrk (strv[0], "\n\\") == NULL)
    return g_strdup (strv[0]);

  text = g_string_new (NULL);
  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      if (strpbrk (strv[i], "\n\\") == NULL)
        {
          g_string_append (text, strv[i]);
          continue;
        }
      for (const char *p = strv[i]; *p != '\0'; p++)
        {
          if (*p == '\n')
            g_string_append (text, "\\n");
          else if (*p == '\\')
            g_string_append (text, "\\\\");
          else
            g_string_append_c (text, *p);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The usual case: no item holds an escape, so the items are the lines. */
static char **
split_lines (const char *text)
{
  guint n = 1, i = 0;
  char **strv;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  strv = g_new (char *, n + 1);
  for (const char *start = text;; i++)
    {
      const char *end = strchr (start, '\n');

      if (end == NULL)
        {
          strv[i] = g_strdup (start);
          break;
        }
      strv[i] = g_strndup (start, end - start);
      start = end + 1;
    }
  strv[n] = NULL;
  return strv;
}

char **
ic_store_strv_decode (const char *text)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GString) item = NULL;

  if (text == NULL || text[0] == '\0')
    return g_new0 (char *, 1);
  if (strchr (text, '\\') == NULL)
    return split_lines (text);

  builder = g_strv_builder_new ();
  item = g_string_new (NULL);
  for (const char *p = text;; p++)
    {
      if (*p == '\n' || *p == '\0')
        {
          g_strv_builder_add (builder, item->str);
          g_string_truncate (item, 0);
          if (*p == '\0')
            break;
        }
      else if (*p == '\\' && (p[1] == 'n' || p[1] == '\\'))
        {
          g_string_append_c (item, p[1] == 'n' ? '\n' : '\\');
          p++;
        }
      else
        {
          g_string_append_c (item, *p);
        }
    }
  return g_strv_builder_end (builder);
}

static int
bind_value (sqlite3_stmt *stmt,
            int           param,
            const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return sqlite3_bind_text (stmt, param, g_value_get_string (value), -1, SQLITE_STATIC);
  if (type == G_TYPE_INT)
    return sqlite3_bind_int64 (stmt, param, g_value_get_int (value));
  if (type == G_TYPE_INT64)
    return sqlite3_bind_int64 (stmt, param, g_value_get_int64 (value));
  if (type == G_TYPE_BOOLEAN)
    return sqlite3_bind_int (stmt, param, g_value_get_boolean (value) ? 1 : 0);
  if (type == G_TYPE_DOUBLE)
    return sqlite3_bind_double (stmt, param, g_value_get_double (value));
  if (type == G_TYPE_STRV)
    {
      char *text = ic_store_strv_encode (g_value_get_boxed (value));

      return sqlite3_bind_text (stmt, param, text, -1, g_free);
    }
  if (G_TYPE_IS_ENUM (type))
    return sqlite3_bind_text (stmt, param, ic_enum_to_nick (type, g_value_get_enum (value)),
                              -1, SQLITE_STATIC);

  g_assert_not_reached ();
}

/* Binds column @index: a record base column from @meta, if given, any
 * other from @value, the object's property. */
static int
bind_column (const IcStoreTable   *table,
             sqlite3_stmt         *stmt,
             int                   param,
             guint                 index,
             const IcStoreRowMeta *meta,
             const GValue         *value)
{
  if (meta != NULL && (int) index == table->col_id)
    return sqlite3_bind_text (stmt, param, meta->id, -1, SQLITE_STATIC);
  if (meta != NULL && (int) index == table->col_rev)
    return sqlite3_bind_int64 (stmt, param, meta->rev);
  if (meta != NULL && (int) index == table->col_updated_at)
    return sqlite3_bind_text (stmt, param, meta->updated_at, -1, SQLITE_STATIC);
  if (meta != NULL && (int) index == table->col_author)
    return sqlite3_bind_text (stmt, param, meta->author, -1, SQLITE_STATIC);
  if (meta != NULL && (int) index == table->col_deleted)
    return sqlite3_bind_int (stmt, param, meta->deleted ? 1 : 0);
  return bind_value (stmt, param, value);
}

static gboolean
is_meta_column (const IcStoreTable *table,
                int                 index)
{
  return index == table->col_id || index == table->col_rev || index == table->col_updated_at ||
         index == table->col_author || index == table->col_deleted;
}

void
ic_store_binding_clear (IcStoreBinding *binding)
{
  for (guint i = 0; i < binding->n_values; i++)
    g_value_unset (&binding->values[i]);
  binding->n_values = 0;
}

gboolean
ic_store_table_bind_columns (const IcStoreTable   *table,
                             sqlite3_stmt         *stmt,
                             int                   first_param,
                             GObject              *object,
                             const guint          *columns,
                             guint                 n_columns,
                             const IcStoreRowMeta *meta,
                             IcStoreBinding       *binding,
                             GError              **error)
{
  const char *names[IC_STORE_TABLE_MAX_COLUMNS];
  guint read[IC_STORE_TABLE_MAX_COLUMNS];
  guint n_read = 0;

  g_return_val_if_fail (n_columns <= IC_STORE_TABLE_MAX_COLUMNS, FALSE);
  ic_store_binding_clear (binding);

  /* Every property the object must give, read in one call. */
  for (guint i = 0; i < n_columns; i++)
    {
      guint index = columns != NULL ? columns[i] : i;

      if (meta == NULL || !is_meta_column (table, index))
        {
          read[i] = n_read;
          names[n_read++] = table->prop_names[index];
        }
    }
  g_object_getv (object, n_read, names, binding->values);
  binding->n_values = n_read;

  for (guint i = 0; i < n_columns; i++)
    {
      guint index = columns != NULL ? columns[i] : i;
      gboolean from_meta = meta != NULL && is_meta_column (table, index);
      int rc = bind_column (table, stmt, first_param + i, index, meta,
                            from_meta ? NULL : &binding->values[read[i]]);

      if (rc != SQLITE_OK)
        {
          g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_SQL,
                       _("Cannot store the field “%s”: %s"),
                       table->columns[index].name, sqlite3_errstr (rc));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
ic_store_table_bind (const IcStoreTable   *table,
                     sqlite3_stmt         *stmt,
                     int                   first_param,
                     GObject              *object,
                     const IcStoreRowMeta *meta,
                     IcStoreBinding       *binding,
                     GError              **error)
{
  return ic_store_table_bind_columns (table, stmt, first_param, object, NULL, table->n_columns,
                                      meta, binding, error);
}

static void
read_value (sqlite3_stmt *stmt,
            int           col,
            GParamSpec   *pspec,
            GValue       *value)
{
  GType type = pspec->value_type;

  g_value_init (value, type);
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    {
      g_param_value_set_default (pspec, value);
      return;
    }

  if (type == G_TYPE_STRING)
    g_value_set_string (value, (const char *) sqlite3_column_text (stmt, col));
  else if (type == G_TYPE_INT)
    g_value_set_int (value, CLAMP (sqlite3_column_int64 (stmt, col), G_MININT, G_MAXINT));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, col));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int64 (stmt, col) != 0);
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, sqlite3_column_double (stmt, col));
  else if (type == G_TYPE_STRV)
    g_value_take_boxed (value,
                        ic_store_strv_decode ((const char *) sqlite3_column_text (stmt, col)));
  else if (G_TYPE_IS_ENUM (type))
    {
      const char *nick = (const char *) sqlite3_column_text (stmt, col);
      int v;

      if (ic_enum_from_nick (type, nick, &v))
        g_value_set_enum (value, v);
      else
        {
          /* Written by a newer program, perhaps: the default is the
           * safest reading. */
          g_debug ("Unknown value “%s” for %s; using the default", nick, pspec->name);
          g_param_value_set_default (pspec, value);
        }
    }
  else
    g_assert_not_reached ();

  /* Out of the property's range (edited by hand, or an older rule): the
   * property would refuse it with a warning, so clamp it as GLib does. */
  g_param_value_validate (pspec, value);
}

GObject *
ic_store_table_read (const IcStoreTable *table,
                     sqlite3_stmt       *stmt,
                     int                 first_column)
{
  GValue *values = g_newa0 (GValue, table->n_columns);
  GObject *object;

  for (guint i = 0; i < table->n_columns; i++)
    read_value (stmt, first_column + i, table->columns[i].pspec, &values[i]);

  object = g_object_new_with_properties (table->type, table->n_columns,
                                         table->prop_names, values);

  for (guint i = 0; i < table->n_columns; i++)
    g_value_unset (&values[i]);

  return object;
}

/* ic-store-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-store-private.h"
#include "ic-store-rows.h"

struct _IcStoreRow
{
  sqlite3_stmt  *stmt;
  GParamSpec   **pspecs;   /* per field */
  guint          n_fields;
};

const char *
ic_store_row_get_string (IcStoreRow *row,
                         guint       field)
{
  g_return_val_if_fail (field < row->n_fields, NULL);
  g_return_val_if_fail (row->pspecs[field]->value_type == G_TYPE_STRING, NULL);

  return (const char *) sqlite3_column_text (row->stmt, field);
}

int
ic_store_row_get_int (IcStoreRow *row,
                      guint       field)
{
  GParamSpecInt *pspec;
  gint64 value;

  g_return_val_if_fail (field < row->n_fields, 0);
  g_return_val_if_fail (G_IS_PARAM_SPEC_INT (row->pspecs[field]), 0);

  /* As ic_store_table_read() gives it to the record. */
  pspec = G_PARAM_SPEC_INT (row->pspecs[field]);
  if (sqlite3_column_type (row->stmt, field) == SQLITE_NULL)
    return pspec->default_value;
  value = sqlite3_column_int64 (row->stmt, field);
  return (int) CLAMP (value, (gint64) pspec->minimum, (gint64) pspec->maximum);
}

char **
ic_store_row_dup_strv (IcStoreRow *row,
                       guint       field)
{
  g_return_val_if_fail (field < row->n_fields, NULL);
  g_return_val_if_fail (row->pspecs[field]->value_type == G_TYPE_STRV, NULL);

  return ic_store_strv_decode ((const char *) sqlite3_column_text (row->stmt, field));
}

gboolean
ic_store_foreach_row (IcStore            *self,
                      IcRecordKind        kind,
                      const char * const *fields,
                      IcStoreRowFunc      func,
                      gpointer            user_data,
                      GError            **error)
{
  const IcStoreTable *table;
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(IcStoreStmt) stmt = NULL;
  IcStoreRow row;
  guint n_fields;
  int rc;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) kind < IC_N_RECORD_KINDS && kind != IC_RECORD_KIND_SHORTLIST, FALSE);
  g_return_val_if_fail (fields != NULL && fields[0] != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  table = ic_store_get_kind_info (self, kind)->table;
  n_fields = g_strv_length ((char **) fields);
  pspecs = g_new0 (GParamSpec *, n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      int column = ic_store_table_find_column (table, fields[i]);

      if (column < 0)
        {
          g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID,
                       _("Cannot read the field “%s” of the table %s: there is no such field"),
                       fields[i], table->name);
          return FALSE;
        }
      /* The name from the table description, never the caller's text. */
      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", table->columns[column].name);
      pspecs[i] = table->columns[column].pspec;
    }
  /* No ORDER BY: the table's own order is a sequential read, id order
   * a look-up per row through the id index. */
  g_string_append_printf (sql, " FROM %s WHERE deleted = 0", table->name);

  stmt = ic_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  row.stmt = stmt;
  row.pspecs = pspecs;
  row.n_fields = n_fields;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (&row, user_data))
      return TRUE;
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }
  return TRUE;
}

/* ic-store-table.h — how an object's properties map to a table's columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the store.  A table description is built once per IcStore
 * from the type's properties: one column per read-write property of a
 * plain type, named as in JSON ("organisation-id" → organisation_id).
 * Strings, integers, booleans and doubles are stored as such, enums as
 * their nicks, string lists as one text of lines.
 */

#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "ic-model-types.h"

G_BEGIN_DECLS

typedef struct
{
  char       *name;   /* the column, e.g. "organisation_id" */
  GParamSpec *pspec;  /* the property it stores */
} IcStoreColumn;

typedef struct
{
  GType          type;
  char          *name;          /* the table */
  IcStoreColumn *columns;
  guint          n_columns;
  const char   **prop_names;    /* pspec names, in column order */
  char          *column_list;   /* "t.id, t.rev, …": the columns of alias t */

  /* Columns of the record base type, or -1. */
  int            col_id;
  int            col_rev;
  int            col_updated_at;
  int            col_author;
  int            col_deleted;
} IcStoreTable;

/* Values that a write takes from the store rather than from the object. */
typedef struct
{
  const char *id;
  gint64      rev;
  const char *updated_at;
  const char *author;
  gboolean    deleted;
} IcStoreRowMeta;

IcStoreTable *ic_store_table_new          (GType                 type,
                                           const char           *name);
void          ic_store_table_free         (IcStoreTable         *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcStoreTable, ic_store_table_free)

/* The index of column @name, or -1. */
int           ic_store_table_find_column  (const IcStoreTable   *table,
                                           const char           *name);

/* "INSERT INTO name (prefix…, columns…) VALUES (?, …)"; @prefix names
 * extra leading columns (NULL for none).  With @upsert, an existing row
 * with the same id is updated in place (so that its children stay),
 * the prefix's columns with the others.
 * Returns: (transfer full) */
char         *ic_store_table_build_insert (const IcStoreTable   *table,
                                           const char * const   *prefix,
                                           gboolean              upsert);

#define IC_STORE_TABLE_MAX_COLUMNS 32

/* The values of one object's properties while they are bound: text is
 * bound where it lies, without a copy, so this must be cleared only
 * once the statement has been released (ic_store_stmt_release()), or at
 * least is not stepped again with these bindings.  Declare it before
 * the statement's g_autoptr, so that it is cleared after. */
typedef struct
{
  GValue values[IC_STORE_TABLE_MAX_COLUMNS];
  guint  n_values;
} IcStoreBinding;

#define IC_STORE_BINDING_INIT { { G_VALUE_INIT }, 0 }

void          ic_store_binding_clear      (IcStoreBinding       *binding);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcStoreBinding, ic_store_binding_clear)

/* Binds the columns of @object to the parameters from @first_param on;
 * with @meta, the record base columns come from it instead.  The text of
 * @meta is bound without a copy too. */
gboolean      ic_store_table_bind         (const IcStoreTable   *table,
                                           sqlite3_stmt         *stmt,
                                           int                   first_param,
                                           GObject              *object,
                                           const IcStoreRowMeta *meta,
                                           IcStoreBinding       *binding,
                                           GError              **error);

/* The same for the columns whose indexes are in @columns (all of them,
 * in order, if @columns is NULL), bound to @n_columns parameters from
 * @first_param on. */
gboolean      ic_store_table_bind_columns (const IcStoreTable   *table,
                                           sqlite3_stmt         *stmt,
                                           int                   first_param,
                                           GObject              *object,
                                           const guint          *columns,
                                           guint                 n_columns,
                                           const IcStoreRowMeta *meta,
                                           IcStoreBinding       *binding,
                                           GError              **error);

/* A new object from the result columns from @first_column on, which
 * must be the table's columns in order.
 * Returns: (transfer full) */
GObject      *ic_store_table_read         (const IcStoreTable   *table,
                                           sqlite3_stmt         *stmt,
                                           int                   first_column);

/* A string list as one text (NULL for an empty list) and back; a
 * newline or backslash inside an item is escaped.
 * Returns: (transfer full) */
char         *ic_store_strv_encode        (const char * const   *strv);
char        **ic_store_strv_decode        (const char           *text);

G_END_DECLS

/* ic-records-page-private.h — what the records page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-record-list-model.h"
#include "ic-records-page.h"

G_BEGIN_DECLS

typedef enum
{
  COLUMN_TITLE,
  COLUMN_KIND,
  COLUMN_CLUSTER,
  COLUMN_PLACE,
  COLUMN_TRL,
  COLUMN_STATUS,
  COLUMN_EMPLOYEES,
  COLUMN_UPDATED,
} ColumnField;

typedef struct
{
  ColumnField  field;
  const char  *title;       /* translatable */
  const char  *sort_field;  /* NULL: not sortable */
  int          fixed_width; /* 0: natural */
} ColumnDef;

typedef struct
{
  IcRecordsPage   *page;     /* unowned: the page owns the columns */
  const ColumnDef *def;
} Column;

struct _IcRecordsPage
{
  AdwBin             parent_instance;

  IcStoreService    *service;
  IcRecordKind       kind;
  gboolean           search_mode_enabled;
  IcRecordListModel *model;
  GtkSingleSelection *selection;
  GPtrArray         *columns;        /* Column */
  GPtrArray         *cluster_ids;    /* index in the drop-down -> id or NULL */
  GPtrArray         *place_ids;
  GCancellable      *reload_cancellable;
  gboolean           loaded;         /* a count has been asked for */
  const Column      *probe_hit;      /* see find_sort_column() */
  gboolean           filling_filters;
  gboolean           query_changed;  /* since the last reload that finished */
  GHashTable        *stale_cells;    /* GtkListItem -> Column: cells whose row has another record */
  guint              refresh_tick;
  guint              columns_idle;   /* fits the columns to a new width */
  gboolean           follows_window; /* fits them when its window is resized */

  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkWidget         *filter_bar;
  GtkDropDown       *cluster_dropdown;
  GtkDropDown       *place_dropdown;
  GtkDropDown       *status_dropdown;
  GtkLabel          *count_label;
  GtkStack          *view_stack;
  GtkColumnView     *column_view;
  AdwStatusPage     *empty_page;
  GtkButton         *add_button;
  GtkButton         *matches_button;
  GtkWidget         *only_bar;       /* shown while the page lists chosen records only */
  GtkLabel          *only_label;
};

/* The columns of @kind's table, in order. */
const ColumnDef    *ic_records_page_columns_for_kind (IcRecordKind  kind,
                                                      guint        *n_columns);
/* Makes and fills @column's cells, following each row's record
 * (transfer full). */
GtkListItemFactory *ic_records_page_cell_factory_new (Column       *column);

G_END_DECLS

/* ic-records-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-capability.h"
#include "ic-frame-timings.h"
#include "ic-challenge.h"
#include "ic-model-enums.h"
#include "ic-organisation.h"
#include "ic-record-list-model.h"
#include "ic-record-row.h"
#include "ic-records-page.h"

#define COLUMN_KEY "ic-records-page-column"
/* How long a frame may spend on cells off screen (see refresh_stale_cells()). */
#define HIDDEN_CELLS_BUDGET_US 2000

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

static const ColumnDef challenge_columns[] = {
  { COLUMN_TITLE, N_("Title"), "title", 0 },
  { COLUMN_CLUSTER, N_("Cluster"), "cluster", 240 },
  { COLUMN_PLACE, N_("Place"), "local_authority", 150 },
  { COLUMN_TRL, N_("TRL"), "trl_min", 64 },
  { COLUMN_STATUS, N_("Status"), "status", 104 },
  { COLUMN_UPDATED, N_("Updated"), "updated_at", 120 },
};

static const ColumnDef capability_columns[] = {
  { COLUMN_TITLE, N_("Title"), "title", 0 },
  { COLUMN_CLUSTER, N_("Cluster"), "cluster", 240 },
  { COLUMN_PLACE, N_("Place"), "local_authority", 150 },
  { COLUMN_TRL, N_("TRL"), "trl", 64 },
  { COLUMN_UPDATED, N_("Updated"), "updated_at", 120 },
};

static const ColumnDef organisation_columns[] = {
  { COLUMN_TITLE, N_("Name"), "name", 0 },
  { COLUMN_KIND, N_("Kind"), "kind", 120 },
  { COLUMN_CLUSTER, N_("Cluster"), "cluster", 240 },
  { COLUMN_PLACE, N_("Place"), "local_authority", 150 },
  { COLUMN_EMPLOYEES, N_("Employees"), "employees", 110 },
  { COLUMN_UPDATED, N_("Updated"), "updated_at", 120 },
};

typedef struct
{
  IcRecordsPage   *page;     /* unowned: the page owns the columns */
  const ColumnDef *def;
} Column;

struct _IcRecordsPage
{
  AdwBin             parent_instance;

  IcStore           *store;
  IcRecordKind       kind;
  gboolean           search_mode_enabled;
  IcRecordListModel *model;
  GtkSingleSelection *selection;
  GPtrArray         *columns;        /* Column */
  GPtrArray         *cluster_ids;    /* index in the drop-down -> id or NULL */
  GPtrArray         *place_ids;
  GCancellable      *reload_cancellable;
  const Column      *probe_hit;      /* see find_sort_column() */
  gboolean           filling_filters;
  gboolean           query_changed;  /* since the last reload that finished */
  GHashTable        *stale_cells;    /* GtkListItem -> Column: cells whose row has another record */
  guint              refresh_tick;

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
};

G_DEFINE_FINAL_TYPE (IcRecordsPage, ic_records_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_SEARCH_MODE_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const ColumnDef *
columns_for_kind (IcRecordKind  kind,
                  guint        *n_columns)
{
  switch (kind)
    {
    case IC_RECORD_KIND_CHALLENGE:
      *n_columns = G_N_ELEMENTS (challenge_columns);
      return challenge_columns;
    case IC_RECORD_KIND_CAPABILITY:
      *n_columns = G_N_ELEMENTS (capability_columns);
      return capability_columns;
    case IC_RECORD_KIND_ORGANISATION:
    default:
      *n_columns = G_N_ELEMENTS (organisation_columns);
      return organisation_columns;
    }
}

static char *
string_property (IcRecord   *record,
                 const char *property)
{
  char *value = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), property) != NULL)
    g_object_get (record, property, &value, NULL);
  return value;
}

static char *
cell_text (IcRecordsPage   *self,
           IcRecord        *record,
           const ColumnDef *def)
{
  IcTaxonomy *taxonomy = ic_store_get_taxonomy (self->store);
  g_autofree char *value = NULL;
  const char *name;

  switch (def->field)
    {
    case COLUMN_TITLE:
      return g_strdup (ic_record_get_title (record));
    case COLUMN_KIND:
      return g_strdup (ic_format_organisation_kind (ic_organisation_get_kind (IC_ORGANISATION (record))));
    case COLUMN_CLUSTER:
      value = string_property (record, "cluster");
      name = value != NULL ? ic_taxonomy_get_cluster_name (taxonomy, value) : NULL;
      return g_strdup (name != NULL ? name : value);
    case COLUMN_PLACE:
      value = string_property (record, "local-authority");
      name = value != NULL ? ic_taxonomy_get_place_name (taxonomy, value) : NULL;
      return g_strdup (name != NULL ? name : value);
    case COLUMN_TRL:
      if (IC_IS_CHALLENGE (record))
        return ic_format_trl_range (ic_challenge_get_trl_min (IC_CHALLENGE (record)),
                                    ic_challenge_get_trl_max (IC_CHALLENGE (record)));
      return ic_format_trl_range (ic_capability_get_trl (IC_CAPABILITY (record)), 0);
    case COLUMN_STATUS:
      return g_strdup (ic_format_challenge_status (ic_challenge_get_status (IC_CHALLENGE (record))));
    case COLUMN_EMPLOYEES:
      {
        int employees = ic_organisation_get_employees (IC_ORGANISATION (record));

        return employees > 0 ? g_strdup_printf ("%d", employees) : g_strdup ("—");
      }
    case COLUMN_UPDATED:
      return ic_format_date (ic_record_get_updated_at (record));
    default:
      return g_strdup ("");
    }
}

static GtkWidget *
cell_label_new (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The whole title, which the column may cut short.  Asked for when the
 * pointer rests on it: setting a tooltip on every bind made GTK ask the
 * X server where the pointer is, once per row, each time rows change. */
static gboolean
on_title_query_tooltip (GtkLabel   *label,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  const char *text = gtk_label_get_text (label);

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
title_cell_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = cell_label_new ("record-title");

  gtk_widget_set_has_tooltip (title, TRUE);
  g_signal_connect (title, "query-tooltip", G_CALLBACK (on_title_query_tooltip), NULL);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), cell_label_new ("record-subtitle"));
  return box;
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Column                   *column)
{
  GtkWidget *child;

  switch (column->def->field)
    {
    case COLUMN_TITLE:
      /* The title, and under it the organisation it belongs to. */
      child = title_cell_new ();
      break;
    case COLUMN_TRL:
      child = cell_label_new ("numeric");
      break;
    case COLUMN_EMPLOYEES:
      child = cell_label_new ("numeric");
      gtk_label_set_xalign (GTK_LABEL (child), 1);
      gtk_widget_set_margin_end (child, 12);
      break;
    case COLUMN_STATUS:
      child = cell_label_new ("status-badge");
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      break;
    default:
      child = cell_label_new (NULL);
      break;
    }
  gtk_list_item_set_child (item, child);
  g_object_set_data (G_OBJECT (item), COLUMN_KEY, column);
}

static void
bind_title (Column      *column,
            GtkListItem *item,
            IcRecord    *record)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *title = GTK_LABEL (gtk_widget_get_first_child (box));
  GtkLabel *subtitle = GTK_LABEL (gtk_widget_get_last_child (box));
  g_autofree char *organisation_id = NULL;
  const char *organisation = NULL;

  const char *text = record != NULL ? ic_record_get_title (record) : NULL;

  gtk_label_set_text (title, text != NULL ? text : "");
  if (record != NULL)
    organisation_id = string_property (record, "organisation-id");
  /* Read with the record's page, off the main thread. */
  if (organisation_id != NULL && organisation_id[0] != '\0')
    organisation = ic_record_list_model_get_organisation_name (column->page->model, organisation_id);
  gtk_label_set_text (subtitle, organisation != NULL ? organisation : "");
  gtk_widget_set_visible (GTK_WIDGET (subtitle), organisation != NULL && organisation[0] != '\0');
}

/* Shows the record the row holds now; a row whose page is still being
 * read stays blank until it comes. */
static void
cell_update (Column      *column,
             GtkListItem *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  IcRecordRow *row = gtk_list_item_get_item (item);
  IcRecord *record = row != NULL ? ic_record_row_get_record (row) : NULL;
  g_autofree char *text = NULL;

  if (column->def->field == COLUMN_TITLE)
    {
      bind_title (column, item, record);
      return;
    }

  if (record != NULL)
    text = cell_text (column->page, record, column->def);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");

  if (column->def->field == COLUMN_STATUS)
    gtk_widget_set_visible (label, record != NULL);
  if (column->def->field == COLUMN_STATUS && record != NULL)
    {
      const char *nick = ic_enum_to_nick (IC_TYPE_CHALLENGE_STATUS,
                                          ic_challenge_get_status (IC_CHALLENGE (record)));
      g_autofree char *css_class = g_strconcat ("status-", nick, NULL);
      const char *classes[] = { "status-badge", css_class, NULL };

      gtk_widget_set_css_classes (label, classes);
    }
}

/* The list view leaves the rows it keeps off screen unmapped. */
static gboolean
cell_is_shown (GtkListItem *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  return child != NULL && gtk_widget_get_mapped (child);
}

/* GTK 4.8's list view keeps about 200 rows alive however few show, so a
 * search puts new records into five times the rows on screen.  Each
 * frame, the cells on screen take their new record; the rest take
 * theirs a few at a time, in the frames after, before anyone scrolls
 * to them. */
static gboolean
refresh_stale_cells (GtkWidget     *view,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  IcRecordsPage *self = user_data;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) hidden = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer item, column;
  gboolean any_shown = FALSE;

  g_hash_table_iter_init (&iter, self->stale_cells);
  while (g_hash_table_iter_next (&iter, &item, &column))
    {
      if (cell_is_shown (item))
        {
          cell_update (column, item);
          g_hash_table_iter_remove (&iter);
          any_shown = TRUE;
        }
      else
        g_ptr_array_add (hidden, item);
    }

  /* The frame that shows new cells has enough to lay out. */
  for (guint i = 0; !any_shown && i < hidden->len; i++)
    {
      if (g_get_monotonic_time () - start >= HIDDEN_CELLS_BUDGET_US)
        break;
      item = g_ptr_array_index (hidden, i);
      cell_update (g_hash_table_lookup (self->stale_cells, item), item);
      g_hash_table_remove (self->stale_cells, item);
    }

  if (g_hash_table_size (self->stale_cells) > 0)
    return G_SOURCE_CONTINUE;
  self->refresh_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
on_row_record_changed (IcRecordRow *row,
                       GParamSpec  *pspec,
                       GtkListItem *item)
{
  Column *column = g_object_get_data (G_OBJECT (item), COLUMN_KEY);
  IcRecordsPage *self = column->page;

  g_hash_table_insert (self->stale_cells, item, column);
  if (self->refresh_tick == 0)
    self->refresh_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                       refresh_stale_cells, self, NULL);
}

/* A row keeps its widgets when a search or a page read puts another
 * record in it: the cells follow the row's record instead. */
static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Column                   *column)
{
  g_hash_table_remove (column->page->stale_cells, item);
  g_signal_connect (gtk_list_item_get_item (item), "notify::record",
                    G_CALLBACK (on_row_record_changed), item);
  cell_update (column, item);
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             Column                   *column)
{
  g_hash_table_remove (column->page->stale_cells, item);
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_row_record_changed, item);
}

/* GTK 4.8 does not say which column a GtkColumnView sorts by, so each
 * column's sorter is a probe: comparing two objects with the view's
 * sorter calls the primary column's sorter first, and the sign of the
 * answer tells the direction. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Column *column = user_data;

  if (column->page->probe_hit == NULL)
    column->page->probe_hit = column;
  return GTK_ORDERING_SMALLER;
}

static const Column *
find_sort_column (IcRecordsPage *self,
                  gboolean      *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  if (sorter == NULL)
    return NULL;
  self->probe_hit = NULL;
  order = gtk_sorter_compare (sorter, a, b);
  *descending = order == GTK_ORDERING_LARGER;
  return order == GTK_ORDERING_EQUAL ? NULL : self->probe_hit;
}

static void
update_view (IcRecordsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = ic_format_record_count (self->kind, n);
  const char *visible;

  gtk_label_set_text (self->count_label, count);
  if (n > 0)
    visible = "list";
  else if (ic_record_list_model_get_any (self->model))
    visible = "no-results";
  else
    visible = "empty";

  gtk_stack_set_visible_child_name (self->view_stack, visible);
  gtk_widget_set_visible (self->filter_bar, g_strcmp0 (visible, "empty") != 0);
}

static void
on_reloaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IcRecordsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ic_record_list_model_reload_finish (IC_RECORD_LIST_MODEL (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Cannot list %s: %s", ic_record_kind_to_string (self->kind), error->message);
    }
  /* The rows stay where they are with other records in them: a selected
   * position would now be another record, and new results start at the
   * top. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (self->query_changed)
    {
      GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

      self->query_changed = FALSE;
      if (adjustment != NULL)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
  update_view (self);
}

/* Counting and searching run off the main thread; a reload replaces the
 * one under way, so a stale search never shows. */
void
ic_records_page_reload (IcRecordsPage *self)
{
  g_return_if_fail (IC_IS_RECORDS_PAGE (self));

  g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  self->reload_cancellable = g_cancellable_new ();
  ic_record_list_model_reload_async (self->model, self->reload_cancellable, on_reloaded,
                                     g_object_ref (self));
}

static void
on_sorter_changed (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   IcRecordsPage   *self)
{
  IcStoreQuery *query = ic_record_list_model_get_query (self->model);
  gboolean descending = FALSE;
  const Column *column = find_sort_column (self, &descending);

  ic_store_query_set_sort (query, column != NULL ? column->def->sort_field : NULL, descending);
  self->query_changed = TRUE;
  ic_records_page_reload (self);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   IcRecordsPage  *self)
{
  IcStoreQuery *query = ic_record_list_model_get_query (self->model);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_strcmp0 (text, ic_store_query_get_search (query) ? ic_store_query_get_search (query) : "") == 0)
    return;
  ic_store_query_set_search (query, text[0] != '\0' ? text : NULL);
  self->query_changed = TRUE;
  ic_records_page_reload (self);
}

static void
on_stop_search (GtkSearchEntry *entry,
                IcRecordsPage  *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static const char *
selected_id (GPtrArray   *ids,
             GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected < ids->len ? g_ptr_array_index (ids, selected) : NULL;
}

static void
on_filter_changed (GtkDropDown   *dropdown,
                   GParamSpec    *pspec,
                   IcRecordsPage *self)
{
  IcStoreQuery *query = ic_record_list_model_get_query (self->model);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->filling_filters)
    return;

  ic_store_query_set_cluster (query, selected_id (self->cluster_ids, self->cluster_dropdown));
  ic_store_query_set_local_authority (query, selected_id (self->place_ids, self->place_dropdown));
  if (self->kind == IC_RECORD_KIND_CHALLENGE)
    ic_store_query_set_status (query, status == 0 || status == GTK_INVALID_LIST_POSITION
                                      ? -1 : (int) status - 1);
  self->query_changed = TRUE;
  ic_records_page_reload (self);
}

static void
on_clear_filters_clicked (GtkButton     *button,
                          IcRecordsPage *self)
{
  self->filling_filters = TRUE;
  gtk_drop_down_set_selected (self->cluster_dropdown, 0);
  gtk_drop_down_set_selected (self->place_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  self->filling_filters = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  ic_store_query_set_search (ic_record_list_model_get_query (self->model), NULL);
  on_filter_changed (NULL, NULL, self);
}

static void
on_row_activated (GtkColumnView *view,
                  guint          position,
                  IcRecordsPage *self)
{
  g_autoptr(IcRecordRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  IcRecord *record = row != NULL ? ic_record_row_get_record (row) : NULL;

  if (record != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-record", "s",
                                ic_record_get_id (record));
}

static void
delete_selected_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  IcRecordsPage *self = IC_RECORDS_PAGE (widget);
  const char *id = ic_records_page_get_selected_id (self);

  if (id != NULL)
    gtk_widget_activate_action (widget, "win.delete-record", "s", id);
}

static void
fill_filters (IcRecordsPage *self)
{
  IcTaxonomy *taxonomy = ic_store_get_taxonomy (self->store);
  g_autoptr(GtkStringList) clusters = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->filling_filters = TRUE;

  g_ptr_array_set_size (self->cluster_ids, 0);
  gtk_string_list_append (clusters, _("All Clusters"));
  g_ptr_array_add (self->cluster_ids, NULL);
  for (guint i = 0; i < ic_taxonomy_get_n_clusters (taxonomy); i++)
    {
      const char *id = ic_taxonomy_get_cluster_id (taxonomy, i);

      gtk_string_list_append (clusters, ic_taxonomy_get_cluster_name (taxonomy, id));
      g_ptr_array_add (self->cluster_ids, g_strdup (id));
    }

  g_ptr_array_set_size (self->place_ids, 0);
  gtk_string_list_append (places, _("All Places"));
  g_ptr_array_add (self->place_ids, NULL);
  for (guint i = 0; i < ic_taxonomy_get_n_places (taxonomy); i++)
    {
      const char *id = ic_taxonomy_get_place_id (taxonomy, i);

      gtk_string_list_append (places, ic_taxonomy_get_place_name (taxonomy, id));
      g_ptr_array_add (self->place_ids, g_strdup (id));
    }

  gtk_string_list_append (statuses, _("Any Status"));
  for (int s = IC_CHALLENGE_STATUS_OPEN; s <= IC_CHALLENGE_STATUS_CLOSED; s++)
    gtk_string_list_append (statuses, ic_format_challenge_status (s));

  gtk_drop_down_set_model (self->cluster_dropdown, G_LIST_MODEL (clusters));
  gtk_drop_down_set_model (self->place_dropdown, G_LIST_MODEL (places));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_expression (self->cluster_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_expression (self->place_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  self->filling_filters = FALSE;
}

static void
add_columns (IcRecordsPage *self)
{
  guint n_columns = 0;
  const ColumnDef *defs = columns_for_kind (self->kind, &n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      Column *column = g_new0 (Column, 1);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;

      column->page = self;
      column->def = &defs[i];
      g_ptr_array_add (self->columns, column);

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), column);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), column);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), column);

      view_column = gtk_column_view_column_new (_(defs[i].title), g_object_ref (factory));
      gtk_column_view_column_set_resizable (view_column, TRUE);
      if (defs[i].fixed_width > 0)
        gtk_column_view_column_set_fixed_width (view_column, defs[i].fixed_width);
      else
        gtk_column_view_column_set_expand (view_column, TRUE);
      if (defs[i].sort_field != NULL)
        {
          g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (probe_compare, column, NULL);

          gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
        }
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

static void
ic_records_page_constructed (GObject *object)
{
  IcRecordsPage *self = IC_RECORDS_PAGE (object);
  const IcKindText *text = ic_kind_text (self->kind);

  G_OBJECT_CLASS (ic_records_page_parent_class)->constructed (object);

  self->model = ic_record_list_model_new (self->store, self->kind);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_columns (self);
  fill_filters (self);
  gtk_widget_set_visible (GTK_WIDGET (self->status_dropdown), self->kind == IC_RECORD_KIND_CHALLENGE);

  g_object_set (self->search_entry, "placeholder-text", text->search_hint, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text->search_hint, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text->plural, -1);
  adw_status_page_set_title (self->empty_page, text->empty_title);
  adw_status_page_set_description (self->empty_page, text->empty_body);
  adw_status_page_set_icon_name (self->empty_page, text->icon_name);
  gtk_button_set_label (self->add_button, text->add);

  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (on_sorter_changed), self);

  /* The list stays blank, not "empty", until the first count comes. */
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  ic_records_page_reload (self);
}

static void
ic_records_page_dispose (GObject *object)
{
  IcRecordsPage *self = IC_RECORDS_PAGE (object);
  GtkSorter *sorter = self->column_view != NULL ? gtk_column_view_get_sorter (self->column_view) : NULL;

  if (sorter != NULL)
    g_signal_handlers_disconnect_by_func (sorter, on_sorter_changed, self);
  g_cancellable_cancel (self->reload_cancellable);
  if (self->refresh_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->refresh_tick);
  self->refresh_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), IC_TYPE_RECORDS_PAGE);

  G_OBJECT_CLASS (ic_records_page_parent_class)->dispose (object);
}

static void
ic_records_page_finalize (GObject *object)
{
  IcRecordsPage *self = IC_RECORDS_PAGE (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->cluster_ids, g_ptr_array_unref);
  g_clear_pointer (&self->place_ids, g_ptr_array_unref);
  g_clear_pointer (&self->stale_cells, g_hash_table_unref);
  g_clear_object (&self->reload_cancellable);

  G_OBJECT_CLASS (ic_records_page_parent_class)->finalize (object);
}

static void
ic_records_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IcRecordsPage *self = IC_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SEARCH_MODE_ENABLED:
      g_value_set_boolean (value, self->search_mode_enabled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_records_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IcRecordsPage *self = IC_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_SEARCH_MODE_ENABLED:
      if (self->search_mode_enabled != g_value_get_boolean (value))
        {
          self->search_mode_enabled = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_records_page_class_init (IcRecordsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ic_records_page_constructed;
  object_class->dispose = ic_records_page_dispose;
  object_class->finalize = ic_records_page_finalize;
  object_class->get_property = ic_records_page_get_property;
  object_class->set_property = ic_records_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, IC_TYPE_RECORD_KIND, IC_RECORD_KIND_CHALLENGE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE_ENABLED] =
    g_param_spec_boolean ("search-mode-enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-records-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, cluster_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, place_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "page.delete-selected", NULL,
                                   delete_selected_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "page.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "page.delete-selected", NULL);
}

/* The record pages are what the frame timings diagnostic watches (the
 * window's first frame and typing a search), so they start it. */
static void
on_realize (GtkWidget *widget,
            gpointer   user_data)
{
  ic_frame_timings_attach (widget);
}

static void
ic_records_page_init (IcRecordsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->cluster_ids = g_ptr_array_new_with_free_func (g_free);
  self->place_ids = g_ptr_array_new_with_free_func (g_free);
  self->stale_cells = g_hash_table_new (NULL, NULL);
  g_object_bind_property (self, "search-mode-enabled", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
}

GtkWidget *
ic_records_page_new (IcStore      *store,
                     IcRecordKind  kind)
{
  return g_object_new (IC_TYPE_RECORDS_PAGE, "store", store, "kind", kind, NULL);
}

IcRecordKind
ic_records_page_get_kind (IcRecordsPage *self)
{
  g_return_val_if_fail (IC_IS_RECORDS_PAGE (self), 0);
  return self->kind;
}

void
ic_records_page_start_search (IcRecordsPage *self)
{
  g_return_if_fail (IC_IS_RECORDS_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

const char *
ic_records_page_get_selected_id (IcRecordsPage *self)
{
  IcRecordRow *row;
  IcRecord *record;

  g_return_val_if_fail (IC_IS_RECORDS_PAGE (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  record = row != NULL ? ic_record_row_get_record (row) : NULL;
  return record != NULL ? ic_record_get_id (record) : NULL;
}

guint
ic_records_page_get_n_records (IcRecordsPage *self)
{
  g_return_val_if_fail (IC_IS_RECORDS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

/* ic-records-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-frame-timings.h"
#include "ic-challenge.h"
#include "ic-model-enums.h"
#include "ic-record-list-model.h"
#include "ic-record-row.h"
#include "ic-records-page-private.h"

G_DEFINE_FINAL_TYPE (IcRecordsPage, ic_records_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SERVICE,
  PROP_KIND,
  PROP_SEARCH_MODE_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  guint n = ic_record_list_model_get_n_results (self->model);
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

  self->loaded = TRUE;
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

void
ic_records_page_show_only (IcRecordsPage      *self,
                           const char * const *ids,
                           const char         *description)
{
  g_return_if_fail (IC_IS_RECORDS_PAGE (self));

  ic_store_query_set_ids (ic_record_list_model_get_query (self->model), ids);
  gtk_label_set_text (self->only_label, description != NULL ? description : "");
  gtk_widget_set_visible (self->only_bar, ids != NULL);
  self->query_changed = TRUE;
  ic_records_page_reload (self);
}

static void
on_show_all_clicked (GtkButton     *button,
                     IcRecordsPage *self)
{
  ic_records_page_show_only (self, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_clear_filters_clicked (GtkButton     *button,
                          IcRecordsPage *self)
{
  ic_store_query_set_ids (ic_record_list_model_get_query (self->model), NULL);
  gtk_widget_set_visible (self->only_bar, FALSE);
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

/* The selected challenge (or the first, if none is selected) on the
 * Matches page. */
static void
show_matches_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcRecordsPage *self = IC_RECORDS_PAGE (widget);
  const char *id = ic_records_page_get_selected_id (self);

  if (self->kind == IC_RECORD_KIND_CHALLENGE && id != NULL)
    gtk_widget_activate_action (widget, "win.show-matches", "s", id);
}

static void
fill_filters (IcRecordsPage *self)
{
  IcTaxonomy *taxonomy = ic_store_service_get_taxonomy (self->service);
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
  const ColumnDef *defs = ic_records_page_columns_for_kind (self->kind, &n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      Column *column = g_new0 (Column, 1);
      g_autoptr(GtkListItemFactory) factory = NULL;
      g_autoptr(GtkColumnViewColumn) view_column = NULL;

      column->page = self;
      column->def = &defs[i];
      g_ptr_array_add (self->columns, column);
      factory = ic_records_page_cell_factory_new (column);

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

  self->model = ic_record_list_model_new (self->service, self->kind);
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
  gtk_widget_set_visible (GTK_WIDGET (self->matches_button), self->kind == IC_RECORD_KIND_CHALLENGE);

  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (on_sorter_changed), self);

  /* The list stays blank, not "empty", until the first count comes;
   * the count starts once the page is on screen (see on_map()). */
  gtk_stack_set_visible_child_name (self->view_stack, "list");
}

/* Narrow widths: the secondary columns go, the last first ("Updated"
 * before "Cluster"), before the title is squeezed below this. */
#define TITLE_MIN_WIDTH 260

static int
shown_width (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  double x = 0, y = 0;

  if (root == NULL || !gtk_widget_translate_coordinates (widget, root, 0, 0, &x, &y))
    return gtk_widget_get_width (widget);
  return MIN (gtk_widget_get_width (widget), gtk_widget_get_width (root) - (int) x);
}

static gboolean
fit_columns (gpointer user_data)
{
  IcRecordsPage *self = user_data;
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n = g_list_model_get_n_items (columns);
  int room;

  self->columns_idle = 0;
  /* Hidden columns leave the page narrower: measure where its window
   * ends, not its own width, which the columns' minimum may stretch
   * past the window's edge. */
  room = shown_width (GTK_WIDGET (self)) - TITLE_MIN_WIDTH;
  for (guint i = 0; i < n && i < self->columns->len; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const Column *def = g_ptr_array_index (self->columns, i);
      int width = def->def->fixed_width;

      if (width <= 0)
        continue;  /* the title: always shown */
      gtk_column_view_column_set_visible (column, room >= width);
      if (room >= width)
        room -= width;
      else
        room = -1;  /* once one goes, the ones after it go too */
    }
  return G_SOURCE_REMOVE;
}

static void
queue_fit (IcRecordsPage *self)
{
  if (self->columns_idle == 0 && self->column_view != NULL)
    self->columns_idle = g_idle_add (fit_columns, self);
}

static void
on_window_resized (GObject       *window,
                   GParamSpec    *pspec,
                   IcRecordsPage *self)
{
  queue_fit (self);
}

/* The page has a layout manager, so it cannot hear its own size
 * change: it follows its window's (and is fitted when shown). */
static void
ic_records_page_map (GtkWidget *widget)
{
  IcRecordsPage *self = IC_RECORDS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  GTK_WIDGET_CLASS (ic_records_page_parent_class)->map (widget);
  if (GTK_IS_WINDOW (root) && !self->follows_window)
    {
      self->follows_window = TRUE;
      g_signal_connect_object (root, "notify::default-width", G_CALLBACK (on_window_resized), self, 0);
      g_signal_connect_object (root, "notify::maximized", G_CALLBACK (on_window_resized), self, 0);
      g_signal_connect_object (root, "notify::fullscreened", G_CALLBACK (on_window_resized), self, 0);
    }
  queue_fit (self);
}

static void
ic_records_page_dispose (GObject *object)
{
  IcRecordsPage *self = IC_RECORDS_PAGE (object);
  GtkSorter *sorter = self->column_view != NULL ? gtk_column_view_get_sorter (self->column_view) : NULL;

  if (sorter != NULL)
    g_signal_handlers_disconnect_by_func (sorter, on_sorter_changed, self);
  g_cancellable_cancel (self->reload_cancellable);
  g_clear_handle_id (&self->columns_idle, g_source_remove);
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
  g_clear_object (&self->service);
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
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
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
    case PROP_SERVICE:
      self->service = g_value_dup_object (value);
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
  widget_class->map = ic_records_page_map;
  object_class->finalize = ic_records_page_finalize;
  object_class->get_property = ic_records_page_get_property;
  object_class->set_property = ic_records_page_set_property;

  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, IC_TYPE_STORE_SERVICE,
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
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, matches_button);
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, only_bar);
  gtk_widget_class_bind_template_child (widget_class, IcRecordsPage, only_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "page.delete-selected", NULL,
                                   delete_selected_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "page.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "page.delete-selected", NULL);
  gtk_widget_class_install_action (widget_class, "page.show-matches", NULL, show_matches_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "page.show-matches", NULL);
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
on_first_paint (GdkFrameClock *clock,
                IcRecordsPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  if (!self->loaded)
    ic_records_page_reload (self);
}

/* The first count waits until the page has been drawn once: its rows
 * would otherwise be built before the window's first frame, and the
 * count would take a processor from it. */
static void
on_map (GtkWidget *widget,
        gpointer   user_data)
{
  IcRecordsPage *self = IC_RECORDS_PAGE (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (self->loaded)
    return;
  if (clock == NULL)
    {
      ic_records_page_reload (self);
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_paint), self, 0);
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
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

GtkWidget *
ic_records_page_new (IcStoreService *service,
                     IcRecordKind    kind)
{
  return g_object_new (IC_TYPE_RECORDS_PAGE, "service", service, "kind", kind, NULL);
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
  return ic_record_list_model_get_n_results (self->model);
}

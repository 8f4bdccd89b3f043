/* ic-records-page-cells.c — the cells of a records page's table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-model-enums.h"
#include "ic-organisation.h"
#include "ic-record-row.h"
#include "ic-records-page-private.h"

#define COLUMN_KEY "ic-records-page-column"
/* How long a frame may spend on cells on and off screen (see
 * refresh_stale_cells()); laying them out costs about as much again. */
#define SHOWN_CELLS_BUDGET_US  5000
#define HIDDEN_CELLS_BUDGET_US 2000

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

const ColumnDef *
ic_records_page_columns_for_kind (IcRecordKind  kind,
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
  IcTaxonomy *taxonomy = ic_store_service_get_taxonomy (self->service);
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

        return employees > 0 ? ic_format_number ((guint64) employees) : g_strdup ("—");
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

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = gtk_list_item_get_position (*(GtkListItem **) a);
  guint pb = gtk_list_item_get_position (*(GtkListItem **) b);

  return pa < pb ? -1 : pa > pb;
}

static void
refresh_cell (IcRecordsPage *self,
              GtkListItem   *item)
{
  cell_update (g_hash_table_lookup (self->stale_cells, item), item);
  g_hash_table_remove (self->stale_cells, item);
}

/* GTK 4.8's list view keeps about 200 rows alive however few show, so a
 * search puts new records into five times the rows on screen.  The
 * cells on screen take their new record first, a few milliseconds'
 * worth a frame; the rest take theirs the same way in the frames
 * after, before anyone scrolls to them. */
static gboolean
refresh_stale_cells (GtkWidget     *view,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  IcRecordsPage *self = user_data;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) hidden = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->stale_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    g_ptr_array_add (cell_is_shown (item) ? shown : hidden, item);

  /* From the top, so that the rows fill in as a reader's eye goes. */
  g_ptr_array_sort (shown, compare_positions);
  for (guint i = 0; i < shown->len; i++)
    {
      if (i > 0 && g_get_monotonic_time () - start >= SHOWN_CELLS_BUDGET_US)
        break;
      refresh_cell (self, g_ptr_array_index (shown, i));
    }

  /* The frame that shows new cells has enough to lay out. */
  for (guint i = 0; shown->len == 0 && i < hidden->len; i++)
    {
      if (g_get_monotonic_time () - start >= HIDDEN_CELLS_BUDGET_US)
        break;
      refresh_cell (self, g_ptr_array_index (hidden, i));
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

GtkListItemFactory *
ic_records_page_cell_factory_new (Column *column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), column);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), column);
  return factory;
}

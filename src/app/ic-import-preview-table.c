/* ic-import-preview-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-import-preview-table.h"

/* Cells longer than this are cut short, with the whole text as their
 * tooltip. */
#define CELL_WIDTH_CHARS 22
/* But no cell is cut shorter than this: the table scrolls instead. */
#define CELL_MIN_CHARS 12

struct _IcImportPreviewTable
{
  GtkWidget           parent_instance;

  GtkWidget          *grid;
  IcRecordKind        kind;
  GPtrArray          *dropdowns;     /* of GtkDropDown, one per column */
  GPtrArray          *row_labels;    /* of GtkLabel, one per row */
  GPtrArray          *cells;         /* of GPtrArray of GtkLabel, one per row */
  GArray             *row_numbers;   /* of guint */
  GStrv               header;
  const char * const *targets;       /* the kind's, "ignore" last */
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (IcImportPreviewTable, ic_import_preview_table, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_TARGET_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Position 0 of each drop-down is "Ignore"; then the kind's targets. */
static guint
position_of (IcImportPreviewTable *self,
             const char           *target)
{
  if (target == NULL)
    return 0;
  for (guint i = 0; self->targets[i] != NULL; i++)
    if (g_str_equal (self->targets[i], target))
      return i + 1;
  return 0;
}

static const char *
target_at (IcImportPreviewTable *self,
           guint                 position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return self->targets[position - 1];
}

static GListModel *
make_choices (IcImportPreviewTable *self)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, ic_import_mapping_describe_target (NULL));
  for (guint i = 0; self->targets[i] != NULL; i++)
    gtk_string_list_append (list, ic_import_mapping_describe_target (self->targets[i]));
  return G_LIST_MODEL (list);
}

static void
on_dropdown_selected (GtkDropDown          *dropdown,
                      GParamSpec           *pspec,
                      IcImportPreviewTable *self)
{
  guint column;

  if (self->updating || !g_ptr_array_find (self->dropdowns, dropdown, &column))
    return;
  g_signal_emit (self, signals[SIGNAL_TARGET_CHANGED], 0, column,
                 target_at (self, gtk_drop_down_get_selected (dropdown)));
}

static GtkWidget *
cell_label (const char *text,
            gboolean    heading)
{
  g_autofree char *one_line = g_strdup (text != NULL ? text : "");
  GtkWidget *label;

  /* A cell with line breaks shows them as spaces; the tooltip keeps them. */
  g_strdelimit (one_line, "\r\n", ' ');
  label = gtk_label_new (one_line);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), CELL_WIDTH_CHARS);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int) g_utf8_strlen (one_line, -1), CELL_MIN_CHARS));
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (g_utf8_strlen (text != NULL ? text : "", -1) > CELL_WIDTH_CHARS || g_strcmp0 (one_line, text) != 0)
    gtk_widget_set_tooltip_text (label, text);
  return label;
}

static void
clear_grid (IcImportPreviewTable *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_ptr_array_set_size (self->dropdowns, 0);
  g_ptr_array_set_size (self->row_labels, 0);
  g_ptr_array_set_size (self->cells, 0);
  g_array_set_size (self->row_numbers, 0);
  g_clear_pointer (&self->header, g_strfreev);
}

void
ic_import_preview_table_set_preview (IcImportPreviewTable *self,
                                     IcImportPreview      *preview,
                                     IcImportMapping      *mapping)
{
  GtkWidget *heading;
  GtkGrid *grid;
  guint n_columns, n_rows;

  g_return_if_fail (IC_IS_IMPORT_PREVIEW_TABLE (self));
  g_return_if_fail (IC_IS_IMPORT_PREVIEW (preview));
  g_return_if_fail (IC_IS_IMPORT_MAPPING (mapping));

  clear_grid (self);
  grid = GTK_GRID (self->grid);
  self->kind = ic_import_mapping_get_kind (mapping);
  self->targets = ic_import_mapping_list_targets (self->kind);
  self->header = g_strdupv ((char **) ic_import_preview_get_header (preview));
  n_columns = ic_import_preview_get_n_columns (preview);
  n_rows = ic_import_preview_get_n_rows (preview);

  heading = cell_label (_("Row"), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_NONE);
  gtk_grid_attach (grid, heading, 0, 0, 1, 1);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GListModel) choices = make_choices (self);
      g_autofree char *name = g_strdup_printf (_("Field for column “%s”"), self->header[c]);
      GtkWidget *dropdown = gtk_drop_down_new (g_steal_pointer (&choices), NULL);

      gtk_grid_attach (grid, cell_label (self->header[c], TRUE), c + 1, 0, 1, 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_widget_set_tooltip_text (dropdown, name);
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected), self);
      gtk_grid_attach (grid, dropdown, c + 1, 1, 1, 1);
      g_ptr_array_add (self->dropdowns, dropdown);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      guint number = 0;
      const char * const *row = ic_import_preview_get_row (preview, r, &number);
      guint n_fields = g_strv_length ((char **) row);
      g_autofree char *number_text = g_strdup_printf ("%u", number);
      GtkWidget *row_label = cell_label (number_text, FALSE);
      GPtrArray *cells = g_ptr_array_new ();

      gtk_widget_add_css_class (row_label, "dim-label");
      gtk_widget_add_css_class (row_label, "numeric");
      gtk_grid_attach (grid, row_label, 0, r + 2, 1, 1);
      g_ptr_array_add (self->row_labels, row_label);
      g_array_append_val (self->row_numbers, number);
      for (guint c = 0; c < n_columns; c++)
        {
          GtkWidget *cell = cell_label (c < n_fields ? row[c] : "", FALSE);

          gtk_grid_attach (grid, cell, c + 1, r + 2, 1, 1);
          g_ptr_array_add (cells, cell);
        }
      g_ptr_array_add (self->cells, cells);
    }

  ic_import_preview_table_set_mapping (self, mapping);
}

void
ic_import_preview_table_set_mapping (IcImportPreviewTable *self,
                                     IcImportMapping      *mapping)
{
  g_return_if_fail (IC_IS_IMPORT_PREVIEW_TABLE (self));
  g_return_if_fail (IC_IS_IMPORT_MAPPING (mapping));
  g_return_if_fail (ic_import_mapping_get_n_columns (mapping) == self->dropdowns->len);

  /* Another kind has other fields to choose from. */
  if (ic_import_mapping_get_kind (mapping) != self->kind)
    {
      self->kind = ic_import_mapping_get_kind (mapping);
      self->targets = ic_import_mapping_list_targets (self->kind);
      self->updating = TRUE;
      for (guint c = 0; c < self->dropdowns->len; c++)
        {
          g_autoptr(GListModel) choices = make_choices (self);

          gtk_drop_down_set_model (g_ptr_array_index (self->dropdowns, c), choices);
        }
      self->updating = FALSE;
    }

  self->updating = TRUE;
  for (guint c = 0; c < self->dropdowns->len; c++)
    {
      const char *target = ic_import_mapping_get_target (mapping, c);

      gtk_drop_down_set_selected (g_ptr_array_index (self->dropdowns, c), position_of (self, target));
      for (guint r = 0; r < self->cells->len; r++)
        {
          GPtrArray *cells = g_ptr_array_index (self->cells, r);
          GtkWidget *cell = g_ptr_array_index (cells, c);

          /* What an ignored column holds stays visible but dimmed. */
          if (target == NULL)
            gtk_widget_add_css_class (cell, "dim-label");
          else
            gtk_widget_remove_css_class (cell, "dim-label");
        }
    }
  self->updating = FALSE;
}

static void
mark (GtkWidget  *label,
      const char *message)
{
  g_autofree char *tooltip = NULL;
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  gtk_widget_add_css_class (label, "error");
  if (g_utf8_strlen (text, -1) > CELL_WIDTH_CHARS)
    tooltip = g_strdup_printf ("%s\n\n%s", text, message);
  gtk_widget_set_tooltip_text (label, tooltip != NULL ? tooltip : message);
}

static void
unmark (GtkWidget *label)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  gtk_widget_remove_css_class (label, "error");
  gtk_widget_set_tooltip_text (label, g_utf8_strlen (text, -1) > CELL_WIDTH_CHARS ? text : NULL);
}

void
ic_import_preview_table_set_problems (IcImportPreviewTable *self,
                                      IcImportReport       *report)
{
  guint n;

  g_return_if_fail (IC_IS_IMPORT_PREVIEW_TABLE (self));

  for (guint r = 0; r < self->row_labels->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (self->cells, r);

      unmark (g_ptr_array_index (self->row_labels, r));
      for (guint c = 0; c < cells->len; c++)
        unmark (g_ptr_array_index (cells, c));
    }
  if (report == NULL)
    return;

  n = ic_import_report_get_n_problems (report);
  for (guint i = 0; i < n; i++)
    {
      const char *column = NULL;
      guint row = 0;
      const char *message = ic_import_report_get_problem (report, i, &row, &column, NULL);

      for (guint r = 0; r < self->row_numbers->len; r++)
        {
          if (g_array_index (self->row_numbers, guint, r) != row)
            continue;
          mark (g_ptr_array_index (self->row_labels, r), message);
          for (guint c = 0; column != NULL && self->header[c] != NULL; c++)
            if (g_str_equal (self->header[c], column))
              {
                GPtrArray *cells = g_ptr_array_index (self->cells, r);

                mark (g_ptr_array_index (cells, c), message);
                break;
              }
        }
    }
}

static void
ic_import_preview_table_dispose (GObject *object)
{
  IcImportPreviewTable *self = IC_IMPORT_PREVIEW_TABLE (object);

  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (ic_import_preview_table_parent_class)->dispose (object);
}

static void
ic_import_preview_table_finalize (GObject *object)
{
  IcImportPreviewTable *self = IC_IMPORT_PREVIEW_TABLE (object);

  g_ptr_array_unref (self->dropdowns);
  g_ptr_array_unref (self->row_labels);
  g_ptr_array_unref (self->cells);
  g_array_unref (self->row_numbers);
  g_strfreev (self->header);

  G_OBJECT_CLASS (ic_import_preview_table_parent_class)->finalize (object);
}

static void
ic_import_preview_table_class_init (IcImportPreviewTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_import_preview_table_dispose;
  object_class->finalize = ic_import_preview_table_finalize;

  signals[SIGNAL_TARGET_CHANGED] =
    g_signal_new ("target-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "importpreviewtable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ic_import_preview_table_init (IcImportPreviewTable *self)
{
  self->kind = IC_RECORD_KIND_CHALLENGE;
  self->targets = ic_import_mapping_list_targets (self->kind);
  self->dropdowns = g_ptr_array_new ();
  self->row_labels = g_ptr_array_new ();
  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 8);
  gtk_widget_set_margin_top (self->grid, 12);
  gtk_widget_set_margin_bottom (self->grid, 12);
  gtk_widget_set_margin_start (self->grid, 12);
  gtk_widget_set_margin_end (self->grid, 12);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview"), -1);
}

GtkWidget *
ic_import_preview_table_new (void)
{
  return g_object_new (IC_TYPE_IMPORT_PREVIEW_TABLE, NULL);
}

/* ic-import-value-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-import-value-map.h"

struct _IcImportValueMap
{
  AdwPreferencesGroup parent_instance;

  IcTaxonomy *taxonomy;
  GPtrArray  *rows;       /* of AdwComboRow */
  gboolean    filling;
};

G_DEFINE_FINAL_TYPE (IcImportValueMap, ic_import_value_map, ADW_TYPE_PREFERENCES_GROUP)

enum { VALUE_MAPPED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
is_place (const char *target)
{
  return g_strcmp0 (target, "local_authority") == 0;
}

static guint
n_choices (IcImportValueMap *self,
           const char       *target)
{
  return is_place (target) ? ic_taxonomy_get_n_places (self->taxonomy)
                           : ic_taxonomy_get_n_clusters (self->taxonomy);
}

static const char *
choice_id (IcImportValueMap *self,
           const char       *target,
           guint             index)
{
  return is_place (target) ? ic_taxonomy_get_place_id (self->taxonomy, index)
                           : ic_taxonomy_get_cluster_id (self->taxonomy, index);
}

static void
on_selected (AdwComboRow      *row,
             GParamSpec       *pspec,
             IcImportValueMap *self)
{
  const char *target = g_object_get_data (G_OBJECT (row), "target");
  const char *value = g_object_get_data (G_OBJECT (row), "value");
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling)
    return;
  /* The first choice is "Leave empty". */
  g_signal_emit (self, signals[VALUE_MAPPED], 0, target, value,
                 selected == 0 || selected == GTK_INVALID_LIST_POSITION
                 ? "" : choice_id (self, target, selected - 1));
}

static GtkWidget *
make_row (IcImportValueMap *self,
          const char       *target,
          const char       *value,
          guint             n_rows,
          const char       *mapped_to)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  guint selected = 0;

  gtk_string_list_append (choices, _("Leave empty"));
  for (guint i = 0; i < n_choices (self, target); i++)
    {
      const char *id = choice_id (self, target, i);

      gtk_string_list_append (choices, is_place (target) ? ic_taxonomy_get_place_name (self->taxonomy, id)
                                                          : ic_taxonomy_get_cluster_name (self->taxonomy, id));
      if (g_strcmp0 (mapped_to, id) == 0)
        selected = i + 1;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  subtitle = g_strdup_printf (is_place (target)
                              ? ngettext ("Place, in %u row", "Place, in %u rows", n_rows)
                              : ngettext ("Cluster, in %u row", "Cluster, in %u rows", n_rows),
                              n_rows);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (row, selected);
  g_object_set_data_full (G_OBJECT (row), "target", g_strdup (target), g_free);
  g_object_set_data_full (G_OBJECT (row), "value", g_strdup (value), g_free);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_selected), self);
  return GTK_WIDGET (row);
}

/* Whether the rows list @report's values already, in its order: then
 * they stay, and a choice being made in one is not lost. */
static gboolean
same_values (IcImportValueMap *self,
             IcImportReport   *report,
             guint             n)
{
  if (self->rows->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);
      const char *target;
      const char *value = ic_import_report_get_unmatched (report, i, &target, NULL, NULL);

      if (g_strcmp0 (g_object_get_data (row, "target"), target) != 0 ||
          g_strcmp0 (g_object_get_data (row, "value"), value) != 0)
        return FALSE;
    }
  return TRUE;
}

void
ic_import_value_map_show_report (IcImportValueMap *self,
                                 IcImportReport   *report)
{
  guint n;

  g_return_if_fail (IC_IS_IMPORT_VALUE_MAP (self));

  n = report != NULL ? ic_import_report_get_n_unmatched (report) : 0;
  if (n > 0 && same_values (self, report, n))
    return;

  self->filling = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      const char *target, *mapped_to;
      guint n_rows;
      const char *value = ic_import_report_get_unmatched (report, i, &target, &n_rows, &mapped_to);
      GtkWidget *row = make_row (self, target, value, n_rows, mapped_to);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  self->filling = FALSE;
}

static void
ic_import_value_map_finalize (GObject *object)
{
  IcImportValueMap *self = IC_IMPORT_VALUE_MAP (object);

  g_clear_object (&self->taxonomy);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (ic_import_value_map_parent_class)->finalize (object);
}

static void
ic_import_value_map_class_init (IcImportValueMapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_import_value_map_finalize;

  /* ::value-mapped (target, value, id): @id is "" for nothing. */
  signals[VALUE_MAPPED] = g_signal_new ("value-mapped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                        G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
ic_import_value_map_init (IcImportValueMap *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Values to Map"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("These values match no cluster or place. Choose what "
                                           "each means for every row that holds it, or leave it "
                                           "empty; the choice is remembered for the next file "
                                           "with these columns."));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
ic_import_value_map_new (IcTaxonomy *taxonomy)
{
  IcImportValueMap *self = g_object_new (IC_TYPE_IMPORT_VALUE_MAP, NULL);

  self->taxonomy = taxonomy != NULL ? g_object_ref (taxonomy) : ic_taxonomy_new_default ();
  return GTK_WIDGET (self);
}

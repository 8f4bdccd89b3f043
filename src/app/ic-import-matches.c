/* ic-import-matches.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-import-matches.h"

struct _IcImportMatches
{
  AdwPreferencesGroup parent_instance;

  GPtrArray *rows;       /* of AdwComboRow or AdwActionRow */
  gboolean   filling;
};

G_DEFINE_FINAL_TYPE (IcImportMatches, ic_import_matches, ADW_TYPE_PREFERENCES_GROUP)

enum { KEEP_APART_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_selected (AdwComboRow     *row,
             GParamSpec      *pspec,
             IcImportMatches *self)
{
  if (self->filling)
    return;
  /* The second choice is "Keep Apart". */
  g_signal_emit (self, signals[KEEP_APART_CHANGED], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "row")),
                 adw_combo_row_get_selected (row) == 1);
}

static GtkWidget *
make_row (IcImportMatches       *self,
          const IcImportSimilar *similar)
{
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (!similar->can_keep_apart)
    {
      /* The store would refuse two organisations of that name. */
      row = adw_action_row_new ();
      subtitle = g_strdup_printf (_("Row %u: same name as “%s” — will update it"),
                                  similar->row, similar->stored_name);
    }
  else
    {
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

      gtk_string_list_append (choices, _("Update Existing"));
      gtk_string_list_append (choices, _("Keep Apart"));
      row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), similar->kept_apart ? 1 : 0);
      subtitle = similar->by_website
        ? g_strdup_printf (_("Row %u: has the website of “%s”"), similar->row, similar->stored_name)
        : g_strdup_printf (_("Row %u: looks like “%s”"), similar->row, similar->stored_name);
      g_object_set_data (G_OBJECT (row), "row", GUINT_TO_POINTER (similar->row));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_selected), self);
    }
  /* Rows name themselves after their title. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), similar->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "name", g_strdup (similar->name), g_free);
  g_object_set_data_full (G_OBJECT (row), "stored-id", g_strdup (similar->stored_id), g_free);
  return row;
}

/* Whether the rows list @report's matches already, in its order: then
 * they stay, and a choice being made in one is not lost. */
static gboolean
same_matches (IcImportMatches *self,
              IcImportReport  *report,
              guint            n)
{
  if (self->rows->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);
      const IcImportSimilar *similar = ic_import_report_get_similar (report, i);

      if (g_strcmp0 (g_object_get_data (row, "name"), similar->name) != 0 ||
          g_strcmp0 (g_object_get_data (row, "stored-id"), similar->stored_id) != 0 ||
          ADW_IS_COMBO_ROW (row) != similar->can_keep_apart)
        return FALSE;
    }
  return TRUE;
}

void
ic_import_matches_show_report (IcImportMatches *self,
                               IcImportReport  *report)
{
  guint n;

  g_return_if_fail (IC_IS_IMPORT_MATCHES (self));

  n = report != NULL ? ic_import_report_get_n_similar (report) : 0;
  if (n > 0 && same_matches (self, report, n))
    return;
  self->filling = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = make_row (self, ic_import_report_get_similar (report, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  self->filling = FALSE;
}

static void
ic_import_matches_finalize (GObject *object)
{
  g_ptr_array_unref (IC_IMPORT_MATCHES (object)->rows);

  G_OBJECT_CLASS (ic_import_matches_parent_class)->finalize (object);
}

static void
ic_import_matches_class_init (IcImportMatchesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_import_matches_finalize;

  /* ::keep-apart-changed (row, keep_apart) */
  signals[KEEP_APART_CHANGED] = g_signal_new ("keep-apart-changed", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);
}

static void
ic_import_matches_init (IcImportMatches *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Stored Organisations"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("These rows look like organisations already stored, so "
                                           "they update them. Choose Keep Apart to add a row as an "
                                           "organisation of its own."));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
ic_import_matches_new (void)
{
  return g_object_new (IC_TYPE_IMPORT_MATCHES, NULL);
}

/* ic-import-results.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-import-results.h"

/* Rejected rows listed by name; the count says how many more. */
#define LISTED_PROBLEMS 50

struct _IcImportResults
{
  GtkBox      parent_instance;

  GtkSpinner *spinner;
  GtkLabel   *summary_label;
  GtkLabel   *hint_label;
  GtkLabel   *ignored_label;
  GtkListBox *problem_list;
  GtkListBox *warning_list;
};

G_DEFINE_FINAL_TYPE (IcImportResults, ic_import_results, GTK_TYPE_BOX)

static void
clear_problems (IcImportResults *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problem_list))) != NULL)
    gtk_list_box_remove (self->problem_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_list), FALSE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warning_list))) != NULL)
    gtk_list_box_remove (self->warning_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->ignored_label), FALSE);
}

static void
add_list_row (GtkListBox *list,
              const char *text,
              gboolean    is_problem)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 10);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  if (!is_problem)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
}

/* "Of 3 rows, 1 would be added, 1 would update a record and 1 would be
 * rejected." */
static char *
describe_counts (const IcImportCounts *counts,
                 gboolean              committed)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, ngettext ("Of %u row, ", "Of %u rows, ", counts->rows), counts->rows);
  if (committed)
    {
      g_string_append_printf (text, ngettext ("%u were added, %u updated a record and %u was "
                                              "skipped; the row skipped and why:",
                                              "%u were added, %u updated a record and %u were "
                                              "skipped; the rows skipped and why:",
                                              counts->rejected),
                              counts->added, counts->updated, counts->rejected);
      return g_string_free (text, FALSE);
    }
  g_string_append_printf (text, _("%u would be added, %u would update a record and %u would be "
                                  "rejected."),
                          counts->added, counts->updated, counts->rejected);
  if (counts->unchanged > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u is already in the database as it is.",
                                              "%u are already in the database as they are.",
                                              counts->unchanged),
                              counts->unchanged);
    }
  if (counts->organisations_added > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u new organisation would be added.",
                                              "%u new organisations would be added.",
                                              counts->organisations_added),
                              counts->organisations_added);
    }
  return g_string_free (text, FALSE);
}

void
ic_import_results_show_message (IcImportResults *self,
                                const char      *message)
{
  g_return_if_fail (IC_IS_IMPORT_RESULTS (self));

  gtk_label_set_text (self->summary_label, message);
  clear_problems (self);
}

/* The columns the import will not read, named before it runs. */
static void
show_ignored (IcImportResults *self,
              IcImportReport  *report)
{
  IcImportMapping *mapping = ic_import_report_get_mapping (report);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint n = 0;

  if (ic_import_report_get_committed (report))
    return;
  for (guint i = 0; i < ic_import_mapping_get_n_columns (mapping); i++)
    if (ic_import_mapping_get_target (mapping, i) == NULL)
      {
        g_string_append_printf (names, "%s“%s”", n > 0 ? ", " : "", ic_import_mapping_get_column (mapping, i));
        n++;
      }
  if (n == 0)
    return;
  text = g_strdup_printf (ngettext ("Not imported: the column %s. Choose a field above it to read it.",
                                    "Not imported: the columns %s. Choose a field above one to read it.",
                                    n), names->str);
  gtk_label_set_text (self->ignored_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->ignored_label), TRUE);
}

void
ic_import_results_show_report (IcImportResults *self,
                               IcImportReport  *report)
{
  const IcImportCounts *counts;
  g_autofree char *summary = NULL;
  guint n;

  g_return_if_fail (IC_IS_IMPORT_RESULTS (self));
  g_return_if_fail (IC_IS_IMPORT_REPORT (report));

  counts = ic_import_report_get_counts (report);
  n = ic_import_report_get_n_problems (report);
  summary = describe_counts (counts, ic_import_report_get_committed (report));
  gtk_label_set_text (self->summary_label, summary);
  clear_problems (self);
  show_ignored (self, report);
  for (guint i = 0; i < n && i < LISTED_PROBLEMS; i++)
    add_list_row (self->problem_list, ic_import_report_get_problem (report, i, NULL, NULL, NULL), TRUE);
  if (counts->rejected > MIN (n, LISTED_PROBLEMS))
    {
      guint more = counts->rejected - MIN (n, LISTED_PROBLEMS);
      g_autofree char *text = g_strdup_printf (ngettext ("and %u more row", "and %u more rows", more),
                                               more);
      add_list_row (self->problem_list, text, FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_list), counts->rejected > 0);

  /* Rows kept with a value left out, or taken with a change. */
  if (!ic_import_report_get_committed (report))
    {
      guint n_warnings = ic_import_report_get_n_warnings (report);

      for (guint i = 0; i < n_warnings && i < LISTED_PROBLEMS; i++)
        add_list_row (self->warning_list, ic_import_report_get_warning (report, i, NULL), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->warning_list), n_warnings > 0);
    }
}

void
ic_import_results_set_checking (IcImportResults *self,
                                gboolean         checking)
{
  g_return_if_fail (IC_IS_IMPORT_RESULTS (self));

  gtk_spinner_set_spinning (self->spinner, checking);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), checking);
}

void
ic_import_results_set_hint (IcImportResults *self,
                            const char      *hint)
{
  g_return_if_fail (IC_IS_IMPORT_RESULTS (self));

  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

static void
ic_import_results_class_init (IcImportResultsClass *klass)
{
}

/* Built in code, as the preview table is: the template checker knows
 * only GTK's and libadwaita's types. */
static void
ic_import_results_init (IcImportResults *self)
{
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary_label), TRUE);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_box_append (GTK_BOX (status), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (status), GTK_WIDGET (self->summary_label));
  gtk_box_append (GTK_BOX (self), status);

  self->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_label_set_xalign (self->hint_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->hint_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->hint_label));

  self->ignored_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->ignored_label), FALSE);
  gtk_label_set_wrap (self->ignored_label, TRUE);
  gtk_label_set_xalign (self->ignored_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->ignored_label), 6);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->ignored_label));

  self->problem_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->problem_list), FALSE);
  gtk_list_box_set_selection_mode (self->problem_list, GTK_SELECTION_NONE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->problem_list), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rows that would fail"), -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->problem_list));

  self->warning_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->warning_list), FALSE);
  gtk_list_box_set_selection_mode (self->warning_list, GTK_SELECTION_NONE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->warning_list), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->warning_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rows kept with a value left out or changed"), -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->warning_list));
}

GtkWidget *
ic_import_results_new (void)
{
  return g_object_new (IC_TYPE_IMPORT_RESULTS, NULL);
}

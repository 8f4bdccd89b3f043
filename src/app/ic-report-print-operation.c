/* ic-report-print-operation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-report-print-operation.h"
#include "ic-report-renderer.h"

struct _IcReportPrintOperation
{
  GtkPrintOperation  parent_instance;

  IcShortlistReport *report;
  IcReportRenderer  *renderer;
  GError            *preview_error;
};

G_DEFINE_FINAL_TYPE (IcReportPrintOperation, ic_report_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
ic_report_print_operation_begin_print (GtkPrintOperation *operation,
                                       GtkPrintContext   *context)
{
  IcReportPrintOperation *self = IC_REPORT_PRINT_OPERATION (operation);
  guint n_pages;

  /* The renderer keeps its own margins, so it is given the whole sheet. */
  n_pages = ic_report_renderer_paginate (self->renderer,
                                         gtk_print_context_get_cairo_context (context),
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
ic_report_print_operation_draw_page (GtkPrintOperation *operation,
                                     GtkPrintContext   *context,
                                     int                page_nr)
{
  IcReportPrintOperation *self = IC_REPORT_PRINT_OPERATION (operation);

  ic_report_renderer_draw_page (self->renderer, gtk_print_context_get_cairo_context (context), page_nr);
}

static gboolean
end_preview (gpointer user_data)
{
  gtk_print_operation_preview_end_preview (GTK_PRINT_OPERATION_PREVIEW (user_data));
  return G_SOURCE_REMOVE;
}

/* GTK shows a preview by running a document viewer; when there is none
 * it would only log a warning.  Here the preview ends at once and
 * "done" follows, with the reason kept for the window to say. */
static gboolean
ic_report_print_operation_preview (GtkPrintOperation        *operation,
                                   GtkPrintOperationPreview *preview,
                                   GtkPrintContext          *context,
                                   GtkWindow                *parent)
{
  IcReportPrintOperation *self = IC_REPORT_PRINT_OPERATION (operation);
  g_autofree char *command = NULL;
  g_auto(GStrv) argv = NULL;
  g_autofree char *program = NULL;
  GtkSettings *settings = parent != NULL ? gtk_widget_get_settings (GTK_WIDGET (parent))
                                         : gtk_settings_get_default ();

  g_object_get (settings, "gtk-print-preview-command", &command, NULL);
  if (command != NULL && g_shell_parse_argv (command, NULL, &argv, NULL) && argv[0] != NULL)
    program = g_find_program_in_path (argv[0]);
  if (program != NULL)
    return FALSE;

  /* GTK asks a handled preview for a cairo context to draw on; this
   * one draws nowhere, as no page is drawn. */
  {
    cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create (surface);

    gtk_print_context_set_cairo_context (context, cr, 72, 72);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  g_clear_error (&self->preview_error);
  self->preview_error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                     _("no document viewer is installed to show it (“%s” was not found). "
                                       "Print to a PDF file instead, or install a document viewer such as Evince."),
                                     argv != NULL && argv[0] != NULL ? argv[0] : "");
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, end_preview, g_object_ref (preview), g_object_unref);
  return TRUE;
}

/* A printed shortlist goes where a PDF goes (to a council, to an SME):
 * the team's private notes and the stages are left out unless the
 * person ticks them on the dialog's own tab, as in the PDF export. */
static GtkWidget *
ic_report_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  IcReportPrintOperation *self = IC_REPORT_PRINT_OPERATION (operation);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (_("Notes and stages are the team’s own: they are printed only when ticked."));
  GtkWidget *notes = gtk_check_button_new_with_mnemonic (_("Include _notes"));
  GtkWidget *stages = gtk_check_button_new_with_mnemonic (_("Include _stages"));

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (notes), ic_shortlist_report_get_include_notes (self->report));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (stages), ic_shortlist_report_get_include_stages (self->report));
  gtk_accessible_update_property (GTK_ACCESSIBLE (notes), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Include notes"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (stages), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Include stages"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), notes);
  gtk_box_append (GTK_BOX (box), stages);
  g_object_set_data (G_OBJECT (box), "ic-notes", notes);
  g_object_set_data (G_OBJECT (box), "ic-stages", stages);
  return box;
}

static void
ic_report_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                               GtkWidget         *widget)
{
  IcReportPrintOperation *self = IC_REPORT_PRINT_OPERATION (operation);
  GtkWidget *notes = g_object_get_data (G_OBJECT (widget), "ic-notes");
  GtkWidget *stages = g_object_get_data (G_OBJECT (widget), "ic-stages");

  if (notes == NULL || stages == NULL)
    return;
  ic_shortlist_report_set_include (self->report,
                                   gtk_check_button_get_active (GTK_CHECK_BUTTON (notes)),
                                   gtk_check_button_get_active (GTK_CHECK_BUTTON (stages)));
}

const GError *
ic_report_print_operation_get_preview_error (IcReportPrintOperation *self)
{
  g_return_val_if_fail (IC_IS_REPORT_PRINT_OPERATION (self), NULL);
  return self->preview_error;
}

static void
ic_report_print_operation_finalize (GObject *object)
{
  IcReportPrintOperation *self = IC_REPORT_PRINT_OPERATION (object);

  g_clear_object (&self->renderer);
  g_clear_object (&self->report);
  g_clear_error (&self->preview_error);

  G_OBJECT_CLASS (ic_report_print_operation_parent_class)->finalize (object);
}

static void
ic_report_print_operation_class_init (IcReportPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = ic_report_print_operation_finalize;
  operation_class->begin_print = ic_report_print_operation_begin_print;
  operation_class->draw_page = ic_report_print_operation_draw_page;
  operation_class->preview = ic_report_print_operation_preview;
  operation_class->create_custom_widget = ic_report_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = ic_report_print_operation_custom_widget_apply;
}

static void
ic_report_print_operation_init (IcReportPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Private Details"));
}

/* "Print to File" proposes the shortlist's name in the Documents folder
 * (else the home folder), not "output" in whatever folder the program
 * was started from. */
static void
set_file_defaults (IcReportPrintOperation *self,
                   const char             *name)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  const char *folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *basename = ic_format_file_name (name);

  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR,
                          folder != NULL ? folder : g_get_home_dir ());
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
}

IcReportPrintOperation *
ic_report_print_operation_new (IcShortlistReport *report)
{
  IcReportPrintOperation *self;
  IcShortlist *shortlist;

  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (report), NULL);

  self = g_object_new (IC_TYPE_REPORT_PRINT_OPERATION, NULL);
  self->report = g_object_ref (report);
  /* Private until ticked (see create_custom_widget). */
  ic_shortlist_report_set_include (report, FALSE, FALSE);
  self->renderer = ic_report_renderer_new (report);
  shortlist = ic_shortlist_report_get_shortlist (report);
  if (ic_shortlist_get_name (shortlist) != NULL)
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), ic_shortlist_get_name (shortlist));
  set_file_defaults (self, ic_shortlist_get_name (shortlist));
  return self;
}

/* ic-report-print-operation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-report-print-operation.h"
#include "ic-report-renderer.h"

struct _IcReportPrintOperation
{
  GtkPrintOperation  parent_instance;

  IcReportRenderer  *renderer;
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

static void
ic_report_print_operation_finalize (GObject *object)
{
  IcReportPrintOperation *self = IC_REPORT_PRINT_OPERATION (object);

  g_clear_object (&self->renderer);

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
  g_autofree char *basename = g_strdup (name != NULL ? name : _("Shortlist"));

  g_strdelimit (basename, "/\\:*?\"<>|", '-');
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
  self->renderer = ic_report_renderer_new (report);
  shortlist = ic_shortlist_report_get_shortlist (report);
  if (ic_shortlist_get_name (shortlist) != NULL)
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), ic_shortlist_get_name (shortlist));
  set_file_defaults (self, ic_shortlist_get_name (shortlist));
  return self;
}

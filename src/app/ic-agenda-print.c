/* ic-agenda-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-agenda-print.h"

typedef struct
{
  IcAgenda          *agenda;
  IcAgendaPrintDone  done;
  gpointer           user_data;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_object (&data->agenda);
  g_free (data);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintData         *data)
{
  ic_agenda_draw_page (data->agenda, gtk_print_context_get_cairo_context (context), page,
                       gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintData               *data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  if (data->done != NULL)
    data->done (error, data->user_data);
  data->done = NULL;
}

void
ic_agenda_print (IcAgenda          *agenda,
                 GtkWindow         *parent,
                 IcAgendaPrintDone  done,
                 gpointer           user_data)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  PrintData *data = g_new0 (PrintData, 1);
  GtkPrintOperationResult result;

  g_return_if_fail (IC_IS_AGENDA (agenda));

  data->agenda = g_object_ref (agenda);
  data->done = done;
  data->user_data = user_data;
  g_object_set_data_full (G_OBJECT (operation), "ic-print-data", data, (GDestroyNotify) print_data_free);

  /* ic_agenda_draw_page() works in points, as the PDF does. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, MAX (ic_agenda_get_n_pages (agenda), 1));
  gtk_print_operation_set_job_name (operation, _("Workshop agendas"));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), data);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), data);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  /* Run synchronously after all ("done" is then not emitted). */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && data->done != NULL)
    {
      data->done (result == GTK_PRINT_OPERATION_RESULT_ERROR ? error : NULL, data->user_data);
      data->done = NULL;
    }
}

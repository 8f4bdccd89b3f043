/* ic-shortlist-view-output.c — a shortlist view's export and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both read the shortlist as stored, so they wait for the view's last
 * save (see ic_shortlist_view_update_actions()).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-export.h"
#include "ic-report-print-operation.h"
#include "ic-shortlist-view-private.h"
#include "ic-shortlists-read.h"

#define PULSE_INTERVAL_MS 120

/* Export */

static const struct
{
  IcExportFormat  format;
  const char     *extension;
  const char     *mime_type;
  const char     *filter_name;   /* translatable */
} export_formats[] = {
  { IC_EXPORT_FORMAT_CSV, "csv", "text/csv", N_("CSV Spreadsheet") },
  { IC_EXPORT_FORMAT_XLSX, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    N_("Excel Workbook") },
  { IC_EXPORT_FORMAT_PDF, "pdf", "application/pdf", N_("PDF Report") },
  { IC_EXPORT_FORMAT_JSON, "json", "application/json", N_("JSON") },
};

static guint
format_index (IcExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (export_formats[i].format == format)
      return i;
  g_return_val_if_reached (0);
}

static gboolean
pulse_cb (gpointer user_data)
{
  IcShortlistView *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
end_export (IcShortlistView *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->export_cancellable);
  if (!self->disposed)
    gtk_widget_set_visible (GTK_WIDGET (self->progress_box), FALSE);
  ic_shortlist_view_update_actions (self);
}

typedef struct
{
  IcShortlistView *view;
  GFile           *file;
} ExportData;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportData *data = user_data;
  IcShortlistView *self = data->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (data->file);
  g_autofree char *path = g_file_get_parse_name (data->file);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (ic_export_shortlist_finish (result, &error))
    {
      g_autofree char *uri = g_file_get_uri (data->file);
      GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label;
      GtkWidget *show = gtk_button_new_with_mnemonic (_("Show in _Folder"));

      message = g_strdup_printf (_("Exported “%s” to %s"), ic_shortlist_view_get_name (self), basename);
      end_export (self);
      /* Open and Show in Folder: the toast's own button, and one beside
       * its title. */
      label = gtk_label_new (message);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_box_append (GTK_BOX (title), label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (show), "win.show-in-folder");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (show), g_variant_new_string (uri));
      gtk_widget_add_css_class (show, "flat");
      gtk_box_append (GTK_BOX (title), show);
      toast = adw_toast_new (message);
      adw_toast_set_custom_title (toast, title);
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-file");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      adw_toast_set_timeout (toast, 10);
      ic_shortlist_view_toast (self, toast);
      g_object_unref (data->view);
      g_object_unref (data->file);
      g_free (data);
      return;
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup_printf (_("Export of “%s” cancelled: %s was not written"), ic_shortlist_view_get_name (self), path);
  else
    message = g_strdup_printf (_("Cannot export “%s” to %s: %s"), ic_shortlist_view_get_name (self), path, error->message);

  end_export (self);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, error != NULL ? 10 : 5);
  ic_shortlist_view_toast (self, toast);

  g_object_unref (data->view);
  g_object_unref (data->file);
  g_free (data);
}

static void
start_export (IcShortlistView *self,
              IcExportFormat   format,
              IcExportFlags    flags,
              GFile           *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("Exporting to %s…"), basename);
  ExportData *data = g_new0 (ExportData, 1);

  self->export_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), TRUE);
  self->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
  ic_shortlist_view_update_actions (self);

  data->view = g_object_ref (self);
  data->file = g_object_ref (file);
  ic_export_shortlist_async (ic_store_service_get_path (self->service),
                             ic_record_get_id (IC_RECORD (self->shortlist)),
                             format, flags, file, self->export_cancellable,
                             on_exported, data);
}

/* The chosen name with the format's extension, if the person left it out. */
static GFile *
with_extension (GFile      *file,
                const char *extension)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *dotted = g_strconcat (".", extension, NULL);
  g_autofree char *lower = g_ascii_strdown (basename, -1);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *named = NULL;

  if (g_str_has_suffix (lower, dotted))
    return g_object_ref (file);
  parent = g_file_get_parent (file);
  named = g_strconcat (basename, dotted, NULL);
  return g_file_get_child (parent, named);
}

static gboolean
choice_is_on (GtkFileChooser *chooser,
              const char     *id)
{
  return g_strcmp0 (gtk_file_chooser_get_choice (chooser, id), "true") == 0;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     IcShortlistView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "format-index"));
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && chosen != NULL && self->export_cancellable == NULL)
    {
      g_autoptr(GFile) file = with_extension (chosen, export_formats[index].extension);
      IcExportFlags flags = IC_EXPORT_NONE;

      if (!choice_is_on (GTK_FILE_CHOOSER (chooser), "notes"))
        flags |= IC_EXPORT_NO_NOTES;
      if (!choice_is_on (GTK_FILE_CHOOSER (chooser), "stages"))
        flags |= IC_EXPORT_NO_STAGES;
      start_export (self, export_formats[index].format, flags, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static char *
suggested_name (IcShortlistView *self,
                const char      *extension)
{
  g_autofree char *name = ic_format_file_name (ic_shortlist_view_get_name (self));

  return g_strdup_printf ("%s.%s", name, extension);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcShortlistView *self = IC_SHORTLIST_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  IcExportFormat format;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  guint index;

  if (!ic_export_format_from_string (g_variant_get_string (parameter, NULL), &format) ||
      self->chooser != NULL || self->export_cancellable != NULL)
    return;
  index = format_index (format);

  title = g_strdup_printf (_("Export “%s”"), ic_shortlist_view_get_name (self));
  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _(export_formats[index].filter_name));
  gtk_file_filter_add_mime_type (filter, export_formats[index].mime_type);
  gtk_file_filter_add_suffix (filter, export_formats[index].extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = suggested_name (self, export_formats[index].extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  /* The team's notes and stages stay out of a PDF, the file that is
   * sent, unless the person ticks them; working files keep them. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->chooser), "notes", _("Include notes"), NULL, NULL);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->chooser), "stages", _("Include stages"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->chooser), "notes",
                               ic_export_default_flags (format) & IC_EXPORT_NO_NOTES ? "false" : "true");
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->chooser), "stages",
                               ic_export_default_flags (format) & IC_EXPORT_NO_STAGES ? "false" : "true");
  g_object_set_data (G_OBJECT (self->chooser), "format-index", GUINT_TO_POINTER (index));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
ic_shortlist_view_cancel_export (IcShortlistView *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

/* Print */

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               IcShortlistView         *self)
{
  const GError *preview_error =
    ic_report_print_operation_get_preview_error (IC_REPORT_PRINT_OPERATION (operation));

  if (preview_error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot show a print preview of “%s”: %s"),
                                                  ic_shortlist_view_get_name (self), preview_error->message);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 10);
      ic_shortlist_view_toast (self, toast);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("Cannot print “%s”: %s"), ic_shortlist_view_get_name (self),
                                 error != NULL ? error->message : _("the printer reported an error"));
      ic_shortlist_view_toast (self, adw_toast_new (message));
    }
  g_clear_object (&self->print_operation);
  ic_shortlist_view_update_actions (self);
}

static void
run_print (IcShortlistView   *self,
           IcShortlistReport *report)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  self->print_operation = GTK_PRINT_OPERATION (ic_report_print_operation_new (report));
  g_signal_connect (self->print_operation, "done", G_CALLBACK (on_print_done), self);
  ic_shortlist_view_update_actions (self);
  result = gtk_print_operation_run (self->print_operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  /* With allow-async "done" follows; without it (some platforms) it
   * may not, so an outcome known now ends the operation here. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && self->print_operation != NULL)
    {
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
        {
          g_autofree char *message = g_strdup_printf (_("Cannot print “%s”: %s"), ic_shortlist_view_get_name (self),
                                                      error != NULL ? error->message : "");

          ic_shortlist_view_toast (self, adw_toast_new (message));
        }
      g_signal_handlers_disconnect_by_data (self->print_operation, self);
      g_clear_object (&self->print_operation);
      ic_shortlist_view_update_actions (self);
    }
}

static void
on_print_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(IcShortlistView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcShortlistsRead) read = ic_shortlists_read_finish (result, &error);

  if (read == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->print_cancellable);
  if (self->disposed)
    return;
  if (read == NULL || read->reports->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot print “%s”: %s"), ic_shortlist_view_get_name (self),
                                                  error != NULL ? error->message : _("it is not stored"));

      ic_shortlist_view_toast (self, adw_toast_new (message));
      ic_shortlist_view_update_actions (self);
      return;
    }
  run_print (self, g_ptr_array_index (read->reports, 0));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IcShortlistView *self = IC_SHORTLIST_VIEW (widget);

  if (self->print_operation != NULL || self->print_cancellable != NULL)
    return;

  /* Read again, in a worker, so the page shows what the last save wrote. */
  self->print_cancellable = g_cancellable_new ();
  ic_shortlist_view_update_actions (self);
  ic_shortlists_read_async (self->service, ic_record_get_id (IC_RECORD (self->shortlist)),
                            0, self->print_cancellable, on_print_read, g_object_ref (self));
}

void
ic_shortlist_view_class_add_output_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "shortlist.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "shortlist.print", NULL, print_activated);
}

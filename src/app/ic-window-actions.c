/* ic-window-actions.c — what the window's actions do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The win.* actions: records opened, made, deleted and brought back,
 * the sample data, search, pages, sync and its conflicts.  Each one that
 * touches the database asks the store service and finishes in its
 * callback.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-conflicts-window.h"
#include "ic-matches-page.h"
#include "ic-record-editor.h"
#include "ic-records-page.h"
#include "ic-sample-data.h"
#include "ic-window-private.h"

static void
on_editor_saved (IcRecordEditor *editor,
                 IcRecord       *record,
                 IcWindow       *self)
{
  g_autofree char *message = g_strdup_printf (_("Saved “%s”"), ic_record_get_title (record));
  AdwToast *toast = adw_toast_new (message);

  ic_window_reload (self);
  /* From a challenge to the capabilities that fit it, in one click. */
  if (ic_record_get_kind (record) == IC_RECORD_KIND_CHALLENGE)
    {
      adw_toast_set_button_label (toast, _("Find _Matches"));
      adw_toast_set_action_name (toast, "win.show-matches");
      adw_toast_set_action_target_value (toast, g_variant_new_string (ic_record_get_id (record)));
      adw_toast_set_timeout (toast, 8);
    }
  ic_window_add_toast (self, toast);
}

static void
on_editor_delete (IcRecordEditor *editor,
                  const char     *id,
                  IcWindow       *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-record", "s", id);
}

static void
on_editor_made (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(IcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  IcRecordEditor *editor = ic_record_editor_new_finish (result, &error);

  if (editor == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ic_window_show_error_toast (self, _("Cannot open the record"), error);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, 0);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (on_editor_delete), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
open_editor (IcWindow *self,
             IcRecord *record,
             gboolean  is_new)
{
  ic_record_editor_new_async (self->service, record, is_new, ic_window_get_author (self),
                              self->cancellable, on_editor_made, g_object_ref (self));
}

static void
new_record_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IcWindow *self = IC_WINDOW (widget);
  GtkWidget *page = ic_window_get_visible_page (self);
  g_autoptr(IcRecord) record = NULL;

  if (!IC_IS_RECORDS_PAGE (page))
    return;
  record = ic_record_new (ic_records_page_get_kind (IC_RECORDS_PAGE (page)));
  open_editor (self, record, TRUE);
}

static void
on_record_fetched (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(IcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = ic_store_service_get_finish (IC_STORE_SERVICE (source), result, &error);

  if (record == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ic_window_show_error_toast (self, _("Cannot open the record"), error);
      return;
    }
  open_editor (self, record, FALSE);
}

static void
edit_record_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IcWindow *self = IC_WINDOW (widget);

  ic_store_service_get_async (self->service, g_variant_get_string (parameter, NULL),
                              self->cancellable, on_record_fetched, g_object_ref (self));
}

static void
on_record_deleted (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(IcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = ic_store_service_set_deleted_finish (IC_STORE_SERVICE (source), result,
                                                                    &error);
  const char *id;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (record == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ic_window_show_error_toast (self, _("Cannot delete the record"), error);
      return;
    }
  ic_window_reload (self);

  id = ic_record_get_id (record);
  message = g_strdup_printf (_("“%s” deleted"), ic_record_get_title (record));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  ic_window_add_toast (self, toast);
}

static void
delete_record_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IcWindow *self = IC_WINDOW (widget);

  ic_store_service_set_deleted_async (self->service, g_variant_get_string (parameter, NULL), TRUE,
                                      ic_window_get_author (self), self->cancellable, on_record_deleted,
                                      g_object_ref (self));
}

static void
on_record_restored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(IcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = ic_store_service_set_deleted_finish (IC_STORE_SERVICE (source), result,
                                                                    &error);

  if (record == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ic_window_show_error_toast (self, _("Cannot restore the record"), error);
      return;
    }
  ic_window_reload (self);
}

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IcWindow *self = IC_WINDOW (widget);

  ic_store_service_set_deleted_async (self->service, g_variant_get_string (parameter, NULL), FALSE,
                                      ic_window_get_author (self), self->cancellable, on_record_restored,
                                      g_object_ref (self));
}

static void
on_sample_data_loaded (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(IcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  IcSampleDataCounts counts = { 0 };

  if (!ic_sample_data_load_finish (result, &counts, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample-data", TRUE);
          ic_window_show_error_toast (self, _("Cannot load the sample data"), error);
        }
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample-data", TRUE);
  ic_window_reload (self);
  if (counts.already_loaded)
    message = g_strdup (_("The sample data is already loaded"));
  else
    message = g_strdup_printf (_("Loaded %u challenges and %u capabilities"),
                               counts.challenges, counts.capabilities);
  ic_window_add_toast (self, adw_toast_new (message));
}

static void
load_sample_data_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  IcWindow *self = IC_WINDOW (widget);

  gtk_widget_action_set_enabled (widget, "win.load-sample-data", FALSE);
  ic_sample_data_load_async (self->service, ic_window_get_author (self),
                             self->cancellable, on_sample_data_loaded, g_object_ref (self));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcWindow *self = IC_WINDOW (widget);
  GtkWidget *page = ic_window_get_visible_page (self);

  if (IC_IS_RECORDS_PAGE (page))
    ic_records_page_start_search (IC_RECORDS_PAGE (page));
}

static void
show_matches_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcWindow *self = IC_WINDOW (widget);
  GtkWidget *page;

  ic_window_show_page (self, "matches");
  page = ic_window_get_visible_page (self);
  if (IC_IS_MATCHES_PAGE (page))
    ic_matches_page_show_challenge (IC_MATCHES_PAGE (page), g_variant_get_string (parameter, NULL));
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ic_window_show_page (IC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Sync: the controller runs it, the indicator shows it; the window
 * reloads its pages and points at the conflicts. */

static void
on_conflicts_resolved (IcConflictsWindow *conflicts,
                       IcWindow          *self)
{
  ic_sync_controller_refresh_conflicts (self->sync);
  ic_window_reload (self);
}

static void
show_conflicts_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IcWindow *self = IC_WINDOW (widget);
  IcConflictsWindow *conflicts = ic_conflicts_window_new (self->service, ic_window_get_author (self));

  gtk_window_set_transient_for (GTK_WINDOW (conflicts), GTK_WINDOW (self));
  g_signal_connect_object (conflicts, "resolved", G_CALLBACK (on_conflicts_resolved), self, 0);
  gtk_window_present (GTK_WINDOW (conflicts));
}

/* With no feed set up there is nothing to sync with: the keyboard
 * shortcut opens Preferences, where the feed is set up. */
static void
sync_now_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IcWindow *self = IC_WINDOW (widget);
  g_autofree char *url = g_strstrip (g_settings_get_string (self->settings, "feed-url"));

  if (url[0] == '\0')
    {
      gtk_widget_activate_action (widget, "app.preferences", NULL);
      return;
    }
  ic_sync_controller_sync_now (self->sync);
}

/* Files written here: opened in their application, or shown in the
 * file manager.  Failing that, the toast says why. */

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IcWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    ic_window_show_error_toast (self, _("Cannot open the file"), error);
}

static void
open_file_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GAppLaunchContext) context =
    G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));

  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), context, NULL,
                                           on_launched, g_object_ref (widget));
}

typedef struct
{
  IcWindow *window;
  char     *uri;
} ShowInFolder;

static void
show_in_folder_free (ShowInFolder *show)
{
  g_object_unref (show->window);
  g_free (show->uri);
  g_free (show);
}

static void
open_folder_of (IcWindow   *self,
                const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_uri = g_file_get_uri (folder);
  g_autoptr(GAppLaunchContext) context =
    G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));

  g_app_info_launch_default_for_uri_async (folder_uri, context, NULL, on_launched, g_object_ref (self));
}

static void
on_folder_shown (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ShowInFolder *show = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  /* No file manager that points at a file: open its folder instead. */
  if (reply == NULL)
    open_folder_of (show->window, show->uri);
  show_in_folder_free (show);
}

static void
show_in_folder_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IcWindow *self = IC_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);
  const char *uris[] = { uri, NULL };
  GApplication *application = g_application_get_default ();
  GDBusConnection *bus = application != NULL ? g_application_get_dbus_connection (application) : NULL;
  ShowInFolder *show;

  if (bus == NULL)
    {
      open_folder_of (self, uri);
      return;
    }
  show = g_new0 (ShowInFolder, 1);
  show->window = g_object_ref (self);
  show->uri = g_strdup (uri);
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000,
                          NULL, on_folder_shown, show);
}

void
ic_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-record", "s", edit_record_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-record", "s", delete_record_activated);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "s", undo_delete_activated);
  gtk_widget_class_install_action (widget_class, "win.load-sample-data", NULL,
                                   load_sample_data_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.show-matches", "s", show_matches_activated);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_activated);
  gtk_widget_class_install_action (widget_class, "win.show-conflicts", NULL, show_conflicts_activated);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_activated);
  gtk_widget_class_install_action (widget_class, "win.show-in-folder", "s", show_in_folder_activated);
}

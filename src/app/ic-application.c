/* ic-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-application.h"
#include "ic-import-dialog.h"
#include "ic-conflict-rules-window.h"
#include "ic-glossary-window.h"
#include "ic-preferences-window.h"
#include "ic-window.h"

struct _IcApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  IcStoreService *service;
  gboolean        opening;       /* the service is still opening the database */
  gboolean        activate_pending;
  GPtrArray      *files_pending; /* (element-type GFile) given while it opened */
  GError         *store_error;
  char           *db_path;
  char           *author;
};

G_DEFINE_FINAL_TYPE (IcApplication, ic_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH (created if missing)"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static void
apply_color_scheme (IcApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
update_author (IcApplication *self)
{
  g_autofree char *author = g_strstrip (g_settings_get_string (self->settings, "author"));

  g_clear_pointer (&self->author, g_free);
  if (author[0] != '\0')
    self->author = g_steal_pointer (&author);
  else if (g_strcmp0 (g_get_real_name (), "Unknown") != 0 && g_get_real_name ()[0] != '\0')
    self->author = g_strdup (g_get_real_name ());
  else
    self->author = g_strdup (g_get_user_name ());
}

static void
on_settings_changed (GSettings     *settings,
                     const char    *key,
                     IcApplication *self)
{
  if (g_strcmp0 (key, "color-scheme") == 0)
    apply_color_scheme (self);
  else if (g_strcmp0 (key, "author") == 0)
    update_author (self);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  IcApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows lets them save their size first. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  IcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  IcPreferencesWindow *preferences = ic_preferences_window_new (self);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
glossary_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  IcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  IcGlossaryWindow *glossary = ic_glossary_window_new (self);

  gtk_window_set_transient_for (GTK_WINDOW (glossary), parent);
  gtk_window_present (GTK_WINDOW (glossary));
}

static void
conflict_rules_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  IcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  IcConflictRulesWindow *window = ic_conflict_rules_window_new (ic_application_get_store_service (self),
                                                                ic_application_get_author (self));

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  IcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Interchange developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Interchange"),
                        "developer-name", _("The Interchange developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Broker innovation between organisations: record "
                                      "challenges and capabilities, match them "
                                      "transparently and take shortlists to meetings."),
                        "website", "https://github.com/wmvit/interchange",
                        "issue-url", "https://github.com/wmvit/interchange/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© The Interchange developers"),
                        "translator-credits", _("translator-credits"),
                        "developers", developers,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  IcApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  IcImportDialog *dialog;

  /* The active window may be a dialog over the main one. */
  while (window != NULL && !IC_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  if (window == NULL)
    return;
  dialog = ic_import_dialog_new (IC_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  ic_import_dialog_choose_file (dialog);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "glossary", glossary_activated },
  { "conflict-rules", conflict_rules_activated },
  { "about", about_activated },
  { "import", import_activated },
};

static void ic_application_activate (GApplication *app);
static void open_files (IcApplication  *self,
                        GFile         **files,
                        int             n_files);

/* The window comes once the database is open (or could not be): a
 * migration may take a while, and the main loop goes on meanwhile. */
static void
on_store_opened (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  IcApplication *self = user_data;
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->files_pending);

  self->opening = FALSE;
  if (!ic_store_service_open_finish (self->service, result, &self->store_error))
    {
      g_warning ("Cannot open the database at %s: %s", self->db_path,
                 self->store_error->message);
      g_clear_object (&self->service);
    }
  if (self->activate_pending)
    ic_application_activate (G_APPLICATION (self));
  if (files != NULL)
    open_files (self, (GFile **) files->pdata, (int) files->len);
  g_application_release (G_APPLICATION (self));
}

static void
open_store (IcApplication *self)
{
  if (self->db_path == NULL)
    self->db_path = ic_store_get_default_path ();

  self->service = ic_store_service_new (self->db_path, IC_STORE_OPEN_CREATE);
  self->opening = TRUE;
  g_application_hold (G_APPLICATION (self));
  ic_store_service_open_async (self->service, NULL, on_store_opened, self);
}

static void
ic_application_startup (GApplication *app)
{
  IcApplication *self = IC_APPLICATION (app);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.glossary", { "<Control><Shift>g", NULL } },
    { "app.conflict-rules", { "<Control><Shift>i", NULL } },
    { "app.import", { "<Control>i", NULL } },
    { "win.new-record", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.sync-now", { "<Control>r", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (ic_application_parent_class)->startup (app);

  g_set_application_name (_("Interchange"));
  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed), self);
  apply_color_scheme (self);
  update_author (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  /* A debug aid for the tests: a blocking database call on this thread
   * is a critical warning. */
  if (g_getenv ("INTERCHANGE_CHECK_STORE_THREAD") != NULL)
    ic_store_forbid_thread (g_thread_self ());
  open_store (self);
}

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   IcApplication    *self)
{
  g_application_release (G_APPLICATION (self));
}

static void
show_store_error (IcApplication *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Cannot Open the Database"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                  self->db_path, self->store_error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ic_application_activate (GApplication *app)
{
  IcApplication *self = IC_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  self->activate_pending = self->opening;
  if (self->opening)
    return;
  if (window == NULL && self->service == NULL)
    {
      show_store_error (self);
      return;
    }
  if (window == NULL)
    window = GTK_WINDOW (ic_window_new (self));
  gtk_window_present (window);
}

/* CSV files given on the command line or by the file manager each open
 * in an import dialog over the main window. */
static void
open_files (IcApplication  *self,
            GFile         **files,
            int             n_files)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (self->service == NULL || !IC_IS_WINDOW (window))
    return;
  for (int i = 0; i < n_files; i++)
    {
      IcImportDialog *dialog = ic_import_dialog_new (IC_WINDOW (window));

      gtk_window_present (GTK_WINDOW (dialog));
      ic_import_dialog_open_file (dialog, files[i]);
    }
}

static void
ic_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  IcApplication *self = IC_APPLICATION (app);

  ic_application_activate (app);
  if (self->opening)
    {
      if (self->files_pending == NULL)
        self->files_pending = g_ptr_array_new_with_free_func (g_object_unref);
      for (int i = 0; i < n_files; i++)
        g_ptr_array_add (self->files_pending, g_object_ref (files[i]));
      return;
    }
  open_files (self, files, n_files);
}

static int
ic_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  IcApplication *self = IC_APPLICATION (app);
  const char *db_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("interchange %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &db_path) && db_path[0] != '\0')
    {
      /* A window on another database is a separate instance, not a
       * second window of the one already running. */
      self->db_path = g_canonicalize_filename (db_path, NULL);
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  else if (g_getenv ("INTERCHANGE_DB") != NULL && g_getenv ("INTERCHANGE_DB")[0] != '\0')
    {
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return G_APPLICATION_CLASS (ic_application_parent_class)->handle_local_options (app, options);
}

static void
ic_application_finalize (GObject *object)
{
  IcApplication *self = IC_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->service);
  g_clear_pointer (&self->files_pending, g_ptr_array_unref);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (ic_application_parent_class)->finalize (object);
}

static void
ic_application_class_init (IcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ic_application_finalize;
  app_class->startup = ic_application_startup;
  app_class->activate = ic_application_activate;
  app_class->open = ic_application_open;
  app_class->handle_local_options = ic_application_handle_local_options;

  /* The glossary or the learning from decisions changed: rankings that
   * are open must be made again. */
  g_signal_new ("matching-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ic_application_init (IcApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Record challenges and capabilities and match them."));
}

IcApplication *
ic_application_new (void)
{
  return g_object_new (IC_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/wmvit/Interchange",
                       NULL);
}

IcStoreService *
ic_application_get_store_service (IcApplication *self)
{
  g_return_val_if_fail (IC_IS_APPLICATION (self), NULL);
  return self->service;
}

const char *
ic_application_get_db_path (IcApplication *self)
{
  g_return_val_if_fail (IC_IS_APPLICATION (self), NULL);
  return self->db_path;
}

GSettings *
ic_application_get_settings (IcApplication *self)
{
  g_return_val_if_fail (IC_IS_APPLICATION (self), NULL);
  return self->settings;
}

const char *
ic_application_get_author (IcApplication *self)
{
  g_return_val_if_fail (IC_IS_APPLICATION (self), NULL);
  return self->author;
}

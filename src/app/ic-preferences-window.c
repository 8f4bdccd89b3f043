/* ic-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-feed-check.h"
#include "ic-feed-client.h"
#include "ic-feed-token.h"
#include "ic-preferences-window.h"

/* The style row's positions, in the order of the .ui file. */
static const char * const color_schemes[] = { "default", "light", "dark" };
/* The sync interval row's positions, in minutes. */
static const guint intervals[] = { 0, 5, 15, 30, 60 };

struct _IcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *author_row;
  AdwComboRow          *style_row;
  AdwActionRow         *database_row;
  AdwPreferencesGroup  *feed_group;
  AdwEntryRow          *feed_url_row;
  AdwEntryRow          *token_row;
  AdwActionRow         *token_status_row;
  GtkWidget            *forget_token_button;
  AdwActionRow         *connection_row;
  GtkWidget            *test_connection_button;
  AdwComboRow          *interval_row;
  GtkSwitch            *sync_at_start_switch;
  GtkSpinButton        *stale_days_spin;
  GtkSpinButton        *stuck_days_spin;

  GCancellable         *cancellable;
  GCancellable         *check_cancellable;  /* of the running Test Connection */
  char                 *feed_url;   /* the valid address shown, normalised; NULL if none */
};

G_DEFINE_FINAL_TYPE (IcPreferencesWindow, ic_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* A whole number of days (a "u" key) as a spin button's value. */
static gboolean
days_to_value (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
value_to_days (const GValue       *value,
               const GVariantType *type,
               gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) CLAMP (g_value_get_double (value), 1, 3650));
}

static void
on_style_selected (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   IcPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (color_schemes))
    g_settings_set_string (self->settings, "color-scheme", color_schemes[selected]);
}

static void
on_interval_selected (AdwComboRow         *row,
                      GParamSpec          *pspec,
                      IcPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (intervals))
    g_settings_set_uint (self->settings, "feed-sync-interval", intervals[selected]);
}

static void
show_token_status (IcPreferencesWindow *self,
                   const char          *status,
                   gboolean             have_token)
{
  adw_action_row_set_subtitle (self->token_status_row, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->token_status_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status, -1);
  gtk_widget_set_sensitive (self->forget_token_button, have_token);
}

static char *
kept_where (IcFeedTokenPlace place)
{
  g_autofree char *path = NULL;

  if (place == IC_FEED_TOKEN_KEYRING)
    return g_strdup (_("Kept in your keyring"));
  path = ic_feed_token_get_file_path ();
  return g_strdup_printf (_("Kept in %s, which only you may read (no keyring answers)"), path);
}

static void
on_token_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(IcPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = ic_feed_token_load_finish (result, &error);
  g_autofree char *status = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    status = g_strdup_printf (_("Cannot read the token: %s"), error->message);
  else if (token == NULL)
    status = g_strdup (_("No token kept for this feed: paste the one the feed’s administrator gave you"));
  else
    status = g_strdup (_("A token is kept for this feed"));
  show_token_status (self, status, token != NULL);
}

/* The token is never read into the window: only whether there is one. */
static void
check_token (IcPreferencesWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), self->feed_url != NULL);
  if (self->feed_url == NULL)
    {
      show_token_status (self, _("Give the feed’s address first"), FALSE);
      return;
    }
  ic_feed_token_load_async (self->feed_url, self->cancellable, on_token_loaded, g_object_ref (self));
}

static void
on_feed_url_changed (AdwEntryRow         *row,
                     IcPreferencesWindow *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  g_autoptr(IcFeedClient) client = NULL;
  g_autofree char *description = NULL;

  if (self->settings == NULL)
    return;

  g_clear_pointer (&self->feed_url, g_free);
  if (url[0] != '\0')
    client = ic_feed_client_new (url, &error);

  if (url[0] != '\0' && client == NULL)
    {
      /* Kept as it was until the address reads right. */
      description = g_strdup_printf (_("The address is not used: %s"), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      g_settings_set_string (self->settings, "feed-url", url);
      if (client != NULL)
        self->feed_url = g_strdup (ic_feed_client_get_base_url (client));
      description = g_strdup (url[0] != '\0'
                              ? _("Share records and foresight signals with the team’s feed server.")
                              : _("No feed is set up: records stay on this computer."));
    }
  adw_preferences_group_set_description (self->feed_group, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  check_token (self);
}

static void
on_token_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(IcPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  IcFeedTokenPlace place = IC_FEED_TOKEN_FILE;

  if (!ic_feed_token_save_finish (result, &place, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      status = g_strdup_printf (_("The token was not kept: %s"), error->message);
      show_token_status (self, status, FALSE);
      return;
    }
  status = kept_where (place);
  show_token_status (self, status, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
}

static void
on_token_apply (AdwEntryRow         *row,
                IcPreferencesWindow *self)
{
  g_autofree char *token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->feed_url == NULL || token[0] == '\0')
    return;
  show_token_status (self, _("Keeping the token…"), FALSE);
  ic_feed_token_save_async (self->feed_url, token, self->cancellable, on_token_saved,
                            g_object_ref (self));
}

static void
on_token_saved_at_close (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The window is gone; the sync says so if the token is missing. */
  if (!ic_feed_token_save_finish (result, NULL, &error))
    g_warning ("The feed’s access token was not kept: %s", error->message);
}

/* A token typed but not applied is kept all the same when the window
 * closes: closing is how most people say "done". */
static gboolean
ic_preferences_window_close_request (GtkWindow *window)
{
  IcPreferencesWindow *self = IC_PREFERENCES_WINDOW (window);
  g_autofree char *token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));

  if (self->feed_url != NULL && token[0] != '\0')
    ic_feed_token_save_async (self->feed_url, token, NULL, on_token_saved_at_close, NULL);
  return GTK_WINDOW_CLASS (ic_preferences_window_parent_class)->close_request (window);
}

static void
on_token_forgotten (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(IcPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  if (!ic_feed_token_forget_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      status = g_strdup_printf (_("The token was not forgotten: %s"), error->message);
      show_token_status (self, status, TRUE);
      return;
    }
  show_token_status (self, _("No token kept for this feed: paste the one the feed’s administrator gave you"),
                     FALSE);
}

static void
on_forget_token (GtkButton           *button,
                 IcPreferencesWindow *self)
{
  if (self->feed_url == NULL)
    return;
  ic_feed_token_forget_async (self->feed_url, self->cancellable, on_token_forgotten,
                              g_object_ref (self));
}

static void
show_connection (IcPreferencesWindow *self,
                 const char          *sentence)
{
  adw_action_row_set_subtitle (self->connection_row, sentence);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->connection_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sentence, -1);
}

static void
on_connection_checked (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(IcPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean reached = FALSE;
  g_autofree char *sentence = ic_feed_check_finish (result, &reached, &error);

  if (sentence == NULL)
    return;  /* cancelled: the window closed or the address changed */
  g_clear_object (&self->check_cancellable);
  gtk_widget_set_sensitive (self->test_connection_button, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->connection_row), reached ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->connection_row), reached ? "success" : "error");
  show_connection (self, sentence);
}

/* Tries the address with the token typed (not yet kept), or else the
 * one kept for it. */
static void
on_test_connection (GtkButton           *button,
                    IcPreferencesWindow *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->feed_url_row))));
  g_autofree char *token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));

  if (url[0] == '\0')
    {
      show_connection (self, _("Give the feed’s address first"));
      return;
    }
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->test_connection_button, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->connection_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->connection_row), "success");
  show_connection (self, _("Trying the feed…"));
  ic_feed_check_async (url, token[0] != '\0' ? token : NULL, self->check_cancellable,
                       on_connection_checked, g_object_ref (self));
}

static void
ic_preferences_window_dispose (GObject *object)
{
  IcPreferencesWindow *self = IC_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->check_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ic_preferences_window_parent_class)->dispose (object);
}

static void
ic_preferences_window_finalize (GObject *object)
{
  IcPreferencesWindow *self = IC_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_pointer (&self->feed_url, g_free);

  G_OBJECT_CLASS (ic_preferences_window_parent_class)->finalize (object);
}

static void
ic_preferences_window_class_init (IcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_preferences_window_dispose;
  object_class->finalize = ic_preferences_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = ic_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, feed_group);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, feed_url_row);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, token_status_row);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, forget_token_button);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, connection_row);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, test_connection_button);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, interval_row);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, sync_at_start_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_style_selected);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, stale_days_spin);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, stuck_days_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_interval_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_feed_url_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_token_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_forget_token);
  gtk_widget_class_bind_template_callback (widget_class, on_test_connection);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ic_preferences_window_init (IcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

IcPreferencesWindow *
ic_preferences_window_new (IcApplication *application)
{
  IcPreferencesWindow *self = g_object_new (IC_TYPE_PREFERENCES_WINDOW, NULL);
  g_autofree char *scheme = NULL;
  g_autofree char *feed_url = NULL;
  guint interval;

  self->settings = g_object_ref (ic_application_get_settings (application));
  g_settings_bind (self->settings, "author", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);

  scheme = g_settings_get_string (self->settings, "color-scheme");
  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_strcmp0 (scheme, color_schemes[i]) == 0)
      adw_combo_row_set_selected (self->style_row, i);

  adw_action_row_set_subtitle (self->database_row, ic_application_get_db_path (application));

  interval = g_settings_get_uint (self->settings, "feed-sync-interval");
  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    if (intervals[i] <= interval)
      adw_combo_row_set_selected (self->interval_row, i);
  g_settings_bind (self->settings, "feed-sync-at-start", self->sync_at_start_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "review-stale-days", self->stale_days_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, days_to_value, value_to_days, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "review-stuck-days", self->stuck_days_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, days_to_value, value_to_days, NULL, NULL);
  feed_url = g_settings_get_string (self->settings, "feed-url");
  gtk_editable_set_text (GTK_EDITABLE (self->feed_url_row), feed_url);
  on_feed_url_changed (self->feed_url_row, self);
  return self;
}

/* ic-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-preferences-window.h"

/* The style row's positions, in the order of the .ui file. */
static const char * const color_schemes[] = { "default", "light", "dark" };

struct _IcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *author_row;
  AdwComboRow          *style_row;
  AdwActionRow         *database_row;
};

G_DEFINE_FINAL_TYPE (IcPreferencesWindow, ic_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

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
ic_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ic_preferences_window_parent_class)->dispose (object);
}

static void
ic_preferences_window_finalize (GObject *object)
{
  IcPreferencesWindow *self = IC_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ic_preferences_window_parent_class)->finalize (object);
}

static void
ic_preferences_window_class_init (IcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_preferences_window_dispose;
  object_class->finalize = ic_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, IcPreferencesWindow, database_row);
  gtk_widget_class_bind_template_callback (widget_class, on_style_selected);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ic_preferences_window_init (IcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

IcPreferencesWindow *
ic_preferences_window_new (IcApplication *application)
{
  IcPreferencesWindow *self = g_object_new (IC_TYPE_PREFERENCES_WINDOW, NULL);
  g_autofree char *scheme = NULL;

  self->settings = g_object_ref (ic_application_get_settings (application));
  g_settings_bind (self->settings, "author", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);

  scheme = g_settings_get_string (self->settings, "color-scheme");
  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_strcmp0 (scheme, color_schemes[i]) == 0)
      adw_combo_row_set_selected (self->style_row, i);

  adw_action_row_set_subtitle (self->database_row, ic_application_get_db_path (application));
  return self;
}

/* ic-sync-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state reads in words three times over: the popover's heading and
 * message, the button's tooltip and its accessible description, so that
 * no one needs to tell the icons apart.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-application.h"
#include "ic-store-feed.h"
#include "ic-store-service.h"
#include "ic-sync-indicator.h"

struct _IcSyncIndicator
{
  AdwBin            parent_instance;

  IcSyncController *controller;

  GtkMenuButton    *button;
  GtkPopover       *popover;
  GtkLabel         *state_label;
  GtkLabel         *message_label;
  GtkLabel         *last_synced_label;
  GtkLabel         *conflicts_label;
  GtkLabel         *quarantine_label;
  GtkWidget        *conflicts_button;

  /* Records the feed sent that this version cannot apply (see
   * PROTOCOL.md, "Records from a newer version"), counted again when
   * the state changes, not at every message of a running sync. */
  gint64            n_quarantined;
  int               counted_state;
};

G_DEFINE_FINAL_TYPE (IcSyncIndicator, ic_sync_indicator, ADW_TYPE_BIN)

static const struct
{
  const char *title;      /* translatable */
  const char *icon_name;
  const char *style;      /* a CSS class of the button, or NULL */
} states[] = {
  [IC_FEED_SYNC_STATE_IDLE] = { N_("Not Synced"), "emblem-synchronizing-symbolic", NULL },
  [IC_FEED_SYNC_STATE_SYNCING] = { N_("Syncing…"), "emblem-synchronizing-symbolic", NULL },
  [IC_FEED_SYNC_STATE_SYNCED] = { N_("Synced"), "emblem-ok-symbolic", NULL },
  [IC_FEED_SYNC_STATE_OFFLINE] = { N_("Offline"), "network-offline-symbolic", "warning" },
  [IC_FEED_SYNC_STATE_ERROR] = { N_("Sync Failed"), "dialog-warning-symbolic", "error" },
};

static void update (IcSyncIndicator *self);

static void
count_quarantine_job (GTask        *task,
                      IcStore      *store,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  gint64 n = ic_store_count_quarantine (store, &error);

  if (n < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n);
}

static void
on_quarantine_counted (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(IcSyncIndicator) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize n = g_task_propagate_int (G_TASK (result), &error);

  if (n < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot count the records held back from the feed: %s", error->message);
      return;
    }
  if (self->controller == NULL || self->n_quarantined == n)
    return;
  self->n_quarantined = n;
  update (self);
}

/* Counts the records held back when a sync has ended, through the
 * store service (never on the main loop). */
static void
count_quarantine (IcSyncIndicator *self,
                  IcFeedSyncState  state)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GTask) task = NULL;

  if ((int) state == self->counted_state || state == IC_FEED_SYNC_STATE_SYNCING)
    return;
  self->counted_state = state;
  if (!IC_IS_APPLICATION (app) || ic_application_get_store_service (IC_APPLICATION (app)) == NULL)
    return;
  task = g_task_new (NULL, NULL, on_quarantine_counted, g_object_ref (self));
  ic_store_service_run (ic_application_get_store_service (IC_APPLICATION (app)), task,
                        count_quarantine_job);
}

static void
update_quarantine (IcSyncIndicator *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->quarantine_label), self->n_quarantined > 0);
  if (self->n_quarantined <= 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u record from the feed is held back: this version "
                                       "cannot read it. It is kept, and a newer version of "
                                       "Interchange brings it in.",
                                       "%u records from the feed are held back: this version "
                                       "cannot read them. They are kept, and a newer version of "
                                       "Interchange brings them in.",
                                       (gulong) MIN (self->n_quarantined, G_MAXUINT)),
                          (guint) MIN (self->n_quarantined, G_MAXUINT));
  gtk_label_set_label (self->quarantine_label, text);
}

static void
update (IcSyncIndicator *self)
{
  IcFeedSyncState state = ic_sync_controller_get_state (self->controller);
  const char *message = ic_sync_controller_get_message (self->controller);
  GDateTime *last = ic_sync_controller_get_last_synced (self->controller);
  guint n_conflicts = ic_sync_controller_get_n_conflicts (self->controller);
  g_autofree char *tooltip = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *conflicts_text = NULL;
  const char *title;

  if ((guint) state >= G_N_ELEMENTS (states))
    state = IC_FEED_SYNC_STATE_IDLE;
  count_quarantine (self, state);
  title = _(states[state].title);
  if (message == NULL || message[0] == '\0')
    message = title;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (states[i].style != NULL)
      gtk_widget_remove_css_class (GTK_WIDGET (self->button), states[i].style);
  /* Conflicts waiting outrank a quiet "synced": they need a person. */
  if (n_conflicts > 0 && state == IC_FEED_SYNC_STATE_SYNCED)
    {
      gtk_menu_button_set_icon_name (self->button, "emblem-important-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->button), "warning");
    }
  else
    {
      gtk_menu_button_set_icon_name (self->button, states[state].icon_name);
      if (states[state].style != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->button), states[state].style);
    }

  if (n_conflicts > 0)
    conflicts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict to resolve",
                                                   "%u conflicts to resolve", n_conflicts),
                                      n_conflicts);
  else
    conflicts_text = g_strdup (_("No conflicts"));

  /* "Synced: 2 conflicts to resolve" — the tooltip and the accessible
   * description say the state, why, and what waits. */
  if (n_conflicts > 0)
    tooltip = g_strdup_printf ("%s — %s", message, conflicts_text);
  else
    tooltip = g_strdup (message);
  if (self->n_quarantined > 0)
    {
      g_autofree char *with_held = NULL;

      with_held = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %u record held back",
                                                "%s — %u records held back",
                                                (gulong) MIN (self->n_quarantined, G_MAXUINT)),
                                   tooltip, (guint) MIN (self->n_quarantined, G_MAXUINT));
      g_free (tooltip);
      tooltip = g_steal_pointer (&with_held);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);

  gtk_label_set_label (self->state_label, title);
  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), g_strcmp0 (message, title) != 0);

  if (last != NULL)
    {
      g_autofree char *time = g_date_time_format (last, "%H:%M");

      last_text = g_strdup_printf (_("Last synced at %s"), time);
    }
  else
    last_text = g_strdup (_("Not synced since the start"));
  gtk_label_set_label (self->last_synced_label, last_text);

  gtk_label_set_label (self->conflicts_label, conflicts_text);
  gtk_widget_set_visible (self->conflicts_button, n_conflicts > 0);
  update_quarantine (self);
}

static void
on_controller_notify (IcSyncController *controller,
                      GParamSpec       *pspec,
                      IcSyncIndicator  *self)
{
  update (self);
}

/* The popover gets out of the way of whatever the button opens. */
static void
on_button_clicked (GtkButton       *button,
                   IcSyncIndicator *self)
{
  gtk_popover_popdown (self->popover);
}

void
ic_sync_indicator_set_controller (IcSyncIndicator  *self,
                                  IcSyncController *controller)
{
  g_return_if_fail (IC_IS_SYNC_INDICATOR (self));
  g_return_if_fail (IC_IS_SYNC_CONTROLLER (controller));

  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_set_object (&self->controller, controller);
  g_signal_connect_object (controller, "notify", G_CALLBACK (on_controller_notify), self, 0);
  update (self);
}

static void
ic_sync_indicator_dispose (GObject *object)
{
  IcSyncIndicator *self = IC_SYNC_INDICATOR (object);

  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_clear_object (&self->controller);
  /* The bin's child is a template child: let go of it through the bin,
   * or the template would free it under the bin's own pointer. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_SYNC_INDICATOR);

  G_OBJECT_CLASS (ic_sync_indicator_parent_class)->dispose (object);
}

static void
ic_sync_indicator_class_init (IcSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_sync_indicator_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, IcSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, IcSyncIndicator, popover);
  gtk_widget_class_bind_template_child (widget_class, IcSyncIndicator, state_label);
  gtk_widget_class_bind_template_child (widget_class, IcSyncIndicator, message_label);
  gtk_widget_class_bind_template_child (widget_class, IcSyncIndicator, last_synced_label);
  gtk_widget_class_bind_template_child (widget_class, IcSyncIndicator, conflicts_label);
  gtk_widget_class_bind_template_child (widget_class, IcSyncIndicator, quarantine_label);
  gtk_widget_class_bind_template_child (widget_class, IcSyncIndicator, conflicts_button);
  gtk_widget_class_bind_template_callback (widget_class, on_button_clicked);
}

static void
ic_sync_indicator_init (IcSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->counted_state = -1;
}

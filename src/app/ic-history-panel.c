/* ic-history-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-history-panel.h"
#include "ic-record-form.h"
#include "ic-store-history.h"
#include "ic-store-service.h"

struct _IcHistoryPanel
{
  AdwBin        parent_instance;

  GCancellable *cancellable;
  IcTaxonomy   *taxonomy;    /* names the cluster and place ids of the values */

  GtkLabel     *status_label;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (IcHistoryPanel, ic_history_panel, ADW_TYPE_BIN)

static void
history_job (GTask        *task,
             IcStore      *store,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *entries = ic_store_list_history (store, task_data, &error);

  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

/* "Changed by Ann Lee" */
static char *
entry_title (IcHistoryEntry *entry)
{
  const char *action = ic_history_action_get_label (entry->action);

  if (entry->author == NULL || entry->author[0] == '\0')
    return g_strdup (action);
  /* Translators: what happened ("Changed"), then who did it */
  return g_strdup_printf (_("%s by %s"), action, entry->author);
}

static char *
entry_subtitle (IcHistoryEntry *entry)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (entry->at, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  /* Translators: a date and time, see g_date_time_format() */
  g_autofree char *date = local != NULL ? g_date_time_format (local, _("%-d %b %Y, %H:%M")) : NULL;
  const char *when = date != NULL ? date : entry->at;

  if (entry->remote)
    /* Translators: a date; the change came from another laptop */
    return g_strdup_printf (_("%s, through the feed"), when);
  return g_strdup (when);
}

/* A field's value as a person reads it: strings without their quotes,
 * a choice from a list as the form names it, a cluster or a place by
 * its name. */
static char *
value_text (IcTaxonomy   *taxonomy,
            IcRecordKind  kind,
            const char   *field,
            const char   *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (json == NULL || g_str_equal (json, "null"))
    return g_strdup (_("(empty)"));
  if (json_parser_load_from_data (parser, json, -1, NULL) &&
      JSON_NODE_HOLDS_VALUE (root = json_parser_get_root (parser)) &&
      json_node_get_value_type (root) == G_TYPE_STRING)
    {
      const char *value = json_node_get_string (root);
      const char *name = NULL;
      char *label;

      if (taxonomy != NULL && g_str_equal (field, "cluster"))
        name = ic_taxonomy_get_cluster_name (taxonomy, value);
      else if (taxonomy != NULL && g_str_equal (field, "local_authority"))
        name = ic_taxonomy_get_place_name (taxonomy, value);
      if (name != NULL)
        return g_strdup (name);
      label = ic_form_get_enum_value_label (kind, field, value);
      return label != NULL ? label : g_strdup (value);
    }
  return g_strdup (json);
}

static GtkWidget *
make_row (IcTaxonomy     *taxonomy,
          IcHistoryEntry *entry)
{
  g_autofree char *title = entry_title (entry);
  g_autofree char *subtitle = entry_subtitle (entry);
  GtkWidget *row;

  if (entry->changes->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      return row;
    }

  row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  for (guint i = 0; i < entry->changes->len; i++)
    {
      IcHistoryChange *change = g_ptr_array_index (entry->changes, i);
      g_autofree char *before = value_text (taxonomy, entry->kind, change->field, change->old_json);
      g_autofree char *after = value_text (taxonomy, entry->kind, change->field, change->new_json);
      g_autofree char *label = ic_form_get_label (entry->kind, change->field);
      /* A new record's entry holds the values it was given. */
      g_autofree char *text = entry->action == IC_HISTORY_CREATED
                              ? g_strdup (after)
                              /* Translators: a field's value before and after a change */
                              : g_strdup_printf (_("%s → %s"), before, after);
      GtkWidget *child = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (child), text);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), FALSE);
  return row;
}

static void
on_history (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(IcHistoryPanel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_task_propagate_pointer (G_TASK (result), &error);

  if (entries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("The history cannot be read: %s"),
                                                      error->message);

          gtk_label_set_text (self->status_label, message);
        }
      return;
    }
  if (entries->len == 0)
    {
      gtk_label_set_text (self->status_label, _("No change of this record is recorded yet."));
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->list), TRUE);
  for (guint i = entries->len; i > 0; i--)
    gtk_list_box_append (self->list, make_row (self->taxonomy, g_ptr_array_index (entries, i - 1)));
}

void
ic_history_panel_load (IcHistoryPanel *self,
                       IcStoreService *service,
                       const char     *id)
{
  g_autoptr(GTask) task = NULL;
  GtkWidget *child;

  g_return_if_fail (IC_IS_HISTORY_PANEL (self));
  g_return_if_fail (IC_IS_STORE_SERVICE (service));
  g_return_if_fail (id != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->taxonomy, ic_store_service_get_taxonomy (service));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  task = g_task_new (NULL, self->cancellable, on_history, g_object_ref (self));
  g_task_set_source_tag (task, ic_history_panel_load);
  g_task_set_task_data (task, g_strdup (id), g_free);
  ic_store_service_run (service, task, history_job);
}

static void
ic_history_panel_dispose (GObject *object)
{
  IcHistoryPanel *self = IC_HISTORY_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->taxonomy);
  gtk_widget_dispose_template (GTK_WIDGET (self), IC_TYPE_HISTORY_PANEL);

  G_OBJECT_CLASS (ic_history_panel_parent_class)->dispose (object);
}

static void
ic_history_panel_class_init (IcHistoryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_history_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-history-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, IcHistoryPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, IcHistoryPanel, list);
}

static void
ic_history_panel_init (IcHistoryPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

IcHistoryPanel *
ic_history_panel_new (void)
{
  return g_object_new (IC_TYPE_HISTORY_PANEL, NULL);
}

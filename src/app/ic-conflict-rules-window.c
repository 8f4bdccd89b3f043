/* ic-conflict-rules-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-conflict-rules-window.h"
#include "ic-organisation.h"
#include "ic-store-curation.h"

struct _IcConflictRulesWindow
{
  AdwWindow       parent_instance;

  IcStoreService *service;
  char           *author;
  GPtrArray      *ids;        /* organisation ids, in the combo rows' order */
  GHashTable     *names;      /* organisation id → name */

  AdwComboRow    *first_row;
  AdwComboRow    *second_row;
  AdwEntryRow    *reason_row;
  GtkListBox     *rules_list;
};

G_DEFINE_FINAL_TYPE (IcConflictRulesWindow, ic_conflict_rules_window, ADW_TYPE_WINDOW)

/* The rules, or one change to them and then the rules: one job. */
typedef struct
{
  char *first_id;     /* NULL: only list */
  char *second_id;
  char *reason;       /* NULL with first_id: remove */
  char *author;
} RulesCall;

static void
rules_call_free (RulesCall *call)
{
  g_free (call->first_id);
  g_free (call->second_id);
  g_free (call->reason);
  g_free (call->author);
  g_free (call);
}

static void
rules_job (GTask        *task,
           IcStore      *store,
           gpointer      task_data,
           GCancellable *cancellable)
{
  RulesCall *call = task_data;
  GError *error = NULL;
  GPtrArray *rules;

  if (call->first_id != NULL &&
      !(call->reason != NULL
        ? ic_store_add_conflict_rule (store, call->first_id, call->second_id, call->reason, call->author, &error)
        : ic_store_remove_conflict_rule (store, call->first_id, call->second_id, call->author, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  rules = ic_store_list_conflict_rules (store, NULL, &error);
  if (rules == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rules, (GDestroyNotify) g_ptr_array_unref);
}

static const char *
name_of (IcConflictRulesWindow *self,
         const char            *id)
{
  const char *name = self->names != NULL ? g_hash_table_lookup (self->names, id) : NULL;

  return name != NULL ? name : id;
}

static void run_rules (IcConflictRulesWindow *self,
                       const char            *first_id,
                       const char            *second_id,
                       const char            *reason);

static void
on_remove_clicked (GtkButton             *button,
                   IcConflictRulesWindow *self)
{
  run_rules (self, g_object_get_data (G_OBJECT (button), "first-id"),
             g_object_get_data (G_OBJECT (button), "second-id"), NULL);
}

static void
on_rules (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(IcConflictRulesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = g_task_propagate_pointer (G_TASK (result), &error);
  GtkWidget *child;

  if (rules == NULL)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
        adw_message_dialog_new (GTK_WINDOW (self), _("The rule was not changed"), error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list))) != NULL)
    gtk_list_box_remove (self->rules_list, child);
  for (guint i = 0; i < rules->len; i++)
    {
      IcCurationEntry *rule = rules->pdata[i];
      g_autofree char *title = g_strdup_printf ("%s — %s", name_of (self, rule->first_id),
                                                name_of (self, rule->second_id));
      g_autofree char *label = g_strdup_printf (_("Remove the rule between %s"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rule->reason);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "first-id", g_strdup (rule->first_id), g_free);
      g_object_set_data_full (G_OBJECT (button), "second-id", g_strdup (rule->second_id), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->rules_list, row);
    }
}

static void
run_rules (IcConflictRulesWindow *self,
           const char            *first_id,
           const char            *second_id,
           const char            *reason)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_rules, g_object_ref (self));
  RulesCall *call = g_new0 (RulesCall, 1);

  call->first_id = g_strdup (first_id);
  call->second_id = g_strdup (second_id);
  call->reason = g_strdup (reason);
  call->author = g_strdup (self->author);
  g_task_set_source_tag (task, run_rules);
  g_task_set_task_data (task, call, (GDestroyNotify) rules_call_free);
  ic_store_service_run (self->service, task, rules_job);
}

static void
on_add_clicked (IcConflictRulesWindow *self)
{
  guint a = adw_combo_row_get_selected (self->first_row);
  guint b = adw_combo_row_get_selected (self->second_row);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  if (self->ids == NULL || a >= self->ids->len || b >= self->ids->len)
    return;
  /* The store says what is wrong: the same organisation twice, no reason. */
  run_rules (self, self->ids->pdata[a], self->ids->pdata[b], reason);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
}

static void
on_organisations (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(IcConflictRulesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organisations = ic_store_service_list_finish (IC_STORE_SERVICE (source), result, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (organisations == NULL)
    return;
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < organisations->len; i++)
    {
      IcRecord *organisation = organisations->pdata[i];
      const char *title = ic_record_get_title (organisation);

      g_ptr_array_add (self->ids, g_strdup (ic_record_get_id (organisation)));
      g_hash_table_insert (self->names, g_strdup (ic_record_get_id (organisation)),
                           g_strdup (title != NULL ? title : ""));
      gtk_string_list_append (names, title != NULL ? title : "");
    }
  adw_combo_row_set_model (self->first_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->second_row, G_LIST_MODEL (names));
  if (organisations->len > 1)
    adw_combo_row_set_selected (self->second_row, 1);
  run_rules (self, NULL, NULL, NULL);
}

static void
ic_conflict_rules_window_finalize (GObject *object)
{
  IcConflictRulesWindow *self = IC_CONFLICT_RULES_WINDOW (object);

  g_clear_object (&self->service);
  g_free (self->author);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (ic_conflict_rules_window_parent_class)->finalize (object);
}

static void
ic_conflict_rules_window_class_init (IcConflictRulesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ic_conflict_rules_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-conflict-rules-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcConflictRulesWindow, first_row);
  gtk_widget_class_bind_template_child (widget_class, IcConflictRulesWindow, second_row);
  gtk_widget_class_bind_template_child (widget_class, IcConflictRulesWindow, reason_row);
  gtk_widget_class_bind_template_child (widget_class, IcConflictRulesWindow, rules_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ic_conflict_rules_window_init (IcConflictRulesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

IcConflictRulesWindow *
ic_conflict_rules_window_new (IcStoreService *service,
                              const char     *author)
{
  IcConflictRulesWindow *self = g_object_new (IC_TYPE_CONFLICT_RULES_WINDOW, NULL);

  self->service = g_object_ref (service);
  self->author = g_strdup (author);
  ic_store_service_list_async (service, IC_RECORD_KIND_ORGANISATION, NULL, 0, 0, NULL, on_organisations,
                               g_object_ref (self));
  return self;
}

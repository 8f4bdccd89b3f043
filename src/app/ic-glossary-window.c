/* ic-glossary-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-glossary-window.h"
#include "ic-match-loader.h"
#include "ic-store-service.h"

struct _IcGlossaryWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *entries_group;
  GtkSwitch            *learn_switch;

  IcApplication        *application;   /* weak */
  IcStoreService       *service;
  GCancellable         *cancellable;
  IcGlossary           *glossary;      /* as shown; NULL until read */
  GPtrArray            *rows;          /* AdwActionRow per entry, in order */
  IcGlossary           *removed;       /* the last entry removed, for Undo */
  gboolean              showing;       /* setting the switch from the store */
};

G_DEFINE_FINAL_TYPE (IcGlossaryWindow, ic_glossary_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
toast (IcGlossaryWindow *self,
       const char       *title)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
}

/* ---- reading and writing, on the store service's thread ---------------- */

typedef struct
{
  char     *glossary;   /* JSON; NULL: back to the shipped one */
  gboolean  learn;
  gboolean  write_glossary;
  gboolean  write_learn;
} GlossaryState;

static void
glossary_state_free (GlossaryState *state)
{
  g_free (state->glossary);
  g_free (state);
}

static void
read_job (GTask        *task,
          IcStore      *store,
          gpointer      task_data,
          GCancellable *cancellable)
{
  GlossaryState *state = g_new0 (GlossaryState, 1);
  g_autoptr(IcGlossary) glossary = NULL;
  GError *error = NULL;

  glossary = ic_match_loader_load_glossary (store, &error);
  if (glossary == NULL)
    {
      glossary_state_free (state);
      g_task_return_error (task, error);
      return;
    }
  state->glossary = ic_glossary_to_data (glossary);
  state->learn = ic_match_loader_get_learn_from_decisions (store);
  g_task_return_pointer (task, state, (GDestroyNotify) glossary_state_free);
}

static void
write_job (GTask        *task,
           IcStore      *store,
           gpointer      task_data,
           GCancellable *cancellable)
{
  GlossaryState *state = task_data;
  g_autoptr(IcGlossary) glossary = NULL;
  GError *error = NULL;

  if (state->write_glossary && state->glossary != NULL)
    {
      glossary = ic_glossary_new_from_json (state->glossary, -1, &error);
      if (glossary == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  if ((state->write_glossary && !ic_match_loader_save_glossary (store, glossary, &error)) ||
      (state->write_learn && !ic_match_loader_set_learn_from_decisions (store, state->learn, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void show_glossary (IcGlossaryWindow *self);
static void read_glossary (IcGlossaryWindow *self);

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(IcGlossaryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GlossaryState *state = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not save the glossary: %s"), error->message);

          toast (self, message);
          read_glossary (self);
        }
      return;
    }
  if (state->write_glossary && state->glossary == NULL)
    read_glossary (self);   /* back to the shipped one: show it */
  if (self->application != NULL)
    g_signal_emit_by_name (self->application, "matching-changed");
}

/* Saves the glossary as shown (@glossary TRUE), or restores the shipped
 * one (@glossary TRUE and self->glossary NULL), and/or the switch. */
static void
write_state (IcGlossaryWindow *self,
             gboolean          glossary,
             gboolean          learn)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_written, g_object_ref (self));
  GlossaryState *state = g_new0 (GlossaryState, 1);

  state->write_glossary = glossary;
  state->glossary = glossary && self->glossary != NULL ? ic_glossary_to_data (self->glossary) : NULL;
  state->write_learn = learn;
  state->learn = gtk_switch_get_active (self->learn_switch);
  g_task_set_task_data (task, state, (GDestroyNotify) glossary_state_free);
  ic_store_service_run (self->service, task, write_job);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(IcGlossaryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GlossaryState *state = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(IcGlossary) glossary = NULL;

  if (state != NULL)
    glossary = ic_glossary_new_from_json (state->glossary, -1, &error);
  if (glossary == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not read the glossary: %s"), error->message);

          toast (self, message);
        }
      g_clear_pointer (&state, glossary_state_free);
      return;
    }
  self->showing = TRUE;
  gtk_switch_set_active (self->learn_switch, state->learn);
  gtk_widget_set_sensitive (GTK_WIDGET (self->learn_switch), TRUE);
  self->showing = FALSE;
  g_set_object (&self->glossary, glossary);
  show_glossary (self);
  glossary_state_free (state);
}

static void
read_glossary (IcGlossaryWindow *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_read, g_object_ref (self));

  ic_store_service_run (self->service, task, read_job);
}

/* ---- the rows ------------------------------------------------------------ */

static void remove_entry (IcGlossaryWindow *self,
                          guint             position);

static void
on_remove_clicked (GtkButton        *button,
                   IcGlossaryWindow *self)
{
  guint position;

  if (g_ptr_array_find (self->rows, g_object_get_data (G_OBJECT (button), "row"), &position))
    remove_entry (self, position);
}

static GtkWidget *
entry_row_new (IcGlossaryWindow *self,
               guint             position)
{
  const char * const *related = ic_glossary_get_related (self->glossary, position);
  g_autofree char *terms = g_strjoinv (", ", (GStrv) ic_glossary_get_terms (self->glossary, position));
  g_autofree char *subtitle = related != NULL && related[0] != NULL
                              ? g_strjoinv (", ", (GStrv) related) : NULL;
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"),
                                                   ic_glossary_get_terms (self->glossary, position)[0]);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_autofree char *title_markup = g_markup_escape_text (terms, -1);
  g_autofree char *subtitle_markup = subtitle != NULL ? g_markup_escape_text (subtitle, -1) : NULL;

  /* Rows read markup: "R&D" must be escaped. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  if (subtitle_markup != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, terms, -1);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (button), "row", row);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
clear_rows (IcGlossaryWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->entries_group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_glossary (IcGlossaryWindow *self)
{
  guint n = ic_glossary_get_n_entries (self->glossary);

  clear_rows (self);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = entry_row_new (self, i);

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->entries_group, row);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "glossary.add", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "glossary.restore", TRUE);
}

/* ---- editing ------------------------------------------------------------- */

/* Copies entry @position of @from into @to. */
static gboolean
copy_entry (IcGlossary  *from,
            guint        position,
            IcGlossary  *to,
            GError     **error)
{
  return ic_glossary_add_entry (to, ic_glossary_get_cluster (from, position),
                                ic_glossary_get_terms (from, position),
                                ic_glossary_get_related (from, position), NULL, error);
}

static void
remove_entry (IcGlossaryWindow *self,
              guint             position)
{
  g_autofree char *title = NULL;
  AdwToast *undo;

  g_clear_object (&self->removed);
  self->removed = ic_glossary_new ();
  copy_entry (self->glossary, position, self->removed, NULL);
  title = g_strdup_printf (_("Removed “%s”"), ic_glossary_get_terms (self->glossary, position)[0]);

  ic_glossary_remove_entry (self->glossary, position);
  adw_preferences_group_remove (self->entries_group, self->rows->pdata[position]);
  g_ptr_array_remove_index (self->rows, position);
  write_state (self, TRUE, FALSE);

  undo = adw_toast_new (title);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "glossary.undo-remove");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), undo);
}

static void
undo_remove (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IcGlossaryWindow *self = IC_GLOSSARY_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  if (self->removed == NULL || self->glossary == NULL)
    return;
  if (!copy_entry (self->removed, 0, self->glossary, &error))
    {
      toast (self, error->message);
      return;
    }
  g_clear_object (&self->removed);
  row = entry_row_new (self, ic_glossary_get_n_entries (self->glossary) - 1);
  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (self->entries_group, row);
  write_state (self, TRUE, FALSE);
}

/* "a, b ,, c" → { "a", "b", "c" } */
static GStrv
split_phrases (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
on_add_response (AdwMessageDialog *dialog,
                 const char       *response,
                 IcGlossaryWindow *self)
{
  GtkEditable *terms_entry = g_object_get_data (G_OBJECT (dialog), "terms");
  GtkEditable *related_entry = g_object_get_data (G_OBJECT (dialog), "related");
  g_auto(GStrv) terms = NULL;
  g_auto(GStrv) related = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  if (g_strcmp0 (response, "add") != 0 || self->glossary == NULL)
    return;
  terms = split_phrases (gtk_editable_get_text (terms_entry));
  related = split_phrases (gtk_editable_get_text (related_entry));
  if (!ic_glossary_add_entry (self->glossary, NULL, (const char * const *) terms,
                              (const char * const *) related, NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  row = entry_row_new (self, ic_glossary_get_n_entries (self->glossary) - 1);
  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (self->entries_group, row);
  write_state (self, TRUE, FALSE);
  {
    g_autofree char *title = g_strdup_printf (_("Added “%s”"), terms[0]);

    toast (self, title);
  }
}

static void
on_terms_changed (GtkEditable      *editable,
                  AdwMessageDialog *dialog)
{
  g_auto(GStrv) terms = split_phrases (gtk_editable_get_text (editable));

  adw_message_dialog_set_response_enabled (dialog, "add", terms[0] != NULL);
}

static GtkWidget *
labelled_entry (GtkWidget  *box,
                const char *label_text,
                const char *placeholder)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

static void
add_entry (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  IcGlossaryWindow *self = IC_GLOSSARY_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *terms, *related;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Add Glossary Entry"),
                                                       _("Terms mean the same thing, such as an "
                                                         "acronym and its expansion. Related phrases "
                                                         "are what buyers say about the problem "
                                                         "the terms solve.")));
  terms = labelled_entry (box, _("_Terms, separated by commas"), _("NDT, non-destructive testing"));
  related = labelled_entry (box, _("_Related phrases, separated by commas"),
                            _("cracked castings, porosity"));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  g_object_set_data (G_OBJECT (dialog), "terms", terms);
  g_object_set_data (G_OBJECT (dialog), "related", related);
  g_signal_connect (terms, "changed", G_CALLBACK (on_terms_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_add_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (terms);
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     IcGlossaryWindow *self)
{
  if (g_strcmp0 (response, "restore") != 0)
    return;
  g_clear_object (&self->glossary);
  write_state (self, TRUE, FALSE);
}

static void
restore_glossary (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcGlossaryWindow *self = IC_GLOSSARY_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore the Shipped Glossary?"),
                                                       _("Entries your team added are removed, and "
                                                         "entries it removed come back.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_learn_switched (GtkSwitch        *learn_switch,
                   GParamSpec       *pspec,
                   IcGlossaryWindow *self)
{
  if (!self->showing)
    write_state (self, FALSE, TRUE);
}

/* ---- the object ---------------------------------------------------------- */

static void
ic_glossary_window_dispose (GObject *object)
{
  IcGlossaryWindow *self = IC_GLOSSARY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->service);
  g_clear_object (&self->glossary);
  g_clear_object (&self->removed);

  G_OBJECT_CLASS (ic_glossary_window_parent_class)->dispose (object);
}

static void
ic_glossary_window_finalize (GObject *object)
{
  IcGlossaryWindow *self = IC_GLOSSARY_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ic_glossary_window_parent_class)->finalize (object);
}

static void
ic_glossary_window_class_init (IcGlossaryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_glossary_window_dispose;
  object_class->finalize = ic_glossary_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-glossary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcGlossaryWindow, entries_group);
  gtk_widget_class_bind_template_child (widget_class, IcGlossaryWindow, learn_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_learn_switched);
  gtk_widget_class_install_action (widget_class, "glossary.add", NULL, add_entry);
  gtk_widget_class_install_action (widget_class, "glossary.restore", NULL, restore_glossary);
  gtk_widget_class_install_action (widget_class, "glossary.undo-remove", NULL, undo_remove);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "glossary.add", NULL);
}

static void
ic_glossary_window_init (IcGlossaryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "glossary.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "glossary.restore", FALSE);
}

IcGlossaryWindow *
ic_glossary_window_new (IcApplication *application)
{
  IcGlossaryWindow *self = g_object_new (IC_TYPE_GLOSSARY_WINDOW, NULL);

  g_set_weak_pointer (&self->application, application);
  self->service = g_object_ref (ic_application_get_store_service (application));
  read_glossary (self);
  return self;
}

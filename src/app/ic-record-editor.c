/* ic-record-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organisations and tags the form offers are read before it is
 * made (the form itself is built in ic-record-editor-form.c), and
 * saving is a job of the store service.  An edit of a stored
 * record is saved only if the record is still at the rev the form was
 * opened on; if a sync, the command line or another window wrote it
 * since, the form says so and offers to reload: the stored record comes
 * into the form with the fields this person changed kept on top, so
 * neither side's change is lost.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-conflict-merge.h"
#include "ic-history-panel.h"
#include "ic-record-draft.h"
#include "ic-record-editor-private.h"

G_DEFINE_FINAL_TYPE (IcRecordEditor, ic_record_editor, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  SIGNAL_DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The form stays editable (and keeps the focus): the write has its own
 * copy, and a reload reads the form only once the stored record came. */
static void
set_busy (IcRecordEditor *self,
          gboolean        busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reload_button), !busy);
}

static void
show_banner (IcRecordEditor *self,
             const char     *message,
             gboolean        offer_reload)
{
  gtk_label_set_text (self->error_banner, message);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), offer_reload);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), self->draft != NULL);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* The names (JSON members) of the fields this person changed since the
 * form was loaded (transfer full). */
static GStrv
changed_fields (IcRecordEditor *self)
{
  g_autoptr(IcRecord) form = ic_record_editor_read_form (self);
  g_autoptr(GPtrArray) diff = ic_conflict_diff (form, self->baseline);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < diff->len; i++)
    g_strv_builder_add (names, ((IcConflictField *) g_ptr_array_index (diff, i))->name);
  return g_strv_builder_end (names);
}

static gboolean
has_changes (IcRecordEditor *self)
{
  g_auto(GStrv) changed = changed_fields (self);

  return changed[0] != NULL;
}

/* The draft follows the form a second after typing pauses: a crash
 * then loses at most that second. */
static gboolean
write_draft (gpointer user_data)
{
  IcRecordEditor *self = user_data;

  self->draft_source = 0;
  if (has_changes (self))
    {
      g_autoptr(IcRecord) form = ic_record_editor_read_form (self);

      ic_record_draft_write (self->draft_path, form);
    }
  else
    ic_record_draft_remove (self->draft_path);
  return G_SOURCE_REMOVE;
}

static void
on_form_changed (IcRecordEditor *self)
{
  if (self->loading || self->disposed || self->draft_path == NULL)
    return;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add_seconds (1, write_draft, self);
}

/* The form is done with: its draft goes. */
static void
drop_draft (IcRecordEditor *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->draft_path != NULL)
    ic_record_draft_remove (self->draft_path);
}

static void
load_form (IcRecordEditor *self,
           IcRecord       *from)
{
  self->loading = TRUE;
  ic_record_editor_load_form (self, from);
  self->loading = FALSE;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(IcRecordEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) written = ic_store_service_write_finish (IC_STORE_SERVICE (source), result, &error);

  self->saving = FALSE;
  if (self->disposed)
    {
      /* Closed while saving: the pages still hear of a write. */
      if (written != NULL)
        {
          ic_record_draft_remove (self->draft_path);
          g_signal_emit (self, signals[SIGNAL_SAVED], 0, written);
        }
      return;
    }
  set_busy (self, FALSE);
  if (written == NULL && g_error_matches (error, IC_STORE_ERROR, IC_STORE_ERROR_CHANGED))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” was changed elsewhere (by a sync, the command line or another window) "
                           "since this form was opened, so it was not saved. Reload to bring in the "
                           "stored version with your changes kept on top, then save again."),
                         ic_record_get_title (self->record));

      show_banner (self, message, TRUE);
      return;
    }
  if (written == NULL)
    {
      ic_record_editor_show_field_error (self, error);
      return;
    }

  drop_draft (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, written);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
destroy_window (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

gboolean
ic_record_editor_save (IcRecordEditor *self)
{
  g_autoptr(IcRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (IC_IS_RECORD_EDITOR (self), FALSE);

  if (self->saving || self->viewing)
    return FALSE;
  /* Nothing changed: nothing to write, even if the record was changed
   * elsewhere meanwhile (its new version is not this person's to
   * check), and no revision that changes nothing. */
  if (!self->is_new && self->baseline != NULL && !has_changes (self))
    {
      drop_draft (self);
      /* From the main loop, as after a write: not inside the click. */
      self->saving = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window, g_object_ref (self), g_object_unref);
      return TRUE;
    }
  /* Saving what is on screen passes over a draft not restored. */
  g_clear_object (&self->draft);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), FALSE);
  ic_record_editor_clear_errors (self);
  copy = ic_record_editor_read_form (self);
  if (!ic_record_validate (copy, ic_store_service_get_taxonomy (self->service), &error))
    {
      ic_record_editor_show_field_error (self, error);
      return FALSE;
    }

  /* The copy keeps the rev the form was loaded on: the store checks it. */
  self->saving = TRUE;
  set_busy (self, TRUE);
  ic_store_service_write_async (self->service,
                                self->is_new ? IC_STORE_WRITE_INSERT : IC_STORE_WRITE_UPDATE_IF_UNCHANGED,
                                copy, self->author, NULL, on_saved, g_object_ref (self));
  return TRUE;
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(IcRecordEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) stored = ic_store_service_get_finish (IC_STORE_SERVICE (source), result, &error);
  g_autoptr(IcRecord) mine = NULL;
  g_autoptr(IcRecord) merged = NULL;
  g_auto(GStrv) changed = NULL;
  g_autofree char *message = NULL;
  guint n_changed;

  self->saving = FALSE;
  if (self->disposed)
    return;
  set_busy (self, FALSE);
  if (stored == NULL)
    {
      message = g_strdup_printf (_("Cannot reload “%s”: %s"), ic_record_get_title (self->record), error->message);
      show_banner (self, message, TRUE);
      return;
    }
  if (ic_record_get_deleted (stored))
    {
      message = g_strdup_printf (_("“%s” was deleted elsewhere, so it cannot be saved from this form."),
                                 ic_record_get_title (self->record));
      show_banner (self, message, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      return;
    }

  mine = ic_record_editor_read_form (self);
  changed = changed_fields (self);
  merged = ic_conflict_merge (mine, stored, (const char * const *) changed, &error);
  if (merged == NULL)
    {
      message = g_strdup_printf (_("Cannot reload “%s”: %s"), ic_record_get_title (self->record), error->message);
      show_banner (self, message, TRUE);
      return;
    }

  /* The stored record is the new starting point; the form shows it with
   * this person's changes on top. */
  g_set_object (&self->record, stored);
  load_form (self, stored);
  g_clear_object (&self->baseline);
  self->baseline = ic_record_editor_read_form (self);
  load_form (self, merged);

  n_changed = g_strv_length (changed);
  if (n_changed == 0)
    message = g_strdup_printf (_("Reloaded “%s” as it is stored now."), ic_record_get_title (stored));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Reloaded “%s” as it is stored now, with your change to %u field kept on top. Check it and save again.",
                                            "Reloaded “%s” as it is stored now, with your changes to %u fields kept on top. Check them and save again.",
                                            n_changed),
                               ic_record_get_title (stored), n_changed);
  show_banner (self, message, FALSE);
}

static void
on_reload_clicked (IcRecordEditor *self)
{
  if (self->saving)
    return;
  self->saving = TRUE;
  set_busy (self, TRUE);
  ic_store_service_get_async (self->service, ic_record_get_id (self->record), NULL,
                              on_fetched, g_object_ref (self));
}

/* A stored record opens as text (@viewing); Edit brings the same
 * window over to the form.  A new record opens in the form. */
static void
set_viewing (IcRecordEditor *self,
             gboolean        viewing)
{
  const IcKindText *text = ic_kind_text (ic_record_get_kind (self->record));
  const char *title = self->is_new ? text->new_title : viewing ? text->view_title : text->edit_title;

  self->viewing = viewing;
  if (viewing)
    ic_record_editor_build_view (self);
  gtk_widget_set_visible (GTK_WIDGET (self->view_box), viewing);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_box), !viewing);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), viewing);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), !viewing);
  gtk_button_set_label (self->cancel_button, viewing ? _("Close") : _("Cancel"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.edit", viewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !viewing);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 self->is_new ? NULL : ic_record_get_title (self->record));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IcRecordEditor *self = IC_RECORD_EDITOR (widget);
  GtkWidget *first;

  if (!self->viewing)
    return;
  set_viewing (self, FALSE);
  /* Editing asked for: the keyboard goes to the first field, with the
   * cursor at its end and nothing selected, so a key typed adds to the
   * value rather than replacing it. */
  if (self->fields->len == 0)
    return;
  first = g_array_index (self->fields, FieldState, 0).input;
  gtk_widget_grab_focus (first);
  if (GTK_IS_EDITABLE (first))
    gtk_editable_select_region (GTK_EDITABLE (first), -1, -1);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ic_record_editor_save (IC_RECORD_EDITOR (widget));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcRecordEditor *self = IC_RECORD_EDITOR (widget);
  g_autofree char *id = g_strdup (ic_record_get_id (self->record));

  drop_draft (self);
  gtk_widget_set_visible (widget, FALSE);
  g_signal_emit (self, signals[SIGNAL_DELETE_REQUESTED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Closing waits for a write under way: were it to fail, the form and
 * its message are all that hold the person's edit. */
static gboolean
close_discarding (gpointer user_data)
{
  IcRecordEditor *self = user_data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   IcRecordEditor   *self)
{
  /* The question closes itself after this signal; the editor (its
   * parent) goes only once it has. */
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_discarding, g_object_ref (self), g_object_unref);
  else if (g_strcmp0 (response, "save") == 0)
    ic_record_editor_save (self);
}

/* Escape, Cancel or the window's close with changes in the form asks
 * first: nothing typed goes without the person saying so. */
static void
ask_before_closing (IcRecordEditor *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"),
                                   _("This form has changes that are not saved. "
                                     "Discarded changes cannot be brought back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ic_record_editor_close_request (GtkWindow *window)
{
  IcRecordEditor *self = IC_RECORD_EDITOR (window);

  if (self->saving)
    return TRUE;
  if (!self->close_confirmed && self->baseline != NULL && has_changes (self))
    {
      ask_before_closing (self);
      return TRUE;
    }
  drop_draft (self);
  return GTK_WINDOW_CLASS (ic_record_editor_parent_class)->close_request (window);
}

static void
on_restore_clicked (IcRecordEditor *self)
{
  g_autoptr(IcRecord) draft = g_steal_pointer (&self->draft);

  if (draft == NULL)
    return;
  if (self->viewing)
    set_viewing (self, FALSE);
  /* The draft's fields over the record as stored now; its rev stays the
   * stored one, so a save still checks against what is stored. */
  load_form (self, draft);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), FALSE);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  on_form_changed (self);
}

static void
ic_record_editor_dispose (GObject *object)
{
  IC_RECORD_EDITOR (object)->disposed = TRUE;
  g_clear_handle_id (&IC_RECORD_EDITOR (object)->draft_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_RECORD_EDITOR);

  G_OBJECT_CLASS (ic_record_editor_parent_class)->dispose (object);
}

static void
ic_record_editor_finalize (GObject *object)
{
  IcRecordEditor *self = IC_RECORD_EDITOR (object);

  g_clear_object (&self->service);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_object (&self->record);
  g_clear_object (&self->baseline);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->draft_path, g_free);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (ic_record_editor_parent_class)->finalize (object);
}

static void
ic_record_editor_class_init (IcRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_record_editor_dispose;
  object_class->finalize = ic_record_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = ic_record_editor_close_request;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, IC_TYPE_RECORD);
  signals[SIGNAL_DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, error_banner);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, reload_button);
  gtk_widget_class_bind_template_callback (widget_class, on_reload_clicked);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, view_box);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, edit_box);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, edit_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "editor.edit", NULL, edit_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "editor.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ic_record_editor_init (IcRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_array_new (FALSE, TRUE, sizeof (FieldState));
  g_array_set_clear_func (self->fields, (GDestroyNotify) ic_record_editor_field_state_clear);
}

/* What the form offers to choose from, read before it is built. */
typedef struct
{
  IcStoreService *service;
  IcRecord       *record;
  gboolean        is_new;
  char           *author;
  GPtrArray      *organisations;  /* NamedId, by name */
  GStrv           tags;
  char           *draft_path;
  IcRecord       *draft;       /* left by an editor that did not close */
  GDateTime      *draft_saved_at;
} NewData;

static void
new_data_free (NewData *data)
{
  g_clear_object (&data->service);
  g_clear_object (&data->record);
  g_free (data->author);
  g_clear_pointer (&data->organisations, g_ptr_array_unref);
  g_strfreev (data->tags);
  g_free (data->draft_path);
  g_clear_object (&data->draft);
  g_clear_pointer (&data->draft_saved_at, g_date_time_unref);
  g_free (data);
}

static void
read_choices_job (GTask        *task,
                  IcStore      *store,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  NewData *data = task_data;
  GError *error = NULL;

  g_autoptr(GError) draft_error = NULL;

  if (!ic_record_editor_read_choices (store, ic_record_get_kind (data->record),
                                      &data->organisations, &data->tags, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* A draft that cannot be read is not worth refusing the form for. */
  data->draft = ic_record_draft_read (data->draft_path, ic_record_get_kind (data->record),
                                      &data->draft_saved_at, &draft_error);
  if (draft_error != NULL)
    g_warning ("Cannot read the draft %s: %s", data->draft_path, draft_error->message);
  g_task_return_boolean (task, TRUE);
}

static void
offer_draft (IcRecordEditor *self,
             IcRecord       *draft,
             GDateTime      *saved_at)
{
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GDateTime) local = saved_at != NULL ? g_date_time_to_local (saved_at) : NULL;

  self->draft = draft;
  when = local != NULL ? g_date_time_format (local, "%e %b %H:%M") : NULL;
  if (when != NULL)
    message = g_strdup_printf (_("Changes typed here on %s were not saved (the window closed before they were). "
                                 "Restore them to check and save them."), g_strstrip (when));
  else
    message = g_strdup (_("Changes typed here earlier were not saved. Restore them to check and save them."));
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), TRUE);
  show_banner (self, message, FALSE);
}

void
ic_record_editor_new_async (IcStoreService      *service,
                            IcRecord            *record,
                            gboolean             is_new,
                            const char          *author,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  NewData *data;

  g_return_if_fail (IC_IS_STORE_SERVICE (service));
  g_return_if_fail (IC_IS_RECORD (record));

  data = g_new0 (NewData, 1);
  data->service = g_object_ref (service);
  data->record = ic_record_copy (record);
  data->is_new = is_new;
  data->author = g_strdup (author);
  data->draft_path = ic_record_draft_path (ic_store_service_get_path (service), record, is_new);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_record_editor_new_async);
  g_task_set_task_data (task, data, (GDestroyNotify) new_data_free);
  ic_store_service_run (service, task, read_choices_job);
}

IcRecordEditor *
ic_record_editor_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  IcRecordEditor *self;
  NewData *data;
  const IcKindText *text;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_record_editor_new_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));

  self = g_object_new (IC_TYPE_RECORD_EDITOR, NULL);
  self->service = g_object_ref (data->service);
  self->record = g_object_ref (data->record);
  self->is_new = data->is_new;
  self->author = g_strdup (data->author);
  self->organisations = g_steal_pointer (&data->organisations);
  self->tags = g_steal_pointer (&data->tags);

  text = ic_kind_text (ic_record_get_kind (self->record));
  gtk_button_set_label (self->delete_button, text->delete_label);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !self->is_new);

  self->draft_path = g_steal_pointer (&data->draft_path);

  ic_record_editor_build_form (self);
  if (!self->is_new)
    {
      IcHistoryPanel *history = ic_history_panel_new ();

      gtk_box_insert_child_after (self->form_box, GTK_WIDGET (history),
                                  gtk_widget_get_prev_sibling (GTK_WIDGET (self->delete_button)));
      ic_history_panel_load (history, self->service, ic_record_get_id (self->record));
    }
  load_form (self, self->record);
  self->baseline = ic_record_editor_read_form (self);
  ic_record_editor_watch_form (self, G_CALLBACK (on_form_changed));

  /* A new record starts in its first field; a stored one is shown as
   * text first, with Edit (Ctrl+E) taking the keyboard, so no field is
   * taken and no key changes it by accident. */
  set_viewing (self, !self->is_new);
  if (self->is_new && self->fields->len > 0)
    gtk_widget_grab_focus (g_array_index (self->fields, FieldState, 0).input);
  else if (!self->is_new)
    gtk_widget_grab_focus (GTK_WIDGET (self->edit_button));

  if (data->draft != NULL)
    offer_draft (self, g_steal_pointer (&data->draft), data->draft_saved_at);

  return self;
}

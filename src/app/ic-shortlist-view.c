/* ic-shortlist-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view owns the shortlist it shows: rows edit its entries in place,
 * and each change saves a copy of the whole shortlist through the store
 * service.  Saves never overlap: a change made while one runs is saved
 * once it ends, so the last write is always the latest state.
 *
 * Each save is made on the rev the view last read or wrote.  When a
 * sync, the command line or another window has written the shortlist
 * since, the store refuses it (IC_STORE_ERROR_CHANGED); the view then
 * keeps the change on screen, saves nothing more, and asks whether to
 * reload the stored shortlist or keep this one over it.
 *
 * Exporting and printing are in ic-shortlist-view-output.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-app-format.h"
#include "ic-application.h"
#include "ic-shortlist-entry-row.h"
#include "ic-shortlist-view-private.h"
#include "ic-window.h"

G_DEFINE_FINAL_TYPE (IcShortlistView, ic_shortlist_view, GTK_TYPE_BOX)

const char *
ic_shortlist_view_get_name (IcShortlistView *self)
{
  const char *name = ic_shortlist_get_name (self->shortlist);

  return name != NULL ? name : _("Shortlist");
}

void
ic_shortlist_view_toast (IcShortlistView *self,
                         AdwToast        *toast)
{
  ic_window_toast_from (GTK_WIDGET (self), toast);
}

static const char *
get_author (IcShortlistView *self)
{
  return ic_window_author_for (GTK_WIDGET (self));
}

/* Exports and prints read the database, so they wait for the last save. */
void
ic_shortlist_view_update_actions (IcShortlistView *self)
{
  gboolean idle = !self->saving && !self->save_again && !self->changed_elsewhere &&
                  self->export_cancellable == NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (ic_shortlist_get_entries (self->shortlist)));
  g_autofree char *count = ic_format_record_count (IC_RECORD_KIND_CAPABILITY, n);
  IcChallenge *challenge = ic_shortlist_report_get_challenge (self->report);
  const char *challenge_title = challenge != NULL ? ic_record_get_title (IC_RECORD (challenge)) : NULL;
  g_autofree char *subtitle = NULL;

  if (self->disposed)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shortlist.export", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shortlist.print",
                                 idle && self->print_operation == NULL && self->print_cancellable == NULL);

  /* A name made from the challenge's title need not repeat it. */
  if (challenge_title == NULL || strstr (ic_shortlist_view_get_name (self), challenge_title) != NULL)
    subtitle = g_strdup (count);
  else
    subtitle = g_strdup_printf ("%s · %s", challenge_title, count);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
renumber (IcShortlistView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (ic_shortlist_get_entries (self->shortlist)));
  guint rank = 1;

  if (self->disposed)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (IC_IS_SHORTLIST_ENTRY_ROW (row))
      ic_shortlist_entry_row_set_position (IC_SHORTLIST_ENTRY_ROW (row), rank++, n);
  ic_shortlist_view_update_actions (self);
}

/* Saving */

static void save (IcShortlistView *self);

static void
show_changed (IcShortlistView *self)
{
  g_autofree char *banner = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  self->changed_elsewhere = TRUE;
  self->save_again = FALSE;
  if (self->disposed)
    return;
  banner = g_strdup_printf (_("“%s” was changed elsewhere (by a sync, the command line or another window), "
                              "so the change made here was not saved. Reload the stored shortlist, or keep "
                              "this one and save it over that."), ic_shortlist_view_get_name (self));
  gtk_label_set_text (self->changed_label, banner);
  gtk_revealer_set_reveal_child (self->changed_revealer, TRUE);
  message = g_strdup_printf (_("“%s” was changed elsewhere: the change was not saved"), ic_shortlist_view_get_name (self));
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  /* Not behind an older toast, which stays while the window is not
   * focused: an edit that was not saved must be said at once. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  ic_shortlist_view_toast (self, toast);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(IcShortlistView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) written = ic_store_service_write_finish (IC_STORE_SERVICE (source), result, &error);

  self->saving = FALSE;
  if (written == NULL && g_error_matches (error, IC_STORE_ERROR, IC_STORE_ERROR_CHANGED))
    show_changed (self);
  else if (written == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot save “%s”: %s"), ic_shortlist_view_get_name (self), error->message);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 8);
      ic_shortlist_view_toast (self, toast);
    }
  else
    {
      ic_record_set_rev (IC_RECORD (self->shortlist), ic_record_get_rev (written));
      ic_record_set_updated_at (IC_RECORD (self->shortlist), ic_record_get_updated_at (written));
    }

  if (self->save_again)
    save (self);
  ic_shortlist_view_update_actions (self);
}

static void
save (IcShortlistView *self)
{
  IcStoreWriteKind kind = self->overwrite ? IC_STORE_WRITE_UPDATE : IC_STORE_WRITE_UPDATE_IF_UNCHANGED;

  /* Held on screen until the person reloads or keeps this version. */
  if (self->changed_elsewhere)
    return;
  if (self->saving)
    {
      self->save_again = TRUE;
      ic_shortlist_view_update_actions (self);
      return;
    }
  self->saving = TRUE;
  self->save_again = FALSE;
  self->overwrite = FALSE;
  ic_shortlist_view_update_actions (self);
  ic_store_service_write_async (self->service, kind,
                                IC_RECORD (self->shortlist), get_author (self), NULL,
                                on_saved, g_object_ref (self));
}

/* Entries */

static GtkWidget *row_new (IcShortlistView *self, IcShortlistEntry *entry,
                           const char *title, const char *organisation, const char *why);

static guint
row_position (IcShortlistView *self,
              GtkWidget       *row,
              guint           *n)
{
  IcShortlistEntry *entry = ic_shortlist_entry_row_get_entry (IC_SHORTLIST_ENTRY_ROW (row));
  guint position = G_MAXUINT;

  *n = g_list_model_get_n_items (G_LIST_MODEL (ic_shortlist_get_entries (self->shortlist)));
  if (!g_list_store_find (ic_shortlist_get_entries (self->shortlist), entry, &position))
    return G_MAXUINT;
  return position;
}

static void
on_row_move (IcShortlistEntryRow *row,
             int                  delta,
             IcShortlistView     *self)
{
  GListStore *entries = ic_shortlist_get_entries (self->shortlist);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(IcShortlistEntry) entry = g_object_ref (ic_shortlist_entry_row_get_entry (row));
  g_autoptr(GtkWidget) keep = g_object_ref (GTK_WIDGET (row));
  guint n, position = row_position (self, GTK_WIDGET (row), &n);
  guint target;

  if (position == G_MAXUINT || (delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;
  target = delta < 0 ? position - 1 : position + 1;

  /* Keep the focus where it was, so a key press can move the row on. */
  if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (row)))
    focus = NULL;
  if (focus != NULL)
    g_object_ref (focus);

  ic_shortlist_entry_row_commit_note (row);
  g_list_store_remove (entries, position);
  g_list_store_insert (entries, target, entry);
  gtk_list_box_remove (self->entries_list, GTK_WIDGET (row));
  gtk_list_box_insert (self->entries_list, GTK_WIDGET (row), target);
  renumber (self);
  save (self);

  if (focus != NULL)
    {
      if (!gtk_widget_is_sensitive (focus) || !gtk_widget_grab_focus (focus))
        gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
      g_object_unref (focus);
    }
}

typedef struct
{
  IcShortlistView  *view;
  IcShortlistEntry *entry;
  char             *title;
  guint             position;
} RemovedEntry;

static void
removed_entry_free (gpointer data,
                    GClosure *closure)
{
  RemovedEntry *removed = data;

  g_object_unref (removed->view);
  g_object_unref (removed->entry);
  g_free (removed->title);
  g_free (removed);
}

static void
on_undo_remove (AdwToast     *toast,
                RemovedEntry *removed)
{
  IcShortlistView *self = removed->view;
  GListStore *entries = ic_shortlist_get_entries (self->shortlist);
  guint position = MIN (removed->position, g_list_model_get_n_items (G_LIST_MODEL (entries)));
  const IcShortlistReportEntry *report_entry = NULL;
  GtkWidget *row;

  /* A view the page has read again since holds an old copy: writing it
   * would undo the changes made after. */
  if (self->disposed ||
      ic_shortlist_find_entry (self->shortlist, ic_shortlist_entry_get_capability_id (removed->entry), NULL))
    return;

  for (guint i = 0; i < ic_shortlist_report_get_n_entries (self->report); i++)
    if (ic_shortlist_report_get_entry (self->report, i)->entry == removed->entry)
      report_entry = ic_shortlist_report_get_entry (self->report, i);

  g_list_store_insert (entries, position, removed->entry);
  row = row_new (self, removed->entry, removed->title,
                 report_entry != NULL ? ic_shortlist_report_entry_organisation (report_entry) : NULL,
                 report_entry != NULL ? report_entry->why : NULL);
  gtk_list_box_insert (self->entries_list, row, position);
  renumber (self);
  save (self);
}

static void
on_row_remove (IcShortlistEntryRow *row,
               IcShortlistView     *self)
{
  GListStore *entries = ic_shortlist_get_entries (self->shortlist);
  guint n, position = row_position (self, GTK_WIDGET (row), &n);
  g_autofree char *message = NULL;
  RemovedEntry *removed;
  AdwToast *toast;

  if (position == G_MAXUINT)
    return;

  ic_shortlist_entry_row_commit_note (row);
  removed = g_new0 (RemovedEntry, 1);
  removed->view = g_object_ref (self);
  removed->entry = g_object_ref (ic_shortlist_entry_row_get_entry (row));
  removed->title = g_strdup (ic_shortlist_entry_row_get_title (row));
  removed->position = position;

  g_list_store_remove (entries, position);
  gtk_list_box_remove (self->entries_list, GTK_WIDGET (row));
  renumber (self);
  save (self);

  message = g_strdup_printf (_("“%s” removed from the shortlist"), removed->title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove),
                         removed, removed_entry_free, 0);
  ic_shortlist_view_toast (self, toast);
}

static GtkWidget *
row_new (IcShortlistView  *self,
         IcShortlistEntry *entry,
         const char       *title,
         const char       *organisation,
         const char       *why)
{
  GtkWidget *row = ic_shortlist_entry_row_new (entry, title, organisation, why);

  g_signal_connect_swapped (row, "changed", G_CALLBACK (save), self);
  g_signal_connect (row, "move", G_CALLBACK (on_row_move), self);
  g_signal_connect (row, "remove", G_CALLBACK (on_row_remove), self);
  return row;
}

/* Changed elsewhere: the two ways on */

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcShortlistView *self = IC_SHORTLIST_VIEW (widget);

  /* The change made here is dropped, as the person asked. */
  self->changed_elsewhere = FALSE;
  gtk_revealer_set_reveal_child (self->changed_revealer, FALSE);
  gtk_widget_activate_action (widget, "shortlists.reload", NULL);
}

static void
keep_mine_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IcShortlistView *self = IC_SHORTLIST_VIEW (widget);

  self->changed_elsewhere = FALSE;
  self->overwrite = TRUE;
  gtk_revealer_set_reveal_child (self->changed_revealer, FALSE);
  save (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcShortlistView *self = IC_SHORTLIST_VIEW (widget);

  gtk_widget_activate_action (widget, "shortlists.delete-shortlist", "s",
                              ic_record_get_id (IC_RECORD (self->shortlist)));
}

/* Life cycle */

IcShortlist *
ic_shortlist_view_get_shortlist (IcShortlistView *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_VIEW (self), NULL);
  return self->shortlist;
}

gboolean
ic_shortlist_view_is_saving (IcShortlistView *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_VIEW (self), FALSE);
  return self->saving || self->save_again;
}

gboolean
ic_shortlist_view_has_unsaved (IcShortlistView *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_VIEW (self), FALSE);
  return self->changed_elsewhere;
}

static void
ic_shortlist_view_dispose (GObject *object)
{
  IcShortlistView *self = IC_SHORTLIST_VIEW (object);

  self->disposed = TRUE;
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  if (self->print_cancellable != NULL)
    g_cancellable_cancel (self->print_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->print_operation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->print_operation, self);
      g_clear_object (&self->print_operation);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_SHORTLIST_VIEW);

  G_OBJECT_CLASS (ic_shortlist_view_parent_class)->dispose (object);
}

static void
ic_shortlist_view_finalize (GObject *object)
{
  IcShortlistView *self = IC_SHORTLIST_VIEW (object);

  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->print_cancellable);
  g_clear_object (&self->service);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (ic_shortlist_view_parent_class)->finalize (object);
}

static void
ic_shortlist_view_class_init (IcShortlistViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_shortlist_view_dispose;
  object_class->finalize = ic_shortlist_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-shortlist-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, export_button);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, print_button);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, changed_revealer);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, changed_label);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, reload_button);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, keep_button);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, progress_box);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistView, entries_list);

  ic_shortlist_view_class_add_output_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "shortlist.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "shortlist.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "shortlist.keep-mine", NULL, keep_mine_activated);
}

static void
ic_shortlist_view_init (IcShortlistView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (ic_shortlist_view_cancel_export),
                            self);
}

/* Names @widget for assistive technologies (and the tests); takes @label. */
static void
set_label (gpointer  widget,
           char     *label)
{

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
}

GtkWidget *
ic_shortlist_view_new (IcStoreService    *service,
                       IcShortlistReport *report)
{
  IcShortlistView *self;
  const char *name;

  g_return_val_if_fail (IC_IS_STORE_SERVICE (service), NULL);
  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (report), NULL);

  self = g_object_new (IC_TYPE_SHORTLIST_VIEW, NULL);
  self->service = g_object_ref (service);
  self->report = g_object_ref (report);
  self->shortlist = ic_shortlist_report_get_shortlist (report);
  name = ic_shortlist_view_get_name (self);

  gtk_label_set_text (self->title_label, name);
  set_label (self->export_button, g_strdup_printf (_("Export “%s”"), name));
  set_label (self->print_button, g_strdup_printf (_("Print “%s”"), name));
  set_label (self->delete_button, g_strdup_printf (_("Delete “%s”"), name));
  set_label (self->cancel_button, g_strdup_printf (_("Cancel the export of “%s”"), name));
  set_label (self->reload_button, g_strdup_printf (_("Reload “%s” as stored"), name));
  set_label (self->keep_button, g_strdup_printf (_("Keep this version of “%s”"), name));
  set_label (self->entries_list, g_strdup_printf (_("Entries of “%s”"), name));

  for (guint i = 0; i < ic_shortlist_report_get_n_entries (report); i++)
    {
      const IcShortlistReportEntry *entry = ic_shortlist_report_get_entry (report, i);

      gtk_list_box_append (self->entries_list,
                           row_new (self, entry->entry, ic_shortlist_report_entry_title (entry),
                                    ic_shortlist_report_entry_organisation (entry), entry->why));
    }
  renumber (self);
  return GTK_WIDGET (self);
}

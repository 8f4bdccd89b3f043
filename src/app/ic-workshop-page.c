/* ic-workshop-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-agenda-print.h"
#include "ic-event-editor.h"
#include "ic-facilitator-window.h"
#include "ic-window.h"
#include "ic-workshop-job.h"
#include "ic-workshop-page-private.h"

G_DEFINE_FINAL_TYPE (IcWorkshopPage, ic_workshop_page, ADW_TYPE_BIN)

static void load_event (IcWorkshopPage *self);

static const char *
get_author (IcWorkshopPage *self)
{
  return ic_window_author_for (GTK_WIDGET (self));
}

static void
toast (IcWorkshopPage *self,
       AdwToast       *toast)
{
  ic_window_toast_from (GTK_WIDGET (self), toast);
}

void
ic_workshop_page_update_actions (IcWorkshopPage *self)
{
  gboolean loaded = self->workshop != NULL;
  gboolean running = self->schedule_cancellable != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "workshop.edit-event", loaded && !running);
  gtk_widget_action_set_enabled (widget, "workshop.schedule", loaded && !running);
  gtk_widget_action_set_enabled (widget, "workshop.schedule-afresh", loaded && !running);
  gtk_widget_action_set_enabled (widget, "workshop.cancel", running);
  gtk_widget_action_set_enabled (widget, "workshop.print-agendas",
                                 loaded && !running && self->schedule != NULL);
  gtk_widget_action_set_enabled (widget, "workshop.export-agendas",
                                 loaded && !running && self->schedule != NULL);
  gtk_widget_action_set_enabled (widget, "workshop.absent", loaded && !running);
  gtk_widget_action_set_enabled (widget, "workshop.late", loaded && !running);
  gtk_widget_action_set_enabled (widget, "workshop.walk-in", loaded && !running);
  gtk_widget_action_set_enabled (widget, "workshop.swap",
                                 loaded && !running && self->schedule != NULL);
}

static GtkWidget *
event_row_new (IcEvent *event)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (ic_event_get_name (event));
  g_autofree char *detail_text = g_strdup_printf (ngettext ("%s · %u participant", "%s · %u participants",
                                                            ic_event_get_n_participants (event)),
                                                  ic_event_get_date (event),
                                                  ic_event_get_n_participants (event));
  GtkWidget *detail = gtk_label_new (detail_text);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ic_event_get_name (event), -1);
  g_object_set_data_full (G_OBJECT (row), "event-id",
                          g_strdup (ic_record_get_id (IC_RECORD (event))), g_free);
  return row;
}

static void
on_events_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(IcWorkshopPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = ic_store_service_list_events_finish (IC_STORE_SERVICE (source), result,
                                                                     &error);
  GtkListBoxRow *selected = NULL;
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed)
    return;
  if (events == NULL)
    g_warning ("Cannot list the events: %s", error->message);

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->events_list))) != NULL)
    gtk_list_box_remove (self->events_list, child);
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      IcEvent *event = g_ptr_array_index (events, i);
      GtkWidget *row = event_row_new (event);

      gtk_list_box_append (self->events_list, row);
      if (g_strcmp0 (ic_record_get_id (IC_RECORD (event)), self->event_id) == 0)
        selected = GTK_LIST_BOX_ROW (row);
    }
  if (selected == NULL && events != NULL && events->len > 0)
    selected = gtk_list_box_get_row_at_index (self->events_list, 0);
  gtk_list_box_select_row (self->events_list, selected);
  self->updating = FALSE;

  g_clear_pointer (&self->event_id, g_free);
  if (selected != NULL)
    self->event_id = g_strdup (g_object_get_data (G_OBJECT (selected), "event-id"));

  /* Loading scores every pair of participants: do it only when the
   * page is on screen. */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_event (self);
}

void
ic_workshop_page_reload (IcWorkshopPage *self)
{
  g_return_if_fail (IC_IS_WORKSHOP_PAGE (self));

  ic_store_service_list_events_async (self->service, NULL, on_events_listed, g_object_ref (self));
}

typedef struct
{
  IcWorkshopPage *page;
  char           *failed;
} ScheduleSave;

static void
on_schedule_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ScheduleSave *save = user_data;
  IcWorkshopPage *self = save->page;
  g_autoptr(GError) error = NULL;

  if (!ic_workshop_job_save_schedule_finish (result, &error) && !self->disposed)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", save->failed, error->message);

      toast (self, adw_toast_new (message));
      load_event (self);
    }
  g_object_unref (save->page);
  g_free (save->failed);
  g_free (save);
}

void
ic_workshop_page_save_schedule (IcWorkshopPage *self,
                                IcSchedule     *schedule,
                                const char     *failed)
{
  ScheduleSave *save = g_new0 (ScheduleSave, 1);

  save->page = g_object_ref (self);
  save->failed = g_strdup (failed);
  ic_workshop_job_save_schedule_async (self->workshop, self->service, schedule, NULL,
                                       on_schedule_saved, save);
}

static void
on_map (GtkWidget      *widget,
        IcWorkshopPage *self)
{
  if (self->stale)
    load_event (self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IcWorkshopPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcSchedule) schedule = NULL;
  IcWorkshop *workshop = ic_workshop_job_load_finish (result, &schedule, &error);

  if (g_task_get_cancellable (G_TASK (result)) != self->load_cancellable)
    {
      g_clear_pointer (&workshop, ic_workshop_free);
      return;
    }
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (workshop == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->failed_page, error->message);
          gtk_stack_set_visible_child_name (self->detail_stack, "failed");
        }
      return;
    }

  self->workshop = workshop;
  self->schedule = g_steal_pointer (&schedule);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  if (ic_workshop_job_load_get_rules (result) != NULL)
    self->rules = g_ptr_array_ref (ic_workshop_job_load_get_rules (result));
  if (self->schedule != NULL)
    ic_schedule_sort (self->schedule);
  ic_workshop_page_show_error (self, NULL);
  ic_workshop_page_show_schedule (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "event");
  ic_workshop_page_update_actions (self);
}

/* Loads the event chosen, scoring its pairs in a worker thread. */
static void
load_event (IcWorkshopPage *self)
{
  self->stale = FALSE;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  /* A run for the event shown before must not land on this one. */
  g_cancellable_cancel (self->schedule_cancellable);
  g_clear_object (&self->schedule_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  g_clear_pointer (&self->workshop, ic_workshop_free);
  g_clear_pointer (&self->schedule, ic_schedule_unref);
  g_clear_pointer (&self->undo_schedule, ic_schedule_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  ic_workshop_page_show_changes (self, NULL, NULL);
  ic_workshop_page_update_actions (self);

  if (self->event_id == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  self->load_cancellable = g_cancellable_new ();
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->detail_stack, "loading");
  ic_workshop_job_load_async (self->service, self->event_id,
                              self->load_cancellable, on_loaded, g_object_ref (self));
}

static void
on_event_selected (GtkListBox     *list,
                   GtkListBoxRow  *row,
                   IcWorkshopPage *self)
{
  const char *id = row != NULL ? g_object_get_data (G_OBJECT (row), "event-id") : NULL;

  if (self->updating || id == NULL || g_strcmp0 (id, self->event_id) == 0)
    return;
  g_free (self->event_id);
  self->event_id = g_strdup (id);
  load_event (self);
}

static void
on_saved_event_read (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(IcWorkshopPage) self = user_data;
  g_autoptr(IcEvent) event = ic_store_service_get_event_finish (IC_STORE_SERVICE (source), result, NULL);
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("Saved “%s”"), event != NULL ? ic_event_get_name (event) : self->event_id);
  toast (self, adw_toast_new (message));
}

static void
on_event_saved (IcEventEditor  *editor,
                const char     *event_id,
                IcWorkshopPage *self)
{
  g_free (self->event_id);
  self->event_id = g_strdup (event_id);
  ic_workshop_page_reload (self);
  ic_store_service_get_event_async (self->service, event_id, NULL, on_saved_event_read,
                                    g_object_ref (self));
}

static void
on_event_editor_made (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(IcWorkshopPage) self = user_data;
  IcEventEditor *editor = ic_event_editor_new_finish (result, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (editor == NULL)
    return;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_event_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
open_editor (IcWorkshopPage *self,
             IcEvent        *event)
{
  ic_event_editor_new_async (self->service, event, get_author (self), NULL, on_event_editor_made,
                             g_object_ref (self));
}

static void
new_event_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_editor (IC_WORKSHOP_PAGE (widget), NULL);
}

static void
edit_event_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IcWorkshopPage *self = IC_WORKSHOP_PAGE (widget);

  if (self->workshop != NULL)
    open_editor (self, self->workshop->event);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  IcWorkshopPage *self = user_data;
  g_autofree char *text = g_strdup_printf (_("Scheduling… %.0f%%"), 100 * fraction);

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_undo_clicked (IcWorkshopPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "workshop.undo-schedule", NULL);
}

static void
on_scheduled (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IcWorkshopPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcSchedule) schedule = ic_meeting_scheduler_solve_finish (result, &error);
  g_autofree char *message = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  gboolean fresh = cancellable != NULL &&
                   GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cancellable), "ic-fresh"));
  AdwToast *done;

  if (cancellable != self->schedule_cancellable)
    return;
  g_clear_object (&self->schedule_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  ic_workshop_page_update_actions (self);

  if (schedule == NULL)
    {
      message = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
        ? g_strdup (_("Scheduling cancelled: the schedule is as it was"))
        : g_strdup_printf (_("Cannot schedule the meetings: %s"), error->message);
      toast (self, adw_toast_new (message));
      return;
    }
  if (self->workshop == NULL)
    {
      message = g_strdup_printf (_("Cannot save the schedule: %s"), _("the event is gone"));
      toast (self, adw_toast_new (message));
      return;
    }
  ic_workshop_page_save_schedule (self, schedule, _("Cannot save the schedule"));

  ic_schedule_sort (schedule);
  g_clear_pointer (&self->undo_schedule, ic_schedule_unref);
  self->undo_schedule = fresh ? g_steal_pointer (&self->schedule) : NULL;
  g_clear_pointer (&self->schedule, ic_schedule_unref);
  self->schedule = g_steal_pointer (&schedule);
  ic_workshop_page_show_error (self, NULL);
  ic_workshop_page_show_schedule (self);
  ic_workshop_page_update_actions (self);

  message = g_strdup_printf (ngettext ("Scheduled %u meeting", "Scheduled %u meetings",
                                       ic_schedule_get_n_meetings (self->schedule)),
                             ic_schedule_get_n_meetings (self->schedule));
  done = adw_toast_new (message);
  /* A fresh run throws away moves made by hand: it can be undone. */
  if (self->undo_schedule != NULL)
    {
      /* The toast sits above the page, out of reach of its actions. */
      adw_toast_set_button_label (done, _("_Undo"));
      adw_toast_set_timeout (done, 10);
      g_signal_connect_object (done, "button-clicked", G_CALLBACK (on_undo_clicked), self,
                               G_CONNECT_SWAPPED);
    }
  toast (self, done);
}

static void
run_scheduler (IcWorkshopPage *self,
               gboolean        fresh)
{
  if (self->workshop == NULL || self->schedule_cancellable != NULL)
    return;
  self->schedule_cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self->schedule_cancellable), "ic-fresh", GINT_TO_POINTER (fresh));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Scheduling…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  ic_workshop_page_update_actions (self);

  /* With a schedule already, a plain run repairs it and keeps every
   * meeting that is still allowed (moves made by hand included). */
  ic_meeting_scheduler_solve_async (self->workshop->problem, fresh ? NULL : self->schedule,
                                    IC_MEETING_SCHEDULER_DEFAULT, on_progress, self,
                                    self->schedule_cancellable, on_scheduled, g_object_ref (self));
}

static void
schedule_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  run_scheduler (IC_WORKSHOP_PAGE (widget), FALSE);
}

static void
schedule_afresh_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  run_scheduler (IC_WORKSHOP_PAGE (widget), TRUE);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_cancellable_cancel (IC_WORKSHOP_PAGE (widget)->schedule_cancellable);
}

static void
undo_schedule_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IcWorkshopPage *self = IC_WORKSHOP_PAGE (widget);

  if (self->workshop == NULL || self->undo_schedule == NULL)
    return;
  ic_workshop_page_save_schedule (self, self->undo_schedule, _("Cannot restore the schedule"));
  g_clear_pointer (&self->schedule, ic_schedule_unref);
  self->schedule = g_steal_pointer (&self->undo_schedule);
  ic_workshop_page_show_schedule (self);
  ic_workshop_page_update_actions (self);
}

static void
dismiss_error_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ic_workshop_page_show_error (IC_WORKSHOP_PAGE (widget), NULL);
}

static void
on_printed (GError   *error,
            gpointer  user_data)
{
  g_autoptr(IcWorkshopPage) self = user_data;

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot print the agendas: %s"), error->message);

      toast (self, adw_toast_new (message));
    }
}

static void
print_agendas_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IcWorkshopPage *self = IC_WORKSHOP_PAGE (widget);
  g_autoptr(IcAgenda) agenda = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workshop == NULL || self->schedule == NULL)
    return;
  if (self->workshop->n == 0)
    {
      toast (self, adw_toast_new (_("The event has no participants to print agendas for")));
      return;
    }
  agenda = ic_workshop_make_agenda (self->workshop, self->schedule);
  ic_agenda_print (agenda, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                   on_printed, g_object_ref (self));
}

static void
on_agendas_written (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(IcWorkshopPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ic_agenda_write_file_finish (IC_AGENDA (source), result, &error))
    message = g_strdup (_("Agendas exported"));
  else
    message = g_strdup_printf (_("Cannot export the agendas: %s"), error->message);
  if (!self->disposed)
    toast (self, adw_toast_new (message));
}

static void
on_export_chosen (GtkNativeDialog *chooser,
                  int              response,
                  IcWorkshopPage  *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autoptr(IcAgenda) agenda = NULL;
  const char *format = "ics";

  if (response == GTK_RESPONSE_ACCEPT && file != NULL && self->workshop != NULL &&
      self->schedule != NULL)
    {
      /* The kind of file from its name: a calendar unless it says otherwise. */
      if (g_str_has_suffix (name, ".pdf"))
        format = "pdf";
      else if (g_str_has_suffix (name, ".csv"))
        format = "csv";
      agenda = ic_workshop_make_agenda (self->workshop, self->schedule);
      ic_agenda_write_file_async (agenda, format, file, NULL, on_agendas_written, g_object_ref (self));
    }
  g_object_unref (chooser);
}

/* Exports every meeting as a calendar (.ics) for the event, or the
 * agendas as .pdf or .csv, by the file's name. */
static void
export_agendas_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IcWorkshopPage *self = IC_WORKSHOP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;

  if (self->workshop == NULL || self->schedule == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Agendas"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  suggested = g_strdup_printf ("%s.ics", ic_event_get_name (self->workshop->event));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
facilitator_view_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  IcWorkshopPage *self = IC_WORKSHOP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *view = ic_facilitator_window_new (self->service);

  if (self->workshop != NULL)
    ic_facilitator_window_set_day (IC_FACILITATOR_WINDOW (view), self->workshop->event,
                                   (const char * const *) self->workshop->ids,
                                   (const char * const *) self->workshop->names,
                                   self->workshop->problem, self->schedule);

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (view), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (view), gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (view));
}

static void
ic_workshop_page_dispose (GObject *object)
{
  IcWorkshopPage *self = IC_WORKSHOP_PAGE (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->schedule_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_WORKSHOP_PAGE);

  G_OBJECT_CLASS (ic_workshop_page_parent_class)->dispose (object);
}

static void
ic_workshop_page_finalize (GObject *object)
{
  IcWorkshopPage *self = IC_WORKSHOP_PAGE (object);

  g_clear_object (&self->service);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->schedule_cancellable);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->workshop, ic_workshop_free);
  g_clear_pointer (&self->schedule, ic_schedule_unref);
  g_clear_pointer (&self->undo_schedule, ic_schedule_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);

  G_OBJECT_CLASS (ic_workshop_page_parent_class)->finalize (object);
}

static void
absent_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ic_workshop_page_ask_day_change (IC_WORKSHOP_PAGE (widget), FALSE);
}

static void
late_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ic_workshop_page_ask_day_change (IC_WORKSHOP_PAGE (widget), TRUE);
}

static void
walk_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ic_workshop_page_ask_walk_in (IC_WORKSHOP_PAGE (widget));
}

static void
swap_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ic_workshop_page_ask_swap (IC_WORKSHOP_PAGE (widget));
}

static void
ic_workshop_page_class_init (IcWorkshopPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_workshop_page_dispose;
  object_class->finalize = ic_workshop_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-workshop-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, events_list);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, failed_page);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, move_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, move_error_label);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, changes_revealer);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, changes_label);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, schedule_grid);
  gtk_widget_class_bind_template_child (widget_class, IcWorkshopPage, participants_list);
  gtk_widget_class_bind_template_callback (widget_class, on_event_selected);

  gtk_widget_class_install_action (widget_class, "workshop.new-event", NULL, new_event_activated);
  gtk_widget_class_install_action (widget_class, "workshop.edit-event", NULL, edit_event_activated);
  gtk_widget_class_install_action (widget_class, "workshop.schedule", NULL, schedule_activated);
  gtk_widget_class_install_action (widget_class, "workshop.schedule-afresh", NULL,
                                   schedule_afresh_activated);
  gtk_widget_class_install_action (widget_class, "workshop.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "workshop.undo-schedule", NULL,
                                   undo_schedule_activated);
  gtk_widget_class_install_action (widget_class, "workshop.dismiss-error", NULL,
                                   dismiss_error_activated);
  gtk_widget_class_install_action (widget_class, "workshop.print-agendas", NULL,
                                   print_agendas_activated);
  gtk_widget_class_install_action (widget_class, "workshop.facilitator-view", NULL,
                                   facilitator_view_activated);
  gtk_widget_class_install_action (widget_class, "workshop.export-agendas", NULL,
                                   export_agendas_activated);
  gtk_widget_class_install_action (widget_class, "workshop.absent", NULL, absent_activated);
  gtk_widget_class_install_action (widget_class, "workshop.late", NULL, late_activated);
  gtk_widget_class_install_action (widget_class, "workshop.walk-in", NULL, walk_in_activated);
  gtk_widget_class_install_action (widget_class, "workshop.swap", NULL, swap_activated);
}

static void
ic_workshop_page_init (IcWorkshopPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map), self);
}

GtkWidget *
ic_workshop_page_new (IcStoreService *service)
{
  IcWorkshopPage *self;

  g_return_val_if_fail (IC_IS_STORE_SERVICE (service), NULL);

  self = g_object_new (IC_TYPE_WORKSHOP_PAGE, NULL);
  self->service = g_object_ref (service);
  ic_workshop_page_reload (self);
  return GTK_WIDGET (self);
}

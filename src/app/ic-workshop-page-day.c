/* ic-workshop-page-day.c — the changes of the day on the Workshop page:
 * someone absent from a slot on, someone late, two meetings swapped;
 * the rest of the day is re-scheduled with the fewest changes to what
 * was announced, and the page says what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-participant-dialog.h"
#include "ic-window.h"
#include "ic-workshop-day.h"
#include "ic-workshop-page-private.h"

guint
ic_workshop_page_current_slot (IcWorkshopPage *self)
{
  IcEvent *event = self->workshop->event;
  GListModel *slots = G_LIST_MODEL (ic_event_get_slots (event));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  int minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
  guint n = g_list_model_get_n_items (slots);

  /* Before the day, everything is to come; after it, nothing is. */
  if (g_strcmp0 (today, ic_event_get_date (event)) < 0)
    return 0;
  if (g_strcmp0 (today, ic_event_get_date (event)) > 0)
    return n;
  for (guint s = 0; s < n; s++)
    {
      g_autoptr(IcEventSlot) slot = g_list_model_get_item (slots, s);

      if (ic_event_slot_get_start_minute (slot) + ic_event_slot_get_minutes (slot) > minute)
        return s;
    }
  return n;
}

void
ic_workshop_page_show_changes (IcWorkshopPage *self,
                               const char     *heading,
                               GPtrArray      *lines)
{
  g_autoptr(GString) text = g_string_new (heading);

  if (lines != NULL && lines->len == 0)
    g_string_append_printf (text, "\n%s", _("No announced meeting changes."));
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    g_string_append_printf (text, "\n%s", (const char *) g_ptr_array_index (lines, i));
  gtk_label_set_text (self->changes_label, text->str);
  gtk_revealer_set_reveal_child (self->changes_revealer, heading != NULL);
}

/* Shows @after as the schedule, saves it and says how it differs from
 * the one shown before. */
static void
take_schedule (IcWorkshopPage *self,
               IcSchedule     *after,
               const char     *heading)
{
  g_autoptr(GPtrArray) lines = NULL;

  ic_schedule_sort (after);
  if (self->schedule != NULL)
    lines = ic_workshop_day_describe_changes (self->workshop, self->schedule, after);
  ic_workshop_page_save_schedule (self, after, _("Cannot save the schedule"));
  g_clear_pointer (&self->schedule, ic_schedule_unref);
  self->schedule = ic_schedule_ref (after);
  ic_workshop_page_show_error (self, NULL);
  ic_workshop_page_show_schedule (self);
  ic_workshop_page_show_changes (self, heading, lines);
}

typedef struct
{
  IcWorkshopPage *page;
  char           *heading;
} DayRun;

static void
on_rescheduled (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DayRun *run = user_data;
  g_autoptr(IcWorkshopPage) self = run->page;
  g_autofree char *heading = run->heading;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcSchedule) after = ic_meeting_scheduler_solve_finish (result, &error);

  g_free (run);
  if (self->disposed || g_task_get_cancellable (G_TASK (result)) != self->schedule_cancellable)
    return;
  g_clear_object (&self->schedule_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  ic_workshop_page_update_actions (self);
  if (after == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot schedule the meetings: %s"), error->message);

      ic_workshop_page_show_error (self, message);
      return;
    }
  take_schedule (self, after, heading);
}

static void
on_event_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(IcWorkshopPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcEvent) written = ic_store_service_write_event_finish (IC_STORE_SERVICE (source), result,
                                                                    &error);

  if (written == NULL && !self->disposed)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot save the event: %s"), error->message);

      ic_window_toast_from (GTK_WIDGET (self), adw_toast_new (message));
    }
}

/* Marks @participant absent from @slot on (or, @late, there only from
 * it), saves the event and re-schedules what is left of the day. */
void
ic_workshop_page_apply_day_change (IcWorkshopPage *self,
                                   guint           participant,
                                   guint           slot,
                                   gboolean        late)
{
  IcWorkshop *workshop = self->workshop;
  g_autoptr(GError) error = NULL;
  guint n_slots = ic_event_get_n_slots (workshop->event);
  DayRun *run;

  g_return_if_fail (participant < workshop->n && slot < n_slots);
  if (self->schedule_cancellable != NULL)
    return;
  if (!ic_workshop_day_apply (workshop->event, late ? IC_WORKSHOP_LATE : IC_WORKSHOP_ABSENT,
                              workshop->ids[participant], slot, -1, &error))
    {
      ic_workshop_page_show_error (self, error->message);
      return;
    }
  for (guint s = 0; s < n_slots; s++)
    if (late ? s < slot : s >= slot)
      ic_schedule_problem_set_available (workshop->problem, participant, s, FALSE);
  ic_store_service_write_event_async (self->service, workshop->event, TRUE,
                                      ic_window_author_for (GTK_WIDGET (self)), NULL,
                                      on_event_written, g_object_ref (self));

  /* What has happened stays; late arrivals are known before their slot. */
  ic_schedule_problem_set_first_open_slot (workshop->problem,
                                           late ? MIN (slot, ic_workshop_page_current_slot (self))
                                                : slot);
  run = g_new0 (DayRun, 1);
  run->page = g_object_ref (self);
  run->heading = late
    ? g_strdup_printf (_("%s arrives for slot %u. The rest of the day was re-scheduled:"),
                       workshop->names[participant], slot + 1)
    : g_strdup_printf (_("%s is absent from slot %u on. The rest of the day was re-scheduled:"),
                       workshop->names[participant], slot + 1);
  self->schedule_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Scheduling…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  ic_workshop_page_update_actions (self);
  ic_meeting_scheduler_solve_async (workshop->problem, self->schedule, IC_MEETING_SCHEDULER_DEFAULT,
                                    NULL, NULL, self->schedule_cancellable, on_rescheduled, run);
}

gboolean
ic_workshop_page_apply_swap (IcWorkshopPage *self,
                             guint           a,
                             guint           b)
{
  const IcMeeting *x, *y;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcSchedule) swapped = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (self->schedule != NULL, FALSE);
  g_return_val_if_fail (a < ic_schedule_get_n_meetings (self->schedule) &&
                        b < ic_schedule_get_n_meetings (self->schedule), FALSE);

  x = ic_schedule_get_meeting (self->schedule, a);
  y = ic_schedule_get_meeting (self->schedule, b);
  swapped = ic_workshop_day_swap (self->workshop, self->schedule, x->slot, x->table, y->slot, y->table,
                                  &error);
  if (swapped == NULL)
    {
      ic_workshop_page_show_error (self, error->message);
      return FALSE;
    }
  heading = g_strdup (_("Two meetings swapped:"));
  take_schedule (self, swapped, heading);
  return TRUE;
}

/* The dialogs ------------------------------------------------------------ */

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  char **names = user_data;

  return g_utf8_collate (names[*(const guint *) a], names[*(const guint *) b]);
}

/* The participants in name order: @order gets their numbers. */
static GStrv
sorted_names (IcWorkshop *workshop,
              guint     **order)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  *order = g_new (guint, MAX (workshop->n, 1));
  for (guint p = 0; p < workshop->n; p++)
    (*order)[p] = p;
  if (workshop->n > 1)
    g_qsort_with_data (*order, workshop->n, sizeof (guint), compare_names, workshop->names);
  for (guint i = 0; i < workshop->n; i++)
    g_strv_builder_add (names, workshop->names[(*order)[i]]);
  return g_strv_builder_end (names);
}

GStrv
ic_workshop_page_slots_to_come (IcWorkshopPage *self,
                                guint          *first)
{
  g_autoptr(GStrvBuilder) slots = g_strv_builder_new ();
  guint n_slots = ic_event_get_n_slots (self->workshop->event);

  /* Only the slots still to come: what has happened stays.  (After the
   * day, every slot, for setting the record straight.) */
  *first = ic_workshop_page_current_slot (self);
  if (*first >= n_slots)
    *first = 0;
  for (guint s = *first; s < n_slots; s++)
    {
      g_autofree char *label = ic_workshop_page_slot_label (self, s);

      g_strv_builder_add (slots, label);
    }
  return g_strv_builder_end (slots);
}

static void
on_change_response (IcParticipantDialog *dialog,
                    const char          *response,
                    IcWorkshopPage      *self)
{
  guint *order = g_object_get_data (G_OBJECT (dialog), "order");
  guint first = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "first-slot"));
  int who = ic_participant_dialog_get_chosen (dialog, 0);
  int slot = ic_participant_dialog_get_chosen (dialog, 1);

  if (!g_str_equal (response, "apply") || self->workshop == NULL || who < 0 || slot < 0 ||
      (guint) who >= self->workshop->n)
    return;
  ic_workshop_page_apply_day_change (self, order[who], first + slot,
                                     g_object_get_data (G_OBJECT (dialog), "late") != NULL);
}

/* Asks who is absent (or late) and from which slot. */
void
ic_workshop_page_ask_day_change (IcWorkshopPage *self,
                                 gboolean        late)
{
  IcWorkshop *workshop = self->workshop;
  g_auto(GStrv) people = NULL;
  g_auto(GStrv) slots = NULL;
  guint *order;
  guint first;
  IcParticipantDialog *dialog;

  if (workshop == NULL || self->schedule_cancellable != NULL)
    return;
  people = sorted_names (workshop, &order);
  slots = ic_workshop_page_slots_to_come (self, &first);
  dialog = late
    ? ic_participant_dialog_new (GTK_WIDGET (self), _("Late Arrival"),
                                 _("Their meetings before that slot are cancelled, and the rest of "
                                   "the day is re-scheduled with as few changes as possible."),
                                 "apply", _("_Mark Late"))
    : ic_participant_dialog_new (GTK_WIDGET (self), _("Absent"),
                                 _("Their meetings from that slot on are cancelled, and the rest of "
                                   "the day is re-scheduled with as few changes as possible."),
                                 "apply", _("_Mark Absent"));
  /* Nobody is chosen for the user. */
  ic_participant_dialog_add_choice (dialog, _("Participant"), _("Choose a participant"),
                                    (const char * const *) people, 0);
  ic_participant_dialog_add_choice (dialog, late ? _("Arrives for") : _("Absent from"), NULL,
                                    (const char * const *) slots, 0);
  g_object_set_data (G_OBJECT (dialog), "first-slot", GUINT_TO_POINTER (first));
  g_object_set_data_full (G_OBJECT (dialog), "order", order, g_free);
  if (late)
    g_object_set_data (G_OBJECT (dialog), "late", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_change_response), self, 0);
  ic_participant_dialog_present (dialog);
}

static void
on_swap_response (IcParticipantDialog *dialog,
                  const char          *response,
                  IcWorkshopPage      *self)
{
  int a = ic_participant_dialog_get_chosen (dialog, 0);
  int b = ic_participant_dialog_get_chosen (dialog, 1);

  if (!g_str_equal (response, "swap") || self->schedule == NULL || a < 0 || b < 0 ||
      (guint) a >= ic_schedule_get_n_meetings (self->schedule) ||
      (guint) b >= ic_schedule_get_n_meetings (self->schedule))
    return;
  ic_workshop_page_apply_swap (self, a, b);
}

/* Asks which two meetings change times. */
void
ic_workshop_page_ask_swap (IcWorkshopPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) meetings = NULL;
  IcParticipantDialog *dialog;

  if (self->workshop == NULL || self->schedule == NULL || self->schedule_cancellable != NULL)
    return;
  for (guint i = 0; i < ic_schedule_get_n_meetings (self->schedule); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (self->schedule, i);
      g_autofree char *when = ic_workshop_page_slot_label (self, m->slot);
      /* Translators: "Slot 1, 09:00–09:10, table 2: Acme meets Widgets Ltd" */
      g_autofree char *label = g_strdup_printf (_("%s, table %u: %s meets %s"), when, m->table + 1,
                                                self->workshop->names[m->challenge_owner],
                                                self->workshop->names[m->capability_owner]);

      g_strv_builder_add (builder, label);
    }
  meetings = g_strv_builder_end (builder);
  dialog = ic_participant_dialog_new (GTK_WIDGET (self), _("Swap Meetings"),
                                      _("Each meeting takes the other’s time. Challenge owners keep "
                                        "their tables."),
                                      "swap", _("_Swap"));
  ic_participant_dialog_add_choice (dialog, _("First meeting"), _("Choose a meeting"),
                                    (const char * const *) meetings, 0);
  ic_participant_dialog_add_choice (dialog, _("Second meeting"), _("Choose a meeting"),
                                    (const char * const *) meetings, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_swap_response), self, 0);
  ic_participant_dialog_present (dialog);
}

/* ic-workshop-page-move.c — moving a meeting by hand, checked by the
 * same rules the scheduler keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-participant-dialog.h"
#include "ic-window.h"
#include "ic-workshop-page-private.h"

void
ic_workshop_page_show_error (IcWorkshopPage *self,
                             const char     *message)
{
  gtk_label_set_text (self->move_error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->move_error_revealer, message != NULL);
}

static void
toast (IcWorkshopPage *self,
       const char     *message)
{
  ic_window_toast_from (GTK_WIDGET (self), adw_toast_new (message));
}

gboolean
ic_workshop_page_apply_move (IcWorkshopPage *self,
                             guint           index,
                             guint           slot,
                             guint           table)
{
  g_autoptr(IcSchedule) moved = ic_schedule_new ();
  g_autoptr(GError) error = NULL;
  const IcMeeting *old;
  IcMeeting meeting;
  const char *a, *b;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (self->schedule != NULL && index < ic_schedule_get_n_meetings (self->schedule), FALSE);

  old = ic_schedule_get_meeting (self->schedule, index);
  meeting = *old;
  a = self->workshop->names[meeting.challenge_owner];
  b = self->workshop->names[meeting.capability_owner];
  if (meeting.slot == slot && meeting.table == table)
    return TRUE;
  meeting.slot = slot;
  meeting.table = table;
  for (guint i = 0; i < ic_schedule_get_n_meetings (self->schedule); i++)
    ic_schedule_add_meeting (moved, i == index ? &meeting : ic_schedule_get_meeting (self->schedule, i));
  ic_schedule_sort (moved);

  when = ic_workshop_page_slot_label (self, slot);
  if (!ic_schedule_check (moved, self->workshop->problem, &error))
    {
      g_autoptr(GPtrArray) clashes = NULL;
      g_autofree char *all = NULL;

      /* Every clash of the moved meeting, by name; the first rule broken
       * elsewhere if it has none. */
      for (guint i = 0; i < ic_schedule_get_n_meetings (moved); i++)
        {
          const IcMeeting *m = ic_schedule_get_meeting (moved, i);

          if (m->slot == slot && m->table == table && m->challenge_owner == meeting.challenge_owner &&
              m->capability_owner == meeting.capability_owner)
            clashes = ic_schedule_list_clashes (moved, self->workshop->problem, i,
                                                (const char * const *) self->workshop->names);
        }
      if (clashes != NULL && clashes->len > 0)
        {
          g_ptr_array_add (clashes, NULL);
          all = g_strjoinv ("; ", (char **) clashes->pdata);
        }
      /* Translators: "Cannot move the meeting of A and B to Slot 2, 09:20–09:40,
       * table 3: <every rule it breaks>" */
      message = g_strdup_printf (_("Cannot move the meeting of %s and %s to %s, table %u: %s"),
                                 a, b, when, table + 1, all != NULL ? all : error->message);
      ic_workshop_page_show_error (self, message);
      return FALSE;
    }
  ic_workshop_page_save_schedule (self, moved, _("Cannot save the moved meeting"));

  ic_workshop_page_show_error (self, NULL);
  g_clear_pointer (&self->schedule, ic_schedule_unref);
  self->schedule = g_steal_pointer (&moved);
  ic_workshop_page_show_schedule (self);
  message = g_strdup_printf (_("Moved the meeting of %s and %s to %s, table %u"), a, b, when, table + 1);
  toast (self, message);
  return TRUE;
}

static void
on_move_response (IcParticipantDialog *dialog,
                  const char          *response,
                  IcWorkshopPage      *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));
  int slot = ic_participant_dialog_get_chosen (dialog, 0);
  int table = ic_participant_dialog_get_chosen (dialog, 1);

  if (g_str_equal (response, "move") && self->schedule != NULL && slot >= 0 && table >= 0 &&
      index < ic_schedule_get_n_meetings (self->schedule))
    ic_workshop_page_apply_move (self, index, slot, table);
}

/* Asks where meeting @index goes, in a dialog with a drop-down for the
 * slot and one for the table (both work from the keyboard). */
void
ic_workshop_page_move_meeting (IcWorkshopPage *self,
                               guint           index)
{
  const IcMeeting *meeting;
  g_autoptr(GStrvBuilder) slots = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) tables = g_strv_builder_new ();
  g_auto(GStrv) slot_labels = NULL;
  g_auto(GStrv) table_labels = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  IcParticipantDialog *dialog;

  if (self->schedule == NULL || index >= ic_schedule_get_n_meetings (self->schedule))
    return;
  if (self->schedule_cancellable != NULL)
    {
      ic_workshop_page_show_error (self, _("Meetings cannot be moved while the scheduler runs: "
                                           "wait for it, or cancel it."));
      return;
    }
  meeting = ic_schedule_get_meeting (self->schedule, index);
  when = ic_workshop_page_slot_label (self, meeting->slot);
  body = g_strdup_printf (_("%s meets %s in %s at table %u. Choose where the meeting goes instead."),
                          self->workshop->names[meeting->challenge_owner],
                          self->workshop->names[meeting->capability_owner], when, meeting->table + 1);

  for (guint s = 0; s < ic_event_get_n_slots (self->workshop->event); s++)
    {
      g_autofree char *label = ic_workshop_page_slot_label (self, s);

      g_strv_builder_add (slots, label);
    }
  for (int t = 0; t < ic_event_get_tables (self->workshop->event); t++)
    {
      g_autofree char *label = g_strdup_printf (_("Table %d"), t + 1);

      g_strv_builder_add (tables, label);
    }
  slot_labels = g_strv_builder_end (slots);
  table_labels = g_strv_builder_end (tables);

  dialog = ic_participant_dialog_new (GTK_WIDGET (self), _("Move Meeting"), body, "move", _("_Move"));
  ic_participant_dialog_add_choice (dialog, _("Slot"), NULL, (const char * const *) slot_labels,
                                    meeting->slot);
  ic_participant_dialog_add_choice (dialog, _("Table"), NULL, (const char * const *) table_labels,
                                    meeting->table);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_move_response), self, 0);
  ic_participant_dialog_present (dialog);
}

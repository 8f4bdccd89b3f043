/* ic-workshop-page-move.c — moving a meeting by hand, checked by the
 * same rules the scheduler keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

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
on_move_response (AdwMessageDialog *dialog,
                  const char       *response,
                  IcWorkshopPage   *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));
  GtkDropDown *slot = g_object_get_data (G_OBJECT (dialog), "slot");
  GtkDropDown *table = g_object_get_data (G_OBJECT (dialog), "table");

  if (g_str_equal (response, "move") && self->schedule != NULL &&
      index < ic_schedule_get_n_meetings (self->schedule))
    ic_workshop_page_apply_move (self, index, gtk_drop_down_get_selected (slot),
                                 gtk_drop_down_get_selected (table));
}

/* @items stays the caller's: gtk_drop_down_new() takes a reference of its own. */
static GtkWidget *
dropdown_new (GtkStringList *items,
              guint          selected,
              const char    *label)
{
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (items)), NULL);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return dropdown;
}

/* Asks where meeting @index goes, in a dialog with a drop-down for the
 * slot and one for the table (both work from the keyboard). */
void
ic_workshop_page_move_meeting (IcWorkshopPage *self,
                               guint           index)
{
  const IcMeeting *meeting;
  g_autoptr(GtkStringList) slots = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tables = gtk_string_list_new (NULL);
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *box, *slot, *table;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

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

      gtk_string_list_append (slots, label);
    }
  for (int t = 0; t < ic_event_get_tables (self->workshop->event); t++)
    {
      g_autofree char *label = g_strdup_printf (_("Table %d"), t + 1);

      gtk_string_list_append (tables, label);
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Move Meeting"), body);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Move Meeting"));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  slot = dropdown_new (slots, meeting->slot, _("Slot"));
  table = dropdown_new (tables, meeting->table, _("Table"));
  gtk_box_append (GTK_BOX (box), slot);
  gtk_box_append (GTK_BOX (box), table);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (dialog), "slot", slot);
  g_object_set_data (G_OBJECT (dialog), "table", table);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_move_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (slot);
}

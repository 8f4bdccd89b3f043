/* ic-workshop-page-walk-in.c — a walk-in on the Workshop page: an
 * organisation chosen (or a new one named) joins the event from a slot
 * on, the rest of the day is re-scheduled keeping the most announced
 * meetings, and the page says what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-participant-dialog.h"
#include "ic-window.h"
#include "ic-workshop-day.h"
#include "ic-workshop-page-private.h"
#include "ic-workshop-walk-in-job.h"

typedef struct
{
  IcWorkshopPage *page;
  char           *name;       /* of the walk-in, for the heading */
  guint           slot;
} WalkIn;

static void
walk_in_free (WalkIn *walk_in)
{
  g_clear_object (&walk_in->page);
  g_free (walk_in->name);
  g_free (walk_in);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WalkIn, walk_in_free)

static void
on_walked_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(WalkIn) walk_in = user_data;
  IcWorkshopPage *self = walk_in->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcSchedule) before = NULL;
  g_autoptr(IcSchedule) after = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *heading = NULL;
  IcWorkshop *workshop = ic_workshop_walk_in_job_finish (result, &before, &after, &error);

  if (self->disposed || g_task_get_cancellable (G_TASK (result)) != self->schedule_cancellable)
    {
      g_clear_pointer (&workshop, ic_workshop_free);
      return;
    }
  g_clear_object (&self->schedule_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  if (workshop == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot add the walk-in: %s"), error->message);

      ic_workshop_page_show_error (self, message);
      ic_workshop_page_update_actions (self);
      return;
    }
  /* The event now has one more participant: the page takes the
   * workshop as the job loaded it. */
  g_clear_pointer (&self->workshop, ic_workshop_free);
  self->workshop = workshop;
  ic_schedule_sort (after);
  if (before != NULL)
    lines = ic_workshop_day_describe_changes (workshop, before, after);
  g_clear_pointer (&self->schedule, ic_schedule_unref);
  g_clear_pointer (&self->undo_schedule, ic_schedule_unref);
  self->schedule = g_steal_pointer (&after);
  heading = g_strdup_printf (_("%s walks in for slot %u. The rest of the day was re-scheduled:"),
                             workshop->names[workshop->n - 1], walk_in->slot + 1);
  ic_workshop_page_show_error (self, NULL);
  ic_workshop_page_show_schedule (self);
  ic_workshop_page_show_changes (self, heading, lines);
  ic_workshop_page_update_actions (self);
}

static void
on_walk_in_response (IcParticipantDialog *dialog,
                     const char          *response,
                     IcWorkshopPage      *self)
{
  GPtrArray *candidates = g_object_get_data (G_OBJECT (dialog), "candidates");
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  guint first = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "first-slot"));
  int who = ic_participant_dialog_get_chosen (dialog, 0);
  int slot = ic_participant_dialog_get_chosen (dialog, 1);
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  const char *organisation_id = NULL;
  WalkIn *walk_in;

  if (!g_str_equal (response, "apply") || self->workshop == NULL || slot < 0 ||
      self->schedule_cancellable != NULL)
    return;
  if (who >= 0 && (guint) who < candidates->len)
    organisation_id = ic_record_get_id (g_ptr_array_index (candidates, who));
  else if (*typed == '\0')
    return;

  walk_in = g_new0 (WalkIn, 1);
  walk_in->page = g_object_ref (self);
  walk_in->slot = first + slot;
  self->schedule_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Scheduling…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  ic_workshop_page_update_actions (self);
  /* What has happened stays; the walk-in is known before their slot. */
  ic_workshop_walk_in_job_async (self->service, ic_record_get_id (IC_RECORD (self->workshop->event)),
                                 organisation_id, organisation_id == NULL ? typed : NULL,
                                 walk_in->slot, MIN (walk_in->slot, ic_workshop_page_current_slot (self)),
                                 ic_window_author_for (GTK_WIDGET (self)), self->schedule_cancellable,
                                 on_walked_in, walk_in);
}

/* Ready with a slot and either an organisation or a new one's name. */
static gboolean
walk_in_ready (IcParticipantDialog *dialog,
               gpointer             user_data)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  g_autofree char *typed = g_strstrip (g_strdup (name != NULL ? gtk_editable_get_text (name) : ""));

  return ic_participant_dialog_get_chosen (dialog, 0) >= 0 || typed[0] != '\0';
}

static void
on_name_changed (GtkEditable         *name,
                 IcParticipantDialog *dialog)
{
  ic_participant_dialog_update_ready (dialog);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IcWorkshopPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organisations = ic_workshop_walk_in_list_organisations_finish (result, &error);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) taking_part = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) slots = NULL;
  IcParticipantDialog *dialog;
  GtkWidget *entry;
  guint first;

  if (self->disposed || self->workshop == NULL)
    return;
  if (organisations == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot list the organisations: %s"), error->message);

      ic_workshop_page_show_error (self, message);
      return;
    }
  /* Only those not taking part already. */
  for (guint p = 0; p < self->workshop->n; p++)
    g_hash_table_add (taking_part, self->workshop->ids[p]);
  candidates = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < organisations->len; i++)
    {
      IcRecord *organisation = g_ptr_array_index (organisations, i);

      if (g_hash_table_contains (taking_part, ic_record_get_id (organisation)))
        continue;
      g_ptr_array_add (candidates, g_object_ref (organisation));
      g_strv_builder_add (builder, ic_record_get_title (organisation));
    }
  names = g_strv_builder_end (builder);
  slots = ic_workshop_page_slots_to_come (self, &first);

  dialog = ic_participant_dialog_new (GTK_WIDGET (self), _("Walk-in"),
                                      _("They take part from that slot on. The rest of the day is "
                                        "re-scheduled keeping as many announced meetings as possible."),
                                      "apply", _("_Add Walk-in"));
  /* Nobody is chosen for the user. */
  ic_participant_dialog_add_choice (dialog, _("Organisation"), _("Choose an organisation"),
                                    (const char * const *) names, 0);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Or the name of a new organisation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New organisation"), -1);
  ic_participant_dialog_add_widget (dialog, entry);
  ic_participant_dialog_add_choice (dialog, _("Arrives for"), NULL, (const char * const *) slots, 0);
  g_object_set_data (G_OBJECT (dialog), "name", entry);
  g_object_set_data (G_OBJECT (dialog), "first-slot", GUINT_TO_POINTER (first));
  g_object_set_data_full (G_OBJECT (dialog), "candidates", g_steal_pointer (&candidates),
                          (GDestroyNotify) g_ptr_array_unref);
  ic_participant_dialog_set_ready_func (dialog, walk_in_ready, NULL);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_name_changed), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_walk_in_response), self, 0);
  ic_participant_dialog_present (dialog);
}

/* Asks who walks in and from which slot. */
void
ic_workshop_page_ask_walk_in (IcWorkshopPage *self)
{
  if (self->workshop == NULL || self->schedule_cancellable != NULL)
    return;
  ic_workshop_walk_in_list_organisations_async (self->service, NULL, on_listed, g_object_ref (self));
}

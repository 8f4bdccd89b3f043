/* ic-event-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form keeps no IcEvent of its own while it is open: the rows are
 * the state, and Save builds the event from them, so that what the
 * store validates is exactly what is on screen.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ic-app-format.h"
#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-event-add-from.h"
#include "ic-event-csv.h"
#include "ic-event-editor.h"
#include "ic-model-error.h"
#include "ic-organisation.h"
#include "ic-participant-dialog.h"

#define MAX_ORGANISATIONS 5000
#define DEFAULT_MINUTES   20

typedef enum
{
  LIST_SLOTS,
  LIST_PARTICIPANTS,
  LIST_REQUESTS,
  LIST_FORBIDDEN,
  N_LISTS
} ListKind;

struct _IcEventEditor
{
  AdwWindow            parent_instance;

  IcStoreService      *service;
  gboolean             saving;
  IcEvent             *original;       /* NULL for a new event */
  char                *author;
  GPtrArray           *organisations;  /* IcOrganisation, by name, as in the drop-downs */
  GHashTable          *names;          /* organisation id → name */
  GHashTable          *owners;         /* ids of organisations with an open challenge */
  GPtrArray           *challenges;     /* IcChallenge, for adding their owners */
  GPtrArray           *shortlists;     /* IcShortlist, for adding their SMEs */
  GHashTable          *capability_owners; /* capability id → organisation id */
  GPtrArray           *rows[N_LISTS];  /* AdwActionRow, in order */

  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwEntryRow         *name_row;
  AdwEntryRow         *date_row;
  GtkSpinButton       *tables_spin;
  AdwPreferencesGroup *slots_group;
  AdwPreferencesGroup *participants_group;
  AdwPreferencesGroup *requests_group;
  AdwPreferencesGroup *forbidden_group;
  GtkDropDown         *organisation_dropdown;
  GtkDropDown         *request_from_dropdown;
  GtkDropDown         *request_to_dropdown;
  GtkDropDown         *forbidden_a_dropdown;
  GtkDropDown         *forbidden_b_dropdown;
};

G_DEFINE_FINAL_TYPE (IcEventEditor, ic_event_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
organisation_name (IcEventEditor *self,
                   const char    *id)
{
  const char *name = g_hash_table_lookup (self->names, id);

  return name != NULL ? name : id;
}

static AdwPreferencesGroup *
group_for (IcEventEditor *self,
           ListKind       list)
{
  AdwPreferencesGroup *groups[N_LISTS] = {
    self->slots_group, self->participants_group, self->requests_group, self->forbidden_group
  };

  return groups[list];
}

static void
show_error (IcEventEditor *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void sync_all_slot_buttons (IcEventEditor *self);

static void
on_remove_clicked (GtkButton *button,
                   gpointer   user_data)
{
  IcEventEditor *self = IC_EVENT_EDITOR (gtk_widget_get_root (GTK_WIDGET (button)));
  GtkWidget *row = user_data;
  ListKind list = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "list"));

  g_ptr_array_remove (self->rows[list], row);
  adw_preferences_group_remove (group_for (self, list), row);

  /* Slots are named by their number, which the others' numbers follow. */
  for (guint i = 0; list == LIST_SLOTS && i < self->rows[list]->len; i++)
    {
      GtkWidget *slot_row = g_ptr_array_index (self->rows[list], i);
      g_autofree char *title = g_strdup_printf (_("Slot %u"), i + 1);
      g_autofree char *start = g_strdup_printf (_("Start of slot %u"), i + 1);
      g_autofree char *minutes = g_strdup_printf (_("Minutes of slot %u"), i + 1);
      g_autofree char *remove = g_strdup_printf (_("Remove slot %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (slot_row), title);
      gtk_accessible_update_property (g_object_get_data (G_OBJECT (slot_row), "start"),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, start, -1);
      gtk_accessible_update_property (g_object_get_data (G_OBJECT (slot_row), "minutes"),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, minutes, -1);
      gtk_accessible_update_property (g_object_get_data (G_OBJECT (slot_row), "remove"),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
    }
  if (list == LIST_SLOTS)
    sync_all_slot_buttons (self);
}

/* A row in @list titled @title, with a button to remove it. */
static GtkWidget *
list_row_new (IcEventEditor *self,
              ListKind       list,
              const char    *title,
              const char    *remove_label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* Organisation names are plain text: "Forge & Ring" is not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "list", GUINT_TO_POINTER (list));
  g_object_set_data (G_OBJECT (row), "remove", remove);

  g_ptr_array_add (self->rows[list], row);
  adw_preferences_group_add (group_for (self, list), row);
  return row;
}

/* The remove button, added with the row, goes after what came since. */
static void
move_remove_last (GtkWidget *row)
{
  GtkWidget *remove = g_object_get_data (G_OBJECT (row), "remove");

  gtk_widget_insert_before (remove, gtk_widget_get_parent (remove), NULL);
}

static GtkWidget *
spin_new (double      lower,
          double      upper,
          double      value,
          const char *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return spin;
}

static void
add_slot_row (IcEventEditor *self,
              const char    *start,
              int            minutes)
{
  guint number = self->rows[LIST_SLOTS]->len + 1;
  g_autofree char *title = g_strdup_printf (_("Slot %u"), number);
  g_autofree char *remove = g_strdup_printf (_("Remove slot %u"), number);
  g_autofree char *start_label = g_strdup_printf (_("Start of slot %u"), number);
  g_autofree char *minutes_label = g_strdup_printf (_("Minutes of slot %u"), number);
  GtkWidget *row = list_row_new (self, LIST_SLOTS, title, remove);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *spin = spin_new (1, 24 * 60, minutes, minutes_label);
  GtkWidget *unit = gtk_label_new (_("min"));

  gtk_editable_set_text (GTK_EDITABLE (entry), start);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "09:00");
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  start_label, -1);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 6);
  gtk_widget_add_css_class (unit, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  move_remove_last (row);
  g_object_set_data (G_OBJECT (row), "start", entry);
  g_object_set_data (G_OBJECT (row), "minutes", spin);
}

/* "1-3, 5" for slots 0, 1, 2 and 4; empty when every slot. */
static char *
format_available (IcEventParticipant *participant)
{
  gsize n = 0;
  const guint32 *slots = ic_event_participant_get_available (participant, &n);
  GString *text = g_string_new (NULL);

  for (gsize i = 0; slots != NULL && i < n; i++)
    {
      gsize j = i;

      while (j + 1 < n && slots[j + 1] == slots[j] + 1)
        j++;
      if (text->len > 0)
        g_string_append (text, ", ");
      if (j > i)
        g_string_append_printf (text, "%u-%u", slots[i] + 1, slots[j] + 1);
      else
        g_string_append_printf (text, "%u", slots[i] + 1);
      i = j;
    }
  if (slots != NULL && n == 0)
    g_string_append (text, _("none"));
  return g_string_free (text, FALSE);
}

static gboolean parse_available (const char  *text,
                                 guint        n_slots,
                                 GArray      *slots,
                                 char       **message);

/* "1-3, 5" for the slots on in @on (@n of them); empty when all are. */
static char *
format_slots (const gboolean *on,
              guint           n)
{
  GString *text = g_string_new (NULL);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    count += on[i];
  if (count == n)
    return g_string_free (text, FALSE);
  for (guint i = 0; i < n; i++)
    {
      guint j = i;

      if (!on[i])
        continue;
      while (j + 1 < n && on[j + 1])
        j++;
      if (text->len > 0)
        g_string_append (text, ", ");
      if (j > i)
        g_string_append_printf (text, "%u-%u", i + 1, j + 1);
      else
        g_string_append_printf (text, "%u", i + 1);
      i = j;
    }
  return g_string_free (text, FALSE);
}

/* A slot button was clicked: the slot numbers follow. */
static void
on_slot_toggled (GtkToggleButton *toggle,
                 GtkWidget       *row)
{
  GtkWidget *box = g_object_get_data (G_OBJECT (row), "toggles");
  g_autoptr(GArray) on = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autofree char *text = NULL;

  if (g_object_get_data (G_OBJECT (row), "syncing") != NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child));

      g_array_append_val (on, active);
    }
  text = format_slots ((const gboolean *) on->data, on->len);
  g_object_set_data (G_OBJECT (row), "syncing", GINT_TO_POINTER (TRUE));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "available"), text);
  g_object_set_data (G_OBJECT (row), "syncing", NULL);
}

/* Builds @row's slot buttons from its slot numbers and the slots there
 * are now: a grid of the day a person clicks. */
static void
sync_slot_buttons (IcEventEditor *self,
                   GtkWidget     *row)
{
  GtkWidget *box = g_object_get_data (G_OBJECT (row), "toggles");
  const char *text = gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "available"));
  const char *name = organisation_name (self, g_object_get_data (G_OBJECT (row), "organisation-id"));
  guint n = self->rows[LIST_SLOTS]->len;
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree gboolean *on = g_new0 (gboolean, MAX (n, 1));
  g_autofree char *problem = NULL;
  GtkWidget *child;

  if (text[0] == '\0')
    for (guint i = 0; i < n; i++)
      on[i] = TRUE;
  else if (parse_available (text, n, slots, &problem))
    for (guint i = 0; i < slots->len; i++)
      on[g_array_index (slots, guint32, i)] = TRUE;

  g_object_set_data (G_OBJECT (row), "syncing", GINT_TO_POINTER (TRUE));
  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      /* Translators: "Slot 2 for Acme Ltd", a button that says whether it can meet then */
      g_autofree char *label = g_strdup_printf (_("Slot %u for %s"), i + 1, name);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (number);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), on[i]);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_slot_toggled), row, 0);
      gtk_box_append (GTK_BOX (box), toggle);
    }
  g_object_set_data (G_OBJECT (row), "syncing", NULL);
}

static void
on_available_changed (GtkEditable *entry,
                      GtkWidget   *row)
{
  IcEventEditor *self = IC_EVENT_EDITOR (gtk_widget_get_root (row));

  if (self != NULL && g_object_get_data (G_OBJECT (row), "syncing") == NULL)
    sync_slot_buttons (self, row);
}

/* Every participant's slot buttons follow the slots there are. */
static void
sync_all_slot_buttons (IcEventEditor *self)
{
  for (guint i = 0; i < self->rows[LIST_PARTICIPANTS]->len; i++)
    sync_slot_buttons (self, g_ptr_array_index (self->rows[LIST_PARTICIPANTS], i));
}

static void
add_participant_row (IcEventEditor      *self,
                     IcEventParticipant *participant)
{
  const char *id = ic_event_participant_get_organisation_id (participant);
  const char *name = organisation_name (self, id);
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), name);
  g_autofree char *available_label = g_strdup_printf (_("Available slots of %s"), name);
  g_autofree char *max_label = g_strdup_printf (_("Most meetings of %s"), name);
  g_autofree char *available = format_available (participant);
  int max = ic_event_participant_get_max_meetings (participant);
  GtkWidget *row = list_row_new (self, LIST_PARTICIPANTS, name, remove);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *spin = spin_new (0, IC_EVENT_MAX_SLOTS, MAX (max, 0), max_label);

  gtk_editable_set_text (GTK_EDITABLE (entry), available);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("All slots"));
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (entry, _("Slot numbers, such as “1-3, 5”; empty for all"));
  gtk_widget_set_tooltip_text (spin, _("The most meetings it wants; 0 for no limit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  available_label, -1);
  {
    GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_add_css_class (toggles, "linked");
    gtk_widget_set_valign (toggles, GTK_ALIGN_CENTER);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggles);
    g_object_set_data (G_OBJECT (row), "toggles", toggles);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  move_remove_last (row);
  g_object_set_data_full (G_OBJECT (row), "organisation-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "available", entry);
  g_object_set_data (G_OBJECT (row), "max", spin);
  sync_slot_buttons (self, row);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_available_changed), row, 0);
}

static void
add_pair_row (IcEventEditor *self,
              ListKind       list,
              const char    *first,
              const char    *second)
{
  const char *a = organisation_name (self, first);
  const char *b = organisation_name (self, second);
  g_autofree char *title = list == LIST_REQUESTS
    ? g_strdup_printf (_("%s asks to meet %s"), a, b)
    : g_strdup_printf (_("%s and %s"), a, b);
  g_autofree char *remove = list == LIST_REQUESTS
    ? g_strdup_printf (_("Remove the request from %s to meet %s"), a, b)
    : g_strdup_printf (_("Remove the pair %s and %s"), a, b);
  GtkWidget *row = list_row_new (self, list, title, remove);

  g_object_set_data_full (G_OBJECT (row), "first", g_strdup (first), g_free);
  g_object_set_data_full (G_OBJECT (row), "second", g_strdup (second), g_free);
}

static IcOrganisation *
dropdown_organisation (IcEventEditor *self,
                       GtkDropDown   *dropdown)
{
  int chosen = ic_participant_dialog_drop_down_chosen (dropdown);

  /* Item 0 is "Choose an organisation". */
  if (chosen < 0 || (guint) chosen >= self->organisations->len)
    return NULL;
  return g_ptr_array_index (self->organisations, chosen);
}

static void
add_slot_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IcEventEditor *self = IC_EVENT_EDITOR (widget);
  guint n = self->rows[LIST_SLOTS]->len;
  g_autofree char *start = g_strdup ("09:00");
  int minutes = DEFAULT_MINUTES;

  /* The next slot starts when the last ends, and is as long. */
  if (n > 0)
    {
      GtkWidget *last = g_ptr_array_index (self->rows[LIST_SLOTS], n - 1);
      const char *text = gtk_editable_get_text (g_object_get_data (G_OBJECT (last), "start"));
      g_autoptr(IcEventSlot) slot = NULL;
      g_autofree char *end = NULL;

      minutes = gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (last), "minutes"));
      slot = ic_event_slot_new (text, minutes);
      end = ic_event_slot_format_end (slot);
      if (end != NULL)
        {
          g_free (start);
          start = g_steal_pointer (&end);
        }
    }
  add_slot_row (self, start, minutes);
  sync_all_slot_buttons (self);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (g_ptr_array_index (self->rows[LIST_SLOTS], n)),
                                            "start"));
}

static gboolean
has_participant (IcEventEditor *self,
                 const char    *id)
{
  for (guint i = 0; i < self->rows[LIST_PARTICIPANTS]->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->rows[LIST_PARTICIPANTS], i),
                                      "organisation-id"), id) == 0)
      return TRUE;
  return FALSE;
}

static void
add_participant_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  IcEventEditor *self = IC_EVENT_EDITOR (widget);
  IcOrganisation *organisation = dropdown_organisation (self, self->organisation_dropdown);
  const char *id;
  g_autoptr(IcEventParticipant) participant = NULL;

  if (organisation == NULL)
    {
      show_error (self, _("Choose an organisation to add first."));
      return;
    }
  id = ic_record_get_id (IC_RECORD (organisation));
  if (has_participant (self, id))
    {
      g_autofree char *message = g_strdup_printf (_("%s takes part already"),
                                                  ic_record_get_title (IC_RECORD (organisation)));
      show_error (self, message);
      return;
    }
  participant = ic_event_participant_new (id);
  add_participant_row (self, participant);
  show_error (self, NULL);
}

/* Adds, in name order, every organisation with a challenge (@owners)
 * or every SME without one, that does not take part yet. */
static void
add_many (IcEventEditor *self,
          gboolean       owners)
{
  guint added = 0;
  g_autofree char *message = NULL;

  for (guint i = 0; i < self->organisations->len; i++)
    {
      IcOrganisation *organisation = g_ptr_array_index (self->organisations, i);
      const char *id = ic_record_get_id (IC_RECORD (organisation));
      gboolean owner = self->owners != NULL && g_hash_table_contains (self->owners, id);
      g_autoptr(IcEventParticipant) participant = NULL;

      if (owner != owners || has_participant (self, id) ||
          (!owners && ic_organisation_get_kind (organisation) != IC_ORGANISATION_KIND_SME))
        continue;
      participant = ic_event_participant_new (id);
      add_participant_row (self, participant);
      added++;
    }
  message = owners
    ? g_strdup_printf (ngettext ("Added %u challenge owner", "Added %u challenge owners", added), added)
    : g_strdup_printf (ngettext ("Added %u SME", "Added %u SMEs", added), added);
  show_error (self, added > 0 ? NULL : message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->organisation_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
add_owners_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  add_many (IC_EVENT_EDITOR (widget), TRUE);
}

static void
add_smes_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  add_many (IC_EVENT_EDITOR (widget), FALSE);
}

/* Adds @participants (as the person confirmed them in a dialog of
 * ic-event-add-from.c) that do not take part yet, and says how many. */
static void
on_add_from (GtkWidget  *editor,
             GPtrArray  *participants,
             const char *message)
{
  IcEventEditor *self = IC_EVENT_EDITOR (editor);
  g_autofree char *added_message = NULL;
  guint added = 0, already = 0;

  if (participants == NULL || participants->len == 0)
    {
      show_error (self, message);
      return;
    }
  for (guint i = 0; i < participants->len; i++)
    {
      IcEventParticipant *participant = g_ptr_array_index (participants, i);
      const char *id = ic_event_participant_get_organisation_id (participant);

      if (has_participant (self, id))
        already++;
      else if (g_hash_table_contains (self->names, id))
        {
          add_participant_row (self, participant);
          added++;
        }
    }
  added_message = already > 0
    ? g_strdup_printf (ngettext ("Added %u participant; %u took part already",
                                 "Added %u participants; %u took part already", added), added, already)
    : g_strdup_printf (ngettext ("Added %u participant", "Added %u participants", added), added);
  show_error (self, added > 0 ? NULL : added_message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->organisation_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, added_message, -1);
}

static void
add_from_challenges_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  IcEventEditor *self = IC_EVENT_EDITOR (widget);

  ic_event_add_from_challenges (widget, self->challenges, self->names, on_add_from);
}

static void
add_from_shortlist_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  IcEventEditor *self = IC_EVENT_EDITOR (widget);

  ic_event_add_from_shortlist (widget, self->shortlists, self->capability_owners, on_add_from);
}

static void
add_from_csv_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcEventEditor *self = IC_EVENT_EDITOR (widget);

  ic_event_add_from_csv (widget, self->rows[LIST_SLOTS]->len, self->organisations, on_add_from);
}

static void
add_pair (IcEventEditor *self,
          ListKind       list,
          GtkDropDown   *first,
          GtkDropDown   *second)
{
  IcOrganisation *a = dropdown_organisation (self, first);
  IcOrganisation *b = dropdown_organisation (self, second);

  if (a == NULL || b == NULL)
    {
      show_error (self, _("Choose both organisations first."));
      return;
    }
  if (a == b)
    {
      show_error (self, _("An organisation cannot meet itself: choose two different ones."));
      return;
    }
  add_pair_row (self, list, ic_record_get_id (IC_RECORD (a)), ic_record_get_id (IC_RECORD (b)));
  show_error (self, NULL);
}

static void
add_request_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IcEventEditor *self = IC_EVENT_EDITOR (widget);

  add_pair (self, LIST_REQUESTS, self->request_from_dropdown, self->request_to_dropdown);
}

static void
add_forbidden_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IcEventEditor *self = IC_EVENT_EDITOR (widget);

  add_pair (self, LIST_FORBIDDEN, self->forbidden_a_dropdown, self->forbidden_b_dropdown);
}

/* Parses "1-3, 5" (slot numbers from 1) into slot indexes; FALSE with
 * a message naming the piece it cannot read. */
static gboolean
parse_available (const char  *text,
                 guint        n_slots,
                 GArray      *slots,
                 char       **message)
{
  return ic_event_csv_parse_slots (text, n_slots, slots, message);
}

static void
fill_pairs (IcEventEditor *self,
            ListKind       list,
            GListStore    *pairs)
{
  for (guint i = 0; i < self->rows[list]->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows[list], i);
      g_autoptr(IcEventPair) pair = ic_event_pair_new (g_object_get_data (row, "first"),
                                                       g_object_get_data (row, "second"));

      g_list_store_append (pairs, pair);
    }
}

/* The event on screen, or NULL with @message saying what cannot be read. */
static IcEvent *
build_event (IcEventEditor  *self,
             char          **message)
{
  g_autoptr(IcEvent) event = ic_event_new ();
  g_autofree char *name = NULL;
  guint n_slots = self->rows[LIST_SLOTS]->len;

  if (self->original != NULL)
    {
      ic_record_set_id (IC_RECORD (event), ic_record_get_id (IC_RECORD (self->original)));
      ic_record_set_visibility (IC_RECORD (event), ic_record_get_visibility (IC_RECORD (self->original)));
    }
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  ic_event_set_name (event, name);
  ic_event_set_date (event, gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  gtk_spin_button_update (self->tables_spin);
  ic_event_set_tables (event, gtk_spin_button_get_value_as_int (self->tables_spin));

  for (guint i = 0; i < n_slots; i++)
    {
      GObject *row = g_ptr_array_index (self->rows[LIST_SLOTS], i);
      GtkSpinButton *spin = g_object_get_data (row, "minutes");
      g_autoptr(IcEventSlot) slot = NULL;

      gtk_spin_button_update (spin);
      slot = ic_event_slot_new (gtk_editable_get_text (g_object_get_data (row, "start")),
                                gtk_spin_button_get_value_as_int (spin));
      g_list_store_append (ic_event_get_slots (event), slot);
    }

  for (guint i = 0; i < self->rows[LIST_PARTICIPANTS]->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows[LIST_PARTICIPANTS], i);
      const char *id = g_object_get_data (row, "organisation-id");
      const char *available = gtk_editable_get_text (g_object_get_data (row, "available"));
      GtkSpinButton *spin = g_object_get_data (row, "max");
      g_autoptr(IcEventParticipant) participant = ic_event_participant_new (id);
      g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autofree char *problem = NULL;
      int max;

      gtk_spin_button_update (spin);
      max = gtk_spin_button_get_value_as_int (spin);
      if (!parse_available (available, n_slots, slots, &problem))
        {
          *message = g_strdup_printf (_("Available slots of %s: %s"), organisation_name (self, id), problem);
          return NULL;
        }
      if (slots->len > 0)
        ic_event_participant_set_available (participant, (const guint32 *) slots->data, slots->len);
      ic_event_participant_set_max_meetings (participant, max > 0 ? max : -1);
      g_list_store_append (ic_event_get_participants (event), participant);
    }

  fill_pairs (self, LIST_REQUESTS, ic_event_get_requests (event));
  fill_pairs (self, LIST_FORBIDDEN, ic_event_get_forbidden (event));
  return g_steal_pointer (&event);
}

/* The place a validation error's field names, in words: "slots[2].start"
 * is "Start of slot 2". */
static char *
field_title (IcEventEditor *self,
             const char    *field)
{
  guint index = 0;
  const char *bracket = field != NULL ? strchr (field, '[') : NULL;
  GObject *row = NULL;

  if (field == NULL)
    return NULL;
  if (g_str_equal (field, "name"))
    return g_strdup (_("Name"));
  if (g_str_equal (field, "date"))
    return g_strdup (_("Date"));
  if (g_str_equal (field, "tables"))
    return g_strdup (_("Tables"));
  if (bracket != NULL)
    index = (guint) strtoul (bracket + 1, NULL, 10);

  if (g_str_has_prefix (field, "slots["))
    return g_str_has_suffix (field, ".minutes") ? g_strdup_printf (_("Minutes of slot %u"), index)
         : g_str_has_suffix (field, ".start") ? g_strdup_printf (_("Start of slot %u"), index)
         : g_strdup_printf (_("Slot %u"), index);
  if (g_str_has_prefix (field, "participants[") && index >= 1 &&
      index <= self->rows[LIST_PARTICIPANTS]->len)
    {
      row = g_ptr_array_index (self->rows[LIST_PARTICIPANTS], index - 1);
      return g_strdup_printf (_("Participant %s"),
                              organisation_name (self, g_object_get_data (row, "organisation-id")));
    }
  if (g_str_has_prefix (field, "requests[") && index >= 1 && index <= self->rows[LIST_REQUESTS]->len)
    row = g_ptr_array_index (self->rows[LIST_REQUESTS], index - 1);
  else if (g_str_has_prefix (field, "forbidden[") && index >= 1 &&
           index <= self->rows[LIST_FORBIDDEN]->len)
    row = g_ptr_array_index (self->rows[LIST_FORBIDDEN], index - 1);
  if (row != NULL)
    return g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  if (g_str_equal (field, "slots"))
    return g_strdup (_("Time slots"));
  if (g_str_equal (field, "participants"))
    return g_strdup (_("Participants"));
  return NULL;
}

static void on_saved (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data);

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IcEventEditor *self = IC_EVENT_EDITOR (widget);
  g_autofree char *message = NULL;
  g_autoptr(IcEvent) event = NULL;

  if (self->saving)
    return;
  event = build_event (self, &message);
  if (event == NULL)
    {
      show_error (self, message);
      return;
    }
  self->saving = TRUE;
  gtk_widget_action_set_enabled (widget, "event.save", FALSE);
  ic_store_service_write_event_async (self->service, event, self->original != NULL, self->author,
                                      NULL, on_saved, g_object_ref (self));
}

static void
load_organisations (IcEventEditor *self,
                    GPtrArray     *organisations,
                    GError        *error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  GtkDropDown *dropdowns[] = {
    self->organisation_dropdown, self->request_from_dropdown, self->request_to_dropdown,
    self->forbidden_a_dropdown, self->forbidden_b_dropdown,
  };

  if (organisations == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot list the organisations: %s"), error->message);

      show_error (self, message);
      organisations = g_ptr_array_new_with_free_func (g_object_unref);
    }
  self->organisations = organisations;
  for (guint i = 0; i < self->organisations->len; i++)
    {
      IcRecord *organisation = g_ptr_array_index (self->organisations, i);

      g_strv_builder_add (builder, ic_record_get_title (organisation));
      g_hash_table_insert (self->names, g_strdup (ic_record_get_id (organisation)),
                           g_strdup (ic_record_get_title (organisation)));
    }
  names = g_strv_builder_end (builder);
  /* Nobody is chosen for the user: a drop-down always shows an item. */
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    ic_participant_dialog_fill_drop_down (dropdowns[i], _("Choose an organisation"),
                                          (const char * const *) names);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(IcEventEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcEvent) event = ic_store_service_write_event_finish (IC_STORE_SERVICE (source), result, &error);
  g_autofree char *message = NULL;

  self->saving = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.save", TRUE);
  if (event == NULL)
    {
      const char *field = error->domain == IC_MODEL_ERROR ? ic_model_error_get_field (error) : NULL;
      g_autofree char *title = field_title (self, field);

      message = ic_format_field_error (error->message, field, title);
      show_error (self, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, ic_record_get_id (IC_RECORD (event)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_form (IcEventEditor *self,
           IcEvent       *event)
{
  GListModel *participants = G_LIST_MODEL (ic_event_get_participants (event));
  GListModel *lists[] = {
    G_LIST_MODEL (ic_event_get_requests (event)), G_LIST_MODEL (ic_event_get_forbidden (event))
  };

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), ic_event_get_name (event) ? ic_event_get_name (event) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), ic_event_get_date (event) ? ic_event_get_date (event) : "");
  gtk_spin_button_set_value (self->tables_spin, ic_event_get_tables (event));
  for (guint i = 0; i < ic_event_get_n_slots (event); i++)
    {
      g_autoptr(IcEventSlot) slot = g_list_model_get_item (G_LIST_MODEL (ic_event_get_slots (event)), i);

      add_slot_row (self, ic_event_slot_get_start (slot), ic_event_slot_get_minutes (slot));
    }
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IcEventParticipant) participant = g_list_model_get_item (participants, i);

      add_participant_row (self, participant);
    }
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(IcEventPair) pair = g_list_model_get_item (lists[l], i);

        add_pair_row (self, l == 0 ? LIST_REQUESTS : LIST_FORBIDDEN,
                      ic_event_pair_get_first (pair), ic_event_pair_get_second (pair));
      }
}

static void
ic_event_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_EVENT_EDITOR);

  G_OBJECT_CLASS (ic_event_editor_parent_class)->dispose (object);
}

static void
ic_event_editor_finalize (GObject *object)
{
  IcEventEditor *self = IC_EVENT_EDITOR (object);

  g_clear_object (&self->service);
  g_clear_object (&self->original);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->owners, g_hash_table_unref);
  g_clear_pointer (&self->challenges, g_ptr_array_unref);
  g_clear_pointer (&self->shortlists, g_ptr_array_unref);
  g_clear_pointer (&self->capability_owners, g_hash_table_unref);
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&self->rows[i], g_ptr_array_unref);

  G_OBJECT_CLASS (ic_event_editor_parent_class)->finalize (object);
}

static void
ic_event_editor_class_init (IcEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_event_editor_dispose;
  object_class->finalize = ic_event_editor_finalize;

  /* ::saved (const char *event_id) */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, tables_spin);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, slots_group);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, participants_group);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, requests_group);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, forbidden_group);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, organisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, request_from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, request_to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, forbidden_a_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcEventEditor, forbidden_b_dropdown);

  gtk_widget_class_install_action (widget_class, "event.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "event.add-slot", NULL, add_slot_activated);
  gtk_widget_class_install_action (widget_class, "event.add-participant", NULL, add_participant_activated);
  gtk_widget_class_install_action (widget_class, "event.add-request", NULL, add_request_activated);
  gtk_widget_class_install_action (widget_class, "event.add-forbidden", NULL, add_forbidden_activated);
  gtk_widget_class_install_action (widget_class, "event.add-owners", NULL, add_owners_activated);
  gtk_widget_class_install_action (widget_class, "event.add-smes", NULL, add_smes_activated);
  gtk_widget_class_install_action (widget_class, "event.add-from-challenges", NULL,
                                   add_from_challenges_activated);
  gtk_widget_class_install_action (widget_class, "event.add-from-shortlist", NULL,
                                   add_from_shortlist_activated);
  gtk_widget_class_install_action (widget_class, "event.add-from-csv", NULL, add_from_csv_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "event.save", NULL);
}

static void
ic_event_editor_init (IcEventEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < N_LISTS; i++)
    self->rows[i] = g_ptr_array_new ();
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (ic_record_get_title (*(IcRecord **) a), ic_record_get_title (*(IcRecord **) b));
}

static void
list_organisations_job (GTask        *task,
                        IcStore      *store,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *organisations = ic_store_list (store, IC_RECORD_KIND_ORGANISATION, NULL, 0,
                                            MAX_ORGANISATIONS, &error);
  g_autoptr(GPtrArray) challenges = NULL;
  g_autoptr(GPtrArray) shortlists = NULL;
  g_autoptr(GPtrArray) capabilities = NULL;
  GHashTable *owners, *capability_owners;

  if (organisations == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Who brings a challenge: for adding them all at once. */
  owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  challenges = ic_store_list (store, IC_RECORD_KIND_CHALLENGE, NULL, 0, MAX_ORGANISATIONS * 10, NULL);
  for (guint i = 0; challenges != NULL && i < challenges->len; i++)
    {
      const char *owner = ic_challenge_get_organisation_id (g_ptr_array_index (challenges, i));

      if (owner != NULL)
        g_hash_table_add (owners, g_strdup (owner));
    }
  g_object_set_data_full (G_OBJECT (task), "owners", owners, (GDestroyNotify) g_hash_table_unref);
  if (challenges != NULL)
    g_ptr_array_sort (challenges, compare_titles);
  if (challenges != NULL)
    g_object_set_data_full (G_OBJECT (task), "challenges", g_steal_pointer (&challenges),
                            (GDestroyNotify) g_ptr_array_unref);
  /* Whose capabilities each shortlist holds: for adding its SMEs. */
  shortlists = ic_store_list (store, IC_RECORD_KIND_SHORTLIST, NULL, 0, 0, NULL);
  capabilities = ic_store_list (store, IC_RECORD_KIND_CAPABILITY, NULL, 0, 0, NULL);
  capability_owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; capabilities != NULL && i < capabilities->len; i++)
    {
      IcCapability *capability = g_ptr_array_index (capabilities, i);

      if (ic_capability_get_organisation_id (capability) != NULL)
        g_hash_table_insert (capability_owners, g_strdup (ic_record_get_id (IC_RECORD (capability))),
                             g_strdup (ic_capability_get_organisation_id (capability)));
    }
  g_object_set_data_full (G_OBJECT (task), "capability-owners", capability_owners,
                          (GDestroyNotify) g_hash_table_unref);
  if (shortlists != NULL)
    g_ptr_array_sort (shortlists, compare_titles);
  if (shortlists != NULL)
    g_object_set_data_full (G_OBJECT (task), "shortlists", g_steal_pointer (&shortlists),
                            (GDestroyNotify) g_ptr_array_unref);
  g_task_return_pointer (task, organisations, (GDestroyNotify) g_ptr_array_unref);
}

typedef struct
{
  IcStoreService *service;
  IcEvent        *event;
  char           *author;
} NewData;

static void
new_data_free (NewData *data)
{
  g_clear_object (&data->service);
  g_clear_object (&data->event);
  g_free (data->author);
  g_free (data);
}

void
ic_event_editor_new_async (IcStoreService      *service,
                           IcEvent             *event,
                           const char          *author,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  NewData *data;

  g_return_if_fail (IC_IS_STORE_SERVICE (service));

  data = g_new0 (NewData, 1);
  data->service = g_object_ref (service);
  data->event = event != NULL ? g_object_ref (event) : NULL;
  data->author = g_strdup (author);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_event_editor_new_async);
  g_task_set_task_data (task, data, (GDestroyNotify) new_data_free);
  ic_store_service_run (service, task, list_organisations_job);
}

IcEventEditor *
ic_event_editor_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  IcEventEditor *self;
  NewData *data;
  GError *list_error = NULL;
  GPtrArray *organisations;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_event_editor_new_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  organisations = g_task_propagate_pointer (G_TASK (result), &list_error);
  if (organisations == NULL && g_error_matches (list_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, list_error);
      return NULL;
    }

  self = g_object_new (IC_TYPE_EVENT_EDITOR,
                       "title", data->event != NULL ? _("Edit Event") : _("New Event"),
                       NULL);
  self->service = g_object_ref (data->service);
  self->original = data->event != NULL ? g_object_ref (data->event) : NULL;
  self->author = g_strdup (data->author);
  self->owners = g_object_steal_data (G_OBJECT (result), "owners");
  self->challenges = g_object_steal_data (G_OBJECT (result), "challenges");
  self->shortlists = g_object_steal_data (G_OBJECT (result), "shortlists");
  self->capability_owners = g_object_steal_data (G_OBJECT (result), "capability-owners");
  if (self->challenges == NULL)
    self->challenges = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->shortlists == NULL)
    self->shortlists = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->capability_owners == NULL)
    self->capability_owners = g_hash_table_new (g_str_hash, g_str_equal);
  /* Without the organisations the form still opens, and says why its
   * lists are empty. */
  load_organisations (self, organisations, list_error);
  g_clear_error (&list_error);
  if (data->event != NULL)
    fill_form (self, data->event);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
      add_slot_row (self, "09:00", DEFAULT_MINUTES);
    }
  return self;
}

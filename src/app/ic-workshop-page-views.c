/* ic-workshop-page-views.c — the schedule as a grid of slots × tables,
 * and as each participant's list of meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-workshop-day.h"
#include "ic-store-curation.h"
#include "ic-workshop-page-private.h"

#define CELL_WIDTH 196

char *
ic_workshop_page_slot_label (IcWorkshopPage *self,
                             guint           slot)
{
  GListModel *slots = G_LIST_MODEL (ic_event_get_slots (self->workshop->event));
  g_autoptr(IcEventSlot) s = g_list_model_get_item (slots, slot);
  g_autofree char *end = s != NULL ? ic_event_slot_format_end (s) : NULL;

  if (s == NULL)
    return g_strdup_printf (_("Slot %u"), slot + 1);
  /* Translators: "Slot 2, 09:20–09:40" */
  return g_strdup_printf (_("Slot %u, %s–%s"), slot + 1, ic_event_slot_get_start (s),
                          end != NULL ? end : "");
}

static const char *
role_label (IcWorkshopPage *self,
            guint           participant)
{
  return ic_schedule_problem_get_role (self->workshop->problem, participant) == IC_SCHEDULE_ROLE_CHALLENGE
    ? _("Brings challenges") : _("Brings capabilities");
}

static void
on_meeting_clicked (GtkButton      *button,
                    IcWorkshopPage *self)
{
  ic_workshop_page_move_meeting (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Organisation names are long: two lines before they are cut short. */
static GtkWidget *
name_label_new (const char *text,
                const char *css_class)
{
  GtkWidget *label = label_new (text, css_class);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  return label;
}

static GtkWidget *
meeting_cell_new (IcWorkshopPage  *self,
                  guint            index,
                  const IcMeeting *meeting)
{
  IcWorkshop *workshop = self->workshop;
  const IcWorkshopMatch *match = ic_workshop_get_match (workshop, meeting);
  const char *a = workshop->names[meeting->challenge_owner];
  const char *b = workshop->names[meeting->capability_owner];
  g_autofree char *when = ic_workshop_page_slot_label (self, meeting->slot);
  g_autofree char *score = meeting->requested
    ? g_strdup_printf (_("%.0f%% · requested"), 100 * meeting->score)
    : g_strdup_printf ("%.0f%%", 100 * meeting->score);
  /* Translators: "Slot 1, 09:00–09:20, table 2: Acme meets Widgets Ltd" */
  g_autofree char *name = g_strdup_printf (_("%s, table %u: %s meets %s"), when,
                                           meeting->table + 1, a, b);
  g_autofree char *tooltip = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), name_label_new (a, "heading"));
  gtk_box_append (GTK_BOX (box), name_label_new (b, NULL));
  gtk_box_append (GTK_BOX (box), label_new (score, "caption"));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_size_request (button, CELL_WIDTH, -1);
  gtk_widget_add_css_class (button, "card");
  if (match->challenge_title != NULL && match->capability_title != NULL)
    tooltip = g_strdup_printf (_("“%s” and “%s”. Press to move the meeting."),
                               match->challenge_title, match->capability_title);
  else
    tooltip = g_strdup (_("Press to move the meeting."));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (on_meeting_clicked), self);
  return button;
}

static void
fill_grid (IcWorkshopPage *self)
{
  IcEvent *event = self->workshop->event;
  guint n_slots = ic_event_get_n_slots (event);
  guint n_tables = (guint) ic_event_get_tables (event);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->schedule_grid))) != NULL)
    gtk_grid_remove (self->schedule_grid, child);

  for (guint t = 0; t < n_tables; t++)
    {
      g_autofree char *text = g_strdup_printf (_("Table %u"), t + 1);
      GtkWidget *label = label_new (text, "heading");

      gtk_widget_set_size_request (label, CELL_WIDTH, -1);
      gtk_grid_attach (self->schedule_grid, label, t + 1, 0, 1, 1);
    }
  for (guint s = 0; s < n_slots; s++)
    {
      g_autoptr(IcEventSlot) slot = g_list_model_get_item (G_LIST_MODEL (ic_event_get_slots (event)), s);
      g_autofree char *end = ic_event_slot_format_end (slot);
      g_autofree char *time = g_strdup_printf ("%s–%s", ic_event_slot_get_start (slot), end ? end : "");
      g_autofree char *number = g_strdup_printf (_("Slot %u"), s + 1);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      /* The time first: it is what people look for on the room's plan;
       * never cut short. */
      gtk_box_append (GTK_BOX (header), label_new (time, "heading"));
      gtk_label_set_ellipsize (GTK_LABEL (gtk_widget_get_last_child (header)), PANGO_ELLIPSIZE_NONE);
      gtk_box_append (GTK_BOX (header), label_new (number, "caption"));
      gtk_label_set_ellipsize (GTK_LABEL (gtk_widget_get_last_child (header)), PANGO_ELLIPSIZE_NONE);
      gtk_widget_add_css_class (gtk_widget_get_last_child (header), "dim-label");
      gtk_widget_set_valign (header, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_end (header, 6);
      gtk_grid_attach (self->schedule_grid, header, 0, s + 1, 1, 1);
      for (guint t = 0; t < n_tables; t++)
        {
          GtkWidget *free = gtk_label_new (_("Free"));

          gtk_widget_add_css_class (free, "dim-label");
          gtk_grid_attach (self->schedule_grid, free, t + 1, s + 1, 1, 1);
        }
    }

  for (guint i = 0; self->schedule != NULL && i < ic_schedule_get_n_meetings (self->schedule); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (self->schedule, i);
      GtkWidget *free = gtk_grid_get_child_at (self->schedule_grid, m->table + 1, m->slot + 1);

      if (free != NULL)
        gtk_grid_remove (self->schedule_grid, free);
      gtk_grid_attach (self->schedule_grid, meeting_cell_new (self, i, m), m->table + 1, m->slot + 1, 1, 1);
    }
}

static GtkWidget *
participant_meeting_row_new (IcWorkshopPage  *self,
                             guint            participant,
                             guint            index,
                             const IcMeeting *meeting)
{
  IcWorkshop *workshop = self->workshop;
  const IcWorkshopMatch *match = ic_workshop_get_match (workshop, meeting);
  guint other = meeting->challenge_owner == participant ? meeting->capability_owner
                                                        : meeting->challenge_owner;
  g_autofree char *when = ic_workshop_page_slot_label (self, meeting->slot);
  g_autofree char *title = g_strdup_printf (_("%s, table %u: with %s"), when, meeting->table + 1,
                                            workshop->names[other]);
  g_autofree char *move_label = g_strdup_printf (_("Move the meeting of %s and %s"),
                                                 workshop->names[meeting->challenge_owner],
                                                 workshop->names[meeting->capability_owner]);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *move = gtk_button_new_with_label (_("Move…"));

  /* Names are plain text: "Brewing & Co" is not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (match->challenge_title != NULL && match->capability_title != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s / %s", match->challenge_title,
                                                   match->capability_title);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  gtk_widget_set_valign (move, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (move), GTK_ACCESSIBLE_PROPERTY_LABEL, move_label, -1);
  g_object_set_data (G_OBJECT (move), "index", GUINT_TO_POINTER (index));
  g_signal_connect (move, "clicked", G_CALLBACK (on_meeting_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), move);
  return row;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  char **names = user_data;

  return g_utf8_collate (names[*(const guint *) a], names[*(const guint *) b]);
}

static void
fill_participants (IcWorkshopPage *self)
{
  IcWorkshop *workshop = self->workshop;
  g_autofree guint *order = g_new (guint, MAX (workshop->n, 1));
  guint n_meetings = self->schedule != NULL ? ic_schedule_get_n_meetings (self->schedule) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->participants_list))) != NULL)
    gtk_list_box_remove (self->participants_list, child);

  for (guint p = 0; p < workshop->n; p++)
    order[p] = p;
  if (workshop->n > 1)
    g_qsort_with_data (order, workshop->n, sizeof (guint), compare_names, workshop->names);

  for (guint k = 0; k < workshop->n; k++)
    {
      guint p = order[k];
      GtkWidget *row = adw_expander_row_new ();
      guint count = 0;
      g_autofree char *subtitle = NULL;

      for (guint i = 0; i < n_meetings; i++)
        {
          const IcMeeting *m = ic_schedule_get_meeting (self->schedule, i);

          if (m->challenge_owner != p && m->capability_owner != p)
            continue;
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), participant_meeting_row_new (self, p, i, m));
          count++;
        }
      subtitle = g_strdup_printf (ngettext ("%s · %u meeting", "%s · %u meetings", count),
                                  role_label (self, p), count);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), workshop->names[p]);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), count > 0);
      gtk_list_box_append (self->participants_list, row);
    }
}

/* "2 pairs kept apart by conflict-of-interest rules: A and B (same
 * group); C and D (a dispute)." or NULL when no rule applies. */
static char *
rules_text (IcWorkshopPage *self)
{
  g_autoptr(GString) pairs = g_string_new (NULL);
  guint n = self->rules != NULL ? self->rules->len : 0;

  if (n == 0)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      IcCurationEntry *rule = g_ptr_array_index (self->rules, i);
      guint a = GPOINTER_TO_UINT (g_hash_table_lookup (self->workshop->index, rule->first_id));
      guint b = GPOINTER_TO_UINT (g_hash_table_lookup (self->workshop->index, rule->second_id));
      const char *first = a > 0 ? self->workshop->names[a - 1] : rule->first_id;
      const char *second = b > 0 ? self->workshop->names[b - 1] : rule->second_id;

      if (i > 0)
        /* Translators: between two pairs kept apart */
        g_string_append (pairs, _("; "));
      if (rule->reason != NULL && rule->reason[0] != '\0')
        /* Translators: two organisations, and why they never meet */
        g_string_append_printf (pairs, _("%s and %s (%s)"), first, second, rule->reason);
      else
        /* Translators: two organisations that never meet */
        g_string_append_printf (pairs, _("%s and %s"), first, second);
    }
  /* Translators: the number of pairs, then the pairs */
  return g_strdup_printf (ngettext ("%u pair kept apart by a conflict-of-interest rule: %s.",
                                    "%u pairs kept apart by conflict-of-interest rules: %s.", n),
                          n, pairs->str);
}

static char *
summary_text (IcWorkshopPage *self)
{
  g_autofree char *rules = rules_text (self);
  g_autofree char *summary = NULL;

  if (self->schedule == NULL)
    summary = g_strdup (_("Not scheduled yet. Schedule places the meetings that match best, "
                          "everyone’s first meeting before anyone’s second."));
  else
    summary = ic_workshop_describe_schedule (self->workshop, self->schedule);
  if (rules == NULL)
    return g_steal_pointer (&summary);
  return g_strconcat (summary, "\n", rules, NULL);
}

void
ic_workshop_page_show_schedule (IcWorkshopPage *self)
{
  IcEvent *event = self->workshop->event;
  g_autofree char *summary = summary_text (self);
  g_autofree char *subtitle = g_strdup_printf (_("%s · %u slots · %d tables · %u participants"),
                                               ic_event_get_date (event), ic_event_get_n_slots (event),
                                               ic_event_get_tables (event),
                                               ic_event_get_n_participants (event));

  gtk_label_set_text (self->title_label, ic_event_get_name (event));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->summary_label, summary);
  fill_grid (self);
  fill_participants (self);
}

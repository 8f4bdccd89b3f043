/* ic-shortlist-entry-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-decline-dialog.h"
#include "ic-shortlist-entry-row.h"
#include "ic-window.h"

/* A note is saved once typing pauses this long, on Enter, or on leaving
 * the field, so a long note is not written once per key. */
#define NOTE_SAVE_DELAY_MS 700

struct _IcShortlistEntryRow
{
  GtkListBoxRow     parent_instance;

  IcShortlistEntry *entry;
  char             *title;
  guint             note_timeout;

  GtkLabel         *rank_label;
  GtkLabel         *title_label;
  GtkLabel         *organisation_label;
  GtkLabel         *score_label;
  GtkLabel         *why_label;
  GtkDropDown      *stage_dropdown;
  GtkExpander      *timeline_expander;
  GtkLabel         *timeline_label;
  GtkEntry         *note_entry;
  GtkButton        *up_button;
  GtkButton        *down_button;
  GtkButton        *remove_button;
};

G_DEFINE_FINAL_TYPE (IcShortlistEntryRow, ic_shortlist_entry_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  SIGNAL_CHANGED,
  SIGNAL_MOVE,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const IcStage stages[] = {
  IC_STAGE_PROPOSED,
  IC_STAGE_CONTACTED,
  IC_STAGE_INTRODUCED,
  IC_STAGE_MEETING_HELD,
  IC_STAGE_COLLABORATING,
  IC_STAGE_DECLINED,
};

void
ic_shortlist_entry_row_commit_note (IcShortlistEntryRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  const char *note = ic_shortlist_entry_get_note (self->entry);

  g_return_if_fail (IC_IS_SHORTLIST_ENTRY_ROW (self));

  g_clear_handle_id (&self->note_timeout, g_source_remove);
  if (g_strcmp0 (text, note != NULL ? note : "") == 0)
    return;
  ic_shortlist_entry_set_note (self->entry, text[0] != '\0' ? text : NULL);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static gboolean
note_timeout_cb (gpointer user_data)
{
  IcShortlistEntryRow *self = user_data;

  self->note_timeout = 0;
  ic_shortlist_entry_row_commit_note (self);
  return G_SOURCE_REMOVE;
}

static void
on_note_changed (IcShortlistEntryRow *self)
{
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  self->note_timeout = g_timeout_add (NOTE_SAVE_DELAY_MS, note_timeout_cb, self);
}

static void
select_stage (IcShortlistEntryRow *self,
              IcStage              stage)
{
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    if (stages[i] == stage && gtk_drop_down_get_selected (self->stage_dropdown) != i)
      gtk_drop_down_set_selected (self->stage_dropdown, i);
}

/* One line per stage change, oldest first: date, stage, author, reason. */
static void
fill_timeline (IcShortlistEntryRow *self)
{
  GListModel *changes = G_LIST_MODEL (ic_shortlist_entry_get_stages (self->entry));
  guint n = g_list_model_get_n_items (changes);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *name = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcStageChange) change = g_list_model_get_item (changes, i);
      g_autofree char *date = ic_format_date (ic_stage_change_get_at (change));
      const char *author = ic_stage_change_get_author (change);
      const char *reason_text = ic_stage_change_get_reason_text (change);
      IcDeclineReason reason = ic_stage_change_get_reason (change);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s — %s", date, ic_stage_get_label (ic_stage_change_get_stage (change)));
      if (author != NULL && author[0] != '\0')
        /* Translators: who made a stage change, after the stage */
        g_string_append_printf (text, _(", by %s"), author);
      if (reason != IC_DECLINE_REASON_NONE)
        g_string_append_printf (text, " (%s)", ic_decline_reason_get_label (reason));
      if (reason_text != NULL && reason_text[0] != '\0')
        g_string_append_printf (text, ": %s", reason_text);
    }
  gtk_label_set_text (self->timeline_label, text->str);
  heading = g_strdup_printf (g_dngettext (NULL, "Timeline (%u change)", "Timeline (%u changes)", n), n);
  gtk_expander_set_label (self->timeline_expander, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_expander), n > 0);
  name = g_strdup_printf (_("Timeline of “%s”"), self->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timeline_expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timeline_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
}

/* A change now, by the person at the window, with @reason for a decline. */
static void
record_stage (IcShortlistEntryRow *self,
              IcStage              stage,
              IcDeclineReason      reason,
              const char          *reason_text)
{
  g_autofree char *now = ic_timestamp_now ();
  g_autoptr(IcStageChange) change =
    ic_stage_change_new (stage, now, ic_window_author_for (GTK_WIDGET (self)), reason, reason_text);

  ic_shortlist_entry_add_stage_change (self->entry, change);
  fill_timeline (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_decline_answered (IcDeclineReason  reason,
                     const char      *text,
                     gpointer         user_data)
{
  IcShortlistEntryRow *self = user_data;

  if (reason == IC_DECLINE_REASON_NONE)
    select_stage (self, ic_shortlist_entry_get_stage (self->entry));
  else
    record_stage (self, IC_STAGE_DECLINED, reason, text);
}

static void
on_stage_selected (IcShortlistEntryRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->stage_dropdown);

  if (selected >= G_N_ELEMENTS (stages) || stages[selected] == ic_shortlist_entry_get_stage (self->entry))
    return;
  if (stages[selected] == IC_STAGE_DECLINED)
    ic_decline_dialog_present (GTK_WIDGET (self), self->title, on_decline_answered,
                               g_object_ref (self), g_object_unref);
  else
    record_stage (self, stages[selected], IC_DECLINE_REASON_NONE, NULL);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_MOVE], 0, -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_MOVE], 0, 1);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_REMOVE], 0);
}

/* Names @widget for assistive technologies (and the tests); takes @label. */
static void
set_label (gpointer  widget,
           char     *label)
{

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
}

static void
fill (IcShortlistEntryRow *self,
      const char          *organisation,
      const char          *why)
{
  g_autofree char *score = g_strdup_printf ("%.0f%%", 100 * ic_shortlist_entry_get_score (self->entry));
  const char *note = ic_shortlist_entry_get_note (self->entry);
  IcStage stage = ic_shortlist_entry_get_stage (self->entry);
  g_autoptr(GtkStringList) stage_names = gtk_string_list_new (NULL);

  gtk_label_set_text (self->title_label, self->title);
  gtk_label_set_text (self->organisation_label, organisation != NULL ? organisation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_label), organisation != NULL && organisation[0] != '\0');
  gtk_label_set_text (self->score_label, score);
  gtk_label_set_text (self->why_label, why != NULL ? why : "");
  gtk_widget_set_visible (GTK_WIDGET (self->why_label), why != NULL && why[0] != '\0');

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    gtk_string_list_append (stage_names, ic_stage_get_label (stages[i]));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stage_names));
  select_stage (self, stage);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->title, -1);
  set_label (self->stage_dropdown, g_strdup_printf (_("Stage of “%s”"), self->title));
  set_label (self->note_entry, g_strdup_printf (_("Note on “%s”"), self->title));
  fill_timeline (self);
  set_label (self->up_button, g_strdup_printf (_("Move “%s” up"), self->title));
  set_label (self->down_button, g_strdup_printf (_("Move “%s” down"), self->title));
  set_label (self->remove_button, g_strdup_printf (_("Remove “%s” from the shortlist"), self->title));
}

void
ic_shortlist_entry_row_set_position (IcShortlistEntryRow *self,
                                     guint                rank,
                                     guint                n_entries)
{
  g_autofree char *text = g_strdup_printf ("%u", rank);

  g_return_if_fail (IC_IS_SHORTLIST_ENTRY_ROW (self));

  gtk_label_set_text (self->rank_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.move-up", rank > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.move-down", rank < n_entries);
}

IcShortlistEntry *
ic_shortlist_entry_row_get_entry (IcShortlistEntryRow *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY_ROW (self), NULL);
  return self->entry;
}

const char *
ic_shortlist_entry_row_get_title (IcShortlistEntryRow *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY_ROW (self), NULL);
  return self->title;
}

static void
ic_shortlist_entry_row_dispose (GObject *object)
{
  IcShortlistEntryRow *self = IC_SHORTLIST_ENTRY_ROW (object);

  g_clear_handle_id (&self->note_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_SHORTLIST_ENTRY_ROW);

  G_OBJECT_CLASS (ic_shortlist_entry_row_parent_class)->dispose (object);
}

static void
ic_shortlist_entry_row_finalize (GObject *object)
{
  IcShortlistEntryRow *self = IC_SHORTLIST_ENTRY_ROW (object);

  g_clear_object (&self->entry);
  g_free (self->title);

  G_OBJECT_CLASS (ic_shortlist_entry_row_parent_class)->finalize (object);
}

static void
ic_shortlist_entry_row_class_init (IcShortlistEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_shortlist_entry_row_dispose;
  object_class->finalize = ic_shortlist_entry_row_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-shortlist-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcShortlistEntryRow, rank_label);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistEntryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistEntryRow, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistEntryRow, score_label);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistEntryRow, why_label);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistEntryRow, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistEntryRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistEntryRow, timeline_expander);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistEntryRow, timeline_label);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistEntryRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistEntryRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistEntryRow, remove_button);

  gtk_widget_class_install_action (widget_class, "entry.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "entry.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "entry.remove", NULL, remove_activated);
  /* Anywhere in the row, even in the note: the field does not use them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "entry.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "entry.move-down", NULL);
}

static void
ic_shortlist_entry_row_init (IcShortlistEntryRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->note_entry, "changed", G_CALLBACK (on_note_changed), self);
  g_signal_connect_swapped (self->note_entry, "activate",
                            G_CALLBACK (ic_shortlist_entry_row_commit_note), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (ic_shortlist_entry_row_commit_note), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), focus);
}

GtkWidget *
ic_shortlist_entry_row_new (IcShortlistEntry *entry,
                            const char       *title,
                            const char       *organisation,
                            const char       *why)
{
  IcShortlistEntryRow *self;

  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY (entry), NULL);

  self = g_object_new (IC_TYPE_SHORTLIST_ENTRY_ROW, NULL);
  self->entry = g_object_ref (entry);
  self->title = g_strdup (title != NULL && title[0] != '\0' ? title : _("Unknown capability"));
  fill (self, organisation, why);
  /* Filled before listening, so showing the stored values saves nothing. */
  g_signal_connect_swapped (self->stage_dropdown, "notify::selected", G_CALLBACK (on_stage_selected), self);
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  return GTK_WIDGET (self);
}

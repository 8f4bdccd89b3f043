/* ic-shortlist-entry-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-shortlist-entry-row.h"

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
on_stage_selected (IcShortlistEntryRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->stage_dropdown);

  if (selected >= G_N_ELEMENTS (stages) || stages[selected] == ic_shortlist_entry_get_stage (self->entry))
    return;
  ic_shortlist_entry_set_stage (self->entry, stages[selected]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
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
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    if (stages[i] == stage)
      gtk_drop_down_set_selected (self->stage_dropdown, i);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->title, -1);
  set_label (self->stage_dropdown, g_strdup_printf (_("Stage of “%s”"), self->title));
  set_label (self->note_entry, g_strdup_printf (_("Note on “%s”"), self->title));
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

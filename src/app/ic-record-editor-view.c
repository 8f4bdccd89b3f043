/* ic-record-editor-view.c — a stored record shown as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a stored record shows it first: the same groups and titles
 * as the form, each value as selectable text, so that nothing can be
 * changed by a stray key or click.  The values are read back from the
 * form's own widgets once they are loaded, so a choice reads as the
 * form names it ("Shared with the team", the cluster's name).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-record-editor-private.h"

/* The value the form's widget for @state holds, as the form shows it;
 * NULL when the field is empty or nothing is chosen (transfer full). */
static char *
field_text (FieldState *state)
{
  GObject *item = NULL;
  char *text = NULL;

  switch (state->def->widget)
    {
    case IC_FORM_LONG_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (state->input));
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      }
      break;
    case IC_FORM_ORGANISATION:
      /* The first item is "Choose an organisation", the last "New
       * Organisation…": neither is a value. */
      if (gtk_drop_down_get_selected (GTK_DROP_DOWN (state->input)) > 0 &&
          gtk_drop_down_get_selected (GTK_DROP_DOWN (state->input)) < state->ids->len)
        item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (state->input));
      break;
    case IC_FORM_CLUSTER:
    case IC_FORM_PLACE:
      /* The first item is "None". */
      if (adw_combo_row_get_selected (ADW_COMBO_ROW (state->input)) > 0)
        item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (state->input));
      break;
    case IC_FORM_ENUM:
      item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (state->input));
      break;
    case IC_FORM_NUMBER:
    case IC_FORM_TEXT:
    case IC_FORM_DATE:
    case IC_FORM_TAGS:
    case IC_FORM_LIST:
    default:
      text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (state->input)));
      break;
    }

  if (GTK_IS_STRING_OBJECT (item))
    text = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  if (text != NULL && *g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static GtkWidget *
value_label_new (const char *text,
                 const char *title)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "—");

  gtk_label_set_selectable (GTK_LABEL (label), text != NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A selectable label is read by its text; its field's title goes in
   * the description, as a row's title does for its widget. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  title, -1);
  if (text == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
field_view_new (FieldState *state)
{
  g_autofree char *text = field_text (state);
  GtkWidget *label = value_label_new (text, _(state->def->title));
  GtkWidget *row;

  if (state->def->widget == IC_FORM_LONG_TEXT)
    {
      /* Paragraphs sit in a frame of their own, as the form's do. */
      GtkWidget *frame = gtk_frame_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_add_css_class (frame, "long-text");
      gtk_frame_set_child (GTK_FRAME (frame), label);
      return frame;
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(state->def->title));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_halign (label, GTK_ALIGN_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

void
ic_record_editor_build_view (IcRecordEditor *self)
{
  IcRecordKind kind = ic_record_get_kind (self->record);
  guint n_groups = 0;
  const IcFormGroup *groups = ic_form_get_groups (kind, &n_groups);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->view_box))) != NULL)
    gtk_box_remove (self->view_box, child);

  for (guint g = 0; g < n_groups; g++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      if (groups[g].title != NULL)
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(groups[g].title));
      for (guint i = 0; i < self->fields->len; i++)
        {
          FieldState *state = &g_array_index (self->fields, FieldState, i);

          if (state->def->group == g)
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), field_view_new (state));
        }
      gtk_box_append (self->view_box, group);
    }
}

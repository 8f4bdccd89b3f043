/* ic-tag-completion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-tag-completion.h"

#define MAX_SUGGESTIONS 8

struct _IcTagCompletion
{
  GObject     parent_instance;

  GtkWidget  *editable;   /* unowned: it owns us */
  GtkWidget  *popover;
  GtkListBox *list;
  GStrv       tags;
  gboolean    completing;
};

G_DEFINE_FINAL_TYPE (IcTagCompletion, ic_tag_completion, G_TYPE_OBJECT)

/* The word being typed: what follows the last comma, trimmed. */
static char *
current_word (const char *text,
              gsize      *start)
{
  const char *comma = strrchr (text, ',');

  *start = comma != NULL ? (gsize) (comma - text) + 1 : 0;
  return g_strstrip (g_utf8_strdown (text + *start, -1));
}

static gboolean
already_listed (const char *text,
                const char *tag)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  /* The last part is the word being typed. */
  for (guint i = 0; parts[i] != NULL && parts[i + 1] != NULL; i++)
    if (g_ascii_strcasecmp (g_strstrip (parts[i]), tag) == 0)
      return TRUE;
  return FALSE;
}

static void
on_row_activated (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  IcTagCompletion *self)
{
  const char *tag = g_object_get_data (G_OBJECT (row), "tag");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->editable));
  g_autofree char *word = NULL;
  g_autofree char *completed = NULL;
  gsize start;

  word = current_word (text, &start);
  completed = g_strdup_printf ("%.*s%s%s, ", (int) start, text, start > 0 ? " " : "", tag);

  self->completing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->editable), completed);
  gtk_editable_set_position (GTK_EDITABLE (self->editable), -1);
  self->completing = FALSE;

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_grab_focus (self->editable);
  gtk_editable_set_position (GTK_EDITABLE (self->editable), -1);
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
on_changed (GtkEditable     *editable,
            IcTagCompletion *self)
{
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *word = NULL;
  GtkWidget *child;
  guint n = 0;
  gsize start;

  /* Only for what a person types, not for text the form puts there. */
  if (self->popover == NULL)
    return;
  if (self->completing || !has_focus_within (self->editable))
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  word = current_word (text, &start);
  for (guint i = 0; word[0] != '\0' && self->tags[i] != NULL && n < MAX_SUGGESTIONS; i++)
    {
      GtkWidget *label;
      GtkWidget *row;

      if (!g_str_has_prefix (self->tags[i], word) || g_str_equal (self->tags[i], word) ||
          already_listed (text, self->tags[i]))
        continue;
      label = gtk_label_new (self->tags[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "tag", g_strdup (self->tags[i]), g_free);
      gtk_list_box_append (self->list, row);
      n++;
    }

  if (n > 0)
    gtk_popover_popup (GTK_POPOVER (self->popover));
  else
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                IcTagCompletion       *self)
{
  GtkListBoxRow *first;

  if (self->popover == NULL || !gtk_widget_get_visible (self->popover))
    return FALSE;
  if (keyval == GDK_KEY_Escape)
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      return TRUE;
    }
  if (keyval == GDK_KEY_Down && (first = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (first));
      return TRUE;
    }
  return FALSE;
}

/* A widget must have no children left when it is finalised. */
static void
on_editable_destroy (GtkWidget       *editable,
                     IcTagCompletion *self)
{
  g_clear_pointer (&self->popover, gtk_widget_unparent);
}

static void
ic_tag_completion_finalize (GObject *object)
{
  IcTagCompletion *self = IC_TAG_COMPLETION (object);

  if (self->popover != NULL)
    gtk_widget_unparent (self->popover);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (ic_tag_completion_parent_class)->finalize (object);
}

static void
ic_tag_completion_class_init (IcTagCompletionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_tag_completion_finalize;
}

static void
ic_tag_completion_init (IcTagCompletion *self)
{
}

void
ic_tag_completion_attach (GtkWidget          *editable,
                          const char * const *tags)
{
  IcTagCompletion *self;
  GtkEventController *keys;
  GtkWidget *scrolled;

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  self = g_object_new (IC_TYPE_TAG_COMPLETION, NULL);
  self->editable = editable;
  self->tags = g_strdupv ((char **) tags);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Suggested tags"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));

  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_popover_set_child (GTK_POPOVER (self->popover), scrolled);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->popover, editable);

  g_signal_connect (editable, "changed", G_CALLBACK (on_changed), self);
  g_signal_connect (editable, "destroy", G_CALLBACK (on_editable_destroy), self);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (editable, keys);

  /* The editable owns the completion, and with it the popover. */
  g_object_set_data_full (G_OBJECT (editable), "ic-tag-completion", self, g_object_unref);
}

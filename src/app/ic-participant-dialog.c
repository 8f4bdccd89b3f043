/* ic-participant-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-participant-dialog.h"

struct _IcParticipantDialog
{
  AdwMessageDialog              parent_instance;

  char                         *response;
  GtkBox                       *box;
  GPtrArray                    *choices;     /* (element-type GtkDropDown) */
  IcParticipantDialogReadyFunc  ready_func;
  gpointer                      ready_data;
};

G_DEFINE_FINAL_TYPE (IcParticipantDialog, ic_participant_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
has_placeholder (GtkDropDown *dropdown)
{
  return g_object_get_data (G_OBJECT (dropdown), "ic-placeholder") != NULL;
}

void
ic_participant_dialog_fill_drop_down (GtkDropDown        *dropdown,
                                      const char         *placeholder,
                                      const char * const *items)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  if (placeholder != NULL)
    gtk_string_list_append (list, placeholder);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    gtk_string_list_append (list, items[i]);
  g_object_set_data (G_OBJECT (dropdown), "ic-placeholder", GINT_TO_POINTER (placeholder != NULL));
  gtk_drop_down_set_expression (dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, 0);
}

int
ic_participant_dialog_drop_down_chosen (GtkDropDown *dropdown)
{
  guint selected, offset;
  GListModel *model;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), -1);

  selected = gtk_drop_down_get_selected (dropdown);
  model = gtk_drop_down_get_model (dropdown);
  offset = has_placeholder (dropdown) ? 1 : 0;
  if (model == NULL || selected == GTK_INVALID_LIST_POSITION || selected < offset ||
      selected >= g_list_model_get_n_items (model))
    return -1;
  return (int) (selected - offset);
}

static gboolean
every_choice_made (IcParticipantDialog *self)
{
  for (guint i = 0; i < self->choices->len; i++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (self->choices, i);

      if (has_placeholder (dropdown) && ic_participant_dialog_drop_down_chosen (dropdown) < 0)
        return FALSE;
    }
  return TRUE;
}

void
ic_participant_dialog_update_ready (IcParticipantDialog *self)
{
  gboolean ready;

  g_return_if_fail (IC_IS_PARTICIPANT_DIALOG (self));

  ready = self->ready_func != NULL ? self->ready_func (self, self->ready_data) : every_choice_made (self);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), self->response, ready);
}

void
ic_participant_dialog_set_ready_func (IcParticipantDialog          *self,
                                      IcParticipantDialogReadyFunc  func,
                                      gpointer                      user_data)
{
  g_return_if_fail (IC_IS_PARTICIPANT_DIALOG (self));

  self->ready_func = func;
  self->ready_data = user_data;
  ic_participant_dialog_update_ready (self);
}

static void
on_choice_changed (GtkDropDown         *dropdown,
                   GParamSpec          *pspec,
                   IcParticipantDialog *self)
{
  ic_participant_dialog_update_ready (self);
}

GtkDropDown *
ic_participant_dialog_add_choice (IcParticipantDialog *self,
                                  const char          *name,
                                  const char          *placeholder,
                                  const char * const  *items,
                                  guint                selected)
{
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  g_return_val_if_fail (IC_IS_PARTICIPANT_DIALOG (self), NULL);

  ic_participant_dialog_fill_drop_down (GTK_DROP_DOWN (dropdown), placeholder, items);
  if (placeholder == NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (self->box, dropdown);
  g_ptr_array_add (self->choices, dropdown);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_choice_changed), self, 0);
  ic_participant_dialog_update_ready (self);
  return GTK_DROP_DOWN (dropdown);
}

void
ic_participant_dialog_add_widget (IcParticipantDialog *self,
                                  GtkWidget           *widget)
{
  g_return_if_fail (IC_IS_PARTICIPANT_DIALOG (self));

  gtk_box_append (self->box, widget);
}

int
ic_participant_dialog_get_chosen (IcParticipantDialog *self,
                                  guint                choice)
{
  g_return_val_if_fail (IC_IS_PARTICIPANT_DIALOG (self), -1);
  g_return_val_if_fail (choice < self->choices->len, -1);

  return ic_participant_dialog_drop_down_chosen (g_ptr_array_index (self->choices, choice));
}

void
ic_participant_dialog_present (IcParticipantDialog *self)
{
  g_return_if_fail (IC_IS_PARTICIPANT_DIALOG (self));

  gtk_window_present (GTK_WINDOW (self));
  if (self->choices->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->choices, 0));
}

static void
ic_participant_dialog_finalize (GObject *object)
{
  IcParticipantDialog *self = IC_PARTICIPANT_DIALOG (object);

  g_free (self->response);
  g_ptr_array_unref (self->choices);

  G_OBJECT_CLASS (ic_participant_dialog_parent_class)->finalize (object);
}

static void
ic_participant_dialog_class_init (IcParticipantDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_participant_dialog_finalize;
}

static void
ic_participant_dialog_init (IcParticipantDialog *self)
{
  self->choices = g_ptr_array_new ();
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (self->box));
}

IcParticipantDialog *
ic_participant_dialog_new (GtkWidget  *parent,
                           const char *title,
                           const char *body,
                           const char *response,
                           const char *response_label)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  IcParticipantDialog *self = g_object_new (IC_TYPE_PARTICIPANT_DIALOG,
                                            "heading", title,
                                            "body", body,
                                            "title", title,
                                            "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                            NULL);

  self->response = g_strdup (response);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"),
                                    response, response_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), response,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  return self;
}

/* ic-decline-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-decline-dialog.h"

typedef struct
{
  IcDeclineDialogFunc  callback;
  gpointer             user_data;
  GDestroyNotify       notify;
  GtkDropDown         *reasons;
  GtkEditable         *text;
} Answer;

static void
answer_free (gpointer data)
{
  Answer *answer = data;

  if (answer->notify != NULL)
    answer->notify (answer->user_data);
  g_free (answer);
}

/* The reasons in the order the drop-down lists them. */
static IcDeclineReason
reason_at (guint position)
{
  return (IcDeclineReason) (IC_DECLINE_REASON_NOT_RELEVANT + position);
}

static void
update_response (AdwMessageDialog *dialog)
{
  Answer *answer = g_object_get_data (G_OBJECT (dialog), "answer");
  IcDeclineReason reason = reason_at (gtk_drop_down_get_selected (answer->reasons));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (answer->text)));

  adw_message_dialog_set_response_enabled (dialog, "decline",
                                           reason != IC_DECLINE_REASON_OTHER || text[0] != '\0');
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Answer *answer = g_object_get_data (G_OBJECT (dialog), "answer");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (answer->text)));

  if (g_strcmp0 (response, "decline") == 0)
    answer->callback (reason_at (gtk_drop_down_get_selected (answer->reasons)),
                      text[0] != '\0' ? text : NULL, answer->user_data);
  else
    answer->callback (IC_DECLINE_REASON_NONE, NULL, answer->user_data);
}

void
ic_decline_dialog_present (GtkWidget           *parent,
                           const char          *title,
                           IcDeclineDialogFunc  callback,
                           gpointer             user_data,
                           GDestroyNotify       notify)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  g_autofree char *heading = g_strdup_printf (_("Decline “%s”?"), title);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *reason_label = gtk_label_new (_("Reason"));
  GtkWidget *text_label = gtk_label_new (_("Details"));
  GtkWidget *reasons, *text;
  Answer *answer;

  for (IcDeclineReason r = IC_DECLINE_REASON_NOT_RELEVANT; r <= IC_DECLINE_REASON_OTHER; r++)
    gtk_string_list_append (names, ic_decline_reason_get_label (r));
  reasons = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  text = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (text), _("Needed for “Other”"));
  gtk_label_set_xalign (GTK_LABEL (reason_label), 0.0);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0.0);
  /* Named in full rather than by the labels, which GTK 4.8 would add
   * to the names. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (reasons), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for declining"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Details of the reason"), -1);
  gtk_box_append (GTK_BOX (box), reason_label);
  gtk_box_append (GTK_BOX (box), reasons);
  gtk_box_append (GTK_BOX (box), text_label);
  gtk_box_append (GTK_BOX (box), text);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading,
                                                       _("The reason is kept in the entry’s timeline "
                                                         "and counted in the impact report.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "decline", _("_Decline"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "decline", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "decline");
  adw_message_dialog_set_close_response (dialog, "cancel");

  answer = g_new0 (Answer, 1);
  answer->callback = callback;
  answer->user_data = user_data;
  answer->notify = notify;
  answer->reasons = GTK_DROP_DOWN (reasons);
  answer->text = GTK_EDITABLE (text);
  g_object_set_data_full (G_OBJECT (dialog), "answer", answer, answer_free);
  g_signal_connect_swapped (reasons, "notify::selected", G_CALLBACK (update_response), dialog);
  g_signal_connect_swapped (text, "changed", G_CALLBACK (update_response), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

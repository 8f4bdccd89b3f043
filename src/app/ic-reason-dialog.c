/* ic-reason-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-reason-dialog.h"

struct _IcReasonDialog
{
  AdwMessageDialog parent_instance;

  gboolean         with_list;

  AdwComboRow     *reason_row;
  AdwEntryRow     *text_row;
};

G_DEFINE_FINAL_TYPE (IcReasonDialog, ic_reason_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The list's reasons, in its order: every one but "none". */
#define FIRST_REASON IC_DECLINE_REASON_NOT_RELEVANT

IcDeclineReason
ic_reason_dialog_get_reason (IcReasonDialog *self)
{
  g_return_val_if_fail (IC_IS_REASON_DIALOG (self), IC_DECLINE_REASON_NONE);

  if (!self->with_list)
    return IC_DECLINE_REASON_OTHER;
  return FIRST_REASON + adw_combo_row_get_selected (self->reason_row);
}

char *
ic_reason_dialog_dup_text (IcReasonDialog *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (IC_IS_REASON_DIALOG (self), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/* "Other" needs words; the words row shows only then. */
static void
on_changed (IcReasonDialog *self)
{
  gboolean other = ic_reason_dialog_get_reason (self) == IC_DECLINE_REASON_OTHER;
  g_autofree char *text = ic_reason_dialog_dup_text (self);

  gtk_widget_set_visible (GTK_WIDGET (self->text_row), other);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm",
                                           !other || text != NULL);
}

static void
ic_reason_dialog_class_init (IcReasonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-reason-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IcReasonDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, IcReasonDialog, text_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
ic_reason_dialog_init (IcReasonDialog *self)
{
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (int reason = FIRST_REASON; reason <= IC_DECLINE_REASON_OTHER; reason++)
    gtk_string_list_append (reasons, ic_decline_reason_get_label (reason));
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (reasons));
}

IcReasonDialog *
ic_reason_dialog_new (GtkWindow  *parent,
                      const char *heading,
                      const char *body,
                      const char *confirm_label,
                      gboolean    with_list)
{
  IcReasonDialog *self = g_object_new (IC_TYPE_REASON_DIALOG,
                                       "transient-for", parent,
                                       "title", heading,
                                       "heading", heading,
                                       "body", body,
                                       NULL);

  self->with_list = with_list;
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), with_list);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "confirm", confirm_label);
  on_changed (self);
  return self;
}

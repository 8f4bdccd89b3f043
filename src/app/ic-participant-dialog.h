/* ic-participant-dialog.h — a message dialog that asks for a few
 * choices (a participant, a slot, a meeting…) before its one action,
 * and the "Choose …" drop-downs the event editor shares with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IC_TYPE_PARTICIPANT_DIALOG (ic_participant_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IcParticipantDialog, ic_participant_dialog, IC, PARTICIPANT_DIALOG, AdwMessageDialog)

/* A dialog over @parent's window titled @title, saying @body, with
 * Cancel and @response (labelled @response_label, the suggested one). */
IcParticipantDialog *ic_participant_dialog_new (GtkWidget  *parent,
                                                const char *title,
                                                const char *body,
                                                const char *response,
                                                const char *response_label);

/* Adds a drop-down named @name (for assistive technologies) offering
 * @items.  With a @placeholder ("Choose a participant"), it comes
 * first and is chosen, and @response stays off until every drop-down
 * with one has something else chosen: nothing is chosen for the user.
 * Without, item @selected is chosen.
 * Returns: (transfer none): the drop-down */
GtkDropDown *ic_participant_dialog_add_choice (IcParticipantDialog *self,
                                               const char          *name,
                                               const char          *placeholder,
                                               const char * const  *items,
                                               guint                selected);
/* Adds @widget under the drop-downs (it takes part in nothing else). */
void         ic_participant_dialog_add_widget (IcParticipantDialog *self,
                                               GtkWidget           *widget);
/* The index in its @items of what drop-down @choice (in the order they
 * were added) has chosen, -1 for the placeholder. */
int          ic_participant_dialog_get_chosen (IcParticipantDialog *self,
                                               guint                choice);
/* Decides whether @response is on, instead of the rule above; called
 * whenever a choice changes and by ic_participant_dialog_update_ready(). */
typedef gboolean (*IcParticipantDialogReadyFunc) (IcParticipantDialog *self,
                                                  gpointer             user_data);
void         ic_participant_dialog_set_ready_func (IcParticipantDialog          *self,
                                                   IcParticipantDialogReadyFunc  func,
                                                   gpointer                      user_data);
/* Enables @response or not, for the choices as they are now (call it
 * when a widget of the caller's changes). */
void         ic_participant_dialog_update_ready (IcParticipantDialog *self);
/* Presents the dialog and puts the focus on its first drop-down. */
void         ic_participant_dialog_present    (IcParticipantDialog *self);

/* The same choices in a drop-down of a form: @placeholder first (may be
 * NULL), then @items, and the placeholder (or the first item) chosen. */
void         ic_participant_dialog_fill_drop_down (GtkDropDown        *dropdown,
                                                   const char         *placeholder,
                                                   const char * const *items);
/* The index in its items of what @dropdown, filled as above with a
 * placeholder, has chosen; -1 for the placeholder or nothing. */
int          ic_participant_dialog_drop_down_chosen (GtkDropDown *dropdown);

G_END_DECLS

/* ic-decline-dialog.h — asks why a shortlist entry is declined
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-model-types.h"

G_BEGIN_DECLS

/* Called with the reason and its text once the person confirms, or
 * with IC_DECLINE_REASON_NONE if they cancel. */
typedef void (*IcDeclineDialogFunc) (IcDeclineReason  reason,
                                     const char      *text,
                                     gpointer         user_data);

/* A small dialog over @parent's window asking why “@title” is declined:
 * a reason from the list and, for “Other”, a few words (needed).
 * @notify frees @user_data once the dialog has answered. */
void ic_decline_dialog_present (GtkWidget           *parent,
                                const char          *title,
                                IcDeclineDialogFunc  callback,
                                gpointer             user_data,
                                GDestroyNotify       notify);

G_END_DECLS

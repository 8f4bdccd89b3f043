/* ic-reason-dialog.h — asks why, from the short list of reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A message dialog with the reasons (IcDeclineReason) to choose from
 * and, for "Other", a line to say it in words; its "confirm" response
 * is possible only once the reason is complete.  Used by Not a Match
 * and by Pin (with a text alone).
 */

#pragma once

#include <adwaita.h>

#include "ic-model-types.h"

G_BEGIN_DECLS

#define IC_TYPE_REASON_DIALOG (ic_reason_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IcReasonDialog, ic_reason_dialog, IC, REASON_DIALOG, AdwMessageDialog)

/* @heading and @confirm_label ("Not a Match"); with @with_list the
 * reasons' list, else only the words, which are then required.
 * Returns: (transfer full) */
IcReasonDialog  *ic_reason_dialog_new        (GtkWindow      *parent,
                                              const char     *heading,
                                              const char     *body,
                                              const char     *confirm_label,
                                              gboolean        with_list);
IcDeclineReason  ic_reason_dialog_get_reason (IcReasonDialog *self);
/* The words typed, trimmed, or NULL if none (transfer full). */
char            *ic_reason_dialog_dup_text   (IcReasonDialog *self);

G_END_DECLS

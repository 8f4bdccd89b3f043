/* ic-record-editor.h — a form to create or edit one record of any kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stored record opens as a view of its values, with Edit (Ctrl+E)
 * turning the same window into the form; a new record opens in the
 * form.  The form checks the record with the model's validation before it
 * writes, and shows a failing rule next to the field it names.
 * Signals: "saved" (IcRecord *) after a successful write, and
 * "delete-requested" (const char *id) when the person asks to delete.
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_RECORD_EDITOR (ic_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (IcRecordEditor, ic_record_editor, IC, RECORD_EDITOR, AdwWindow)

/* Reads what the form offers to choose from (organisations, tags)
 * through @service, then makes an editor of a copy of @record; @is_new
 * says whether saving inserts it. */
void            ic_record_editor_new_async  (IcStoreService      *service,
                                             IcRecord            *record,
                                             gboolean             is_new,
                                             const char          *author,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* Returns: (transfer full) (nullable): the editor, not yet shown */
IcRecordEditor *ic_record_editor_new_finish (GAsyncResult        *result,
                                             GError             **error);
/* Reads the form into a copy of the record, checks it and starts
 * writing it through the store service; "saved" follows once it is
 * written.  Returns FALSE, with the message by the field at fault, if
 * the form does not pass the checks (or a save is under way).  A failed write shows its
 * message in the form; an edit refused because the record was changed
 * elsewhere offers to reload it. */
gboolean        ic_record_editor_save      (IcRecordEditor *self);

G_END_DECLS

/* ic-event-editor.h — a form to set up a workshop event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-event.h"
#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_EVENT_EDITOR (ic_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (IcEventEditor, ic_event_editor, IC, EVENT_EDITOR, AdwWindow)

/* Reads the organisations through @service, then makes a form for
 * @event (NULL for a new one) that saves through @service, validating
 * as the store does, and emits "saved" with the event's id. */
void           ic_event_editor_new_async  (IcStoreService      *service,
                                           IcEvent             *event,
                                           const char          *author,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* Returns: (transfer full) (nullable): the form, not yet shown */
IcEventEditor *ic_event_editor_new_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS

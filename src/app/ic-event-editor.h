/* ic-event-editor.h — a form to set up a workshop event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-event.h"
#include "ic-store.h"

G_BEGIN_DECLS

#define IC_TYPE_EVENT_EDITOR (ic_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (IcEventEditor, ic_event_editor, IC, EVENT_EDITOR, AdwWindow)

/* A form for @event (NULL for a new one) that saves through @store,
 * validating as the store does, and emits "saved" with the event's id. */
IcEventEditor *ic_event_editor_new (IcStore    *store,
                                    IcEvent    *event,
                                    const char *author);

G_END_DECLS

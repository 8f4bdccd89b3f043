/* ic-conflicts-window.h — the conflicts a sync kept, to resolve one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_CONFLICTS_WINDOW (ic_conflicts_window_get_type ())

G_DECLARE_FINAL_TYPE (IcConflictsWindow, ic_conflicts_window, IC, CONFLICTS_WINDOW, AdwWindow)

/* Shows the conflicts kept in @store; a resolution is an edit by
 * @author.  ::resolved is emitted after each one is saved. */
IcConflictsWindow *ic_conflicts_window_new (IcStoreService *service,
                                            const char *author);

G_END_DECLS

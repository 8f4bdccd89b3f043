/* ic-facilitator-window.h — a challenge and its live shortlist, full screen, for projecting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_FACILITATOR_WINDOW (ic_facilitator_window_get_type ())

G_DECLARE_FINAL_TYPE (IcFacilitatorWindow, ic_facilitator_window, IC, FACILITATOR_WINDOW, AdwWindow)

/* A window that goes full screen when shown; Escape or its button
 * leaves it.  The weights start as the Matches page's and are not
 * saved: a room's what-ifs change nothing for later. */
GtkWidget *ic_facilitator_window_new (IcStoreService *service);

G_END_DECLS

/* ic-sync-indicator.h — the header bar's sync button and its popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-sync-controller.h"

G_BEGIN_DECLS

#define IC_TYPE_SYNC_INDICATOR (ic_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (IcSyncIndicator, ic_sync_indicator, IC, SYNC_INDICATOR, AdwBin)

/* Shows what @controller says, from now on. */
void  ic_sync_indicator_set_controller (IcSyncIndicator  *self,
                                        IcSyncController *controller);

G_END_DECLS

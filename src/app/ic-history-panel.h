/* ic-history-panel.h — a record's changes, in its editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per change, newest first: what happened, who and when, and
 * under it the fields the change made different, before → after.
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_HISTORY_PANEL (ic_history_panel_get_type ())

G_DECLARE_FINAL_TYPE (IcHistoryPanel, ic_history_panel, IC, HISTORY_PANEL, AdwBin)

IcHistoryPanel *ic_history_panel_new  (void);
/* Reads the history of the record @id through @service and shows it. */
void            ic_history_panel_load (IcHistoryPanel *self,
                                       IcStoreService *service,
                                       const char     *id);

G_END_DECLS

/* ic-conflict-rules-window.h — the conflict-of-interest rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the pairs of organisations never to be matched or scheduled to
 * meet, with why, and adds and removes them (ic-store-curation.h).
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_CONFLICT_RULES_WINDOW (ic_conflict_rules_window_get_type ())

G_DECLARE_FINAL_TYPE (IcConflictRulesWindow, ic_conflict_rules_window, IC, CONFLICT_RULES_WINDOW, AdwWindow)

IcConflictRulesWindow *ic_conflict_rules_window_new (IcStoreService *service,
                                                     const char     *author);

G_END_DECLS

/* ic-preferences-window.h — the person's name on edits, the style, the database in use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-application.h"

G_BEGIN_DECLS

#define IC_TYPE_PREFERENCES_WINDOW (ic_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (IcPreferencesWindow, ic_preferences_window, IC, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

IcPreferencesWindow *ic_preferences_window_new (IcApplication *application);

G_END_DECLS

/* ic-glossary-window.h — the team's glossary, and whether matching learns
 * from the team's decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-application.h"

G_BEGIN_DECLS

#define IC_TYPE_GLOSSARY_WINDOW (ic_glossary_window_get_type ())

G_DECLARE_FINAL_TYPE (IcGlossaryWindow, ic_glossary_window, IC, GLOSSARY_WINDOW, AdwPreferencesWindow)

/* Reads the glossary through @application's store service; every change
 * is saved at once, and "matching-changed" is emitted on @application
 * so that open rankings are made again. */
IcGlossaryWindow *ic_glossary_window_new (IcApplication *application);

G_END_DECLS

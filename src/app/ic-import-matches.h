/* ic-import-matches.h — rows an import takes as stored organisations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import dialog's "Stored Organisations" group: each row the import
 * takes as a stored organisation (a name like it, or its website), with
 * a choice of Update Existing (the default) or Keep Apart where the
 * store tells the names apart; a name it counts as the same says it
 * will update.
 */

#pragma once

#include <adwaita.h>

#include "ic-import-report.h"

G_BEGIN_DECLS

#define IC_TYPE_IMPORT_MATCHES (ic_import_matches_get_type ())

G_DECLARE_FINAL_TYPE (IcImportMatches, ic_import_matches, IC, IMPORT_MATCHES, AdwPreferencesGroup)

GtkWidget *ic_import_matches_new         (void);
/* Lists @report's rows taken as stored organisations, each showing
 * whether it was kept apart; hides the group when there are none. */
void       ic_import_matches_show_report (IcImportMatches *self,
                                          IcImportReport  *report);

G_END_DECLS

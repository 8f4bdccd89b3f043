/* ic-import-value-map.h — the values of a file that match nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import dialog's "Values to Map" group: each cluster or place the
 * taxonomy does not know, once, with the number of rows that hold it,
 * and a choice of what it means for all of them (or nothing).
 */

#pragma once

#include <adwaita.h>

#include "ic-import-report.h"
#include "ic-taxonomy.h"

G_BEGIN_DECLS

#define IC_TYPE_IMPORT_VALUE_MAP (ic_import_value_map_get_type ())

G_DECLARE_FINAL_TYPE (IcImportValueMap, ic_import_value_map, IC, IMPORT_VALUE_MAP, AdwPreferencesGroup)

GtkWidget *ic_import_value_map_new         (IcTaxonomy       *taxonomy);
/* Lists @report's unmatched values, each showing what was chosen for
 * it; hides the group when there are none. */
void       ic_import_value_map_show_report (IcImportValueMap *self,
                                            IcImportReport   *report);

G_END_DECLS

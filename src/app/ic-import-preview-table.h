/* ic-import-preview-table.h — the first rows of a file, and the field
 * each of its columns fills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Above each column a drop-down names the field the column fills, or
 * "Ignore"; choosing another emits "target-changed" (guint column,
 * const char *target or NULL).  Rows and cells a dry run rejected are
 * marked, with the rule as their tooltip.
 */

#pragma once

#include <gtk/gtk.h>

#include "ic-import-preview.h"
#include "ic-import-report.h"

G_BEGIN_DECLS

#define IC_TYPE_IMPORT_PREVIEW_TABLE (ic_import_preview_table_get_type ())

G_DECLARE_FINAL_TYPE (IcImportPreviewTable, ic_import_preview_table, IC, IMPORT_PREVIEW_TABLE, GtkWidget)

GtkWidget *ic_import_preview_table_new          (void);
/* Shows @preview's rows under @mapping's choices. */
void       ic_import_preview_table_set_preview  (IcImportPreviewTable *self,
                                                 IcImportPreview      *preview,
                                                 IcImportMapping      *mapping);
/* Shows the choices of @mapping, made for the same header. */
void       ic_import_preview_table_set_mapping  (IcImportPreviewTable *self,
                                                 IcImportMapping      *mapping);
/* Marks the rows @report rejected; NULL clears the marks. */
void       ic_import_preview_table_set_problems (IcImportPreviewTable *self,
                                                 IcImportReport       *report);

G_END_DECLS

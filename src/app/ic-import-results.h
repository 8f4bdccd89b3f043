/* ic-import-results.h — what a dry run of an import says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import dialog's "Dry Run" group: a spinner while the rows are
 * checked, a sentence that counts what would happen, a hint about what
 * to do next, and the rows that would fail, each with its reason.
 */

#pragma once

#include <gtk/gtk.h>

#include "ic-import-report.h"

G_BEGIN_DECLS

#define IC_TYPE_IMPORT_RESULTS (ic_import_results_get_type ())

G_DECLARE_FINAL_TYPE (IcImportResults, ic_import_results, IC, IMPORT_RESULTS, GtkBox)

GtkWidget *ic_import_results_new          (void);
/* Shows @message ("Checking every row…", or why no check runs) in place
 * of the counts, and lists no rows. */
void       ic_import_results_show_message (IcImportResults *self,
                                           const char      *message);
/* Shows @report's counts and the rows it rejected (the first 50, then
 * how many more). */
void       ic_import_results_show_report  (IcImportResults *self,
                                           IcImportReport  *report);
/* Spins while a check runs. */
void       ic_import_results_set_checking (IcImportResults *self,
                                           gboolean         checking);
/* What to do before the rows can be imported; NULL for nothing. */
void       ic_import_results_set_hint     (IcImportResults *self,
                                           const char      *hint);

G_END_DECLS

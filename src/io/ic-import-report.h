/* ic-import-report.h — what an import did, or would do in a dry run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ic-import-mapping.h"

G_BEGIN_DECLS

#define IC_TYPE_IMPORT_REPORT (ic_import_report_get_type ())

G_DECLARE_FINAL_TYPE (IcImportReport, ic_import_report, IC, IMPORT_REPORT, GObject)

/* How many rows of each outcome; rows counts every data row read. */
typedef struct
{
  guint rows;
  guint added;
  guint updated;
  guint unchanged;   /* rows that match a stored record field for field */
  guint rejected;
  guint organisations_added;
} IcImportCounts;

/* Returns: (transfer full) */
IcImportReport    *ic_import_report_new           (IcImportMapping  *mapping,
                                                   gboolean          dry_run);

IcImportMapping   *ic_import_report_get_mapping   (IcImportReport   *self);
IcRecordKind       ic_import_report_get_kind      (IcImportReport   *self);
gboolean           ic_import_report_get_dry_run   (IcImportReport   *self);
/* Whether the records were written: never in a dry run, and not when
 * a bad row stopped an all-or-nothing import. */
gboolean           ic_import_report_get_committed (IcImportReport   *self);
void               ic_import_report_set_committed (IcImportReport   *self,
                                                   gboolean          committed);
const IcImportCounts *ic_import_report_get_counts (IcImportReport   *self);
/* For the importer, which counts as it goes (transfer none). */
IcImportCounts    *ic_import_report_edit_counts   (IcImportReport   *self);

/* Records a problem with @row (as a spreadsheet numbers it); @column
 * is the header of the column at fault and @field its field, either
 * NULL when the row as a whole is at fault. */
void               ic_import_report_add_problem   (IcImportReport   *self,
                                                   guint             row,
                                                   const char       *column,
                                                   const char       *field,
                                                   const char       *message);
guint              ic_import_report_get_n_problems (IcImportReport  *self);
/* The message of problem @index, "row 12, column TRL: 11 is not
 * between 1 and 9"; @row, @column and @field may be NULL. */
const char        *ic_import_report_get_problem   (IcImportReport   *self,
                                                   guint             index,
                                                   guint            *row,
                                                   const char      **column,
                                                   const char      **field);

/* Returns: (transfer full): the report as JSON: counts, the mapping
 * and the problems. */
JsonNode          *ic_import_report_to_json       (IcImportReport   *self);
/* Returns: (transfer full): a summary a person reads, one line. */
char              *ic_import_report_get_summary   (IcImportReport   *self);

G_END_DECLS

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
  guint organisations_updated;   /* stored ones the rows filled in */
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
/* The same for a @message that names the column in its own words ("the
 * company name is empty"): "row 8: the company name is empty". */
void               ic_import_report_add_problem_in_words (IcImportReport *self,
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

/* Something a person should know of a row that was kept: a value
 * left empty, a range of which one end was taken… */
void               ic_import_report_add_warning   (IcImportReport   *self,
                                                   guint             row,
                                                   const char       *column,
                                                   const char       *field,
                                                   const char       *message);
guint              ic_import_report_get_n_warnings (IcImportReport  *self);
/* Returns: (transfer none): "row 4, column TRL: “6-7” is a range…" */
const char        *ic_import_report_get_warning   (IcImportReport   *self,
                                                   guint             index,
                                                   guint            *row);

/* Counts one more row whose @target (cluster or local_authority) holds
 * @value, which nothing in the taxonomy matched; @mapped_to is what the
 * person chose for it ("" for nothing), NULL if they have not. */
/* A row the import takes as a stored organisation, by a name like it
 * or by its website.  @can_keep_apart: the row's name differs from the
 * stored one under the store's rule (ic-name-key.h), so it could be
 * written as an organisation of its own; @kept_apart: it was, as asked
 * (ic_import_keep_apart). */
typedef struct
{
  guint       row;
  const char *name;          /* as the row has it */
  const char *stored_id;
  const char *stored_name;
  gboolean    by_website;
  gboolean    can_keep_apart;
  gboolean    kept_apart;
} IcImportSimilar;

void               ic_import_report_add_similar   (IcImportReport   *self,
                                                   const IcImportSimilar *similar);
guint              ic_import_report_get_n_similar (IcImportReport   *self);
const IcImportSimilar *ic_import_report_get_similar (IcImportReport *self,
                                                   guint             index);

void               ic_import_report_count_unmatched (IcImportReport *self,
                                                   const char       *target,
                                                   const char       *value,
                                                   const char       *mapped_to);
guint              ic_import_report_get_n_unmatched (IcImportReport *self);
/* Returns: (transfer none): the value, listed once with its rows. */
const char        *ic_import_report_get_unmatched (IcImportReport   *self,
                                                   guint             index,
                                                   const char      **target,
                                                   guint            *n_rows,
                                                   const char      **mapped_to);

/* Keeps @row's cells as the file had them, for a file of the rows
 * left out. */
void               ic_import_report_add_skipped_row (IcImportReport *self,
                                                   guint             row,
                                                   const char * const *cells,
                                                   guint             n_cells);
guint              ic_import_report_get_n_skipped (IcImportReport   *self);
/* Writes the rows left out, with the file's header and a last column
 * saying why, as CSV a person fixes and imports again. */
gboolean           ic_import_report_write_skipped (IcImportReport   *self,
                                                   GOutputStream    *stream,
                                                   GCancellable     *cancellable,
                                                   GError          **error);

/* Records a record the import wrote: added when @before is NULL, else
 * updated from @before. */
void               ic_import_report_add_written   (IcImportReport   *self,
                                                   IcRecord         *record,
                                                   IcRecord         *before);
/* Returns: (transfer none) (element-type IcRecord) */
GPtrArray         *ic_import_report_get_added     (IcImportReport   *self);
/* Returns: (transfer none) (element-type IcRecord): with @before, in
 * the same order, the records as they were. */
GPtrArray         *ic_import_report_get_updated   (IcImportReport   *self,
                                                   GPtrArray       **before);

/* Returns: (transfer full): the report as JSON: counts, the mapping
 * and the problems. */
JsonNode          *ic_import_report_to_json       (IcImportReport   *self);
/* Returns: (transfer full): a summary a person reads, one line. */
char              *ic_import_report_get_summary   (IcImportReport   *self);

G_END_DECLS

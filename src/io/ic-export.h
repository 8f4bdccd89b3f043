/* ic-export.h — records and shortlists out to files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records go out as CSV (one column per field, named as in JSON, lists
 * joined with "; ", plus the organisation's name beside its id) or as a
 * JSON array of the records' usual JSON objects; either imports again
 * as the same records.  Shortlists go out as CSV, JSON (with the full
 * explanations), XLSX or an A4 PDF report.
 *
 * A file is written beside its destination and moved over it once
 * complete, so a failed or cancelled export leaves no half file.
 */

#pragma once

#include <gio/gio.h>

#include "ic-io-progress.h"
#include "ic-shortlist-report.h"
#include "ic-store.h"

G_BEGIN_DECLS

typedef enum
{
  IC_EXPORT_FORMAT_CSV,
  IC_EXPORT_FORMAT_JSON,
  IC_EXPORT_FORMAT_XLSX,
  IC_EXPORT_FORMAT_PDF,
} IcExportFormat;

typedef enum
{
  IC_EXPORT_NONE = 0,
  IC_EXPORT_BOM  = 1 << 0,   /* CSV: a UTF-8 byte-order mark, for Excel */
  /* A shortlist: leave out the entries' private notes, their stages. */
  IC_EXPORT_NO_NOTES  = 1 << 1,
  IC_EXPORT_NO_STAGES = 1 << 2,
} IcExportFlags;

/* What a shortlist export of @format leaves out unless asked: a PDF is
 * made to be sent, so its notes and stages stay private; the others
 * are working files and keep them. */
IcExportFlags ic_export_default_flags         (IcExportFormat     format);

/* "csv", "json", "xlsx", "pdf" → the format; FALSE if none. */
gboolean     ic_export_format_from_string     (const char        *name,
                                               IcExportFormat    *format);
const char  *ic_export_format_to_string       (IcExportFormat     format);

/* Writes every live record of @kind to @stream as CSV or JSON, reading
 * the store in pages; @stream is not closed. */
gboolean     ic_export_records_to_stream      (IcStore           *store,
                                               IcRecordKind       kind,
                                               IcExportFormat     format,
                                               IcExportFlags      flags,
                                               GOutputStream     *stream,
                                               IcProgressFunc     progress,
                                               gpointer           progress_data,
                                               GCancellable      *cancellable,
                                               GError           **error);
/* The same to @file, replaced only once complete. */
gboolean     ic_export_records                (IcStore           *store,
                                               IcRecordKind       kind,
                                               IcExportFormat     format,
                                               IcExportFlags      flags,
                                               GFile             *file,
                                               IcProgressFunc     progress,
                                               gpointer           progress_data,
                                               GCancellable      *cancellable,
                                               GError           **error);

/* Writes @report as CSV or JSON to @stream, which is not closed. */
gboolean     ic_export_shortlist_to_stream    (IcShortlistReport *report,
                                               IcExportFormat     format,
                                               IcExportFlags      flags,
                                               GOutputStream     *stream,
                                               GCancellable      *cancellable,
                                               GError           **error);
/* Writes @report to @file in any format. */
gboolean     ic_export_shortlist_report       (IcShortlistReport *report,
                                               IcExportFormat     format,
                                               IcExportFlags      flags,
                                               GFile             *file,
                                               GCancellable      *cancellable,
                                               GError           **error);
/* Loads shortlist @shortlist_id from @store and writes it to @file. */
gboolean     ic_export_shortlist              (IcStore           *store,
                                               const char        *shortlist_id,
                                               IcExportFormat     format,
                                               IcExportFlags      flags,
                                               GFile             *file,
                                               GCancellable      *cancellable,
                                               GError           **error);

/* The export of a shortlist in a worker thread, on its own connection
 * to the database at @db_path: for the GUI's Export button. */
void         ic_export_shortlist_async        (const char         *db_path,
                                               const char         *shortlist_id,
                                               IcExportFormat      format,
                                               IcExportFlags       flags,
                                               GFile              *file,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean     ic_export_shortlist_finish       (GAsyncResult       *result,
                                               GError            **error);

/* The export of records in a worker thread, with progress in the
 * caller's main context (@progress_data must live until the callback). */
void         ic_export_records_async          (const char         *db_path,
                                               IcRecordKind        kind,
                                               IcExportFormat      format,
                                               IcExportFlags       flags,
                                               GFile              *file,
                                               IcProgressFunc      progress,
                                               gpointer            progress_data,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean     ic_export_records_finish         (GAsyncResult       *result,
                                               GError            **error);

G_END_DECLS

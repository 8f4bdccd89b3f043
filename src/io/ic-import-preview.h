/* ic-import-preview.h — the header and first rows of a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a person sees before importing: the column names, the first few
 * rows as the file has them, and what the names say the file holds.
 * Reading stops after those rows, so a preview of a large file is
 * quick; the dry run (ic-import.h) checks every row.
 */

#pragma once

#include <gio/gio.h>

#include "ic-record.h"

G_BEGIN_DECLS

#define IC_TYPE_IMPORT_PREVIEW (ic_import_preview_get_type ())

G_DECLARE_FINAL_TYPE (IcImportPreview, ic_import_preview, IC, IMPORT_PREVIEW, GObject)

/* Reads the header and up to @max_rows data rows of @stream.  Fails,
 * in words, when the file is empty, not UTF-8 text or not CSV at all;
 * a data row that is not UTF-8 is left out (the dry run reports it).
 * Returns: (transfer full) (nullable) */
IcImportPreview    *ic_import_preview_read          (GInputStream     *stream,
                                                     guint             max_rows,
                                                     GCancellable     *cancellable,
                                                     GError          **error);

/* The same for @file, in a worker thread. */
void                ic_import_preview_read_async    (GFile              *file,
                                                     guint               max_rows,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
/* Returns: (transfer full) (nullable) */
IcImportPreview    *ic_import_preview_read_finish   (GAsyncResult     *result,
                                                     GError          **error);

/* The column names, NULL-terminated (transfer none). */
const char * const *ic_import_preview_get_header    (IcImportPreview  *self);
guint               ic_import_preview_get_n_columns (IcImportPreview  *self);
guint               ic_import_preview_get_n_rows    (IcImportPreview  *self);
/* The cells of data row @index (from 0), NULL-terminated; a short row
 * has fewer cells than there are columns (transfer none).  @row_number
 * is the row as a spreadsheet numbers it, the header being row 1. */
const char * const *ic_import_preview_get_row       (IcImportPreview  *self,
                                                     guint             index,
                                                     guint            *row_number);
/* Whether rows follow the ones read. */
gboolean            ic_import_preview_get_truncated (IcImportPreview  *self);
/* What the column names say the file holds; FALSE when they cannot
 * tell (see ic_import_mapping_guess_kind()). */
gboolean            ic_import_preview_guess_kind    (IcImportPreview  *self,
                                                     IcRecordKind     *kind);

G_END_DECLS

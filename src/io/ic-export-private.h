/* ic-export-private.h — what the export's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-export.h"

G_BEGIN_DECLS

/* A stream that replaces @file once ic_export_commit_stream() closes it;
 * ic_export_abandon_stream() leaves @file as it was.
 * Returns: (transfer full) (nullable) */
GOutputStream *ic_export_replace_stream  (GFile          *file,
                                          GCancellable   *cancellable,
                                          GError        **error);
gboolean       ic_export_commit_stream   (GOutputStream  *stream,
                                          GCancellable   *cancellable,
                                          GError        **error);
void           ic_export_abandon_stream  (GOutputStream  *stream);

/* The XLSX workbook of a shortlist (ic-xlsx-writer.c), at @path. */
gboolean       ic_xlsx_write_shortlist   (IcShortlistReport *report,
                                          const char        *path,
                                          GError           **error);

/* The PDF report of a shortlist (ic-report-renderer.c), to @stream. */
gboolean       ic_pdf_write_shortlist    (IcShortlistReport *report,
                                          GOutputStream     *stream,
                                          GCancellable      *cancellable,
                                          GError           **error);

G_END_DECLS

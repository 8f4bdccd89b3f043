/* ic-export-private.h — what the export's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

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

/* A PDF document of @width × @height point pages written to @stream:
 * draw on the context, cairo_show_page() after each page, then
 * ic_export_pdf_finish().  Returns: (transfer full) */
cairo_t       *ic_export_pdf_begin       (GOutputStream  *stream,
                                          const char     *title,
                                          double          width,
                                          double          height);
/* Ends the document begun with @cr, and frees @cr: fails with
 * G_IO_ERROR_CANCELLED once @cancellable is cancelled (the drawing
 * stops early), or with IC_IO_ERROR_WRITE when cairo could not write. */
gboolean       ic_export_pdf_finish      (cairo_t        *cr,
                                          GCancellable   *cancellable,
                                          GError        **error);

G_END_DECLS

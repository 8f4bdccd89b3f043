/* ic-csv-writer.h — RFC 4180 CSV to a GOutputStream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fields are quoted when they hold the delimiter, a quote, a line break
 * or white space at either end; rows end with CRLF.  Text cells that a
 * spreadsheet would run as a formula — beginning with =, +, -, @, a tab
 * or a carriage return — are neutralised by a leading apostrophe, which
 * spreadsheets show as text and which the importer takes off again.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  IC_CSV_WRITER_NONE = 0,
  IC_CSV_WRITER_BOM  = 1 << 0,   /* begin with a UTF-8 byte-order mark, for Excel */
  IC_CSV_WRITER_LF   = 1 << 1,   /* end rows with LF rather than CRLF */
} IcCsvWriterFlags;

#define IC_TYPE_CSV_WRITER (ic_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (IcCsvWriter, ic_csv_writer, IC, CSV_WRITER, GObject)

/* Returns: (transfer full): a writer to @stream, which it keeps a
 * reference to; output is buffered until ic_csv_writer_close() or a
 * large enough row. */
IcCsvWriter *ic_csv_writer_new           (GOutputStream     *stream,
                                          IcCsvWriterFlags   flags);

/* Adds a text cell to the current row, neutralising a formula. */
void         ic_csv_writer_add_text      (IcCsvWriter       *self,
                                          const char        *text);
/* Adds a cell written exactly as given (still quoted if it must be):
 * for numbers and other values the program made itself. */
void         ic_csv_writer_add_raw       (IcCsvWriter       *self,
                                          const char        *text);
void         ic_csv_writer_add_int       (IcCsvWriter       *self,
                                          gint64             value);
/* A number with up to @digits decimals, with a '.' whatever the locale. */
void         ic_csv_writer_add_double    (IcCsvWriter       *self,
                                          double             value,
                                          guint              digits);
/* Ends the current row; writes the buffer out when it is large. */
gboolean     ic_csv_writer_end_row       (IcCsvWriter       *self,
                                          GCancellable      *cancellable,
                                          GError           **error);
/* Adds every cell of @texts as text and ends the row. */
gboolean     ic_csv_writer_write_row     (IcCsvWriter       *self,
                                          const char * const *texts,
                                          GCancellable      *cancellable,
                                          GError           **error);
/* Writes out what is buffered, leaving the stream open. */
gboolean     ic_csv_writer_flush         (IcCsvWriter       *self,
                                          GCancellable      *cancellable,
                                          GError           **error);
/* Writes out what is buffered and closes the stream. */
gboolean     ic_csv_writer_close         (IcCsvWriter       *self,
                                          GCancellable      *cancellable,
                                          GError           **error);

/* Whether a spreadsheet would take @text as a formula. */
gboolean     ic_csv_text_is_formula      (const char        *text);
/* Takes off the apostrophe that ic_csv_writer_add_text() put before a
 * formula-like text; anything else is returned as it is.
 * Returns: (transfer none): @text or a position inside it */
const char  *ic_csv_text_unneutralise    (const char        *text);

G_END_DECLS

/* ic-csv-reader.h — a streaming reader of RFC 4180 CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads one row at a time from a GInputStream, so a file of any length
 * is read in constant memory.  Understands quoted fields with embedded
 * delimiters, quotes ("") and line breaks; CRLF, LF or CR line ends; a
 * UTF-8 byte-order mark; and comma, semicolon or tab delimiters, which
 * it can detect from the first row.  Every field it returns is valid
 * UTF-8.  Leniencies, as spreadsheets write them: a quote inside an
 * unquoted field is kept as text, text after a closing quote is kept,
 * and blank lines are skipped (but still counted as rows).
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A field longer than this is an error: most often a quote that is
 * never closed, which would otherwise swallow the rest of the file. */
#define IC_CSV_DEFAULT_MAX_FIELD_SIZE (1024 * 1024)
#define IC_CSV_DEFAULT_MAX_FIELDS     1000
#define IC_CSV_DEFAULT_MAX_ROW_SIZE   (8 * 1024 * 1024)

#define IC_TYPE_CSV_READER (ic_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (IcCsvReader, ic_csv_reader, IC, CSV_READER, GObject)

/* Returns: (transfer full): a reader of @stream, which it keeps a
 * reference to; the delimiter is detected from the first row. */
IcCsvReader        *ic_csv_reader_new              (GInputStream  *stream);

/* Uses @delimiter (',', ';' or '\t') instead of detecting one; '\0'
 * detects.  Call before the first row is read. */
void                ic_csv_reader_set_delimiter    (IcCsvReader   *self,
                                                    char           delimiter);
/* The delimiter in use: the one set, or the one detected once the
 * first row is read; '\0' before that. */
char                ic_csv_reader_get_delimiter    (IcCsvReader   *self);

/* Bounds what one field, one row's fields and one row's bytes may
 * take; 0 leaves a bound as it is. */
void                ic_csv_reader_set_limits       (IcCsvReader   *self,
                                                    gsize          max_field_size,
                                                    guint          max_fields,
                                                    gsize          max_row_size);

/* Names the columns in error messages ("column Title" rather than
 * "column 3"), usually from the header row. */
void                ic_csv_reader_set_column_names (IcCsvReader        *self,
                                                    const char * const *names);

/* Reads the next row.  Returns FALSE with @error unset at the end of
 * the stream, FALSE with @error set on a problem: after
 * IC_IO_ERROR_ENCODING (a field that is not UTF-8) the bad row has been
 * passed and reading may go on; any other error ends the reading. */
gboolean            ic_csv_reader_read_row         (IcCsvReader   *self,
                                                    GCancellable  *cancellable,
                                                    GError       **error);

/* The fields of the row just read, NULL-terminated; valid until the
 * next call of ic_csv_reader_read_row() (transfer none). */
const char * const *ic_csv_reader_get_fields       (IcCsvReader   *self);
guint               ic_csv_reader_get_n_fields     (IcCsvReader   *self);

/* The row just read, counted from 1 as a spreadsheet shows it: the
 * header is row 1, and a blank line is a row too. */
guint               ic_csv_reader_get_row_number   (IcCsvReader   *self);
/* The line of the file where the row just read starts, from 1. */
guint               ic_csv_reader_get_line_number  (IcCsvReader   *self);
/* How far into the stream the reader is, for progress. */
guint64             ic_csv_reader_get_bytes_read   (IcCsvReader   *self);
/* Whether the stream began with a UTF-8 byte-order mark. */
gboolean            ic_csv_reader_get_had_bom      (IcCsvReader   *self);

G_END_DECLS

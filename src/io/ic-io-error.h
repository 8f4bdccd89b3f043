/* ic-io-error.h — errors of reading and writing files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IC_IO_ERROR (ic_io_error_quark ())

typedef enum
{
  IC_IO_ERROR_EMPTY,             /* the file holds nothing, not even a header */
  IC_IO_ERROR_ENCODING,          /* not UTF-8 (e.g. UTF-16, or invalid bytes) */
  IC_IO_ERROR_UNTERMINATED,      /* a quoted field is never closed */
  IC_IO_ERROR_TOO_LARGE,         /* a field or row is over the reader's limits */
  IC_IO_ERROR_HEADER,            /* the header row is unusable */
  IC_IO_ERROR_MAPPING,           /* a --map entry or a column mapping is wrong */
  IC_IO_ERROR_ROW,               /* a row cannot be imported */
  IC_IO_ERROR_NOT_FOUND,         /* a record the export or import names is missing */
  IC_IO_ERROR_FORMAT,            /* a format that cannot be used here */
  IC_IO_ERROR_WRITE,             /* the output could not be written */
  IC_IO_ERROR_UNMATCHED,         /* a cell's value means nothing the field takes */
} IcIoError;

GQuark ic_io_error_quark (void);

G_END_DECLS

/* ic-feed-gzip.h — gzip for answers and pushes (Content-Encoding)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Bodies smaller than this go as they are: gzip would save nothing. */
#define IC_FEED_GZIP_MIN_BYTES 1024

/* Returns: (transfer full): @input in gzip format */
GBytes   *ic_feed_gzip_compress     (GBytes      *input);

/* Inflates gzip @input; more than @max_output bytes out is
 * IC_FEED_ERROR_TOO_LARGE (a small body may inflate to a huge one), and
 * data that is not gzip, or is cut off, IC_FEED_ERROR_PROTOCOL.
 * Returns: (transfer full) (nullable) */
GBytes   *ic_feed_gzip_decompress   (GBytes      *input,
                                     gsize        max_output,
                                     GError     **error);

/* Whether an Accept-Encoding header @value accepts gzip (a q of 0
 * refuses it). */
gboolean  ic_feed_gzip_accepted     (const char  *value);

G_END_DECLS

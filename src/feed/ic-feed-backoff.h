/* ic-feed-backoff.h — when to try the feed again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Never wait longer than this for a server that asks for it. */
#define IC_FEED_MAX_RETRY_AFTER_SECONDS 300

/* The delay before retry number @attempt (1 for the first retry): it
 * doubles from @base_ms up to @max_ms, and @jitter, in [0, 1), picks a
 * point in the upper half of that ("equal jitter"), so that laptops
 * that failed together do not retry together. */
guint    ic_feed_backoff_delay_ms   (guint       attempt,
                                     guint       base_ms,
                                     guint       max_ms,
                                     double      jitter);

/* Reads a Retry-After value: delta-seconds, or an HTTP-date taken
 * relative to @now (a date in the past is 0 seconds).  Values beyond
 * IC_FEED_MAX_RETRY_AFTER_SECONDS are clamped to it.  FALSE if @value
 * is neither. */
gboolean ic_feed_parse_retry_after  (const char *value,
                                     GDateTime  *now,
                                     guint      *seconds);

G_END_DECLS

/* ic-feed-json-feed.h — what JSON Feed 1.1 documents need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * https://jsonfeed.org/version/1.1.  The server's board writes the
 * documents (src/server/ic-board-feeds.c); the dates in them are RFC
 * 3339 in UTC, which this file checks and normalises.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IC_JSON_FEED_VERSION "https://jsonfeed.org/version/1.1"

/* @text as an RFC 3339 date-time in UTC ("2024-04-30T07:00:00Z"), or
 * NULL when it is not one: a full date and time with seconds and a "Z"
 * or "±hh:mm" offset (a fraction of a second is dropped), or a calendar
 * date alone, taken as midnight UTC.  Week and ordinal dates, "+0100"
 * and times without an offset are refused.
 * Returns: (transfer full) (nullable) */
char *ic_feed_rfc3339_normalise (const char *text);

G_END_DECLS

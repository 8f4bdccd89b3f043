/* ic-feed-json-feed.h — foresight items as a JSON Feed 1.1 document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * https://jsonfeed.org/version/1.1: any feed reader can subscribe to the
 * public foresight signals.  Our own fields (kind, tags, source) travel
 * in the "_interchange" extension object of each item.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IC_JSON_FEED_VERSION "https://jsonfeed.org/version/1.1"

typedef struct
{
  const char *title;           /* required */
  const char *description;     /* nullable */
  const char *home_page_url;   /* nullable */
  const char *feed_url;        /* nullable */
} IcJsonFeedInfo;

/* @items holds IcForesightItem, newest first; tombstones are skipped.
 * Returns: (transfer full): the document's JSON text */
char *ic_feed_json_feed_build (const IcJsonFeedInfo *info,
                               GPtrArray            *items);

/* @text as an RFC 3339 date-time in UTC ("2024-04-30T07:00:00Z"), or
 * NULL when it is not one: a full date and time with seconds and a "Z"
 * or "±hh:mm" offset (a fraction of a second is dropped), or a calendar
 * date alone, taken as midnight UTC.  Week and ordinal dates, "+0100"
 * and times without an offset are refused.
 * Returns: (transfer full) (nullable) */
char *ic_feed_rfc3339_normalise (const char *text);

G_END_DECLS

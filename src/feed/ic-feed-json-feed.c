/* ic-feed-json-feed.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-feed-json-feed.h"

char *
ic_feed_rfc3339_normalise (const char *text)
{
  static GRegex *date_time, *date_only;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *full = NULL;

  if (g_once_init_enter (&date_time))
    {
      date_only = g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&date_time,
                                 g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}"
                                              "(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
                                              G_REGEX_OPTIMIZE, 0, NULL));
    }
  if (text == NULL)
    return NULL;
  if (g_regex_match (date_only, text, 0, NULL))
    full = g_strconcat (text, "T00:00:00Z", NULL);
  else if (g_regex_match (date_time, text, 0, NULL))
    full = g_ascii_strup (text, -1);   /* RFC 3339 allows "t" and "z" */
  else
    return NULL;
  parsed = g_date_time_new_from_iso8601 (full, NULL);
  if (parsed == NULL)
    return NULL;
  utc = g_date_time_to_utc (parsed);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

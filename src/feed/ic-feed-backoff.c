/* ic-feed-backoff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "ic-feed-backoff.h"

guint
ic_feed_backoff_delay_ms (guint  attempt,
                          guint  base_ms,
                          guint  max_ms,
                          double jitter)
{
  guint64 ceiling = MAX (base_ms, 1);

  for (guint i = 1; i < attempt && ceiling < max_ms; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, (guint64) max_ms);

  jitter = CLAMP (jitter, 0.0, 1.0);
  return (guint) (ceiling / 2 + (guint64) ((ceiling - ceiling / 2) * jitter));
}

gboolean
ic_feed_parse_retry_after (const char *value,
                           GDateTime  *now,
                           guint      *seconds)
{
  g_autoptr(GDateTime) date = NULL;
  guint64 number;
  const char *end;

  if (value == NULL)
    return FALSE;
  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &number, NULL))
        {
          /* Trailing blanks are harmless; anything else is not a number. */
          for (end = value; g_ascii_isdigit (*end); end++)
            ;
          while (g_ascii_isspace (*end))
            end++;
          if (*end != '\0')
            return FALSE;
          number = g_ascii_strtoull (value, NULL, 10);
        }
      *seconds = (guint) MIN (number, IC_FEED_MAX_RETRY_AFTER_SECONDS);
      return TRUE;
    }

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return FALSE;
  number = (guint64) MAX (g_date_time_difference (date, now) / G_TIME_SPAN_SECOND, 0);
  *seconds = (guint) MIN (number, IC_FEED_MAX_RETRY_AFTER_SECONDS);
  return TRUE;
}

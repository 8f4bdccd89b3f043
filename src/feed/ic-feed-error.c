/* ic-feed-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-feed-error.h"

G_DEFINE_QUARK (ic-feed-error-quark, ic_feed_error)

gboolean
ic_feed_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != IC_FEED_ERROR)
    return FALSE;

  switch ((IcFeedError) error->code)
    {
    case IC_FEED_ERROR_NETWORK:
    case IC_FEED_ERROR_TIMED_OUT:
    case IC_FEED_ERROR_RATE_LIMITED:
    case IC_FEED_ERROR_SERVER:
      return TRUE;
    case IC_FEED_ERROR_UNAUTHORIZED:
    case IC_FEED_ERROR_FORBIDDEN:
    case IC_FEED_ERROR_TOO_LARGE:
    case IC_FEED_ERROR_REQUEST:
    case IC_FEED_ERROR_PROTOCOL:
    case IC_FEED_ERROR_INVALID:
    case IC_FEED_ERROR_TOKEN:
    case IC_FEED_ERROR_CURSOR_UNKNOWN:
    case IC_FEED_ERROR_INSECURE:
    case IC_FEED_ERROR_TLS:
    default:
      return FALSE;
    }
}

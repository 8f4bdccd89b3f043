/* ic-feed-error.h — what can go wrong between a laptop and the feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IC_FEED_ERROR (ic_feed_error_quark ())

typedef enum
{
  IC_FEED_ERROR_NETWORK,        /* no connection, or it broke; worth retrying */
  IC_FEED_ERROR_TIMED_OUT,      /* the server stopped answering */
  IC_FEED_ERROR_UNAUTHORIZED,   /* 401: no token, or not one the server knows */
  IC_FEED_ERROR_FORBIDDEN,      /* 403: the token may not do this */
  IC_FEED_ERROR_TOO_LARGE,      /* 413, or a body beyond our own limits */
  IC_FEED_ERROR_RATE_LIMITED,   /* 429 or 503 after every retry */
  IC_FEED_ERROR_SERVER,         /* 5xx after every retry */
  IC_FEED_ERROR_REQUEST,        /* another 4xx: the request was at fault */
  IC_FEED_ERROR_PROTOCOL,       /* an answer that is not what PROTOCOL.md promises */
  IC_FEED_ERROR_INVALID,        /* a change or record that breaks the rules */
  IC_FEED_ERROR_TOKEN,          /* the token cannot be read or kept */
  IC_FEED_ERROR_CURSOR_UNKNOWN, /* 409 cursor-unknown: the server's log lost what we pulled */
  IC_FEED_ERROR_INSECURE,       /* the token would travel where it could be read */
  IC_FEED_ERROR_TLS,            /* the secure connection failed: a certificate not trusted, not TLS */
} IcFeedError;

GQuark   ic_feed_error_quark         (void);

/* TRUE for the errors that a later attempt may not meet: network,
 * time-outs, rate limits and server errors. */
gboolean ic_feed_error_is_transient  (const GError *error);

G_END_DECLS

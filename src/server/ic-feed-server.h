/* ic-feed-server.h — the feed over HTTP: a SoupServer and its routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PROTOCOL.md in src/feed says what each route does.  Every error is an
 * application/problem+json answer; every request is logged on one line
 * of standard error, without its token.
 */

#pragma once

#include <gio/gio.h>

#include "ic-server-db.h"

G_BEGIN_DECLS

#define IC_TYPE_FEED_SERVER (ic_feed_server_get_type ())

G_DECLARE_FINAL_TYPE (IcFeedServer, ic_feed_server, IC, FEED_SERVER, GObject)

/* Seconds a connection has for its headers (or, kept alive, to begin
 * its next request), for its body, and with no progress at all. */
#define IC_FEED_SERVER_DEFAULT_HEADER_TIMEOUT  20
#define IC_FEED_SERVER_DEFAULT_BODY_TIMEOUT    30
#define IC_FEED_SERVER_DEFAULT_IDLE_TIMEOUT    30
/* Connections served at once, in all and from one address. */
#define IC_FEED_SERVER_DEFAULT_MAX_CONNECTIONS 768
#define IC_FEED_SERVER_DEFAULT_MAX_PER_ADDRESS 512

/* Serves @db; over TLS when @certificate is given.
 * Returns: (transfer full) */
IcFeedServer *ic_feed_server_new            (IcServerDb      *db,
                                             GTlsCertificate *certificate);
/* The public feed's title (default "Interchange foresight"). */
void          ic_feed_server_set_title      (IcFeedServer    *self,
                                             const char      *title);
/* The board's title (NULL: keep it; "Interchange" by default) and introduction (NULL: none).  The board's
 * feeds are named after it. */
void          ic_feed_server_set_board      (IcFeedServer    *self,
                                             const char      *title,
                                             const char      *intro);
/* The address people reach the server at, for the board's and the
 * feeds' links; by default the address each request was sent to. */
void          ic_feed_server_set_public_url (IcFeedServer    *self,
                                             const char      *public_url);
/* Requests a second allowed per token (or per address, for the public
 * feed), with bursts of twice that; 0 turns the limit off. */
/* Answers from the board one address may send at once; then one a
 * minute. */
#define IC_FEED_SERVER_DEFAULT_ANSWER_BURST 5
/* A reverse proxy (an IP address) whose X-Forwarded-For the board
 * trusts for the client's address (its answer allowance and rate
 * limit); NULL: none, every peer is the client. */
void          ic_feed_server_set_trusted_proxy (IcFeedServer *self,
                                                const char   *address);
void          ic_feed_server_set_answer_burst (IcFeedServer  *self,
                                               guint          burst);
void          ic_feed_server_set_rate_limit (IcFeedServer    *self,
                                             double           per_second);
/* Whether to log each request (on by default). */
/* Pages of GET /v1/changes stop before @page_bytes bytes, past their
 * first change (IC_FEED_DEFAULT_PAGE_BYTES unless set). */
void          ic_feed_server_set_page_bytes (IcFeedServer    *self,
                                             gsize            page_bytes);
void          ic_feed_server_set_log        (IcFeedServer    *self,
                                             gboolean         log);
/* Time limits in seconds (0: none); see the defaults above. */
void          ic_feed_server_set_timeouts   (IcFeedServer    *self,
                                             guint            header_seconds,
                                             guint            body_seconds,
                                             guint            idle_seconds);
/* Caps on connections served at once (0: none); a connection past
 * either is answered 503 with Retry-After. */
void          ic_feed_server_set_max_connections (IcFeedServer *self,
                                                  guint         total,
                                                  guint         per_address);
/* Listens on @address (port 0 picks a free one). */
gboolean      ic_feed_server_listen         (IcFeedServer    *self,
                                             GSocketAddress  *address,
                                             GError         **error);
/* Serves one plain-HTTP connection accepted elsewhere as if it had
 * come to a listening socket, through the same gate (how the fuzz
 * target hands the server its bytes).  TRUE: the server owns it now. */
gboolean      ic_feed_server_accept_connection (IcFeedServer      *self,
                                                GSocketConnection *connection,
                                                GError           **error);
/* The URLs it listens on, as text.
 * Returns: (transfer full) */
GStrv         ic_feed_server_get_urls       (IcFeedServer    *self);

G_END_DECLS

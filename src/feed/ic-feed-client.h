/* ic-feed-client.h — talks to a feed server over HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One IcFeedClient is one SoupSession on the thread-default main context
 * it was made in.  Each call is one logical request: it retries network
 * failures, time-outs, 429, 503 and other 5xx answers with exponential
 * backoff and jitter (Retry-After wins when the server sends it), and
 * decodes the answer in a worker thread.  It stores nothing.
 */

#pragma once

#include <gio/gio.h>

#include "ic-feed-protocol.h"

G_BEGIN_DECLS

#define IC_TYPE_FEED_CLIENT (ic_feed_client_get_type ())

G_DECLARE_FINAL_TYPE (IcFeedClient, ic_feed_client, IC, FEED_CLIENT, GObject)

#define IC_FEED_CLIENT_DEFAULT_TIMEOUT       30    /* seconds */
#define IC_FEED_CLIENT_DEFAULT_MAX_ATTEMPTS  5
#define IC_FEED_CLIENT_DEFAULT_BACKOFF_MS    500
#define IC_FEED_CLIENT_DEFAULT_MAX_BACKOFF_MS 30000
#define IC_FEED_CLIENT_MAX_RESPONSE_BYTES    (64 * 1024 * 1024)

/* @base_url is the server's root, http or https ("https://feed.example/"
 * or with a path prefix).
 * Returns: (transfer full) (nullable) */
IcFeedClient *ic_feed_client_new               (const char           *base_url,
                                                GError              **error);
/* The root URL as given, without a trailing slash. */
const char   *ic_feed_client_get_base_url      (IcFeedClient         *self);

/* The bearer token (NULL for none).  It is sent only in the
 * Authorization header and never logged. */
void          ic_feed_client_set_token         (IcFeedClient         *self,
                                                const char           *token);
/* Seconds without progress before an attempt fails. */
void          ic_feed_client_set_timeout       (IcFeedClient         *self,
                                                guint                 seconds);
guint         ic_feed_client_get_timeout       (IcFeedClient         *self);
/* @max_attempts counts the first try; backoff doubles from @base_ms up
 * to @max_ms. */
void          ic_feed_client_set_retry_policy  (IcFeedClient         *self,
                                                guint                 max_attempts,
                                                guint                 base_ms,
                                                guint                 max_ms);
/* Trust the certificates in @ca_file instead of the system's (for a
 * private server).  Returns FALSE if the file cannot be read. */
gboolean      ic_feed_client_set_ca_file       (IcFeedClient         *self,
                                                const char           *ca_file,
                                                GError              **error);

/* FALSE: neither ask for gzipped answers nor gzip pushes. */
void          ic_feed_client_set_compression   (IcFeedClient         *self,
                                                gboolean              compression);
/* Whether pushes go gzipped: set once the server has said (with
 * Accept-Encoding in an answer) that it takes them, or by the caller
 * that remembers it from an earlier sync. */
void          ic_feed_client_set_gzip_pushes   (IcFeedClient         *self,
                                                gboolean              gzip_pushes);
gboolean      ic_feed_client_get_gzip_pushes   (IcFeedClient         *self);
/* The most this client reads in one answer (64 MiB unless set); pulls
 * tell the server, which sends a larger record by id only. */
void          ic_feed_client_set_max_answer_bytes (IcFeedClient      *self,
                                                   gsize              max_bytes);

/* GET /v1/changes?since=@since&limit=@limit. */
void          ic_feed_client_get_changes_async (IcFeedClient         *self,
                                                gint64                since,
                                                guint                 limit,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
/* The same, naming the cursor with the chain hash the last page gave
 * (NULL for none): a server whose log lost it fails with
 * IC_FEED_ERROR_CURSOR_UNKNOWN.  Finish with
 * ic_feed_client_get_changes_finish(). */
void          ic_feed_client_pull_async        (IcFeedClient         *self,
                                                gint64                since,
                                                const char           *since_hash,
                                                guint                 limit,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
/* Returns: (transfer full) (nullable) */
IcFeedPage   *ic_feed_client_get_changes_finish (IcFeedClient        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* POST /v1/changes with @batch, a body from IcFeedBatchBuilder holding
 * @n_changes changes.  Re-sending a batch is safe: the server applies a
 * change once. */
void          ic_feed_client_push_async        (IcFeedClient         *self,
                                                GBytes               *batch,
                                                guint                 n_changes,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
/* Returns: (transfer full) (nullable) */
IcFeedPushResponse *ic_feed_client_push_finish (IcFeedClient         *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* POST /v1/revs-diff: which of @revs (element-type IcFeedRev, at most
 * IC_FEED_MAX_REVS) the server lacks or holds at an older rev. */
void          ic_feed_client_revs_diff_async   (IcFeedClient         *self,
                                                GPtrArray            *revs,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
/* Returns: (transfer full) (element-type IcFeedRev) (nullable): each
 * with the rev the server holds, 0 for none */
GPtrArray    *ic_feed_client_revs_diff_finish  (IcFeedClient         *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* POST /v1/responses/@response_id/erase: the server writes a new
 * revision of the response without its name and email, which laptops
 * pull like any change.  Needs a read-write token; an unknown id is
 * IC_FEED_ERROR_REQUEST (404), a read-only token IC_FEED_ERROR_FORBIDDEN. */
void          ic_feed_client_erase_response_async  (IcFeedClient         *self,
                                                    const char           *response_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean      ic_feed_client_erase_response_finish (IcFeedClient         *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS

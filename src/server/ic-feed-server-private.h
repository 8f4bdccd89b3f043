/* ic-feed-server-private.h — what the server's routes share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "ic-feed-server.h"
#include "ic-taxonomy.h"

G_BEGIN_DECLS

#define IC_HTTP_TOO_MANY_REQUESTS 429
#define IC_HTTP_HEADER_FIELDS_TOO_LARGE 431

struct _IcFeedServer
{
  GObject      parent_instance;

  SoupServer  *soup;
  IcServerDb  *db;
  gboolean     tls;
  char        *title;
  char        *public_url;
  double       rate_limit;
  GHashTable  *buckets;    /* client key → Bucket */
  gboolean     log;
  gsize        page_bytes; /* a page stops before this, past its first change */

  /* Jobs (ic-feed-server-jobs.c): readers side by side, one writer. */
  GMainContext *context;
  GThreadPool  *readers;
  GThreadPool  *writer;
  GAsyncQueue  *idle_readers;  /* (element-type IcServerDb) */
  IcServerDb   *writer_db;     /* the writer thread's only */

  /* Pages of GET /v1/changes already written ("since/limit" → GBytes),
   * all true at the log's last seq @pages_seq. */
  GHashTable  *pages;
  gint64       pages_seq;
  gsize        pages_bytes;

  /* Cursors found in the log ("seq/hash"): a log only grows while the
   * server runs (a restore means a restart), so one found stays found. */
  GHashTable  *known_cursors;

  /* Connections (ic-feed-server-conns.c): GSocket → their state. */
  GHashTable  *conns;
  GHashTable  *conns_per_address;  /* address → count served */
  guint        conns_served;       /* those not refused */
  guint        header_timeout;     /* seconds; 0: none */
  guint        body_timeout;
  guint        idle_timeout;
  guint        max_connections;    /* 0: no cap */
  guint        max_per_address;

  /* The gate (ic-feed-server-gate.c): connections before libsoup. */
  GSocketService *service;
  GHashTable     *gate_conns;      /* set of those waiting for a whole head */
  GPtrArray      *gate_urls;       /* (element-type utf8) where it listens */
  char        *listen_url;         /* where it listens, when no public URL is given */

  /* The board (ic-feed-server-board.c, ic-feed-server-answer.c) */
  char        *board_title;
  char        *board_intro;
  guint        board_settings_hash;
  IcTaxonomy  *taxonomy;
  char        *form_secret;
  GHashTable  *board_cache;        /* url, path, query → page, true at board_cache_seq */
  gint64       board_cache_seq;
  gsize        board_cache_bytes;
  GHashTable  *form_buckets;       /* address → answers it may still send */
  guint        answer_burst;       /* answers one address may send at once */
  char        *trusted_proxy;      /* a proxy whose X-Forwarded-For names the client */
};

/* Who made a request, as the early handler found out. */
typedef struct
{
  char          *token_name;   /* NULL for the public feed */
  IcServerScope  scope;
  gint64         started_us;
} IcRequestInfo;

IcRequestInfo *ic_feed_server_get_info      (SoupServerMessage *msg);

void ic_feed_server_send_problem   (SoupServerMessage *msg,
                                    guint              status,
                                    const char        *slug,
                                    const char        *title,
                                    const char        *detail);
/* "HTTP/1.1 STATUS PHRASE\r\n", for answers written past libsoup. */
void ic_feed_server_append_status_line (GString *head,
                                        guint    status);
/* Answers 503 or 500 for a database failure. */
void ic_feed_server_send_db_error  (SoupServerMessage *msg,
                                    GError            *error);
/* Answers 200 with @body, gzipped when the client accepts gzip. */
void ic_feed_server_send_bytes     (SoupServerMessage *msg,
                                    const char        *content_type,
                                    GBytes            *body);
/* The request's JSON body, inflated when it came gzipped; NULL after
 * answering the problem (415, 413 or 400). */
GBytes *ic_feed_server_read_body   (SoupServerMessage *msg);
/* Takes @body. */
void ic_feed_server_send_json      (SoupServerMessage *msg,
                                    const char        *content_type,
                                    GString           *body);

/* Database work off the main loop (ic-feed-server-jobs.c) */
typedef struct _IcServerJob IcServerJob;

/* Runs in a worker thread with a connection of its own. */
typedef void (*IcServerJobWork) (IcServerDb        *db,
                                 gpointer           data);
/* Runs on the main loop once the work is done (@open_error set, and the
 * work not run, when no connection could be opened), unless the client
 * went away; sets the answer. */
typedef void (*IcServerJobDone) (IcFeedServer      *self,
                                 SoupServerMessage *msg,
                                 gpointer           data,
                                 GError            *open_error);

void ic_feed_server_jobs_init      (IcFeedServer      *self);
void ic_feed_server_jobs_shutdown  (IcFeedServer      *self);
/* Pauses @msg, runs @work on a reader (or, when @writes, on the one
 * writer), then @done; @data_free frees @data at the end. */
void ic_feed_server_run_job        (IcFeedServer      *self,
                                    SoupServerMessage *msg,
                                    gboolean           writes,
                                    IcServerJobWork    work,
                                    IcServerJobDone    done,
                                    gpointer           data,
                                    GDestroyNotify     data_free);

/* Connections (ic-feed-server-conns.c) */
void     ic_feed_server_conns_init            (IcFeedServer      *self);
void     ic_feed_server_conns_shutdown        (IcFeedServer      *self);
/* A request begins to be read: follows a new connection, refusing it
 * when over a cap, and starts the header time-out. */
void     ic_feed_server_conns_request_started (IcFeedServer      *self,
                                               SoupServerMessage *msg);
/* The headers are in: answers 503 (FALSE) for a refused connection,
 * or starts the body time-out. */
gboolean ic_feed_server_conns_headers_read    (IcFeedServer      *self,
                                               SoupServerMessage *msg);
/* Counts @delta more connections from @address towards its cap. */
void     ic_feed_server_conns_count_address   (IcFeedServer      *self,
                                               const char        *address,
                                               int                delta);
/* The body is in: no time-out while the server works on the answer. */
void     ic_feed_server_conns_body_read       (IcFeedServer      *self,
                                               SoupServerMessage *msg);

/* The gate (ic-feed-server-gate.c) */
typedef enum
{
  IC_GATE_INCOMPLETE,       /* the head is not all in yet */
  IC_GATE_PASS,
  IC_GATE_TOO_LARGE,        /* 431 */
  IC_GATE_BAD_LENGTH,       /* 400: a Content-Length libsoup misreads */
  IC_GATE_BAD_REQUEST,      /* 400: framing libsoup misreads */
  IC_GATE_NOT_IMPLEMENTED,  /* 501: a transfer encoding other than chunked */
} IcGateVerdict;

/* What to do with a connection whose first @length bytes are @data. */
IcGateVerdict ic_feed_server_gate_check   (const char        *data,
                                           gsize              length);
void          ic_feed_server_gate_init     (IcFeedServer      *self);
/* Accepts plain-HTTP connections on @socket through the gate. */
gboolean      ic_feed_server_gate_listen   (IcFeedServer      *self,
                                           GSocket           *socket,
                                           GError           **error);
void          ic_feed_server_gate_shutdown (IcFeedServer      *self);
/* The socket @msg came on, whether libsoup accepted it or the gate. */
GSocket      *ic_feed_server_message_get_socket (SoupServerMessage *msg);

/* Routes (ic-feed-server-routes.c) */
void ic_feed_server_get_changes    (IcFeedServer      *self,
                                    SoupServerMessage *msg,
                                    GHashTable        *query);
void ic_feed_server_post_changes   (IcFeedServer      *self,
                                    SoupServerMessage *msg);
void ic_feed_server_post_revs_diff (IcFeedServer      *self,
                                    SoupServerMessage *msg);
void ic_feed_server_get_health     (IcFeedServer      *self,
                                    SoupServerMessage *msg);
/* POST /v1/responses/@id/erase: the response's name and email go. */
void ic_feed_server_post_erase_response (IcFeedServer      *self,
                                         SoupServerMessage *msg,
                                         const char        *id);

/* The board (ic-feed-server-board.c) */
void     ic_feed_server_board_init      (IcFeedServer      *self);
void     ic_feed_server_board_shutdown  (IcFeedServer      *self);
/* Whether @path is one of the board's, served without a token. */
gboolean ic_feed_server_is_board_path   (const char        *path);
void     ic_feed_server_board_get       (IcFeedServer      *self,
                                         SoupServerMessage *msg,
                                         const char        *path,
                                         GHashTable        *query);
/* An HTML page for a refusal. */
void     ic_feed_server_board_error     (IcFeedServer      *self,
                                         SoupServerMessage *msg,
                                         guint              status,
                                         const char        *heading,
                                         const char        *message,
                                         const char        *back_url);
/* (nullable) */
const char *ic_feed_server_board_secret (IcFeedServer      *self);
char    *ic_feed_server_board_url       (IcFeedServer      *self,
                                         SoupServerMessage *msg);
/* Who sent @msg: the peer's address, or, when the peer is the trusted
 * proxy, the last address its X-Forwarded-For names.
 * Returns: (transfer full) */
char    *ic_feed_server_client_address  (IcFeedServer      *self,
                                         SoupServerMessage *msg);
/* An answer posted to /challenges/ID (ic-feed-server-answer.c). */
void     ic_feed_server_board_post      (IcFeedServer      *self,
                                         SoupServerMessage *msg,
                                         const char        *path);

G_END_DECLS

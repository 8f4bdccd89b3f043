/* ic-feed-protocol.h — the feed's JSON shapes, shared by client and server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PROTOCOL.md is the specification; this file is its one implementation.
 * Records travel in the shape of ic-record-json.h, inside an envelope
 * that carries the kind, the revisions and the server's sequence number.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ic-record.h"

G_BEGIN_DECLS

/* The kind of the answers SMEs send from the board: made by the server,
 * never pushed by a laptop. */
#define IC_FEED_KIND_RESPONSE "response"


#define IC_FEED_API_PREFIX          "/v1"
#define IC_FEED_MEDIA_TYPE          "application/json"
#define IC_FEED_PROBLEM_MEDIA_TYPE  "application/problem+json"
#define IC_FEED_JSON_FEED_MEDIA_TYPE "application/feed+json"

#define IC_FEED_MAX_BODY_BYTES      (8 * 1024 * 1024)
#define IC_FEED_MAX_BATCH           500
#define IC_FEED_MAX_DEPTH           32
#define IC_FEED_DEFAULT_PAGE        500
#define IC_FEED_MAX_PAGE            1000
/* A page stops before this many bytes (past its first change). */
#define IC_FEED_DEFAULT_PAGE_BYTES  (4 * 1024 * 1024)
/* What a page holds besides its changes, at most. */
#define IC_FEED_PAGE_TAIL_BYTES     256
#define IC_FEED_PAGE_OVERHEAD_BYTES 512
/* Ids in one POST /v1/revs-diff. */
#define IC_FEED_MAX_REVS            1000
/* The protocol this code speaks, and the header that says so. */
#define IC_FEED_PROTOCOL_VERSION    2
#define IC_FEED_PROTOCOL_HEADER     "Interchange-Protocol"
/* Revisions stay far from overflow. */
#define IC_FEED_MAX_REV             (G_MAXINT64 / 4)

/* One change: in a page of GET /v1/changes (seq set, base_rev 0) or in a
 * batch of POST /v1/changes (seq 0).  A tombstone has no record. */
typedef struct
{
  gint64        seq;
  char         *id;
  IcRecordKind  kind;
  gint64        rev;
  gint64        base_rev;
  gboolean      deleted;
  IcRecord     *record;    /* NULL for a tombstone, or when @invalid is set */
  char         *invalid;   /* why a pulled record was refused, or NULL */
  gint64        too_large; /* pulled without its record: its size in bytes, else 0 */
  char         *extra;     /* the record's fields this version does not know, as a
                            * JSON object's text, or NULL: kept and sent back */
  char         *kind_name; /* the kind as named on the wire (one this version may not know) */
  char         *raw;       /* @invalid set: the record's JSON as it came, or NULL */
} IcFeedChange;

/* Fields a record may carry that this version does not know: at most
 * this many, named in snake_case, each within IC_FEED_MAX_EXTRA_BYTES. */
#define IC_FEED_MAX_EXTRA_FIELDS  32
#define IC_FEED_MAX_EXTRA_BYTES   (64 * 1024)

/* @record's JSON text with @extra's members (a JSON object's text, or
 * NULL) after its own, as the server stores it and a laptop sends it.
 * Returns: (transfer full) */
char         *ic_feed_record_to_json       (IcRecord     *record,
                                            const char   *extra);

void          ic_feed_change_free          (IcFeedChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcFeedChange, ic_feed_change_free)

/* The checks both sides make of a record that crosses the wire: the
 * model's validation (without the taxonomy, which each laptop edits),
 * a UUID, and never a private record. */
gboolean      ic_feed_check_record         (IcRecord     *record,
                                            GError      **error);

/* Reads one element of a POST /v1/changes batch.  Every rule broken is
 * an IC_FEED_ERROR_INVALID whose message names the field.
 * Returns: (transfer full) (nullable) */
IcFeedChange *ic_feed_change_parse_push    (JsonNode     *node,
                                            GError      **error);

/* A page of GET /v1/changes. */
typedef struct
{
  char      *feed_id;
  GPtrArray *changes;    /* (element-type IcFeedChange) */
  gint64     last_seq;
  char      *last_hash;  /* the chain hash at last_seq (NULL from a version 1 server) */
  gboolean   more;
} IcFeedPage;

void          ic_feed_page_free            (IcFeedPage   *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcFeedPage, ic_feed_page_free)

/* Appends @next, the page that followed @page in the same log, to
 * @page: its changes, cursor and whether more follow.  Takes @next. */
void          ic_feed_page_append          (IcFeedPage   *page,
                                            IcFeedPage   *next);

/* Parses a page.  A malformed envelope fails the whole page
 * (IC_FEED_ERROR_PROTOCOL); a record that fails validation is kept as a
 * change with @invalid set, so the cursor can move past it.
 * Returns: (transfer full) (nullable) */
IcFeedPage   *ic_feed_page_parse           (const char   *data,
                                            gsize         length,
                                            GError      **error);

/* Writing a page, for the server.  @record_json is the record's JSON
 * text as ic_record_to_json_data() wrote it, or NULL for a tombstone. */
void          ic_feed_page_write_start     (GString      *out,
                                            const char   *feed_id);
void          ic_feed_page_write_change    (GString      *out,
                                            guint         index,
                                            gint64        seq,
                                            const char   *id,
                                            const char   *kind,
                                            gint64        rev,
                                            gboolean      deleted,
                                            const char   *record_json);
/* A change whose record is too large for the client: id and size only. */
void          ic_feed_page_write_too_large (GString      *out,
                                            guint         index,
                                            gint64        seq,
                                            const char   *id,
                                            const char   *kind,
                                            gint64        rev,
                                            gint64        size);
/* @last_hash may be NULL. */
void          ic_feed_page_write_end       (GString      *out,
                                            gint64        last_seq,
                                            const char   *last_hash,
                                            gboolean      more);

/* One id and revision of POST /v1/revs-diff. */
typedef struct
{
  char   *id;
  gint64  rev;
} IcFeedRev;

void          ic_feed_rev_free             (IcFeedRev    *rev);

/* Parses a request ({"revs": [{"id", "rev"}…]}, at most IC_FEED_MAX_REVS)
 * or an answer ({"missing": […]}); @member says which.
 * Returns: (transfer full) (element-type IcFeedRev) (nullable) */
GPtrArray    *ic_feed_revs_parse           (const char   *data,
                                            gsize         length,
                                            const char   *member,
                                            GError      **error);
/* The body of POST /v1/revs-diff for @revs (element-type IcFeedRev).
 * Returns: (transfer full) */
GBytes       *ic_feed_revs_build           (GPtrArray    *revs);

/* Builds the body of POST /v1/changes within a size and a count. */
typedef struct _IcFeedBatchBuilder IcFeedBatchBuilder;

IcFeedBatchBuilder *ic_feed_batch_builder_new   (gsize               max_bytes,
                                                 guint               max_changes);
/* Adds @record's current state, edited from @base_rev (0: new record);
 * a deleted record goes as a tombstone.  FALSE, adding nothing, when a
 * limit would be passed; *@too_large is then TRUE if @record alone is
 * over the size limit. */
gboolean      ic_feed_batch_builder_add    (IcFeedBatchBuilder *self,
                                            IcRecord           *record,
                                            gint64              base_rev,
                                            gboolean           *too_large);
/* The same, sending back @extra (see IcFeedChange) with the record. */
gboolean      ic_feed_batch_builder_add_full (IcFeedBatchBuilder *self,
                                              IcRecord           *record,
                                              const char         *extra,
                                              gint64              base_rev,
                                              gboolean           *too_large);
guint         ic_feed_batch_builder_get_n_changes (IcFeedBatchBuilder *self);
/* Returns: (transfer full): the JSON body; the builder is freed */
GBytes       *ic_feed_batch_builder_end    (IcFeedBatchBuilder *self);
void          ic_feed_batch_builder_free   (IcFeedBatchBuilder *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcFeedBatchBuilder, ic_feed_batch_builder_free)

typedef enum
{
  IC_FEED_RESULT_ACCEPTED,
  IC_FEED_RESULT_CONFLICT,
  IC_FEED_RESULT_REJECTED,
} IcFeedResultStatus;

/* What the server did with one change of a batch, in the batch's order. */
typedef struct
{
  char               *id;
  IcFeedResultStatus  status;
  gint64              rev;     /* accepted: the record's rev now; conflict: the server's */
  gint64              seq;     /* the change's place in the server's log */
  IcFeedChange       *server;  /* conflict: the server's copy (record or tombstone) */
  char               *detail;  /* rejected: why, in words */
  char               *type;    /* rejected: the problem's type URI, or NULL */
  guint               problem_status; /* rejected: the problem's status, or 0 */
} IcFeedResult;

void          ic_feed_result_free          (IcFeedResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcFeedResult, ic_feed_result_free)

typedef struct
{
  GPtrArray *results;    /* (element-type IcFeedResult) */
  gint64     last_seq;
  gint64     acked_seq;  /* the newest change accepted, or 0 */
  char      *acked_chain; /* its chain hash (NULL from a version 1 server) */
} IcFeedPushResponse;

void          ic_feed_push_response_free   (IcFeedPushResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcFeedPushResponse, ic_feed_push_response_free)

/* Parses the answer to a batch of @n_sent changes; a count or an id that
 * does not match is IC_FEED_ERROR_PROTOCOL.
 * Returns: (transfer full) (nullable) */
IcFeedPushResponse *ic_feed_push_response_parse (const char   *data,
                                                 gsize         length,
                                                 guint         n_sent,
                                                 GError      **error);

/* Writing the answer to a batch, for the server. */
void          ic_feed_results_write_start    (GString    *out);
void          ic_feed_results_write_accepted (GString    *out,
                                              guint       index,
                                              const char *id,
                                              gint64      rev,
                                              gint64      seq);
void          ic_feed_results_write_conflict (GString    *out,
                                              guint       index,
                                              const char *id,
                                              const char *kind,
                                              gint64      rev,
                                              gint64      seq,
                                              gboolean    deleted,
                                              const char *record_json);
/* A refused change: an RFC 9457 problem of type @slug (a suffix of
 * IC_FEED_PROBLEM_TYPE_PREFIX) and @status. */
void          ic_feed_results_write_rejected (GString    *out,
                                              guint       index,
                                              const char *id,
                                              const char *slug,
                                              guint       status,
                                              const char *detail);
/* @acked_seq and @acked_chain: the newest change accepted and its chain
 * hash (0 and NULL for none). */
void          ic_feed_results_write_end      (GString    *out,
                                              gint64      last_seq,
                                              gint64      acked_seq,
                                              const char *acked_chain);

G_END_DECLS

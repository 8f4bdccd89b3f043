/* ic-server-db.h — the feed server's own database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite in WAL mode with full synchronous commits: a change the server
 * has answered "accepted" survives the server being killed.  Three
 * tables: tokens (hashes only), records (the current state of each
 * record, with the seq of its last change) and changes (the log of
 * every change applied, which makes re-sent batches harmless).
 */

#pragma once

#include <gio/gio.h>

#include "ic-feed-protocol.h"
#include "ic-record.h"

G_BEGIN_DECLS

#define IC_SERVER_ERROR (ic_server_error_quark ())

typedef enum
{
  IC_SERVER_ERROR_OPEN,
  IC_SERVER_ERROR_BUSY,       /* another program holds the database; try again soon */
  IC_SERVER_ERROR_NOT_FOUND,
  IC_SERVER_ERROR_EXISTS,
  IC_SERVER_ERROR_INVALID,
  IC_SERVER_ERROR_SQL,
} IcServerError;

GQuark ic_server_error_quark (void);

typedef enum
{
  IC_SERVER_SCOPE_READ,        /* pull only */
  IC_SERVER_SCOPE_READ_WRITE,  /* pull and push */
} IcServerScope;

typedef struct
{
  char          *name;
  IcServerScope  scope;
  char          *created_at;
  char          *revoked_at;   /* NULL while valid */
} IcServerToken;

void ic_server_token_free (IcServerToken *token);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcServerToken, ic_server_token_free)

/* One element of a pushed batch: a change that parsed, or the reason it
 * did not (@id is then whatever id could be read, or NULL). */
typedef struct
{
  IcFeedChange *change;
  char         *id;
  char         *problem;
} IcServerPushItem;

void ic_server_push_item_free (IcServerPushItem *item);

#define IC_TYPE_SERVER_DB (ic_server_db_get_type ())

G_DECLARE_FINAL_TYPE (IcServerDb, ic_server_db, IC, SERVER_DB, GObject)

/* Opens or creates the database at @path.
 * Returns: (transfer full) (nullable) */
IcServerDb *ic_server_db_open             (const char     *path,
                                           GError        **error);
/* Another connection to the database @self was opened on (already
 * migrated), for another thread.
 * Returns: (transfer full) (nullable) */
IcServerDb *ic_server_db_open_another     (IcServerDb     *self,
                                           GError        **error);
/* A random id made with the database: a client that sees it change
 * knows the log was replaced and starts again from 0. */
const char *ic_server_db_get_feed_id      (IcServerDb     *self);
/* The file it was opened from: other connections to it open that. */
const char *ic_server_db_get_path         (IcServerDb     *self);

gboolean    ic_server_db_add_token        (IcServerDb     *self,
                                           const char     *name,
                                           const char     *hash,
                                           IcServerScope   scope,
                                           GError        **error);
/* Returns: (transfer full) (element-type IcServerToken) (nullable) */
GPtrArray  *ic_server_db_list_tokens      (IcServerDb     *self,
                                           GError        **error);
gboolean    ic_server_db_revoke_token     (IcServerDb     *self,
                                           const char     *name,
                                           GError        **error);
/* Finds the valid token whose hash is @hash, comparing with every one
 * in constant time.  FALSE without an error when none matches. */
gboolean    ic_server_db_check_token      (IcServerDb     *self,
                                           const char     *hash,
                                           char          **name,
                                           IcServerScope  *scope,
                                           GError        **error);

/* The seq of the last change applied (0 for none); -1 on error.  Every
 * accepted change raises it, so a page written at one value stays true
 * until it moves. */
gint64      ic_server_db_get_last_seq     (IcServerDb     *self,
                                           GError        **error);
/* Whether the log still holds the change at @since with the chain hash
 * @since_hash (always TRUE for 0 or a NULL hash, as a version 1 client
 * asks).  FALSE in *@known means the log was replaced by an older copy. */
gboolean    ic_server_db_check_cursor     (IcServerDb     *self,
                                           gint64          since,
                                           const char     *since_hash,
                                           gboolean       *known,
                                           GError        **error);
/* Writes the page of GET /v1/changes after @since to @out: at most
 * @limit changes and, past the first, @max_bytes bytes; a change whose
 * record alone is more than @client_cap goes without its record.
 * *@snapshot_seq (optional) is the log's last seq in the snapshot read. */
gboolean    ic_server_db_write_changes    (IcServerDb     *self,
                                           gint64          since,
                                           guint           limit,
                                           gsize           max_bytes,
                                           gsize           client_cap,
                                           gint64         *snapshot_seq,
                                           GString        *out,
                                           GError        **error);
/* The answer to POST /v1/revs-diff: of @revs (element-type IcFeedRev),
 * those this server lacks or holds at an older rev. */
gboolean    ic_server_db_revs_diff        (IcServerDb     *self,
                                           GPtrArray      *revs,
                                           GString        *out,
                                           GError        **error);
/* Applies a batch in one transaction and writes the results to @out. */
gboolean    ic_server_db_apply_batch      (IcServerDb     *self,
                                           GPtrArray      *items,
                                           const char     *token_name,
                                           GString        *out,
                                           GError        **error);

/* The live foresight items, newest first.
 * Returns: (transfer full) (element-type IcForesightItem) (nullable) */
GPtrArray  *ic_server_db_list_foresight   (IcServerDb     *self,
                                           guint           limit,
                                           GError        **error);
/* The seq of the last foresight change: what the feed's ETag follows. */
gint64      ic_server_db_get_foresight_seq (IcServerDb    *self,
                                            GError       **error);

/* The board (ic-server-db-board.c) */

/* Who a response made on the board is written by, in its record. */
#define IC_SERVER_BOARD_AUTHOR "board"

/* An SME's answer to a public challenge: a record of the kind
 * "response", team-only. */
typedef struct
{
  char     *id;
  gint64    rev;
  char     *challenge_id;
  char     *organisation;
  char     *contact_name;
  char     *email;
  char     *answer;
  gboolean  consent;
  gboolean  contact_erased;
  char     *received_at;
} IcServerResponse;

void ic_server_response_free (IcServerResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcServerResponse, ic_server_response_free)

/* The public, live records of @kind (open ones for challenges), newest
 * first, of @cluster and holding @search (either may be NULL); *@total
 * is how many there are in all.
 * Returns: (transfer full) (element-type IcRecord) (nullable) */
GPtrArray  *ic_server_db_list_public      (IcServerDb     *self,
                                           IcRecordKind    kind,
                                           const char     *cluster,
                                           const char     *search,
                                           guint           offset,
                                           guint           limit,
                                           guint          *total,
                                           GError        **error);
/* The public, live record @id of @kind; IC_SERVER_ERROR_NOT_FOUND for
 * any other (private, team, deleted or unknown alike).
 * Returns: (transfer full) (nullable) */
IcRecord   *ic_server_db_get_public       (IcServerDb     *self,
                                           IcRecordKind    kind,
                                           const char     *id,
                                           GError        **error);
/* The name of the organisation @id, or NULL.
 * Returns: (transfer full) (nullable) */
char       *ic_server_db_get_organisation_name (IcServerDb *self,
                                                const char *id);
/* The key the board signs its forms with, made with the database.
 * Returns: (transfer full) (nullable) */
char       *ic_server_db_get_form_secret  (IcServerDb     *self,
                                           GError        **error);
/* Logs @response as a new record (sets its id and received_at). */
gboolean    ic_server_db_add_response     (IcServerDb       *self,
                                           IcServerResponse *response,
                                           GError          **error);
/* Returns: (transfer full) (element-type IcServerResponse) (nullable) */
GPtrArray  *ic_server_db_list_responses   (IcServerDb     *self,
                                           const char     *challenge_id,
                                           GError        **error);
/* A new revision of the response without its contact name and email. */
gboolean    ic_server_db_erase_response_contact (IcServerDb  *self,
                                                 const char  *id,
                                                 GError     **error);

G_END_DECLS

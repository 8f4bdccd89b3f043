/* ic-server-db-private.h — what the server database's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ic-server-db.h"

G_BEGIN_DECLS

/* A cached statement; the cleanup resets it rather than finalising it. */
typedef sqlite3_stmt IcServerStmt;

void          ic_server_stmt_release   (IcServerStmt  *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcServerStmt, ic_server_stmt_release)

/* (transfer none) (nullable) */
IcServerStmt *ic_server_db_prepare     (IcServerDb    *self,
                                        const char    *sql,
                                        GError       **error);
/* Sets @error from SQLite's @rc. */
void          ic_server_db_set_error   (IcServerDb    *self,
                                        int            rc,
                                        GError       **error);
gboolean      ic_server_db_exec        (IcServerDb    *self,
                                        const char    *sql,
                                        GError       **error);
void          ic_server_db_rollback    (IcServerDb    *self);

/* The chain hash at @seq, or NULL (without an error) when the log has
 * no such change.
 * Returns: (transfer full) (nullable) */
char         *ic_server_db_read_chain  (IcServerDb    *self,
                                        gint64         seq,
                                        GError       **error);

/* The chain hash of a change: SHA-256 over the previous change's chain
 * ("" for the first) and this change's seq, id, rev, tombstone and body
 * hash.  Two logs that agree on a seq's chain agree on all before it.
 * Returns: (transfer full) */
char         *ic_server_db_chain       (const char    *previous,
                                        gint64         seq,
                                        const char    *id,
                                        gint64         rev,
                                        gboolean       deleted,
                                        const char    *hash);

/* One change written by the server: logged, chained, and made the
 * record's current state. */
typedef struct
{
  const char *id;
  const char *kind;
  gint64      base_rev;
  gint64      rev;
  gboolean    deleted;
  const char *body;        /* NULL for a tombstone */
  const char *hash;        /* SHA-256 of the body, or of "deleted" */
  const char *token_name;  /* who sent it; NULL for the server itself */
  const char *published;   /* foresight: RFC 3339 in UTC, or NULL */
  gboolean    is_public;   /* shown on the board and the public feeds */
} IcServerDbWrite;

/* Inside a transaction the caller holds. */
gboolean      ic_server_db_log_write   (IcServerDb             *self,
                                        const IcServerDbWrite  *write,
                                        gint64                 *seq,
                                        GError                **error);

G_END_DECLS

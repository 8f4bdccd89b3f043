/* ic-feed-local.h — what a sync does to the local database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain functions on an IcStore, run by IcFeedSync in a worker thread
 * (and by the tests directly).  The rules:
 *
 *  - the outbox is sent as the records' current state, each edited from
 *    the base_rev of its oldest queued entry; private records and
 *    records that are gone are never sent;
 *  - an accepted change is acknowledged; a conflict keeps the local
 *    version as a conflict copy and takes the server's; a refused
 *    change is kept as a conflict copy too, so nothing is lost;
 *  - a pulled change is applied unless the local copy is as new or
 *    newer, private, or has queued edits (the next push settles those
 *    as a conflict); a record that names one not here yet waits.
 */

#pragma once

#include "ic-feed-protocol.h"
#include "ic-store.h"

G_BEGIN_DECLS

/* What a sync did; see IcFeedSync. */
typedef struct
{
  guint  pulled;     /* server changes applied here */
  guint  pushed;     /* local changes the server accepted */
  guint  conflicts;  /* local edits kept as conflict copies */
  guint  rejected;   /* local edits the server refused (kept as copies too) */
  guint  withheld;   /* queued entries not sent: private records, or gone */
  guint  skipped;    /* server changes not applied: older, invalid, or edited here */
  guint  waiting;    /* server records waiting for a record they name */
  gint64 cursor;     /* the server's seq the next pull starts after */
  gint64 outbox;     /* entries still queued at the end */
  guint  reoffered;  /* records queued again for a server whose log lost them */
  guint  too_large;  /* server changes larger than this laptop reads: named in the log */
  gboolean healed;   /* the server's log had lost what was pulled; the sync healed it */
  guint  merged;     /* local edits merged field by field with the server's copy */
  guint  quarantined; /* server records this version cannot apply: kept aside (at the end, all of them) */
} IcFeedSyncCounts;

/* Settings keys, in the store's settings table. */
#define IC_FEED_SETTING_URL     "feed.url"
#define IC_FEED_SETTING_ID      "feed.id"
#define IC_FEED_SETTING_CURSOR  "feed.cursor"
/* The chain hash at the cursor, as the server gave it. */
#define IC_FEED_SETTING_CURSOR_HASH "feed.cursor_hash"
/* While records are being offered again to a restored server: the kind
 * and the last id done ("challenge/<id>"). */
#define IC_FEED_SETTING_HEAL    "feed.heal"
/* The newest change the feed accepted from this laptop that a pull has
 * not yet passed: "SEQ CHAIN".  A sync whose pull failed after its push
 * checks at the next one that the log still holds it. */
#define IC_FEED_SETTING_ACKED   "feed.acked"
/* The changes too large to pull, one "id rev bytes" a line. */
#define IC_FEED_SETTING_TOO_LARGE "feed.too_large"
/* "1" once the feed has said it takes gzipped pushes. */
#define IC_FEED_SETTING_GZIP    "feed.gzip"

/* One batch taken from the outbox. */
typedef struct
{
  GBytes    *body;
  guint      n_changes;
  gint64     up_to_seq;  /* acknowledge up to here once the results are in */
  GPtrArray *sent;       /* (element-type IcRecord) as sent, in batch order */
} IcFeedOutboxBatch;

void                ic_feed_outbox_batch_free     (IcFeedOutboxBatch *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcFeedOutboxBatch, ic_feed_outbox_batch_free)

/* The next batch of at most @max_changes changes and @max_bytes bytes.
 * Entries that need no sending are acknowledged on the way.
 * Returns: (transfer full) (nullable): NULL, without an error, when the
 * outbox is empty */
IcFeedOutboxBatch  *ic_feed_local_next_batch      (IcStore           *store,
                                                   gsize              max_bytes,
                                                   guint              max_changes,
                                                   IcFeedSyncCounts  *counts,
                                                   GError           **error);
/* Applies the server's answer to @batch and acknowledges its entries. */
gboolean            ic_feed_local_apply_results   (IcStore            *store,
                                                   IcFeedOutboxBatch  *batch,
                                                   IcFeedPushResponse *response,
                                                   IcFeedSyncCounts   *counts,
                                                   GError            **error);

/* The cursor for @feed_url: 0 when the database last synced with
 * another feed (which is then forgotten).  *@feed_id is the id of the
 * feed the cursor belongs to, or NULL. */
gboolean            ic_feed_local_load_cursor     (IcStore           *store,
                                                   const char        *feed_url,
                                                   gint64            *cursor,
                                                   char             **feed_id,
                                                   GError           **error);
/* Applies a pulled page, as ic_feed_page_parse() made it (its records
 * checked, or marked invalid), and moves the cursor to its last_seq. */
gboolean            ic_feed_local_apply_page      (IcStore           *store,
                                                   IcFeedPage        *page,
                                                   IcFeedSyncCounts  *counts,
                                                   GError           **error);
/* Starts over from 0 with the feed @feed_id (its log was replaced). */
gboolean            ic_feed_local_reset_cursor    (IcStore           *store,
                                                   const char        *feed_id,
                                                   GError           **error);
/* Tries again the server records that waited for a record they name. */
gboolean            ic_feed_local_retry_waiting   (IcStore           *store,
                                                   IcFeedSyncCounts  *counts,
                                                   GError           **error);
/* The newest change accepted and not pulled past yet (0 and NULL for
 * none), and forgetting it once a pull has gone past it. */
void                ic_feed_local_load_acked      (IcStore           *store,
                                                   gint64            *seq,
                                                   char             **chain);
gboolean            ic_feed_local_clear_acked     (IcStore           *store,
                                                   GError           **error);

/* The chain hash at the stored cursor, or NULL. */
char               *ic_feed_local_load_cursor_hash (IcStore          *store);

/* Healing a server restored from an older copy: the cursor goes back to
 * 0 and every shared record is offered again, in chunks, through
 * POST /v1/revs-diff; the records the server lacks (or holds at an
 * older rev) are queued in the outbox, edited from the server's rev.
 * The progress is kept in the database, so an interrupted heal goes on
 * at the next sync. */
gboolean            ic_feed_local_begin_heal      (IcStore           *store,
                                                   GError           **error);
/* Whether a heal is under way. */
gboolean            ic_feed_local_is_healing      (IcStore           *store);
/* The next chunk of at most @max shared records, as IcChange (kind,
 * record_id, rev, deleted); empty when every record was offered (the
 * heal is then over).
 * Returns: (transfer full) (element-type IcChange) (nullable) */
GPtrArray          *ic_feed_local_next_heal_chunk (IcStore           *store,
                                                   guint              max,
                                                   GError           **error);
/* Queues the records of @chunk that @missing (element-type IcFeedRev:
 * the server's answer) names, and records the chunk as done. */
gboolean            ic_feed_local_queue_missing   (IcStore           *store,
                                                   GPtrArray         *chunk,
                                                   GPtrArray         *missing,
                                                   IcFeedSyncCounts  *counts,
                                                   GError           **error);

/* Tries again the records kept in quarantine (they may be readable by
 * this version now); counts->quarantined becomes how many remain. */
gboolean            ic_feed_local_retry_quarantine (IcStore          *store,
                                                    IcFeedSyncCounts *counts,
                                                    GError          **error);

/* How many entries the outbox holds; -1 on error. */
gint64              ic_feed_local_count_outbox    (IcStore           *store,
                                                   GError           **error);

G_END_DECLS

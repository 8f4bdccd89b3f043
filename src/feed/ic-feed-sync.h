/* ic-feed-sync.h — one database kept in step with one feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object a window binds its sync indicator to: "state" and "message"
 * say what is happening in words, and ic_feed_sync_run_async() pushes the
 * outbox, then pulls from the stored cursor.  Database work runs in a
 * worker thread on a connection of its own, network work on the main
 * context through IcFeedClient; nothing blocks the caller.
 */

#pragma once

#include <gio/gio.h>

#include "ic-feed-client.h"
#include "ic-feed-local.h"

G_BEGIN_DECLS

typedef enum
{
  IC_FEED_SYNC_STATE_IDLE,     /* not synced yet */
  IC_FEED_SYNC_STATE_SYNCING,
  IC_FEED_SYNC_STATE_SYNCED,
  IC_FEED_SYNC_STATE_OFFLINE,  /* the feed cannot be reached now; try later */
  IC_FEED_SYNC_STATE_ERROR,    /* the feed refused us, or answered nonsense: a person must look */
} IcFeedSyncState;

#define IC_TYPE_FEED_SYNC (ic_feed_sync_get_type ())

G_DECLARE_FINAL_TYPE (IcFeedSync, ic_feed_sync, IC, FEED_SYNC, GObject)

/* Syncs the database at @db_path, which must exist, through @client.
 * Returns: (transfer full) */
IcFeedSync      *ic_feed_sync_new             (IcFeedClient       *client,
                                               const char         *db_path);
/* (transfer none) */
IcFeedClient    *ic_feed_sync_get_client      (IcFeedSync         *self);
IcFeedSyncState  ic_feed_sync_get_state       (IcFeedSync         *self);
/* What the state means now, in words ("Offline: cannot reach …"). */
const char      *ic_feed_sync_get_message     (IcFeedSync         *self);
/* When the last sync ended well, or NULL (transfer none). */
GDateTime       *ic_feed_sync_get_last_synced (IcFeedSync         *self);

/* Pushes every queued local change, then pulls every new server change.
 * One run at a time: a second call while one runs fails with
 * G_IO_ERROR_PENDING.  A cancelled run keeps whatever it finished. */
void             ic_feed_sync_run_async       (IcFeedSync         *self,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
/* @counts (optional) receives what the run did, also on failure. */
gboolean         ic_feed_sync_run_finish      (IcFeedSync         *self,
                                               GAsyncResult       *result,
                                               IcFeedSyncCounts   *counts,
                                               GError            **error);

G_END_DECLS

/* ic-sync-controller.h — when and with what the window syncs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the feed's address and schedule from GSettings and its token
 * from the token keeper, and runs IcFeedSync at start, on the interval
 * and on demand.  "state", "message" and "n-conflicts" are what the
 * sync indicator shows; while a sync runs, "state" and "message" are
 * bound to its IcFeedSync's.  No GTK here.
 */

#pragma once

#include <gio/gio.h>

#include "ic-feed-sync.h"
#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_SYNC_CONTROLLER (ic_sync_controller_get_type ())

G_DECLARE_FINAL_TYPE (IcSyncController, ic_sync_controller, IC, SYNC_CONTROLLER, GObject)

/* Returns: (transfer full) */
IcSyncController *ic_sync_controller_new              (IcStoreService   *service,
                                                       GSettings        *settings);
/* Syncs now if "feed-sync-at-start" says so, and starts the interval. */
void              ic_sync_controller_start            (IcSyncController *self);
/* Syncs now, unless a sync is running already. */
void              ic_sync_controller_sync_now         (IcSyncController *self);
/* Stops a running sync; what it finished stays. */
void              ic_sync_controller_cancel           (IcSyncController *self);
IcFeedSyncState   ic_sync_controller_get_state        (IcSyncController *self);
/* In words (transfer none). */
const char       *ic_sync_controller_get_message      (IcSyncController *self);
/* When the last sync ended well, or NULL (transfer none). */
GDateTime        *ic_sync_controller_get_last_synced  (IcSyncController *self);
/* Conflict copies waiting for the user (edits that lost, refused edits). */
guint             ic_sync_controller_get_n_conflicts  (IcSyncController *self);
/* Counts the conflicts again (after one was resolved), off the main
 * thread: n-conflicts changes when the count is in. */
void              ic_sync_controller_refresh_conflicts (IcSyncController *self);

/* Asks the feed to erase the name and email of response @response_id
 * (a read-write token is needed), then syncs so that the erased
 * revision arrives; finishes once the feed has answered. */
void              ic_sync_controller_erase_response_async  (IcSyncController    *self,
                                                            const char          *response_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean          ic_sync_controller_erase_response_finish (IcSyncController    *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS

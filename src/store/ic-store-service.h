/* ic-store-service.h — the database, for a program with a main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One IcStoreService owns one IcStore: it opens it on a thread of its
 * own and runs every job there, one after another in the order they
 * were asked for, so a read always sees the writes asked for before it.
 * Each job is a GTask: its callback runs in the thread-default main
 * context of whoever started it, and its GCancellable also interrupts a
 * statement under way (ic_store_set_cancellable()).  A window thus never
 * waits for SQLite.
 *
 * Code that needs more than one call in a row (read, decide, write)
 * runs as one job with ic_store_service_run(), next to the code it
 * belongs to; the methods below are the common single calls.
 */

#pragma once

#include <gio/gio.h>

#include "ic-store.h"
#include "ic-event.h"

G_BEGIN_DECLS

#define IC_TYPE_STORE_SERVICE (ic_store_service_get_type ())

G_DECLARE_FINAL_TYPE (IcStoreService, ic_store_service, IC, STORE_SERVICE, GObject)

/* A job's work, on the service's thread, with its open @store: it ends
 * by returning a value or an error on @task. */
typedef void (*IcStoreServiceFunc) (GTask        *task,
                                    IcStore      *store,
                                    gpointer      task_data,
                                    GCancellable *cancellable);

/* A service for the database at @path, opened with @flags on its
 * thread by the first job.
 * Returns: (transfer full) */
IcStoreService *ic_store_service_new          (const char          *path,
                                               IcStoreOpenFlags     flags);
/* The path as given. */
const char     *ic_store_service_get_path     (IcStoreService      *self);
/* The clusters and places as the open finished reading them, for the
 * main thread; NULL until ic_store_service_open_finish() succeeded.
 * Returns: (transfer none) (nullable) */
IcTaxonomy     *ic_store_service_get_taxonomy (IcStoreService      *self);

/* Opens the database (creating and migrating it as the flags say). */
void            ic_store_service_open_async   (IcStoreService      *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        ic_store_service_open_finish  (IcStoreService      *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* Runs @func with @task on the service's thread, after the jobs asked
 * for before it: g_task_run_in_thread() with the store.  A task already
 * cancelled when its turn comes returns G_IO_ERROR_CANCELLED without
 * running, and so does every job if the database cannot be opened. */
void            ic_store_service_run          (IcStoreService      *self,
                                               GTask               *task,
                                               IcStoreServiceFunc   func);

/* ic_store_get(): the record with @id, tombstones included. */
void            ic_store_service_get_async    (IcStoreService      *self,
                                               const char          *id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* Returns: (transfer full) (nullable) */
IcRecord       *ic_store_service_get_finish   (IcStoreService      *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* ic_store_list() with a copy of @query (NULL: all live records). */
void            ic_store_service_list_async   (IcStoreService      *self,
                                               IcRecordKind         kind,
                                               IcStoreQuery        *query,
                                               guint                offset,
                                               guint                limit,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* Returns: (transfer full) (element-type IcRecord) (nullable) */
GPtrArray      *ic_store_service_list_finish  (IcStoreService      *self,
                                               GAsyncResult        *result,
                                               GError             **error);

typedef enum
{
  IC_STORE_WRITE_INSERT,
  IC_STORE_WRITE_UPDATE,
  IC_STORE_WRITE_UPDATE_IF_UNCHANGED,
  IC_STORE_WRITE_DELETE,
  IC_STORE_WRITE_RESTORE,
} IcStoreWriteKind;

/* Adds @record (INSERT), writes it over the stored one (UPDATE), the
 * same only if the stored rev is still @record's (UPDATE_IF_UNCHANGED,
 * see ic_store_update_if_unchanged()), or marks the record with its id
 * deleted (DELETE) or live again (RESTORE).  The job writes a copy, so
 * the caller may go on editing @record. */
void            ic_store_service_write_async  (IcStoreService      *self,
                                               IcStoreWriteKind     kind,
                                               IcRecord            *record,
                                               const char          *author,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* Returns: (transfer full) (nullable): the record as written, with the
 * rev and time the store gave it (for DELETE and RESTORE: as given) */
IcRecord       *ic_store_service_write_finish (IcStoreService      *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* ic_store_delete() (@deleted) or ic_store_restore() of the record
 * with @id, for a window that has only the id. */
void            ic_store_service_set_deleted_async  (IcStoreService      *self,
                                                     const char          *id,
                                                     gboolean             deleted,
                                                     const char          *author,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Returns: (transfer full) (nullable): the record as it is now stored */
IcRecord       *ic_store_service_set_deleted_finish (IcStoreService      *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* ic_store_set_setting(). */
void            ic_store_service_set_setting_async  (IcStoreService      *self,
                                                     const char          *key,
                                                     const char          *value,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean        ic_store_service_set_setting_finish (IcStoreService      *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* ic_store_exclude_pair_by() if @excluded, else ic_store_include_pair_by(),
 * as an edit by @author (nullable). */
void            ic_store_service_set_pair_excluded_async  (IcStoreService      *self,
                                                           const char          *challenge_id,
                                                           const char          *capability_id,
                                                           gboolean             excluded,
                                                           const char          *author,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
/* ic_store_exclude_pair_with_reason(); finished with
 * ic_store_service_set_pair_excluded_finish(). */
void            ic_store_service_exclude_pair_async       (IcStoreService      *self,
                                                           const char          *challenge_id,
                                                           const char          *capability_id,
                                                           IcDeclineReason      reason,
                                                           const char          *reason_text,
                                                           const char          *author,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean        ic_store_service_set_pair_excluded_finish (IcStoreService      *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

/* ic_store_list_events(). */
void            ic_store_service_list_events_async  (IcStoreService      *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Returns: (transfer full) (element-type IcEvent) (nullable) */
GPtrArray      *ic_store_service_list_events_finish (IcStoreService      *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* ic_store_get_event(). */
void            ic_store_service_get_event_async    (IcStoreService      *self,
                                                     const char          *event_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Returns: (transfer full) (nullable) */
IcEvent        *ic_store_service_get_event_finish   (IcStoreService      *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* ic_store_update_event() if @update, else ic_store_insert_event(), on
 * a copy of @event. */
void            ic_store_service_write_event_async  (IcStoreService      *self,
                                                     IcEvent             *event,
                                                     gboolean             update,
                                                     const char          *author,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Returns: (transfer full) (nullable): the event as written, with its id */
IcEvent        *ic_store_service_write_event_finish (IcStoreService      *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS

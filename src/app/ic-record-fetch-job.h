/* ic-record-fetch-job.h — one record read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For reading again what is stored under an id (an editor told that
 * its record was changed elsewhere).  The job opens its own connection
 * to the database at @db_path.
 */

#pragma once

#include <gio/gio.h>

#include "ic-store.h"

G_BEGIN_DECLS

/* Reads the record with @id, tombstones included (as ic_store_get()). */
void      ic_record_fetch_async  (const char          *db_path,
                                  const char          *id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
/* Returns: (transfer full) (nullable): NULL with @error set, e.g.
 * IC_STORE_ERROR_NOT_FOUND */
IcRecord *ic_record_fetch_finish (GAsyncResult        *result,
                                  GError             **error);

G_END_DECLS

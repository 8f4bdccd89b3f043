/* ic-record-write-job.h — one record written, deleted or restored off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For edits made in place (a stage, a note, an order): the window stays
 * responsive while SQLite waits for a lock or the disk.  Each job opens
 * its own connection to the database at @db_path.
 */

#pragma once

#include <gio/gio.h>

#include "ic-store.h"

G_BEGIN_DECLS

typedef enum
{
  IC_RECORD_WRITE_UPDATE,
  IC_RECORD_WRITE_DELETE,
  IC_RECORD_WRITE_RESTORE,
  IC_RECORD_WRITE_INSERT,
  IC_RECORD_WRITE_UPDATE_IF_UNCHANGED,
} IcRecordWriteKind;

/* Writes @record over the stored one (UPDATE), or marks the record with
 * @record's id deleted (DELETE) or live again (RESTORE), or adds it
 * (INSERT).  UPDATE_IF_UNCHANGED is an UPDATE of an edit made on
 * @record's rev: if the stored record has moved on since, nothing is
 * written and the error is IC_STORE_ERROR_CHANGED (see
 * ic_store_update_if_unchanged()).  The job keeps a copy of @record, so
 * the caller may go on editing it. */
void      ic_record_write_async  (const char          *db_path,
                                  IcRecordWriteKind    kind,
                                  IcRecord            *record,
                                  const char          *author,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
/* Returns: (transfer full) (nullable): the record as written, with the
 * rev and time the store gave it; NULL with @error set on failure */
IcRecord *ic_record_write_finish (GAsyncResult        *result,
                                  GError             **error);

G_END_DECLS

/* ic-record-draft.h — what an editor holds, kept in a file until saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a form has changes, they are written (as the record's JSON) to
 * a file under the user's data folder, one per record and database;
 * a new record's draft is one per kind.  Saving or discarding removes
 * it; after a crash the next editor of the record offers it back.
 */

#pragma once

#include <gio/gio.h>

#include "ic-record.h"

G_BEGIN_DECLS

/* Where the draft of @record (or of a new record of its kind, if
 * @is_new) edited against the database at @db_path lives.
 * Returns: (transfer full) */
char     *ic_record_draft_path   (const char    *db_path,
                                  IcRecord      *record,
                                  gboolean       is_new);
/* The draft at @path, or NULL (with no error) when there is none.
 * @saved_at: (out) (optional) (transfer full): when it was written.
 * Blocking: call it off the main thread.
 * Returns: (transfer full) (nullable) */
IcRecord *ic_record_draft_read   (const char    *path,
                                  IcRecordKind   kind,
                                  GDateTime    **saved_at,
                                  GError       **error);
/* Writes @record to @path in the background, replacing the last draft. */
void      ic_record_draft_write  (const char    *path,
                                  IcRecord      *record);
/* Removes the draft at @path in the background, if there is one. */
void      ic_record_draft_remove (const char    *path);

G_END_DECLS

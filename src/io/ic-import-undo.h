/* ic-import-undo.h — taking a whole import back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An undo deletes the records the import added (they become
 * tombstones, as any delete) and writes back the records it updated as
 * they were, in one transaction.  A record someone changed since the
 * import is left as it is, and counted, rather than lose their edit.
 */

#pragma once

#include "ic-import-report.h"
#include "ic-store.h"

G_BEGIN_DECLS

/* Takes back the import @report tells of (committed, not a dry run).
 * @n_kept, if not NULL, is set to the records left because they changed
 * since.  Returns FALSE with @error if the write fails; nothing then
 * changes. */
gboolean ic_import_undo       (IcImportReport  *report,
                               IcStore         *store,
                               const char      *author,
                               guint           *n_kept,
                               GError         **error);

/* ic_import_undo() in a worker thread, on its own connection to the
 * database at @db_path, as the import ran. */
void     ic_import_undo_async  (IcImportReport     *report,
                                const char         *db_path,
                                const char         *author,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data);
/* Returns: whether it was undone; @n_kept as for ic_import_undo(). */
gboolean ic_import_undo_finish (GAsyncResult       *result,
                                guint              *n_kept,
                                GError            **error);

/* The same from the report's JSON (ic_import_report_to_json()), as the
 * command line keeps it in a file. */
gboolean ic_import_undo_json  (JsonNode        *report,
                               IcStore         *store,
                               const char      *author,
                               guint           *n_undone,
                               guint           *n_kept,
                               GError         **error);

G_END_DECLS

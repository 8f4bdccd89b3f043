/* ic-import.h — challenges, capabilities and organisations from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One IcImport reads one file.  Each row becomes a record through the
 * column mapping (ic-import-mapping.h) and is checked like any record;
 * a row that fails is reported with its row, column and rule.  By
 * default the import is all or nothing: one bad row and nothing is
 * written.  With skip-bad-rows the good rows are written and the bad
 * ones reported.  A dry run reports what would be added, updated and
 * rejected and writes nothing.
 *
 * A row updates the record with the same id, when the file has an id
 * column, or else the record with the same organisation and title (for
 * organisations, the same name; case and spacing do not count); only
 * then is a new record added.  A row names its organisation by id or by
 * name: a name matches the stored organisation of that name, ignoring
 * case and spacing; a name no organisation has adds a new organisation
 * (an SME for a capability, "other" for a challenge), counted in the
 * report; a name two stored organisations share is an error that asks
 * for the id.
 */

#pragma once

#include <gio/gio.h>

#include "ic-import-report.h"
#include "ic-io-progress.h"
#include "ic-store.h"

G_BEGIN_DECLS

#define IC_TYPE_IMPORT (ic_import_get_type ())

G_DECLARE_FINAL_TYPE (IcImport, ic_import, IC, IMPORT, GObject)

/* Returns: (transfer full): an import of records of @kind (an
 * organisation, challenge or capability). */
IcImport       *ic_import_new                (IcRecordKind     kind);

/* Column mapping overrides, "COLUMN=field,…" (see
 * ic_import_mapping_apply_overrides()). */
void            ic_import_set_overrides      (IcImport        *self,
                                              const char      *overrides);
/* Uses a copy of @mapping (of this import's kind, made from the same
 * header) instead of the one made from the file's column names, as a
 * person adjusted it; overrides still apply on top.  A file whose
 * header is not the mapping's fails with IC_IO_ERROR_MAPPING.  NULL
 * goes back to the automatic mapping. */
void            ic_import_set_mapping        (IcImport        *self,
                                              IcImportMapping *mapping);
/* Takes @value of @target (cluster or local_authority), a value the
 * taxonomy does not know, as @replacement (an id; "" or NULL leaves the
 * field empty) in every row.  A committed import remembers its value
 * maps for the next file with the same columns, which then applies
 * them unless told otherwise. */
void            ic_import_map_value          (IcImport        *self,
                                              const char      *target,
                                              const char      *value,
                                              const char      *replacement);
/* The same for "cluster:Digital=creative;cluster:Metals=" as the
 * command line gives it. */
gboolean        ic_import_parse_value_maps   (IcImport        *self,
                                              const char      *text,
                                              GError         **error);
/* Row @row (numbered as the report numbers rows) is not to be taken
 * as a stored organisation with a name like it or the same website: it
 * makes an organisation of its own, when its name differs from the
 * stored one under the store's rule (a name the store counts as the
 * same still updates that one; the report says which). */
void            ic_import_keep_apart         (IcImport        *self,
                                              guint            row);
void            ic_import_set_dry_run        (IcImport        *self,
                                              gboolean         dry_run);
void            ic_import_set_skip_bad_rows  (IcImport        *self,
                                              gboolean         skip_bad_rows);
/* The author the new and updated records carry; NULL: the store's. */
void            ic_import_set_author         (IcImport        *self,
                                              const char      *author);
void            ic_import_set_progress_func  (IcImport        *self,
                                              IcProgressFunc   func,
                                              gpointer         user_data,
                                              GDestroyNotify   destroy);

/* Reads @stream (of @size bytes, or -1 if unknown, for progress) into
 * @store.  Returns NULL with @error set when the file as a whole cannot
 * be read (empty, not UTF-8, a quote never closed, no column for a
 * required field) or the write fails; otherwise the report, whose
 * committed flag says whether anything was written.  Cancelling leaves
 * the database unchanged.
 * Returns: (transfer full) (nullable) */
IcImportReport *ic_import_run                (IcImport        *self,
                                              IcStore         *store,
                                              GInputStream    *stream,
                                              goffset          size,
                                              GCancellable    *cancellable,
                                              GError         **error);
/* The same for a file.
 * Returns: (transfer full) (nullable) */
IcImportReport *ic_import_run_file           (IcImport        *self,
                                              IcStore         *store,
                                              GFile           *file,
                                              GCancellable    *cancellable,
                                              GError         **error);

/* Runs the import of @file in a worker thread, on its own connection to
 * the database at @db_path (an IcStore is not thread-safe), calling the
 * progress function in the caller's main context.  A dry run gives
 * the GUI its preview: the mapping and the rows that would fail. */
void            ic_import_run_async          (IcImport           *self,
                                              const char         *db_path,
                                              GFile              *file,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
/* Returns: (transfer full) (nullable) */
IcImportReport *ic_import_run_finish         (IcImport           *self,
                                              GAsyncResult       *result,
                                              GError            **error);

G_END_DECLS

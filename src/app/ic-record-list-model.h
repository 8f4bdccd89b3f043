/* ic-record-list-model.h — a list of stored records, read a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel over one record kind of an IcStore.  It knows how many
 * records its query selects and reads them in pages of
 * IC_RECORD_LIST_PAGE_SIZE only when a view asks for an item, keeping a
 * few recent pages, so that a list of 100,000 records is never read
 * whole.
 */

#pragma once

#include <gio/gio.h>

#include "ic-store.h"

G_BEGIN_DECLS

#define IC_RECORD_LIST_PAGE_SIZE 200

#define IC_TYPE_RECORD_LIST_MODEL (ic_record_list_model_get_type ())

G_DECLARE_FINAL_TYPE (IcRecordListModel, ic_record_list_model, IC, RECORD_LIST_MODEL, GObject)

IcRecordListModel *ic_record_list_model_new        (IcStore           *store,
                                                    IcRecordKind       kind);
IcRecordKind       ic_record_list_model_get_kind   (IcRecordListModel *self);
/* The query in use (transfer none); change it and call reload(). */
IcStoreQuery      *ic_record_list_model_get_query  (IcRecordListModel *self);
/* Counts again and forgets every page read so far, so that a changed
 * query or changed data shows.  On error the list is empty. */
gboolean           ic_record_list_model_reload     (IcRecordListModel *self,
                                                    GError           **error);
/* How many pages have been read from the store since creation; for
 * tests and benchmarks. */
guint              ic_record_list_model_get_n_page_reads (IcRecordListModel *self);

G_END_DECLS

/* ic-record-list-model.h — a list of stored records, read a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel over one record kind of an IcStoreService.  It knows how many
 * records its query selects and reads them in pages of
 * IC_RECORD_LIST_PAGE_SIZE only when a view asks for an item, keeping a
 * few recent pages, so that a list of 100,000 records is never read
 * whole.  Counting and reading are jobs of the store service
 * (IcRecordReader).
 *
 * Its items are IcRecordRow, one per position, and stay the same object
 * for as long as a view holds them: until a page arrives its rows have
 * no record, and when it arrives, or a reload puts other records at
 * their positions, each row's "record" changes in place.  items-changed
 * tells only of the list growing or shrinking at its end.  When it
 * shrinks, the rows a view holds past the new end stay a little while,
 * blank, and go a few each frame: the list's length is the number of
 * results only once they have gone (ic_record_list_model_get_n_results()
 * is the number at once).
 */

#pragma once

#include <gio/gio.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_RECORD_LIST_PAGE_SIZE 200

#define IC_TYPE_RECORD_LIST_MODEL (ic_record_list_model_get_type ())

G_DECLARE_FINAL_TYPE (IcRecordListModel, ic_record_list_model, IC, RECORD_LIST_MODEL, GObject)

IcRecordListModel *ic_record_list_model_new        (IcStoreService    *service,
                                                    IcRecordKind       kind);
IcRecordKind       ic_record_list_model_get_kind   (IcRecordListModel *self);
/* The query in use (transfer none); change it and call reload_async(). */
IcStoreQuery      *ic_record_list_model_get_query  (IcRecordListModel *self);
/* Counts again and reads the first page off the main thread, then
 * forgets every page read before and gives each row held the record
 * now at its position, so that a changed query or changed data shows.  A reload cancels the one before it (which then finishes
 * with G_IO_ERROR_CANCELLED), as does @cancellable.  On error the list
 * is empty. */
void               ic_record_list_model_reload_async  (IcRecordListModel   *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           ic_record_list_model_reload_finish (IcRecordListModel   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* How many records the query selects, known once a reload finished;
 * the list may still hold blank rows past them for a few frames. */
guint              ic_record_list_model_get_n_results (IcRecordListModel *self);
/* Whether the kind has any record at all, whatever the query; known
 * once a reload finished. */
gboolean           ic_record_list_model_get_any    (IcRecordListModel *self);
/* The name of organisation @id, if a page read so far refers to it
 * (transfer none) (nullable). */
const char        *ic_record_list_model_get_organisation_name (IcRecordListModel *self,
                                                               const char        *id);
/* How many pages have been read from the store since creation; for
 * tests and benchmarks. */
guint              ic_record_list_model_get_n_page_reads (IcRecordListModel *self);

G_END_DECLS

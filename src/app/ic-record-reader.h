/* ic-record-reader.h — reading pages of records as store-service jobs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page (with its count and the names of its organisations) is one
 * job of the service, so a list never waits for SQLite.
 */

#pragma once

#include <gio/gio.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

typedef struct _IcRecordReader IcRecordReader;

/* What one read gives back. */
typedef struct
{
  guint       page;
  gboolean    counted;    /* n_items and any are set */
  guint       n_items;    /* the records the query selects */
  gboolean    any;        /* whether the kind has any record at all */
  GPtrArray  *records;    /* (element-type IcRecord) the page's records */
  GHashTable *names;      /* organisation id -> name, for the page's records */
} IcRecordPage;

void            ic_record_page_free        (IcRecordPage   *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcRecordPage, ic_record_page_free)

/* Returns: (transfer full) */
IcRecordReader *ic_record_reader_new       (IcStoreService *service);
IcRecordReader *ic_record_reader_ref       (IcRecordReader *self);
void            ic_record_reader_unref     (IcRecordReader *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcRecordReader, ic_record_reader_unref)

/* Reads page @page (of @page_size records) of what a copy of @query
 * selects among @kind; first counts them too if @count. */
void            ic_record_reader_read_async  (IcRecordReader      *self,
                                              IcRecordKind         kind,
                                              IcStoreQuery        *query,
                                              guint                page,
                                              guint                page_size,
                                              gboolean             count,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Returns: (transfer full) */
IcRecordPage   *ic_record_reader_read_finish (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS

/* ic-records-page.h — a sortable, searchable table of one record kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page type serves challenges, capabilities and organisations; its
 * kind property picks the columns and filters.  Pages ask the window to
 * do things through actions: win.edit-record (s: id),
 * win.delete-record (s: id), win.new-record and win.load-sample-data.
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_RECORDS_PAGE (ic_records_page_get_type ())

G_DECLARE_FINAL_TYPE (IcRecordsPage, ic_records_page, IC, RECORDS_PAGE, AdwBin)

GtkWidget    *ic_records_page_new             (IcStoreService *service,
                                               IcRecordKind   kind);
IcRecordKind  ic_records_page_get_kind        (IcRecordsPage *self);
/* Reads the records again, keeping the search, filters and sort. */
void          ic_records_page_reload          (IcRecordsPage *self);
/* Shows the search bar and moves the focus into it. */
void          ic_records_page_start_search    (IcRecordsPage *self);
/* The id of the selected record, or NULL (transfer none). */
const char   *ic_records_page_get_selected_id (IcRecordsPage *self);
/* How many records the page shows now. */
guint         ic_records_page_get_n_records   (IcRecordsPage *self);
/* Lists only the records with @ids (NULL: every record again), with a
 * bar saying @description and a Show All button; the search and the
 * filters still apply on top. */
void          ic_records_page_show_only       (IcRecordsPage      *self,
                                               const char * const *ids,
                                               const char         *description);

G_END_DECLS

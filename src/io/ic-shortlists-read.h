/* ic-shortlists-read.h — shortlists and all they refer to, read as one job
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shortlist's view needs its challenge, every entry's capability and
 * organisation and the explanations: many reads, so they run as one job
 * of the store service, off the main thread.
 */

#pragma once

#include <gio/gio.h>

#include "ic-shortlist-report.h"
#include "ic-store-service.h"

G_BEGIN_DECLS

/* What one read gives back. */
typedef struct
{
  GPtrArray *reports;    /* (element-type IcShortlistReport) in the store's order */
  GPtrArray *problems;   /* (element-type utf8) a shortlist that could not be read, in words */
} IcShortlistsRead;

void              ic_shortlists_read_free   (IcShortlistsRead     *read);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcShortlistsRead, ic_shortlists_read_free)

/* Reads the report of shortlist @shortlist_id, or with @shortlist_id
 * NULL of every live shortlist, at most @limit of them (0: all).  One
 * shortlist that cannot be read is a problem and the others still come;
 * with @shortlist_id set it is the error. */
void              ic_shortlists_read_async  (IcStoreService       *service,
                                             const char           *shortlist_id,
                                             guint                 limit,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
/* Returns: (transfer full) (nullable) */
IcShortlistsRead *ic_shortlists_read_finish (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS

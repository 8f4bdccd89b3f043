/* ic-feed-merge.h — three-way merge of a local edit with the feed's copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-record.h"

G_BEGIN_DECLS

/* Merges @mine and @theirs, two edits of one record made from @base,
 * field by field: a field changed on one side only takes that side's
 * value; a field both changed to different values keeps @theirs (the
 * feed's copy wins) and is named in *@conflicts.  The bookkeeping
 * fields (id, rev, updated_at, author, deleted) are @theirs.
 * *@n_taken counts the fields taken from @mine.
 * Returns: (transfer full) (nullable): the merged record */
IcRecord *ic_feed_merge_three_way (IcRecord  *base,
                                   IcRecord  *mine,
                                   IcRecord  *theirs,
                                   GStrv     *conflicts,
                                   guint     *n_taken,
                                   GError   **error);

G_END_DECLS

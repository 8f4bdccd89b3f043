/* ic-match-row.h — one ranked capability: score, criteria, why, and the words that matched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ic-match-result.h"

G_BEGIN_DECLS

#define IC_TYPE_MATCH_ROW (ic_match_row_get_type ())

G_DECLARE_FINAL_TYPE (IcMatchRow, ic_match_row, IC, MATCH_ROW, GtkListBoxRow)

/* A row for @result at @rank (from 1).  Its buttons activate
 * matches.add-to-shortlist, matches.exclude (not a match) and
 * matches.show-capability with the capability id. */
GtkWidget     *ic_match_row_new        (IcMatchResult *result,
                                        guint          rank);
IcMatchResult *ic_match_row_get_result (IcMatchRow    *self);
/* Says whether the capability is on the challenge's shortlist already
 * (and the add button then cannot add it twice). */
void           ic_match_row_set_on_shortlist (IcMatchRow *self,
                                              gboolean    on_shortlist);

G_END_DECLS

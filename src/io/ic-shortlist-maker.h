/* ic-shortlist-maker.h — shortlists from the current match results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the app does when a facilitator keeps the top of a ranking, for
 * the command line and tests: rank the challenge with the weights the
 * database keeps (the "match.weights" setting, else the balanced
 * preset) and save the top k as a shortlist, each entry with its score
 * and its explanation as JSON (see ic-shortlist-report.h).
 */

#pragma once

#include "ic-match-result.h"
#include "ic-shortlist.h"
#include "ic-store.h"

G_BEGIN_DECLS

/* Returns: (transfer full): an entry for @result, stage "proposed",
 * whose explanation is @result as JSON plus its sentence ("why"). */
IcShortlistEntry *ic_shortlist_entry_new_from_match_result (IcMatchResult *result);

/* Ranks challenge @challenge_id over every capability in @store and
 * saves a shortlist of the best @top_k (0: an empty one) named @name (NULL: after
 * the challenge).  An empty ranking still makes an empty shortlist.
 * Returns: (transfer full) (nullable): the saved shortlist */
IcShortlist      *ic_shortlist_create_from_matches        (IcStore       *store,
                                                            const char    *challenge_id,
                                                            guint          top_k,
                                                            const char    *name,
                                                            const char    *author,
                                                            GError       **error);

G_END_DECLS

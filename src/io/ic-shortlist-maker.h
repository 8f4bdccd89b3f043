/* ic-shortlist-maker.h — shortlists from the current match results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one rule for turning matches into a shortlist, for the window,
 * the command line and tests: each entry is a capability with its score
 * and its explanation as JSON (see ic-shortlist-report.h), proposed; a
 * capability is on a shortlist once; a challenge's shortlist is named
 * after it.  The window adds what a person picks to the challenge's
 * shortlist (ic_shortlist_add_entries_async()); the command line ranks
 * the challenge with the weights the database keeps (the
 * "match.weights" setting, else the balanced preset) and saves the top
 * k as a new shortlist.
 */

#pragma once

#include "ic-match-result.h"
#include "ic-shortlist.h"
#include "ic-challenge.h"
#include "ic-consortium.h"
#include "ic-store-service.h"

G_BEGIN_DECLS

/* Returns: (transfer full): an entry for @result, stage "proposed",
 * whose explanation is @result as JSON plus its sentence ("why"). */
IcShortlistEntry *ic_shortlist_entry_new_from_match_result (IcMatchResult *result);

/* Returns: (transfer full): an entry for member @i of @consortium,
 * stage "proposed", whose explanation says what it brings the group;
 * with @result (the member's explained pair with the challenge, may be
 * NULL) also its criteria and terms, as a single match's entry has. */
IcShortlistEntry *ic_shortlist_entry_new_from_consortium_member (IcConsortium  *consortium,
                                                                 guint          i,
                                                                 IcMatchResult *result);

/* Adds to @shortlist each of @entries (element-type IcShortlistEntry)
 * whose capability is not on it yet, in order.
 * Returns: how many were added */
guint             ic_shortlist_add_new_entries             (IcShortlist   *shortlist,
                                                            GPtrArray     *entries);

/* Adds @entries as ic_shortlist_add_new_entries() does to the shortlist
 * of @challenge (the first one stored for it, else a new one named
 * after it) and saves it as an edit by @author, as one job of
 * @service.  A shortlist written elsewhere meanwhile is not overwritten:
 * the error is IC_STORE_ERROR_CHANGED. */
void              ic_shortlist_add_entries_async           (IcStoreService      *service,
                                                            IcChallenge         *challenge,
                                                            GPtrArray           *entries,
                                                            const char          *author,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
/* Returns: how many entries were added (0: all were on it already, and
 * nothing was written), or -1 with @error set */
int               ic_shortlist_add_entries_finish          (GAsyncResult        *result,
                                                            GError             **error);

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

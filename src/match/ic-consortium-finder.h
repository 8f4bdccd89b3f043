/* ic-consortium-finder.h — proposes small groups of SMEs for a challenge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A consortium is a group of at most max-size capabilities, from
 * different organisations, each bringing at least one of the
 * challenge's required tags that no other member brings.  Groups are
 * ordered by: required tags covered (more first), the mean of the
 * members' pair scores (higher first), fewer members, then the members'
 * capability ids.  Candidates are the capabilities the hard filters
 * allow that have a required tag; for each set of required tags only
 * the max-size best candidates of distinct organisations can be in an
 * optimal group, which shrinks the pool.  If the groups of the shrunk
 * pool number at most two million the search is exhaustive and the
 * proposals are the optimal ones (ic_consortium_get_exact()); otherwise
 * greedy growth from the best candidates, then swaps while a swap
 * improves the group.
 */

#pragma once

#include "ic-consortium.h"
#include "ic-matcher.h"

G_BEGIN_DECLS

#define IC_CONSORTIUM_DEFAULT_MAX_SIZE  3
#define IC_CONSORTIUM_MAX_SIZE          8
#define IC_CONSORTIUM_DEFAULT_N_RESULTS 5
/* Required tags beyond this many are not considered. */
#define IC_CONSORTIUM_MAX_TAGS          64

/* The best @n_results consortia of at most @max_size members for
 * @challenge, best first; none if it has no required tags.  The same
 * hard filters as ranking apply.
 * Returns: (transfer full) (element-type IcConsortium) (nullable) */
GListModel *ic_matcher_find_consortia (IcMatcher            *matcher,
                                       IcChallenge          *challenge,
                                       IcMatchWeights       *weights,
                                       const IcMatchOptions *options,
                                       guint                 max_size,
                                       guint                 n_results,
                                       GError              **error);

/* ic_matcher_find_consortia() for @challenge in a worker thread, with
 * copies of @weights and @options.  @self must not change until it
 * finishes. */
void        ic_matcher_find_consortia_async  (IcMatcher            *self,
                                              IcChallenge          *challenge,
                                              IcMatchWeights       *weights,
                                              const IcMatchOptions *options,
                                              guint                 max_size,
                                              guint                 n_results,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* Returns: (transfer full) (element-type IcConsortium): the proposals,
 * best first; empty when the challenge names no required tags */
GListModel *ic_matcher_find_consortia_finish (IcMatcher            *self,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS

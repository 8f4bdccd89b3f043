/* ic-consortium-job.h — finding consortia off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ic-challenge.h"
#include "ic-matcher.h"

G_BEGIN_DECLS

/* ic_matcher_find_consortia() for @challenge in a worker thread, with
 * copies of @weights and @options, at most @max_size members and
 * @n_results proposals.  @matcher must not change until it finishes. */
void        ic_consortium_job_find_async  (IcMatcher            *matcher,
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
GListModel *ic_consortium_job_find_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS

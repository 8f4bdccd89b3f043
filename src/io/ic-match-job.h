/* ic-match-job.h — the matcher's jobs for a program with a main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building the matcher reads the database, so it is a job of the store
 * service; ranking and the consortium search only compute, so they run
 * in a worker thread of their own and leave the service free.
 */

#pragma once

#include <gio/gio.h>

#include "ic-matcher.h"
#include "ic-store-service.h"

G_BEGIN_DECLS

/* What a window needs to match: the matcher, the open challenges, the
 * saved weights and the pairs the user excluded. */
typedef struct
{
  IcMatcher      *matcher;
  GPtrArray      *challenges;  /* (element-type IcChallenge) open ones, by title */
  IcMatchWeights *weights;     /* the saved weights; NULL if they no longer parse */
  IcMatchOptions  excluded;    /* only its excluded pairs and decisions are set, for every challenge */
} IcMatchSetup;

void          ic_match_setup_free         (IcMatchSetup        *setup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcMatchSetup, ic_match_setup_free)

/* Reads the capabilities, organisations and foresight items through
 * @service, builds and freezes the corpus, and lists the open
 * challenges, the saved weights and the excluded pairs. */
void          ic_match_job_build_async    (IcStoreService      *service,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* Returns: (transfer full) (nullable) */
IcMatchSetup *ic_match_job_build_finish   (GAsyncResult        *result,
                                           GError             **error);

/* Options for ranking @challenge in a window: the best @top_k of the
 * default pool, across sectors or not, never a pair @excluded holds. */
void          ic_match_job_options_init   (IcMatchOptions       *options,
                                           const IcMatchOptions *excluded,
                                           IcChallenge          *challenge,
                                           guint                 top_k,
                                           gboolean              cross_sector);
/* Removes the pair from @options' excluded pairs (undoing
 * ic_match_options_exclude_pair()). */
void          ic_match_job_include_pair   (IcMatchOptions       *options,
                                           const char           *challenge_id,
                                           const char           *capability_id);

/* ic_matcher_rerank() in a worker thread; ranks in full if the
 * challenge was not ranked with a pool before. */
void          ic_match_job_rerank_async   (IcMatcher            *matcher,
                                           IcChallenge          *challenge,
                                           IcMatchWeights       *weights,
                                           const IcMatchOptions *options,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* Returns: (transfer full) (element-type IcMatchResult) */
GListModel   *ic_match_job_rerank_finish  (GAsyncResult         *result,
                                           GError              **error);

/* ic_matcher_find_consortia() for @challenge in a worker thread, with
 * copies of @weights and @options, at most @max_size members and
 * @n_results proposals.  @matcher must not change until it finishes. */
void          ic_match_job_find_consortia_async  (IcMatcher            *matcher,
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
GListModel   *ic_match_job_find_consortia_finish (GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS

/* ic-matcher.h — ranks capabilities for challenges, exactly and fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A matcher ranks the capabilities of a frozen IcMatchCorpus for a
 * challenge: the top k by the weighted mean of the seven criteria, ties
 * broken by capability id ascending, exactly as brute force over every
 * pair would give.  Hard filters: the challenge must be open with its
 * deadline not passed, a capability of the challenge's own organisation
 * is never proposed, nor a pair the user excluded.  Whole-corpus work
 * runs on a GThreadPool with one accumulator and one stemmer per
 * thread.  A matcher may be used from several threads at once.
 */

#pragma once

#include <gio/gio.h>

#include "ic-challenge.h"
#include "ic-match-corpus.h"
#include "ic-match-result.h"
#include "ic-match-types.h"
#include "ic-match-weights.h"

G_BEGIN_DECLS

#define IC_TYPE_MATCHER (ic_matcher_get_type ())

G_DECLARE_FINAL_TYPE (IcMatcher, ic_matcher, IC, MATCHER, GObject)

/* A matcher over @corpus, which must be frozen.
 * Returns: (transfer full) */
IcMatcher     *ic_matcher_new                   (IcMatchCorpus         *corpus);
/* (transfer none) */
IcMatchCorpus *ic_matcher_get_corpus            (IcMatcher             *self);

/* Whether @challenge may be matched at all: open, and its deadline not
 * before @options->today.  The error (IC_MATCH_ERROR_NOT_OPEN or
 * IC_MATCH_ERROR_DEADLINE_PASSED) says which, for a person. */
gboolean       ic_matcher_check_challenge       (IcMatcher             *self,
                                                 IcChallenge           *challenge,
                                                 const IcMatchOptions  *options,
                                                 GError               **error);

/* The best @options->top_k capabilities for @challenge, best first.  With
 * @options->pool_size > 0 the best that many are kept, with their
 * criterion scores, for ic_matcher_rerank().
 * Returns: (transfer full) (element-type IcMatchResult) (nullable) */
GListModel    *ic_matcher_rank_challenge        (IcMatcher             *self,
                                                 IcChallenge           *challenge,
                                                 IcMatchWeights        *weights,
                                                 const IcMatchOptions  *options,
                                                 GError               **error);
void           ic_matcher_rank_challenge_async  (IcMatcher             *self,
                                                 IcChallenge           *challenge,
                                                 IcMatchWeights        *weights,
                                                 const IcMatchOptions  *options,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
/* Returns: (transfer full) (element-type IcMatchResult) (nullable) */
GListModel    *ic_matcher_rank_challenge_finish (IcMatcher             *self,
                                                 GAsyncResult          *result,
                                                 GError               **error);

/* Ranks every challenge of @challenges on @options->n_threads threads.
 * The list has one GListModel per challenge, in the same order; a
 * challenge that is not open or whose deadline passed gets an empty one.
 * Returns: (transfer full) (element-type GListModel) (nullable): NULL if
 * @cancellable was cancelled */
GPtrArray     *ic_matcher_rank_all              (IcMatcher             *self,
                                                 GPtrArray             *challenges,
                                                 IcMatchWeights        *weights,
                                                 const IcMatchOptions  *options,
                                                 GCancellable          *cancellable,
                                                 GError               **error);
void           ic_matcher_rank_all_async        (IcMatcher             *self,
                                                 GPtrArray             *challenges,
                                                 IcMatchWeights        *weights,
                                                 const IcMatchOptions  *options,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
/* Returns: (transfer full) (element-type GListModel) (nullable) */
GPtrArray     *ic_matcher_rank_all_finish       (IcMatcher             *self,
                                                 GAsyncResult          *result,
                                                 GError               **error);

/* Ranks a challenge ranked before (with a pool) again under @weights,
 * with the options it was ranked with.  The candidates kept are
 * re-ordered when a bound proves that no capability outside them can
 * reach the new top k (*@used_pool is then TRUE); otherwise the
 * challenge is ranked in full again.  Either way the result is exact.
 * Returns: (transfer full) (element-type IcMatchResult) (nullable) */
GListModel    *ic_matcher_rerank                (IcMatcher             *self,
                                                 const char            *challenge_id,
                                                 IcMatchWeights        *weights,
                                                 gboolean              *used_pool,
                                                 GError               **error);
/* ic_matcher_rerank() in a worker thread, with copies of @challenge,
 * @weights and @options; ranks in full if the challenge was not ranked
 * with a pool before. */
void           ic_matcher_rerank_async          (IcMatcher             *self,
                                                 IcChallenge           *challenge,
                                                 IcMatchWeights        *weights,
                                                 const IcMatchOptions  *options,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
/* Returns: (transfer full) (element-type IcMatchResult) */
GListModel    *ic_matcher_rerank_finish         (IcMatcher             *self,
                                                 GAsyncResult          *result,
                                                 GError               **error);
/* Drops the kept candidates of one challenge (NULL: of all). */
void           ic_matcher_forget                (IcMatcher             *self,
                                                 const char            *challenge_id);

/* The score of one pair computed on its own, as brute force would, and
 * its seven criterion scores into @criterion_scores (nullable).  FALSE
 * if the capability is unknown or a hard filter forbids the pair. */
gboolean       ic_matcher_score_pair            (IcMatcher             *self,
                                                 IcChallenge           *challenge,
                                                 const char            *capability_id,
                                                 IcMatchWeights        *weights,
                                                 const IcMatchOptions  *options,
                                                 double                *score,
                                                 double                *criterion_scores);

/* The explained result of one pair, whatever its rank (nullable if the
 * capability is unknown).
 * Returns: (transfer full) (nullable) */
IcMatchResult *ic_matcher_explain_pair          (IcMatcher             *self,
                                                 IcChallenge           *challenge,
                                                 const char            *capability_id,
                                                 IcMatchWeights        *weights,
                                                 const IcMatchOptions  *options);

G_END_DECLS

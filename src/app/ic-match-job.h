/* ic-match-job.h — building the matcher and re-ranking, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ic-matcher.h"
#include "ic-store.h"

G_BEGIN_DECLS

/* Reads the capabilities, organisations and foresight items of the
 * database at @db_path in a worker thread (with its own IcStore), builds
 * and freezes the corpus, and lists the open challenges. */
void        ic_match_job_build_async   (const char          *db_path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* Returns: (transfer full): the matcher; @challenges gets the open
 * challenges sorted by title (transfer full, element-type IcChallenge) */
IcMatcher  *ic_match_job_build_finish  (GAsyncResult        *result,
                                        GPtrArray          **challenges,
                                        GError             **error);

/* Options for ranking @challenge in a window: the best @top_k of the
 * default pool, across sectors or not, and never a pair the user said is
 * not a match (a few rows, read here). */
void        ic_match_job_options_init  (IcMatchOptions      *options,
                                        IcStore             *store,
                                        IcChallenge         *challenge,
                                        guint                top_k,
                                        gboolean             cross_sector);

/* ic_matcher_rerank() in a worker thread; ranks in full if the
 * challenge was not ranked with a pool before. */
void        ic_match_job_rerank_async  (IcMatcher           *matcher,
                                        IcChallenge         *challenge,
                                        IcMatchWeights      *weights,
                                        const IcMatchOptions *options,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* Returns: (transfer full) (element-type IcMatchResult) */
GListModel *ic_match_job_rerank_finish (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS

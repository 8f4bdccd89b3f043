/* ic-match-job.h — the matcher's jobs for a program with a main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building the matcher reads the database, so it is a job of the store
 * service.  Ranking and the consortium search only compute: their async
 * forms are beside their sync ones in src/match (ic_matcher_rerank_async(),
 * ic_matcher_find_consortia_async()), in a worker thread of their own
 * that leaves the service free.
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
  GHashTable     *organisation_names; /* id -> name of every live organisation */
  GHashTable     *challenge_weights; /* challenge id -> IcMatchWeights saved for it */
  GHashTable     *shortlisted; /* "challenge id\ncapability id" of every entry of a live shortlist */
} IcMatchSetup;

void          ic_match_setup_free         (IcMatchSetup        *setup);
/* The key of a pair in IcMatchSetup.shortlisted.  Returns: (transfer full) */
char         *ic_match_job_pair_key       (const char          *challenge_id,
                                           const char          *capability_id);
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

G_END_DECLS

/* test-match-util.h — records and corpora for the matching tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-consortium-finder.h"
#include "ic-match-corpus.h"
#include "ic-matcher.h"
#include "ic-organisation.h"

G_BEGIN_DECLS

/* A UUID-shaped id made from a kind letter and a number. */
char          *test_id             (char          kind,
                                    guint         number);

IcCapability  *test_capability     (guint               number,
                                    guint               organisation,
                                    const char         *title,
                                    const char         *description,
                                    const char * const *tags,
                                    const char         *cluster,
                                    const char         *place,
                                    int                 trl,
                                    int                 employees);
IcChallenge   *test_challenge      (guint               number,
                                    guint               organisation,
                                    const char         *title,
                                    const char         *description,
                                    const char * const *tags,
                                    const char         *cluster,
                                    const char         *place,
                                    int                 trl_min,
                                    int                 trl_max);

/* A random set: capabilities, challenges, places and foresight drawn
 * from @rand. */
typedef struct
{
  GPtrArray *capabilities;   /* IcCapability */
  GPtrArray *challenges;     /* IcChallenge */
  GPtrArray *organisations;  /* IcOrganisation */
  GPtrArray *rising;         /* tags */
} TestSet;

TestSet       *test_set_new_random (GRand              *rand,
                                    guint               n_capabilities,
                                    guint               n_challenges,
                                    guint               vocabulary);
void           test_set_free       (TestSet            *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestSet, test_set_free)

/* A frozen corpus of @set (or of @capabilities alone) on @n_threads. */
IcMatchCorpus *test_corpus_new     (TestSet            *set,
                                    IcTextAnalyzerFlags flags,
                                    guint               n_threads);
/* A West Midlands-like taxonomy of a few places. */
IcTaxonomy    *test_taxonomy_new   (void);

/* Random weights, some of them 0, never all. */
IcMatchWeights *test_random_weights (GRand             *rand);

G_END_DECLS

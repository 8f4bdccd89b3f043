/* ic-match-loader.h — a matcher over what the store holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * src/match knows nothing of the store; this is the one place that
 * feeds it the live organisations, capabilities and foresight items.
 */

#pragma once

#include "ic-matcher.h"
#include "ic-store.h"

G_BEGIN_DECLS

/* A frozen corpus of everything live in @store.
 * Returns: (transfer full) (nullable) */
IcMatchCorpus  *ic_match_loader_load_corpus  (IcStore     *store,
                                              GError     **error);

/* A matcher over ic_match_loader_load_corpus().
 * Returns: (transfer full) (nullable) */
IcMatcher      *ic_match_loader_load_matcher (IcStore     *store,
                                              GError     **error);

/* Adds to @options the pairs the user excluded (ic_store_exclude_pair())
 * for @challenge_id, or for every challenge if it is NULL, so that the
 * matcher never ranks them. */
gboolean        ic_match_loader_load_exclusions (IcStore        *store,
                                                 const char     *challenge_id,
                                                 IcMatchOptions *options,
                                                 GError        **error);

/* Adds to @options what the team decided about @challenge_id's
 * capabilities (all challenges' if NULL), for the matcher to learn
 * from: a capability on one of its shortlists is kept unless declined,
 * an excluded pair is ruled out.  Adds nothing when learning from
 * decisions is switched off. */
gboolean        ic_match_loader_load_decisions (IcStore        *store,
                                                const char     *challenge_id,
                                                IcMatchOptions *options,
                                                GError        **error);
/* Whether the matcher learns from the team's decisions (the setting
 * "match.learn-from-decisions"; on unless switched off). */
gboolean        ic_match_loader_get_learn_from_decisions (IcStore  *store);
gboolean        ic_match_loader_set_learn_from_decisions (IcStore  *store,
                                                          gboolean  learn,
                                                          GError  **error);

/* The glossary shipped with Interchange: acronyms, synonyms and the
 * phrases buyers and suppliers use for the same things, for the
 * region's clusters (data/glossary/glossary.json). */
IcGlossary     *ic_match_loader_default_glossary (GError    **error);
/* The glossary saved in @store, or the shipped one if none was saved.
 * A saved glossary that no longer parses gives NULL and the error. */
IcGlossary     *ic_match_loader_load_glossary (IcStore     *store,
                                               GError     **error);
/* Keeps @glossary as @store's (the setting "taxonomy.glossary"); NULL
 * goes back to the shipped one. */
gboolean        ic_match_loader_save_glossary (IcStore     *store,
                                               IcGlossary  *glossary,
                                               GError     **error);

/* The weights saved in @store, or the balanced preset when none are.
 * Saved weights that no longer parse give NULL and an error, so the
 * caller can say so before falling back.
 * Returns: (transfer full) (nullable) */
IcMatchWeights *ic_match_loader_load_weights (IcStore     *store,
                                              GError     **error);
/* The setting that keeps the weights chosen for one challenge.
 * Returns: (transfer full) */
char           *ic_match_loader_challenge_weights_setting (const char *challenge_id);
/* The weights saved for @challenge_id (the window keeps them per
 * challenge, so moving a slider for one challenge never re-ranks
 * another), else the weights saved for all, else the balanced preset.
 * Returns: (transfer full) (nullable) */
IcMatchWeights *ic_match_loader_load_challenge_weights (IcStore     *store,
                                                        const char  *challenge_id,
                                                        GError     **error);

G_END_DECLS

/* ic-match-phrases.h — glossary phrases found in a stream of terms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The glossary compiled for the engine.  Each entry is a concept; each
 * of its phrases (terms and related) is analysed as record text is, so
 * "Battery Energy Storage Systems" and "battery energy storage system"
 * give the same terms.  While a text's terms stream past, a phrase that
 * ends at the current term names its concept, and the concept is indexed
 * as one more term (written with a leading "~", which no word can
 * give).  A concept in a challenge and in a capability is then shared
 * evidence like a shared word, weighed by its own idf.
 *
 * Phrases are matched by a 64-bit hash of their terms, so two phrases
 * collide with a chance of about 2⁻⁶⁴ per pair: none in practice.
 */

#pragma once

#include "ic-glossary.h"
#include "ic-text-analyzer.h"

G_BEGIN_DECLS

/* The prefix that marks a concept's term. */
#define IC_MATCH_CONCEPT_PREFIX '~'

typedef struct _IcMatchPhrases IcMatchPhrases;

/* Where a text's stream of terms is: the hashes of the last three. */
typedef struct
{
  guint32 recent[IC_GLOSSARY_MAX_WORDS - 1];
  guint   n_recent;
} IcPhraseState;

/* Called for each concept whose phrase ends at the term just fed;
 * @n_terms is the phrase's length in terms. */
typedef void (*IcConceptFunc) (guint     concept,
                               guint     n_terms,
                               gpointer  user_data);

/* Returns: (transfer full) (nullable): NULL, with @error set, only if
 * the analyzer cannot be made. */
IcMatchPhrases *ic_match_phrases_new           (IcGlossary           *glossary,
                                                IcTextAnalyzerFlags   flags,
                                                GError              **error);
void            ic_match_phrases_free          (IcMatchPhrases       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcMatchPhrases, ic_match_phrases_free)

guint           ic_match_phrases_get_n_concepts (const IcMatchPhrases *self);
/* The index term of @concept: "~" and its first glossary term. */
const char     *ic_match_phrases_get_term      (const IcMatchPhrases *self,
                                                guint                 concept);
/* What a person reads for @concept: its first glossary term. */
const char     *ic_match_phrases_get_display   (const IcMatchPhrases *self,
                                                guint                 concept);

static inline void
ic_phrase_state_reset (IcPhraseState *state)
{
  state->n_recent = 0;
}

/* The hash a term is fed by. */
static inline guint32
ic_match_phrases_hash_term (const char *term)
{
  return g_str_hash (term);
}

/* The lengths of the phrases that end with the term of @term_hash, as
 * a bit set (bit 0: one term); 0 if none does.  A term's endings never
 * change, so a caller that sees a term often may keep them. */
guint           ic_match_phrases_get_endings   (const IcMatchPhrases *self,
                                                guint32               term_hash);
/* Feeds the next term's hash (from ic_match_phrases_hash_term()). */
void            ic_match_phrases_feed          (const IcMatchPhrases *self,
                                                IcPhraseState        *state,
                                                guint32               term_hash,
                                                IcConceptFunc         func,
                                                gpointer              user_data);
/* The same, with the term's endings (from ic_match_phrases_get_endings()). */
void            ic_match_phrases_feed_endings  (const IcMatchPhrases *self,
                                                IcPhraseState        *state,
                                                guint32               term_hash,
                                                guint                 endings,
                                                IcConceptFunc         func,
                                                gpointer              user_data);

G_END_DECLS

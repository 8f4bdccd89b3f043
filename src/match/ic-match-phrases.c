/* ic-match-phrases.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-match-phrases.h"

struct _IcMatchPhrases
{
  GPtrArray  *terms;       /* concept → "~first term" */
  GPtrArray  *displays;    /* concept → first term */
  GHashTable *last_terms;  /* hash a phrase ends with → bit set of those phrases' lengths (bit 0: one term) */
  GHashTable *phrases;     /* phrase hash (gint64 *) → GArray of concept ids */
  GArray     *keys;        /* gint64 storage for the keys above */
};

static guint64
mix (guint64 hash,
     guint32 term)
{
  /* FNV-1a over the term hashes' bytes, folded in one step. */
  return (hash ^ term) * G_GUINT64_CONSTANT (1099511628211);
}

#define SEED G_GUINT64_CONSTANT (14695981039346656037)

typedef struct
{
  guint32 hashes[IC_GLOSSARY_MAX_WORDS];
  guint n;
  gboolean too_long;
} PhraseTerms;

static void
collect_term (const char *term,
              const char *surface,
              gpointer    user_data)
{
  PhraseTerms *phrase = user_data;

  (void) surface;
  if (phrase->n == IC_GLOSSARY_MAX_WORDS)
    {
      phrase->too_long = TRUE;
      return;
    }
  phrase->hashes[phrase->n++] = ic_match_phrases_hash_term (term);
}

static void
add_phrase (IcMatchPhrases *self,
            IcTextAnalyzer *analyzer,
            const char     *text,
            guint           concept)
{
  PhraseTerms phrase = { { 0 }, 0, FALSE };
  guint64 hash = SEED;
  GArray *concepts;
  guint endings;

  ic_text_analyzer_analyze (analyzer, text, collect_term, &phrase);
  if (phrase.n == 0 || phrase.too_long)
    return;
  for (guint i = 0; i < phrase.n; i++)
    hash = mix (hash, phrase.hashes[i]);

  concepts = g_hash_table_lookup (self->phrases, &hash);
  if (concepts == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = (gint64) hash;
      concepts = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (self->phrases, key, concepts);
    }
  for (guint i = 0; i < concepts->len; i++)
    if (g_array_index (concepts, guint, i) == concept)
      return;
  g_array_append_val (concepts, concept);
  endings = GPOINTER_TO_UINT (g_hash_table_lookup (self->last_terms,
                                                  GUINT_TO_POINTER (phrase.hashes[phrase.n - 1])));
  g_hash_table_insert (self->last_terms, GUINT_TO_POINTER (phrase.hashes[phrase.n - 1]),
                       GUINT_TO_POINTER (endings | (1u << (phrase.n - 1))));
}

IcMatchPhrases *
ic_match_phrases_new (IcGlossary           *glossary,
                      IcTextAnalyzerFlags   flags,
                      GError              **error)
{
  g_autoptr(IcTextAnalyzer) analyzer = ic_text_analyzer_new (flags, error);
  IcMatchPhrases *self;
  guint n;

  if (analyzer == NULL)
    return NULL;

  self = g_new0 (IcMatchPhrases, 1);
  self->terms = g_ptr_array_new_with_free_func (g_free);
  self->displays = g_ptr_array_new_with_free_func (g_free);
  self->last_terms = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->phrases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) g_array_unref);

  n = glossary != NULL ? ic_glossary_get_n_entries (glossary) : 0;
  for (guint e = 0; e < n; e++)
    {
      const char * const *terms = ic_glossary_get_terms (glossary, e);
      const char * const *related = ic_glossary_get_related (glossary, e);
      guint concept = self->terms->len;

      g_ptr_array_add (self->terms, g_strdup_printf ("%c%s", IC_MATCH_CONCEPT_PREFIX, terms[0]));
      g_ptr_array_add (self->displays, g_strdup (terms[0]));
      for (guint i = 0; terms[i] != NULL; i++)
        add_phrase (self, analyzer, terms[i], concept);
      for (guint i = 0; related != NULL && related[i] != NULL; i++)
        add_phrase (self, analyzer, related[i], concept);
    }
  return self;
}

void
ic_match_phrases_free (IcMatchPhrases *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->terms);
  g_ptr_array_unref (self->displays);
  g_hash_table_unref (self->last_terms);
  g_hash_table_unref (self->phrases);
  g_free (self);
}

guint
ic_match_phrases_get_n_concepts (const IcMatchPhrases *self)
{
  return self->terms->len;
}

const char *
ic_match_phrases_get_term (const IcMatchPhrases *self,
                           guint                 concept)
{
  g_return_val_if_fail (concept < self->terms->len, NULL);

  return g_ptr_array_index (self->terms, concept);
}

const char *
ic_match_phrases_get_display (const IcMatchPhrases *self,
                              guint                 concept)
{
  g_return_val_if_fail (concept < self->displays->len, NULL);

  return g_ptr_array_index (self->displays, concept);
}

guint
ic_match_phrases_get_endings (const IcMatchPhrases *self,
                              guint32               term_hash)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->last_terms, GUINT_TO_POINTER (term_hash)));
}

void
ic_match_phrases_feed (const IcMatchPhrases *self,
                       IcPhraseState        *state,
                       guint32               term_hash,
                       IcConceptFunc         func,
                       gpointer              user_data)
{
  ic_match_phrases_feed_endings (self, state, term_hash,
                                 ic_match_phrases_get_endings (self, term_hash), func, user_data);
}

void
ic_match_phrases_feed_endings (const IcMatchPhrases *self,
                               IcPhraseState        *state,
                               guint32               term_hash,
                               guint                 endings,
                               IcConceptFunc         func,
                               gpointer              user_data)
{
  guint n = state->n_recent;

  if (endings != 0)
    {
      /* Phrases of 1…4 terms ending here, shortest first: only the
       * lengths some phrase ending with this term has are looked up. */
      for (guint length = 1; length <= n + 1; length++)
        {
          guint64 hash = SEED;
          GArray *concepts;

          if ((endings & (1u << (length - 1))) == 0)
            continue;
          for (guint i = n + 1 - length; i < n; i++)
            hash = mix (hash, state->recent[i]);
          hash = mix (hash, term_hash);
          concepts = g_hash_table_lookup (self->phrases, &hash);
          for (guint i = 0; concepts != NULL && i < concepts->len; i++)
            func (g_array_index (concepts, guint, i), length, user_data);
        }
    }

  if (n == G_N_ELEMENTS (state->recent))
    {
      memmove (state->recent, state->recent + 1, sizeof (guint32) * (n - 1));
      n--;
    }
  state->recent[n] = term_hash;
  state->n_recent = n + 1;
}

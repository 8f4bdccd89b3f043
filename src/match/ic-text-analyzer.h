/* ic-text-analyzer.h — words of a text as index terms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Splits UTF-8 text into tokens at every character that is neither a
 * letter nor a digit, lower-cases them, drops one-character tokens and
 * (optionally) English stop words, and stems the rest with the Snowball
 * English stemmer.  Tokens with a digit ("5g", "hs2") are kept as they
 * are.  An analyzer owns a stemmer, which is not thread-safe: use one
 * analyzer per thread.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  IC_TEXT_ANALYZER_PLAIN      = 0,
  IC_TEXT_ANALYZER_STEM       = 1 << 0,  /* Snowball English stems */
  IC_TEXT_ANALYZER_STOP_WORDS = 1 << 1,  /* drop English stop words */
  IC_TEXT_ANALYZER_DEFAULT    = IC_TEXT_ANALYZER_STEM | IC_TEXT_ANALYZER_STOP_WORDS,
} IcTextAnalyzerFlags;

/* Called once per term, in text order.  @term is the index form (the
 * stem), @surface the lower-cased word it came from; both are valid
 * only during the call. */
typedef void (*IcTermFunc) (const char *term,
                            const char *surface,
                            gpointer    user_data);

#define IC_TYPE_TEXT_ANALYZER (ic_text_analyzer_get_type ())

G_DECLARE_FINAL_TYPE (IcTextAnalyzer, ic_text_analyzer, IC, TEXT_ANALYZER, GObject)

/* A new analyzer; fails (IC_MATCH_ERROR_NO_STEMMER) only if stemming
 * is asked for and libstemmer has no English stemmer.
 * Returns: (transfer full) (nullable) */
IcTextAnalyzer      *ic_text_analyzer_new          (IcTextAnalyzerFlags  flags,
                                                    GError             **error);
IcTextAnalyzerFlags  ic_text_analyzer_get_flags    (IcTextAnalyzer      *self);

/* Calls @func for each term of @text (NULL is empty). */
void                 ic_text_analyzer_analyze      (IcTextAnalyzer      *self,
                                                    const char          *text,
                                                    IcTermFunc           func,
                                                    gpointer             user_data);

/* Called once per word of two or more characters, in text order:
 * @word is lower-cased and NUL-terminated, @length its bytes, and
 * @has_digit says whether it has a digit; valid only during the call. */
typedef void (*IcWordFunc) (const char *word,
                            gsize       length,
                            gboolean    has_digit,
                            gpointer    user_data);

/* The first half of ic_text_analyzer_analyze(): the words of @text,
 * before stop words are dropped and stems taken.  For callers that
 * remember each word's term themselves (the corpus, which sees the same
 * words millions of times). */
void                 ic_text_analyzer_split        (IcTextAnalyzer      *self,
                                                    const char          *text,
                                                    IcWordFunc           func,
                                                    gpointer             user_data);
/* The second half: the term of a word from ic_text_analyzer_split(),
 * or NULL if it is dropped.  Valid until the next call. */
const char          *ic_text_analyzer_get_term     (IcTextAnalyzer      *self,
                                                    const char          *word,
                                                    gsize                length,
                                                    gboolean             has_digit);

/* The terms of @text as a list, for tests and tools.
 * Returns: (transfer full) */
GStrv                ic_text_analyzer_analyze_strv (IcTextAnalyzer      *self,
                                                    const char          *text);

/* Whether @word (lower-case) is on the English stop-word list. */
gboolean             ic_text_is_stop_word          (const char          *word);

G_END_DECLS

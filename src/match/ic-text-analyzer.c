/* ic-text-analyzer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libstemmer.h>
#include <string.h>

#include "ic-match-types.h"
#include "ic-text-analyzer.h"

/* Stems are cached per analyzer: the same few thousand words make up
 * most of a corpus, and a hash look-up is cheaper than the stemmer. */
#define STEM_CACHE_LIMIT 200000
#define MAX_TOKEN_BYTES 256

struct _IcTextAnalyzer
{
  GObject parent_instance;

  IcTextAnalyzerFlags flags;
  struct sb_stemmer *stemmer;
  GHashTable *stem_cache;   /* word → stem */
};

G_DEFINE_FINAL_TYPE (IcTextAnalyzer, ic_text_analyzer, G_TYPE_OBJECT)

/* Marks a cached word that is dropped. */
static const char dropped[] = "";

/* Common English function words: they say nothing about what a
 * challenge needs or an SME does. */
static const char * const stop_words[] = {
  "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
  "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
  "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
  "done", "down", "during", "each", "either", "etc", "even", "ever", "every", "few",
  "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
  "hers", "herself", "him", "himself", "his", "how", "however", "if", "in", "into",
  "is", "it", "its", "itself", "just", "least", "less", "let", "like", "made",
  "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself",
  "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
  "or", "other", "others", "otherwise", "ought", "our", "ours", "ourselves", "out",
  "over", "own", "per", "please", "quite", "rather", "same", "shall", "she",
  "should", "since", "so", "some", "such", "than", "that", "the", "their",
  "theirs", "them", "themselves", "then", "there", "therefore", "these", "they",
  "this", "those", "though", "through", "thus", "to", "too", "under", "until",
  "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what",
  "whatever", "when", "where", "whereas", "whether", "which", "while", "who",
  "whom", "whose", "why", "will", "with", "within", "without", "would", "yet",
  "you", "your", "yours", "yourself", "yourselves",
};

static GHashTable *
get_stop_word_set (void)
{
  static GHashTable *set = NULL;

  if (g_once_init_enter (&set))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
        g_hash_table_add (table, (gpointer) stop_words[i]);
      g_once_init_leave (&set, table);
    }
  return set;
}

gboolean
ic_text_is_stop_word (const char *word)
{
  return word != NULL && g_hash_table_contains (get_stop_word_set (), word);
}

static void
ic_text_analyzer_finalize (GObject *object)
{
  IcTextAnalyzer *self = IC_TEXT_ANALYZER (object);

  g_clear_pointer (&self->stemmer, sb_stemmer_delete);
  g_clear_pointer (&self->stem_cache, g_hash_table_unref);

  G_OBJECT_CLASS (ic_text_analyzer_parent_class)->finalize (object);
}

static void
ic_text_analyzer_class_init (IcTextAnalyzerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_text_analyzer_finalize;
}

static void
free_term (gpointer term)
{
  if (term != dropped)
    g_free (term);
}

static void
ic_text_analyzer_init (IcTextAnalyzer *self)
{
  self->stem_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_term);
}

IcTextAnalyzer *
ic_text_analyzer_new (IcTextAnalyzerFlags   flags,
                      GError              **error)
{
  g_autoptr(IcTextAnalyzer) self = g_object_new (IC_TYPE_TEXT_ANALYZER, NULL);

  self->flags = flags;
  if (flags & IC_TEXT_ANALYZER_STEM)
    {
      self->stemmer = sb_stemmer_new ("english", NULL);
      if (self->stemmer == NULL)
        {
          g_set_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_NO_STEMMER,
                       _("The Snowball English stemmer is not available"));
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

IcTextAnalyzerFlags
ic_text_analyzer_get_flags (IcTextAnalyzer *self)
{
  g_return_val_if_fail (IC_IS_TEXT_ANALYZER (self), 0);

  return self->flags;
}

/* The index term of @word, or NULL if it is dropped; remembered, so each
 * distinct word costs one hash look-up after the first time. */
static const char *
term_for (IcTextAnalyzer *self,
          const char     *word,
          gsize           length,
          gboolean        has_digit)
{
  const char *cached = g_hash_table_lookup (self->stem_cache, word);
  char *term;

  if (cached != NULL)
    return cached == dropped ? NULL : cached;

  if ((self->flags & IC_TEXT_ANALYZER_STOP_WORDS) && !has_digit && ic_text_is_stop_word (word))
    {
      term = NULL;
    }
  else if ((self->flags & IC_TEXT_ANALYZER_STEM) && !has_digit)
    {
      const sb_symbol *stemmed = sb_stemmer_stem (self->stemmer, (const sb_symbol *) word, (int) length);

      term = stemmed ? g_strndup ((const char *) stemmed, sb_stemmer_length (self->stemmer))
                     : g_strndup (word, length);
    }
  else
    {
      term = g_strndup (word, length);
    }

  if (g_hash_table_size (self->stem_cache) >= STEM_CACHE_LIMIT)
    g_hash_table_remove_all (self->stem_cache);
  g_hash_table_insert (self->stem_cache, g_strndup (word, length), term ? term : (char *) dropped);
  return term;
}

const char *
ic_text_analyzer_get_term (IcTextAnalyzer *self,
                           const char     *word,
                           gsize           length,
                           gboolean        has_digit)
{
  g_return_val_if_fail (IC_IS_TEXT_ANALYZER (self), NULL);

  return term_for (self, word, length, has_digit);
}

void
ic_text_analyzer_split (IcTextAnalyzer *self,
                        const char     *text,
                        IcWordFunc      func,
                        gpointer        user_data)
{
  char word[MAX_TOKEN_BYTES + 8];
  gsize length = 0;
  guint n_chars = 0;
  gboolean has_digit = FALSE;

  g_return_if_fail (IC_IS_TEXT_ANALYZER (self));
  g_return_if_fail (func != NULL);

  if (text == NULL)
    return;

  for (const char *p = text;;)
    {
      guchar byte = (guchar) *p;
      gboolean end = byte == '\0';
      gboolean alnum = FALSE;
      gunichar c = byte;

      /* Most text is ASCII: no decoding, no table look-up. */
      if (!end && byte < 0x80)
        {
          alnum = g_ascii_isalnum (byte);
          p++;
        }
      else if (!end)
        {
          c = g_utf8_get_char_validated (p, -1);
          /* Invalid UTF-8: stop rather than guess. */
          end = c == (gunichar) -1 || c == (gunichar) -2;
          if (!end)
            {
              alnum = g_unichar_isalnum (c);
              p = g_utf8_next_char (p);
            }
        }

      if (alnum)
        {
          gboolean digit = c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c);

          c = c < 0x80 ? (gunichar) g_ascii_tolower (c) : g_unichar_tolower (c);
          /* An over-long token is cut; it is not a word anyone searches for. */
          if (length + 6 < MAX_TOKEN_BYTES)
            {
              if (c < 0x80)
                word[length++] = (char) c;
              else
                length += g_unichar_to_utf8 (c, word + length);
              n_chars++;
            }
          has_digit |= digit;
          continue;
        }

      if (length > 0)
        {
          word[length] = '\0';
          if (n_chars >= 2)
            func (word, length, has_digit, user_data);
          length = 0;
          n_chars = 0;
          has_digit = FALSE;
        }
      if (end)
        return;
    }
}

typedef struct
{
  IcTextAnalyzer *self;
  IcTermFunc      func;
  gpointer        user_data;
} AnalyzeData;

static void
analyze_word (const char *word,
              gsize       length,
              gboolean    has_digit,
              gpointer    user_data)
{
  AnalyzeData *data = user_data;
  const char *term = term_for (data->self, word, length, has_digit);

  if (term != NULL)
    data->func (term, word, data->user_data);
}

void
ic_text_analyzer_analyze (IcTextAnalyzer *self,
                          const char     *text,
                          IcTermFunc      func,
                          gpointer        user_data)
{
  AnalyzeData data = { self, func, user_data };

  g_return_if_fail (IC_IS_TEXT_ANALYZER (self));
  g_return_if_fail (func != NULL);

  ic_text_analyzer_split (self, text, analyze_word, &data);
}

static void
collect_term (const char *term,
              const char *surface,
              gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (term));
}

GStrv
ic_text_analyzer_analyze_strv (IcTextAnalyzer *self,
                               const char     *text)
{
  GPtrArray *terms = g_ptr_array_new ();

  ic_text_analyzer_analyze (self, text, collect_term, terms);
  g_ptr_array_add (terms, NULL);
  return (GStrv) g_ptr_array_free (terms, FALSE);
}

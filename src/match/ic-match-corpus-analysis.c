/* ic-match-corpus-analysis.c — the corpus's texts into the TF-IDF index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Capabilities are analysed in chunks, each with its own analyzer and
 * local vocabulary, on as many threads as there are processors.  While
 * the capabilities arrive in id order (the store lists them so), each
 * full chunk is analysed in the background as soon as it is complete,
 * so the analysis overlaps reading the database.  The chunks are merged
 * in order, interning their terms in order of first appearance, so the
 * index is the same whatever the threads and chunks were.
 *
 * Each term is shown as the surface word that produced it most often in
 * the corpus (ties: the one seen first, in capability order), so people
 * read "locations", never the stem "locat".  The chunks count their
 * surface words; the merge adds the counts up in chunk order, which
 * again does not depend on the threads.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ic-match-corpus-private.h"

#define STREAM_CHUNK 2048

struct _IcAnalysisChunk
{
  IcTextAnalyzerFlags flags;
  IcCapabilityInput **inputs;    /* borrowed, in order */
  guint n_inputs;
  GHashTable *vocabulary;        /* term → local id + 1 */
  GPtrArray *terms;              /* local id → term */
  GHashTable *surface_lookup;    /* surface → surface index + 1 */
  GPtrArray *surface_words;      /* surface index → lower-cased word */
  GArray *surface_terms;         /* guint32, surface index → local id, or DROPPED */
  GArray *surface_counts;        /* guint32, surface index → count */
  GArray *offsets;               /* guint32, n_inputs + 1 */
  GArray *ids;                   /* guint32, each document's in order of appearance */
  GArray *counts;                /* guint32 */
  GArray *scratch;               /* guint32, one document's distinct local ids */
  GArray *doc_counts;            /* guint32, local id → count in the document */
  IcTextAnalyzer *analyzer;
  GError *error;
  const IcMatchPhrases *phrases; /* the corpus's, nullable */
  IcPhraseState phrase_state;    /* within the current text */
  GArray *term_hashes;           /* guint32, local id → ic_match_phrases_hash_term() */
  GArray *term_endings;          /* guint8, local id → ic_match_phrases_get_endings() */
  GArray *concept_ids;           /* guint32, concept → local id, G_MAXUINT32 until seen */
};

/* A surface word that gives no term (a stop word). */
#define DROPPED G_MAXUINT32

int
ic_match_compare_guint32 (const void *a,
                          const void *b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

void
ic_match_analyze_record_text (IcTextAnalyzer     *analyzer,
                              const char         *title,
                              const char         *description,
                              const char * const *tags,
                              IcTermFunc          func,
                              IcPartFunc          part_start,
                              gpointer            user_data)
{
  const char *parts[] = { title, title, description };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (part_start != NULL)
        part_start (user_data);
      ic_text_analyzer_analyze (analyzer, parts[i], func, user_data);
    }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (part_start != NULL)
        part_start (user_data);
      ic_text_analyzer_analyze (analyzer, tags[i], func, user_data);
    }
}

static IcAnalysisChunk *
chunk_new (IcMatchCorpus *self,
           guint          start,
           guint          end)
{
  IcAnalysisChunk *chunk = g_new0 (IcAnalysisChunk, 1);

  chunk->flags = self->flags;
  chunk->phrases = self->phrases;
  chunk->term_hashes = g_array_new (FALSE, FALSE, sizeof (guint32));
  chunk->term_endings = g_array_new (FALSE, FALSE, sizeof (guint8));
  chunk->concept_ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  chunk->n_inputs = end - start;
  chunk->inputs = g_memdup2 (self->inputs->pdata + start, sizeof (gpointer) * MAX (end - start, 1));
  chunk->vocabulary = g_hash_table_new (g_str_hash, g_str_equal);
  chunk->terms = g_ptr_array_new_with_free_func (g_free);
  chunk->surface_lookup = g_hash_table_new (g_str_hash, g_str_equal);
  chunk->surface_words = g_ptr_array_new_with_free_func (g_free);
  chunk->surface_terms = g_array_new (FALSE, FALSE, sizeof (guint32));
  chunk->surface_counts = g_array_new (FALSE, FALSE, sizeof (guint32));
  chunk->offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  chunk->ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  chunk->counts = g_array_new (FALSE, FALSE, sizeof (guint32));
  chunk->scratch = g_array_new (FALSE, FALSE, sizeof (guint32));
  chunk->doc_counts = g_array_new (FALSE, TRUE, sizeof (guint32));
  return chunk;
}

static void
chunk_free (IcAnalysisChunk *chunk)
{
  g_free (chunk->inputs);
  g_hash_table_unref (chunk->vocabulary);
  g_ptr_array_unref (chunk->terms);
  g_hash_table_unref (chunk->surface_lookup);
  g_ptr_array_unref (chunk->surface_words);
  g_array_unref (chunk->surface_terms);
  g_array_unref (chunk->surface_counts);
  g_array_unref (chunk->offsets);
  g_array_unref (chunk->ids);
  g_array_unref (chunk->counts);
  g_array_unref (chunk->scratch);
  g_array_unref (chunk->doc_counts);
  g_array_unref (chunk->term_hashes);
  g_array_unref (chunk->term_endings);
  g_array_unref (chunk->concept_ids);
  g_clear_object (&chunk->analyzer);
  g_clear_error (&chunk->error);
  g_free (chunk);
}

/* Counts local term @id once more in the current document. */
static inline void
count_term (IcAnalysisChunk *chunk,
            guint32          id)
{
  guint32 *count = &g_array_index (chunk->doc_counts, guint32, id);

  if ((*count)++ == 0)
    g_array_append_val (chunk->scratch, id);
}

/* The local id of @term, added to the chunk's vocabulary if new. */
static guint32
intern_local (IcAnalysisChunk *chunk,
              const char      *term)
{
  gpointer value = g_hash_table_lookup (chunk->vocabulary, term);
  char *term_copy;
  guint32 id, hash;
  guint8 endings;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;
  term_copy = g_strdup (term);
  id = chunk->terms->len;
  hash = ic_match_phrases_hash_term (term);
  g_ptr_array_add (chunk->terms, term_copy);
  g_array_append_val (chunk->term_hashes, hash);
  endings = chunk->phrases != NULL ? (guint8) ic_match_phrases_get_endings (chunk->phrases, hash) : 0;
  g_array_append_val (chunk->term_endings, endings);
  g_hash_table_insert (chunk->vocabulary, term_copy, GUINT_TO_POINTER (id + 1));
  g_array_set_size (chunk->doc_counts, chunk->terms->len);
  return id;
}

static void
count_concept (guint    concept,
               guint    n_terms,
               gpointer user_data)
{
  IcAnalysisChunk *chunk = user_data;

  (void) n_terms;
  /* A concept's term is looked up once per chunk. */
  if (concept >= chunk->concept_ids->len)
    {
      guint old = chunk->concept_ids->len;

      g_array_set_size (chunk->concept_ids, concept + 1);
      for (guint i = old; i <= concept; i++)
        g_array_index (chunk->concept_ids, guint32, i) = G_MAXUINT32;
    }
  if (g_array_index (chunk->concept_ids, guint32, concept) == G_MAXUINT32)
    g_array_index (chunk->concept_ids, guint32, concept) =
      intern_local (chunk, ic_match_phrases_get_term (chunk->phrases, concept));
  count_term (chunk, g_array_index (chunk->concept_ids, guint32, concept));
}

/* Counts a word's term, and the glossary concepts whose phrase it ends. */
static inline void
count_word_term (IcAnalysisChunk *chunk,
                 guint32          id)
{
  count_term (chunk, id);
  if (chunk->phrases != NULL)
    ic_match_phrases_feed_endings (chunk->phrases, &chunk->phrase_state,
                                   g_array_index (chunk->term_hashes, guint32, id),
                                   g_array_index (chunk->term_endings, guint8, id),
                                   count_concept, chunk);
}

static void
add_word (const char *word,
          gsize       length,
          gboolean    has_digit,
          gpointer    user_data)
{
  IcAnalysisChunk *chunk = user_data;
  /* A word always gives the same term: one look-up by the word finds
   * both, and counts the word.  The analyzer is asked only for words
   * this chunk has not seen. */
  gpointer value = g_hash_table_lookup (chunk->surface_lookup, word);
  const char *term;
  guint32 id, one = 1;
  char *copy;

  if (value != NULL)
    {
      guint index = GPOINTER_TO_UINT (value) - 1;

      id = g_array_index (chunk->surface_terms, guint32, index);
      if (id == DROPPED)
        return;
      g_array_index (chunk->surface_counts, guint32, index)++;
      count_word_term (chunk, id);
      return;
    }

  term = ic_text_analyzer_get_term (chunk->analyzer, word, length, has_digit);
  id = term != NULL ? intern_local (chunk, term) : DROPPED;
  copy = g_strdup (word);
  g_ptr_array_add (chunk->surface_words, copy);
  g_array_append_val (chunk->surface_terms, id);
  g_array_append_val (chunk->surface_counts, one);
  g_hash_table_insert (chunk->surface_lookup, copy, GUINT_TO_POINTER (chunk->surface_words->len));
  if (id != DROPPED)
    count_word_term (chunk, id);
}

/* Ends a document: appends its distinct ids with their counts, and
 * clears the counts for the next. */
static void
end_document (IcAnalysisChunk *chunk)
{
  guint32 *counts = (guint32 *) chunk->doc_counts->data;
  guint32 end;

  for (guint i = 0; i < chunk->scratch->len; i++)
    {
      guint32 id = g_array_index (chunk->scratch, guint32, i);

      g_array_append_val (chunk->ids, id);
      g_array_append_val (chunk->counts, counts[id]);
      counts[id] = 0;
    }
  g_array_set_size (chunk->scratch, 0);
  end = chunk->ids->len;
  g_array_append_val (chunk->offsets, end);
}

static void
analyze_text (IcAnalysisChunk *chunk,
              const char      *text)
{
  ic_phrase_state_reset (&chunk->phrase_state);
  ic_text_analyzer_split (chunk->analyzer, text, add_word, chunk);
}

static void
chunk_run (gpointer data,
           gpointer user_data)
{
  IcAnalysisChunk *chunk = data;
  guint32 zero = 0;

  chunk->analyzer = ic_text_analyzer_new (chunk->flags, &chunk->error);
  if (chunk->analyzer == NULL)
    return;

  g_array_append_val (chunk->offsets, zero);
  for (guint d = 0; d < chunk->n_inputs; d++)
    {
      IcCapabilityInput *input = chunk->inputs[d];

      /* As ic_match_analyze_record_text(): the title twice, the
       * description, the tags. */
      analyze_text (chunk, input->title);
      analyze_text (chunk, input->title);
      analyze_text (chunk, input->description);
      for (guint i = 0; input->tags != NULL && input->tags[i] != NULL; i++)
        analyze_text (chunk, input->tags[i]);
      end_document (chunk);
    }
  /* The stemmer and its cache are not needed any more. */
  g_clear_object (&chunk->analyzer);
}

static gpointer
chunk_thread (gpointer data)
{
  chunk_run (data, NULL);
  return NULL;
}

void
ic_match_corpus_stream_input (IcMatchCorpus *self)
{
  guint n = self->inputs->len;

  if (!self->stream_sorted)
    return;
  if (n >= 2 && strcmp (((IcCapabilityInput *) self->inputs->pdata[n - 2])->id,
                        ((IcCapabilityInput *) self->inputs->pdata[n - 1])->id) >= 0)
    {
      /* Out of order: the corpus sorts and analyses everything at freeze. */
      self->stream_sorted = FALSE;
      ic_match_corpus_stop_streaming (self);
      return;
    }
  if (n - self->streamed < STREAM_CHUNK)
    return;

  if (self->stream_pool == NULL)
    {
      /* One processor stays with the thread reading the records. */
      self->stream_pool = g_thread_pool_new (chunk_run, NULL, MAX (1, (int) g_get_num_processors () - 1),
                                             FALSE, NULL);
      self->stream_chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) chunk_free);
    }
  g_ptr_array_add (self->stream_chunks, chunk_new (self, self->streamed, n));
  g_thread_pool_push (self->stream_pool, g_ptr_array_index (self->stream_chunks,
                                                            self->stream_chunks->len - 1), NULL);
  self->streamed = n;
}

void
ic_match_corpus_stop_streaming (IcMatchCorpus *self)
{
  if (self->stream_pool != NULL)
    g_thread_pool_free (g_steal_pointer (&self->stream_pool), FALSE, TRUE);
  g_clear_pointer (&self->stream_chunks, g_ptr_array_unref);
  self->streamed = 0;
}

/* The chunks for everything not streamed, analysed on @n_threads. */
static void
analyse_rest (IcMatchCorpus *self,
              GPtrArray     *chunks,
              guint          n_threads)
{
  guint start = self->streamed, n = self->inputs->len - start;
  g_autofree GThread **threads = NULL;
  guint first = chunks->len;

  n_threads = CLAMP (n_threads, 1, MAX (1, n / 256));
  threads = g_new0 (GThread *, n_threads);
  for (guint i = 0; i < n_threads; i++)
    g_ptr_array_add (chunks, chunk_new (self, start + (guint) ((guint64) n * i / n_threads),
                                        start + (guint) ((guint64) n * (i + 1) / n_threads)));
  for (guint i = 1; i < n_threads; i++)
    threads[i] = g_thread_new ("ic-corpus-analysis", chunk_thread, chunks->pdata[first + i]);
  chunk_run (chunks->pdata[first], NULL);
  for (guint i = 1; i < n_threads; i++)
    g_thread_join (threads[i]);
}

/* One surface word of the whole corpus. */
typedef struct
{
  guint32 term;
  guint64 count;
} SurfaceCount;

/* Adds @chunk's surface words to the corpus's, in order; takes the
 * words. */
static void
merge_surfaces (IcAnalysisChunk *chunk,
                const guint32   *map,
                GHashTable      *lookup,
                GPtrArray       *words,
                GArray          *surfaces)
{
  for (guint s = 0; s < chunk->surface_words->len; s++)
    {
      char *word = chunk->surface_words->pdata[s];
      guint32 count = g_array_index (chunk->surface_counts, guint32, s);
      gpointer value;

      if (g_array_index (chunk->surface_terms, guint32, s) == DROPPED)
        continue;
      value = g_hash_table_lookup (lookup, word);

      if (value != NULL)
        {
          g_array_index (surfaces, SurfaceCount, GPOINTER_TO_UINT (value) - 1).count += count;
        }
      else
        {
          SurfaceCount entry = { map[g_array_index (chunk->surface_terms, guint32, s)], count };

          g_array_append_val (surfaces, entry);
          g_ptr_array_add (words, word);
          chunk->surface_words->pdata[s] = NULL;
          g_hash_table_insert (lookup, word, GUINT_TO_POINTER (surfaces->len));
        }
    }
}

/* Shows each term as its most frequent surface word; on a tie, the one
 * seen first. */
static void
choose_displays (IcTfidfIndex *index,
                 GPtrArray    *words,
                 GArray       *surfaces)
{
  guint n_terms = ic_tfidf_index_get_n_terms (index);
  g_autofree guint32 *best = g_new (guint32, MAX (n_terms, 1));

  for (guint t = 0; t < n_terms; t++)
    best[t] = G_MAXUINT32;
  for (guint s = 0; s < surfaces->len; s++)
    {
      const SurfaceCount *entry = &g_array_index (surfaces, SurfaceCount, s);

      if (best[entry->term] == G_MAXUINT32 ||
          entry->count > g_array_index (surfaces, SurfaceCount, best[entry->term]).count)
        best[entry->term] = s;
    }
  for (guint t = 0; t < n_terms; t++)
    if (best[t] != G_MAXUINT32)
      ic_tfidf_index_set_display (index, t, g_ptr_array_index (words, best[t]));
}

/* Appends one document's postings, mapped to corpus term ids, in
 * ascending term order: an insertion sort, as documents have a few
 * dozen distinct terms. */
static void
append_document (const guint32 *local_ids,
                 const guint32 *local_counts,
                 guint32        n,
                 const guint32 *map,
                 guint32       *ids,
                 guint32       *counts)
{
  for (guint32 p = 0; p < n; p++)
    {
      guint32 id = map[local_ids[p]], count = local_counts[p];
      guint32 q = p;

      for (; q > 0 && ids[q - 1] > id; q--)
        {
          ids[q] = ids[q - 1];
          counts[q] = counts[q - 1];
        }
      ids[q] = id;
      counts[q] = count;
    }
}

gboolean
ic_match_corpus_build_text_index (IcMatchCorpus  *self,
                                  guint           n_threads,
                                  GError        **error)
{
  g_autoptr(GPtrArray) chunks = NULL;
  g_autofree guint32 *offsets = g_new (guint32, self->inputs->len + 1);
  g_autofree guint32 *ids = NULL;
  g_autofree guint32 *counts = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) word_lookup = g_hash_table_new (g_str_hash, g_str_equal);  /* borrows words */
  g_autoptr(GArray) surfaces = g_array_new (FALSE, FALSE, sizeof (SurfaceCount));
  gsize n_postings = 0, filled = 0;
  guint document = 0;

  if (self->stream_sorted && self->stream_chunks != NULL)
    {
      /* Reading is over: every processor takes chunks still queued. */
      g_thread_pool_set_max_threads (self->stream_pool, MAX (1, (int) n_threads), NULL);
      g_thread_pool_free (g_steal_pointer (&self->stream_pool), FALSE, TRUE);
      chunks = g_steal_pointer (&self->stream_chunks);
    }
  else
    {
      ic_match_corpus_stop_streaming (self);
      chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) chunk_free);
    }
  analyse_rest (self, chunks, n_threads);
  self->streamed = 0;

  for (guint i = 0; i < chunks->len; i++)
    {
      IcAnalysisChunk *chunk = chunks->pdata[i];

      if (chunk->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&chunk->error));
          return FALSE;
        }
      n_postings += chunk->ids->len;
    }
  ids = g_new (guint32, MAX (n_postings, 1));
  counts = g_new (guint32, MAX (n_postings, 1));

  offsets[0] = 0;
  for (guint i = 0; i < chunks->len; i++)
    {
      IcAnalysisChunk *chunk = chunks->pdata[i];
      const guint32 *chunk_offsets = (const guint32 *) chunk->offsets->data;
      g_autofree guint32 *map = g_new (guint32, chunk->terms->len + 1);

      for (guint t = 0; t < chunk->terms->len; t++)
        map[t] = ic_tfidf_index_intern (self->index, g_ptr_array_index (chunk->terms, t), NULL);
      merge_surfaces (chunk, map, word_lookup, words, surfaces);
      for (guint d = 0; d + 1 < chunk->offsets->len; d++)
        {
          guint32 from = chunk_offsets[d], to = chunk_offsets[d + 1];

          append_document ((const guint32 *) chunk->ids->data + from,
                           (const guint32 *) chunk->counts->data + from, to - from, map,
                           ids + filled, counts + filled);
          filled += to - from;
          offsets[++document] = filled;
        }
      /* Free as we go: the chunks' arrays are as big as the index. */
      g_clear_pointer (&chunks->pdata[i], chunk_free);
    }
  g_ptr_array_set_free_func (chunks, NULL);
  choose_displays (self->index, words, surfaces);
  /* A concept reads as its glossary term, not as a word that gave it. */
  for (guint c = 0; self->phrases != NULL && c < ic_match_phrases_get_n_concepts (self->phrases); c++)
    {
      gint64 id = ic_tfidf_index_find (self->index, ic_match_phrases_get_term (self->phrases, c));

      if (id >= 0)
        ic_tfidf_index_set_display (self->index, (guint32) id,
                                    ic_match_phrases_get_display (self->phrases, c));
    }
  ic_tfidf_index_build (self->index, self->inputs->len, offsets, ids, counts);
  /* Each concept's term id, looked up once rather than per challenge. */
  if (self->phrases != NULL)
    {
      guint n_concepts = ic_match_phrases_get_n_concepts (self->phrases);

      self->concept_ids = g_new (gint64, MAX (n_concepts, 1));
      for (guint c = 0; c < n_concepts; c++)
        self->concept_ids[c] = ic_tfidf_index_lookup (self->index, ic_match_phrases_get_term (self->phrases, c));
    }
  return TRUE;
}

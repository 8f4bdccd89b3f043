/* ic-matcher-rank.c — one challenge against every capability
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fused pass: the challenge's tag postings and text postings are
 * added into dense per-thread arrays; then one sequential loop over
 * every capability bounds its weighted sum from text and tags alone
 * (the attributes can add at most what their best table entries give),
 * and only a capability whose bound reaches the heap's worst entry has
 * its attributes looked up in the flat arrays, its exact score taken,
 * the hard filters applied and the size-k heap offered it.  The result
 * equals brute force over every pair, bit for bit, because every path
 * computes a pair's score with the same operations in the same order,
 * and the bound's margin is far wider than any rounding.
 */

#include "config.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "ic-matcher-private.h"

IcMatchContext *
ic_match_context_new (IcMatchCorpus  *corpus,
                      GError        **error)
{
  g_autoptr(IcTextAnalyzer) analyzer = ic_text_analyzer_new (corpus->flags, error);
  IcMatchContext *context;
  guint n = corpus->n_capabilities;

  if (analyzer == NULL)
    return NULL;

  context = g_new0 (IcMatchContext, 1);
  context->analyzer = g_steal_pointer (&analyzer);
  context->n = n;
  context->text = g_new0 (double, n + 1);
  context->tags = g_new0 (guint8, n + 1);
  context->rising = g_new0 (guint8, n + 1);
  context->query_words = g_new0 (guint64, ic_tfidf_index_get_n_terms (corpus->index) / 64 + 1);
  context->tokens = g_array_new (FALSE, FALSE, sizeof (gint64));
  return context;
}

void
ic_match_context_free (IcMatchContext *context)
{
  if (context == NULL)
    return;
  g_clear_object (&context->analyzer);
  g_free (context->text);
  g_free (context->tags);
  g_free (context->rising);
  g_free (context->query_words);
  g_free (context->heap);
  g_free (context->cursors);
  g_array_unref (context->tokens);
  g_free (context);
}

typedef struct
{
  IcTfidfIndex *index;
  const IcMatchPhrases *phrases;
  IcPhraseState phrase_state;
  char recent[IC_GLOSSARY_MAX_WORDS][64];  /* the words the last terms came from (for display) */
  GArray *tokens;
  GHashTable *first_words;   /* term id → the first word (or phrase) that gave it */
  const gint64 *concept_ids; /* concept → index term id, or -1 */
} TokenSink;

static void
note_first_word (TokenSink  *sink,
                 gint64      id,
                 const char *surface)
{
  if (!g_hash_table_contains (sink->first_words, GSIZE_TO_POINTER ((gsize) id)))
    g_hash_table_insert (sink->first_words, GSIZE_TO_POINTER ((gsize) id), g_strdup (surface));
}

static void
add_query_concept (guint    concept,
                   guint    n_terms,
                   gpointer user_data)
{
  TokenSink *sink = user_data;
  gint64 id = sink->concept_ids[concept];
  g_autoptr(GString) phrase = NULL;

  if (id < 0)
    return;
  g_array_append_val (sink->tokens, id);
  /* Shown as the challenge's own phrase (the words that gave its terms). */
  phrase = g_string_new (NULL);
  for (guint i = IC_GLOSSARY_MAX_WORDS - n_terms; i < IC_GLOSSARY_MAX_WORDS; i++)
    {
      if (phrase->len > 0)
        g_string_append_c (phrase, ' ');
      g_string_append (phrase, sink->recent[i]);
    }
  note_first_word (sink, id, phrase->str);
}

static void
add_query_token (const char *term,
                 const char *surface,
                 gpointer    user_data)
{
  TokenSink *sink = user_data;
  gint64 id = ic_tfidf_index_lookup (sink->index, term);

  if (id >= 0)
    {
      g_array_append_val (sink->tokens, id);
      note_first_word (sink, id, surface);
    }
  if (sink->phrases != NULL)
    {
      memmove (sink->recent, sink->recent + 1, sizeof sink->recent[0] * (IC_GLOSSARY_MAX_WORDS - 1));
      g_strlcpy (sink->recent[IC_GLOSSARY_MAX_WORDS - 1], surface, sizeof sink->recent[0]);
      ic_match_phrases_feed (sink->phrases, &sink->phrase_state, ic_match_phrases_hash_term (term),
                             add_query_concept, sink);
    }
}

/* A glossary concept counts for less than a shared word: the
 * glossary's associations are broad, and a shared word is the better
 * evidence.  Chosen on the evaluation sets (tests/quality), as the
 * weight where the glossary helped most and hurt least. */
#define GLOSSARY_WEIGHT 0.3

static void
start_query_part (gpointer user_data)
{
  TokenSink *sink = user_data;

  ic_phrase_state_reset (&sink->phrase_state);
}

static void
prepare_text (IcMatchCorpus  *corpus,
              IcMatchContext *context,
              IcChallenge    *challenge,
              IcMatchQuery   *query)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) first_words = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  TokenSink sink = { corpus->index, corpus->phrases, { { 0 }, 0 }, { { 0 } }, context->tokens, first_words,
                     corpus->concept_ids };

  g_array_set_size (context->tokens, 0);
  ic_match_analyze_record_text (context->analyzer,
                                ic_challenge_get_title (challenge),
                                ic_challenge_get_description (challenge),
                                ic_challenge_get_tags (challenge),
                                add_query_token, start_query_part, &sink);

  ic_tfidf_index_make_vector (corpus->index, (const gint64 *) context->tokens->data,
                              context->tokens->len, ids, weights);
  query->n_terms = ids->len;
  query->term_ids = g_memdup2 (ids->data, sizeof (guint32) * ids->len);
  query->term_weights = g_memdup2 (weights->data, sizeof (double) * weights->len);
  query->term_is_word = g_new (guint8, MAX (ids->len, 1));
  for (guint i = 0; i < ids->len; i++)
    {
      query->term_is_word[i] =
        ic_tfidf_index_get_term (corpus->index, g_array_index (ids, guint32, i))[0] != IC_MATCH_CONCEPT_PREFIX;
      if (!query->term_is_word[i])
        query->term_weights[i] *= GLOSSARY_WEIGHT;
    }
  /* A term is shown as the challenge itself wrote it. */
  query->term_displays = g_new0 (char *, ids->len + 1);
  for (guint i = 0; i < ids->len; i++)
    query->term_displays[i] =
      g_strdup (g_hash_table_lookup (first_words,
                                     GSIZE_TO_POINTER ((gsize) g_array_index (ids, guint32, i))));
}

/* Relevance feedback from the team's decisions (Rocchio): the query
 * moves towards the capabilities kept on a shortlist for the challenge
 * and away from those ruled out, q′ = q + β·c / |c| with c the mean of
 * the kept ones' vectors less γ times the mean of the ruled-out ones',
 * its best FEEDBACK_TERMS positive terms only.  Measured on held-out
 * decisions (tests/bench/bench-quality). */
#define FEEDBACK_BETA  0.6
#define FEEDBACK_GAMMA 0.5
#define FEEDBACK_TERMS 80

typedef struct
{
  guint32 term;
  double  weight;
} TermWeight;

static int
compare_weight_desc (const void *a,
                     const void *b)
{
  const TermWeight *x = a, *y = b;

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return (x->term > y->term) - (x->term < y->term);
}

static int
compare_term (const void *a,
              const void *b)
{
  const TermWeight *x = a, *y = b;

  return (x->term > y->term) - (x->term < y->term);
}

static void
add_centroid (IcMatchCorpus *corpus,
              GPtrArray     *ids,
              double         scale,
              GHashTable    *sums)
{
  g_autoptr(GArray) docs = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 doc = ic_match_corpus_find_capability (corpus, ids->pdata[i]);
      guint32 index = (guint32) doc;

      if (doc >= 0)
        g_array_append_val (docs, index);
    }
  for (guint i = 0; i < docs->len; i++)
    {
      guint32 doc = g_array_index (docs, guint32, i);
      const guint32 *terms;
      const float *weights;
      guint count;

      count = ic_tfidf_index_get_document (corpus->index, doc, &terms, &weights);
      for (guint t = 0; t < count; t++)
        {
          gpointer key = GUINT_TO_POINTER (terms[t] + 1);
          double *sum = g_hash_table_lookup (sums, key);

          if (sum == NULL)
            {
              sum = g_new0 (double, 1);
              g_hash_table_insert (sums, key, sum);
            }
          *sum += scale * (double) weights[t] / docs->len;
        }
    }
}

static void
learn_from_decisions (IcMatchCorpus          *corpus,
                      const IcMatchDecisions *decisions,
                      IcMatchQuery           *query)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GArray) centroid = g_array_new (FALSE, FALSE, sizeof (TermWeight));
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (TermWeight));
  g_autoptr(GArray) learned = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (guint8));
  GHashTableIter iter;
  gpointer key, value;
  double norm = 0.0, total = 0.0;
  guint i = 0, j = 0;
  char **displays;

  add_centroid (corpus, decisions->positive, 1.0, sums);
  add_centroid (corpus, decisions->negative, -FEEDBACK_GAMMA, sums);
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(double *) value > 0.0)
      g_array_append_val (centroid, ((TermWeight) { GPOINTER_TO_UINT (key) - 1, *(double *) value }));
  if (centroid->len == 0)
    return;
  g_array_sort (centroid, compare_weight_desc);
  g_array_set_size (centroid, MIN (centroid->len, FEEDBACK_TERMS));
  g_array_sort (centroid, compare_term);
  for (guint k = 0; k < centroid->len; k++)
    norm += g_array_index (centroid, TermWeight, k).weight * g_array_index (centroid, TermWeight, k).weight;
  norm = sqrt (norm);

  /* Merge the two sorted vectors. */
  while (i < query->n_terms || j < centroid->len)
    {
      TermWeight out;
      guint8 from_decisions = 0, is_word = 0;

      if (j >= centroid->len || (i < query->n_terms && query->term_ids[i] < g_array_index (centroid, TermWeight, j).term))
        {
          is_word = query->term_is_word[i];
          out = (TermWeight) { query->term_ids[i], query->term_weights[i] };
          i++;
        }
      else if (i >= query->n_terms || query->term_ids[i] > g_array_index (centroid, TermWeight, j).term)
        {
          out = g_array_index (centroid, TermWeight, j++);
          out.weight *= FEEDBACK_BETA / norm;
          from_decisions = 1;
        }
      else
        {
          is_word = query->term_is_word[i];
          out.term = query->term_ids[i];
          out.weight = query->term_weights[i++] +
                       FEEDBACK_BETA * g_array_index (centroid, TermWeight, j++).weight / norm;
        }
      g_array_append_val (merged, out);
      g_array_append_val (learned, from_decisions);
      g_array_append_val (words, is_word);
      total += out.weight * out.weight;
    }
  total = sqrt (total);

  displays = g_new0 (char *, merged->len + 1);
  for (guint k = 0, q = 0; k < merged->len; k++)
    {
      TermWeight *entry = &g_array_index (merged, TermWeight, k);

      if (!g_array_index (learned, guint8, k))
        {
          while (query->term_ids[q] != entry->term)
            q++;
          displays[k] = g_steal_pointer (&query->term_displays[q]);
        }
      entry->weight /= total;
    }
  for (guint k = 0; k < query->n_terms; k++)
    g_free (query->term_displays[k]);
  g_free (query->term_displays);
  g_free (query->term_ids);
  g_free (query->term_weights);
  g_free (query->term_is_word);
  query->term_is_word = g_array_steal (words, NULL);
  query->n_terms = merged->len;
  query->term_ids = g_new (guint32, MAX (merged->len, 1));
  query->term_weights = g_new (double, MAX (merged->len, 1));
  for (guint k = 0; k < merged->len; k++)
    {
      query->term_ids[k] = g_array_index (merged, TermWeight, k).term;
      query->term_weights[k] = g_array_index (merged, TermWeight, k).weight;
    }
  query->term_displays = displays;
  query->term_learned = g_array_steal (learned, NULL);
  query->n_kept = decisions->positive->len;
}

/* Coverage: a capability that shares several of the challenge's words
 * is likelier to meet the need than one that shares a single rare word
 * (a homonym, as often as not: "smoke" in smoked fish and in a smoky
 * stairwell).  The text score is the cosine times (m / n)^α for m of
 * the challenge's n words matched; α was chosen on the evaluation sets
 * (tests/quality), where it helped every one. */
#define COVERAGE_ALPHA 0.3

static void
prepare_coverage (IcMatchQuery *query)
{
  query->n_words = 0;
  for (guint i = 0; i < query->n_terms; i++)
    query->n_words += query->term_is_word[i];
  for (guint m = 0; m < G_N_ELEMENTS (query->coverage); m++)
    query->coverage[m] = query->n_words > 0
                         ? pow ((double) MIN (MAX (m, 1u), query->n_words) / query->n_words, COVERAGE_ALPHA)
                         : 1.0;
}

static void
prepare_tags (IcMatchCorpus *corpus,
              IcChallenge   *challenge,
              IcMatchQuery  *query)
{
  const char * const *tags = ic_challenge_get_tags (challenge);
  g_autoptr(GPtrArray) unique = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < unique->len && !seen; j++)
        seen = g_str_equal (unique->pdata[j], tags[i]);
      if (!seen && tags[i][0] != '\0')
        g_ptr_array_add (unique, g_strdup (tags[i]));
    }
  query->n_required = MIN (unique->len, 255);
  g_ptr_array_set_size (unique, query->n_required);
  query->tag_ids = g_new (gint64, query->n_required + 1);
  for (guint i = 0; i < query->n_required; i++)
    query->tag_ids[i] = ic_match_corpus_lookup_tag (corpus, unique->pdata[i]);
  g_ptr_array_add (unique, NULL);
  query->required_tags = (char **) g_ptr_array_free (g_steal_pointer (&unique), FALSE);
}

static int
compare_guint32 (const void *a,
                 const void *b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

static void
prepare_exclusions (IcMatchCorpus        *corpus,
                    const IcMatchOptions *options,
                    IcMatchQuery         *query)
{
  g_autoptr(GArray) excluded = g_array_new (FALSE, FALSE, sizeof (guint32));
  GHashTable *set = NULL;
  GHashTableIter iter;
  gpointer id;

  if (options != NULL && options->excluded != NULL && query->challenge_id != NULL)
    set = g_hash_table_lookup (options->excluded, query->challenge_id);
  if (set != NULL)
    {
      g_hash_table_iter_init (&iter, set);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        {
          gint64 index = ic_match_corpus_find_capability (corpus, id);
          guint32 value = (guint32) index;

          if (index >= 0)
            g_array_append_val (excluded, value);
        }
    }
  g_array_sort (excluded, (GCompareFunc) compare_guint32);
  query->n_excluded = excluded->len;
  query->excluded = g_memdup2 (excluded->data, sizeof (guint32) * excluded->len);
}

static void
prepare_tables (IcMatchCorpus *corpus,
                IcChallenge   *challenge,
                IcMatchQuery  *query)
{
  IcCorpusOrganisation *organisation =
    ic_match_corpus_get_organisation (corpus, ic_challenge_get_organisation_id (challenge));
  const char *cluster = ic_challenge_get_cluster (challenge);
  const char *place = ic_challenge_get_local_authority (challenge);
  guint n_places = corpus->place_names->len;
  gint64 budget_min, budget_max;

  if ((cluster == NULL || cluster[0] == '\0') && organisation != NULL)
    cluster = organisation->cluster;
  if ((place == NULL || place[0] == '\0') && organisation != NULL)
    place = organisation->place;

  query->has_cluster = cluster != NULL && cluster[0] != '\0';
  query->cluster = ic_match_corpus_lookup_cluster (corpus, cluster);

  query->trl_min = ic_challenge_get_trl_min (challenge);
  query->trl_max = ic_challenge_get_trl_max (challenge);
  for (int trl = 0; trl < 10; trl++)
    query->trl_table[trl] = ic_match_trl_score (trl, query->trl_min, query->trl_max);

  query->place_table = g_new (double, n_places);
  query->place_proximity = g_new (guint8, n_places);
  for (guint p = 0; p < n_places; p++)
    {
      const char *other = g_ptr_array_index (corpus->place_names, p);
      IcProximity proximity = IC_PROXIMITY_ELSEWHERE;

      if (other != NULL && place != NULL && place[0] != '\0')
        {
          if (corpus->taxonomy != NULL)
            proximity = ic_taxonomy_get_proximity (corpus->taxonomy, place, other);
          else if (g_str_equal (place, other))
            proximity = IC_PROXIMITY_SAME_AUTHORITY;
        }
      query->place_proximity[p] = proximity;
      query->place_table[p] = ic_match_place_score (proximity);
    }

  budget_min = ic_challenge_get_budget_min (challenge);
  budget_max = ic_challenge_get_budget_max (challenge);
  query->budget_known = budget_min > 0 || budget_max > 0;
  query->budget_need = MAX (1.0, (budget_max > budget_min ? (budget_min + budget_max) / 2.0
                                                          : (double) MAX (budget_min, budget_max))
                                 / IC_MATCH_PERSON_YEAR_GBP);
  for (guint band = 0; band < IC_MATCH_N_BANDS; band++)
    query->scale_table[band] = ic_match_scale_score (ic_match_band_employees (band),
                                                     ic_challenge_get_budget_min (challenge),
                                                     ic_challenge_get_budget_max (challenge));
}

IcMatchQuery *
ic_match_query_new (IcMatchCorpus        *corpus,
                    IcMatchContext       *context,
                    IcChallenge          *challenge,
                    const double         *weights,
                    const IcMatchOptions *options)
{
  IcMatchQuery *query = g_new0 (IcMatchQuery, 1);

  query->challenge_id = g_strdup (ic_record_get_id (IC_RECORD (challenge)));
  query->organisation =
    ic_match_corpus_lookup_organisation (corpus, ic_challenge_get_organisation_id (challenge));
  query->cross_sector = options != NULL && options->cross_sector;
  memcpy (query->weights, weights, sizeof query->weights);
  query->total_weight = ic_match_total_weight (query->weights);

  prepare_text (corpus, context, challenge, query);
  {
    const IcMatchDecisions *decisions = ic_match_options_get_decisions (options, query->challenge_id);

    if (decisions != NULL && decisions->positive->len > 0)
      learn_from_decisions (corpus, decisions, query);
  }
  prepare_coverage (query);
  prepare_tags (corpus, challenge, query);
  prepare_tables (corpus, challenge, query);
  prepare_exclusions (corpus, options, query);
  return query;
}

void
ic_match_query_free (IcMatchQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->challenge_id);
  g_free (query->term_ids);
  g_free (query->term_weights);
  /* Learned terms have no display: the array has holes. */
  for (guint i = 0; query->term_displays != NULL && i < query->n_terms; i++)
    g_free (query->term_displays[i]);
  g_free (query->term_displays);
  g_free (query->term_learned);
  g_free (query->term_is_word);
  g_strfreev (query->required_tags);
  g_free (query->tag_ids);
  g_free (query->place_table);
  g_free (query->place_proximity);
  g_free (query->excluded);
  g_free (query);
}

gboolean
ic_match_query_allows (IcMatchCorpus      *corpus,
                       const IcMatchQuery *query,
                       guint32             capability)
{
  guint32 organisation = corpus->attrs[capability].organisation;

  if (organisation != IC_MATCH_NO_ORGANISATION && organisation == query->organisation)
    return FALSE;
  return query->n_excluded == 0 ||
         bsearch (&capability, query->excluded, query->n_excluded, sizeof (guint32),
                  compare_guint32) == NULL;
}

/* The one formula every path uses: criterion scores from the
 * accumulated text cosine and tag counts, then ic_match_combine(). */
static inline double
score_from_parts (const IcMatchQuery      *query,
                  const IcCapabilityAttrs *attrs,
                  double                   text,
                  guint                    n_words,
                  guint                    n_tags,
                  guint                    n_rising,
                  double                  *s)
{
  s[IC_MATCH_CRITERION_TEXT] = MIN (text, 1.0) * query->coverage[MIN (n_words, 255u)];
  s[IC_MATCH_CRITERION_TAGS] = query->n_required > 0
                               ? (double) n_tags / (double) query->n_required : 0.0;
  s[IC_MATCH_CRITERION_TRL] = query->trl_table[attrs->trl];
  /* Cross-sector: another (known) cluster counts, and like every fit
   * criterion only as far as the pair is relevant. */
  if (query->cross_sector)
    s[IC_MATCH_CRITERION_CLUSTER] = query->has_cluster && attrs->cluster != 0 &&
                                    attrs->cluster != query->cluster ? 1.0 : 0.0;
  else
    s[IC_MATCH_CRITERION_CLUSTER] = query->cluster != 0 && attrs->cluster == query->cluster
                                    ? 1.0 : 0.0;
  s[IC_MATCH_CRITERION_PLACE] = query->place_table[attrs->place];
  s[IC_MATCH_CRITERION_SCALE] = query->scale_table[attrs->band];
  s[IC_MATCH_CRITERION_FORESIGHT] = n_tags > 0 ? (double) n_rising / (double) n_tags : 0.0;
  return ic_match_combine (query->weights, s, query->total_weight);
}

double
ic_match_score_pair (IcMatchCorpus      *corpus,
                     const IcMatchQuery *query,
                     guint32             capability,
                     double             *scores)
{
  guint32 from = corpus->capability_tag_offsets[capability];
  guint32 to = corpus->capability_tag_offsets[capability + 1];
  guint n_tags = 0, n_rising = 0, n_words = 0;
  double text;

  text = ic_tfidf_index_dot (corpus->index, capability, query->term_ids,
                             query->term_weights, query->term_is_word, query->n_terms, &n_words);
  for (guint i = 0; i < query->n_required; i++)
    {
      gint64 tag = query->tag_ids[i];

      if (tag < 0)
        continue;
      for (guint32 p = from; p < to; p++)
        if (corpus->capability_tags[p] == (guint32) tag)
          {
            n_tags++;
            n_rising += corpus->tag_rising[tag];
            break;
          }
    }
  return score_from_parts (query, &corpus->attrs[capability], text, n_words, n_tags, n_rising, scores);
}

/* How many of the challenge's words @capability has, at most 255: one
 * bit test per term of the capability against the query's bit set. */
static guint
count_shared_words (IcMatchCorpus        *corpus,
                    const IcMatchContext *context,
                    guint32               capability)
{
  const guint32 *terms;
  const float *weights;
  guint n = ic_tfidf_index_get_document (corpus->index, capability, &terms, &weights);
  guint shared = 0;

  for (guint j = 0; j < n; j++)
    shared += (context->query_words[terms[j] >> 6] >> (terms[j] & 63)) & 1;
  return MIN (shared, 255u);
}

/* Marks (or clears) the query's words in the context's bit set. */
static void
mark_query_words (IcMatchContext     *context,
                  const IcMatchQuery *query,
                  gboolean            set)
{
  for (guint i = 0; i < query->n_terms; i++)
    if (query->term_is_word[i])
      {
        guint64 bit = G_GUINT64_CONSTANT (1) << (query->term_ids[i] & 63);

        if (set)
          context->query_words[query->term_ids[i] >> 6] |= bit;
        else
          context->query_words[query->term_ids[i] >> 6] &= ~bit;
      }
}

/* A min-heap of the best entries so far: the root is the worst kept. */
static void
heap_sift_down (IcRankEntry *heap,
                guint        size,
                guint        i)
{
  for (;;)
    {
      guint worst = i, left = 2 * i + 1, right = left + 1;
      IcRankEntry tmp;

      if (left < size && ic_rank_entry_better (&heap[worst], &heap[left]))
        worst = left;
      if (right < size && ic_rank_entry_better (&heap[worst], &heap[right]))
        worst = right;
      if (worst == i)
        return;
      tmp = heap[i];
      heap[i] = heap[worst];
      heap[worst] = tmp;
      i = worst;
    }
}

static inline void
heap_offer (IcRankEntry *heap,
            guint       *size,
            guint        capacity,
            double       score,
            guint32      index)
{
  IcRankEntry entry = { score, index };

  if (*size < capacity)
    {
      guint i = (*size)++;

      heap[i] = entry;
      while (i > 0 && ic_rank_entry_better (&heap[(i - 1) / 2], &heap[i]))
        {
          IcRankEntry tmp = heap[i];

          heap[i] = heap[(i - 1) / 2];
          heap[(i - 1) / 2] = tmp;
          i = (i - 1) / 2;
        }
    }
  else if (ic_rank_entry_better (&entry, &heap[0]))
    {
      heap[0] = entry;
      heap_sift_down (heap, *size, 0);
    }
}

static int
compare_entries (const void *a,
                 const void *b)
{
  const IcRankEntry *x = a, *y = b;

  if (ic_rank_entry_better (x, y))
    return -1;
  return ic_rank_entry_better (y, x) ? 1 : 0;
}

/* Capabilities are scored in blocks small enough that a block's
 * accumulators stay in the first-level cache from the postings' adds to
 * the scoring loop.  Within a block the terms are still added in
 * ascending term order, as everywhere else. */
#define BLOCK 4096

static void
accumulate_block (IcMatchCorpus      *corpus,
                  IcMatchContext     *context,
                  const IcMatchQuery *query,
                  gboolean            with_tags,
                  gboolean            with_text,
                  guint32             block_end)
{
  guint32 *cursor = context->cursors;

  if (with_tags)
    {
      guint8 *tags = context->tags, *rising = context->rising;

      for (guint i = 0; i < query->n_required; i++, cursor++)
        {
          gint64 tag = query->tag_ids[i];
          const guint32 *docs;
          guint32 p, end;
          guint8 up;

          if (tag < 0)
            continue;
          up = corpus->tag_rising[tag];
          docs = corpus->tag_capabilities;
          end = corpus->tag_offsets[tag + 1];
          for (p = *cursor; p < end && docs[p] < block_end; p++)
            {
              tags[docs[p]]++;
              rising[docs[p]] += up;
            }
          *cursor = p;
        }
    }
  else
    {
      cursor += query->n_required;
    }

  if (with_text)
    {
      double *acc = context->text;

      for (guint i = 0; i < query->n_terms; i++, cursor++)
        {
          const guint32 *docs;
          const float *weights;
          guint n = ic_tfidf_index_get_postings (corpus->index, query->term_ids[i], &docs, &weights);
          double q = query->term_weights[i];
          guint32 p;

          for (p = *cursor; p < n && docs[p] < block_end; p++)
            acc[docs[p]] += q * (double) weights[p];
          *cursor = p;
        }
    }
}

static void
start_cursors (IcMatchCorpus      *corpus,
               IcMatchContext     *context,
               const IcMatchQuery *query)
{
  guint needed = query->n_required + query->n_terms;

  if (context->n_cursors < needed)
    {
      context->cursors = g_renew (guint32, context->cursors, needed);
      context->n_cursors = needed;
    }
  for (guint i = 0; i < query->n_required; i++)
    context->cursors[i] = query->tag_ids[i] >= 0 ? corpus->tag_offsets[query->tag_ids[i]] : 0;
  for (guint i = 0; i < query->n_terms; i++)
    context->cursors[query->n_required + i] = 0;
}

/* The most the fit criteria can multiply a pair's relevance by: Σ w·s
 * over them with each at its best table entry. */
static double
fit_bound (IcMatchCorpus      *corpus,
           const IcMatchQuery *query)
{
  const double *w = query->weights;
  double trl = 0.0, place = 0.0, scale = 0.0;

  for (guint t = 0; t < 10; t++)
    trl = MAX (trl, query->trl_table[t]);
  for (guint p = 0; p < corpus->place_names->len; p++)
    place = MAX (place, query->place_table[p]);
  for (guint b = 0; b < IC_MATCH_N_BANDS; b++)
    scale = MAX (scale, query->scale_table[b]);
  return w[IC_MATCH_CRITERION_TRL] * trl + w[IC_MATCH_CRITERION_PLACE] * place +
         w[IC_MATCH_CRITERION_SCALE] * scale + w[IC_MATCH_CRITERION_FORESIGHT] +
         (query->cross_sector || query->cluster != 0 ? w[IC_MATCH_CRITERION_CLUSTER] : 0.0);
}

/* A pair whose weighted sum is below this cannot beat the heap's worst
 * entry, whatever rounding does: the margin dwarfs it. */
static inline double
skip_below (const IcRankEntry  *heap,
            guint               size,
            guint               capacity,
            const IcMatchQuery *query)
{
  return size < capacity ? -1.0 : heap[0].score * query->total_weight * (1.0 - 1e-9);
}

guint
ic_match_rank_query (IcMatchCorpus      *corpus,
                     IcMatchContext     *context,
                     const IcMatchQuery *query,
                     guint               n_keep,
                     IcRankEntry        *out,
                     gboolean           *complete)
{
  const IcCapabilityAttrs *attrs = corpus->attrs;
  const double *w = query->weights;
  const double *text = context->text;
  const guint8 *tags = context->tags;
  const guint8 *rising = context->rising;
  double text_weight, tag_weight, topical, fit, threshold;
  double tag_part[256];
  gboolean with_tags, with_text;
  guint n = corpus->n_capabilities, size = 0;
  IcRankEntry *heap;
  double s[IC_MATCH_N_CRITERIA];

  if (n_keep == 0 || n == 0)
    {
      *complete = TRUE;
      return 0;
    }
  if (context->heap_capacity < n_keep)
    {
      context->heap = g_renew (IcRankEntry, context->heap, n_keep);
      context->heap_capacity = n_keep;
    }
  heap = context->heap;
  mark_query_words (context, query, TRUE);

  /* An upper bound on a pair's weighted sum from its text and tags
   * alone rules most pairs out before their attributes are read: the
   * topical sum T = w_text·text + w_tags·tags, times what the fit
   * criteria can add to it at most, (topical + fit) / topical. */
  topical = w[IC_MATCH_CRITERION_TEXT] + w[IC_MATCH_CRITERION_TAGS];
  fit = fit_bound (corpus, query);
  if (topical > 0.0)
    {
      double gain = (topical + fit) / topical;

      text_weight = w[IC_MATCH_CRITERION_TEXT] * gain;
      tag_weight = query->n_required > 0 ? w[IC_MATCH_CRITERION_TAGS] * gain / query->n_required : 0.0;
    }
  else
    {
      text_weight = fit;   /* relevance is the text score alone */
      tag_weight = 0.0;
    }
  for (guint t = 0; t < 256; t++)
    tag_part[t] = tag_weight * t;
  threshold = -1.0;
  with_tags = w[IC_MATCH_CRITERION_TAGS] > 0.0 || w[IC_MATCH_CRITERION_FORESIGHT] > 0.0;
  with_text = text_weight > 0.0;
  start_cursors (corpus, context, query);

  for (guint32 block = 0; block < n; block += BLOCK)
    {
      guint32 block_end = MIN (n, block + BLOCK);

      accumulate_block (corpus, context, query, with_tags, with_text, block_end);
      for (guint32 c = block; c < block_end; c++)
        {
          double bound = text_weight * text[c] + tag_part[tags[c]];
          double score;

          if (bound < threshold)
            continue;
          /* The words shared are counted only for the pairs that could
           * still enter the heap with full coverage (the score only
           * grows with coverage, and rounding keeps that order):
           * counting them in the postings' loop cost more than the rest
           * of it. */
          if (size == n_keep &&
              score_from_parts (query, &attrs[c], text[c], 255, tags[c], rising[c], s) < heap[0].score)
            continue;
          score = score_from_parts (query, &attrs[c], text[c], count_shared_words (corpus, context, c),
                                    tags[c], rising[c], s);
          if ((size == n_keep && score < heap[0].score) || !ic_match_query_allows (corpus, query, c))
            continue;
          heap_offer (heap, &size, n_keep, score, c);
          threshold = skip_below (heap, size, n_keep, query);
        }
      memset (context->text + block, 0, sizeof (double) * (block_end - block));
      memset (context->tags + block, 0, block_end - block);
      memset (context->rising + block, 0, block_end - block);
    }
  *complete = size < n_keep;
  mark_query_words (context, query, FALSE);

  if (size > 0)
    memcpy (out, heap, sizeof (IcRankEntry) * size);
  if (size > 1)
    qsort (out, size, sizeof (IcRankEntry), compare_entries);
  return size;
}

/* ic-tfidf-index.h — an inverted index of TF-IDF weights
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Terms are interned to dense ids; documents are given as their term
 * ids with counts.  ic_tfidf_index_build() then drops every term found
 * in more than half of the documents and weighs the rest
 *
 *   w(t, d) = (1 + ln tf(t, d)) · idf(t),   idf(t) = ln ((1 + N) / (1 + df(t))) + 1
 *
 * with each document's vector scaled to unit length.  Postings (term →
 * documents) and document vectors (document → terms) are flat arrays
 * sorted by document and by term id.  Once built, the index is
 * read-only and safe to share between threads.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IC_TYPE_TFIDF_INDEX (ic_tfidf_index_get_type ())

G_DECLARE_FINAL_TYPE (IcTfidfIndex, ic_tfidf_index, IC, TFIDF_INDEX, GObject)

/* Returns: (transfer full) */
IcTfidfIndex *ic_tfidf_index_new            (void);

/* The id of @term, adding it if new; @surface is a word it came from,
 * kept for display until ic_tfidf_index_set_display() says otherwise.
 * Only before ic_tfidf_index_build(). */
guint32       ic_tfidf_index_intern         (IcTfidfIndex   *self,
                                             const char     *term,
                                             const char     *surface);
/* Sets the word shown for @term_id (the corpus picks its most frequent
 * surface form).  Only before ic_tfidf_index_build(). */
void          ic_tfidf_index_set_display    (IcTfidfIndex   *self,
                                             guint32         term_id,
                                             const char     *surface);
/* Builds the index from @n_docs documents: document d has the terms
 * @term_ids[@offsets[d] … @offsets[d + 1]), each once, with their
 * counts in @counts, in ascending term id. */
void          ic_tfidf_index_build          (IcTfidfIndex   *self,
                                             guint           n_docs,
                                             const guint32  *offsets,
                                             const guint32  *term_ids,
                                             const guint32  *counts);
gboolean      ic_tfidf_index_is_built       (IcTfidfIndex   *self);

guint         ic_tfidf_index_get_n_docs     (IcTfidfIndex   *self);
/* Every interned term, dropped ones included. */
guint         ic_tfidf_index_get_n_terms    (IcTfidfIndex   *self);
/* The id of @term if it is indexed (not dropped), else -1. */
gint64        ic_tfidf_index_lookup         (IcTfidfIndex   *self,
                                             const char     *term);
/* The id of @term if it was interned (dropped or not, built or not),
 * else -1. */
gint64        ic_tfidf_index_find           (IcTfidfIndex   *self,
                                             const char     *term);
const char   *ic_tfidf_index_get_term       (IcTfidfIndex   *self,
                                             guint32         term_id);
/* The word a person reads for the term: a surface form that produced
 * it, never the bare stem (unless no surface was given). */
const char   *ic_tfidf_index_get_display    (IcTfidfIndex   *self,
                                             guint32         term_id);
/* 0 for a dropped term. */
double        ic_tfidf_index_get_idf        (IcTfidfIndex   *self,
                                             guint32         term_id);

/* The documents that have @term_id, in document order, with weights. */
guint         ic_tfidf_index_get_postings   (IcTfidfIndex   *self,
                                             guint32         term_id,
                                             const guint32 **docs,
                                             const float   **weights);
/* Document @doc's vector, in term-id order. */
guint         ic_tfidf_index_get_document   (IcTfidfIndex   *self,
                                             guint           doc,
                                             const guint32 **term_ids,
                                             const float   **weights);

/* The unit-length query vector of a text whose indexed terms are
 * @term_ids (repeats count, -1 entries are skipped), written into
 * @out_ids (guint32, ascending) and @out_weights (double). */
void          ic_tfidf_index_make_vector    (IcTfidfIndex   *self,
                                             const gint64   *term_ids,
                                             guint           n_terms,
                                             GArray         *out_ids,
                                             GArray         *out_weights);

/* Σ q·d over the terms both vectors have, in ascending term order: the
 * cosine, added in the same order as the engine's accumulator does.
 * *@n_counted (nullable) gets how many shared terms @query_counted
 * (nullable) flags, at most 255. */
double        ic_tfidf_index_dot            (IcTfidfIndex   *self,
                                             guint           doc,
                                             const guint32  *query_ids,
                                             const double   *query_weights,
                                             const guint8   *query_counted,
                                             guint           n_query,
                                             guint          *n_counted);

G_END_DECLS

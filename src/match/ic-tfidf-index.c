/* ic-tfidf-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ic-tfidf-index.h"

struct _IcTfidfIndex
{
  GObject parent_instance;

  GHashTable *lookup;       /* term → GUINT_TO_POINTER (id + 1) */
  GPtrArray  *terms;        /* id → term */
  GPtrArray  *displays;     /* id → surface word */
  double     *idf;          /* id → idf, 0 for dropped terms */

  gboolean    built;
  guint       n_docs;

  /* term → documents */
  guint64    *post_offsets;
  guint32    *post_docs;
  float      *post_weights;

  /* document → terms */
  guint64    *doc_offsets;
  guint32    *doc_terms;
  float      *doc_weights;
};

G_DEFINE_FINAL_TYPE (IcTfidfIndex, ic_tfidf_index, G_TYPE_OBJECT)

static void
ic_tfidf_index_finalize (GObject *object)
{
  IcTfidfIndex *self = IC_TFIDF_INDEX (object);

  g_clear_pointer (&self->lookup, g_hash_table_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->displays, g_ptr_array_unref);
  g_free (self->idf);
  g_free (self->post_offsets);
  g_free (self->post_docs);
  g_free (self->post_weights);
  g_free (self->doc_offsets);
  g_free (self->doc_terms);
  g_free (self->doc_weights);

  G_OBJECT_CLASS (ic_tfidf_index_parent_class)->finalize (object);
}

static void
ic_tfidf_index_class_init (IcTfidfIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_tfidf_index_finalize;
}

static void
ic_tfidf_index_init (IcTfidfIndex *self)
{
  self->lookup = g_hash_table_new (g_str_hash, g_str_equal);
  self->terms = g_ptr_array_new_with_free_func (g_free);
  self->displays = g_ptr_array_new_with_free_func (g_free);
}

IcTfidfIndex *
ic_tfidf_index_new (void)
{
  return g_object_new (IC_TYPE_TFIDF_INDEX, NULL);
}

guint32
ic_tfidf_index_intern (IcTfidfIndex *self,
                       const char   *term,
                       const char   *surface)
{
  gpointer value;
  char *copy;

  g_return_val_if_fail (IC_IS_TFIDF_INDEX (self), 0);
  g_return_val_if_fail (!self->built, 0);

  value = g_hash_table_lookup (self->lookup, term);
  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  copy = g_strdup (term);
  g_ptr_array_add (self->terms, copy);
  g_ptr_array_add (self->displays, g_strdup (surface ? surface : term));
  g_hash_table_insert (self->lookup, copy, GUINT_TO_POINTER (self->terms->len));
  return self->terms->len - 1;
}

void
ic_tfidf_index_set_display (IcTfidfIndex *self,
                            guint32       term_id,
                            const char   *surface)
{
  g_return_if_fail (IC_IS_TFIDF_INDEX (self));
  g_return_if_fail (!self->built);
  g_return_if_fail (term_id < self->displays->len);
  g_return_if_fail (surface != NULL);

  g_free (self->displays->pdata[term_id]);
  self->displays->pdata[term_id] = g_strdup (surface);
}

static void
normalise (float  *weights,
           double *exact,
           guint   n)
{
  double norm = 0.0;

  for (guint i = 0; i < n; i++)
    norm += exact[i] * exact[i];
  norm = sqrt (norm);
  for (guint i = 0; i < n; i++)
    weights[i] = norm > 0.0 ? (float) (exact[i] / norm) : 0.0f;
}

void
ic_tfidf_index_build (IcTfidfIndex  *self,
                      guint          n_docs,
                      const guint32 *offsets,
                      const guint32 *term_ids,
                      const guint32 *counts)
{
  guint n_terms = self->terms->len;
  g_autofree guint64 *df = g_new0 (guint64, n_terms + 1);
  g_autofree guint64 *fill = NULL;
  g_autofree double *exact = NULL;
  guint64 n_kept = 0, max_len = 0;

  g_return_if_fail (IC_IS_TFIDF_INDEX (self));
  g_return_if_fail (!self->built);

  for (guint d = 0; d < n_docs; d++)
    {
      for (guint32 p = offsets[d]; p < offsets[d + 1]; p++)
        df[term_ids[p]]++;
      max_len = MAX (max_len, offsets[d + 1] - offsets[d]);
    }

  /* A term in more than half of the documents separates nothing. */
  self->idf = g_new0 (double, n_terms + 1);
  for (guint t = 0; t < n_terms; t++)
    {
      if (df[t] > 0 && 2 * df[t] <= (guint64) n_docs)
        self->idf[t] = log ((1.0 + n_docs) / (1.0 + (double) df[t])) + 1.0;
      else
        df[t] = 0;
      n_kept += df[t];
    }

  self->n_docs = n_docs;
  self->post_offsets = g_new0 (guint64, n_terms + 1);
  self->post_docs = g_new (guint32, MAX (n_kept, 1));
  self->post_weights = g_new (float, MAX (n_kept, 1));
  self->doc_offsets = g_new0 (guint64, n_docs + 1);
  self->doc_terms = g_new (guint32, MAX (n_kept, 1));
  self->doc_weights = g_new (float, MAX (n_kept, 1));

  for (guint t = 0; t < n_terms; t++)
    self->post_offsets[t + 1] = self->post_offsets[t] + df[t];
  fill = g_memdup2 (self->post_offsets, sizeof (guint64) * (n_terms + 1));
  exact = g_new (double, MAX (max_len, 1));

  for (guint d = 0; d < n_docs; d++)
    {
      guint64 start = self->doc_offsets[d], n = 0;

      for (guint32 p = offsets[d]; p < offsets[d + 1]; p++)
        {
          guint32 t = term_ids[p];

          if (self->idf[t] == 0.0)
            continue;
          self->doc_terms[start + n] = t;
          exact[n] = (1.0 + log ((double) counts[p])) * self->idf[t];
          n++;
        }
      normalise (self->doc_weights + start, exact, n);
      self->doc_offsets[d + 1] = start + n;

      for (guint64 i = 0; i < n; i++)
        {
          guint32 t = self->doc_terms[start + i];
          guint64 slot = fill[t]++;

          self->post_docs[slot] = d;
          self->post_weights[slot] = self->doc_weights[start + i];
        }
    }
  self->built = TRUE;
}

gboolean
ic_tfidf_index_is_built (IcTfidfIndex *self)
{
  g_return_val_if_fail (IC_IS_TFIDF_INDEX (self), FALSE);

  return self->built;
}

guint
ic_tfidf_index_get_n_docs (IcTfidfIndex *self)
{
  g_return_val_if_fail (IC_IS_TFIDF_INDEX (self), 0);

  return self->n_docs;
}

guint
ic_tfidf_index_get_n_terms (IcTfidfIndex *self)
{
  g_return_val_if_fail (IC_IS_TFIDF_INDEX (self), 0);

  return self->terms->len;
}

gint64
ic_tfidf_index_lookup (IcTfidfIndex *self,
                       const char   *term)
{
  gpointer value = g_hash_table_lookup (self->lookup, term);
  guint32 id;

  if (value == NULL || !self->built)
    return -1;
  id = GPOINTER_TO_UINT (value) - 1;
  return self->idf[id] > 0.0 ? (gint64) id : -1;
}

gint64
ic_tfidf_index_find (IcTfidfIndex *self,
                     const char   *term)
{
  gpointer value = g_hash_table_lookup (self->lookup, term);

  return value != NULL ? (gint64) GPOINTER_TO_UINT (value) - 1 : -1;
}

const char *
ic_tfidf_index_get_term (IcTfidfIndex *self,
                         guint32       term_id)
{
  g_return_val_if_fail (term_id < self->terms->len, NULL);

  return g_ptr_array_index (self->terms, term_id);
}

const char *
ic_tfidf_index_get_display (IcTfidfIndex *self,
                            guint32       term_id)
{
  g_return_val_if_fail (term_id < self->displays->len, NULL);

  return g_ptr_array_index (self->displays, term_id);
}

double
ic_tfidf_index_get_idf (IcTfidfIndex *self,
                        guint32       term_id)
{
  g_return_val_if_fail (self->built && term_id < self->terms->len, 0.0);

  return self->idf[term_id];
}

guint
ic_tfidf_index_get_postings (IcTfidfIndex   *self,
                             guint32         term_id,
                             const guint32 **docs,
                             const float   **weights)
{
  guint64 start = self->post_offsets[term_id];

  *docs = self->post_docs + start;
  *weights = self->post_weights + start;
  return (guint) (self->post_offsets[term_id + 1] - start);
}

guint
ic_tfidf_index_get_document (IcTfidfIndex   *self,
                             guint           doc,
                             const guint32 **term_ids,
                             const float   **weights)
{
  guint64 start = self->doc_offsets[doc];

  *term_ids = self->doc_terms + start;
  *weights = self->doc_weights + start;
  return (guint) (self->doc_offsets[doc + 1] - start);
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

void
ic_tfidf_index_make_vector (IcTfidfIndex *self,
                            const gint64 *term_ids,
                            guint         n_terms,
                            GArray       *out_ids,
                            GArray       *out_weights)
{
  g_autofree gint64 *sorted = g_memdup2 (term_ids, sizeof (gint64) * n_terms);
  double norm = 0.0;

  g_return_if_fail (self->built);

  g_array_set_size (out_ids, 0);
  g_array_set_size (out_weights, 0);
  if (n_terms > 1)
    qsort (sorted, n_terms, sizeof (gint64), compare_gint64);

  for (guint i = 0; i < n_terms;)
    {
      guint j = i;
      double w;
      guint32 id;

      while (j < n_terms && sorted[j] == sorted[i])
        j++;
      if (sorted[i] >= 0)
        {
          id = (guint32) sorted[i];
          w = (1.0 + log ((double) (j - i))) * self->idf[id];
          g_array_append_val (out_ids, id);
          g_array_append_val (out_weights, w);
          norm += w * w;
        }
      i = j;
    }

  norm = sqrt (norm);
  for (guint i = 0; i < out_weights->len; i++)
    g_array_index (out_weights, double, i) /= norm;
}

double
ic_tfidf_index_dot (IcTfidfIndex  *self,
                    guint          doc,
                    const guint32 *query_ids,
                    const double  *query_weights,
                    const guint8  *query_counted,
                    guint          n_query,
                    guint         *n_counted)
{
  const guint32 *terms;
  const float *weights;
  guint n = ic_tfidf_index_get_document (self, doc, &terms, &weights);
  double sum = 0.0;
  guint i = 0, j = 0, counted = 0;

  while (i < n_query && j < n)
    {
      if (query_ids[i] < terms[j])
        i++;
      else if (query_ids[i] > terms[j])
        j++;
      else
        {
          counted += query_counted != NULL && query_counted[i];
          sum += query_weights[i++] * (double) weights[j++];
        }
    }
  if (n_counted != NULL)
    *n_counted = MIN (counted, 255u);
  return sum;
}

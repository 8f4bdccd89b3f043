/* ic-matcher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ic-matcher.h"
#include "ic-matcher-private.h"
#include "ic-model-enums.h"

/* A ranked challenge's best candidates with their criterion scores, so
 * that a weight change re-orders them without the index. */
typedef struct
{
  IcChallenge    *challenge;
  IcMatchOptions  options;
  IcMatchQuery   *query;
  double          weights[IC_MATCH_N_CRITERIA];   /* what the pool was ranked by */
  guint           n;
  guint32        *indices;
  double         *scores;                          /* n × IC_MATCH_N_CRITERIA */
  double          threshold;                       /* the last candidate's score */
  gboolean        complete;                        /* every eligible capability is here */
} Pool;

struct _IcMatcher
{
  GObject parent_instance;

  IcMatchCorpus *corpus;

  GMutex contexts_lock;
  GPtrArray *contexts;      /* idle IcMatchContext */

  GMutex pools_lock;
  GHashTable *pools;        /* challenge id → Pool */
};

G_DEFINE_FINAL_TYPE (IcMatcher, ic_matcher, G_TYPE_OBJECT)

static void
pool_free (Pool *pool)
{
  g_clear_object (&pool->challenge);
  ic_match_options_clear (&pool->options);
  ic_match_query_free (pool->query);
  g_free (pool->indices);
  g_free (pool->scores);
  g_free (pool);
}

static void
ic_matcher_finalize (GObject *object)
{
  IcMatcher *self = IC_MATCHER (object);

  g_clear_pointer (&self->contexts, g_ptr_array_unref);
  g_clear_pointer (&self->pools, g_hash_table_unref);
  g_mutex_clear (&self->contexts_lock);
  g_mutex_clear (&self->pools_lock);
  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (ic_matcher_parent_class)->finalize (object);
}

static void
ic_matcher_class_init (IcMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_matcher_finalize;
}

static void
ic_matcher_init (IcMatcher *self)
{
  g_mutex_init (&self->contexts_lock);
  g_mutex_init (&self->pools_lock);
  self->contexts = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_match_context_free);
  self->pools = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pool_free);
}

IcMatcher *
ic_matcher_new (IcMatchCorpus *corpus)
{
  IcMatcher *self;

  g_return_val_if_fail (IC_IS_MATCH_CORPUS (corpus), NULL);
  g_return_val_if_fail (ic_match_corpus_is_frozen (corpus), NULL);

  self = g_object_new (IC_TYPE_MATCHER, NULL);
  self->corpus = g_object_ref (corpus);
  return self;
}

IcMatchCorpus *
ic_matcher_get_corpus (IcMatcher *self)
{
  g_return_val_if_fail (IC_IS_MATCHER (self), NULL);

  return self->corpus;
}

static IcMatchContext *
acquire_context (IcMatcher  *self,
                 GError    **error)
{
  IcMatchContext *context = NULL;

  g_mutex_lock (&self->contexts_lock);
  if (self->contexts->len > 0)
    context = g_ptr_array_steal_index_fast (self->contexts, self->contexts->len - 1);
  g_mutex_unlock (&self->contexts_lock);

  return context ? context : ic_match_context_new (self->corpus, error);
}

static void
release_context (IcMatcher      *self,
                 IcMatchContext *context)
{
  g_mutex_lock (&self->contexts_lock);
  g_ptr_array_add (self->contexts, context);
  g_mutex_unlock (&self->contexts_lock);
}

static char *
get_today (const IcMatchOptions *options)
{
  g_autoptr(GDateTime) now = NULL;

  if (options != NULL && options->today != NULL)
    return g_strdup (options->today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
ic_matcher_check_challenge (IcMatcher             *self,
                            IcChallenge           *challenge,
                            const IcMatchOptions  *options,
                            GError               **error)
{
  g_autofree char *today = NULL;
  const char *deadline;
  IcChallengeStatus status;

  g_return_val_if_fail (IC_IS_MATCHER (self), FALSE);
  g_return_val_if_fail (IC_IS_CHALLENGE (challenge), FALSE);

  status = ic_challenge_get_status (challenge);
  if (status != IC_CHALLENGE_STATUS_OPEN)
    {
      g_set_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_NOT_OPEN,
                   _("The challenge “%s” is %s; only open challenges are matched"),
                   ic_challenge_get_title (challenge),
                   ic_enum_to_nick (ic_challenge_status_get_type (), status));
      return FALSE;
    }

  deadline = ic_challenge_get_deadline (challenge);
  today = get_today (options);
  if (deadline != NULL && deadline[0] != '\0' && strcmp (deadline, today) < 0)
    {
      g_set_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_DEADLINE_PASSED,
                   _("The deadline of the challenge “%s”, %s, has passed"),
                   ic_challenge_get_title (challenge), deadline);
      return FALSE;
    }
  return TRUE;
}

static guint
get_top_k (const IcMatchOptions *options)
{
  return options != NULL && options->top_k > 0 ? options->top_k : 10;
}

/* Best first, then by capability id (for g_ptr_array_sort()). */
static int
compare_results_by_score (gconstpointer a,
                          gconstpointer b)
{
  IcMatchResult *x = *(IcMatchResult **) a, *y = *(IcMatchResult **) b;
  double sx = ic_match_result_get_score (x), sy = ic_match_result_get_score (y);

  if (sx != sy)
    return sx > sy ? -1 : 1;
  return g_strcmp0 (ic_match_result_get_capability_id (x), ic_match_result_get_capability_id (y));
}

static GListStore *
results_from_entries (IcMatcher          *self,
                      const IcMatchQuery *query,
                      const guint32      *indices,
                      guint               n)
{
  GListStore *store = g_list_store_new (IC_TYPE_MATCH_RESULT);

  for (guint i = 0; i < n; i++)
    {
      double s[IC_MATCH_N_CRITERIA];
      double score = ic_match_score_pair (self->corpus, query, indices[i], s);
      g_autoptr(IcMatchResult) result = ic_match_explain (self->corpus, query, indices[i], s, score);

      g_list_store_append (store, result);
    }
  return store;
}

/* Marks the pinned capabilities among @store's results, and adds those
 * the ranking left out (not an excluded pair, which a person ruled
 * out), after the ranked ones and best first: a pinned capability is
 * always shown. */
static void
add_pins (IcMatcher            *self,
          const IcMatchQuery   *query,
          const IcMatchOptions *options,
          GListStore           *store)
{
  GHashTable *pins = ic_match_options_get_pins (options, query->challenge_id);
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GPtrArray) extra = NULL;
  GHashTableIter iter;
  gpointer capability_id, reason;
  guint n;

  if (pins == NULL || g_hash_table_size (pins) == 0)
    return;
  shown = g_hash_table_new (g_str_hash, g_str_equal);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcMatchResult) result = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *id = ic_match_result_get_capability_id (result);
      const char *pin = g_hash_table_lookup (pins, id);

      if (pin != NULL)
        {
          ic_match_result_set_pin_reason (result, pin);
          g_hash_table_add (shown, (gpointer) id);
        }
    }

  extra = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, pins);
  while (g_hash_table_iter_next (&iter, &capability_id, &reason))
    {
      double s[IC_MATCH_N_CRITERIA];
      gint64 index;
      double score;
      IcMatchResult *result;

      if (g_hash_table_contains (shown, capability_id) ||
          ic_match_options_is_excluded (options, query->challenge_id, capability_id))
        continue;
      index = ic_match_corpus_find_capability (self->corpus, capability_id);
      if (index < 0)
        continue;
      score = ic_match_score_pair (self->corpus, query, (guint32) index, s);
      result = ic_match_explain (self->corpus, query, (guint32) index, s, score);
      ic_match_result_set_pin_reason (result, reason);
      g_ptr_array_add (extra, result);
    }
  g_ptr_array_sort (extra, compare_results_by_score);
  for (guint i = 0; i < extra->len; i++)
    g_list_store_append (store, extra->pdata[i]);
}

/* Ranks one challenge that passed the filters, with @context; *@pool
 * (nullable) receives the kept candidates if asked for. */
static GListModel *
rank_prepared (IcMatcher            *self,
               IcMatchContext       *context,
               IcChallenge          *challenge,
               const double         *weights,
               const IcMatchOptions *options,
               Pool                **pool_out)
{
  g_autoptr(IcMatchQuery) query = NULL;
  g_autofree IcRankEntry *entries = NULL;
  g_autofree guint32 *indices = NULL;
  guint top_k = get_top_k (options);
  guint pool_size = pool_out && options ? options->pool_size : 0;
  guint n_keep = MAX (top_k, pool_size);
  gboolean complete;
  GListStore *store;
  guint n;

  query = ic_match_query_new (self->corpus, context, challenge, weights, options);
  entries = g_new (IcRankEntry, n_keep);
  n = ic_match_rank_query (self->corpus, context, query, n_keep, entries, &complete);

  indices = g_new (guint32, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    indices[i] = entries[i].index;
  store = results_from_entries (self, query, indices, MIN (n, top_k));
  add_pins (self, query, options, store);

  if (pool_size > 0)
    {
      Pool *pool = g_new0 (Pool, 1);

      pool->challenge = g_object_ref (challenge);
      ic_match_options_copy (options, &pool->options);
      memcpy (pool->weights, weights, sizeof pool->weights);
      pool->n = n;
      pool->indices = g_steal_pointer (&indices);
      pool->scores = g_new (double, (gsize) MAX (n, 1) * IC_MATCH_N_CRITERIA);
      for (guint i = 0; i < n; i++)
        ic_match_score_pair (self->corpus, query, pool->indices[i],
                             pool->scores + (gsize) i * IC_MATCH_N_CRITERIA);
      pool->threshold = n > 0 ? entries[n - 1].score : 0.0;
      pool->complete = complete;
      pool->query = g_steal_pointer (&query);
      *pool_out = pool;
    }
  return G_LIST_MODEL (store);
}

static void
store_pool (IcMatcher *self,
            Pool      *pool)
{
  g_mutex_lock (&self->pools_lock);
  g_hash_table_replace (self->pools, g_strdup (pool->query->challenge_id), pool);
  g_mutex_unlock (&self->pools_lock);
}

GListModel *
ic_matcher_rank_challenge (IcMatcher             *self,
                           IcChallenge           *challenge,
                           IcMatchWeights        *weights,
                           const IcMatchOptions  *options,
                           GError               **error)
{
  double values[IC_MATCH_N_CRITERIA];
  IcMatchContext *context;
  GListModel *results;
  Pool *pool = NULL;

  g_return_val_if_fail (IC_IS_MATCHER (self), NULL);
  g_return_val_if_fail (IC_IS_CHALLENGE (challenge), NULL);
  g_return_val_if_fail (IC_IS_MATCH_WEIGHTS (weights), NULL);

  if (!ic_matcher_check_challenge (self, challenge, options, error))
    return NULL;
  context = acquire_context (self, error);
  if (context == NULL)
    return NULL;

  ic_match_weights_get_values (weights, values);
  results = rank_prepared (self, context, challenge, values, options, &pool);
  release_context (self, context);
  if (pool != NULL)
    store_pool (self, pool);
  return results;
}

typedef struct
{
  IcMatcher            *self;
  GPtrArray            *challenges;
  double                weights[IC_MATCH_N_CRITERIA];
  const IcMatchOptions *options;
  char                 *today;
  GCancellable         *cancellable;
  gint                  next;
  GListModel          **results;
  Pool                **pools;
} RankAllJob;

static void
rank_all_worker (gpointer data,
                 gpointer user_data)
{
  IcMatchContext *context = data;
  RankAllJob *job = user_data;

  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&job->next, 1);
      IcChallenge *challenge;
      IcMatchOptions options;

      if (i >= job->challenges->len || g_cancellable_is_cancelled (job->cancellable))
        return;
      challenge = g_ptr_array_index (job->challenges, i);
      options = *job->options;
      options.today = job->today;
      if (!ic_matcher_check_challenge (job->self, challenge, &options, NULL))
        {
          job->results[i] = G_LIST_MODEL (g_list_store_new (IC_TYPE_MATCH_RESULT));
          continue;
        }
      job->results[i] = rank_prepared (job->self, context, challenge, job->weights, &options,
                                       options.pool_size > 0 ? &job->pools[i] : NULL);
    }
}

GPtrArray *
ic_matcher_rank_all (IcMatcher             *self,
                     GPtrArray             *challenges,
                     IcMatchWeights        *weights,
                     const IcMatchOptions  *options,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr(GPtrArray) contexts = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *today = get_today (options);
  IcMatchOptions defaults;
  RankAllJob job = { 0 };
  GThreadPool *threads;
  guint n_threads;
  guint n;

  g_return_val_if_fail (IC_IS_MATCHER (self), NULL);
  g_return_val_if_fail (challenges != NULL, NULL);
  g_return_val_if_fail (IC_IS_MATCH_WEIGHTS (weights), NULL);

  if (options == NULL)
    {
      ic_match_options_init (&defaults);
      options = &defaults;
    }
  n = challenges->len;
  n_threads = options->n_threads > 0 ? options->n_threads : g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, MAX (n, 1));

  job.self = self;
  job.challenges = challenges;
  job.options = options;
  job.today = today;
  job.cancellable = cancellable;
  job.results = g_new0 (GListModel *, MAX (n, 1));
  job.pools = g_new0 (Pool *, MAX (n, 1));
  ic_match_weights_get_values (weights, job.weights);

  for (guint i = 0; i < n_threads; i++)
    {
      IcMatchContext *context = acquire_context (self, error);

      if (context == NULL)
        break;
      g_ptr_array_add (contexts, context);
    }

  if (contexts->len == n_threads)
    {
      threads = g_thread_pool_new (rank_all_worker, &job, (int) n_threads, FALSE, NULL);
      for (guint i = 0; i < n_threads; i++)
        g_thread_pool_push (threads, contexts->pdata[i], NULL);
      g_thread_pool_free (threads, FALSE, TRUE);
    }
  for (guint i = 0; i < contexts->len; i++)
    release_context (self, contexts->pdata[i]);

  results = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      if (job.pools[i] != NULL)
        store_pool (self, job.pools[i]);
      if (job.results[i] != NULL)
        g_ptr_array_add (results, job.results[i]);
    }
  g_free (job.results);
  g_free (job.pools);

  if (contexts->len < n_threads)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&results);
}

/* The most the topical mean can be under @new_weights for a pair whose
 * topical mean was @relevance under @old_weights (text and tags in
 * [0, 1]): a two-item fractional knapsack. */
static double
topical_bound (const double *old_weights,
               const double *new_weights,
               double        relevance)
{
  const guint topical[2] = { IC_MATCH_CRITERION_TEXT, IC_MATCH_CRITERION_TAGS };
  double old_topical = old_weights[topical[0]] + old_weights[topical[1]];
  double new_topical = new_weights[topical[0]] + new_weights[topical[1]];
  double budget, value = 0.0;
  guint first = 0;

  if (old_topical <= 0.0)
    return new_topical <= 0.0 ? relevance : 1.0;   /* the old relevance was the text score */
  budget = relevance * old_topical;
  if (new_topical <= 0.0)
    {
      double w = old_weights[IC_MATCH_CRITERION_TEXT];

      return w > 0.0 ? MIN (1.0, budget / w) : 1.0;
    }
  /* Fill the better ratio of new to old weight first. */
  if (new_weights[topical[1]] * old_weights[topical[0]] >
      new_weights[topical[0]] * old_weights[topical[1]])
    first = 1;
  for (guint k = 0; k < 2; k++)
    {
      guint i = topical[(first + k) % 2];
      double take = old_weights[i] > 0.0 ? MIN (1.0, budget / old_weights[i]) : 1.0;

      value += new_weights[i] * take;
      if (old_weights[i] > 0.0)
        budget = MAX (0.0, budget - old_weights[i] * take);
    }
  return MIN (1.0, value / new_topical);
}

/* The most Σ w′·f over the fit criteria can be, with each f in [0, 1]
 * and Σ w·f ≤ @budget under the old weights (a criterion the old
 * weights left out is free): a fractional knapsack, filled greedily by
 * the ratio of new to old weight. */
static double
fit_knapsack (const double *old_weights,
              const double *new_weights,
              double        budget)
{
  guint order[IC_MATCH_N_CRITERIA], n = 0;
  double value = 0.0;

  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    {
      if (ic_match_criterion_is_topical (i) || new_weights[i] <= 0.0)
        continue;
      if (old_weights[i] <= 0.0)
        value += new_weights[i];
      else
        order[n++] = i;
    }
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && new_weights[order[j]] / old_weights[order[j]] >
                               new_weights[order[j - 1]] / old_weights[order[j - 1]]; j--)
      {
        guint tmp = order[j];

        order[j] = order[j - 1];
        order[j - 1] = tmp;
      }
  for (guint i = 0; i < n && budget > 0.0; i++)
    {
      double take = MIN (1.0, budget / old_weights[order[i]]);

      value += new_weights[order[i]] * take;
      budget -= old_weights[order[i]] * take;
    }
  return value;
}

/* How many slices the old relevance's range is cut into. */
#define BOUND_SLICES 32

/* The most any capability outside a pool can score under @new_weights,
 * knowing it scored at most @threshold under @old_weights.  A pair of
 * old relevance r (its topical mean) and fit sum F = Σ w·f scored
 * (w_topical·r + r·F) / Σ w, so F ≤ θ·Σw / r − w_topical; its new score
 * is R′·(w′_topical + F′) / Σ w′, with R′ at most topical_bound (r) and
 * F′ at most fit_knapsack (that budget).  r runs over (0, r_max]; on a
 * slice [a, b] the score is at most topical_bound (b) times the
 * knapsack at a's budget, and the bound is the largest slice's. */
static double
outside_bound (const double *old_weights,
               double        threshold,
               const double *new_weights)
{
  double old_total = ic_match_total_weight (old_weights);
  double new_total = ic_match_total_weight (new_weights);
  double old_topical = old_weights[IC_MATCH_CRITERION_TEXT] + old_weights[IC_MATCH_CRITERION_TAGS];
  double new_topical = new_weights[IC_MATCH_CRITERION_TEXT] + new_weights[IC_MATCH_CRITERION_TAGS];
  double limit = threshold * old_total * (1.0 + 1e-9) + 1e-12;
  double r_max = old_topical > 0.0 ? MIN (1.0, limit / old_topical) : 1.0;
  double best = 0.0;

  if (new_total <= 0.0)
    return 0.0;
  for (guint slice = 0; slice < BOUND_SLICES; slice++)
    {
      double a = r_max * slice / BOUND_SLICES, b = r_max * (slice + 1) / BOUND_SLICES;
      double budget = a > 0.0 ? limit / a - old_topical : G_MAXDOUBLE;
      double fit = fit_knapsack (old_weights, new_weights, MAX (budget, 0.0));
      double bound = topical_bound (old_weights, new_weights, b) *
                     ((new_topical > 0.0 ? new_topical : 0.0) + fit) / new_total;

      best = MAX (best, bound);
    }
  return MIN (best, 1.0);
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

/* Re-orders @pool under @weights; NULL if the bound cannot prove it exact. */
static GListModel *
rerank_pool (IcMatcher    *self,
             Pool         *pool,
             const double *weights)
{
  g_autofree IcRankEntry *entries = g_new (IcRankEntry, MAX (pool->n, 1));
  g_autofree guint32 *indices = NULL;
  guint top_k = get_top_k (&pool->options);
  double total = ic_match_total_weight (weights);
  GListStore *store;
  guint n_out;

  for (guint i = 0; i < pool->n; i++)
    {
      entries[i].index = pool->indices[i];
      entries[i].score = ic_match_combine (weights, pool->scores + (gsize) i * IC_MATCH_N_CRITERIA,
                                           total);
    }
  if (pool->n > 1)
    qsort (entries, pool->n, sizeof (IcRankEntry), compare_entries);
  n_out = MIN (pool->n, top_k);

  if (!pool->complete)
    {
      if (pool->n < top_k ||
          outside_bound (pool->weights, pool->threshold, weights) + 1e-9 >= entries[n_out - 1].score)
        return NULL;
    }

  memcpy (pool->query->weights, weights, sizeof pool->query->weights);
  pool->query->total_weight = total;
  indices = g_new (guint32, MAX (n_out, 1));
  for (guint i = 0; i < n_out; i++)
    indices[i] = entries[i].index;
  store = results_from_entries (self, pool->query, indices, n_out);
  add_pins (self, pool->query, &pool->options, store);
  return G_LIST_MODEL (store);
}

GListModel *
ic_matcher_rerank (IcMatcher       *self,
                   const char      *challenge_id,
                   IcMatchWeights  *weights,
                   gboolean        *used_pool,
                   GError         **error)
{
  g_autoptr(IcChallenge) challenge = NULL;
  g_auto(IcMatchOptions) options = { 0 };
  double values[IC_MATCH_N_CRITERIA];
  GListModel *results = NULL;
  Pool *pool;

  g_return_val_if_fail (IC_IS_MATCHER (self), NULL);
  g_return_val_if_fail (challenge_id != NULL, NULL);
  g_return_val_if_fail (IC_IS_MATCH_WEIGHTS (weights), NULL);

  ic_match_weights_get_values (weights, values);
  if (used_pool != NULL)
    *used_pool = FALSE;

  g_mutex_lock (&self->pools_lock);
  pool = g_hash_table_lookup (self->pools, challenge_id);
  if (pool != NULL)
    {
      results = rerank_pool (self, pool, values);
      if (results == NULL)
        {
          challenge = g_object_ref (pool->challenge);
          ic_match_options_copy (&pool->options, &options);
        }
    }
  g_mutex_unlock (&self->pools_lock);

  if (pool == NULL)
    {
      g_set_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_NOT_RANKED,
                   _("The challenge %s has not been ranked with candidates kept"), challenge_id);
      return NULL;
    }
  if (results != NULL)
    {
      if (used_pool != NULL)
        *used_pool = TRUE;
      return results;
    }
  return ic_matcher_rank_challenge (self, challenge, weights, &options, error);
}

void
ic_matcher_forget (IcMatcher  *self,
                   const char *challenge_id)
{
  g_return_if_fail (IC_IS_MATCHER (self));

  g_mutex_lock (&self->pools_lock);
  if (challenge_id == NULL)
    g_hash_table_remove_all (self->pools);
  else
    g_hash_table_remove (self->pools, challenge_id);
  g_mutex_unlock (&self->pools_lock);
}

static IcMatchQuery *
prepare_pair (IcMatcher            *self,
              IcChallenge          *challenge,
              const char           *capability_id,
              IcMatchWeights       *weights,
              const IcMatchOptions *options,
              gint64               *index)
{
  double values[IC_MATCH_N_CRITERIA];
  IcMatchContext *context;
  IcMatchQuery *query;

  *index = ic_match_corpus_find_capability (self->corpus, capability_id);
  if (*index < 0)
    return NULL;
  context = acquire_context (self, NULL);
  if (context == NULL)
    return NULL;
  ic_match_weights_get_values (weights, values);
  query = ic_match_query_new (self->corpus, context, challenge, values, options);
  release_context (self, context);
  return query;
}

gboolean
ic_matcher_score_pair (IcMatcher            *self,
                       IcChallenge          *challenge,
                       const char           *capability_id,
                       IcMatchWeights       *weights,
                       const IcMatchOptions *options,
                       double               *score,
                       double               *criterion_scores)
{
  g_autoptr(IcMatchQuery) query = NULL;
  double s[IC_MATCH_N_CRITERIA];
  double value;
  gint64 index;

  g_return_val_if_fail (IC_IS_MATCHER (self), FALSE);
  g_return_val_if_fail (IC_IS_CHALLENGE (challenge), FALSE);
  g_return_val_if_fail (IC_IS_MATCH_WEIGHTS (weights), FALSE);

  query = prepare_pair (self, challenge, capability_id, weights, options, &index);
  if (query == NULL)
    return FALSE;
  value = ic_match_score_pair (self->corpus, query, (guint32) index, s);
  if (score != NULL)
    *score = value;
  if (criterion_scores != NULL)
    memcpy (criterion_scores, s, sizeof s);
  return ic_match_query_allows (self->corpus, query, (guint32) index);
}

IcMatchResult *
ic_matcher_explain_pair (IcMatcher            *self,
                         IcChallenge          *challenge,
                         const char           *capability_id,
                         IcMatchWeights       *weights,
                         const IcMatchOptions *options)
{
  g_autoptr(IcMatchQuery) query = NULL;
  double s[IC_MATCH_N_CRITERIA];
  double score;
  gint64 index;

  g_return_val_if_fail (IC_IS_MATCHER (self), NULL);
  g_return_val_if_fail (IC_IS_CHALLENGE (challenge), NULL);
  g_return_val_if_fail (IC_IS_MATCH_WEIGHTS (weights), NULL);

  query = prepare_pair (self, challenge, capability_id, weights, options, &index);
  if (query == NULL)
    return NULL;
  score = ic_match_score_pair (self->corpus, query, (guint32) index, s);
  return ic_match_explain (self->corpus, query, (guint32) index, s, score);
}

/* ic-consortium-finder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ic-consortium-finder.h"
#include "ic-matcher-private.h"

#define EXHAUSTIVE_LIMIT 2000000.0
#define MAX_SWAP_ROUNDS 64

typedef struct
{
  guint32 index;
  guint32 organisation;
  guint64 mask;
  double  score;
} Candidate;

typedef struct
{
  guint   members[IC_CONSORTIUM_MAX_SIZE];   /* positions in the pool, ascending */
  guint   n;
  guint64 mask;
  double  mean;
} Group;

typedef struct
{
  const Candidate *pool;
  guint            n_pool;
  guint            max_size;
  guint            n_results;
  Group           *best;                     /* n_best, best first */
  guint            n_best;
} Search;

static guint
popcount (guint64 mask)
{
  return (guint) __builtin_popcountll (mask);
}

static void
group_update (Group           *group,
              const Candidate *pool)
{
  double sum = 0.0;

  group->mask = 0;
  for (guint i = 0; i < group->n; i++)
    {
      group->mask |= pool[group->members[i]].mask;
      sum += pool[group->members[i]].score;
    }
  group->mean = group->n > 0 ? sum / group->n : 0.0;
}

/* The order of proposals; members compare by capability index. */
static int
group_compare (const Group     *a,
               const Group     *b,
               const Candidate *pool)
{
  guint ca = popcount (a->mask), cb = popcount (b->mask);

  if (ca != cb)
    return ca > cb ? -1 : 1;
  if (a->mean != b->mean)
    return a->mean > b->mean ? -1 : 1;
  if (a->n != b->n)
    return a->n < b->n ? -1 : 1;
  for (guint i = 0; i < a->n; i++)
    if (pool[a->members[i]].index != pool[b->members[i]].index)
      return pool[a->members[i]].index < pool[b->members[i]].index ? -1 : 1;
  return 0;
}

/* Distinct organisations, and every member brings a tag of its own. */
static gboolean
group_valid (const Group     *group,
             const Candidate *pool)
{
  for (guint i = 0; i < group->n; i++)
    {
      const Candidate *member = &pool[group->members[i]];
      guint64 others = 0;

      for (guint j = 0; j < group->n; j++)
        {
          if (j == i)
            continue;
          if (group->members[j] == group->members[i])
            return FALSE;
          if (member->organisation != IC_MATCH_NO_ORGANISATION &&
              pool[group->members[j]].organisation == member->organisation)
            return FALSE;
          others |= pool[group->members[j]].mask;
        }
      if ((member->mask & ~others) == 0)
        return FALSE;
    }
  return TRUE;
}

static void
sort_members (Group           *group,
              const Candidate *pool)
{
  for (guint i = 1; i < group->n; i++)
    for (guint j = i; j > 0 && pool[group->members[j]].index < pool[group->members[j - 1]].index; j--)
      {
        guint tmp = group->members[j];

        group->members[j] = group->members[j - 1];
        group->members[j - 1] = tmp;
      }
}

static void
offer (Search      *search,
       const Group *group)
{
  guint position = search->n_best;

  for (guint i = 0; i < search->n_best; i++)
    {
      int order = group_compare (group, &search->best[i], search->pool);

      if (order == 0)
        return;  /* already proposed */
      if (order < 0)
        {
          position = i;
          break;
        }
    }
  if (position >= search->n_results)
    return;
  if (search->n_best < search->n_results)
    search->n_best++;
  memmove (&search->best[position + 1], &search->best[position],
           sizeof (Group) * (search->n_best - 1 - position));
  search->best[position] = *group;
}

static void
exhaust (Search *search,
         Group  *group,
         guint   next)
{
  for (guint c = next; c < search->n_pool; c++)
    {
      group->members[group->n++] = c;
      group_update (group, search->pool);
      if (group_valid (group, search->pool))
        {
          offer (search, group);
          if (group->n < search->max_size)
            exhaust (search, group, c + 1);
        }
      group->n--;
    }
}

static void
improve (Search *search,
         Group  *group)
{
  const Candidate *pool = search->pool;

  for (guint round = 0; round < MAX_SWAP_ROUNDS; round++)
    {
      gboolean better = FALSE;

      for (guint i = 0; i < group->n && !better; i++)
        for (guint c = 0; c < search->n_pool && !better; c++)
          {
            Group trial = *group;

            trial.members[i] = c;
            sort_members (&trial, pool);
            group_update (&trial, pool);
            if (group_valid (&trial, pool) && group_compare (&trial, group, pool) < 0)
              {
                *group = trial;
                better = TRUE;
              }
          }
      if (!better)
        return;
    }
}

static void
grow_greedily (Search *search,
               guint   seed)
{
  const Candidate *pool = search->pool;
  Group group = { { seed }, 1, 0, 0.0 };

  group_update (&group, pool);
  while (group.n < search->max_size)
    {
      int best = -1;
      guint best_gain = 0;

      for (guint c = 0; c < search->n_pool; c++)
        {
          Group trial = group;
          guint gain = popcount (pool[c].mask & ~group.mask);

          if (gain == 0 || gain < best_gain ||
              (gain == best_gain && best >= 0 && pool[c].score <= pool[best].score))
            continue;
          trial.members[trial.n++] = c;
          group_update (&trial, pool);
          if (!group_valid (&trial, pool))
            continue;
          best = (int) c;
          best_gain = gain;
        }
      if (best < 0)
        break;
      group.members[group.n++] = (guint) best;
      sort_members (&group, pool);
      group_update (&group, pool);
    }
  improve (search, &group);
  offer (search, &group);
}

static int
compare_candidates (const void *a,
                    const void *b)
{
  const Candidate *x = a, *y = b;

  if (x->mask != y->mask)
    return x->mask < y->mask ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static int
compare_by_index (const void *a,
                  const void *b)
{
  const Candidate *x = a, *y = b;

  return (x->index > y->index) - (x->index < y->index);
}

/* Keeps, per set of tags, the @max_size best of distinct organisations. */
static guint
shrink_pool (Candidate *pool,
             guint      n,
             guint      max_size)
{
  guint kept = 0;

  if (n > 1)
    qsort (pool, n, sizeof (Candidate), compare_candidates);
  for (guint i = 0; i < n;)
    {
      guint j = i, taken = 0, first = kept;

      for (; j < n && pool[j].mask == pool[i].mask; j++)
        {
          gboolean clash = FALSE;

          for (guint k = first; k < kept && !clash; k++)
            clash = pool[j].organisation != IC_MATCH_NO_ORGANISATION &&
                    pool[k].organisation == pool[j].organisation;
          if (!clash && taken < max_size)
            {
              pool[kept++] = pool[j];
              taken++;
            }
        }
      i = j;
    }
  if (kept > 1)
    qsort (pool, kept, sizeof (Candidate), compare_by_index);
  return kept;
}

static double
count_groups (guint n,
              guint max_size)
{
  double total = 0.0, choose = 1.0;

  for (guint k = 1; k <= max_size && k <= n; k++)
    {
      choose = choose * (double) (n - k + 1) / (double) k;
      total += choose;
    }
  return total;
}

static GArray *
collect_candidates (IcMatchCorpus      *corpus,
                    const IcMatchQuery *query)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GArray *pool = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint n_tags = MIN (query->n_required, IC_CONSORTIUM_MAX_TAGS);

  for (guint i = 0; i < n_tags; i++)
    {
      gint64 tag = query->tag_ids[i];

      if (tag < 0)
        continue;
      for (guint32 p = corpus->tag_offsets[tag]; p < corpus->tag_offsets[tag + 1]; p++)
        {
          guint32 c = corpus->tag_capabilities[p];
          Candidate *candidate;
          gpointer position;

          if (!ic_match_query_allows (corpus, query, c))
            continue;
          if (!g_hash_table_lookup_extended (seen, GUINT_TO_POINTER (c), NULL, &position))
            {
              Candidate fresh = { c, corpus->attrs[c].organisation, 0, 0.0 };
              double s[IC_MATCH_N_CRITERIA];

              fresh.score = ic_match_score_pair (corpus, query, c, s);
              position = GUINT_TO_POINTER (pool->len);
              g_array_append_val (pool, fresh);
              g_hash_table_insert (seen, GUINT_TO_POINTER (c), position);
            }
          candidate = &g_array_index (pool, Candidate, GPOINTER_TO_UINT (position));
          candidate->mask |= G_GUINT64_CONSTANT (1) << i;
        }
    }
  return pool;
}

static IcConsortium *
make_consortium (IcMatchCorpus      *corpus,
                 const IcMatchQuery *query,
                 const Candidate    *pool,
                 const Group        *group,
                 gboolean            exact)
{
  IcConsortium *consortium = ic_consortium_new (query->challenge_id,
                                                (const char * const *) query->required_tags);

  for (guint i = 0; i < group->n; i++)
    {
      const Candidate *member = &pool[group->members[i]];
      const char *organisation_id = ic_match_corpus_get_capability_organisation (corpus, member->index);
      g_autoptr(GPtrArray) tags = g_ptr_array_new ();

      for (guint t = 0; t < MIN (query->n_required, IC_CONSORTIUM_MAX_TAGS); t++)
        if (member->mask & (G_GUINT64_CONSTANT (1) << t))
          g_ptr_array_add (tags, query->required_tags[t]);
      g_ptr_array_add (tags, NULL);
      ic_consortium_add_member (consortium, corpus->capability_ids[member->index],
                                corpus->capability_titles[member->index], organisation_id,
                                ic_match_corpus_get_organisation_name (corpus, organisation_id),
                                member->score, (const char * const *) tags->pdata);
    }
  ic_consortium_set_exact (consortium, exact);
  return consortium;
}

GListModel *
ic_matcher_find_consortia (IcMatcher            *matcher,
                           IcChallenge          *challenge,
                           IcMatchWeights       *weights,
                           const IcMatchOptions *options,
                           guint                 max_size,
                           guint                 n_results,
                           GError              **error)
{
  IcMatchCorpus *corpus;
  g_autoptr(IcMatchContext) context = NULL;
  g_autoptr(IcMatchQuery) query = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autofree Group *best = NULL;
  double values[IC_MATCH_N_CRITERIA];
  GListStore *store;
  Search search = { 0 };
  gboolean exact;

  g_return_val_if_fail (IC_IS_MATCHER (matcher), NULL);
  g_return_val_if_fail (IC_IS_CHALLENGE (challenge), NULL);
  g_return_val_if_fail (IC_IS_MATCH_WEIGHTS (weights), NULL);

  if (!ic_matcher_check_challenge (matcher, challenge, options, error))
    return NULL;
  corpus = ic_matcher_get_corpus (matcher);
  context = ic_match_context_new (corpus, error);
  if (context == NULL)
    return NULL;

  max_size = CLAMP (max_size, 1, IC_CONSORTIUM_MAX_SIZE);
  n_results = MAX (n_results, 1);
  ic_match_weights_get_values (weights, values);
  query = ic_match_query_new (corpus, context, challenge, values, options);
  candidates = collect_candidates (corpus, query);

  search.pool = (const Candidate *) candidates->data;
  search.n_pool = shrink_pool ((Candidate *) candidates->data, candidates->len, max_size);
  search.max_size = max_size;
  search.n_results = n_results;
  search.best = best = g_new0 (Group, n_results + 1);

  exact = count_groups (search.n_pool, max_size) <= EXHAUSTIVE_LIMIT;
  if (exact)
    {
      Group group = { { 0 }, 0, 0, 0.0 };

      exhaust (&search, &group, 0);
    }
  else
    {
      g_autofree guint *seeds = g_new (guint, search.n_pool);
      guint n_seeds = MIN (search.n_pool, MAX (2 * n_results, 8));

      /* Seeds: the candidates with the most tags, then the best scores. */
      for (guint i = 0; i < search.n_pool; i++)
        seeds[i] = i;
      for (guint i = 0; i < n_seeds; i++)
        for (guint j = i + 1; j < search.n_pool; j++)
          {
            const Candidate *a = &search.pool[seeds[j]], *b = &search.pool[seeds[i]];

            if (popcount (a->mask) > popcount (b->mask) ||
                (popcount (a->mask) == popcount (b->mask) && a->score > b->score))
              {
                guint tmp = seeds[i];

                seeds[i] = seeds[j];
                seeds[j] = tmp;
              }
          }
      for (guint i = 0; i < n_seeds; i++)
        grow_greedily (&search, seeds[i]);
    }

  store = g_list_store_new (IC_TYPE_CONSORTIUM);
  for (guint i = 0; i < search.n_best; i++)
    {
      g_autoptr(IcConsortium) consortium = make_consortium (corpus, query, search.pool,
                                                            &search.best[i], exact);

      g_list_store_append (store, consortium);
    }
  return G_LIST_MODEL (store);
}

/* The same, in a worker thread */

typedef struct
{
  IcChallenge    *challenge;
  IcMatchWeights *weights;
  IcMatchOptions  options;
  guint           max_size;
  guint           n_results;
} FindData;

static void
find_data_free (FindData *data)
{
  g_clear_object (&data->challenge);
  g_clear_object (&data->weights);
  ic_match_options_clear (&data->options);
  g_free (data);
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  IcMatcher *matcher = source_object;
  FindData *data = task_data;
  g_autoptr(GError) error = NULL;
  GListModel *found;

  if (g_task_return_error_if_cancelled (task))
    return;
  found = ic_matcher_find_consortia (matcher, data->challenge, data->weights, &data->options,
                                     data->max_size, data->n_results, &error);
  if (found == NULL && error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (found == NULL)
    g_task_return_pointer (task, g_list_store_new (IC_TYPE_CONSORTIUM), g_object_unref);
  else
    g_task_return_pointer (task, found, g_object_unref);
}

void
ic_matcher_find_consortia_async (IcMatcher            *self,
                                 IcChallenge          *challenge,
                                 IcMatchWeights       *weights,
                                 const IcMatchOptions *options,
                                 guint                 max_size,
                                 guint                 n_results,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  FindData *data = g_new0 (FindData, 1);

  data->challenge = IC_CHALLENGE (ic_record_copy (IC_RECORD (challenge)));
  data->weights = ic_match_weights_copy (weights);
  ic_match_options_copy (options, &data->options);
  data->max_size = max_size;
  data->n_results = n_results;
  g_task_set_source_tag (task, ic_matcher_find_consortia_async);
  g_task_set_task_data (task, data, (GDestroyNotify) find_data_free);
  g_task_run_in_thread (task, find_thread);
}

GListModel *
ic_matcher_find_consortia_finish (IcMatcher     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_matcher_find_consortia_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

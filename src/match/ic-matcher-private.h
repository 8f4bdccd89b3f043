/* ic-matcher-private.h — the engine's inner parts, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-challenge.h"
#include "ic-match-corpus-private.h"
#include "ic-match-criteria.h"
#include "ic-match-result.h"
#include "ic-match-types.h"
#include "ic-text-analyzer.h"

G_BEGIN_DECLS

/* One ranked candidate. */
typedef struct
{
  double  score;
  guint32 index;
} IcRankEntry;

/* A challenge turned into what the fused pass needs: its query vector,
 * tag ids and per-attribute score tables. */
typedef struct
{
  char       *challenge_id;
  guint32     organisation;       /* IC_MATCH_NO_ORGANISATION if no capability shares it */
  guint32    *term_ids;           /* ascending */
  double     *term_weights;
  char      **term_displays;      /* per term: its first word in the challenge's text */
  guint8     *term_learned;       /* per term: 1 if only the team's decisions gave it */
  guint8     *term_is_word;       /* per term: 1 for a word of the challenge (not a concept or learned) */
  guint       n_terms;
  guint       n_words;            /* terms that are words of the challenge */
  double      coverage[256];      /* by words matched: the text score's coverage factor */
  guint       n_kept;             /* positive decisions the query learned from */
  char      **required_tags;      /* the challenge's tags, as given */
  gint64     *tag_ids;            /* per required tag; -1 if no capability has it */
  guint       n_required;
  guint16     cluster;            /* 0: unknown, or no capability has it */
  gboolean    has_cluster;        /* the challenge names a cluster at all */
  gboolean    cross_sector;
  int         trl_min, trl_max;
  double      trl_table[10];
  double     *place_table;        /* per corpus place id */
  guint8     *place_proximity;    /* IcProximity per corpus place id */
  double      scale_table[IC_MATCH_N_BANDS];
  gboolean    budget_known;
  double      budget_need;        /* person-years the budget buys */
  double      weights[IC_MATCH_N_CRITERIA];
  double      total_weight;
  guint32    *excluded;           /* ascending capability indices */
  guint       n_excluded;
} IcMatchQuery;

/* What one thread owns: an analyzer (its stemmer) and the dense
 * accumulators, all zero between challenges. */
typedef struct
{
  IcTextAnalyzer *analyzer;
  guint           n;
  double         *text;
  guint8         *tags;
  guint8         *rising;
  guint64        *query_words;    /* bit set of the query's word terms, during a ranking */
  guint32        *cursors;        /* per posting list, in the blocked pass */
  guint           n_cursors;
  IcRankEntry    *heap;
  guint           heap_capacity;
  GArray         *tokens;         /* gint64 term ids of one text */
} IcMatchContext;

IcMatchContext *ic_match_context_new     (IcMatchCorpus        *corpus,
                                          GError              **error);
void            ic_match_context_free    (IcMatchContext       *context);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcMatchContext, ic_match_context_free)

/* Returns: (transfer full) */
IcMatchQuery   *ic_match_query_new       (IcMatchCorpus        *corpus,
                                          IcMatchContext       *context,
                                          IcChallenge          *challenge,
                                          const double         *weights,
                                          const IcMatchOptions *options);
void            ic_match_query_free      (IcMatchQuery         *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcMatchQuery, ic_match_query_free)

/* The best @n_keep eligible capabilities, best first, into @out; returns
 * how many.  *@complete is TRUE if every eligible capability is in
 * @out. */
guint           ic_match_rank_query      (IcMatchCorpus        *corpus,
                                          IcMatchContext       *context,
                                          const IcMatchQuery   *query,
                                          guint                 n_keep,
                                          IcRankEntry          *out,
                                          gboolean             *complete);

/* Whether the pair passes the per-pair hard filters. */
gboolean        ic_match_query_allows    (IcMatchCorpus        *corpus,
                                          const IcMatchQuery   *query,
                                          guint32               capability);
/* The seven criterion scores of one pair, computed from scratch, and
 * the pair's score: the same bits as the fused pass gives. */
double          ic_match_score_pair      (IcMatchCorpus        *corpus,
                                          const IcMatchQuery   *query,
                                          guint32               capability,
                                          double               *scores);
/* Whether @a ranks before @b: higher score, then lower index. */
static inline gboolean
ic_rank_entry_better (const IcRankEntry *a,
                      const IcRankEntry *b)
{
  return a->score > b->score || (a->score == b->score && a->index < b->index);
}

/* A result with its explanation, for @capability scored @scores.
 * Returns: (transfer full) */
IcMatchResult  *ic_match_explain         (IcMatchCorpus        *corpus,
                                          const IcMatchQuery   *query,
                                          guint32               capability,
                                          const double         *scores,
                                          double                score);

G_END_DECLS

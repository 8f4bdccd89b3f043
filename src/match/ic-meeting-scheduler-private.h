/* ic-meeting-scheduler-private.h — the scheduler's working state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Challenge owners ("c") and capability owners ("k") are renumbered
 * densely within their role, so that a pair is an index c × n_k + k
 * into flat arrays.  Scores are scaled to integers so that the exact
 * parts of the search compare totals without rounding.
 */

#pragma once

#include <gio/gio.h>

#include "ic-meeting-scheduler.h"

G_BEGIN_DECLS

#define NONE (-1)

typedef struct
{
  IcScheduleProblem *problem;
  GCancellable      *cancellable;
  guint              n_slots;
  guint              n_tables;
  guint              n_c;
  guint              n_k;
  guint             *c_participant;   /* n_c: participant number */
  guint             *k_participant;   /* n_k */
  double             scale;           /* score → weight units */
  gint64             bonus;           /* added to a requested pair's weight */

  gint64            *weight;          /* n_c × n_k: 0 if the pair cannot meet */
  double            *score;           /* n_c × n_k */
  guint8            *requested;       /* n_c × n_k */
  guint8            *c_available;     /* n_c × n_slots */
  guint8            *k_available;     /* n_k × n_slots */
  guint             *c_capacity;      /* most meetings, at most the slots available */
  guint             *k_capacity;
  guint             *c_min;           /* fewest meetings wanted (fairness), ≤ capacity */
  guint             *k_min;
  gint64             fair_bonus;      /* see ic_sched_tier(); 0: no minimums */
  guint              fair_levels;     /* the largest minimum */
  guint              n_fair_units;    /* the sum of the minimums */

  /* The current schedule. */
  int               *pair_slot;       /* n_c × n_k: slot, or NONE */
  int               *pair_table;      /* n_c × n_k: table of a fixed meeting, or NONE */
  guint8            *pair_fixed;      /* n_c × n_k: kept from an earlier schedule */
  int               *c_partner;       /* n_c × n_slots: k, or NONE */
  int               *k_partner;       /* n_k × n_slots: c, or NONE */
  guint             *c_used;
  guint             *k_used;
  guint             *slot_used;       /* meetings per slot */
  guint             *slot_fixed;      /* fixed meetings per slot */
  guint8            *slot_dirty;      /* may gain from a re-solve: something was freed */
  gint64             total;           /* the placed meetings' weights, and the
                                       * fair bonus per meeting under a minimum */
  guint              deficit;         /* meetings still missing from the minimums */
  gint64             fair_value;      /* the fair part of the total, in fair_bonus units */
  guint              slot_cap;        /* meetings per slot while building; 0: the tables */
  guint              n_fixed;
} IcSchedState;

static inline gsize
ic_sched_pair (const IcSchedState *st,
               guint               c,
               guint               k)
{
  return (gsize) c * st->n_k + k;
}

/* Fairness, in fair_bonus units: a person's u-th meeting (from 1), up
 * to their minimum, is worth fair_levels + 1 − u.  Everyone's first
 * meeting is worth the most, so a second meeting never goes to one
 * person while another could have had a first. */
static inline gint64
ic_sched_tier (const IcSchedState *st,
               guint               used,
               guint               min)
{
  return used < min ? (gint64) st->fair_levels - used : 0;
}

/* The fair value of having @n meetings against a minimum of @min. */
static inline gint64
ic_sched_tier_sum (const IcSchedState *st,
                   guint               n,
                   guint               min)
{
  gint64 m = MIN (n, min);

  return m * st->fair_levels - m * (m - 1) / 2;
}

/* What one more meeting of @c (of @k) adds through fairness. */
static inline gint64
ic_sched_c_gain (const IcSchedState *st,
                 guint               c)
{
  return st->fair_bonus * ic_sched_tier (st, st->c_used[c], st->c_min[c]);
}

static inline gint64
ic_sched_k_gain (const IcSchedState *st,
                 guint               k)
{
  return st->fair_bonus * ic_sched_tier (st, st->k_used[k], st->k_min[k]);
}

/* What taking the placed meeting (@c, @k) away would lose. */
static inline gint64
ic_sched_meeting_value (const IcSchedState *st,
                        guint               c,
                        guint               k)
{
  return st->weight[ic_sched_pair (st, c, k)] +
         st->fair_bonus * (ic_sched_tier (st, st->c_used[c] - 1, st->c_min[c]) +
                           ic_sched_tier (st, st->k_used[k] - 1, st->k_min[k]));
}

/* Marks the slots where @c or @k is available as worth re-solving:
 * they have a free place, a free meeting or a free pair there now. */
void      ic_sched_mark_freed       (IcSchedState *st,
                                     guint         c,
                                     guint         k);
/* Placing marks the slot; unplacing marks it and ic_sched_mark_freed(). */
void      ic_sched_place            (IcSchedState *st,
                                     guint         c,
                                     guint         k,
                                     guint         slot,
                                     gboolean      fixed);
void      ic_sched_unplace          (IcSchedState *st,
                                     guint         c,
                                     guint         k);

/* Re-solves one slot exactly with every other slot as it is; TRUE if
 * that raised the total.  The slot is clean afterwards, and the slots
 * where people lost a meeting are marked. */
gboolean  ic_sched_solve_slot       (IcSchedState *st,
                                     guint         slot);
/* Moves between slots until no move raises the total; FALSE if
 * cancelled. */
gboolean  ic_sched_improve          (IcSchedState *st,
                                     GError      **error);
/* The flow relaxation: the best pairs under every limit but the clock.
 * Without @with_requests, a bound on the score of any schedule.  With
 * it, the relaxation first makes the fair value (see ic_sched_tier())
 * as high as it can (stored in @n_fair, never below any schedule's),
 * then places
 * as many requests as it can (@n_requests), and the bound holds for
 * every schedule that meets that many minimums and places that many
 * requests.  @n_meetings (may be
 * NULL) gets the number of meetings the relaxation chose.
 * Returns: the bound, in score units */
double    ic_sched_upper_bound      (IcSchedState *st,
                                     gboolean      with_requests,
                                     gint64       *n_fair,
                                     guint        *n_requests,
                                     guint        *n_meetings);
/* Half the sum of each participant's best possible meetings. */
double    ic_sched_simple_bound     (IcSchedState *st);
/* Searches every schedule of a small instance for one better than the
 * current, within @node_budget steps; FALSE if the budget ran out (the
 * best schedule seen is kept either way).  On TRUE the state holds an
 * optimal schedule.  With @requests_only, only requested meetings are
 * placed or moved: the most requests that fit, then the best scores. */
gboolean  ic_sched_search_exact     (IcSchedState *st,
                                     gboolean      requests_only,
                                     guint64       node_budget);

G_END_DECLS

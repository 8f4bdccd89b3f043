/* ic-match-criteria.h — the score of each criterion for one pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every function here is pure and cheap; the engine evaluates them once
 * per challenge into small tables and looks the tables up per
 * capability.  See README.md beside this file for the formulas.
 */

#pragma once

#include <glib.h>

#include "ic-match-types.h"
#include "ic-taxonomy.h"

G_BEGIN_DECLS

/* Employees bands: 0 is unknown, then 1–4, 5–9, 10–19, 20–49, 50–99,
 * 100–249, 250–499, 500–999, 1000 and more. */
#define IC_MATCH_N_BANDS 10

/* The person-year cost the scale curve turns a budget into staff by. */
#define IC_MATCH_PERSON_YEAR_GBP 75000.0

/* A capability of unknown TRL, size or place scores this for the criterion. */
#define IC_MATCH_UNKNOWN_SCORE 0.5

/* The band of a head count; 0 (unknown) for @employees ≤ 0. */
guint   ic_match_employees_band         (int          employees);
/* The head count a band stands for (the geometric middle of its ends). */
double  ic_match_band_employees         (guint        band);

/* 1 inside [@trl_min, @trl_max], less 0.25 per level outside, at least
 * 0; IC_MATCH_UNKNOWN_SCORE for an unknown TRL (0). */
double  ic_match_trl_score              (int          trl,
                                         int          trl_min,
                                         int          trl_max);
/* 1 same local authority, 0.7 same combined authority, 0.4 same region,
 * 0.1 elsewhere or unknown. */
double  ic_match_place_score            (IcProximity  proximity);
/* How well a firm of @employees suits a budget of @budget_min to
 * @budget_max pounds: the budget buys need = max (1, middle / £75,000)
 * person-years; with x = log2 (employees / need), 1 for 0 ≤ x ≤ 5, less
 * 0.25 per halving below (at least 0), less 0.1 per doubling above 5 (at
 * least 0.5).  IC_MATCH_UNKNOWN_SCORE if either side is unknown (0). */
double  ic_match_scale_score            (double       employees,
                                         gint64       budget_min,
                                         gint64       budget_max);

/* Relevance: whether the capability can meet the need at all, from the
 * topical criteria (text and tags) alone: their weighted mean, or the
 * text score if both are weighed 0. */
static inline double
ic_match_relevance (const double *weights,
                    const double *scores)
{
  double topical = weights[IC_MATCH_CRITERION_TEXT] + weights[IC_MATCH_CRITERION_TAGS];

  if (topical <= 0.0)
    return scores[IC_MATCH_CRITERION_TEXT];
  return (weights[IC_MATCH_CRITERION_TEXT] * scores[IC_MATCH_CRITERION_TEXT] +
          weights[IC_MATCH_CRITERION_TAGS] * scores[IC_MATCH_CRITERION_TAGS]) / topical;
}

static inline gboolean
ic_match_criterion_is_topical (guint criterion)
{
  return criterion == IC_MATCH_CRITERION_TEXT || criterion == IC_MATCH_CRITERION_TAGS;
}

/* What criterion @i adds to the score, before dividing by Σ w: w·s for
 * the topical criteria, w·s·relevance for the fit criteria (TRL,
 * cluster, place, scale, foresight).  Fit criteria so count only in
 * proportion to the topical evidence: a capability with none scores 0
 * whatever its fit, and fit can at most multiply a relevant one's score
 * by Σ w / (w_text + w_tags).  The shares still add up to the score. */
static inline double
ic_match_part (const double *weights,
               const double *scores,
               double        relevance,
               guint         i)
{
  if (ic_match_criterion_is_topical (i))
    return weights[i] * scores[i];
  return weights[i] * scores[i] * relevance;
}

/* The score: Σ parts / Σ w, summed in criterion order so that every
 * path through the engine gets the same bits; 0 if every weight is 0. */
static inline double
ic_match_combine (const double *weights,
                  const double *scores,
                  double        total_weight)
{
  double relevance = ic_match_relevance (weights, scores);
  double sum = 0.0;

  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    sum += ic_match_part (weights, scores, relevance, i);
  return total_weight > 0.0 ? sum / total_weight : 0.0;
}

/* Σ w in criterion order, as ic_match_combine() wants it. */
static inline double
ic_match_total_weight (const double *weights)
{
  double total = 0.0;

  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    total += weights[i];
  return total;
}

G_END_DECLS

/* ic-match-criteria.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ic-match-criteria.h"

/* Lower ends of the bands 1…9. */
static const int band_floor[IC_MATCH_N_BANDS] = { 0, 1, 5, 10, 20, 50, 100, 250, 500, 1000 };

guint
ic_match_employees_band (int employees)
{
  guint band = 0;

  if (employees <= 0)
    return 0;
  for (guint i = 1; i < IC_MATCH_N_BANDS; i++)
    if (employees >= band_floor[i])
      band = i;
  return band;
}

double
ic_match_band_employees (guint band)
{
  if (band == 0 || band >= IC_MATCH_N_BANDS)
    return 0.0;
  if (band == IC_MATCH_N_BANDS - 1)
    return 2000.0;  /* the open top band: a typical large firm */
  return sqrt ((double) band_floor[band] * (double) (band_floor[band + 1] - 1));
}

double
ic_match_trl_score (int trl,
                    int trl_min,
                    int trl_max)
{
  int distance = 0;

  if (trl <= 0)
    return IC_MATCH_UNKNOWN_SCORE;
  if (trl_min <= 0)
    trl_min = 1;
  if (trl_max <= 0 || trl_max < trl_min)
    trl_max = MAX (trl_min, 9);

  if (trl < trl_min)
    distance = trl_min - trl;
  else if (trl > trl_max)
    distance = trl - trl_max;
  return MAX (0.0, 1.0 - 0.25 * distance);
}

double
ic_match_place_score (IcProximity proximity)
{
  switch (proximity)
    {
    case IC_PROXIMITY_SAME_AUTHORITY:
      return 1.0;
    case IC_PROXIMITY_SAME_AREA:
      return 0.7;
    case IC_PROXIMITY_SAME_REGION:
      return 0.4;
    case IC_PROXIMITY_ELSEWHERE:
    default:
      return 0.1;
    }
}

double
ic_match_scale_score (double employees,
                      gint64 budget_min,
                      gint64 budget_max)
{
  double budget, need, x;

  if (budget_max <= 0 || budget_max < budget_min)
    budget = (double) MAX (budget_min, 0);
  else
    budget = ((double) MAX (budget_min, 0) + (double) budget_max) / 2.0;
  if (employees <= 0.0 || budget <= 0.0)
    return IC_MATCH_UNKNOWN_SCORE;

  need = MAX (1.0, budget / IC_MATCH_PERSON_YEAR_GBP);
  x = log2 (employees / need);
  if (x < 0.0)
    return MAX (0.0, 1.0 + 0.25 * x);
  if (x <= 5.0)
    return 1.0;
  return MAX (0.5, 1.0 - 0.1 * (x - 5.0));
}

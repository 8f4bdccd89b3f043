/* ic-store-impact.h — the figures a programme reports, over a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computed with SQL over the stage changes (ic-store-stages.h), the
 * shortlists and the events; README.md ("Impact figures") defines each
 * one so that anyone can recompute it from `interchange-cli list --json`.
 *
 * In scope: entries of shortlists that are not tombstones, whose
 * challenge and capability are stored and not tombstones.  A side's
 * cluster is its record's, else its organisation's.  An entry is in a
 * cluster when either side is.  "The end" of the period is the start of
 * the day after @to; an entry's stage then is that of its latest change
 * before it.
 */

#pragma once

#include "ic-store.h"

G_BEGIN_DECLS

/* Stages in the order an entry moves forward, for the funnel. */
#define IC_IMPACT_N_FUNNEL 5

typedef struct
{
  char  quarter[8];        /* "2025-Q3" */
  guint collaborations;
  guint cross_sector;
} IcImpactQuarter;

typedef struct
{
  char  *challenge_cluster; /* "" when unknown */
  char  *sme_cluster;
  guint  collaborations;
} IcImpactPair;

typedef struct
{
  char    *from;            /* YYYY-MM-DD, the first day */
  char    *to;              /* YYYY-MM-DD, the last day */
  char    *cluster;         /* or NULL for every cluster */

  guint    collaborations;
  guint    cross_sector;
  guint    smes_assisted;
  guint    organisations_engaged;
  guint    events;
  guint    meetings;

  /* Entries with a change in the period that had reached each stage
   * (proposed, contacted, introduced, meeting held, collaborating) by
   * its end, and those declined at its end. */
  guint    funnel[IC_IMPACT_N_FUNNEL];
  guint    declined;
  /* Entries declined at the end, by the reason of a decline made in
   * the period (indexed by IcDeclineReason). */
  guint    decline_reasons[IC_DECLINE_REASON_OTHER + 1];
  /* Days from an entry's first change to its last move to
   * collaborating, over the collaborations; NAN when there are none. */
  double   median_days;

  GArray    *by_quarter;    /* of IcImpactQuarter, every quarter of the period */
  GPtrArray *pairs;         /* of IcImpactPair, by challenge then SME cluster */
} IcImpact;

void      ic_impact_free            (IcImpact  *impact);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcImpact, ic_impact_free)

/* "2025-Q3" for a date or time that starts YYYY-MM. */
void      ic_impact_quarter_of      (const char *date,
                                     char        quarter[8]);

/* The figures from @from to @to (YYYY-MM-DD, both days included) for
 * @cluster (NULL: all).  Events count once held: dated in the period
 * and not after @today (YYYY-MM-DD; NULL: today in UTC).  A period that
 * is not two dates in order is IC_STORE_ERROR_INVALID.
 * Returns: (transfer full) (nullable) */
IcImpact *ic_store_compute_impact   (IcStore    *self,
                                     const char *from,
                                     const char *to,
                                     const char *cluster,
                                     const char *today,
                                     GError    **error);

G_END_DECLS

/* ic-store-review.h — records that need attention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four questions over the whole store, each answered from an index:
 * organisations, challenges and capabilities not changed for a while,
 * open challenges whose deadline has passed, shortlist entries stuck at
 * one stage (neither collaborating nor declined) for a while, and
 * capabilities never put on a shortlist.
 */

#pragma once

#include "ic-store.h"

G_BEGIN_DECLS

typedef enum
{
  IC_REVIEW_STALE,          /* not changed in stale_days */
  IC_REVIEW_PAST_DEADLINE,  /* an open challenge past its deadline */
  IC_REVIEW_STUCK,          /* a shortlist entry at one stage for stuck_days */
  IC_REVIEW_NEVER_MATCHED,  /* a capability on no shortlist */
  IC_N_REVIEW_REASONS
} IcReviewReason;

/* "stale", "past-deadline", "stuck", "never-matched". */
const char *ic_review_reason_to_string (IcReviewReason reason);

typedef struct
{
  guint       stale_days;   /* 0: 365 */
  guint       stuck_days;   /* 0: 30 */
  const char *now;          /* RFC 3339 UTC; NULL: now */
  guint       limit;        /* items per reason; 0: all */
} IcReviewOptions;

typedef struct
{
  IcReviewReason  reason;
  IcRecordKind    kind;         /* of the record to open */
  char           *id;           /* the record (for STUCK: the shortlist) */
  char           *title;
  char           *since;        /* updated_at, deadline or when the stage was reached */
  char           *capability_id; /* STUCK: the entry's capability */
  char           *stage;        /* STUCK: the stage's nick */
  char           *capability_title; /* STUCK: the entry's capability's, or NULL */
} IcReviewItem;

void        ic_review_item_free        (IcReviewItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcReviewItem, ic_review_item_free)

typedef struct
{
  GPtrArray *items[IC_N_REVIEW_REASONS];   /* (element-type IcReviewItem), oldest first */
  gint64     counts[IC_N_REVIEW_REASONS];  /* all of them, whatever the limit */
} IcReview;

void        ic_review_free             (IcReview     *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcReview, ic_review_free)

/* Returns: (transfer full) (nullable) */
IcReview   *ic_store_review            (IcStore               *self,
                                        const IcReviewOptions *options,
                                        GError               **error);

G_END_DECLS

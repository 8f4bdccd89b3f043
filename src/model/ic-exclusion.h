/* ic-exclusion.h — a challenge and a capability judged not a match
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shared record like the others, so that the whole team's matcher
 * leaves the pair out: excluding makes it (or brings back its
 * tombstone), including it again deletes it.  Its id is made from the
 * pair (ic_exclusion_id_for()), so two laptops that exclude the
 * same pair write one record, not two.
 */

#pragma once

#include "ic-record.h"

G_BEGIN_DECLS

#define IC_TYPE_EXCLUSION (ic_exclusion_get_type ())

G_DECLARE_FINAL_TYPE (IcExclusion, ic_exclusion, IC, EXCLUSION, IcRecord)

/* Returns: (transfer full): the pair, with the id made from it */
IcExclusion *ic_exclusion_new               (const char     *challenge_id,
                                                    const char     *capability_id);

const char     *ic_exclusion_get_challenge_id  (IcExclusion *self);
const char     *ic_exclusion_get_capability_id (IcExclusion *self);
/* Why the pair is not a match (one list with shortlist declines), and
 * for IC_DECLINE_REASON_OTHER the words saying so. */
IcDeclineReason ic_exclusion_get_reason        (IcExclusion *self);
const char     *ic_exclusion_get_reason_text   (IcExclusion *self);
void            ic_exclusion_set_reason        (IcExclusion     *self,
                                                IcDeclineReason  reason,
                                                const char      *text);

/* The id of the pair's record: a name-based UUID (version 5, SHA-1)
 * of "challenge_id capability_id" (transfer full). */
char           *ic_exclusion_id_for            (const char     *challenge_id,
                                                    const char     *capability_id);

G_END_DECLS

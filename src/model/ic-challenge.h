/* ic-challenge.h — a need a large firm or public body wants an SME to meet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-record.h"

G_BEGIN_DECLS

#define IC_TYPE_CHALLENGE (ic_challenge_get_type ())

G_DECLARE_FINAL_TYPE (IcChallenge, ic_challenge, IC, CHALLENGE, IcRecord)

IcChallenge *ic_challenge_new (void);

const char *ic_challenge_get_organisation_id (IcChallenge *self);
void ic_challenge_set_organisation_id (IcChallenge *self,
                                       const char *organisation_id);
const char *ic_challenge_get_title (IcChallenge *self);
void ic_challenge_set_title (IcChallenge *self,
                             const char *title);
const char *ic_challenge_get_description (IcChallenge *self);
void ic_challenge_set_description (IcChallenge *self,
                                   const char *description);
const char *ic_challenge_get_cluster (IcChallenge *self);
void ic_challenge_set_cluster (IcChallenge *self,
                               const char *cluster);
const char * const *ic_challenge_get_tags (IcChallenge *self);
void ic_challenge_set_tags (IcChallenge *self,
                            const char * const *tags);
int ic_challenge_get_trl_min (IcChallenge *self);
void ic_challenge_set_trl_min (IcChallenge *self,
                               int trl_min);
int ic_challenge_get_trl_max (IcChallenge *self);
void ic_challenge_set_trl_max (IcChallenge *self,
                               int trl_max);
gint64 ic_challenge_get_budget_min (IcChallenge *self);
void ic_challenge_set_budget_min (IcChallenge *self,
                                  gint64 budget_min);
gint64 ic_challenge_get_budget_max (IcChallenge *self);
void ic_challenge_set_budget_max (IcChallenge *self,
                                  gint64 budget_max);
const char *ic_challenge_get_deadline (IcChallenge *self);
void ic_challenge_set_deadline (IcChallenge *self,
                                const char *deadline);
const char *ic_challenge_get_local_authority (IcChallenge *self);
void ic_challenge_set_local_authority (IcChallenge *self,
                                       const char *local_authority);
IcChallengeStatus ic_challenge_get_status (IcChallenge *self);
void ic_challenge_set_status (IcChallenge *self,
                              IcChallengeStatus status);
const char *ic_challenge_get_contact (IcChallenge *self);
void ic_challenge_set_contact (IcChallenge *self,
                               const char *contact);
/* What the public board shows instead of the organisation ("a Tier 1
 * automotive supplier in Coventry"): when set, a public challenge is
 * anonymised, and its organisation and contact stay with the team. */
const char *ic_challenge_get_public_label (IcChallenge *self);
void ic_challenge_set_public_label (IcChallenge *self,
                                    const char  *public_label);

G_END_DECLS

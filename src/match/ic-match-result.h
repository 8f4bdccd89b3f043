/* ic-match-result.h — one capability proposed for one challenge, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ic-match-types.h"

G_BEGIN_DECLS

#define IC_TYPE_MATCH_RESULT (ic_match_result_get_type ())

G_DECLARE_FINAL_TYPE (IcMatchResult, ic_match_result, IC, MATCH_RESULT, GObject)

/* A result with every criterion at 0; the engine fills it in.
 * Returns: (transfer full) */
IcMatchResult *ic_match_result_new                   (const char       *challenge_id,
                                                      const char       *capability_id,
                                                      const char       *organisation_id,
                                                      double            score);

const char    *ic_match_result_get_challenge_id      (IcMatchResult    *self);
const char    *ic_match_result_get_capability_id     (IcMatchResult    *self);
/* (nullable) */
const char    *ic_match_result_get_organisation_id   (IcMatchResult    *self);
/* The weighted mean of the criteria, in [0, 1]. */
double         ic_match_result_get_score             (IcMatchResult    *self);

/* (nullable) */
const char    *ic_match_result_get_capability_title  (IcMatchResult    *self);
void           ic_match_result_set_capability_title  (IcMatchResult    *self,
                                                      const char       *title);
/* (nullable) */
const char    *ic_match_result_get_organisation_name (IcMatchResult    *self);
void           ic_match_result_set_organisation_name (IcMatchResult    *self,
                                                      const char       *name);

/* One criterion's score in [0, 1], its weight, and its contribution to
 * the pair's score (weight · score / Σ weights): the contributions add up
 * to the score. */
void           ic_match_result_set_criterion         (IcMatchResult    *self,
                                                      IcMatchCriterion  criterion,
                                                      double            score,
                                                      double            weight,
                                                      double            contribution);
double         ic_match_result_get_criterion_score   (IcMatchResult    *self,
                                                      IcMatchCriterion  criterion);
double         ic_match_result_get_criterion_weight  (IcMatchResult    *self,
                                                      IcMatchCriterion  criterion);
double         ic_match_result_get_contribution      (IcMatchResult    *self,
                                                      IcMatchCriterion  criterion);

/* Pinned to the challenge by a person, and why (NULL: not pinned). */
const char    *ic_match_result_get_pin_reason        (IcMatchResult    *self);
void           ic_match_result_set_pin_reason        (IcMatchResult    *self,
                                                      const char       *reason);

/* Whether the cluster criterion was the cross-sector bonus. */
gboolean       ic_match_result_get_cross_sector      (IcMatchResult    *self);
void           ic_match_result_set_cross_sector      (IcMatchResult    *self,
                                                      gboolean          cross_sector);

/* A term both texts share and its share of the text cosine; terms are
 * kept in the order added (the engine adds the largest share first). */
void           ic_match_result_add_term              (IcMatchResult    *self,
                                                      const char       *term,
                                                      double            share);
guint          ic_match_result_get_n_terms           (IcMatchResult    *self);
const char    *ic_match_result_get_term              (IcMatchResult    *self,
                                                      guint             position,
                                                      double           *share);
/* Returns: (transfer full) */
GStrv          ic_match_result_dup_terms             (IcMatchResult    *self);

/* Where a bridge between two different words comes from. */
typedef enum
{
  IC_MATCH_BRIDGE_GLOSSARY,     /* the team's glossary */
  IC_MATCH_BRIDGE_LEARNED,      /* associations learned from the records */
  IC_MATCH_BRIDGE_DECISIONS,    /* the team's shortlists and "not a match" */
} IcMatchBridgeKind;

/* Evidence that links the challenge's @from to the capability's @to
 * though they are not the same word, with its share of the text score
 * and, for learned bridges, how many records taught it (else 0).
 * Bridges are kept in the order added (largest share first). */
void           ic_match_result_add_bridge            (IcMatchResult    *self,
                                                      IcMatchBridgeKind kind,
                                                      const char       *from,
                                                      const char       *to,
                                                      double            share,
                                                      guint             evidence);
guint          ic_match_result_get_n_bridges         (IcMatchResult    *self);
/* (transfer none) for @from and @to */
IcMatchBridgeKind ic_match_result_get_bridge         (IcMatchResult    *self,
                                                      guint             position,
                                                      const char      **from,
                                                      const char      **to,
                                                      double           *share,
                                                      guint            *evidence);

/* A required tag the capability has; @rising if foresight marks it. */
void           ic_match_result_add_tag               (IcMatchResult    *self,
                                                      const char       *tag,
                                                      gboolean          rising);
/* Returns: (transfer full) */
GStrv          ic_match_result_dup_tags              (IcMatchResult    *self);
gboolean       ic_match_result_tag_is_rising         (IcMatchResult    *self,
                                                      const char       *tag);

/* One sentence, for people, on why the pair scored as it did. */
const char    *ic_match_result_get_explanation       (IcMatchResult    *self);
void           ic_match_result_set_explanation       (IcMatchResult    *self,
                                                      const char       *explanation);

/* The result as the CLI and exports write it:
 * {"capability_id", "organisation_id", "score", "criteria": {"text":
 * {"score", "weight", "contribution"}, …}, "matched_terms", "bridges":
 * [{"via": "glossary"|"learned"|"decisions", "from", "to", "share",
 * "evidence"}], "matched_tags", "rising_tags", "why"}.
 * Returns: (transfer full) */
JsonNode      *ic_match_result_to_json               (IcMatchResult    *self);
/* {"challenge_id": @challenge_id, "results": [...]} for a list of
 * IcMatchResult.
 * Returns: (transfer full) */
JsonNode      *ic_match_results_to_json              (const char       *challenge_id,
                                                      GListModel       *results);

G_END_DECLS

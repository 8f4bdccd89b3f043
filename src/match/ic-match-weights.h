/* ic-match-weights.h — how much each criterion counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Weights are non-negative numbers; a pair's score is the weighted mean
 * of its criteria, so only their ratios matter.  The string form,
 * "text=0.3,tags=0.2,…", is what the CLI takes and what the database
 * keeps under the setting "match.weights".
 */

#pragma once

#include <glib-object.h>

#include "ic-match-types.h"

G_BEGIN_DECLS

#define IC_MATCH_WEIGHTS_SETTING "match.weights"

#define IC_TYPE_MATCH_WEIGHTS (ic_match_weights_get_type ())

G_DECLARE_FINAL_TYPE (IcMatchWeights, ic_match_weights, IC, MATCH_WEIGHTS, GObject)

/* The "balanced" preset.
 * Returns: (transfer full) */
IcMatchWeights     *ic_match_weights_new                  (void);
/* A named preset ("balanced", "technology-fit", "local-first",
 * "cross-sector"); IC_MATCH_ERROR_INVALID_WEIGHTS naming the presets if
 * @name is none of them.
 * Returns: (transfer full) (nullable) */
IcMatchWeights     *ic_match_weights_new_preset           (const char          *name,
                                                           GError             **error);
/* Weights from a string such as "text=1,tags=0.5"; criteria it does not
 * name are 0.
 * Returns: (transfer full) (nullable) */
IcMatchWeights     *ic_match_weights_new_from_string      (const char          *string,
                                                           GError             **error);
/* Returns: (transfer full) */
IcMatchWeights     *ic_match_weights_copy                 (IcMatchWeights      *self);

/* The preset names, in the order a menu shows them. */
const char * const *ic_match_weights_list_presets         (void);
/* Whether the preset also asks for cross-sector matching. */
gboolean            ic_match_weights_preset_is_cross_sector (const char        *name);

double              ic_match_weights_get                  (IcMatchWeights      *self,
                                                           IcMatchCriterion     criterion);
/* Sets one weight (clamped at 0) and emits ::changed if it changed. */
void                ic_match_weights_set                  (IcMatchWeights      *self,
                                                           IcMatchCriterion     criterion,
                                                           double               weight);
/* Copies the seven weights, in criterion order, into @values. */
void                ic_match_weights_get_values           (IcMatchWeights      *self,
                                                           double              *values);
/* The sum of the weights. */
double              ic_match_weights_get_total            (IcMatchWeights      *self);
gboolean            ic_match_weights_equal                (IcMatchWeights      *a,
                                                           IcMatchWeights      *b);

/* Sets the criteria that @string names ("text=W,tags=W,…") and leaves the
 * others.  On an error nothing changes and the message names the bad
 * part.  At least one weight must stay above 0. */
gboolean            ic_match_weights_update_from_string   (IcMatchWeights      *self,
                                                           const char          *string,
                                                           GError             **error);
/* All seven weights as "text=W,tags=W,…".
 * Returns: (transfer full) */
char               *ic_match_weights_to_string            (IcMatchWeights      *self);

G_END_DECLS

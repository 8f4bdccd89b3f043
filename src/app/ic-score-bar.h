/* ic-score-bar.h — a match score as a bar stacked from its criteria
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ic-match-result.h"

G_BEGIN_DECLS

#define IC_TYPE_SCORE_BAR (ic_score_bar_get_type ())

G_DECLARE_FINAL_TYPE (IcScoreBar, ic_score_bar, IC, SCORE_BAR, GtkWidget)

GtkWidget *ic_score_bar_new                (void);
/* Shows each criterion's contribution to @result's score. */
void       ic_score_bar_set_result         (IcScoreBar       *self,
                                            IcMatchResult    *result);
/* A dot in the colour the bar gives @criterion, for legends. */
GtkWidget *ic_score_bar_new_criterion_dot   (IcMatchCriterion  criterion);

G_END_DECLS

/* ic-weights-panel.h — how much each match criterion counts: presets, sliders, cross-sector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-match-weights.h"

G_BEGIN_DECLS

#define IC_TYPE_WEIGHTS_PANEL (ic_weights_panel_get_type ())

G_DECLARE_FINAL_TYPE (IcWeightsPanel, ic_weights_panel, IC, WEIGHTS_PANEL, AdwBin)

/* A row for a toolbar: the presets, a Weights button whose popover
 * holds the sliders, and the cross-sector switch.  @large makes it a
 * column instead, the sliders in the open with their criteria's colours
 * and in type that reads across a room.
 *
 * "weights" is notified at once on every change; "changed" says when to
 * rank again: in full (TRUE) after a preset or the switch, from the
 * kept candidates (FALSE) once the sliders have stopped for a moment. */
GtkWidget      *ic_weights_panel_new              (gboolean        large);
/* (transfer none) */
IcMatchWeights *ic_weights_panel_get_weights      (IcWeightsPanel *self);
/* Shows @weights (kept, not copied); emits no "changed". */
void            ic_weights_panel_set_weights      (IcWeightsPanel *self,
                                                   IcMatchWeights *weights);
gboolean        ic_weights_panel_get_cross_sector (IcWeightsPanel *self);

G_END_DECLS

/* ic-conflict-card.h — one conflict: the fields side by side, and the choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-store-conflicts.h"

G_BEGIN_DECLS

#define IC_TYPE_CONFLICT_CARD (ic_conflict_card_get_type ())

G_DECLARE_FINAL_TYPE (IcConflictCard, ic_conflict_card, IC, CONFLICT_CARD, GtkBox)

/* Takes @conflict; @theirs is the record as stored now (may be NULL).
 * ::resolve (GStrv from_mine) says which fields to keep from mine: all
 * that differ for "Keep Mine", none for "Keep Theirs". */
GtkWidget  *ic_conflict_card_new          (IcConflict     *conflict,
                                           IcRecord       *theirs);
/* (transfer none) */
IcConflict *ic_conflict_card_get_conflict (IcConflictCard *self);

G_END_DECLS

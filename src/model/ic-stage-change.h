/* ic-stage-change.h — one dated, attributed move of a shortlist entry to a stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ic-model-types.h"

G_BEGIN_DECLS

#define IC_TYPE_STAGE_CHANGE (ic_stage_change_get_type ())

G_DECLARE_FINAL_TYPE (IcStageChange, ic_stage_change, IC, STAGE_CHANGE, GObject)

/* A change to @stage at @at (RFC 3339, UTC) by @author; @reason and
 * @reason_text only for a decline. */
IcStageChange   *ic_stage_change_new             (IcStage          stage,
                                                  const char      *at,
                                                  const char      *author,
                                                  IcDeclineReason  reason,
                                                  const char      *reason_text);

IcStage          ic_stage_change_get_stage       (IcStageChange   *self);
const char      *ic_stage_change_get_at          (IcStageChange   *self);
const char      *ic_stage_change_get_author      (IcStageChange   *self);
IcDeclineReason  ic_stage_change_get_reason      (IcStageChange   *self);
const char      *ic_stage_change_get_reason_text (IcStageChange   *self);

/* Orders two changes by time (parsed, so that any RFC 3339 spelling
 * compares right): <0, 0 or >0. */
int              ic_stage_change_compare_at      (IcStageChange   *a,
                                                  IcStageChange   *b);

/* Checks the change; @field names it in the message ("entries[2].stages[1]"). */
gboolean         ic_stage_change_validate        (IcStageChange   *self,
                                                  const char      *field,
                                                  GError         **error);

G_END_DECLS

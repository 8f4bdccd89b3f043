/* ic-workshop-rules.h — conflict-of-interest rules in a workshop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two participants that a conflict-of-interest rule (ic-conflict-rule.h)
 * names must never be scheduled to meet: their pair is forbidden in the
 * scheduling problem before it is solved, as a forbidden pair of the
 * event is, and the rules applied are returned so that whoever schedules
 * can say so.
 */

#pragma once

#include "ic-store-curation.h"
#include "ic-workshop.h"

G_BEGIN_DECLS

/* Forbids in @workshop's problem the meetings of every pair of its
 * participants that a live rule names.
 * Returns: (transfer full) (element-type IcCurationEntry) (nullable): the
 * rules applied (first_id and second_id organisation ids) */
GPtrArray *ic_workshop_forbid_conflicts (IcWorkshop  *workshop,
                                         IcStore     *store,
                                         GError     **error);

G_END_DECLS

/* ic-conflict-rule.h — two organisations never to be matched or met
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A conflict of interest (the same group, a live dispute) between two
 * organisations, with why: the matcher leaves out every pair of a
 * challenge of one and a capability of the other, and the meeting
 * scheduler every meeting between them, and both say so.  A shared
 * record; its id is made from the two organisations' ids in order, so
 * a rule between A and B is the rule between B and A, and removing it
 * makes it a tombstone.
 */

#pragma once

#include "ic-record.h"

G_BEGIN_DECLS

#define IC_TYPE_CONFLICT_RULE (ic_conflict_rule_get_type ())

G_DECLARE_FINAL_TYPE (IcConflictRule, ic_conflict_rule, IC, CONFLICT_RULE, IcRecord)

/* Returns: (transfer full): the rule, the two ids in order, with the id
 * made from them */
IcConflictRule *ic_conflict_rule_new                    (const char     *organisation_id,
                                                         const char     *other_organisation_id,
                                                         const char     *reason);

const char     *ic_conflict_rule_get_organisation_id    (IcConflictRule *self);
const char     *ic_conflict_rule_get_other_organisation_id (IcConflictRule *self);
const char     *ic_conflict_rule_get_reason             (IcConflictRule *self);

/* The id of the rule between the two, in either order (transfer full). */
char           *ic_conflict_rule_id_for                 (const char     *organisation_id,
                                                         const char     *other_organisation_id);

G_END_DECLS

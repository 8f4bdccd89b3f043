/* ic-consortium.h — a few SMEs that together cover a challenge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define IC_TYPE_CONSORTIUM (ic_consortium_get_type ())

G_DECLARE_FINAL_TYPE (IcConsortium, ic_consortium, IC, CONSORTIUM, GObject)

/* An empty consortium for @challenge_id, whose required tags are
 * @required_tags.
 * Returns: (transfer full) */
IcConsortium *ic_consortium_new                    (const char         *challenge_id,
                                                    const char * const *required_tags);
/* Adds a member and the required tags it brings. */
void          ic_consortium_add_member             (IcConsortium       *self,
                                                    const char         *capability_id,
                                                    const char         *capability_title,
                                                    const char         *organisation_id,
                                                    const char         *organisation_name,
                                                    double              score,
                                                    const char * const *tags);

const char   *ic_consortium_get_challenge_id       (IcConsortium       *self);
guint         ic_consortium_get_n_members          (IcConsortium       *self);
const char   *ic_consortium_get_member_id          (IcConsortium       *self,
                                                    guint               position);
/* (nullable) */
const char   *ic_consortium_get_member_title       (IcConsortium       *self,
                                                    guint               position);
/* (nullable) */
const char   *ic_consortium_get_member_organisation_id (IcConsortium   *self,
                                                    guint               position);
/* (nullable) */
const char   *ic_consortium_get_member_organisation_name (IcConsortium *self,
                                                    guint               position);
/* The member's own pair score for the challenge. */
double        ic_consortium_get_member_score       (IcConsortium       *self,
                                                    guint               position);
/* The required tags this member has. */
const char * const *ic_consortium_get_member_tags  (IcConsortium       *self,
                                                    guint               position);

/* The required tags some member has, and those none has.
 * Returns: (transfer full) */
GStrv         ic_consortium_dup_covered_tags       (IcConsortium       *self);
/* Returns: (transfer full) */
GStrv         ic_consortium_dup_missing_tags       (IcConsortium       *self);
guint         ic_consortium_get_n_required         (IcConsortium       *self);
/* The mean of the members' pair scores. */
double        ic_consortium_get_score              (IcConsortium       *self);

/* Whether the finder proved this list of proposals optimal. */
gboolean      ic_consortium_get_exact              (IcConsortium       *self);
void          ic_consortium_set_exact              (IcConsortium       *self,
                                                    gboolean            exact);

/* {"members": [{"capability_id", "organisation_id", "score", "tags"}],
 *  "covered_tags", "missing_tags", "score"}.
 * Returns: (transfer full) */
JsonNode     *ic_consortium_to_json                (IcConsortium       *self);

G_END_DECLS

/* ic-store-curation.h — pins and conflict-of-interest rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What people decide about the matching besides "not a match": a
 * capability pinned to a challenge (ic-pin.h), always shown for it, and
 * two organisations never to be matched or scheduled to meet
 * (ic-conflict-rule.h).  Each is a shared record, so it syncs and has a
 * history; taking one back makes it a tombstone, and giving it again
 * brings the same record back.
 */

#pragma once

#include "ic-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *first_id;     /* a pin's challenge, a rule's organisation */
  char *second_id;    /* a pin's capability, a rule's other organisation */
  char *reason;
  char *author;       /* may be NULL */
  char *updated_at;
} IcCurationEntry;

void        ic_curation_entry_free        (IcCurationEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcCurationEntry, ic_curation_entry_free)

/* Pins @capability_id to @challenge_id for @reason (required), as an
 * edit by @author; pinning it again for another reason changes the
 * reason.  A record that does not exist is IC_STORE_ERROR_NOT_FOUND. */
gboolean    ic_store_pin                  (IcStore     *self,
                                           const char  *challenge_id,
                                           const char  *capability_id,
                                           const char  *reason,
                                           const char  *author,
                                           GError     **error);
/* IC_STORE_ERROR_NOT_FOUND if the pair is not pinned. */
gboolean    ic_store_unpin                (IcStore     *self,
                                           const char  *challenge_id,
                                           const char  *capability_id,
                                           const char  *author,
                                           GError     **error);
/* The live pins of @challenge_id (NULL: of all), by challenge then
 * capability id.
 * Returns: (transfer full) (element-type IcCurationEntry) (nullable) */
GPtrArray  *ic_store_list_pins            (IcStore     *self,
                                           const char  *challenge_id,
                                           GError     **error);

/* A conflict of interest between two organisations, for @reason
 * (required); the order of the two does not matter. */
gboolean    ic_store_add_conflict_rule    (IcStore     *self,
                                           const char  *organisation_id,
                                           const char  *other_organisation_id,
                                           const char  *reason,
                                           const char  *author,
                                           GError     **error);
gboolean    ic_store_remove_conflict_rule (IcStore     *self,
                                           const char  *organisation_id,
                                           const char  *other_organisation_id,
                                           const char  *author,
                                           GError     **error);
/* The live rules that name @organisation_id (NULL: all).
 * Returns: (transfer full) (element-type IcCurationEntry) (nullable) */
GPtrArray  *ic_store_list_conflict_rules  (IcStore     *self,
                                           const char  *organisation_id,
                                           GError     **error);

/* The pairs the rules forbid, of @challenge_id (NULL: of every live
 * challenge): first_id a challenge, second_id a live capability of the
 * other organisation, reason the rule's.
 * Returns: (transfer full) (element-type IcCurationEntry) (nullable) */
GPtrArray  *ic_store_list_conflicted_pairs (IcStore    *self,
                                            const char *challenge_id,
                                            GError    **error);

G_END_DECLS

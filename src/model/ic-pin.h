/* ic-pin.h — a capability pinned to a challenge, with why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shared record like an excluded pair (ic-exclusion.h): the matcher
 * always shows a pinned capability for its challenge, marked as pinned
 * with the reason.  Its id is made from the pair, so two laptops that
 * pin the same pair write one record; unpinning makes it a tombstone.
 */

#pragma once

#include "ic-record.h"

G_BEGIN_DECLS

#define IC_TYPE_PIN (ic_pin_get_type ())

G_DECLARE_FINAL_TYPE (IcPin, ic_pin, IC, PIN, IcRecord)

/* Returns: (transfer full): the pin, with the id made from the pair */
IcPin      *ic_pin_new               (const char *challenge_id,
                                      const char *capability_id,
                                      const char *reason);

const char *ic_pin_get_challenge_id  (IcPin      *self);
const char *ic_pin_get_capability_id (IcPin      *self);
const char *ic_pin_get_reason        (IcPin      *self);

/* The id of the pair's pin (transfer full). */
char       *ic_pin_id_for            (const char *challenge_id,
                                      const char *capability_id);

G_END_DECLS

/* ic-event-pair.h — two organisations at a workshop: a meeting request
 * or a pair that must not meet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IC_TYPE_EVENT_PAIR (ic_event_pair_get_type ())

G_DECLARE_FINAL_TYPE (IcEventPair, ic_event_pair, IC, EVENT_PAIR, GObject)

/* A pair of organisation ids.  For a request, @first asks to meet
 * @second ("from", "to" in JSON); for a forbidden pair the order does
 * not matter ("a", "b").
 * Returns: (transfer full) */
IcEventPair *ic_event_pair_new        (const char  *first,
                                       const char  *second);

const char  *ic_event_pair_get_first  (IcEventPair *self);
void         ic_event_pair_set_first  (IcEventPair *self,
                                       const char  *first);
const char  *ic_event_pair_get_second (IcEventPair *self);
void         ic_event_pair_set_second (IcEventPair *self,
                                       const char  *second);

/* Whether the pair is @a and @b, in either order. */
gboolean     ic_event_pair_joins      (IcEventPair *self,
                                       const char  *a,
                                       const char  *b);

G_END_DECLS

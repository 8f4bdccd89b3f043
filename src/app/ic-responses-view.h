/* ic-responses-view.h — SMEs' answers to a challenge, from the public board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-challenge.h"
#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_RESPONSES_VIEW (ic_responses_view_get_type ())

G_DECLARE_FINAL_TYPE (IcResponsesView, ic_responses_view, IC, RESPONSES_VIEW, AdwBin)

GtkWidget *ic_responses_view_new           (void);
/* Reads the responses to @challenge (NULL: none) through @service, and
 * shows them, each with a button that makes a capability of it and one
 * that puts that capability on the challenge's shortlist. */
void       ic_responses_view_set_challenge (IcResponsesView *self,
                                            IcStoreService  *service,
                                            IcChallenge     *challenge);

G_END_DECLS

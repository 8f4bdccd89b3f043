/* ic-store-responses.h — SMEs' answers from the board, on the laptop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Responses come only from the feed (the server makes them): each is
 * kept whole, at its latest revision, in the table "response".  They
 * are never sent back, so they have no place in the change log.
 */

#pragma once

#include "ic-response.h"
#include "ic-store.h"

G_BEGIN_DECLS

/* Keeps @response (whose JSON is @body) unless a revision as new or
 * newer is kept already.  Runs inside the caller's transaction, if any. */
gboolean   ic_store_put_response      (IcStore           *self,
                                       const IcResponse  *response,
                                       const char        *body,
                                       GError           **error);
/* The live responses to @challenge_id (NULL: all), oldest first.
 * Returns: (transfer full) (element-type IcResponse) (nullable) */
GPtrArray *ic_store_list_responses    (IcStore           *self,
                                       const char        *challenge_id,
                                       GError           **error);
/* The response @id; IC_STORE_ERROR_NOT_FOUND if there is none.
 * Returns: (transfer full) (nullable) */
IcResponse *ic_store_get_response     (IcStore           *self,
                                       const char        *id,
                                       GError           **error);

G_END_DECLS

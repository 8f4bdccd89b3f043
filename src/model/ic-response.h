/* ic-response.h — an SME's answer to a public challenge, from the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made by the feed server when an SME sends the "we can help" form
 * (src/server/ic-feed-server-answer.c), as a record of the kind
 * "response": team-only, and read-only on the laptops, which keep the
 * latest revision of each (an erasure of its contact details is a new
 * revision made on the server).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char     *id;
  gint64    rev;
  gboolean  deleted;
  char     *updated_at;
  char     *challenge_id;
  char     *organisation;
  char     *contact_name;   /* "" once erased */
  char     *email;          /* "" once erased */
  char     *answer;
  char     *received_at;
  gboolean  consent;
  gboolean  contact_erased;
} IcResponse;

void        ic_response_free               (IcResponse  *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcResponse, ic_response_free)

/* Reads and validates a response record (the JSON the feed carries);
 * NULL with IC_MODEL_ERROR naming the field otherwise.
 * Returns: (transfer full) (nullable) */
IcResponse *ic_response_new_from_json_data (const char  *data,
                                            gssize       length,
                                            GError     **error);
/* The record as JSON, the shape it was read from.
 * Returns: (transfer full) */
char       *ic_response_to_json_data       (const IcResponse *response);

G_END_DECLS

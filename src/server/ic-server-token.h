/* ic-server-token.h — bearer tokens: made at random, kept as hashes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "icf_" and 43 characters of base64url: 256 random bits.
 * Returns: (transfer full) (nullable): NULL if the system has no randomness to give */
char     *ic_server_token_generate      (GError     **error);
/* The SHA-256 of @token, in lower-case hex (transfer full). */
char     *ic_server_token_hash          (const char  *token);
/* Compares two hex hashes in time that depends only on their length. */
gboolean  ic_server_token_hash_equal    (const char  *a,
                                         const char  *b);
/* 1–64 characters of letters, digits and . _ @ - */
gboolean  ic_server_token_name_is_valid (const char  *name);

G_END_DECLS

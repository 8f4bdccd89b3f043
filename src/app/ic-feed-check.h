/* ic-feed-check.h — Preferences' "Test Connection"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tries a feed address with a token (the one typed, or the one kept for
 * that address) through the feed client, off the main thread: one
 * authenticated GET /v1/changes?limit=1, with no retries.  The answer is
 * a sentence saying what happened: reached, wrong token, not reachable,
 * no secure connection.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @token: the token to try, or NULL to use the one kept for @feed_url. */
void      ic_feed_check_async   (const char          *feed_url,
                                 const char          *token,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
/* Returns: (transfer full): the sentence; @reached is TRUE when the
 * feed answered and took the token.  NULL only when cancelled. */
char     *ic_feed_check_finish  (GAsyncResult        *result,
                                 gboolean            *reached,
                                 GError             **error);

G_END_DECLS

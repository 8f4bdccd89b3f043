/* ic-feed-token.h — where the feed's bearer token is kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the keyring through libsecret when a Secret Service answers on the
 * session bus; otherwise in $XDG_CONFIG_HOME/interchange/feed-tokens, a
 * file only its owner may read (0600, in a 0700 folder).  Never in
 * GSettings, never in a log.  Tokens are filed by feed URL.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  IC_FEED_TOKEN_KEYRING,
  IC_FEED_TOKEN_FILE,
} IcFeedTokenPlace;

/* The longest token accepted, in bytes. */
#define IC_FEED_TOKEN_MAX_LENGTH 512

/* The fallback file's path (transfer full). */
char     *ic_feed_token_get_file_path   (void);

/* Keeps @token for @feed_url; *@place (optional) says where. */
void      ic_feed_token_save_async      (const char          *feed_url,
                                         const char          *token,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean  ic_feed_token_save_finish     (GAsyncResult        *result,
                                         IcFeedTokenPlace    *place,
                                         GError             **error);

/* The token kept for @feed_url.
 * Returns: (transfer full) (nullable): NULL without an error if none */
void      ic_feed_token_load_async      (const char          *feed_url,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
char     *ic_feed_token_load_finish     (GAsyncResult        *result,
                                         GError             **error);

/* Forgets the token kept for @feed_url, wherever it is. */
void      ic_feed_token_forget_async    (const char          *feed_url,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean  ic_feed_token_forget_finish   (GAsyncResult        *result,
                                         GError             **error);

/* The same, blocking: for the command line and worker threads. */
gboolean  ic_feed_token_save_sync       (const char          *feed_url,
                                         const char          *token,
                                         IcFeedTokenPlace    *place,
                                         GCancellable        *cancellable,
                                         GError             **error);
char     *ic_feed_token_load_sync       (const char          *feed_url,
                                         GCancellable        *cancellable,
                                         GError             **error);
gboolean  ic_feed_token_forget_sync     (const char          *feed_url,
                                         GCancellable        *cancellable,
                                         GError             **error);

/* Reads a token from the first line of @path (a --token-file), checking
 * that it is printable ASCII of a sane length.
 * Returns: (transfer full) (nullable) */
char     *ic_feed_token_read_file       (const char          *path,
                                         GError             **error);

G_END_DECLS

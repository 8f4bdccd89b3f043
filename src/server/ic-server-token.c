/* ic-server-token.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/random.h>

#include "ic-server-token.h"

#define TOKEN_PREFIX  "icf_"
#define TOKEN_BYTES   32

char *
ic_server_token_generate (GError **error)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  guint8 bytes[TOKEN_BYTES];
  GString *token;
  gsize filled = 0;
  guint32 bits = 0;
  int n_bits = 0;

  while (filled < sizeof bytes)
    {
      ssize_t n = getrandom (bytes + filled, sizeof bytes - filled, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("No random bytes for a token: %s"), g_strerror (saved_errno));
          return NULL;
        }
      filled += (gsize) n;
    }

  /* base64url without padding, six bits at a time. */
  token = g_string_new (TOKEN_PREFIX);
  for (gsize i = 0; i < sizeof bytes; i++)
    {
      bits = (bits << 8) | bytes[i];
      n_bits += 8;
      while (n_bits >= 6)
        {
          n_bits -= 6;
          g_string_append_c (token, alphabet[(bits >> n_bits) & 0x3f]);
        }
    }
  if (n_bits > 0)
    g_string_append_c (token, alphabet[(bits << (6 - n_bits)) & 0x3f]);

  memset (bytes, 0, sizeof bytes);
  return g_string_free (token, FALSE);
}

char *
ic_server_token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

gboolean
ic_server_token_hash_equal (const char *a,
                            const char *b)
{
  gsize length = strlen (a);
  guint8 difference = 0;

  if (length != strlen (b))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    difference |= (guint8) (a[i] ^ b[i]);
  return difference == 0;
}

gboolean
ic_server_token_name_is_valid (const char *name)
{
  gsize length = name ? strlen (name) : 0;

  if (length == 0 || length > 64)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (name[i]) && strchr ("._@-", name[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* ic-board-form.c — the answer form's token and the text it keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A form carries the time it was made and an HMAC-SHA256 of the
 * challenge's id and that time under the database's secret: a page on
 * another site cannot make one, and an old one runs out.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-board.h"
#include "ic-server-db.h"

char *
ic_board_form_token (const char *secret,
                     const char *challenge_id,
                     gint64      time)
{
  g_autofree char *message = g_strdup_printf ("%s\n%" G_GINT64_FORMAT, challenge_id, time);

  return g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret),
                                    message, -1);
}

gboolean
ic_board_form_check (const char *secret,
                     const char *challenge_id,
                     const char *time_text,
                     const char *token,
                     gint64      now)
{
  g_autofree char *expected = NULL;
  guint64 time;
  guchar difference = 0;

  if (time_text == NULL || token == NULL ||
      !g_ascii_string_to_unsigned (time_text, 10, 0, G_MAXINT64, &time, NULL) ||
      (gint64) time > now + 300 || now - (gint64) time > IC_BOARD_FORM_LIFETIME_S)
    return FALSE;
  expected = ic_board_form_token (secret, challenge_id, (gint64) time);
  if (strlen (token) != strlen (expected))
    return FALSE;
  /* In constant time. */
  for (gsize i = 0; expected[i] != '\0'; i++)
    difference |= (guchar) (expected[i] ^ token[i]);
  return difference == 0;
}

/* Drops anything that looks like a tag: "<" then a letter, "/", "!"
 * or "?", up to the next ">".  A "<" that starts no tag ("3 < 4")
 * stays. */
static void
strip_markup (GString *text)
{
  gsize out = 0;

  for (gsize i = 0; i < text->len; i++)
    {
      char c = text->str[i];
      char next = i + 1 < text->len ? text->str[i + 1] : '\0';

      if (c == '<' && (g_ascii_isalpha (next) || next == '/' || next == '!' || next == '?'))
        {
          const char *end = memchr (text->str + i, '>', text->len - i);

          if (end != NULL)
            {
              i = (gsize) (end - text->str);
              continue;
            }
        }
      text->str[out++] = c;
    }
  g_string_truncate (text, out);
}

char *
ic_board_clean_text (const char  *text,
                     const char  *label,
                     guint        max_chars,
                     gboolean     multi_line,
                     GError     **error)
{
  g_autoptr(GString) clean = NULL;
  glong length;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_INVALID,
                   text == NULL ? _("%s is missing.") : _("%s is not valid text."), label);
      return NULL;
    }
  clean = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\r')
        continue;  /* browsers send CR LF */
      if (c == '\n' || c == '\t')
        {
          g_string_append_c (clean, multi_line ? (char) c : ' ');
          continue;
        }
      if (c < 0x20 || c == 0x7f)
        {
          g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_INVALID,
                       _("%s holds a control character."), label);
          return NULL;
        }
      g_string_append_c (clean, (char) c);
    }
  strip_markup (clean);
  g_strstrip (clean->str);
  g_string_set_size (clean, strlen (clean->str));
  length = g_utf8_strlen (clean->str, -1);
  if (length == 0)
    {
      g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_INVALID, _("%s is empty."), label);
      return NULL;
    }
  if ((guint) length > max_chars)
    {
      g_set_error (error, IC_SERVER_ERROR, IC_SERVER_ERROR_INVALID,
                   _("%s is %ld characters long; at most %u fit."), label, length, max_chars);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&clean), FALSE);
}

gboolean
ic_board_email_valid (const char *email)
{
  const char *at = email ? strchr (email, '@') : NULL;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL || strlen (email) > IC_BOARD_EMAIL_CHARS)
    return FALSE;
  for (const char *p = email; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == '<' || *p == '>' || *p == '"' || *p == ',' || *p == ';')
      return FALSE;
  return strchr (at + 1, '.') != NULL && at[1] != '.' && email[strlen (email) - 1] != '.';
}

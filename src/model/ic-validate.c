/* ic-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ic-model-error.h"
#include "ic-validate.h"

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gunichar
ic_validate_find_control (const char *value)
{
  for (const char *p = value; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff)
        return c;
    }
  return 0;
}

static void
set_control_error (GError     **error,
                   const char  *field,
                   guint        tag,
                   gunichar     c)
{
  g_autofree char *which = NULL;

  /* U+FFFF stands for an escaped NUL (see ic_json_text_mark_nul ()). */
  if (c == 0xffff)
    which = g_strdup (_("a NUL character (U+0000) or U+FFFF"));
  else
    which = g_strdup_printf (_("the control character U+%04X"), c);
  if (tag > 0)
    ic_model_set_error (error, IC_MODEL_ERROR_INVALID_UTF8, field,
                        _("tag %u holds %s; only tab and newline are allowed"), tag, which);
  else
    ic_model_set_error (error, IC_MODEL_ERROR_INVALID_UTF8, field,
                        _("holds %s; only tab and newline are allowed"), which);
}

char *
ic_json_text_mark_nul (const char *data,
                       gsize       length)
{
  char *copy = NULL;

  for (gsize i = 0; i + 5 < length; i++)
    {
      if (data[i] != '\\')
        continue;
      /* Backslashes only escape inside strings: skip the escaped one. */
      if (data[i + 1] == 'u' && memcmp (data + i + 2, "0000", 4) == 0)
        {
          if (copy == NULL)
            {
              /* @data need not end with a NUL of its own. */
              copy = g_malloc (length + 1);
              memcpy (copy, data, length);
              copy[length] = '\0';
            }
          memcpy (copy + i + 2, "ffff", 4);
        }
      i++;
    }
  return copy;
}

gboolean
ic_validate_text (const char  *value,
                  const char  *field,
                  guint        max_chars,
                  gboolean     required,
                  GError     **error)
{
  glong n_chars;
  gunichar c;

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_INVALID_UTF8, field,
                          _("is not valid UTF-8 text"));
      return FALSE;
    }
  if ((c = ic_validate_find_control (value)) != 0)
    {
      set_control_error (error, field, 0, c);
      return FALSE;
    }
  if (required && is_blank (value))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_REQUIRED, field,
                          _("must not be empty"));
      return FALSE;
    }
  if (value != NULL && (n_chars = g_utf8_strlen (value, -1)) > (glong) max_chars)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_TOO_LONG, field,
                          _("is %ld characters long; at most %u are allowed"),
                          n_chars, max_chars);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_digits (const char *s,
              guint       n,
              guint      *out)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

gboolean
ic_validate_date (const char  *value,
                  const char  *field,
                  GError     **error)
{
  guint y, m, d;

  if (value == NULL || value[0] == '\0')
    return TRUE;

  if (strlen (value) != 10 || value[4] != '-' || value[7] != '-' ||
      !parse_digits (value, 4, &y) || !parse_digits (value + 5, 2, &m) ||
      !parse_digits (value + 8, 2, &d))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_INVALID_DATE, field,
                          _("“%s” is not a date written YYYY-MM-DD"), value);
      return FALSE;
    }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month (m, y))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_INVALID_DATE, field,
                          _("%s is not a calendar date"), value);
      return FALSE;
    }
  return TRUE;
}

gboolean
ic_validate_timestamp (const char  *value,
                       const char  *field,
                       GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (value == NULL || value[0] == '\0')
    return TRUE;

  parsed = g_date_time_new_from_iso8601 (value, NULL);
  if (parsed == NULL || strchr (value, 'T') == NULL)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_INVALID_DATE, field,
                          _("“%s” is not an RFC 3339 date and time"), value);
      return FALSE;
    }
  return TRUE;
}

gboolean
ic_validate_uuid (const char  *value,
                  const char  *field,
                  GError     **error)
{
  if (value == NULL || !g_uuid_string_is_valid (value))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_INVALID_ID, field,
                          _("“%s” is not a UUID"), value ? value : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
ic_validate_int_range (gint64       value,
                       gint64       min,
                       gint64       max,
                       const char  *field,
                       GError     **error)
{
  if (value < min || value > max)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_OUT_OF_RANGE, field,
                          _("%" G_GINT64_FORMAT " is not between %" G_GINT64_FORMAT
                            " and %" G_GINT64_FORMAT),
                          value, min, max);
      return FALSE;
    }
  return TRUE;
}

gboolean
ic_validate_tags (const char * const *tags,
                  const char         *field,
                  GError            **error)
{
  guint n = tags ? g_strv_length ((char **) tags) : 0;
  gunichar c;

  if (n > IC_MAX_TAGS)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_TOO_LONG, field,
                          _("has %u tags; at most %u are allowed"), n, IC_MAX_TAGS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (!g_utf8_validate (tags[i], -1, NULL))
        {
          ic_model_set_error (error, IC_MODEL_ERROR_INVALID_UTF8, field,
                              _("tag %u is not valid UTF-8 text"), i + 1);
          return FALSE;
        }
      if ((c = ic_validate_find_control (tags[i])) != 0)
        {
          set_control_error (error, field, i + 1, c);
          return FALSE;
        }
      if (g_utf8_strlen (tags[i], -1) > IC_MAX_TAG_CHARS)
        {
          ic_model_set_error (error, IC_MODEL_ERROR_INVALID_TAG, field,
                              _("tag “%.20s…” is longer than %u characters"),
                              tags[i], IC_MAX_TAG_CHARS);
          return FALSE;
        }
      if (tags[i][0] == '\0' || strchr (tags[i], ',') != NULL)
        {
          ic_model_set_error (error, IC_MODEL_ERROR_INVALID_TAG, field,
                              _("tag %u is empty or holds a comma"), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
ic_validate_cluster (IcTaxonomy  *taxonomy,
                     const char  *cluster,
                     const char  *field,
                     GError     **error)
{
  if (taxonomy == NULL || cluster == NULL || cluster[0] == '\0')
    return TRUE;
  if (ic_taxonomy_get_cluster_name (taxonomy, cluster) == NULL)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_UNKNOWN_VALUE, field,
                          _("“%s” is not a known cluster"), cluster);
      return FALSE;
    }
  return TRUE;
}

gboolean
ic_validate_place (IcTaxonomy  *taxonomy,
                   const char  *place,
                   const char  *field,
                   GError     **error)
{
  if (taxonomy == NULL || place == NULL || place[0] == '\0')
    return TRUE;
  if (ic_taxonomy_get_place_name (taxonomy, place) == NULL)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_UNKNOWN_VALUE, field,
                          _("“%s” is not a known local authority"), place);
      return FALSE;
    }
  return TRUE;
}

gboolean
ic_validate_url (const char  *value,
                 const char  *field,
                 GError     **error)
{
  if (value == NULL || value[0] == '\0')
    return TRUE;
  if (!ic_validate_text (value, field, IC_MAX_URL_CHARS, FALSE, error))
    return FALSE;
  /* Schemes are case-insensitive (RFC 3986), so HTTPS://… is a web address too. */
  if (g_ascii_strncasecmp (value, "http://", 7) != 0 && g_ascii_strncasecmp (value, "https://", 8) != 0)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_UNKNOWN_VALUE, field,
                          _("“%s” is not a web address starting http:// or https://"),
                          value);
      return FALSE;
    }
  return TRUE;
}

gboolean
ic_validate_email (const char  *value,
                   const char  *field,
                   GError     **error)
{
  const char *at;
  const char *dot;

  if (value == NULL || value[0] == '\0')
    return TRUE;
  if (!ic_validate_text (value, field, IC_MAX_EMAIL_CHARS, FALSE, error))
    return FALSE;
  at = strchr (value, '@');
  dot = at != NULL ? strrchr (at, '.') : NULL;
  if (at == NULL || at == value || strchr (at + 1, '@') != NULL ||
      dot == NULL || dot == at + 1 || dot[1] == '\0' ||
      strpbrk (value, " \t\n,;<>") != NULL)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_UNKNOWN_VALUE, field,
                          _("“%s” is not an email address like name@example.org"),
                          value);
      return FALSE;
    }
  return TRUE;
}

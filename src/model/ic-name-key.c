/* ic-name-key.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-name-key.h"
#include "ic-organisation.h"

char *
ic_name_key_fold (const char *text)
{
  g_autofree char *lower = g_utf8_casefold (text != NULL ? text : "", -1);
  GString *key = g_string_sized_new (strlen (lower));
  gboolean gap = FALSE;

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        gap = TRUE;
      else
        {
          if (gap && key->len > 0)
            g_string_append_c (key, ' ');
          g_string_append_c (key, *p);
          gap = FALSE;
        }
    }
  return g_string_free (key, FALSE);
}

char *
ic_name_key_words (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text != NULL ? text : "", -1);
  GString *folded = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (gap && folded->len > 0)
            g_string_append_c (folded, '_');
          g_string_append_unichar (folded, c);
          gap = FALSE;
        }
      else
        gap = TRUE;
    }
  return g_string_free (folded, FALSE);
}

char *
ic_name_key_organisation (const char *name)
{
  static const char * const endings[] = { "ltd", "limited", "plc", "llp", "inc", NULL };
  g_autofree char *folded = ic_name_key_words (name);
  g_auto(GStrv) words = g_strsplit (folded, "_", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  guint n = g_strv_length (words);

  /* "Ltd", "Limited", "PLC" at the end, however many. */
  while (n > 1 && g_strv_contains (endings, words[n - 1]))
    n--;
  for (guint i = 0; i < n; i++)
    if (!g_str_equal (words[i], "and") && !(i == 0 && n > 1 && g_str_equal (words[i], "the")))
      g_strv_builder_add (kept, words[i]);
  result = g_strv_builder_end (kept);
  return g_strjoinv ("_", result);
}

char *
ic_name_key_titled (const char *organisation_id,
                    const char *title)
{
  g_autofree char *folded = ic_name_key_fold (title);

  return g_strconcat (organisation_id != NULL ? organisation_id : "", "\n", folded, NULL);
}

char *
ic_name_key_for_record (IcRecord *record)
{
  const char *organisation_id = NULL;
  const char *title = ic_record_get_title (record);
  char *key;

  switch (ic_record_get_kind (record))
    {
    case IC_RECORD_KIND_ORGANISATION:
      key = ic_name_key_organisation (title);
      if (key[0] != '\0')
        return key;
      g_free (key);
      return NULL;
    case IC_RECORD_KIND_CHALLENGE:
      organisation_id = ic_challenge_get_organisation_id (IC_CHALLENGE (record));
      break;
    case IC_RECORD_KIND_CAPABILITY:
      organisation_id = ic_capability_get_organisation_id (IC_CAPABILITY (record));
      break;
    case IC_RECORD_KIND_FORESIGHT:
    case IC_RECORD_KIND_SHORTLIST:
    case IC_RECORD_KIND_EXCLUDED_PAIR:
    case IC_RECORD_KIND_PIN:
    case IC_RECORD_KIND_CONFLICT_RULE:
    case IC_RECORD_KIND_EVENT:
    default:
      return NULL;
    }

  if (organisation_id == NULL || organisation_id[0] == '\0' || title == NULL)
    return NULL;
  key = ic_name_key_titled (organisation_id, title);
  /* The organisation and "\n" alone: no title. */
  if (key[strlen (organisation_id) + 1] != '\0')
    return key;
  g_free (key);
  return NULL;
}

/* ic-text-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-text-search.h"

char *
ic_text_fold (const char *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL)
    return g_strdup ("");
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  /* Not UTF-8 (a search typed in another encoding): compared as it is. */
  return normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup (text);
}

char **
ic_text_words (const char *query)
{
  g_autofree char *folded = ic_text_fold (query);
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\r\n", -1);
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

gboolean
ic_text_has_words (const char         *folded,
                   const char * const *words)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

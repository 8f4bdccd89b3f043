/* ic-postcode.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-postcode.h"

/* Postcode area, district range (0–99 for the whole area) and the
 * authority that holds most of it. */
static const struct
{
  const char *area;
  guint8      low, high;
  const char *authority;
} districts[] = {
  { "B", 1, 21, "birmingham" }, { "B", 23, 38, "birmingham" }, { "B", 40, 40, "solihull" },
  { "B", 42, 42, "birmingham" }, { "B", 44, 45, "birmingham" },
  { "B", 46, 46, "north-warwickshire" }, { "B", 47, 48, "bromsgrove" },
  { "B", 49, 50, "stratford-on-avon" }, { "B", 60, 61, "bromsgrove" }, { "B", 62, 63, "dudley" },
  { "B", 64, 71, "sandwell" }, { "B", 72, 76, "birmingham" }, { "B", 77, 79, "tamworth" },
  { "B", 80, 80, "stratford-on-avon" }, { "B", 90, 94, "solihull" },
  { "B", 95, 95, "stratford-on-avon" }, { "B", 97, 98, "redditch" },
  { "CV", 1, 6, "coventry" }, { "CV", 8, 8, "warwick" }, { "CV", 9, 9, "north-warwickshire" },
  { "CV", 10, 12, "nuneaton-and-bedworth" }, { "CV", 21, 23, "rugby" }, { "CV", 31, 34, "warwick" },
  { "CV", 36, 37, "stratford-on-avon" }, { "CV", 47, 47, "stratford-on-avon" },
  { "DY", 1, 3, "dudley" }, { "DY", 4, 4, "sandwell" }, { "DY", 5, 6, "dudley" },
  { "DY", 8, 9, "dudley" }, { "DY", 10, 13, "wyre-forest" }, { "DY", 14, 14, "shropshire" },
  { "WV", 1, 4, "wolverhampton" }, { "WV", 5, 5, "south-staffordshire" },
  { "WV", 6, 6, "wolverhampton" }, { "WV", 8, 9, "south-staffordshire" },
  { "WV", 10, 11, "wolverhampton" }, { "WV", 12, 13, "walsall" }, { "WV", 14, 14, "wolverhampton" },
  { "WV", 15, 16, "shropshire" },
  { "WS", 1, 5, "walsall" }, { "WS", 6, 6, "south-staffordshire" }, { "WS", 7, 7, "lichfield" },
  { "WS", 8, 9, "walsall" }, { "WS", 10, 10, "sandwell" }, { "WS", 11, 12, "cannock-chase" },
  { "WS", 13, 14, "lichfield" }, { "WS", 15, 15, "cannock-chase" },
  { "ST", 1, 4, "stoke-on-trent" }, { "ST", 5, 5, "newcastle-under-lyme" },
  { "ST", 6, 6, "stoke-on-trent" }, { "ST", 7, 7, "newcastle-under-lyme" },
  { "ST", 8, 10, "staffordshire-moorlands" }, { "ST", 13, 13, "staffordshire-moorlands" },
  { "ST", 14, 14, "east-staffordshire" }, { "ST", 15, 18, "stafford" },
  { "ST", 19, 19, "south-staffordshire" }, { "ST", 20, 21, "stafford" },
  { "DE", 13, 15, "east-staffordshire" },
  { "WR", 1, 5, "worcester" }, { "WR", 6, 6, "malvern-hills" }, { "WR", 8, 8, "malvern-hills" },
  { "WR", 9, 11, "wychavon" }, { "WR", 13, 15, "malvern-hills" },
  { "HR", 1, 9, "herefordshire" }, { "SY", 1, 13, "shropshire" },
  { "TF", 1, 8, "telford-and-wrekin" }, { "TF", 9, 9, "shropshire" },
  { "TF", 10, 10, "telford-and-wrekin" }, { "TF", 11, 13, "shropshire" },
  { "LE", 1, 5, "leicester" }, { "NG", 1, 8, "nottingham" }, { "M", 1, 4, "manchester" },
  { "BS", 1, 16, "bristol" },
  { "EC", 0, 99, "london" }, { "WC", 0, 99, "london" }, { "E", 0, 99, "london" },
  { "N", 0, 99, "london" }, { "NW", 0, 99, "london" }, { "SE", 0, 99, "london" },
  { "SW", 0, 99, "london" }, { "W", 0, 99, "london" },
};

/* Splits a postcode into its area letters and district number. */
static gboolean
parse (const char *text,
       char        area[3],
       guint      *district)
{
  char compact[16];
  gsize n = 0;
  gsize i = 0;
  gsize outward;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      if (!g_ascii_isalnum (*p) || n + 1 >= sizeof compact)
        return FALSE;
      compact[n++] = g_ascii_toupper (*p);
    }
  compact[n] = '\0';

  /* A full postcode ends in digit, letter, letter: the inward code. */
  outward = n;
  if (n >= 5 && g_ascii_isdigit (compact[n - 3]) && g_ascii_isalpha (compact[n - 2]) &&
      g_ascii_isalpha (compact[n - 1]))
    outward = n - 3;
  if (outward < 2 || outward > 4)
    return FALSE;

  while (i < outward && i < 2 && g_ascii_isalpha (compact[i]))
    {
      area[i] = compact[i];
      i++;
    }
  area[i] = '\0';
  if (i == 0 || i >= outward || !g_ascii_isdigit (compact[i]))
    return FALSE;

  *district = compact[i++] - '0';
  if (i < outward && g_ascii_isdigit (compact[i]))
    *district = *district * 10 + (compact[i++] - '0');
  /* Central London districts carry a letter ("EC1A"). */
  if (i < outward && g_ascii_isalpha (compact[i]))
    i++;
  return i == outward;
}

gboolean
ic_postcode_is_valid (const char *text)
{
  char area[3];
  guint district;

  return parse (text, area, &district);
}

const char *
ic_postcode_to_local_authority (const char *postcode)
{
  char area[3];
  guint district;

  if (!parse (postcode, area, &district))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    if (strcmp (districts[i].area, area) == 0 &&
        district >= districts[i].low && district <= districts[i].high)
      return districts[i].authority;
  return NULL;
}

/* ic-import-values.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ic-csv-writer.h"
#include "ic-import-mapping.h"
#include "ic-import-values.h"
#include "ic-io-error.h"
#include "ic-model-types.h"
#include "ic-import-terms.h"
#include "ic-postcode.h"

const char *
ic_import_value_separator (const char *target)
{
  if (g_strcmp0 (target, "tags") == 0)
    return ",";
  if (g_strcmp0 (target, "certifications") == 0)
    return ";";
  if (g_strcmp0 (target, "notes") == 0)
    return "\n";
  return ", ";
}

static gboolean unreadable (GError     **error,
                            const char  *format,
                            ...) G_GNUC_PRINTF (2, 3);

/* A value that means nothing the field takes ("lots" employees, "tbc"
 * TRL): the row may still be kept without it. */
static gboolean
unreadable (GError     **error,
            const char  *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (IC_IO_ERROR, IC_IO_ERROR_UNMATCHED, format, args));
  va_end (args);
  return FALSE;
}

static gboolean fail (GError     **error,
                      const char  *format,
                      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (IC_IO_ERROR, IC_IO_ERROR_ROW, format, args));
  va_end (args);
  return FALSE;
}

/* Words before a number that say it is rough: "c. £20k", "about 40",
 * "up to £50k"; the number is taken as it stands. */
static const char *
skip_approximation (const char *text)
{
  static const char * const words[] = {
    "approximately", "approx.", "approx", "around", "about", "circa", "c.", "ca.", "~",
    "up to", "upto", "under", "less than", "<", "over", "more than", ">", "gbp", NULL
  };
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      while (g_ascii_isspace (*text))
        text++;
      for (guint i = 0; words[i] != NULL; i++)
        if (g_ascii_strncasecmp (text, words[i], strlen (words[i])) == 0)
          {
            text += strlen (words[i]);
            again = TRUE;
            break;
          }
    }
  return text;
}

gboolean
ic_import_value_parse_amount (const char *text,
                              gint64     *amount)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  double value, scale = 1;
  char *end = NULL;

  text = skip_approximation (text);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ',' || *p == ' ' || *p == '_')
        continue;
      if (g_str_has_prefix (p, "£"))
        {
          p += strlen ("£") - 1;
          continue;
        }
      g_string_append_c (digits, *p);
    }
  if (digits->len > 3 && g_ascii_strcasecmp (digits->str + digits->len - 3, "gbp") == 0)
    g_string_truncate (digits, digits->len - 3);
  if (digits->len > 0 && strchr ("kK", digits->str[digits->len - 1]) != NULL)
    scale = 1e3;
  else if (digits->len > 0 && strchr ("mM", digits->str[digits->len - 1]) != NULL)
    scale = 1e6;
  if (scale > 1)
    g_string_truncate (digits, digits->len - 1);

  if (digits->len == 0 || !(g_ascii_isdigit (digits->str[0]) || digits->str[0] == '.'))
    return FALSE;
  value = g_ascii_strtod (digits->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (value) || value * scale > 9e18)
    return FALSE;
  *amount = (gint64) llround (value * scale);
  return TRUE;
}

/* "Nov", "November", "Sept", "nov." → 11; 0 if not a month. */
static guint
parse_month (const char *word)
{
  static const char * const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december"
  };
  gsize n = strlen (word);

  while (n > 0 && word[n - 1] == '.')
    n--;
  if (n < 3)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (n <= strlen (months[i]) && g_ascii_strncasecmp (word, months[i], n) == 0)
      return i + 1;
  return 0;
}

/* A two-digit year is this century's: "26" → 2026. */
static guint
full_year (guint year)
{
  return year < 100 ? 2000 + year : year;
}

char *
ic_import_value_parse_date (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  guint a, b, c;
  char sep1, sep2;
  char word[16];
  int used = 0;

  /* Day first, as British spreadsheets write dates. */
  if (sscanf (trimmed, "%u%c%u%c%u%n", &a, &sep1, &b, &sep2, &c, &used) == 5 &&
      trimmed[used] == '\0' && sep1 == sep2 && (sep1 == '/' || sep1 == '.' || sep1 == '-'))
    {
      if (a >= 1000)
        return g_strdup_printf ("%04u-%02u-%02u", a, b, c);
      if (c >= 1000 || (c < 100 && sep1 != '-'))
        return g_strdup_printf ("%04u-%02u-%02u", full_year (c), b, a);
    }
  /* "3 Nov 2026", "3rd November 2026", "3-Nov-26". */
  if (sscanf (trimmed, "%u%*[a-z] %15[A-Za-z.] %u%n", &a, word, &c, &used) == 3 ||
      sscanf (trimmed, "%u %15[A-Za-z.] %u%n", &a, word, &c, &used) == 3 ||
      sscanf (trimmed, "%u-%15[A-Za-z]-%u%n", &a, word, &c, &used) == 3)
    {
      guint month = parse_month (word);

      if (month > 0 && trimmed[used] == '\0' && a >= 1 && a <= 31)
        return g_strdup_printf ("%04u-%02u-%02u", full_year (c), month, a);
    }
  return g_steal_pointer (&trimmed);
}

/* "Large firm", "large_firm", "LARGE-FIRM" → "large-firm". */
static gboolean
apply_enum (IcRecord    *record,
            GParamSpec  *pspec,
            const char  *text,
            GError     **error)
{
  g_autofree char *folded = ic_import_mapping_fold_name (text);
  int value;

  g_strdelimit (folded, "_", '-');
  if (folded[0] == '\0')
    {
      g_object_set (record, pspec->name, G_PARAM_SPEC_ENUM (pspec)->default_value, NULL);
      return TRUE;
    }
  if (!ic_enum_from_nick (pspec->value_type, folded, &value))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (pspec->value_type);
      g_autoptr(GString) allowed = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (allowed, "%s%s", i ? ", " : "", klass->values[i].value_nick);
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_UNMATCHED, _("“%s” is not one of %s"),
                   text, allowed->str);
      return FALSE;
    }
  g_object_set (record, pspec->name, value, NULL);
  return TRUE;
}

/* "4-6", "4–6", "4 to 6", "£10k-£50k" or "5". */
static gboolean
parse_range (const char *text,
             gint64     *low,
             gint64     *high)
{
  g_autofree char *copy = g_strdup (skip_approximation (text));
  char *dash;

  dash = strstr (copy, "–");
  if (dash != NULL)
    memmove (dash + 1, dash + strlen ("–"), strlen (dash + strlen ("–")) + 1);
  else if ((dash = strstr (copy, " to ")) != NULL)
    memmove (dash + 1, dash + 4, strlen (dash + 4) + 1);
  else
    dash = strchr (copy + (copy[0] == '-' ? 1 : 0), '-');

  if (dash == NULL)
    {
      if (!ic_import_value_parse_amount (g_strstrip (copy), low))
        return FALSE;
      *high = *low;
      return TRUE;
    }
  *dash = '\0';
  return ic_import_value_parse_amount (g_strstrip (copy), low) &&
         ic_import_value_parse_amount (g_strstrip (dash + 1), high);
}

/* "TRL 7", "trl7", "TRL level: 6-7", "Level 7" → "7", "6-7". */
static const char *
skip_trl_words (const char *text)
{
  static const char * const words[] = { "trl", "level", "lvl", ":", NULL };
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      while (g_ascii_isspace (*text))
        text++;
      for (guint i = 0; words[i] != NULL; i++)
        if (g_ascii_strncasecmp (text, words[i], strlen (words[i])) == 0)
          {
            text += strlen (words[i]);
            again = TRUE;
            break;
          }
    }
  return text;
}

static gboolean
apply_number (IcRecord    *record,
              GParamSpec  *pspec,
              const char  *text,
              char       **note,
              GError     **error)
{
  gint64 value, min, max, high;
  gboolean is_int = pspec->value_type == G_TYPE_INT;

  min = is_int ? G_PARAM_SPEC_INT (pspec)->minimum : G_PARAM_SPEC_INT64 (pspec)->minimum;
  max = is_int ? G_PARAM_SPEC_INT (pspec)->maximum : G_PARAM_SPEC_INT64 (pspec)->maximum;

  if (text[0] == '\0')
    value = is_int ? G_PARAM_SPEC_INT (pspec)->default_value
                   : G_PARAM_SPEC_INT64 (pspec)->default_value;
  else
    {
      g_autofree char *copy = g_strdup (g_str_has_prefix (pspec->name, "trl") ? skip_trl_words (text)
                                                                             : text);
      gsize n = strlen (g_strstrip (copy));

      /* "250+" employees is at least 250. */
      if (n > 1 && copy[n - 1] == '+')
        copy[n - 1] = '\0';
      if (!ic_import_value_parse_amount (copy, &value))
        {
          /* "6-7" where one number goes: the lower end, said aloud. */
          if (!parse_range (copy, &value, &high) || high < value)
            return unreadable (error, g_str_has_prefix (pspec->name, "trl")
                                ? _("“%s” is not a TRL such as 7 or TRL 7")
                                : _("“%s” is not a whole number"), text);
          if (note != NULL)
            *note = g_strdup_printf (_("“%s” is a range; the lower end, %" G_GINT64_FORMAT
                                       ", is kept"), text, value);
        }
      if (value < min || value > max)
        {
          g_clear_pointer (note, g_free);
          g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_ROW,
                       _("%" G_GINT64_FORMAT " is not between %" G_GINT64_FORMAT
                         " and %" G_GINT64_FORMAT), value, MAX (min, 0), max);
          return FALSE;
        }
    }

  if (is_int)
    g_object_set (record, pspec->name, (int) value, NULL);
  else
    g_object_set (record, pspec->name, value, NULL);
  return TRUE;
}

static gboolean
apply_range (IcRecord    *record,
             const char  *min_property,
             const char  *max_property,
             gboolean     single_is_max,
             const char  *text,
             GError     **error)
{
  gint64 low, high;

  if (text[0] == '\0')
    return TRUE;
  if (!parse_range (text, &low, &high))
    return unreadable (error, _("“%s” is not a number or a range such as 4-6"), text);
  if (single_is_max && low == high && strchr (text, '-') == NULL)
    low = 0;

  if (g_str_has_prefix (min_property, "trl"))
    {
      if (low > 100 || high > 100)
        return fail (error, _("“%s” is not a TRL between 1 and 9"), text);
      g_object_set (record, min_property, (int) low, max_property, (int) high, NULL);
    }
  else
    g_object_set (record, min_property, low, max_property, high, NULL);
  return TRUE;
}

/* A web address as people write it: "www.firm.co.uk" is https. */
static char *
web_address (const char *text)
{
  if (text[0] == '\0' || strstr (text, "://") != NULL || strchr (text, ' ') != NULL ||
      strchr (text, '.') == NULL || strchr (text, '@') != NULL)
    return g_strdup (text);
  return g_strconcat ("https://", text, NULL);
}

static gboolean
unmatched (GError    **error,
           gboolean    place,
           const char *text)
{
  if (place)
    g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_UNMATCHED, _("“%s” is not a known local authority"),
                 text);
  else
    g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_UNMATCHED, _("“%s” is not a known cluster"), text);
  return FALSE;
}

static void
apply_strv (IcRecord   *record,
            const char *property,
            const char *text,
            const char *separators)
{
  g_auto(GStrv) parts = g_strsplit_set (text, separators, -1);

  for (guint i = 0; parts[i] != NULL; i++)
    g_strstrip (parts[i]);
  g_object_set (record, property, parts, NULL);
}

gboolean
ic_import_value_apply (IcRecord    *record,
                       const char  *target,
                       const char  *text,
                       IcTaxonomy  *taxonomy,
                       char       **note,
                       GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (ic_csv_text_unneutralise (text)));
  g_autofree char *property = NULL;
  GParamSpec *pspec;

  if (note != NULL)
    *note = NULL;
  if (g_str_equal (target, "trl_range"))
    return apply_range (record, "trl-min", "trl-max", FALSE, skip_trl_words (trimmed), error);
  if (g_str_equal (target, "budget"))
    return apply_range (record, "budget-min", "budget-max", TRUE, trimmed, error);
  if (g_str_equal (target, "postcode"))
    {
      const char *authority = ic_import_terms_find_place (taxonomy, trimmed);
      g_autofree char *place = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "postcode") != NULL)
        g_object_set (record, "postcode", trimmed[0] != '\0' ? trimmed : NULL, NULL);
      if (trimmed[0] == '\0')
        return TRUE;
      /* A place given by its own column wins over the postcode's. */
      g_object_get (record, "local-authority", &place, NULL);
      if (authority != NULL && (place == NULL || place[0] == '\0'))
        g_object_set (record, "local-authority", authority, NULL);
      /* An unknown postcode leaves the place unknown rather than fail
       * the row: a firm outside the table is still worth importing. */
      if (authority == NULL && note != NULL)
        *note = g_strdup_printf (ic_postcode_is_valid (trimmed)
                                 ? _("“%s” is not a postcode of a known local authority; "
                                     "the place is left empty")
                                 : _("“%s” is not a postcode; the place is left empty"),
                                 trimmed);
      return TRUE;
    }

  property = g_strdelimit (g_strdup (target), "_", '-');
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  if (pspec == NULL)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING, _("“%s” is not a field of %s"),
                   target, ic_record_kind_to_string (ic_record_get_kind (record)));
      return FALSE;
    }

  if (G_TYPE_IS_ENUM (pspec->value_type))
    return apply_enum (record, pspec, trimmed, error);
  if (pspec->value_type == G_TYPE_INT || pspec->value_type == G_TYPE_INT64)
    return apply_number (record, pspec, trimmed, note, error);
  if (g_str_equal (target, "tags"))
    {
      apply_strv (record, property, trimmed, ",;");
      return TRUE;
    }
  if (pspec->value_type == G_TYPE_STRV)
    {
      apply_strv (record, property, trimmed, ";\n");
      return TRUE;
    }
  if (pspec->value_type != G_TYPE_STRING)
    return fail (error, _("cannot be set from a spreadsheet (%s)"), target);

  if (g_str_equal (target, "cluster") && trimmed[0] != '\0')
    {
      const char *id = ic_import_terms_find_cluster (taxonomy, trimmed);

      g_object_set (record, property, id, NULL);
      return id != NULL || taxonomy == NULL ||
             unmatched (error, FALSE, trimmed);
    }
  if (g_str_equal (target, "local_authority") && trimmed[0] != '\0')
    {
      const char *id = ic_import_terms_find_place (taxonomy, trimmed);

      g_object_set (record, property, id, NULL);
      return id != NULL || taxonomy == NULL ||
             unmatched (error, TRUE, trimmed);
    }
  if (g_str_equal (target, "deadline"))
    {
      g_autofree char *date = ic_import_value_parse_date (trimmed);

      g_object_set (record, property, date[0] != '\0' ? date : NULL, NULL);
      return TRUE;
    }
  if (g_str_equal (target, "website"))
    {
      g_autofree char *address = web_address (trimmed);

      g_object_set (record, property, address[0] != '\0' ? address : NULL, NULL);
      return TRUE;
    }
  if (g_str_equal (target, "email") && g_ascii_strncasecmp (trimmed, "mailto:", 7) == 0)
    {
      g_object_set (record, property, trimmed + 7, NULL);
      return TRUE;
    }

  g_object_set (record, property, trimmed[0] != '\0' ? trimmed : NULL, NULL);
  return TRUE;
}

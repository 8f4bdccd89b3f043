/* ic-app-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ic-app-format.h"

static const IcKindText *
kind_texts (void)
{
  static IcKindText texts[IC_N_RECORD_KINDS];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      texts[IC_RECORD_KIND_ORGANISATION] = (IcKindText) {
        _("Organisations"), _("Add Organisation"), _("New Organisation"),
        _("Edit Organisation"), _("Delete Organisation"), _("No Organisations Yet"),
        _("Firms, public bodies and universities that bring challenges and capabilities."),
        _("Search organisations…"), "system-users-symbolic",
        C_("record kind", "Organisation"),
      };
      texts[IC_RECORD_KIND_CHALLENGE] = (IcKindText) {
        _("Challenges"), _("Add Challenge"), _("New Challenge"),
        _("Edit Challenge"), _("Delete Challenge"), _("No Challenges Yet"),
        _("Record what large firms and public bodies need, or load the sample data to look around."),
        _("Search challenges…"), "emoji-flags-symbolic",
        C_("record kind", "Challenge"),
      };
      texts[IC_RECORD_KIND_CAPABILITY] = (IcKindText) {
        _("Capabilities"), _("Add Capability"), _("New Capability"),
        _("Edit Capability"), _("Delete Capability"), _("No Capabilities Yet"),
        _("Record what small firms can do, or load the sample data to look around."),
        _("Search capabilities…"), "applications-engineering-symbolic",
        C_("record kind", "Capability"),
      };
      texts[IC_RECORD_KIND_FORESIGHT] = (IcKindText) {
        _("Foresight"), _("Add Foresight Item"), _("New Foresight Item"),
        _("Edit Foresight Item"), _("Delete Foresight Item"), _("No Foresight Items Yet"),
        _("Signals of demand and technology drivers from the foresight feed."),
        _("Search foresight…"), "find-location-symbolic",
        C_("record kind", "Foresight Item"),
      };
      texts[IC_RECORD_KIND_SHORTLIST] = (IcKindText) {
        _("Shortlists"), _("Add Shortlist"), _("New Shortlist"),
        _("Edit Shortlist"), _("Delete Shortlist"), _("No Shortlists Yet"),
        _("Capabilities chosen for a challenge appear here, ready to take to a meeting."),
        _("Search shortlists…"), "view-list-bullet-symbolic",
        C_("record kind", "Shortlist"),
      };
      g_once_init_leave (&initialised, 1);
    }
  return texts;
}

const IcKindText *
ic_kind_text (IcRecordKind kind)
{
  g_return_val_if_fail (kind < IC_N_RECORD_KINDS, NULL);
  return &kind_texts ()[kind];
}

char *
ic_format_number (guint64 n)
{
  const struct lconv *conv = localeconv ();
  /* The locale's separator; the C locale has none, and English "," is
   * what the window's other words are in then. */
  const char *separator = conv != NULL && conv->thousands_sep != NULL && conv->thousands_sep[0] != '\0'
                          ? conv->thousands_sep : ",";
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  gsize length = strlen (digits);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
ic_format_record_count (IcRecordKind kind,
                        guint        n)
{
  g_autofree char *number = ic_format_number (n);

  switch (kind)
    {
    case IC_RECORD_KIND_ORGANISATION:
      /* Translators: %s is a number with thousands separators */
      return g_strdup_printf (ngettext ("%s organisation", "%s organisations", n), number);
    case IC_RECORD_KIND_CHALLENGE:
      return g_strdup_printf (ngettext ("%s challenge", "%s challenges", n), number);
    case IC_RECORD_KIND_CAPABILITY:
      return g_strdup_printf (ngettext ("%s capability", "%s capabilities", n), number);
    case IC_RECORD_KIND_FORESIGHT:
      return g_strdup_printf (ngettext ("%s foresight item", "%s foresight items", n), number);
    case IC_RECORD_KIND_SHORTLIST:
    default:
      return g_strdup_printf (ngettext ("%s shortlist", "%s shortlists", n), number);
    }
}

const char *
ic_format_challenge_status (IcChallengeStatus status)
{
  switch (status)
    {
    case IC_CHALLENGE_STATUS_OPEN: return _("Open");
    case IC_CHALLENGE_STATUS_PAUSED: return _("Paused");
    case IC_CHALLENGE_STATUS_MATCHED: return _("Matched");
    case IC_CHALLENGE_STATUS_CLOSED: return _("Closed");
    default: return "";
    }
}

const char *
ic_format_organisation_kind (IcOrganisationKind kind)
{
  switch (kind)
    {
    case IC_ORGANISATION_KIND_SME: return _("SME");
    case IC_ORGANISATION_KIND_LARGE_FIRM: return _("Large firm");
    case IC_ORGANISATION_KIND_PUBLIC_BODY: return _("Public body");
    case IC_ORGANISATION_KIND_UNIVERSITY: return _("University");
    case IC_ORGANISATION_KIND_OTHER: return _("Other");
    default: return "";
    }
}

char *
ic_format_trl_range (int trl_min,
                     int trl_max)
{
  if (trl_min <= 0 && trl_max <= 0)
    return g_strdup ("—");
  if (trl_max <= 0 || trl_min == trl_max)
    return g_strdup_printf ("%d", trl_min);
  if (trl_min <= 0)
    return g_strdup_printf ("%d", trl_max);
  return g_strdup_printf ("%d–%d", trl_min, trl_max);
}

char *
ic_format_money (gint64 pounds)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, pounds < 0 ? -pounds : pounds);
  GString *out = g_string_new (pounds < 0 ? "−£" : "£");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
ic_format_countdown (int seconds)
{
  seconds = MAX (seconds, 0);
  if (seconds < 3600)
    return g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);
  /* Translators: hours and minutes of a countdown, "2 h 05 min" */
  return g_strdup_printf (_("%d h %02d min"), seconds / 3600, seconds / 60 % 60);
}

char *
ic_format_date (const char *rfc3339)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (rfc3339 == NULL || rfc3339[0] == '\0')
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (rfc3339, NULL);
  if (utc == NULL)
    return g_strdup (rfc3339);
  local = g_date_time_to_local (utc);
  /* Translators: a short date, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y"));
}

char *
ic_format_field_error (const char *message,
                       const char *field,
                       const char *field_title)
{
  g_autofree char *prefix = field != NULL ? g_strconcat (field, ": ", NULL) : NULL;
  const char *rest = message;
  gunichar first;

  if (prefix != NULL && g_str_has_prefix (message, prefix))
    rest = message + strlen (prefix);
  if (rest[0] == '\0')
    return g_strdup (message);

  /* "must not be empty" reads as a sentence once the field leads it;
   * a message that names its subject just gets a capital. */
  if (field_title != NULL &&
      (g_str_has_prefix (rest, "must ") || g_str_has_prefix (rest, "is ") ||
       g_str_has_prefix (rest, "has ")))
    return g_strdup_printf ("%s %s", field_title, rest);
  if (field_title != NULL && g_str_has_prefix (rest, "“"))
    return g_strdup_printf ("%s: %s", field_title, rest);

  first = g_utf8_get_char (rest);
  {
    char capital[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_totitle (first), capital);
    return g_strconcat (capital, g_utf8_next_char (rest), NULL);
  }
}

char *
ic_format_file_name (const char *name)
{
  g_autoptr(GString) clean = g_string_new (NULL);

  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_INITIAL_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION ||
          c == '"' || c == '\'' || c == 0x201A || c == 0x201E)
        continue;
      if (c < 0x80 && strchr ("/\\:*?<>|", (int) c) != NULL)
        c = '-';
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          if (clean->len > 0 && clean->str[clean->len - 1] != ' ')
            g_string_append_c (clean, ' ');
          continue;
        }
      g_string_append_unichar (clean, c);
    }
  while (clean->len > 0 && clean->str[clean->len - 1] == ' ')
    g_string_truncate (clean, clean->len - 1);
  while (clean->len > 0 && (clean->str[0] == ' ' || clean->str[0] == '.'))
    g_string_erase (clean, 0, 1);
  if (clean->len == 0)
    g_string_append (clean, _("Shortlist"));
  return g_string_free (g_steal_pointer (&clean), FALSE);
}

/* ic-agenda-ics.c — an agenda as an iCalendar file (RFC 5545)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
 * character (RFC 5545 § 3.1); text values escape backslash, semicolon,
 * comma and newline (§ 3.3.11).  Times are local to Europe/London, whose
 * rules the file carries in a VTIMEZONE.  A meeting's UID comes from the
 * event and its two organisations, so exporting again after a
 * re-schedule updates the entry rather than adding one.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ic-agenda-private.h"

#define MAX_LINE_OCTETS 75

static const char vtimezone[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:Europe/London\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZOFFSETFROM:+0000\r\n"
  "TZOFFSETTO:+0100\r\n"
  "TZNAME:BST\r\n"
  "DTSTART:19810329T010000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
  "END:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0000\r\n"
  "TZNAME:GMT\r\n"
  "DTSTART:19961027T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

/* Appends "NAME:VALUE" folded, with CRLF. */
static void
add_line (GString    *out,
          const char *name,
          const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  const char *p = line;
  gsize room = MAX_LINE_OCTETS;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);

      if ((gsize) (next - p) > room)
        {
          /* A continuation line starts with a space, which counts. */
          g_string_append (out, "\r\n ");
          room = MAX_LINE_OCTETS - 1;
        }
      g_string_append_len (out, p, next - p);
      room -= next - p;
      p = next;
    }
  g_string_append (out, "\r\n");
}

/* A TEXT value, escaped. */
static char *
escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case ';': g_string_append (out, "\\;"); break;
      case ',': g_string_append (out, "\\,"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': break;
      default: g_string_append_c (out, *p); break;
      }
  return g_string_free (out, FALSE);
}

static void
add_text (GString    *out,
          const char *name,
          const char *text)
{
  g_autofree char *escaped = escape_text (text);

  add_line (out, name, escaped);
}

/* "2026-03-03" and "09:20" → "20260303T092000", plus @days. */
static char *
local_time (const char *date,
            const char *time,
            int         days)
{
  int y, mo, d, h, mi;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) later = NULL;

  if (date == NULL || time == NULL ||
      sscanf (date, "%4d-%2d-%2d", &y, &mo, &d) != 3 || sscanf (time, "%2d:%2d", &h, &mi) != 2)
    return NULL;
  at = g_date_time_new_utc (y, mo, d, h, mi, 0);
  if (at == NULL)
    return NULL;
  later = g_date_time_add_days (at, days);
  return g_date_time_format (later, "%Y%m%dT%H%M%S");
}

static void
add_meeting (IcAgenda              *self,
             GString               *out,
             const IcAgendaMeeting *m,
             guint                  p,
             const char            *stamp)
{
  const IcAgendaSlot *slot = &g_array_index (self->slots, IcAgendaSlot, m->slot);
  const IcAgendaParticipant *c = &g_array_index (self->participants, IcAgendaParticipant,
                                                 m->challenge_owner);
  const IcAgendaParticipant *k = &g_array_index (self->participants, IcAgendaParticipant,
                                                 m->capability_owner);
  const IcAgendaParticipant *other = p == m->challenge_owner ? k : c;
  const char *contact = p == m->challenge_owner ? m->capability_contact : m->challenge_contact;
  g_autofree char *start = local_time (self->date, slot->start, 0);
  g_autofree char *end = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *location = NULL;
  g_autoptr(GString) about = g_string_new (NULL);

  if (start == NULL)
    return;
  end = local_time (self->date, slot->end, 0);
  /* A slot that ends past midnight ends the next day. */
  if (end == NULL || strcmp (end, start) < 0)
    {
      g_free (end);
      end = local_time (self->date, slot->end, 1);
    }

  uid = g_strdup_printf ("%s-%s-%s@interchange", self->event_id ? self->event_id : "event",
                         c->id, k->id);
  if (p == G_MAXUINT)
    /* Translators: a calendar entry of the whole event: "Acme meets Widgets Ltd, table 3" */
    summary = g_strdup_printf (_("%s meets %s, table %u"), c->name, k->name, m->table + 1);
  else
    /* Translators: a participant's calendar entry: "Meeting with Widgets Ltd, table 3" */
    summary = g_strdup_printf (_("Meeting with %s, table %u"), other->name, m->table + 1);
  location = self->venue != NULL ? g_strdup_printf (_("%s, table %u"), self->venue, m->table + 1)
                                 : g_strdup_printf (_("Table %u"), m->table + 1);
  if (m->challenge_title != NULL)
    g_string_append_printf (about, _("Challenge: %s\n"), m->challenge_title);
  if (m->capability_title != NULL)
    g_string_append_printf (about, _("Capability: %s\n"), m->capability_title);
  if (p != G_MAXUINT && contact != NULL && *contact != '\0')
    g_string_append_printf (about, _("You meet: %s, %s\n"), contact, other->name);
  /* Translators: "Match 47%", as the app shows a match */
  g_string_append_printf (about, _("Match %.0f%%"), 100.0 * m->score);

  add_line (out, "BEGIN", "VEVENT");
  add_text (out, "UID", uid);
  add_line (out, "DTSTAMP", stamp);
  add_line (out, "DTSTART;TZID=Europe/London", start);
  if (end != NULL)
    add_line (out, "DTEND;TZID=Europe/London", end);
  add_text (out, "SUMMARY", summary);
  add_text (out, "LOCATION", location);
  add_text (out, "DESCRIPTION", about->str);
  add_line (out, "END", "VEVENT");
}

gboolean
ic_agenda_write_ics (IcAgenda       *self,
                     GOutputStream  *stream,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *name = NULL;

  g_return_val_if_fail (IC_IS_AGENDA (self), FALSE);

  if (self->selected != G_MAXUINT)
    name = g_strdup_printf (_("%s: agenda for %s"), self->title,
                            g_array_index (self->participants, IcAgendaParticipant, self->selected).name);
  else
    name = g_strdup (self->title);

  add_line (out, "BEGIN", "VCALENDAR");
  add_line (out, "VERSION", "2.0");
  add_line (out, "PRODID", "-//Interchange//Workshop agenda//EN");
  add_line (out, "CALSCALE", "GREGORIAN");
  add_line (out, "METHOD", "PUBLISH");
  add_text (out, "X-WR-CALNAME", name);
  add_line (out, "X-WR-TIMEZONE", "Europe/London");
  g_string_append (out, vtimezone);

  for (guint i = 0; i < self->meetings->len; i++)
    {
      const IcAgendaMeeting *m = &g_array_index (self->meetings, IcAgendaMeeting, i);

      if (self->selected != G_MAXUINT && m->challenge_owner != self->selected &&
          m->capability_owner != self->selected)
        continue;
      add_meeting (self, out, m, self->selected, stamp);
    }
  add_line (out, "END", "VCALENDAR");

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}

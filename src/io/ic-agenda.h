/* ic-agenda.h — each participant's meetings at a workshop, on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain data filled by the caller (the CLI, or the app's Workshop page)
 * from an event and its schedule: the slots, the participants in the
 * order their pages come, and the meetings.  Written as CSV (one row
 * per participant and meeting) or as an A4 PDF with one page per
 * participant, or as an iCalendar file.  Tables are numbered from 1, as
 * on the room plan; match scores are shown as percentages, as the app
 * shows them.
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  guint       slot;              /* index into the slots added */
  guint       table;             /* from 0 */
  guint       challenge_owner;   /* index into the participants added */
  guint       capability_owner;
  const char *challenge_id;      /* the challenge and capability that */
  const char *challenge_title;   /* match best; any may be NULL */
  const char *capability_id;
  const char *capability_title;
  const char *challenge_contact;  /* the people who meet; may be NULL */
  const char *capability_contact;
  double      score;
} IcAgendaMeeting;

#define IC_TYPE_AGENDA (ic_agenda_get_type ())

G_DECLARE_FINAL_TYPE (IcAgenda, ic_agenda, IC, AGENDA, GObject)

/* Returns: (transfer full): an empty agenda for the event @title on @date */
IcAgenda *ic_agenda_new             (const char            *title,
                                     const char            *date);
/* Where the event takes place (may be NULL), printed on each page and
 * the LOCATION of each calendar entry. */
void      ic_agenda_set_venue       (IcAgenda              *self,
                                     const char            *venue);
/* The event's id: calendar entries' UIDs are made from it, so that a
 * calendar updates its entries when the agenda is exported again. */
void      ic_agenda_set_event_id    (IcAgenda              *self,
                                     const char            *event_id);
/* Keeps only the agenda of @organisation_id (NULL: everyone's again).
 * FALSE if no participant has that id. */
gboolean  ic_agenda_select_participant (IcAgenda           *self,
                                        const char         *organisation_id);
/* Adds the next slot, "HH:MM" to "HH:MM". */
void      ic_agenda_add_slot        (IcAgenda              *self,
                                     const char            *start,
                                     const char            *end);
/* Adds the next participant; @role says what it brings, for people
 * ("Challenge owner"). */
void      ic_agenda_add_participant (IcAgenda              *self,
                                     const char            *organisation_id,
                                     const char            *name,
                                     const char            *role);
/* Adds a meeting; its strings are copied. */
void      ic_agenda_add_meeting     (IcAgenda              *self,
                                     const IcAgendaMeeting *meeting);

/* One row per participant and meeting, in page order then time:
 * organisation_id, organisation, start, end, table, with_organisation_id,
 * with_organisation, challenge_id, challenge, capability_id, capability,
 * score.  @stream is not closed. */
gboolean  ic_agenda_write_csv       (IcAgenda              *self,
                                     GOutputStream         *stream,
                                     GCancellable          *cancellable,
                                     GError               **error);
/* The PDF, one A4 page per participant, to @stream (not closed). */
gboolean  ic_agenda_write_pdf       (IcAgenda              *self,
                                     GOutputStream         *stream,
                                     GCancellable          *cancellable,
                                     GError               **error);
/* An iCalendar file (RFC 5545) with an entry per meeting, times in
 * Europe/London: every meeting of the event once, or with a participant
 * selected, that participant's meetings.  @stream is not closed. */
gboolean  ic_agenda_write_ics       (IcAgenda              *self,
                                     GOutputStream         *stream,
                                     GCancellable          *cancellable,
                                     GError               **error);
/* Writes @file in @format ("csv", "pdf" or "ics"), replacing it only
 * once complete. */
gboolean  ic_agenda_write_file      (IcAgenda              *self,
                                     const char            *format,
                                     GFile                 *file,
                                     GCancellable          *cancellable,
                                     GError               **error);

/* ic_agenda_write_file() on a worker thread; @self must not change
 * until @callback runs. */
void      ic_agenda_write_file_async  (IcAgenda            *self,
                                       const char          *format,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  ic_agenda_write_file_finish (IcAgenda            *self,
                                       GAsyncResult        *result,
                                       GError             **error);

/* One page per participant (one when a participant is selected). */
guint     ic_agenda_get_n_pages     (IcAgenda              *self);
/* Draws page @page on @cr, whose user space is @width × @height points:
 * for the PDF, and for printing from the app. */
void      ic_agenda_draw_page       (IcAgenda              *self,
                                     cairo_t               *cr,
                                     guint                  page,
                                     double                 width,
                                     double                 height);

G_END_DECLS

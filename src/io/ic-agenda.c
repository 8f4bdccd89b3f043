/* ic-agenda.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ic-agenda-private.h"
#include "ic-csv-writer.h"
#include "ic-export-private.h"
#include "ic-io-error.h"

#define A4_WIDTH   595.276   /* points */
#define A4_HEIGHT  841.890
#define MARGIN     50.0
#define FONT       "Sans"

G_DEFINE_FINAL_TYPE (IcAgenda, ic_agenda, G_TYPE_OBJECT)

static void
clear_slot (gpointer data)
{
  IcAgendaSlot *slot = data;

  g_free (slot->start);
  g_free (slot->end);
}

static void
clear_participant (gpointer data)
{
  IcAgendaParticipant *p = data;

  g_free (p->id);
  g_free (p->name);
  g_free (p->role);
}

static void
clear_meeting (gpointer data)
{
  IcAgendaMeeting *m = data;

  g_free ((char *) m->challenge_id);
  g_free ((char *) m->challenge_title);
  g_free ((char *) m->capability_id);
  g_free ((char *) m->capability_title);
  g_free ((char *) m->challenge_contact);
  g_free ((char *) m->capability_contact);
}

static void
ic_agenda_finalize (GObject *object)
{
  IcAgenda *self = IC_AGENDA (object);

  g_free (self->title);
  g_free (self->date);
  g_free (self->venue);
  g_free (self->event_id);
  g_array_unref (self->slots);
  g_array_unref (self->participants);
  g_array_unref (self->meetings);

  G_OBJECT_CLASS (ic_agenda_parent_class)->finalize (object);
}

static void
ic_agenda_class_init (IcAgendaClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_agenda_finalize;
}

static void
ic_agenda_init (IcAgenda *self)
{
  self->selected = G_MAXUINT;
  self->slots = g_array_new (FALSE, FALSE, sizeof (IcAgendaSlot));
  g_array_set_clear_func (self->slots, clear_slot);
  self->participants = g_array_new (FALSE, FALSE, sizeof (IcAgendaParticipant));
  g_array_set_clear_func (self->participants, clear_participant);
  self->meetings = g_array_new (FALSE, FALSE, sizeof (IcAgendaMeeting));
  g_array_set_clear_func (self->meetings, clear_meeting);
}

IcAgenda *
ic_agenda_new (const char *title,
               const char *date)
{
  IcAgenda *self = g_object_new (IC_TYPE_AGENDA, NULL);

  self->title = g_strdup (title);
  self->date = g_strdup (date);
  return self;
}

void
ic_agenda_set_venue (IcAgenda   *self,
                     const char *venue)
{
  g_return_if_fail (IC_IS_AGENDA (self));
  g_free (self->venue);
  self->venue = venue != NULL && *venue != '\0' ? g_strdup (venue) : NULL;
}

void
ic_agenda_set_event_id (IcAgenda   *self,
                        const char *event_id)
{
  g_return_if_fail (IC_IS_AGENDA (self));
  g_free (self->event_id);
  self->event_id = g_strdup (event_id);
}

gboolean
ic_agenda_select_participant (IcAgenda   *self,
                              const char *organisation_id)
{
  g_return_val_if_fail (IC_IS_AGENDA (self), FALSE);

  self->selected = G_MAXUINT;
  if (organisation_id == NULL)
    return TRUE;
  for (guint p = 0; p < self->participants->len; p++)
    if (g_strcmp0 (g_array_index (self->participants, IcAgendaParticipant, p).id, organisation_id) == 0)
      {
        self->selected = p;
        return TRUE;
      }
  return FALSE;
}

void
ic_agenda_add_slot (IcAgenda   *self,
                    const char *start,
                    const char *end)
{
  IcAgendaSlot slot = { g_strdup (start), g_strdup (end) };

  g_return_if_fail (IC_IS_AGENDA (self));
  g_array_append_val (self->slots, slot);
}

void
ic_agenda_add_participant (IcAgenda   *self,
                           const char *organisation_id,
                           const char *name,
                           const char *role)
{
  IcAgendaParticipant p = { g_strdup (organisation_id), g_strdup (name), g_strdup (role) };

  g_return_if_fail (IC_IS_AGENDA (self));
  g_array_append_val (self->participants, p);
}

void
ic_agenda_add_meeting (IcAgenda              *self,
                       const IcAgendaMeeting *meeting)
{
  IcAgendaMeeting copy;

  g_return_if_fail (IC_IS_AGENDA (self));
  g_return_if_fail (meeting->slot < self->slots->len);
  g_return_if_fail (meeting->challenge_owner < self->participants->len);
  g_return_if_fail (meeting->capability_owner < self->participants->len);

  copy = *meeting;
  copy.challenge_id = g_strdup (meeting->challenge_id);
  copy.challenge_title = g_strdup (meeting->challenge_title);
  copy.capability_id = g_strdup (meeting->capability_id);
  copy.capability_title = g_strdup (meeting->capability_title);
  copy.challenge_contact = g_strdup (meeting->challenge_contact);
  copy.capability_contact = g_strdup (meeting->capability_contact);
  g_array_append_val (self->meetings, copy);
}

guint
ic_agenda_get_n_pages (IcAgenda *self)
{
  g_return_val_if_fail (IC_IS_AGENDA (self), 0);
  return self->selected != G_MAXUINT ? 1 : self->participants->len;
}

/* Page @page's participant. */
static guint
page_participant (IcAgenda *self,
                  guint     page)
{
  return self->selected != G_MAXUINT ? self->selected : page;
}

const IcAgendaMeeting *
ic_agenda_find_meeting (IcAgenda *self,
              guint     p,
              guint     slot)
{
  for (guint i = 0; i < self->meetings->len; i++)
    {
      const IcAgendaMeeting *m = &g_array_index (self->meetings, IcAgendaMeeting, i);

      if (m->slot == slot && (m->challenge_owner == p || m->capability_owner == p))
        return m;
    }
  return NULL;
}

static const IcAgendaParticipant *
participant (IcAgenda *self,
             guint     index)
{
  return &g_array_index (self->participants, IcAgendaParticipant, index);
}

gboolean
ic_agenda_write_csv (IcAgenda       *self,
                     GOutputStream  *stream,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(IcCsvWriter) csv = ic_csv_writer_new (stream, IC_CSV_WRITER_NONE);
  const char * const header[] = {
    "organisation_id", "organisation", "start", "end", "table", "with_organisation_id",
    "with_organisation", "challenge_id", "challenge", "capability_id", "capability", "score",
    "with_contact", NULL
  };

  g_return_val_if_fail (IC_IS_AGENDA (self), FALSE);

  if (!ic_csv_writer_write_row (csv, header, cancellable, error))
    return FALSE;
  for (guint p = 0; p < self->participants->len; p++)
    for (guint s = 0; s < self->slots->len; s++)
      {
        const IcAgendaMeeting *m = ic_agenda_find_meeting (self, p, s);

        if (self->selected != G_MAXUINT && p != self->selected)
          continue;
        const IcAgendaParticipant *other;
        const IcAgendaSlot *slot = &g_array_index (self->slots, IcAgendaSlot, s);

        if (m == NULL)
          continue;
        other = participant (self, m->challenge_owner == p ? m->capability_owner : m->challenge_owner);
        ic_csv_writer_add_raw (csv, participant (self, p)->id);
        ic_csv_writer_add_text (csv, participant (self, p)->name);
        ic_csv_writer_add_raw (csv, slot->start);
        ic_csv_writer_add_raw (csv, slot->end);
        ic_csv_writer_add_int (csv, m->table + 1);
        ic_csv_writer_add_raw (csv, other->id);
        ic_csv_writer_add_text (csv, other->name);
        ic_csv_writer_add_raw (csv, m->challenge_id);
        ic_csv_writer_add_text (csv, m->challenge_title);
        ic_csv_writer_add_raw (csv, m->capability_id);
        ic_csv_writer_add_text (csv, m->capability_title);
        ic_csv_writer_add_double (csv, m->score, 4);
        ic_csv_writer_add_text (csv, m->challenge_owner == p ? m->capability_contact
                                                             : m->challenge_contact);
        if (!ic_csv_writer_end_row (csv, cancellable, error))
          return FALSE;
      }
  return ic_csv_writer_flush (csv, cancellable, error);
}

/* Draws @text at (@x, @y) in @width points; returns its height. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           const char *font,
           double      x,
           double      y,
           double      width)
{
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *description = pango_font_description_from_string (font);
  int text_height;

  /* User space is in points: a 10 pt font is 10 units high. */
  pango_cairo_context_set_resolution (context, 72.0);
  layout = pango_layout_new (context);
  g_object_unref (context);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &text_height);
  return (double) text_height / PANGO_SCALE;
}

static char *
describe_meeting (const IcAgendaMeeting *m,
                  gboolean               brings_challenge)
{
  const char *challenge = m->challenge_title ? m->challenge_title : _("(no challenge matched)");
  const char *capability = m->capability_title ? m->capability_title : _("(no capability matched)");

  /* Translators: "Match 47%", as the app shows a match */
  if (brings_challenge)
    return g_strdup_printf (_("Your challenge: %s\nTheir capability: %s\nMatch %.0f%%"),
                            challenge, capability, 100.0 * m->score);
  return g_strdup_printf (_("Their challenge: %s\nYour capability: %s\nMatch %.0f%%"),
                          challenge, capability, 100.0 * m->score);
}

static void
draw_rows (IcAgenda *self,
           cairo_t  *cr,
           guint     page,
           double    y,
           double    width,
           double    height)
{
  const double columns[] = { MARGIN, MARGIN + 85, MARGIN + 130, MARGIN + 280 };
  const double right = width - MARGIN;
  const char *headings[] = { _("Time"), _("Table"), _("Meeting with"), _("About") };

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    draw_text (cr, headings[c], FONT " Bold 11", columns[c], y,
               (c + 1 < G_N_ELEMENTS (columns) ? columns[c + 1] : right) - columns[c] - 6);
  y += 18;

  for (guint s = 0; s < self->slots->len; s++)
    {
      const IcAgendaSlot *slot = &g_array_index (self->slots, IcAgendaSlot, s);
      const IcAgendaMeeting *m = ic_agenda_find_meeting (self, page, s);
      g_autofree char *time = g_strdup_printf ("%s–%s", slot->start, slot->end);
      g_autofree char *table = m ? g_strdup_printf ("%u", m->table + 1) : g_strdup ("");
      g_autofree char *about = m ? describe_meeting (m, m->challenge_owner == page) : NULL;
      const char *contact = m ? (m->challenge_owner == page ? m->capability_contact
                                                            : m->challenge_contact) : NULL;
      const char *org = m ? participant (self, m->challenge_owner == page ? m->capability_owner
                                                                          : m->challenge_owner)->name
                          : NULL;
      g_autofree char *with = m == NULL ? g_strdup (_("Free"))
                              : contact != NULL && *contact != '\0' ? g_strdup_printf ("%s\n%s", org, contact)
                              : g_strdup (org);
      double row = 0;

      if (y > height - MARGIN - 40)
        {
          draw_text (cr, _("(more slots than fit on one page)"), FONT " Italic 9", MARGIN, y,
                     right - MARGIN);
          break;
        }
      cairo_move_to (cr, MARGIN, y - 3);
      cairo_line_to (cr, right, y - 3);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      row = MAX (row, draw_text (cr, time, FONT " 10", columns[0], y, columns[1] - columns[0] - 6));
      row = MAX (row, draw_text (cr, table, FONT " Bold 10", columns[1], y, columns[2] - columns[1] - 6));
      row = MAX (row, draw_text (cr, with, m ? FONT " Bold 10" : FONT " Italic 10",
                                 columns[2], y, columns[3] - columns[2] - 6));
      if (about != NULL)
        row = MAX (row, draw_text (cr, about, FONT " 9", columns[3], y, right - columns[3]));
      y += row + 8;
    }
}

void
ic_agenda_draw_page (IcAgenda *self,
                     cairo_t  *cr,
                     guint     page,
                     double    width,
                     double    height)
{
  const IcAgendaParticipant *p;
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;
  double y = MARGIN;

  g_return_if_fail (IC_IS_AGENDA (self));
  g_return_if_fail (page < ic_agenda_get_n_pages (self));

  page = page_participant (self, page);
  p = participant (self, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += draw_text (cr, self->title, FONT " Bold 22", MARGIN, y, width - 2 * MARGIN) + 4;
  y += draw_text (cr, self->date, FONT " 13", MARGIN, y, width - 2 * MARGIN) + 2;
  if (self->venue != NULL)
    y += draw_text (cr, self->venue, FONT " 13", MARGIN, y, width - 2 * MARGIN);
  y += 12;
  subtitle = g_strdup_printf (_("Agenda for %s"), p->name ? p->name : p->id);
  y += draw_text (cr, subtitle, FONT " Bold 17", MARGIN, y, width - 2 * MARGIN) + 2;
  if (p->role != NULL)
    y += draw_text (cr, p->role, FONT " Italic 12", MARGIN, y, width - 2 * MARGIN);
  y += 16;

  draw_rows (self, cr, page, y, width, height);

  footer = self->selected != G_MAXUINT ? NULL
           : g_strdup_printf (_("Page %u of %u"), page + 1, self->participants->len);
  if (footer != NULL)
    draw_text (cr, footer, FONT " 8", MARGIN, height - MARGIN + 10, width - 2 * MARGIN);
  cairo_restore (cr);
}

gboolean
ic_agenda_write_pdf (IcAgenda       *self,
                     GOutputStream  *stream,
                     GCancellable   *cancellable,
                     GError        **error)
{
  cairo_t *cr;

  g_return_val_if_fail (IC_IS_AGENDA (self), FALSE);

  cr = ic_export_pdf_begin (stream, self->title, A4_WIDTH, A4_HEIGHT);
  for (guint page = 0; page < ic_agenda_get_n_pages (self); page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      ic_agenda_draw_page (self, cr, page, A4_WIDTH, A4_HEIGHT);
      cairo_show_page (cr);
    }
  return ic_export_pdf_finish (cr, cancellable, error);
}

gboolean
ic_agenda_write_file (IcAgenda      *self,
                      const char    *format,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  gboolean ok;

  g_return_val_if_fail (IC_IS_AGENDA (self), FALSE);

  if (g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "pdf") != 0 &&
      g_strcmp0 (format, "ics") != 0)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_FORMAT,
                   _("An agenda is written as csv, pdf or ics, not “%s”"), format);
      return FALSE;
    }
  stream = ic_export_replace_stream (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (g_str_equal (format, "csv"))
    ok = ic_agenda_write_csv (self, stream, cancellable, error);
  else if (g_str_equal (format, "ics"))
    ok = ic_agenda_write_ics (self, stream, cancellable, error);
  else
    ok = ic_agenda_write_pdf (self, stream, cancellable, error);
  if (!ok)
    {
      ic_export_abandon_stream (stream);
      return FALSE;
    }
  return ic_export_commit_stream (stream, cancellable, error);
}

static void
write_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");

  if (ic_agenda_write_file (IC_AGENDA (source_object), task_data, file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ic_agenda_write_file_async (IcAgenda            *self,
                            const char          *format,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (IC_IS_AGENDA (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_agenda_write_file_async);
  g_task_set_task_data (task, g_strdup (format), g_free);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, write_file_thread);
}

gboolean
ic_agenda_write_file_finish (IcAgenda      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

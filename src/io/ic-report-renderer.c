/* ic-report-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ic-export-private.h"
#include "ic-model-enums.h"
#include "ic-report-renderer.h"

#define MARGIN       48.0
#define FOOTER       28.0
#define GAP          14.0
#define BAR_WIDTH   180.0
#define BAR_HEIGHT    9.0
#define FONT        "Sans"
/* Long texts are cut in print; the XLSX and JSON exports keep them whole. */
#define MAX_PRINT_CHARS 1500

/* One colour per criterion, in criterion order, for the score bars. */
static const double palette[IC_MATCH_N_CRITERIA][3] = {
  { 0.21, 0.52, 0.89 }, { 0.20, 0.82, 0.48 }, { 0.96, 0.76, 0.07 }, { 0.75, 0.38, 0.85 },
  { 0.90, 0.38, 0.00 }, { 0.60, 0.76, 0.95 }, { 0.88, 0.11, 0.14 },
};

typedef enum
{
  PIECE_TEXT,
  PIECE_BAR,
} PieceKind;

/* Something drawn at an offset inside its block. */
typedef struct
{
  PieceKind    kind;
  double       x, y;
  PangoLayout *layout;                           /* PIECE_TEXT */
  double       score;                            /* PIECE_BAR */
  double       contributions[IC_MATCH_N_CRITERIA];
  gboolean     split;
} Piece;

/* A unit that is never split across pages. */
typedef struct
{
  GArray *pieces;   /* of Piece */
  double  height;
  guint   page;
  double  y;
} Block;

struct _IcReportRenderer
{
  GObject            parent_instance;

  IcShortlistReport *report;
  PangoContext      *context;
  GPtrArray         *blocks;   /* of Block */
  double             width;
  double             height;
  guint              n_pages;
};

G_DEFINE_FINAL_TYPE (IcReportRenderer, ic_report_renderer, G_TYPE_OBJECT)

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_clear_object (&piece->layout);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_array_unref (block->pieces);
  g_free (block);
}

static void
ic_report_renderer_finalize (GObject *object)
{
  IcReportRenderer *self = IC_REPORT_RENDERER (object);

  g_clear_object (&self->report);
  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (ic_report_renderer_parent_class)->finalize (object);
}

static void
ic_report_renderer_class_init (IcReportRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_report_renderer_finalize;
}

static void
ic_report_renderer_init (IcReportRenderer *self)
{
}

IcReportRenderer *
ic_report_renderer_new (IcShortlistReport *report)
{
  IcReportRenderer *self;

  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (report), NULL);

  self = g_object_new (IC_TYPE_REPORT_RENDERER, NULL);
  self->report = g_object_ref (report);
  return self;
}

static Block *
block_new (IcReportRenderer *self)
{
  Block *block = g_new0 (Block, 1);

  block->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (block->pieces, piece_clear);
  g_ptr_array_add (self->blocks, block);
  return block;
}

/* Text cut to what fits in print, on a character boundary. */
static char *
print_text (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= MAX_PRINT_CHARS)
    return g_strdup (text);
  {
    g_autofree char *cut = g_utf8_substring (text, 0, MAX_PRINT_CHARS);
    return g_strconcat (cut, "…", NULL);
  }
}

/* Adds a paragraph of @text at the block's bottom, @indent in from the
 * margin; @markup says whether @text is Pango markup. */
static double
add_text (IcReportRenderer *self,
          Block            *block,
          const char       *text,
          const char       *font,
          gboolean          markup,
          double            indent,
          double            width)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  Piece piece = { PIECE_TEXT, indent, block->height };
  int layout_height;

  piece.layout = pango_layout_new (self->context);
  pango_layout_set_font_description (piece.layout, description);
  pango_layout_set_width (piece.layout, pango_units_from_double (width));
  pango_layout_set_wrap (piece.layout, PANGO_WRAP_WORD_CHAR);
  if (markup)
    pango_layout_set_markup (piece.layout, text, -1);
  else
    pango_layout_set_text (piece.layout, text, -1);
  pango_layout_get_size (piece.layout, NULL, &layout_height);

  g_array_append_val (block->pieces, piece);
  block->height += pango_units_to_double (layout_height);
  return pango_units_to_double (layout_height);
}

static void
add_space (Block  *block,
           double  space)
{
  block->height += space;
}

static void
build_title (IcReportRenderer *self,
             double            width)
{
  IcShortlist *shortlist = ic_shortlist_report_get_shortlist (self->report);
  IcChallenge *challenge = ic_shortlist_report_get_challenge (self->report);
  IcOrganisation *organisation = ic_shortlist_report_get_challenge_organisation (self->report);
  Block *block = block_new (self);
  g_autofree char *subtitle = NULL;

  add_text (self, block, ic_shortlist_get_name (shortlist), FONT " Bold 18", FALSE, 0, width);
  add_space (block, 4);
  if (organisation != NULL)
    subtitle = g_strdup_printf (_("For the challenge “%s” of %s · %s"),
                                challenge ? ic_challenge_get_title (challenge) : _("(deleted)"),
                                ic_organisation_get_name (organisation),
                                ic_shortlist_report_get_date (self->report));
  else
    subtitle = g_strdup_printf (_("For the challenge “%s” · %s"),
                                challenge ? ic_challenge_get_title (challenge) : _("(deleted)"),
                                ic_shortlist_report_get_date (self->report));
  add_text (self, block, subtitle, FONT " 10", FALSE, 0, width);
}

static void
build_brief (IcReportRenderer *self,
             double            width)
{
  IcChallenge *challenge = ic_shortlist_report_get_challenge (self->report);
  IcTaxonomy *taxonomy = ic_shortlist_report_get_taxonomy (self->report);
  g_autofree char *description = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *budget_min = NULL;
  g_autofree char *budget_max = NULL;
  const char *cluster, *place;
  Block *block;

  if (challenge == NULL)
    return;

  block = block_new (self);
  add_text (self, block, _("The challenge in brief"), FONT " Bold 12", FALSE, 0, width);
  add_space (block, 4);
  description = print_text (ic_challenge_get_description (challenge));
  if (description[0] != '\0')
    {
      add_text (self, block, description, FONT " 10", FALSE, 0, width);
      add_space (block, 4);
    }

  cluster = ic_challenge_get_cluster (challenge);
  if (taxonomy != NULL && cluster != NULL && ic_taxonomy_get_cluster_name (taxonomy, cluster))
    cluster = ic_taxonomy_get_cluster_name (taxonomy, cluster);
  place = ic_challenge_get_local_authority (challenge);
  if (taxonomy != NULL && place != NULL && ic_taxonomy_get_place_name (taxonomy, place))
    place = ic_taxonomy_get_place_name (taxonomy, place);
  tags = g_strjoinv (", ", (char **) ic_challenge_get_tags (challenge));
  budget_min = ic_shortlist_report_format_money (ic_challenge_get_budget_min (challenge));
  budget_max = ic_shortlist_report_format_money (ic_challenge_get_budget_max (challenge));
  facts = g_strdup_printf (_("Cluster: %s · TRL %d–%d · Budget %s–%s · Deadline: %s · Place: %s\n"
                             "Required tags: %s"),
                           cluster ? cluster : "—",
                           ic_challenge_get_trl_min (challenge), ic_challenge_get_trl_max (challenge),
                           budget_min, budget_max,
                           ic_challenge_get_deadline (challenge) ? ic_challenge_get_deadline (challenge) : "—",
                           place ? place : "—", tags[0] ? tags : "—");
  add_text (self, block, facts, FONT " 9", FALSE, 0, width);
}

static void
build_entry (IcReportRenderer             *self,
             const IcShortlistReportEntry *entry,
             double                        width)
{
  double score = ic_shortlist_entry_get_score (entry->entry);
  Block *block = block_new (self);
  g_autofree char *heading = NULL;
  g_autofree char *score_text = NULL;
  g_autofree char *why = print_text (entry->why);
  g_autofree char *note = print_text (ic_shortlist_entry_get_note (entry->entry));
  g_autoptr(GString) criteria = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  const char *organisation = ic_shortlist_report_entry_organisation (entry);
  const char *contact = ic_shortlist_report_entry_contact (entry);
  const char *website = ic_shortlist_report_entry_website (entry);
  Piece bar = { PIECE_BAR };
  double top;

  heading = g_markup_printf_escaped ("<b>%u. %s</b>%s%s", entry->rank,
                                     ic_shortlist_report_entry_title (entry),
                                     organisation[0] ? " — " : "", organisation);
  add_text (self, block, heading, FONT " 11", TRUE, 0, width);
  add_space (block, 3);

  top = block->height;
  bar.x = 0;
  bar.y = top;
  bar.score = score;
  bar.split = entry->has_criteria;
  memcpy (bar.contributions, entry->contributions, sizeof bar.contributions);
  g_array_append_val (block->pieces, bar);
  score_text = g_strdup_printf ("%.0f%%", score * 100);
  add_text (self, block, score_text, FONT " Bold 9", FALSE, BAR_WIDTH + 8, 60);
  block->height = MAX (block->height, top + BAR_HEIGHT);
  add_space (block, 3);

  for (guint c = 0; c < IC_MATCH_N_CRITERIA && entry->has_criteria; c++)
    {
      g_autofree char *color = NULL;
      g_autofree char *label = NULL;

      if (entry->weights[c] <= 0)
        continue;
      color = g_strdup_printf ("#%02x%02x%02x", (int) (palette[c][0] * 255),
                               (int) (palette[c][1] * 255), (int) (palette[c][2] * 255));
      /* No-break spaces keep a criterion's swatch, name and score on
       * one line. */
      label = g_markup_escape_text (ic_match_criterion_get_label (c), -1);
      g_strdelimit (label, " ", '\x01');
      g_string_append_printf (criteria, "%s<span foreground=\"%s\">■</span>\u00a0%s\u00a0%.0f%%",
                              criteria->len ? "   " : "", color, label, entry->scores[c] * 100);
    }
  /* One layout for the rest of the entry: fewer layouts, faster pages. */
  if (criteria->len > 0)
    {
      g_auto(GStrv) parts = g_strsplit (criteria->str, "\x01", -1);
      g_autofree char *joined = g_strjoinv ("\u00a0", parts);

      g_string_append_printf (details, "<span size=\"8pt\">%s</span>\n", joined);
    }
  if (why[0] != '\0')
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b> %s\n", _("Why:"), why);
      g_string_append (details, markup);
    }

  /* The stage and the note are the team's own: they are printed only
   * when the person exporting asked for them. */
  if (ic_shortlist_report_get_include_stages (self->report))
    g_string_append_printf (details, "<b>%s</b> %s   ", _("Stage:"),
                            ic_stage_get_label (ic_shortlist_entry_get_stage (entry->entry)));
  if (contact[0] != '\0')
    {
      g_autofree char *part = g_markup_printf_escaped ("<b>%s</b> %s   ", _("Contact:"), contact);
      g_string_append (details, part);
    }
  if (website[0] != '\0')
    {
      g_autofree char *part = g_markup_printf_escaped ("%s", website);
      g_string_append (details, part);
    }
  while (details->len > 0 && (details->str[details->len - 1] == ' ' || details->str[details->len - 1] == '\n'))
    g_string_truncate (details, details->len - 1);
  if (note[0] != '\0' && ic_shortlist_report_get_include_notes (self->report))
    {
      g_autofree char *part = g_markup_printf_escaped ("\n<b>%s</b> %s", _("Note:"), note);
      g_string_append (details, part);
    }
  add_space (block, 2);
  add_text (self, block, details->str, FONT " 9", TRUE, 0, width);
}

guint
ic_report_renderer_paginate (IcReportRenderer *self,
                             cairo_t          *cr,
                             double            width,
                             double            height)
{
  double text_width = width - 2 * MARGIN;
  double bottom = height - MARGIN - FOOTER;
  double y = MARGIN;
  guint page = 0;
  guint n;
  Block *block;

  g_return_val_if_fail (IC_IS_REPORT_RENDERER (self), 0);

  g_clear_object (&self->context);
  self->context = pango_cairo_create_context (cr);
  /* Sizes are in points, and so is the user space. */
  pango_cairo_context_set_resolution (self->context, 72.0);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->width = width;
  self->height = height;

  build_title (self, text_width);
  build_brief (self, text_width);

  n = ic_shortlist_report_get_n_entries (self->report);
  block = block_new (self);
  if (n == 0)
    add_text (self, block, _("No capabilities are on this shortlist yet."), FONT " Italic 10",
              FALSE, 0, text_width);
  else
    {
      g_autofree char *heading = g_strdup_printf (ngettext ("Ranked capability", "%u ranked capabilities", n), n);
      add_text (self, block, heading, FONT " Bold 12", FALSE, 0, text_width);
    }
  for (guint i = 0; i < n; i++)
    build_entry (self, ic_shortlist_report_get_entry (self->report, i), text_width);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      block = g_ptr_array_index (self->blocks, i);
      /* A block taller than a page starts a page and runs over its
       * foot; the print limits on text keep that from happening. */
      if (y + block->height > bottom && y > MARGIN)
        {
          page++;
          y = MARGIN;
        }
      block->page = page;
      block->y = y;
      y += block->height + GAP;
    }

  self->n_pages = page + 1;
  return self->n_pages;
}

guint
ic_report_renderer_get_n_pages (IcReportRenderer *self)
{
  g_return_val_if_fail (IC_IS_REPORT_RENDERER (self), 0);
  return self->n_pages;
}

static void
draw_bar (cairo_t     *cr,
          const Piece *piece,
          double       x,
          double       y)
{
  double offset = 0;

  cairo_set_source_rgb (cr, 0.90, 0.90, 0.90);
  cairo_rectangle (cr, x, y, BAR_WIDTH, BAR_HEIGHT);
  cairo_fill (cr);

  if (!piece->split)
    {
      cairo_set_source_rgb (cr, palette[0][0], palette[0][1], palette[0][2]);
      cairo_rectangle (cr, x, y, BAR_WIDTH * CLAMP (piece->score, 0, 1), BAR_HEIGHT);
      cairo_fill (cr);
      return;
    }
  /* The contributions add up to the score: each criterion its share. */
  for (guint c = 0; c < IC_MATCH_N_CRITERIA; c++)
    {
      double w = BAR_WIDTH * CLAMP (piece->contributions[c], 0, 1);

      if (w <= 0 || offset >= BAR_WIDTH)
        continue;
      w = MIN (w, BAR_WIDTH - offset);
      cairo_set_source_rgb (cr, palette[c][0], palette[c][1], palette[c][2]);
      cairo_rectangle (cr, x + offset, y, w, BAR_HEIGHT);
      cairo_fill (cr);
      offset += w;
    }
}

static void
draw_footer (IcReportRenderer *self,
             cairo_t          *cr,
             guint             page)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (FONT " 8");
  g_autofree char *left = g_strdup_printf (_("Interchange · %s"), ic_shortlist_report_get_date (self->report));
  g_autofree char *right = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  double y = self->height - MARGIN - 10;
  int right_width;

  cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, y - 4);
  cairo_line_to (cr, self->width - MARGIN, y - 4);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, left, -1);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, layout);

  pango_layout_set_text (layout, right, -1);
  pango_layout_get_size (layout, &right_width, NULL);
  cairo_move_to (cr, self->width - MARGIN - pango_units_to_double (right_width), y);
  pango_cairo_show_layout (cr, layout);
}

void
ic_report_renderer_draw_page (IcReportRenderer *self,
                              cairo_t          *cr,
                              guint             page)
{
  g_return_if_fail (IC_IS_REPORT_RENDERER (self));
  g_return_if_fail (self->blocks != NULL);

  cairo_save (cr);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (block->page != page)
        continue;
      for (guint p = 0; p < block->pieces->len; p++)
        {
          const Piece *piece = &g_array_index (block->pieces, Piece, p);

          if (piece->kind == PIECE_BAR)
            {
              draw_bar (cr, piece, MARGIN + piece->x, block->y + piece->y);
              continue;
            }
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          cairo_move_to (cr, MARGIN + piece->x, block->y + piece->y);
          pango_cairo_update_layout (cr, piece->layout);
          pango_cairo_show_layout (cr, piece->layout);
        }
    }
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

gboolean
ic_pdf_write_shortlist (IcShortlistReport  *report,
                        GOutputStream      *stream,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autoptr(IcReportRenderer) renderer = ic_report_renderer_new (report);
  cairo_t *cr;
  guint n_pages;

  cr = ic_export_pdf_begin (stream, ic_shortlist_get_name (ic_shortlist_report_get_shortlist (report)),
                            IC_REPORT_A4_WIDTH, IC_REPORT_A4_HEIGHT);

  n_pages = ic_report_renderer_paginate (renderer, cr, IC_REPORT_A4_WIDTH, IC_REPORT_A4_HEIGHT);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      ic_report_renderer_draw_page (renderer, cr, page);
      cairo_show_page (cr);
    }
  return ic_export_pdf_finish (cr, cancellable, error);
}

void
ic_report_renderer_release_fonts (void)
{
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
}

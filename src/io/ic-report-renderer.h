/* ic-report-renderer.h — a shortlist as printed A4 pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays out and draws the report a facilitator hands over: the title,
 * the challenge in brief, then the ranked entries, each with a score
 * bar split by criterion, the criteria, the "why", the stage, the note
 * and the contact; every page has its number and the date.  Text is
 * laid out by pango, so any script it can shape (Welsh, Polish, Urdu,
 * Chinese…) renders, given a font for it.
 *
 * The renderer draws on any cairo_t whose user space is in points: the
 * PDF export gives it a PDF surface, and printing gives it the
 * GtkPrintContext's cairo context (with the operation's unit set to
 * GTK_UNIT_POINTS): call ic_report_renderer_paginate() from
 * "begin-print" and ic_report_renderer_draw_page() from "draw-page".
 */

#pragma once

#include <cairo.h>

#include "ic-shortlist-report.h"

G_BEGIN_DECLS

#define IC_REPORT_A4_WIDTH   595.276   /* points */
#define IC_REPORT_A4_HEIGHT  841.890

#define IC_TYPE_REPORT_RENDERER (ic_report_renderer_get_type ())

G_DECLARE_FINAL_TYPE (IcReportRenderer, ic_report_renderer, IC, REPORT_RENDERER, GObject)

/* Returns: (transfer full): a renderer of @report, which it keeps */
IcReportRenderer *ic_report_renderer_new        (IcShortlistReport *report);

/* Lays the report out on pages of @width × @height points, with the
 * fonts @cr gives; returns how many pages it takes (at least 1). */
guint             ic_report_renderer_paginate   (IcReportRenderer  *self,
                                                 cairo_t           *cr,
                                                 double             width,
                                                 double             height);
guint             ic_report_renderer_get_n_pages (IcReportRenderer *self);

/* Draws page @page (from 0) of the last pagination on @cr. */
void              ic_report_renderer_draw_page  (IcReportRenderer  *self,
                                                 cairo_t           *cr,
                                                 guint              page);

/* Frees the process's font caches (the default pango font map and
 * fontconfig's), for a test that has drawn its last report, so that a
 * leak checker sees only real leaks.  Nothing may draw text afterwards,
 * and no other thread may hold a font: cairo aborts if one does (a
 * program that simply exits need not call this). */
void              ic_report_renderer_release_fonts (void);

G_END_DECLS

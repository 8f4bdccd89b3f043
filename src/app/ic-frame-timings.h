/* ic-frame-timings.h — a diagnostic: the window's frame times, written to a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With INTERCHANGE_FRAME_TIMINGS=FILE in the environment, the window's
 * frame clock is kept ticking and the start of every frame is written
 * to FILE as "frame <time> <cpu>" (<time> in CLOCK_MONOTONIC
 * microseconds, as g_get_monotonic_time() gives; <cpu> the main
 * thread's CPU time in microseconds), and the end of the window's first
 * paint as "first-frame <time>".  A gap between two frames beyond the
 * frame interval is time the main loop was busy elsewhere, a stall; the
 * CPU time spent in the gap says how much of it was the main thread's
 * own work rather than waiting for a processor.  tests/bench/bench-app.sh reads the file.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Starts recording the frames of @widget's window if the environment
 * asks for it; does nothing otherwise, or if that window records
 * already.  Call once @widget is realized. */
void ic_frame_timings_attach (GtkWidget *widget);

G_END_DECLS

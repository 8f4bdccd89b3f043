/* ic-frame-timings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <time.h>

#include "ic-frame-timings.h"

#define DATA_KEY "ic-frame-timings"

typedef struct
{
  FILE          *file;
  GdkFrameClock *clock;
  gboolean       painted;
} FrameTimings;

static void
frame_timings_free (FrameTimings *timings)
{
  if (timings->clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (timings->clock, timings);
      g_object_unref (timings->clock);
    }
  if (timings->file != NULL)
    fclose (timings->file);
  g_free (timings);
}

/* Runs after the window drew itself on the frame clock's paint phase. */
static void
on_paint (GdkFrameClock *clock,
          FrameTimings  *timings)
{
  if (timings->painted)
    return;
  timings->painted = TRUE;
  fprintf (timings->file, "first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (timings->file);
}

/* Keeps the frame clock running, so that every frame shows and a busy
 * main loop shows as a gap between two. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  FrameTimings *timings = user_data;

  struct timespec cpu = { 0, 0 };

  /* The main thread's own CPU time tells its work from waiting for a
   * processor on a busy machine. */
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
  fprintf (timings->file, "frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", g_get_monotonic_time (),
           (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000);
  fflush (timings->file);
  return G_SOURCE_CONTINUE;
}

void
ic_frame_timings_attach (GtkWidget *widget)
{
  const char *path = g_getenv ("INTERCHANGE_FRAME_TIMINGS");
  GtkWidget *window;
  GdkFrameClock *clock;
  FrameTimings *timings;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (path == NULL || path[0] == '\0')
    return;
  window = GTK_WIDGET (gtk_widget_get_root (widget));
  clock = window != NULL ? gtk_widget_get_frame_clock (window) : NULL;
  if (clock == NULL || g_object_get_data (G_OBJECT (window), DATA_KEY) != NULL)
    return;

  timings = g_new0 (FrameTimings, 1);
  timings->file = fopen (path, "w");
  if (timings->file == NULL)
    {
      int saved_errno = errno;

      g_printerr ("interchange: cannot write the frame timings to %s: %s\n",
                  path, g_strerror (saved_errno));
      frame_timings_free (timings);
      return;
    }
  timings->clock = g_object_ref (clock);
  g_signal_connect_after (clock, "paint", G_CALLBACK (on_paint), timings);
  gtk_widget_add_tick_callback (window, on_tick, timings, NULL);
  g_object_set_data_full (G_OBJECT (window), DATA_KEY, timings, (GDestroyNotify) frame_timings_free);
}

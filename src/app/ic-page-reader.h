/* ic-page-reader.h — a page's read: when shown, and cancelled when hidden
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page that shows what the database holds reads it again after every
 * change, but only while it is on screen: a reload asked for while the
 * page is out of sight waits until it is shown, and hiding the page
 * stops the read under way (it starts again when the page comes back).
 * The page says how to start a read; the reader says when.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _IcPageReader IcPageReader;

/* Starts a read that stops when @cancellable is cancelled; the page
 * calls ic_page_reader_done() when its result is in. */
typedef void (*IcPageReadFunc) (gpointer      page,
                                GCancellable *cancellable);

/* A reader for @page, which owns it (ic_page_reader_free() in its
 * dispose).  Nothing is read until the first reload. */
IcPageReader *ic_page_reader_new          (GtkWidget      *page,
                                           IcPageReadFunc  read);
/* Cancels what is under way and disconnects from the page. */
void          ic_page_reader_free         (IcPageReader   *self);

/* Reads again: now if the page is on screen, else once it is shown.  A
 * read under way is cancelled first. */
void          ic_page_reader_reload       (IcPageReader   *self);
/* The read under way is over (its result is in, or it failed); returns
 * FALSE if @cancellable is not the one of the latest read, whose result
 * the page should then drop. */
gboolean      ic_page_reader_done         (IcPageReader   *self,
                                           GCancellable   *cancellable);
/* Reads again after @delay_ms, as part of the same read: hiding the
 * page or a reload cancels the wait too. */
void          ic_page_reader_retry        (IcPageReader   *self,
                                           guint           delay_ms);

G_END_DECLS

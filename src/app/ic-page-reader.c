/* ic-page-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-page-reader.h"

struct _IcPageReader
{
  GtkWidget      *page;         /* unowned: the page owns the reader */
  IcPageReadFunc  read;
  GCancellable   *cancellable;  /* of the read under way; NULL when none */
  gboolean        pending;      /* asked for while out of sight */
  guint           retry_id;
};

static void
start (IcPageReader *self)
{
  self->pending = FALSE;
  self->cancellable = g_cancellable_new ();
  self->read (self->page, self->cancellable);
}

/* Stops the read under way, if any; says whether there was one. */
static gboolean
stop (IcPageReader *self)
{
  gboolean reading = self->cancellable != NULL || self->retry_id != 0;

  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  return reading;
}

static void
on_map (GtkWidget    *page,
        IcPageReader *self)
{
  if (self->pending)
    start (self);
}

/* Leaving the page stops its read; it reads again when shown. */
static void
on_unmap (GtkWidget    *page,
          IcPageReader *self)
{
  if (stop (self))
    self->pending = TRUE;
}

IcPageReader *
ic_page_reader_new (GtkWidget      *page,
                    IcPageReadFunc  read)
{
  IcPageReader *self;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (read != NULL, NULL);

  self = g_new0 (IcPageReader, 1);
  self->page = page;
  self->read = read;
  g_signal_connect (page, "map", G_CALLBACK (on_map), self);
  g_signal_connect (page, "unmap", G_CALLBACK (on_unmap), self);
  return self;
}

void
ic_page_reader_free (IcPageReader *self)
{
  if (self == NULL)
    return;
  stop (self);
  g_signal_handlers_disconnect_by_data (self->page, self);
  g_free (self);
}

void
ic_page_reader_reload (IcPageReader *self)
{
  g_return_if_fail (self != NULL);

  stop (self);
  if (!gtk_widget_get_mapped (self->page))
    {
      self->pending = TRUE;
      return;
    }
  start (self);
}

gboolean
ic_page_reader_done (IcPageReader *self,
                     GCancellable *cancellable)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (cancellable == NULL || cancellable != self->cancellable)
    return FALSE;
  g_clear_object (&self->cancellable);
  return TRUE;
}

static gboolean
retry_cb (gpointer user_data)
{
  IcPageReader *self = user_data;

  self->retry_id = 0;
  start (self);
  return G_SOURCE_REMOVE;
}

void
ic_page_reader_retry (IcPageReader *self,
                      guint         delay_ms)
{
  g_return_if_fail (self != NULL);

  stop (self);
  self->retry_id = g_timeout_add (delay_ms, retry_cb, self);
}

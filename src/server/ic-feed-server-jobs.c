/* ic-feed-server-jobs.c — database work off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main loop accepts connections, authenticates, applies limits and
 * serves pages it has written already; anything that reads or writes
 * the database at length runs as a job in a worker thread while its
 * message waits, paused.  Readers run side by side, each on a
 * connection of its own (SQLite's WAL lets them read while a write
 * goes on); writes go one at a time through the one writer connection.
 * The job's answer is set back on the main loop.
 */

#include "config.h"

#include "ic-feed-server-private.h"

#define MAX_READERS 4

struct _IcServerJob
{
  IcFeedServer      *server;
  SoupServerMessage *msg;
  gulong             disconnected_id;
  gboolean           gone;
  GError            *open_error;
  IcServerJobWork    work;
  IcServerJobDone    done;
  gpointer           data;
  GDestroyNotify     data_free;
};

static void
job_free (IcServerJob *job)
{
  if (job->disconnected_id != 0)
    g_signal_handler_disconnect (job->msg, job->disconnected_id);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_clear_error (&job->open_error);
  g_object_unref (job->msg);
  g_object_unref (job->server);
  g_free (job);
}

static void
on_disconnected (SoupServerMessage *msg,
                 IcServerJob       *job)
{
  job->gone = TRUE;
}

static gboolean
job_done (gpointer user_data)
{
  IcServerJob *job = user_data;

  if (!job->gone)
    {
      job->done (job->server, job->msg, job->data, job->open_error);
      soup_server_message_unpause (job->msg);
    }
  job_free (job);
  return G_SOURCE_REMOVE;
}

/* A connection for this job: one of the idle ones, or a new one (no
 * more than the pool has threads). */
static IcServerDb *
take_reader (IcFeedServer  *self,
             GError       **error)
{
  IcServerDb *db = g_async_queue_try_pop (self->idle_readers);

  if (db != NULL)
    return db;
  return ic_server_db_open_another (self->db, error);
}

static void
run_job (IcServerJob *job,
         IcServerDb  *db,
         GError      *open_error)
{
  /* Without a connection, the route's done answers a database failure. */
  if (db == NULL)
    job->open_error = open_error;
  else
    job->work (db, job->data);
  g_main_context_invoke (job->server->context, job_done, job);
}

static void
reader_thread (gpointer data,
               gpointer user_data)
{
  IcServerJob *job = data;
  IcFeedServer *self = user_data;
  GError *error = NULL;
  IcServerDb *db = take_reader (self, &error);

  run_job (job, db, error);
  if (db != NULL)
    g_async_queue_push (self->idle_readers, db);
}

static void
writer_thread (gpointer data,
               gpointer user_data)
{
  IcServerJob *job = data;
  IcFeedServer *self = user_data;
  GError *error = NULL;

  /* Only this thread (the pool has one) touches the writer connection. */
  if (self->writer_db == NULL)
    self->writer_db = ic_server_db_open_another (self->db, &error);
  run_job (job, self->writer_db, error);
}

void
ic_feed_server_jobs_init (IcFeedServer *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->idle_readers = g_async_queue_new_full (g_object_unref);
  self->readers = g_thread_pool_new (reader_thread, self, MAX_READERS, FALSE, NULL);
  self->writer = g_thread_pool_new (writer_thread, self, 1, FALSE, NULL);
}

void
ic_feed_server_jobs_shutdown (IcFeedServer *self)
{
  /* Waits for the jobs under way; their answers go nowhere. */
  if (self->readers != NULL)
    g_thread_pool_free (g_steal_pointer (&self->readers), FALSE, TRUE);
  if (self->writer != NULL)
    g_thread_pool_free (g_steal_pointer (&self->writer), FALSE, TRUE);
  g_clear_object (&self->writer_db);
  g_clear_pointer (&self->idle_readers, g_async_queue_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
}

void
ic_feed_server_run_job (IcFeedServer      *self,
                        SoupServerMessage *msg,
                        gboolean           writes,
                        IcServerJobWork    work,
                        IcServerJobDone    done,
                        gpointer           data,
                        GDestroyNotify     data_free)
{
  IcServerJob *job = g_new0 (IcServerJob, 1);

  job->server = g_object_ref (self);
  job->msg = g_object_ref (msg);
  job->work = work;
  job->done = done;
  job->data = data;
  job->data_free = data_free;
  job->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (on_disconnected), job);
  soup_server_message_pause (msg);
  g_thread_pool_push (writes ? self->writer : self->readers, job, NULL);
}

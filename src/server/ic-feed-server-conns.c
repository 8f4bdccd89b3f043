/* ic-feed-server-conns.c — connections: time limits and caps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SoupServer 3.2 keeps a connection open for as long as its client
 * likes and accepts as many as the process has files.  Each connection
 * is followed here from its socket: its headers must arrive within the
 * header time-out, its body within the body time-out, and a socket with
 * no progress either way for the idle time-out fails (GSocket's own
 * time-out, which also ends a client that never reads its answer).  A
 * connection past the caps, in all or from one address, is answered 503
 * with Retry-After as soon as its headers are in.
 *
 * Every answer closes its connection: libsoup 3.2 waits for a kept-alive
 * connection's next request without a way to end it, and never lets go
 * of one whose client left before that request (its file stays open for
 * good), so no connection is kept alive.
 */

#include "config.h"

#include <string.h>

#include "ic-feed-server-private.h"

/* Past the cap, refused connections wait for their headers; beyond
 * this many more they are closed at once, unanswered. */
#define REFUSED_SLACK 256

typedef struct
{
  IcFeedServer *self;
  GSocket      *socket;    /* weak: the connection owns it */
  char         *address;
  GSource      *deadline;
  gboolean      refused;
} IcConn;

static void
conn_disarm (IcConn *conn)
{
  if (conn->deadline != NULL)
    {
      g_source_destroy (conn->deadline);
      g_clear_pointer (&conn->deadline, g_source_unref);
    }
}

static void
conn_free (IcConn *conn)
{
  conn_disarm (conn);
  g_free (conn->address);
  g_free (conn);
}

void
ic_feed_server_conns_count_address (IcFeedServer *self,
                                    const char   *address,
                                    int           delta)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->conns_per_address, address));

  count += delta;
  if (count == 0)
    g_hash_table_remove (self->conns_per_address, address);
  else
    g_hash_table_replace (self->conns_per_address, g_strdup (address), GUINT_TO_POINTER (count));
}

static void
conn_uncount (IcConn *conn)
{
  IcFeedServer *self = conn->self;

  if (!conn->refused)
    {
      self->conns_served--;
      ic_feed_server_conns_count_address (self, conn->address, -1);
    }
}

static void
conn_forget (IcConn *conn)
{
  conn_uncount (conn);
  g_hash_table_remove (conn->self->conns, conn->socket);
}

/* The connection is gone: libsoup (or a stolen stream) let go of it. */
static void
on_socket_finalized (gpointer  data,
                     GObject  *where_the_socket_was)
{
  conn_forget (data);
}

static gboolean
on_deadline (gpointer data)
{
  IcConn *conn = data;

  /* libsoup sees the end of the stream and drops the connection. */
  g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
  g_clear_pointer (&conn->deadline, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
conn_arm (IcConn *conn,
          guint   seconds)
{
  conn_disarm (conn);
  if (seconds == 0)
    return;
  conn->deadline = g_timeout_source_new_seconds (seconds);
  g_source_set_callback (conn->deadline, on_deadline, conn, NULL);
  g_source_attach (conn->deadline, g_main_context_get_thread_default ());
}

/* libsoup closes a connection's socket when it is done with it, but the
 * socket object may live on a while: closed is gone. */
static void on_socket_finalized (gpointer  data,
                                 GObject  *where_the_socket_was);

static void
forget_closed (IcFeedServer *self)
{
  GHashTableIter iter;
  gpointer socket, conn;

  g_hash_table_iter_init (&iter, self->conns);
  while (g_hash_table_iter_next (&iter, &socket, &conn))
    if (g_socket_is_closed (socket))
      {
        g_object_weak_unref (socket, on_socket_finalized, conn);
        conn_uncount (conn);
        g_hash_table_iter_remove (&iter);
      }
}

static IcConn *
lookup (IcFeedServer      *self,
        SoupServerMessage *msg)
{
  GSocket *socket = ic_feed_server_message_get_socket (msg);

  return socket ? g_hash_table_lookup (self->conns, socket) : NULL;
}

void
ic_feed_server_conns_request_started (IcFeedServer      *self,
                                      SoupServerMessage *msg)
{
  GSocket *socket = ic_feed_server_message_get_socket (msg);
  const char *address = soup_server_message_get_remote_host (msg);
  IcConn *conn;
  guint from_address;

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  if (socket == NULL)
    return;
  conn = g_hash_table_lookup (self->conns, socket);
  if (conn == NULL)
    {
      forget_closed (self);
      conn = g_new0 (IcConn, 1);
      conn->self = self;
      conn->socket = socket;
      conn->address = g_strdup (address ? address : "-");
      g_hash_table_insert (self->conns, socket, conn);
      g_object_weak_ref (G_OBJECT (socket), on_socket_finalized, conn);
      g_socket_set_timeout (socket, self->idle_timeout);

      from_address = GPOINTER_TO_UINT (g_hash_table_lookup (self->conns_per_address, conn->address));
      conn->refused = (self->max_connections > 0 && self->conns_served >= self->max_connections) ||
                      (self->max_per_address > 0 && from_address >= self->max_per_address);
      if (!conn->refused)
        {
          self->conns_served++;
          ic_feed_server_conns_count_address (self, conn->address, 1);
        }
      else if (g_hash_table_size (self->conns) > self->max_connections + REFUSED_SLACK)
        {
          g_socket_shutdown (socket, TRUE, TRUE, NULL);
          return;
        }
    }
  conn_arm (conn, self->header_timeout);
}

gboolean
ic_feed_server_conns_headers_read (IcFeedServer      *self,
                                   SoupServerMessage *msg)
{
  IcConn *conn = lookup (self, msg);

  if (conn == NULL)
    return TRUE;
  if (conn->refused)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "2");
      ic_feed_server_send_problem (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "busy",
                                   "The feed server has too many connections",
                                   "Try again after the time Retry-After gives.");
      return FALSE;
    }
  conn_arm (conn, self->body_timeout);
  return TRUE;
}

void
ic_feed_server_conns_body_read (IcFeedServer      *self,
                                SoupServerMessage *msg)
{
  IcConn *conn = lookup (self, msg);

  if (conn != NULL)
    conn_disarm (conn);
}

void
ic_feed_server_conns_init (IcFeedServer *self)
{
  self->conns = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) conn_free);
  self->conns_per_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->header_timeout = IC_FEED_SERVER_DEFAULT_HEADER_TIMEOUT;
  self->body_timeout = IC_FEED_SERVER_DEFAULT_BODY_TIMEOUT;
  self->idle_timeout = IC_FEED_SERVER_DEFAULT_IDLE_TIMEOUT;
  self->max_connections = IC_FEED_SERVER_DEFAULT_MAX_CONNECTIONS;
  self->max_per_address = IC_FEED_SERVER_DEFAULT_MAX_PER_ADDRESS;
}

void
ic_feed_server_conns_shutdown (IcFeedServer *self)
{
  GHashTableIter iter;
  gpointer socket, conn;

  if (self->conns == NULL)
    return;
  g_hash_table_iter_init (&iter, self->conns);
  while (g_hash_table_iter_next (&iter, &socket, &conn))
    g_object_weak_unref (socket, on_socket_finalized, conn);
  g_clear_pointer (&self->conns, g_hash_table_unref);
  g_clear_pointer (&self->conns_per_address, g_hash_table_unref);
}

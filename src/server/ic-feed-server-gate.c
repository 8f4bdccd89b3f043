/* ic-feed-server-gate.c — a request's head, looked at before libsoup reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libsoup 3.2 leaks a request's path, up to its 64 KiB head, when the
 * request's Transfer-Encoding is not one it knows or its Content-Length
 * is not a plain number (later releases free it): anyone, without a
 * token, could grow the server by 60 MB a second.  So plain-HTTP
 * connections are accepted here.  Their head is peeked at (MSG_PEEK,
 * nothing consumed) until it is whole; a head libsoup would misread in
 * that way, or one too large, or one not whole within the header time
 * limit, is answered here and the connection closed; every other
 * connection goes to libsoup with all its bytes still unread, so
 * libsoup sees exactly what the client sent.
 *
 * A head that arrives in pieces is peeked at again after a short wait
 * that doubles each time (the socket stays readable while unread bytes
 * wait, so waiting for it would spin).  Over TLS the bytes cannot be
 * peeked at before the handshake: a server on TLS is served by libsoup
 * directly, and is best put behind a proxy that checks requests.
 */

/* POLLRDHUP */
#define _GNU_SOURCE

#include "config.h"

#include <poll.h>
#include <string.h>

#include "ic-feed-problem.h"
#include "ic-feed-server-private.h"

/* Larger heads are answered 431; libsoup's own limit is 64 KiB. */
#define GATE_HEAD_MAX       (32 * 1024)
#define GATE_FIRST_WAIT_MS  2
#define GATE_LONGEST_WAIT_MS 250

struct _IcGateConn
{
  IcFeedServer      *self;
  GSocketConnection *connection;
  GSource           *wait;       /* readable, or the next peek */
  GSource           *deadline;
  guint              wait_ms;
  char              *address;    /* counted towards its cap while here */
};

typedef struct _IcGateConn IcGateConn;

/* Whether @value, the trimmed value of one header, is @word in any case. */
static gboolean
value_is (const char *value,
          gsize       length,
          const char *word)
{
  return length == strlen (word) && g_ascii_strncasecmp (value, word, length) == 0;
}

static gboolean
name_is (const char *name,
         gsize       length,
         const char *word)
{
  return value_is (name, length, word);
}

IcGateVerdict
ic_feed_server_gate_check (const char *data,
                           gsize       length)
{
  const char *end = NULL;
  const char *line, *next;
  guint content_lengths = 0, transfer_encodings = 0;

  /* The head ends at an empty line (libsoup takes a bare LF too). */
  for (gsize i = 0; i + 1 < length; i++)
    if (data[i] == '\n' && (data[i + 1] == '\n' || (data[i + 1] == '\r' && i + 2 < length && data[i + 2] == '\n')))
      {
        end = data + i + 1;
        break;
      }
  if (end == NULL)
    return length > GATE_HEAD_MAX ? IC_GATE_TOO_LARGE : IC_GATE_INCOMPLETE;
  if ((gsize) (end - data) > GATE_HEAD_MAX)
    return IC_GATE_TOO_LARGE;
  if (memchr (data, '\0', end - data) != NULL)
    return IC_GATE_BAD_REQUEST;

  /* Past the request line, each header line: "Name: value". */
  line = memchr (data, '\n', end - data);
  for (line = line + 1; line < end; line = next + 1)
    {
      const char *colon, *value, *value_end;

      next = memchr (line, '\n', end - line);
      if (next == NULL)
        break;
      /* A folded line would join its header's value in libsoup. */
      if (*line == ' ' || *line == '\t')
        return IC_GATE_BAD_REQUEST;
      colon = memchr (line, ':', next - line);
      if (colon == NULL)
        continue;
      value = colon + 1;
      value_end = next;
      while (value < value_end && (*value == ' ' || *value == '\t'))
        value++;
      while (value_end > value && (value_end[-1] == '\r' || value_end[-1] == ' ' || value_end[-1] == '\t'))
        value_end--;

      if (name_is (line, colon - line, "Content-Length"))
        {
          content_lengths++;
          if (value == value_end)
            return IC_GATE_BAD_LENGTH;
          for (const char *p = value; p < value_end; p++)
            if (!g_ascii_isdigit (*p))
              return IC_GATE_BAD_LENGTH;
        }
      else if (name_is (line, colon - line, "Transfer-Encoding"))
        {
          transfer_encodings++;
          if (!value_is (value, value_end - value, "chunked") &&
              !value_is (value, value_end - value, "identity"))
            return IC_GATE_NOT_IMPLEMENTED;
        }
    }
  /* Two of either would be joined into one value libsoup cannot read. */
  if (content_lengths > 1)
    return IC_GATE_BAD_LENGTH;
  if (transfer_encodings > 1)
    return IC_GATE_BAD_REQUEST;
  return IC_GATE_PASS;
}

static void
gate_conn_free (IcGateConn *conn)
{
  if (conn->wait != NULL)
    g_source_destroy (conn->wait);
  g_clear_pointer (&conn->wait, g_source_unref);
  if (conn->deadline != NULL)
    g_source_destroy (conn->deadline);
  g_clear_pointer (&conn->deadline, g_source_unref);
  g_clear_object (&conn->connection);
  if (conn->address != NULL)
    ic_feed_server_conns_count_address (conn->self, conn->address, -1);
  g_free (conn->address);
  g_free (conn);
}

static char *
remote_host (GSocketConnection *connection)
{
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);

  if (!G_IS_INET_SOCKET_ADDRESS (remote))
    return g_strdup ("-");
  return g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
}

static void
gate_log (IcGateConn *conn,
          guint       status,
          const char *why)
{
  g_autofree char *address = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;

  if (!conn->self->log)
    return;
  address = remote_host (conn->connection);
  now = g_date_time_new_now_utc ();
  stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
  g_printerr ("%.23sZ %s - \"-\" %u 0 0.0ms refused before reading: %s\n", stamp, address, status, why);
}

/* Answers @status with a problem document and closes the connection. */
static void
gate_refuse (IcGateConn *conn,
             guint       status,
             const char *slug,
             const char *title,
             const char *detail)
{
  GSocket *socket = g_socket_connection_get_socket (conn->connection);
  g_autofree char *body = ic_feed_problem_build (status, slug, title, detail);
  g_autoptr(GString) answer = g_string_new (NULL);
  char discard[4096];

  ic_feed_server_append_status_line (answer, status);
  g_string_append_printf (answer,
                          "Content-Type: " IC_FEED_PROBLEM_MEDIA_TYPE "\r\n"
                          "Content-Length: %zu\r\n"
                          "Cache-Control: no-store\r\n"
                          "%s"
                          "Connection: close\r\n\r\n%s",
                          strlen (body),
                          status == SOUP_STATUS_SERVICE_UNAVAILABLE ? "Retry-After: 5\r\n" : "",
                          body);
  gate_log (conn, status, title);
  /* Best effort: a refusal is short and the socket's buffer empty. */
  g_socket_send_with_blocking (socket, answer->str, answer->len, FALSE, NULL, NULL);
  g_socket_shutdown (socket, FALSE, TRUE, NULL);
  /* What the client sent and nobody read would turn the close into a
   * reset, which may reach the client before the answer. */
  for (int i = 0; i < 16 && g_socket_receive_with_blocking (socket, discard, sizeof discard, FALSE, NULL, NULL) > 0; i++)
    ;
  g_io_stream_close (G_IO_STREAM (conn->connection), NULL, NULL);
  g_hash_table_remove (conn->self->gate_conns, conn);
}

/* Whether the client has closed its side: then a head not whole yet
 * never will be.  (A peek cannot tell; poll's POLLRDHUP can.) */
static gboolean
client_done_sending (GSocket *socket)
{
  struct pollfd fd = { .fd = g_socket_get_fd (socket), .events = POLLRDHUP };

  return poll (&fd, 1, 0) > 0 && (fd.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

static void gate_peek (IcGateConn *conn);

static gboolean
on_wait_over (gpointer data)
{
  IcGateConn *conn = data;

  g_clear_pointer (&conn->wait, g_source_unref);
  gate_peek (conn);
  return G_SOURCE_REMOVE;
}

static gboolean
on_readable (GSocket      *socket,
             GIOCondition  condition,
             gpointer      data)
{
  return on_wait_over (data);
}

static gboolean
on_deadline (gpointer data)
{
  IcGateConn *conn = data;

  g_clear_pointer (&conn->deadline, g_source_unref);
  gate_refuse (conn, SOUP_STATUS_REQUEST_TIMEOUT, "timeout", "The request's headers took too long",
               "Send the whole request at once.");
  return G_SOURCE_REMOVE;
}

static void
gate_pass (IcGateConn *conn)
{
  IcFeedServer *self = conn->self;
  g_autoptr(GSocketConnection) connection = g_object_ref (conn->connection);
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autoptr(GError) error = NULL;

  g_hash_table_remove (self->gate_conns, conn);
  if (remote != NULL)
    g_object_set_data_full (G_OBJECT (remote), "ic-gate-socket",
                            g_object_ref (g_socket_connection_get_socket (connection)), g_object_unref);
  if (local == NULL || remote == NULL ||
      !soup_server_accept_iostream (self->soup, G_IO_STREAM (connection), local, remote, &error))
    g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
}

static void
gate_peek (IcGateConn *conn)
{
  GSocket *socket = g_socket_connection_get_socket (conn->connection);
  g_autofree char *head = g_malloc (GATE_HEAD_MAX + 1);
  GInputVector vector = { head, GATE_HEAD_MAX + 1 };
  int flags = G_SOCKET_MSG_PEEK;
  g_autoptr(GError) error = NULL;
  gssize length;

  /* libsoup reads its sockets through pollable streams, whatever
   * their blocking flag; the peek must not wait. */
  g_socket_set_blocking (socket, FALSE);
  length = g_socket_receive_message (socket, NULL, &vector, 1, NULL, NULL, &flags, NULL, &error);
  g_socket_set_blocking (socket, TRUE);
  if (length < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    {
      conn->wait = g_socket_create_source (socket, G_IO_IN, NULL);
      g_source_set_callback (conn->wait, G_SOURCE_FUNC (on_readable), conn, NULL);
      g_source_attach (conn->wait, g_main_context_get_thread_default ());
      return;
    }
  if (length <= 0)
    {
      /* Gone, or closed before a whole head: nothing to answer. */
      g_io_stream_close (G_IO_STREAM (conn->connection), NULL, NULL);
      g_hash_table_remove (conn->self->gate_conns, conn);
      return;
    }

  switch (ic_feed_server_gate_check (head, length))
    {
    case IC_GATE_PASS:
      gate_pass (conn);
      break;
    case IC_GATE_INCOMPLETE:
      if (client_done_sending (socket))
        {
          g_io_stream_close (G_IO_STREAM (conn->connection), NULL, NULL);
          g_hash_table_remove (conn->self->gate_conns, conn);
          break;
        }
      conn->wait = g_timeout_source_new (conn->wait_ms);
      conn->wait_ms = MIN (conn->wait_ms * 2, GATE_LONGEST_WAIT_MS);
      g_source_set_callback (conn->wait, on_wait_over, conn, NULL);
      g_source_attach (conn->wait, g_main_context_get_thread_default ());
      break;
    case IC_GATE_TOO_LARGE:
      gate_refuse (conn, IC_HTTP_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                   "The request's headers are too large",
                   "The request line and headers together may take 32 KiB.");
      break;
    case IC_GATE_NOT_IMPLEMENTED:
      gate_refuse (conn, SOUP_STATUS_NOT_IMPLEMENTED, "transfer-encoding",
                   "Only chunked transfer encoding is understood",
                   "Send the body with Content-Length, or chunked.");
      break;
    case IC_GATE_BAD_LENGTH:
      gate_refuse (conn, SOUP_STATUS_BAD_REQUEST, "bad-length",
                   "The request's length cannot be read",
                   "Content-Length must be one whole number of bytes.");
      break;
    case IC_GATE_BAD_REQUEST:
    default:
      gate_refuse (conn, SOUP_STATUS_BAD_REQUEST, "bad-request",
                   "The request's headers cannot be read",
                   "Headers may not be folded over lines, repeat Transfer-Encoding, or hold NUL.");
      break;
    }
}

gboolean
ic_feed_server_accept_connection (IcFeedServer       *self,
                                  GSocketConnection  *connection,
                                  GError            **error)
{
  g_autofree char *address = NULL;
  guint from_address;
  IcGateConn *conn;

  g_return_val_if_fail (IC_IS_FEED_SERVER (self), FALSE);
  g_return_val_if_fail (G_IS_SOCKET_CONNECTION (connection), FALSE);

  conn = g_new0 (IcGateConn, 1);
  conn->self = self;
  conn->connection = g_object_ref (connection);
  conn->wait_ms = GATE_FIRST_WAIT_MS;
  g_hash_table_add (self->gate_conns, conn);

  /* Connections waiting for their heads count towards the caps too. */
  address = remote_host (connection);
  from_address = GPOINTER_TO_UINT (g_hash_table_lookup (self->conns_per_address, address));
  if ((self->max_connections > 0 &&
       g_hash_table_size (self->gate_conns) + self->conns_served > self->max_connections) ||
      (self->max_per_address > 0 && from_address >= self->max_per_address))
    {
      gate_refuse (conn, SOUP_STATUS_SERVICE_UNAVAILABLE, "busy", "The server is busy",
                   "Too many connections are open; try again shortly.");
      return TRUE;
    }
  conn->address = g_steal_pointer (&address);
  ic_feed_server_conns_count_address (self, conn->address, 1);
  if (self->header_timeout > 0)
    {
      conn->deadline = g_timeout_source_new_seconds (self->header_timeout);
      g_source_set_callback (conn->deadline, on_deadline, conn, NULL);
      g_source_attach (conn->deadline, g_main_context_get_thread_default ());
    }
  gate_peek (conn);
  return TRUE;
}

GSocket *
ic_feed_server_message_get_socket (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  GSocketAddress *remote;

  if (socket != NULL)
    return socket;
  /* libsoup 3.2 knows no socket for a connection handed to it as a
   * stream: the gate hung it on the remote address it handed over. */
  remote = soup_server_message_get_remote_address (msg);
  return remote != NULL ? g_object_get_data (G_OBJECT (remote), "ic-gate-socket") : NULL;
}

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             gpointer           data)
{
  ic_feed_server_accept_connection (data, connection, NULL);
  return TRUE;
}

void
ic_feed_server_gate_init (IcFeedServer *self)
{
  self->gate_conns = g_hash_table_new_full (g_direct_hash, g_direct_equal, (GDestroyNotify) gate_conn_free, NULL);
}

gboolean
ic_feed_server_gate_listen (IcFeedServer  *self,
                            GSocket       *socket,
                            GError       **error)
{
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *host = NULL;
  g_autofree char *url = NULL;
  GInetAddress *inet;

  if (self->service == NULL)
    {
      self->service = g_socket_service_new ();
      g_signal_connect (self->service, "incoming", G_CALLBACK (on_incoming), self);
    }
  if (!g_socket_listener_add_socket (G_SOCKET_LISTENER (self->service), socket, NULL, error))
    return FALSE;
  g_socket_service_start (self->service);

  address = g_socket_get_local_address (socket, error);
  if (address == NULL)
    return FALSE;
  inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));
  host = g_inet_address_to_string (inet);
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    url = g_strdup_printf ("http://[%s]:%u/", host, g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
  else
    url = g_strdup_printf ("http://%s:%u/", host, g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
  g_ptr_array_add (self->gate_urls, g_steal_pointer (&url));
  return TRUE;
}

void
ic_feed_server_gate_shutdown (IcFeedServer *self)
{
  if (self->service != NULL)
    {
      g_socket_service_stop (self->service);
      g_socket_listener_close (G_SOCKET_LISTENER (self->service));
      g_clear_object (&self->service);
    }
  g_clear_pointer (&self->gate_conns, g_hash_table_unref);
}

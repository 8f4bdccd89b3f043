/* fuzz-server-request.c — libFuzzer target: the server's request handling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes sent down one connection to the feed server: the request
 * line, the headers, the body and whatever follows, read by libsoup and
 * answered by the server's own routes on a real database (one per run,
 * with a read-write token the seeds use).  The input is written to a
 * loopback connection whose other end the server serves through its
 * gate, as it serves what it accepts; the target then reads until the
 * server closes, and checks that the answer starts as HTTP should.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ic-feed-server.h"
#include "ic-server-db.h"
#include "ic-server-token.h"

/* What the seeds send as "Authorization: Bearer …". */
#define FUZZ_TOKEN "fuzz-token-0123456789abcdef"
/* A stuck connection is the server's fault only past its own time
 * limits, set far below libFuzzer's -timeout. */
#define SERVER_SECONDS 2
#define GIVE_UP_US     (6 * G_USEC_PER_SEC)

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static IcFeedServer *server;
static GSocket *listener;
static char *folder;

static void
remove_folder (void)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcServerDb) db = NULL;
  g_autofree char *path = NULL;
  g_autofree char *hash = ic_server_token_hash (FUZZ_TOKEN);

  (void) argc;
  (void) argv;
  folder = g_dir_make_tmp ("fuzz-server-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_folder);
  path = g_build_filename (folder, "feed.db", NULL);
  db = ic_server_db_open (path, &error);
  g_assert_no_error (error);
  ic_server_db_add_token (db, "fuzz", hash, IC_SERVER_SCOPE_READ_WRITE, &error);
  g_assert_no_error (error);

  server = ic_feed_server_new (db, NULL);
  ic_feed_server_set_log (server, FALSE);
  ic_feed_server_set_rate_limit (server, 0);
  ic_feed_server_set_timeouts (server, SERVER_SECONDS, SERVER_SECONDS, SERVER_SECONDS);
  ic_feed_server_set_public_url (server, "http://feed.example");

  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);

    listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
    g_assert_no_error (error);
    g_socket_bind (listener, any_port, TRUE, &error);
    g_assert_no_error (error);
    g_socket_listen (listener, &error);
    g_assert_no_error (error);
  }
  return 0;
}

/* A connected pair on loopback: the client's descriptor, and the
 * server's end as GIO would have accepted it. */
static int
connect_pair (GSocket **served)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = g_socket_get_local_address (listener, &error);
  struct sockaddr_in native;
  int fd;

  g_assert_no_error (error);
  g_socket_address_to_native (address, &native, sizeof native, &error);
  g_assert_no_error (error);
  fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    g_error ("socket: %s", g_strerror (errno));
  /* libFuzzer's timer signal may interrupt the connect, which then goes
   * on by itself: ask again until it says it is done. */
  while (connect (fd, (struct sockaddr *) &native, sizeof native) != 0 && errno != EISCONN)
    if (errno != EINTR && errno != EALREADY)
      g_error ("connect: %s", g_strerror (errno));
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) | O_NONBLOCK);
  *served = g_socket_accept (listener, NULL, &error);
  g_assert_no_error (error);
  return fd;
}

/* Each answer the server wrote starts with a status line. */
static void
check_answers (const GByteArray *out)
{
  const char *text = (const char *) out->data;

  if (out->len == 0)
    return;
  g_assert_true (out->len >= 12 && memcmp (text, "HTTP/1.", 7) == 0);
  g_assert_true (text[8] == ' ' && g_ascii_isdigit (text[9]) && g_ascii_isdigit (text[10]) &&
                 g_ascii_isdigit (text[11]));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) served = NULL;
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gint64 give_up = g_get_monotonic_time () + GIVE_UP_US;
  gboolean closed = FALSE;
  gsize written = 0;
  int fds[1];

  fds[0] = connect_pair (&served);
  connection = g_socket_connection_factory_create_connection (served);
  if (!ic_feed_server_accept_connection (server, connection, &error))
    g_error ("accept: %s", error->message);

  /* Write what the socket takes, let the server run, read what it
   * answers; half-close once everything is sent, so a request cut
   * short meets the end of its connection, as from a real client. */
  while (!closed && g_get_monotonic_time () < give_up)
    {
      guint8 buffer[16384];
      ssize_t n;

      if (written < size)
        {
          n = write (fds[0], data + written, size - written);
          if (n > 0)
            written += n;
          else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            written = size;     /* the server closed: the rest is not read */
          if (written == size)
            shutdown (fds[0], SHUT_WR);
        }
      else if (size == 0 && written == 0)
        shutdown (fds[0], SHUT_WR);

      while (g_main_context_iteration (NULL, FALSE))
        ;
      while ((n = read (fds[0], buffer, sizeof buffer)) > 0)
        g_byte_array_append (out, buffer, n);
      if (n == 0)
        closed = TRUE;
      else if (errno != EAGAIN && errno != EWOULDBLOCK)
        closed = TRUE;
      else if (!closed)
        g_usleep (200);
    }
  close (fds[0]);
  /* Let the server see the end and drop the connection. */
  for (int i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;

  g_assert_true (closed);
  check_answers (out);
  return 0;
}

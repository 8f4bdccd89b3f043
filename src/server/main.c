/* main.c — interchange-feed-server: the shared foresight feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "ic-feed-protocol.h"
#include "ic-feed-server.h"
#include "ic-server-db.h"
#include "ic-server-token.h"

enum
{
  EXIT_OK = 0,
  EXIT_FAILURE_RUN = 1,
  EXIT_USAGE = 2,
};

static const char usage_text[] =
  "Usage:\n"
  "  interchange-feed-server --db PATH [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]\n"
  "                          [--public-url URL] [--title TEXT] [--board-intro TEXT]\n"
  "                          [--rate-limit N] [--page-bytes N] [--answer-burst N] [--trusted-proxy IP]\n"
  "                          [--no-log]\n"
  "                          [--header-timeout S] [--body-timeout S] [--idle-timeout S]\n"
  "                          [--max-connections N] [--max-per-address N]\n"
  "  interchange-feed-server --db PATH token add NAME [--read-only]\n"
  "  interchange-feed-server --db PATH token list\n"
  "  interchange-feed-server --db PATH token revoke NAME\n"
  "  interchange-feed-server --db PATH responses list [--challenge ID]\n"
  "  interchange-feed-server --db PATH responses erase ID\n";

static int
usage_error (const char *message)
{
  g_printerr ("interchange-feed-server: %s\n%s", message, usage_text);
  return EXIT_USAGE;
}

static int
fail (GError *error)
{
  g_printerr ("interchange-feed-server: %s\n", error->message);
  return EXIT_FAILURE_RUN;
}

static GSocketAddress *
parse_listen (const char  *listen,
              GError     **error)
{
  g_autofree char *host = NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *colon = strrchr (listen, ':');
  guint64 port;

  if (colon == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    goto bad;
  host = g_strndup (listen, colon - listen);
  if (host[0] == '[' && host[strlen (host) - 1] == ']')
    {
      memmove (host, host + 1, strlen (host));
      host[strlen (host) - 1] = '\0';
    }
  if (g_str_equal (host, "localhost"))
    address = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else
    address = g_inet_address_new_from_string (host);
  if (address == NULL)
    goto bad;
  return g_inet_socket_address_new (address, (guint16) port);

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("--listen takes an IP address and a port, such as 127.0.0.1:8080 or [::1]:8080"));
  return NULL;
}

static int
run_token (IcServerDb  *db,
           int          argc,
           char       **argv,
           gboolean     read_only)
{
  g_autoptr(GError) error = NULL;

  if (argc >= 2 && g_str_equal (argv[1], "add") && argc == 3)
    {
      g_autofree char *token = NULL;
      g_autofree char *hash = NULL;

      if (!ic_server_token_name_is_valid (argv[2]))
        return usage_error (_("a token name is 1 to 64 letters, digits and . _ @ -"));
      token = ic_server_token_generate (&error);
      if (token == NULL)
        return fail (error);
      hash = ic_server_token_hash (token);
      if (!ic_server_db_add_token (db, argv[2], hash,
                                   read_only ? IC_SERVER_SCOPE_READ : IC_SERVER_SCOPE_READ_WRITE, &error))
        return fail (error);
      /* The only time the token is ever shown: the database keeps its hash. */
      printf ("%s\n", token);
      memset (token, 0, strlen (token));
      return EXIT_OK;
    }
  if (argc == 2 && g_str_equal (argv[1], "list"))
    {
      g_autoptr(GPtrArray) tokens = ic_server_db_list_tokens (db, &error);

      if (tokens == NULL)
        return fail (error);
      for (guint i = 0; i < tokens->len; i++)
        {
          IcServerToken *token = g_ptr_array_index (tokens, i);

          printf ("%-24s %-10s created %s%s%s\n", token->name,
                  token->scope == IC_SERVER_SCOPE_READ ? "read" : "read-write",
                  token->created_at, token->revoked_at ? ", revoked " : "",
                  token->revoked_at ? token->revoked_at : "");
        }
      return EXIT_OK;
    }
  if (argc == 3 && g_str_equal (argv[1], "revoke"))
    {
      if (!ic_server_db_revoke_token (db, argv[2], &error))
        return fail (error);
      return EXIT_OK;
    }
  return usage_error (_("token takes: add NAME, list, or revoke NAME"));
}

/* The answers SMEs sent from the board; erasing one's contact details
 * makes a new revision without them, which reaches every laptop. */
static int
run_responses (IcServerDb  *db,
               int          argc,
               char       **argv,
               const char  *challenge_id)
{
  g_autoptr(GError) error = NULL;

  if (argc == 2 && g_str_equal (argv[1], "list"))
    {
      g_autoptr(GPtrArray) responses = ic_server_db_list_responses (db, challenge_id, &error);

      if (responses == NULL)
        return fail (error);
      for (guint i = 0; i < responses->len; i++)
        {
          IcServerResponse *response = g_ptr_array_index (responses, i);

          printf ("%s  %s  challenge %s\n  %s, %s <%s>%s\n  %s\n", response->id,
                  response->received_at ? response->received_at : "-", response->challenge_id,
                  response->organisation, response->contact_name, response->email,
                  response->contact_erased ? _(" (contact details erased)") : "", response->answer);
        }
      return EXIT_OK;
    }
  if (argc == 3 && g_str_equal (argv[1], "erase"))
    {
      if (!ic_server_db_erase_response_contact (db, argv[2], &error))
        return fail (error);
      printf (_("Erased the contact details of %s.\n"), argv[2]);
      return EXIT_OK;
    }
  return usage_error (_("responses takes: list [--challenge ID], or erase ID"));
}

static gboolean
on_quit_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  gint header_timeout;
  gint body_timeout;
  gint idle_timeout;
  gint max_connections;
  gint max_per_address;
  gint answer_burst;
} ServeLimits;

/* Connections are files: take all the files the system allows, and keep
 * the cap on connections below them, with room for the databases. */
static guint
fit_connections_to_files (guint wanted)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0)
    return wanted;
  if (limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      setrlimit (RLIMIT_NOFILE, &limit);
      getrlimit (RLIMIT_NOFILE, &limit);
    }
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > wanted + 64)
    return wanted;
  return limit.rlim_cur > 128 ? (guint) limit.rlim_cur - 64 : 64;
}

static int
serve (IcServerDb *db,
       const char *listen,
       const char *tls_cert,
       const char *tls_key,
       const char *public_url,
       const char *title,
       const char *board_intro,
       const char *trusted_proxy,
       double      rate_limit,
       gsize       page_bytes,
       gboolean    log,
       const ServeLimits *limits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(IcFeedServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_auto(GStrv) urls = NULL;

  if ((tls_cert == NULL) != (tls_key == NULL))
    return usage_error (_("--tls-cert and --tls-key go together"));
  if (tls_cert != NULL)
    {
      certificate = g_tls_certificate_new_from_files (tls_cert, tls_key, &error);
      if (certificate == NULL)
        return fail (error);
    }

  address = parse_listen (listen, &error);
  if (address == NULL)
    return usage_error (error->message);

  server = ic_feed_server_new (db, certificate);
  ic_feed_server_set_rate_limit (server, rate_limit);
  ic_feed_server_set_answer_burst (server, (guint) limits->answer_burst);
  ic_feed_server_set_trusted_proxy (server, trusted_proxy);
  ic_feed_server_set_log (server, log);
  ic_feed_server_set_page_bytes (server, page_bytes);
  ic_feed_server_set_timeouts (server, limits->header_timeout, limits->body_timeout, limits->idle_timeout);
  ic_feed_server_set_max_connections (server, fit_connections_to_files (limits->max_connections),
                                      limits->max_per_address);
  if (title != NULL)
    ic_feed_server_set_title (server, title);
  ic_feed_server_set_board (server, title, board_intro);
  if (public_url != NULL)
    ic_feed_server_set_public_url (server, public_url);
  if (!ic_feed_server_listen (server, address, &error))
    return fail (error);

  urls = ic_feed_server_get_urls (server);
  /* Scripts and tests read the address from this first line. */
  printf ("Listening on %s\n", urls[0] ? urls[0] : listen);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_quit_signal, loop);
  g_unix_signal_add (SIGTERM, on_quit_signal, loop);
  g_main_loop_run (loop);
  return EXIT_OK;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcServerDb) db = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  g_autofree char *public_url = NULL;
  g_autofree char *title = NULL;
  g_autofree char *board_title = NULL;
  g_autofree char *board_intro = NULL;
  g_autofree char *trusted_proxy = NULL;
  double rate_limit = 0;
  gint64 page_bytes = IC_FEED_DEFAULT_PAGE_BYTES;
  gboolean read_only = FALSE;
  g_autofree char *challenge_id = NULL;
  gboolean no_log = FALSE;
  ServeLimits limits = {
    IC_FEED_SERVER_DEFAULT_HEADER_TIMEOUT, IC_FEED_SERVER_DEFAULT_BODY_TIMEOUT,
    IC_FEED_SERVER_DEFAULT_IDLE_TIMEOUT, IC_FEED_SERVER_DEFAULT_MAX_CONNECTIONS,
    IC_FEED_SERVER_DEFAULT_MAX_PER_ADDRESS, IC_FEED_SERVER_DEFAULT_ANSWER_BURST,
  };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The server's database (created if missing)"), N_("PATH") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, N_("Address and port to listen on (127.0.0.1:8080)"), N_("HOST:PORT") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert, N_("Serve HTTPS with this PEM certificate"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, N_("The certificate's PEM private key"), N_("FILE") },
    { "public-url", 0, 0, G_OPTION_ARG_STRING, &public_url, N_("Where people reach the server, for the public feed's links"), N_("URL") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The public board's and feeds' title"), N_("TEXT") },
    { "board-title", 0, 0, G_OPTION_ARG_STRING, &board_title, N_("The same as --title"), N_("TEXT") },
    { "board-intro", 0, 0, G_OPTION_ARG_STRING, &board_intro, N_("A paragraph that introduces the board, on its front page"), N_("TEXT") },
    { "rate-limit", 0, 0, G_OPTION_ARG_DOUBLE, &rate_limit, N_("Requests a second per token (0: no limit)"), N_("N") },
    { "page-bytes", 0, 0, G_OPTION_ARG_INT64, &page_bytes, N_("A page of changes stops before N bytes (4194304)"), N_("N") },
    { "header-timeout", 0, 0, G_OPTION_ARG_INT, &limits.header_timeout, N_("Seconds a connection has to send a request's headers (20)"), N_("S") },
    { "body-timeout", 0, 0, G_OPTION_ARG_INT, &limits.body_timeout, N_("Seconds a connection has to send a request's body (30)"), N_("S") },
    { "idle-timeout", 0, 0, G_OPTION_ARG_INT, &limits.idle_timeout, N_("Seconds a connection may make no progress (30)"), N_("S") },
    { "max-connections", 0, 0, G_OPTION_ARG_INT, &limits.max_connections, N_("Connections served at once; more are told to retry (768)"), N_("N") },
    { "max-per-address", 0, 0, G_OPTION_ARG_INT, &limits.max_per_address, N_("Connections served at once from one address (512)"), N_("N") },
    { "trusted-proxy", 0, 0, G_OPTION_ARG_STRING, &trusted_proxy, N_("The reverse proxy's IP address, whose X-Forwarded-For names the board's visitors"), N_("IP") },
    { "answer-burst", 0, 0, G_OPTION_ARG_INT, &limits.answer_burst, N_("Answers one address may send from the board at once; then one a minute (5)"), N_("N") },
    { "no-log", 0, 0, G_OPTION_ARG_NONE, &no_log, N_("Do not log each request"), NULL },
    { "read-only", 0, 0, G_OPTION_ARG_NONE, &read_only, N_("With token add: a token that may only pull"), NULL },
    { "challenge", 0, 0, G_OPTION_ARG_STRING, &challenge_id, N_("With responses list: those to this challenge"), N_("ID") },
    { NULL }
  };

  /* Bodies of up to 8 MiB come and go: from their own mappings, handed
   * back to the system when freed.  glibc would otherwise raise its
   * threshold after the first and keep tens of MiB on its heaps for
   * good once a few large pushes had passed. */
  mallopt (M_MMAP_THRESHOLD, 256 * 1024);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("[token add NAME | token list | token revoke NAME | responses list | responses erase ID]");
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Serves the Interchange foresight feed over HTTP."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (db_path == NULL)
    return usage_error (_("--db PATH is required"));
  if (rate_limit < 0 || rate_limit > 1e6)
    return usage_error (_("--rate-limit takes a number from 0 to 1000000"));
  if (page_bytes < 4096 || page_bytes > 64 * 1024 * 1024)
    return usage_error (_("--page-bytes takes a number from 4096 to 67108864"));

  if (limits.header_timeout < 1 || limits.header_timeout > 3600 || limits.body_timeout < 1 ||
      limits.body_timeout > 3600 || limits.idle_timeout < 1 || limits.idle_timeout > 3600)
    return usage_error (_("the time-outs take a number of seconds from 1 to 3600"));
  if (limits.max_connections < 1 || limits.max_connections > 1000000 || limits.max_per_address < 1 ||
      limits.max_per_address > 1000000)
    return usage_error (_("--max-connections and --max-per-address take a number from 1 to 1000000"));
  if (limits.answer_burst < 1 || limits.answer_burst > 1000000)
    return usage_error (_("--answer-burst takes a number from 1 to 1000000"));

  db = ic_server_db_open (db_path, &error);
  if (db == NULL)
    return fail (error);

  if (argc >= 2 && g_str_equal (argv[1], "token"))
    return run_token (db, argc - 1, argv + 1, read_only);
  if (argc >= 2 && g_str_equal (argv[1], "responses"))
    return run_responses (db, argc - 1, argv + 1, challenge_id);
  if (argc > 1)
    return usage_error (_("unexpected argument"));

  if (board_title != NULL)
    {
      g_free (title);
      title = g_strdup (board_title);
    }
  if ((title != NULL && (!g_utf8_validate (title, -1, NULL) || g_utf8_strlen (title, -1) > 200)) ||
      (board_intro != NULL && (!g_utf8_validate (board_intro, -1, NULL) || g_utf8_strlen (board_intro, -1) > 2000)))
    return usage_error (_("--title takes up to 200 characters, --board-intro up to 2000"));

  if (trusted_proxy != NULL)
    {
      g_autoptr(GInetAddress) proxy = g_inet_address_new_from_string (trusted_proxy);

      if (proxy == NULL)
        return usage_error (_("--trusted-proxy takes an IP address, such as 127.0.0.1"));
    }

  return serve (db, listen ? listen : "127.0.0.1:8080", tls_cert, tls_key, public_url, title, board_intro,
                trusted_proxy, rate_limit, (gsize) page_bytes, !no_log, &limits);
}

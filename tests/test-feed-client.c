/* test-feed-client.c — the HTTP client against a scripted server in the
 * same process: retries, backoff, Retry-After, time-outs, cancellation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-feed-client.h"
#include "ic-feed-error.h"
#include "ic-feed-problem.h"
#include "test-feed-util.h"

/* A small HTTP responder on its own threads: each connection gets one
 * answer from the script and is closed. */
typedef struct
{
  GSocketService *service;
  char           *url;
  GMutex          lock;
  GCond           released_cond;
  gboolean        released;
  guint           active;      /* connections being answered */
  GArray         *script;      /* statuses to answer, in turn; the last repeats */
  guint           n_requests;
  gboolean        stall;
  const char     *content_type;
  const char     *ok_body;     /* a 200's body; NULL for an empty page */
  char           *last_authorization;
  char           *last_request_line;
  guint           n_retries;
} Scripted;

/* The request head, up to the blank line (bounded). */
static char *
read_head (GInputStream *in)
{
  g_autoptr(GString) head = g_string_new (NULL);
  char c;

  while (head->len < 16384 && g_input_stream_read (in, &c, 1, NULL, NULL) == 1)
    {
      g_string_append_c (head, c);
      if (g_str_has_suffix (head->str, "\r\n\r\n"))
        return g_string_free (g_steal_pointer (&head), FALSE);
    }
  return NULL;
}

static char *
header_value (const char *head,
              const char *name)
{
  g_auto(GStrv) lines = g_strsplit (head, "\r\n", 64);

  for (guint i = 1; lines[i] != NULL; i++)
    if (g_ascii_strncasecmp (lines[i], name, strlen (name)) == 0 && lines[i][strlen (name)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (name) + 1));
  return NULL;
}

static gboolean
on_run (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source,
        gpointer                user_data)
{
  Scripted *s = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *head = NULL;
  g_autofree char *body = NULL;
  g_autofree char *response = NULL;
  const char *extra = "";
  const char *type;
  guint status;

  g_mutex_lock (&s->lock);
  s->active++;
  g_mutex_unlock (&s->lock);

  head = read_head (g_io_stream_get_input_stream (G_IO_STREAM (connection)));

  g_mutex_lock (&s->lock);
  if (head == NULL)
    {
      s->active--;
      g_cond_broadcast (&s->released_cond);
      g_mutex_unlock (&s->lock);
      return TRUE;
    }
  status = g_array_index (s->script, guint, MIN (s->n_requests, s->script->len - 1));
  s->n_requests++;
  g_free (s->last_authorization);
  s->last_authorization = header_value (head, "Authorization");
  g_free (s->last_request_line);
  s->last_request_line = g_strndup (head, strcspn (head, "\r"));
  if (s->stall)
    {
      gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

      while (!s->released && g_cond_wait_until (&s->released_cond, &s->lock, until))
        ;
      s->active--;
      g_cond_broadcast (&s->released_cond);
      g_mutex_unlock (&s->lock);
      return TRUE;
    }
  type = s->content_type;

  if (status == 200 && s->ok_body != NULL)
    body = g_strdup (s->ok_body);
  else if (status == 200)
    body = g_strdup ("{\"feed_id\":\"f\",\"changes\":[],\"last_seq\":0,\"more\":false}");
  else
    {
      body = ic_feed_problem_build (status, "scripted", "Scripted failure", "as the test asked");
      type = IC_FEED_PROBLEM_MEDIA_TYPE;
      if (status == 503 || status == 429)
        extra = "Retry-After: 0\r\n";
    }
  response = g_strdup_printf ("HTTP/1.1 %u Scripted\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
                              "Connection: close\r\n%s\r\n%s",
                              status, type, strlen (body), extra, body);
  g_mutex_unlock (&s->lock);
  g_output_stream_write_all (out, response, strlen (response), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  g_mutex_lock (&s->lock);
  s->active--;
  g_cond_broadcast (&s->released_cond);
  g_mutex_unlock (&s->lock);
  return TRUE;
}

static void
scripted_set_up (Scripted      *s,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_mutex_init (&s->lock);
  g_cond_init (&s->released_cond);
  s->script = g_array_new (FALSE, FALSE, sizeof (guint));
  s->content_type = IC_FEED_MEDIA_TYPE;
  s->service = g_threaded_socket_service_new (4);
  g_signal_connect (s->service, "run", G_CALLBACK (on_run), s);
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (s->service), address,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &bound, &error));
  g_assert_no_error (error);
  s->url = g_strdup_printf ("http://127.0.0.1:%u",
                            g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_service_start (s->service);
}

static void
scripted_tear_down (Scripted      *s,
                    gconstpointer  data)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* Take no more connections, wake the stalled answers and wait for
   * every answer to end. */
  g_socket_service_stop (s->service);
  g_mutex_lock (&s->lock);
  s->released = TRUE;
  g_cond_broadcast (&s->released_cond);
  while (s->active > 0 && g_cond_wait_until (&s->released_cond, &s->lock, until))
    ;
  g_assert_cmpuint (s->active, ==, 0);
  g_mutex_unlock (&s->lock);

  g_socket_listener_close (G_SOCKET_LISTENER (s->service));
  g_clear_object (&s->service);
  g_array_unref (s->script);
  g_free (s->url);
  g_free (s->last_authorization);
  g_free (s->last_request_line);
  g_cond_clear (&s->released_cond);
  g_mutex_clear (&s->lock);
}

static void
script (Scripted *s,
        guint     status)
{
  g_array_append_val (s->script, status);
}

typedef struct
{
  IcFeedPage *page;
  GError     *error;
  gboolean    done;
} PullResult;

static void
on_pulled (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PullResult *r = user_data;

  r->page = ic_feed_client_get_changes_finish (IC_FEED_CLIENT (source), result, &r->error);
  r->done = TRUE;
}

static void
on_retrying_count (IcFeedClient *client,
                   guint         attempt,
                   guint         delay_ms,
                   const char   *reason,
                   Scripted     *s)
{
  s->n_retries++;
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Pulls once, with a bound of 30 s on the whole test. */
static void
pull (Scripted     *s,
      IcFeedClient *client,
      GCancellable *cancellable,
      PullResult   *r)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_signal_connect (client, "retrying", G_CALLBACK (on_retrying_count), s);
  ic_feed_client_get_changes_async (client, 0, 10, cancellable, on_pulled, r);
  while (!r->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (r->done);
}

static IcFeedClient *
scripted_client (Scripted *s,
                 guint     max_attempts)
{
  IcFeedClient *client = ic_feed_client_new (s->url, NULL);

  g_assert_nonnull (client);
  ic_feed_client_set_retry_policy (client, max_attempts, 10, 40);
  ic_feed_client_set_timeout (client, 1);
  return client;
}

static void
test_client_url (void)
{
  const char *bad[] = { "", "ftp://x.example", "http://", "feed.example", "http://a.example/?x=1",
                        "https://user:pw@a.example/" };
  g_autoptr(IcFeedClient) good = ic_feed_client_new ("https://feed.example/base///", NULL);

  g_assert_cmpstr (ic_feed_client_get_base_url (good), ==, "https://feed.example/base");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IcFeedClient) client = ic_feed_client_new (bad[i], &error);

      g_assert_null (client);
      g_assert_error (error, IC_FEED_ERROR, IC_FEED_ERROR_INVALID);
    }
}

static void
test_client_retries_then_succeeds (Scripted      *s,
                                   gconstpointer  data)
{
  g_autoptr(IcFeedClient) client = scripted_client (s, 5);
  PullResult r = { 0 };

  script (s, 503);
  script (s, 500);
  script (s, 429);
  script (s, 200);
  ic_feed_client_set_token (client, "icf_test");
  pull (s, client, NULL, &r);

  g_assert_no_error (r.error);
  g_assert_nonnull (r.page);
  g_assert_cmpuint (s->n_requests, ==, 4);
  g_assert_cmpuint (s->n_retries, ==, 3);
  g_assert_cmpstr (s->last_authorization, ==, "Bearer icf_test");
  ic_feed_page_free (r.page);
}

static void
test_client_gives_up (Scripted      *s,
                      gconstpointer  data)
{
  g_autoptr(IcFeedClient) client = scripted_client (s, 3);
  PullResult r = { 0 };

  script (s, 500);
  pull (s, client, NULL, &r);

  g_assert_error (r.error, IC_FEED_ERROR, IC_FEED_ERROR_SERVER);
  g_assert_nonnull (strstr (r.error->message, "as the test asked"));
  g_assert_cmpuint (s->n_requests, ==, 3);
  g_error_free (r.error);
}

static void
test_client_no_retry_on_401 (Scripted      *s,
                             gconstpointer  data)
{
  g_autoptr(IcFeedClient) client = scripted_client (s, 5);
  PullResult r = { 0 };

  script (s, 401);
  pull (s, client, NULL, &r);

  g_assert_error (r.error, IC_FEED_ERROR, IC_FEED_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (s->n_requests, ==, 1);
  g_assert_null (s->last_authorization);
  g_error_free (r.error);
}

static void
test_client_wrong_content_type (Scripted      *s,
                                gconstpointer  data)
{
  g_autoptr(IcFeedClient) client = scripted_client (s, 5);
  PullResult r = { 0 };

  s->content_type = "text/html";
  script (s, 200);
  pull (s, client, NULL, &r);

  g_assert_error (r.error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL);
  g_assert_cmpuint (s->n_requests, ==, 1);
  g_error_free (r.error);
}

typedef struct
{
  gboolean  erased;
  GError   *error;
  gboolean  done;
} EraseResult;

static void
on_erased (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  EraseResult *r = user_data;

  r->erased = ic_feed_client_erase_response_finish (IC_FEED_CLIENT (source), result, &r->error);
  r->done = TRUE;
}

static void
erase (IcFeedClient *client,
       const char   *id,
       EraseResult  *r)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  ic_feed_client_erase_response_async (client, id, NULL, on_erased, r);
  while (!r->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (r->done);
}

/* The answer must say that this response was erased: a 200 that says
 * anything else (a page, another id, contact_erased false) is no
 * erasure. */
static void
test_client_erase_response (Scripted      *s,
                            gconstpointer  data)
{
  const char *id = "3f1c3a52-0f0e-4d6e-9a43-2b1f1c0d9e11";
  const char *wrong[] = {
    NULL,
    "{\"id\":\"00000000-0000-4000-8000-000000000000\",\"contact_erased\":true}",
    "{\"id\":\"3f1c3a52-0f0e-4d6e-9a43-2b1f1c0d9e11\",\"contact_erased\":false}",
    "{\"id\":\"3f1c3a52-0f0e-4d6e-9a43-2b1f1c0d9e11\"}",
    "[]",
  };
  g_autoptr(IcFeedClient) client = scripted_client (s, 1);
  EraseResult r = { 0 };

  script (s, 200);
  ic_feed_client_set_token (client, "icf_test");
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      EraseResult bad = { 0 };

      s->ok_body = wrong[i];
      erase (client, id, &bad);
      g_assert_false (bad.erased);
      g_assert_nonnull (bad.error);
      g_assert_true (bad.error->domain == IC_FEED_ERROR);
      g_error_free (bad.error);
    }

  s->ok_body = "{\"id\":\"3f1c3a52-0f0e-4d6e-9a43-2b1f1c0d9e11\",\"contact_erased\":true}";
  erase (client, id, &r);
  g_assert_no_error (r.error);
  g_assert_true (r.erased);
  g_assert_cmpstr (s->last_request_line, ==,
                   "POST /v1/responses/3f1c3a52-0f0e-4d6e-9a43-2b1f1c0d9e11/erase HTTP/1.1");
  g_assert_cmpstr (s->last_authorization, ==, "Bearer icf_test");
}

static void
test_client_erase_refused (Scripted      *s,
                           gconstpointer  data)
{
  g_autoptr(IcFeedClient) client = scripted_client (s, 5);
  EraseResult r = { 0 };

  script (s, 403);
  erase (client, "3f1c3a52-0f0e-4d6e-9a43-2b1f1c0d9e11", &r);
  g_assert_error (r.error, IC_FEED_ERROR, IC_FEED_ERROR_FORBIDDEN);
  g_assert_cmpuint (s->n_requests, ==, 1);
  g_error_free (r.error);
}

static void
test_client_stall_times_out (Scripted      *s,
                             gconstpointer  data)
{
  g_autoptr(IcFeedClient) client = scripted_client (s, 2);
  gint64 start = g_get_monotonic_time ();
  PullResult r = { 0 };

  s->stall = TRUE;
  script (s, 200);
  pull (s, client, NULL, &r);

  g_assert_error (r.error, IC_FEED_ERROR, IC_FEED_ERROR_TIMED_OUT);
  g_assert_cmpuint (s->n_requests, ==, 2);
  /* Two attempts of a one-second time-out, not the 30 s default. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_USEC_PER_SEC);
  g_error_free (r.error);
}

static void
test_client_cancel_while_waiting (Scripted      *s,
                                  gconstpointer  data)
{
  g_autoptr(IcFeedClient) client = scripted_client (s, 5);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  PullResult r = { 0 };

  /* Long waits between attempts; the cancellation must cut them short. */
  ic_feed_client_set_retry_policy (client, 5, 20000, 20000);
  script (s, 500);
  g_timeout_add (300, cancel_cb, cancellable);
  pull (s, client, cancellable, &r);

  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (s->n_requests, ==, 1);
  g_error_free (r.error);
}

/* A server that answers in plain text what should be a TLS handshake:
 * the client says the secure connection failed, in its own error, not
 * as a request the server refused. */
static gboolean
on_plain_answer (GThreadedSocketService *service,
                 GSocketConnection      *connection,
                 GObject                *source,
                 gpointer                user_data)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  const char answer[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

  g_output_stream_write_all (out, answer, sizeof answer - 1, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
test_client_tls_failure (void)
{
  g_autoptr(GSocketService) service = g_threaded_socket_service_new (2);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcFeedClient) client = NULL;
  g_autofree char *url = NULL;
  PullResult r = { 0 };

  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error));
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (on_plain_answer), NULL);
  g_socket_service_start (service);
  url = g_strdup_printf ("https://127.0.0.1:%u/", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  client = ic_feed_client_new (url, &error);
  g_assert_no_error (error);
  ic_feed_client_set_retry_policy (client, 1, 10, 40);
  ic_feed_client_set_timeout (client, 5);
  ic_feed_client_get_changes_async (client, 0, 1, NULL, on_pulled, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_socket_service_stop (service);

  g_assert_null (r.page);
  g_assert_error (r.error, IC_FEED_ERROR, IC_FEED_ERROR_TLS);
  g_assert_nonnull (strstr (r.error->message, "secure connection"));
  g_assert_false (ic_feed_error_is_transient (r.error));
  g_error_free (r.error);
}

void
test_feed_add_client_tests (void)
{
  g_test_add_func ("/feed/client/tls-failure", test_client_tls_failure);
  g_test_add_func ("/feed/client/url", test_client_url);
  g_test_add ("/feed/client/retries-then-succeeds", Scripted, NULL, scripted_set_up,
              test_client_retries_then_succeeds, scripted_tear_down);
  g_test_add ("/feed/client/gives-up", Scripted, NULL, scripted_set_up,
              test_client_gives_up, scripted_tear_down);
  g_test_add ("/feed/client/no-retry-on-401", Scripted, NULL, scripted_set_up,
              test_client_no_retry_on_401, scripted_tear_down);
  g_test_add ("/feed/client/erase-response", Scripted, NULL, scripted_set_up,
              test_client_erase_response, scripted_tear_down);
  g_test_add ("/feed/client/erase-refused", Scripted, NULL, scripted_set_up,
              test_client_erase_refused, scripted_tear_down);
  g_test_add ("/feed/client/wrong-content-type", Scripted, NULL, scripted_set_up,
              test_client_wrong_content_type, scripted_tear_down);
  g_test_add ("/feed/client/stall-times-out", Scripted, NULL, scripted_set_up,
              test_client_stall_times_out, scripted_tear_down);
  g_test_add ("/feed/client/cancel-while-waiting", Scripted, NULL, scripted_set_up,
              test_client_cancel_while_waiting, scripted_tear_down);
}

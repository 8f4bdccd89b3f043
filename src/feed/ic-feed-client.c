/* ic-feed-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A request runs as attempts.  Each attempt has its own GCancellable,
 * cancelled by the caller's cancellable or by the attempt's deadline, so
 * a server that trickles bytes cannot hold an attempt for ever; the I/O
 * time-out of the session catches one that stalls.  Bodies are read in
 * pieces into a buffer with a ceiling, never trusting Content-Length.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "ic-feed-backoff.h"
#include "ic-feed-client.h"
#include "ic-feed-error.h"
#include "ic-feed-gzip.h"
#include "ic-feed-json.h"
#include "ic-feed-problem.h"

#define READ_CHUNK_BYTES (64 * 1024)
/* An attempt may last this many times the I/O time-out in all. */
#define DEADLINE_FACTOR 4
/* RFC 6585; libsoup 3.2 has no name for it. */
#define IC_HTTP_TOO_MANY_REQUESTS 429

struct _IcFeedClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *token;
  guint        timeout;
  guint        max_attempts;
  guint        backoff_ms;
  guint        max_backoff_ms;
  gsize        max_answer_bytes;
  gboolean     compression;     /* gzip answers and pushes at all */
  gboolean     gzip_pushes;     /* the server said it takes gzipped bodies */
};

G_DEFINE_FINAL_TYPE (IcFeedClient, ic_feed_client, G_TYPE_OBJECT)

enum
{
  SIGNAL_RETRYING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  REQUEST_CHANGES,
  REQUEST_PUSH,
  REQUEST_REVS_DIFF,
  REQUEST_ERASE_RESPONSE,
} RequestKind;

typedef struct
{
  RequestKind   kind;
  const char   *method;
  char         *url;
  GBytes       *body;
  guint         n_changes;
  char         *response_id;  /* REQUEST_ERASE_RESPONSE: what the answer must name */

  guint         attempt;
  gulong        cancelled_id;
  GCancellable *attempt_cancellable;
  guint         deadline_id;
  gboolean      deadline_hit;
  guint         retry_id;
  SoupMessage  *msg;
  GInputStream *stream;
  GByteArray   *buffer;
} Request;

static void start_attempt (GTask *task);

static void
request_free (Request *request)
{
  g_free (request->url);
  g_free (request->response_id);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_object (&request->attempt_cancellable);
  g_clear_handle_id (&request->deadline_id, g_source_remove);
  g_clear_handle_id (&request->retry_id, g_source_remove);
  g_clear_object (&request->msg);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->buffer, g_byte_array_unref);
  g_free (request);
}

static void
ic_feed_client_finalize (GObject *object)
{
  IcFeedClient *self = IC_FEED_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->base_url);
  g_free (self->token);

  G_OBJECT_CLASS (ic_feed_client_parent_class)->finalize (object);
}

static void
ic_feed_client_class_init (IcFeedClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_feed_client_finalize;

  /**
   * IcFeedClient::retrying:
   * @attempt: the attempt about to be made (2 for the first retry)
   * @delay_ms: how long the client waits first
   * @reason: what went wrong, in words
   *
   * Emitted before each retry, so that a window or a terminal can say
   * why it is waiting.
   */
  signals[SIGNAL_RETRYING] =
    g_signal_new ("retrying", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);
}

static void
ic_feed_client_init (IcFeedClient *self)
{
  self->timeout = IC_FEED_CLIENT_DEFAULT_TIMEOUT;
  self->max_attempts = IC_FEED_CLIENT_DEFAULT_MAX_ATTEMPTS;
  self->backoff_ms = IC_FEED_CLIENT_DEFAULT_BACKOFF_MS;
  self->max_backoff_ms = IC_FEED_CLIENT_DEFAULT_MAX_BACKOFF_MS;
  self->max_answer_bytes = IC_FEED_CLIENT_MAX_RESPONSE_BYTES;
  self->compression = TRUE;
  self->session = soup_session_new_with_options ("timeout", self->timeout,
                                                 "idle-timeout", 60,
                                                 "user-agent", "Interchange/" PACKAGE_VERSION " ",
                                                 NULL);
}

/* 127.0.0.0/8, ::1 and localhost: the traffic never leaves the machine. */
static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;
  gsize length = strlen (host);

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  bare = host[0] == '[' && length > 2 && host[length - 1] == ']' ? g_strndup (host + 1, length - 2)
                                                                   : g_strdup (host);
  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

IcFeedClient *
ic_feed_client_new (const char  *base_url,
                    GError     **error)
{
  g_autoptr(IcFeedClient) self = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  gsize length;

  g_return_val_if_fail (base_url != NULL, NULL);

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL ||
      g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_INVALID,
                   _("“%s” is not a feed address: give an http or https URL such as "
                     "https://feed.example.org/"), base_url);
      return NULL;
    }

  /* A bearer token over plain HTTP can be read by anyone on the way;
   * only a server on this machine is spared TLS. */
  if (g_str_equal (scheme, "http") && !host_is_loopback (g_uri_get_host (uri)))
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_INSECURE,
                   _("“%s” is plain http: the feed’s token would cross the network unencrypted. "
                     "Use an https address (plain http is only for a server on this machine)."),
                   base_url);
      return NULL;
    }

  self = g_object_new (IC_TYPE_FEED_CLIENT, NULL);
  self->base_url = g_strdup (base_url);
  length = strlen (self->base_url);
  while (length > 0 && self->base_url[length - 1] == '/')
    self->base_url[--length] = '\0';
  return g_steal_pointer (&self);
}

const char *
ic_feed_client_get_base_url (IcFeedClient *self)
{
  g_return_val_if_fail (IC_IS_FEED_CLIENT (self), NULL);
  return self->base_url;
}

void
ic_feed_client_set_token (IcFeedClient *self,
                          const char   *token)
{
  g_return_if_fail (IC_IS_FEED_CLIENT (self));

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  self->token = token && token[0] ? g_strdup (token) : NULL;
}

void
ic_feed_client_set_timeout (IcFeedClient *self,
                            guint         seconds)
{
  g_return_if_fail (IC_IS_FEED_CLIENT (self));
  self->timeout = MAX (seconds, 1);
  soup_session_set_timeout (self->session, self->timeout);
}

guint
ic_feed_client_get_timeout (IcFeedClient *self)
{
  g_return_val_if_fail (IC_IS_FEED_CLIENT (self), 0);
  return self->timeout;
}

void
ic_feed_client_set_retry_policy (IcFeedClient *self,
                                 guint         max_attempts,
                                 guint         base_ms,
                                 guint         max_ms)
{
  g_return_if_fail (IC_IS_FEED_CLIENT (self));
  self->max_attempts = MAX (max_attempts, 1);
  self->backoff_ms = MAX (base_ms, 1);
  self->max_backoff_ms = MAX (max_ms, self->backoff_ms);
}

gboolean
ic_feed_client_set_ca_file (IcFeedClient  *self,
                            const char    *ca_file,
                            GError       **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (IC_IS_FEED_CLIENT (self), FALSE);

  /* GTlsFileDatabase wants an absolute path. */
  absolute = g_canonicalize_filename (ca_file, NULL);
  database = g_tls_file_database_new (absolute, error);
  if (database == NULL)
    return FALSE;
  soup_session_set_tls_database (self->session, database);
  return TRUE;
}

void
ic_feed_client_set_compression (IcFeedClient *self,
                                gboolean      compression)
{
  g_return_if_fail (IC_IS_FEED_CLIENT (self));

  self->compression = compression;
  if (!compression)
    soup_session_remove_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);
  else if (!soup_session_has_feature (self->session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);
}

void
ic_feed_client_set_gzip_pushes (IcFeedClient *self,
                                gboolean      gzip_pushes)
{
  g_return_if_fail (IC_IS_FEED_CLIENT (self));
  self->gzip_pushes = gzip_pushes;
}

gboolean
ic_feed_client_get_gzip_pushes (IcFeedClient *self)
{
  g_return_val_if_fail (IC_IS_FEED_CLIENT (self), FALSE);
  return self->gzip_pushes;
}

void
ic_feed_client_set_max_answer_bytes (IcFeedClient *self,
                                     gsize         max_bytes)
{
  g_return_if_fail (IC_IS_FEED_CLIENT (self));
  self->max_answer_bytes = CLAMP (max_bytes, 4096, IC_FEED_CLIENT_MAX_RESPONSE_BYTES);
}

/* Error mapping */

static GError *
transport_error (Request *request,
                 GError  *error)
{
  if (request->deadline_hit || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (IC_FEED_ERROR, IC_FEED_ERROR_TIMED_OUT,
                        _("The feed server did not answer in time"));
  if (error->domain == G_TLS_ERROR)
    return g_error_new (IC_FEED_ERROR, IC_FEED_ERROR_TLS,
                        _("Cannot make a secure connection to the feed server: %s"), error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    return g_error_new (IC_FEED_ERROR, IC_FEED_ERROR_NETWORK,
                        _("The connection to the feed server broke off: %s"), error->message);
  return g_error_new (IC_FEED_ERROR, IC_FEED_ERROR_NETWORK,
                      _("Cannot reach the feed server: %s"), error->message);
}

static GError *
status_error (SoupMessage *msg,
              GByteArray  *body)
{
  guint status = soup_message_get_status (msg);
  g_autoptr(IcFeedProblem) problem = NULL;
  g_autofree char *said = NULL;
  g_autofree char *because = NULL;
  IcFeedError code;
  const char *what;

  if (body != NULL && body->len > 0)
    problem = ic_feed_problem_parse ((const char *) body->data, body->len);
  said = ic_feed_problem_describe (problem);
  because = said ? g_strdup_printf (" (%s)", said) : g_strdup ("");

  if (status == SOUP_STATUS_CONFLICT && problem != NULL &&
      g_strcmp0 (problem->type, IC_FEED_PROBLEM_TYPE_PREFIX "cursor-unknown") == 0)
    return g_error_new (IC_FEED_ERROR, IC_FEED_ERROR_CURSOR_UNKNOWN,
                        _("The feed’s log no longer holds what this laptop pulled "
                          "(was it restored from a backup?)"));
  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *location = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                           "Location");
      g_autofree char *shown = location ? g_strndup (location, 200) : g_strdup ("?");

      /* Following it could hand the token to another server. */
      return g_error_new (IC_FEED_ERROR, IC_FEED_ERROR_REQUEST,
                          _("The feed server redirects to “%s”; redirects are not followed, "
                            "so that the token goes nowhere else: give that address instead"),
                          shown);
    }

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      code = IC_FEED_ERROR_UNAUTHORIZED;
      what = _("The feed server does not accept this token; check the token");
      break;
    case SOUP_STATUS_FORBIDDEN:
      code = IC_FEED_ERROR_FORBIDDEN;
      what = _("This token may not do that on the feed server");
      break;
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      code = IC_FEED_ERROR_TOO_LARGE;
      what = _("The feed server refused a request as too large");
      break;
    case IC_HTTP_TOO_MANY_REQUESTS:
    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      code = IC_FEED_ERROR_RATE_LIMITED;
      what = _("The feed server is busy");
      break;
    default:
      if (status >= 500)
        {
          code = IC_FEED_ERROR_SERVER;
          what = _("The feed server failed");
        }
      else
        {
          code = IC_FEED_ERROR_REQUEST;
          what = _("The feed server refused the request");
        }
      break;
    }

  return g_error_new (IC_FEED_ERROR, code, "%s: %u %s%s", what, status,
                      soup_status_get_phrase (status) ? soup_status_get_phrase (status) : "",
                      because);
}

/* Life cycle of a request */

static void
end_attempt (Request *request)
{
  g_clear_handle_id (&request->deadline_id, g_source_remove);
  g_clear_object (&request->attempt_cancellable);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->buffer, g_byte_array_unref);
}

/* Every way out of a request passes here exactly once. */
static void
request_return (GTask   *task,
                gpointer result,
                GError  *error)
{
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  end_attempt (request);
  g_clear_handle_id (&request->retry_id, g_source_remove);
  if (request->cancelled_id != 0)
    g_clear_signal_handler (&request->cancelled_id, cancellable);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result,
                           request->kind == REQUEST_CHANGES ? (GDestroyNotify) ic_feed_page_free
                           : request->kind == REQUEST_PUSH ? (GDestroyNotify) ic_feed_push_response_free
                           : request->kind == REQUEST_ERASE_RESPONSE ? g_free
                           : (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
retry_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  request->retry_id = 0;
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    request_return (task, NULL, g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
  else
    start_attempt (task);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/* Takes @error: retries when it is transient and attempts remain. */
static void
attempt_failed (GTask  *task,
                GError *error,
                gint64  retry_after_ms)
{
  IcFeedClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  guint delay_ms;

  end_attempt (request);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_error_free (error);
      request_return (task, NULL, g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
      return;
    }
  if (!ic_feed_error_is_transient (error) || request->attempt >= self->max_attempts)
    {
      request_return (task, NULL, error);
      return;
    }
  if (retry_after_ms > self->max_backoff_ms)
    {
      g_prefix_error (&error, _("Try again in %u s. "), (guint) (retry_after_ms / 1000));
      request_return (task, NULL, error);
      return;
    }

  if (retry_after_ms >= 0)
    delay_ms = (guint) retry_after_ms + (guint) (g_random_double () * MAX (retry_after_ms / 10, 50));
  else
    delay_ms = ic_feed_backoff_delay_ms (request->attempt, self->backoff_ms,
                                         self->max_backoff_ms, g_random_double ());

  g_signal_emit (self, signals[SIGNAL_RETRYING], 0, request->attempt + 1, delay_ms, error->message);
  g_error_free (error);
  request->retry_id = g_timeout_add (delay_ms, retry_cb, g_object_ref (task));
}

static void
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  if (request->attempt_cancellable != NULL)
    g_cancellable_cancel (request->attempt_cancellable);
  else if (request->retry_id != 0)
    {
      /* Wake the waiting retry at once; it sees the cancellation. */
      g_source_remove (request->retry_id);
      request->retry_id = g_idle_add (retry_cb, task);
    }
}

static gboolean
deadline_cb (gpointer user_data)
{
  Request *request = user_data;

  request->deadline_id = 0;
  request->deadline_hit = TRUE;
  if (request->attempt_cancellable != NULL)
    g_cancellable_cancel (request->attempt_cancellable);
  return G_SOURCE_REMOVE;
}

/* Decoding, off the main thread */

/* {"id": @id, "contact_erased": true}: the id, or NULL. */
static char *
erased_parse (const char  *data,
              gsize        length,
              const char  *id,
              GError     **error)
{
  g_autoptr(JsonNode) root = ic_feed_json_parse_object (data, length, error);
  const char *said = NULL;
  gboolean erased = FALSE;
  JsonObject *object;

  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);
  if (!ic_feed_json_get_string (object, "id", &said, error) ||
      !ic_feed_json_get_bool_opt (object, "contact_erased", &erased, error))
    return NULL;
  if (g_ascii_strcasecmp (said, id) != 0 || !erased)
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                   _("it does not say that the contact details of response %s were erased"), id);
      return NULL;
    }
  return g_strdup (said);
}

static void
decode_thread (GTask        *decode,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GTask *task = task_data;
  Request *request = g_task_get_task_data (task);
  const char *data = (const char *) request->buffer->data;
  gsize length = request->buffer->len;
  GError *error = NULL;

  if (request->kind == REQUEST_CHANGES)
    {
      IcFeedPage *page = ic_feed_page_parse (data, length, &error);

      if (page != NULL)
        g_task_return_pointer (decode, page, (GDestroyNotify) ic_feed_page_free);
      else
        g_task_return_error (decode, error);
    }
  else if (request->kind == REQUEST_REVS_DIFF)
    {
      GPtrArray *missing = ic_feed_revs_parse (data, length, "missing", &error);

      if (missing != NULL)
        g_task_return_pointer (decode, missing, (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (decode, error);
    }
  else if (request->kind == REQUEST_ERASE_RESPONSE)
    {
      char *id = erased_parse (data, length, request->response_id, &error);

      if (id != NULL)
        g_task_return_pointer (decode, id, g_free);
      else
        g_task_return_error (decode, error);
    }
  else
    {
      IcFeedPushResponse *response = ic_feed_push_response_parse (data, length, request->n_changes, &error);

      if (response != NULL)
        g_task_return_pointer (decode, response, (GDestroyNotify) ic_feed_push_response_free);
      else
        g_task_return_error (decode, error);
    }
}

static void
on_decoded (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gpointer decoded = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL)
    g_prefix_error (&error, _("The feed server’s answer is not valid: "));
  request_return (task, decoded, error);
}

static void
attempt_complete (GTask *task)
{
  IcFeedClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->msg);
  guint status = soup_message_get_status (request->msg);
  const char *content_type;
  g_autoptr(GTask) decode = NULL;

  if (status < 200 || status >= 300)
    {
      gint64 retry_after_ms = -1;
      const char *value = soup_message_headers_get_one (headers, "Retry-After");
      guint seconds;

      if (value != NULL && (status == IC_HTTP_TOO_MANY_REQUESTS ||
                            status == SOUP_STATUS_SERVICE_UNAVAILABLE))
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

          if (ic_feed_parse_retry_after (value, now, &seconds))
            retry_after_ms = (gint64) seconds * 1000;
        }
      attempt_failed (task, status_error (request->msg, request->buffer), retry_after_ms);
      return;
    }

  if (self->compression && ic_feed_gzip_accepted (soup_message_headers_get_one (headers, "Accept-Encoding")))
    self->gzip_pushes = TRUE;

  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (g_strcmp0 (content_type, IC_FEED_MEDIA_TYPE) != 0)
    {
      attempt_failed (task, g_error_new (IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                                         _("The feed server answered with “%s”, not JSON; "
                                           "is the address right?"),
                                         content_type ? content_type : _("no content type")),
                      -1);
      return;
    }

  /* The buffer moves to the decoding thread with the task. */
  g_clear_handle_id (&request->deadline_id, g_source_remove);
  decode = g_task_new (g_task_get_source_object (task), NULL, on_decoded, g_object_ref (task));
  g_task_set_task_data (decode, task, NULL);
  g_task_set_name (decode, "ic-feed-decode");
  g_task_run_in_thread (decode, decode_thread);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IcFeedClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (bytes == NULL)
    {
      attempt_failed (task, transport_error (request, error), -1);
      return;
    }

  if (g_bytes_get_size (bytes) == 0)
    {
      g_input_stream_close (request->stream, NULL, NULL);
      attempt_complete (task);
      return;
    }

  if (request->buffer->len + g_bytes_get_size (bytes) > self->max_answer_bytes)
    {
      attempt_failed (task, g_error_new (IC_FEED_ERROR, IC_FEED_ERROR_TOO_LARGE,
                                         _("The feed server’s answer is larger than %" G_GSIZE_FORMAT " bytes"),
                                         self->max_answer_bytes),
                      -1);
      return;
    }
  g_byte_array_append (request->buffer, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_input_stream_read_bytes_async (request->stream, READ_CHUNK_BYTES, G_PRIORITY_DEFAULT,
                                   request->attempt_cancellable, on_read, g_steal_pointer (&task));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IcFeedClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  request->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (request->stream == NULL)
    {
      attempt_failed (task, transport_error (request, error), -1);
      return;
    }

  headers = soup_message_get_response_headers (request->msg);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) self->max_answer_bytes)
    {
      attempt_failed (task, g_error_new (IC_FEED_ERROR, IC_FEED_ERROR_TOO_LARGE,
                                         _("The feed server’s answer is larger than %" G_GSIZE_FORMAT " bytes"),
                                         self->max_answer_bytes),
                      -1);
      return;
    }

  request->buffer = g_byte_array_new ();
  g_input_stream_read_bytes_async (request->stream, READ_CHUNK_BYTES, G_PRIORITY_DEFAULT,
                                   request->attempt_cancellable, on_read, g_steal_pointer (&task));
}

static void
start_attempt (GTask *task)
{
  IcFeedClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  request->attempt++;
  request->deadline_hit = FALSE;
  g_clear_object (&request->msg);
  request->msg = soup_message_new (request->method, request->url);
  if (request->msg == NULL)
    {
      request_return (task, NULL, g_error_new (IC_FEED_ERROR, IC_FEED_ERROR_INVALID,
                                               _("“%s” is not a valid address"), request->url));
      return;
    }

  headers = soup_message_get_request_headers (request->msg);
  soup_message_headers_replace (headers, "Accept", IC_FEED_MEDIA_TYPE ", " IC_FEED_PROBLEM_MEDIA_TYPE);
  if (self->token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  /* Redirects are answers like any other: libsoup 3.2 would carry the
   * token to wherever one points. */
  soup_message_add_flags (request->msg, SOUP_MESSAGE_NO_REDIRECT);
  if (request->body != NULL && self->compression && self->gzip_pushes &&
      g_bytes_get_size (request->body) >= IC_FEED_GZIP_MIN_BYTES)
    {
      g_autoptr(GBytes) compressed = ic_feed_gzip_compress (request->body);

      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
      soup_message_set_request_body_from_bytes (request->msg, IC_FEED_MEDIA_TYPE, compressed);
    }
  else if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->msg, IC_FEED_MEDIA_TYPE, request->body);

  request->attempt_cancellable = g_cancellable_new ();
  request->deadline_id = g_timeout_add_seconds (self->timeout * DEADLINE_FACTOR, deadline_cb, request);
  soup_session_send_async (self->session, request->msg, G_PRIORITY_DEFAULT,
                           request->attempt_cancellable, on_sent, g_object_ref (task));
}

static void
start_request (IcFeedClient        *self,
               Request             *request,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (cancellable != NULL)
    request->cancelled_id = g_signal_connect (cancellable, "cancelled", G_CALLBACK (on_cancelled), task);
  start_attempt (task);
}

void
ic_feed_client_get_changes_async (IcFeedClient        *self,
                                  gint64               since,
                                  guint                limit,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ic_feed_client_pull_async (self, since, NULL, limit, cancellable, callback, user_data);
}

void
ic_feed_client_pull_async (IcFeedClient        *self,
                           gint64               since,
                           const char          *since_hash,
                           guint                limit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);
  g_autofree char *escaped = since_hash ? g_uri_escape_string (since_hash, NULL, FALSE) : NULL;

  g_return_if_fail (IC_IS_FEED_CLIENT (self));

  request->kind = REQUEST_CHANGES;
  request->method = SOUP_METHOD_GET;
  /* max_bytes: what this client reads in one answer, so that a record
   * larger than that comes by id rather than stalling every pull. */
  request->url = g_strdup_printf ("%s" IC_FEED_API_PREFIX "/changes?since=%" G_GINT64_FORMAT
                                  "&limit=%u&max_bytes=%" G_GSIZE_FORMAT "%s%s",
                                  self->base_url, MAX (since, 0),
                                  CLAMP (limit, 1, IC_FEED_MAX_PAGE), self->max_answer_bytes,
                                  escaped && since > 0 ? "&since_hash=" : "",
                                  escaped && since > 0 ? escaped : "");
  start_request (self, request, cancellable, callback, user_data, ic_feed_client_get_changes_async);
}

void
ic_feed_client_revs_diff_async (IcFeedClient        *self,
                                GPtrArray           *revs,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  g_return_if_fail (IC_IS_FEED_CLIENT (self));
  g_return_if_fail (revs != NULL && revs->len <= IC_FEED_MAX_REVS);

  request->kind = REQUEST_REVS_DIFF;
  request->method = SOUP_METHOD_POST;
  request->url = g_strconcat (self->base_url, IC_FEED_API_PREFIX "/revs-diff", NULL);
  request->body = ic_feed_revs_build (revs);
  start_request (self, request, cancellable, callback, user_data, ic_feed_client_revs_diff_async);
}

GPtrArray *
ic_feed_client_revs_diff_finish (IcFeedClient  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

IcFeedPage *
ic_feed_client_get_changes_finish (IcFeedClient  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ic_feed_client_push_async (IcFeedClient        *self,
                           GBytes              *batch,
                           guint                n_changes,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  g_return_if_fail (IC_IS_FEED_CLIENT (self));
  g_return_if_fail (batch != NULL);

  request->kind = REQUEST_PUSH;
  request->method = SOUP_METHOD_POST;
  request->url = g_strconcat (self->base_url, IC_FEED_API_PREFIX "/changes", NULL);
  request->body = g_bytes_ref (batch);
  request->n_changes = n_changes;
  start_request (self, request, cancellable, callback, user_data, ic_feed_client_push_async);
}

IcFeedPushResponse *
ic_feed_client_push_finish (IcFeedClient  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ic_feed_client_erase_response_async (IcFeedClient        *self,
                                     const char          *response_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Request *request;
  g_autofree char *escaped = NULL;

  g_return_if_fail (IC_IS_FEED_CLIENT (self));
  g_return_if_fail (response_id != NULL);

  request = g_new0 (Request, 1);
  escaped = g_uri_escape_string (response_id, NULL, FALSE);
  request->kind = REQUEST_ERASE_RESPONSE;
  request->method = SOUP_METHOD_POST;
  request->url = g_strconcat (self->base_url, IC_FEED_API_PREFIX "/responses/", escaped, "/erase", NULL);
  /* A POST carries a length; the address says everything. */
  request->body = g_bytes_new_static ("{}", 2);
  request->response_id = g_strdup (response_id);
  start_request (self, request, cancellable, callback, user_data, ic_feed_client_erase_response_async);
}

gboolean
ic_feed_client_erase_response_finish (IcFeedClient  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  id = g_task_propagate_pointer (G_TASK (result), error);
  return id != NULL;
}

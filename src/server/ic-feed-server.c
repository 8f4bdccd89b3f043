/* ic-feed-server.c — life cycle, authentication, limits and the request log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The early handler runs once a request's headers are in, before its
 * body is read: it authenticates, applies the rate limit and refuses
 * bodies that are too large, so a stranger cannot make the server read
 * 8 MiB.  The routes themselves are in ic-feed-server-routes.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ic-feed-gzip.h"
#include "ic-feed-error.h"
#include "ic-feed-problem.h"
#include "ic-feed-protocol.h"
#include "ic-board.h"
#include "ic-feed-server-private.h"
#include "ic-server-token.h"

#define INFO_KEY         "ic-request-info"
#define MAX_BUCKETS      10000
#define MAX_TOKEN_BYTES  512
#define LISTEN_BACKLOG   1024
#define RESPONSES_PREFIX IC_FEED_API_PREFIX "/responses/"

G_DEFINE_FINAL_TYPE (IcFeedServer, ic_feed_server, G_TYPE_OBJECT)

typedef struct
{
  double tokens;
  gint64 updated_us;
} Bucket;

static void
request_info_free (IcRequestInfo *info)
{
  g_free (info->token_name);
  g_free (info);
}

IcRequestInfo *
ic_feed_server_get_info (SoupServerMessage *msg)
{
  IcRequestInfo *info = g_object_get_data (G_OBJECT (msg), INFO_KEY);

  if (info == NULL)
    {
      info = g_new0 (IcRequestInfo, 1);
      info->started_us = g_get_monotonic_time ();
      g_object_set_data_full (G_OBJECT (msg), INFO_KEY, info, (GDestroyNotify) request_info_free);
    }
  return info;
}

void
ic_feed_server_send_problem (SoupServerMessage *msg,
                             guint              status,
                             const char        *slug,
                             const char        *title,
                             const char        *detail)
{
  char *body = ic_feed_problem_build (status, slug, title, detail);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_server_message_set_response (msg, IC_FEED_PROBLEM_MEDIA_TYPE, SOUP_MEMORY_TAKE,
                                    body, strlen (body));
}

void
ic_feed_server_send_db_error (SoupServerMessage *msg,
                              GError            *error)
{
  if (g_error_matches (error, IC_SERVER_ERROR, IC_SERVER_ERROR_BUSY))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "1");
      ic_feed_server_send_problem (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "busy",
                                   "The feed's database is busy", "Try again in a second.");
      return;
    }
  g_printerr ("interchange-feed-server: database error: %s\n", error->message);
  ic_feed_server_send_problem (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                               "The feed server failed", NULL);
}

void
ic_feed_server_send_bytes (SoupServerMessage *msg,
                           const char        *content_type,
                           GBytes            *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *accept = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Accept-Encoding");
  g_autoptr(GBytes) compressed = NULL;

  soup_message_headers_append (headers, "Vary", "Accept-Encoding");
  soup_message_headers_set_content_type (headers, content_type, NULL);
  if (g_bytes_get_size (body) >= IC_FEED_GZIP_MIN_BYTES && ic_feed_gzip_accepted (accept))
    {
      compressed = ic_feed_gzip_compress (body);
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
      body = compressed;
    }
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), body);
}

void
ic_feed_server_send_json (SoupServerMessage *msg,
                          const char        *content_type,
                          GString           *body)
{
  g_autoptr(GBytes) bytes = g_string_free_to_bytes (body);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  ic_feed_server_send_bytes (msg, content_type, bytes);
}

GBytes *
ic_feed_server_read_body (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  const char *encoding = soup_message_headers_get_one (headers, "Content-Encoding");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;

  if (g_strcmp0 (content_type, IC_FEED_MEDIA_TYPE) != 0)
    {
      ic_feed_server_send_problem (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                                   "Send application/json", NULL);
      return NULL;
    }
  bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (bytes) > IC_FEED_MAX_BODY_BYTES)
    {
      ic_feed_server_send_problem (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
                                   "The request is too large", NULL);
      return NULL;
    }
  if (encoding == NULL || g_ascii_strcasecmp (encoding, "identity") == 0)
    return g_steal_pointer (&bytes);
  if (g_ascii_strcasecmp (encoding, "gzip") != 0)
    {
      ic_feed_server_send_problem (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported-encoding",
                                   "Send the body as it is or with Content-Encoding: gzip", NULL);
      return NULL;
    }

  /* The limit holds for the body inflated too. */
  bytes = ic_feed_gzip_decompress (bytes, IC_FEED_MAX_BODY_BYTES, &error);
  if (bytes == NULL && g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_TOO_LARGE))
    {
      detail = g_strdup_printf ("A request body may hold at most %d bytes, inflated.", IC_FEED_MAX_BODY_BYTES);
      ic_feed_server_send_problem (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
                                   "The request is too large", detail);
      return NULL;
    }
  if (bytes == NULL)
    {
      ic_feed_server_send_problem (msg, SOUP_STATUS_BAD_REQUEST, "malformed-json",
                                   "The body is not the gzip data it says it is", error->message);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/* The request log: one line per request, never a token. */

static void
append_sanitised (GString    *out,
                  const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    g_string_append_c (out, (guchar) *p < 0x20 || *p == 0x7f || *p == '"' ? '?' : *p);
}

static void
log_request (IcFeedServer      *self,
             SoupServerMessage *msg,
             const char        *outcome)
{
  IcRequestInfo *info = ic_feed_server_get_info (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autoptr(GString) line = g_string_new (NULL);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  if (!self->log)
    return;

  g_string_append_printf (line, "%.23sZ %s %s \"%s ", stamp,
                          soup_server_message_get_remote_host (msg) ? soup_server_message_get_remote_host (msg) : "-",
                          info->token_name ? info->token_name : "-",
                          soup_server_message_get_method (msg));
  append_sanitised (line, uri ? g_uri_get_path (uri) : "");
  if (uri != NULL && g_uri_get_query (uri) != NULL)
    {
      g_string_append_c (line, '?');
      append_sanitised (line, g_uri_get_query (uri));
    }
  g_string_append_printf (line, "\" %u %" G_GINT64_FORMAT " %.1fms%s%s\n",
                          soup_server_message_get_status (msg),
                          body ? (gint64) body->length : (gint64) 0,
                          (g_get_monotonic_time () - info->started_us) / 1000.0,
                          outcome ? " " : "", outcome ? outcome : "");
  fputs (line->str, stderr);
}

static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *msg,
                    IcFeedServer      *self)
{
  ic_feed_server_get_info (msg);
  ic_feed_server_conns_request_started (self, msg);
}

/* A large body, once freed, leaves pages on malloc's heaps that it keeps
 * for later: give them back, so that the server's memory comes back
 * down after a burst of large pushes. */
static guint trim_source;

static gboolean
trim_heaps (gpointer data)
{
  trim_source = 0;
  malloc_trim (0);
  return G_SOURCE_REMOVE;
}

static void
trim_after_large_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  /* Once the message, and its body with it, is gone. */
  if (body != NULL && body->length >= 1024 * 1024 && trim_source == 0)
    trim_source = g_timeout_add (200, trim_heaps, NULL);
}

static void
on_request_finished (SoupServer        *server,
                     SoupServerMessage *msg,
                     IcFeedServer      *self)
{
  log_request (self, msg, NULL);
  trim_after_large_body (msg);
}

static void
on_request_aborted (SoupServer        *server,
                    SoupServerMessage *msg,
                    IcFeedServer      *self)
{
  log_request (self, msg, "aborted");
  trim_after_large_body (msg);
}

/* Authentication and limits, before the body is read */

static gboolean
authenticate (IcFeedServer      *self,
              SoupServerMessage *msg,
              IcRequestInfo     *info)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  const char *token;

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    {
      soup_message_headers_replace (headers, "WWW-Authenticate", "Bearer realm=\"interchange-feed\"");
      ic_feed_server_send_problem (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                                   "A bearer token is required",
                                   "Send Authorization: Bearer TOKEN; ask the feed's keeper for a token.");
      return FALSE;
    }

  token = header + 7;
  while (*token == ' ')
    token++;
  if (strlen (token) <= MAX_TOKEN_BYTES)
    {
      IcServerScope scope = IC_SERVER_SCOPE_READ;
      char *name = NULL;

      hash = ic_server_token_hash (token);
      if (ic_server_db_check_token (self->db, hash, &name, &scope, &error))
        {
          info->token_name = name;
          info->scope = scope;
          return TRUE;
        }
      if (error != NULL)
        {
          ic_feed_server_send_db_error (msg, error);
          return FALSE;
        }
    }

  soup_message_headers_replace (headers, "WWW-Authenticate",
                                "Bearer realm=\"interchange-feed\", error=\"invalid_token\"");
  ic_feed_server_send_problem (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                               "The token is not valid",
                               "The token is unknown or was revoked.");
  return FALSE;
}

static gboolean
within_rate (IcFeedServer      *self,
             SoupServerMessage *msg,
             const char        *key)
{
  gint64 now = g_get_monotonic_time ();
  double burst = MAX (self->rate_limit * 2, 1.0);
  g_autofree char *retry_after = NULL;
  Bucket *bucket;

  if (self->rate_limit <= 0)
    return TRUE;

  bucket = g_hash_table_lookup (self->buckets, key);
  if (bucket == NULL)
    {
      /* Forgetting every client at once keeps the table bounded. */
      if (g_hash_table_size (self->buckets) >= MAX_BUCKETS)
        g_hash_table_remove_all (self->buckets);
      bucket = g_new0 (Bucket, 1);
      bucket->tokens = burst;
      bucket->updated_us = now;
      g_hash_table_insert (self->buckets, g_strdup (key), bucket);
    }

  bucket->tokens = MIN (burst, bucket->tokens + (now - bucket->updated_us) / 1e6 * self->rate_limit);
  bucket->updated_us = now;
  if (bucket->tokens >= 1.0)
    {
      bucket->tokens -= 1.0;
      return TRUE;
    }

  retry_after = g_strdup_printf ("%d", (int) MAX (1, ceil ((1.0 - bucket->tokens) / self->rate_limit)));
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", retry_after);
  ic_feed_server_send_problem (msg, IC_HTTP_TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                               "Slow down and try again after the time Retry-After gives.");
  return FALSE;
}

/* The body a request announces, checked on the header's text:
 * libsoup reads "-1" and twenty digits as a negative length, which
 * passes any signed comparison and then reads without end. */
static gboolean
body_acceptable (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *length = soup_message_headers_get_list (headers, "Content-Length");
  SoupEncoding encoding = soup_message_headers_get_encoding (headers);
  g_autofree char *detail = NULL;
  g_autofree char *digits = NULL;
  guint64 value = 0;

  if (encoding == SOUP_ENCODING_CHUNKED || encoding == SOUP_ENCODING_EOF ||
      (length == NULL && g_str_equal (method, SOUP_METHOD_POST)))
    {
      ic_feed_server_send_problem (msg, SOUP_STATUS_LENGTH_REQUIRED, "length-required",
                                   "Content-Length is required",
                                   "Send the batch with a Content-Length header.");
      return FALSE;
    }
  if (length == NULL)
    return TRUE;

  digits = g_strstrip (g_strdup (length));
  if (digits[0] == '\0' || strspn (digits, "0123456789") != strlen (digits))
    {
      ic_feed_server_send_problem (msg, SOUP_STATUS_BAD_REQUEST, "bad-length",
                                   "Content-Length is not a length",
                                   "Content-Length must be one whole number of bytes.");
      return FALSE;
    }
  /* Leading zeros aside, more digits than the limit has is over it. */
  while (digits[0] == '0' && digits[1] != '\0')
    memmove (digits, digits + 1, strlen (digits));
  if (strlen (digits) > 9 || !g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT64, &value, NULL) ||
      value > IC_FEED_MAX_BODY_BYTES)
    {
      detail = g_strdup_printf ("A request body may hold at most %d bytes.", IC_FEED_MAX_BODY_BYTES);
      ic_feed_server_send_problem (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
                                   "The request is too large", detail);
      return FALSE;
    }
  return TRUE;
}

/* "HTTP/1.1 431 Request Header Fields Too Large\r\n": for the answers
 * the server writes itself, past libsoup (which has no phrase for 431). */
void
ic_feed_server_append_status_line (GString *head,
                                   guint    status)
{
  const char *phrase = status == IC_HTTP_HEADER_FIELDS_TOO_LARGE
                       ? "Request Header Fields Too Large" : soup_status_get_phrase (status);

  g_string_append_printf (head, "HTTP/1.1 %u %s\r\n", status, phrase != NULL ? phrase : "");
}

/* An answer that does not wait for the request body: libsoup would read
 * a body it was told to refuse, however large, before answering. */
static void
answer_and_close (IcFeedServer      *self,
                  SoupServerMessage *msg)
{
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GString) head = g_string_new (NULL);
  SoupMessageHeadersIter iter;
  const char *name, *value;
  guint status = soup_server_message_get_status (msg);

  if (soup_message_headers_get_encoding (request_headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (request_headers) == 0)
    return;

  content = soup_message_body_flatten (body);
  ic_feed_server_append_status_line (head, status);
  soup_message_headers_iter_init (&iter, soup_server_message_get_response_headers (msg));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_string_append_printf (head, "%s: %s\r\n", name, value);
  g_string_append_printf (head, "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                          g_bytes_get_size (content));
  g_string_append_len (head, g_bytes_get_data (content, NULL), g_bytes_get_size (content));

  log_request (self, msg, "closed");
  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    return;
  /* A few hundred bytes: the socket's buffer takes them at once. */
  g_output_stream_write_all (g_io_stream_get_output_stream (stream), head->str, head->len,
                             NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
early_checks (IcFeedServer      *self,
              SoupServerMessage *msg,
              const char        *path);

static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  IcFeedServer *self = user_data;

  if (ic_feed_server_conns_headers_read (self, msg))
    early_checks (self, msg, path);
  /* Every route, known or not, with a token or without: no request
   * makes the server read a body of unbounded size. */
  if (soup_server_message_get_status (msg) == 0)
    body_acceptable (msg);
  if (soup_server_message_get_status (msg) != 0)
    answer_and_close (self, msg);
}

static void
early_checks (IcFeedServer      *self,
              SoupServerMessage *msg,
              const char        *path)
{
  IcRequestInfo *info = ic_feed_server_get_info (msg);
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *key = NULL;

  if (ic_feed_server_is_board_path (path))
    {
      SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

      /* An answer is a few kilobytes: nothing larger is read. */
      if (g_str_equal (method, SOUP_METHOD_POST) && g_str_has_prefix (path, "/challenges/") &&
          soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
          soup_message_headers_get_content_length (headers) > IC_BOARD_FORM_MAX_BYTES)
        {
          ic_feed_server_board_error (self, msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, _("Your answer is too long"),
                                      _("An answer holds up to 2,000 characters."), NULL);
          return;
        }
      {
        g_autofree char *client = ic_feed_server_client_address (self, msg);

        key = g_strconcat ("address ", client, NULL);
      }
      within_rate (self, msg, key);
      return;
    }
  if (!g_str_equal (path, IC_FEED_API_PREFIX "/changes") && !g_str_equal (path, "/healthz") &&
      !g_str_equal (path, IC_FEED_API_PREFIX "/revs-diff") && !g_str_has_prefix (path, RESPONSES_PREFIX))
    return;

  if (!authenticate (self, msg, info))
    return;
  key = g_strconcat ("token ", info->token_name, NULL);
  if (!within_rate (self, msg, key))
    return;

  if (g_str_equal (method, SOUP_METHOD_POST))
    {
      /* Asking what the server lacks only reads. */
      if (info->scope != IC_SERVER_SCOPE_READ_WRITE &&
          (g_str_equal (path, IC_FEED_API_PREFIX "/changes") || g_str_has_prefix (path, RESPONSES_PREFIX)))
        {
          ic_feed_server_send_problem (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                                       "This token may only read",
                                       "Ask the feed's keeper for a token that may push changes.");
          return;
        }
    }
}

static void
method_not_allowed (SoupServerMessage *msg,
                    const char        *allow)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
  ic_feed_server_send_problem (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed",
                               "Method not allowed", NULL);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  IcFeedServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  gboolean get = g_str_equal (method, SOUP_METHOD_GET) || g_str_equal (method, SOUP_METHOD_HEAD);

  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  ic_feed_server_conns_body_read (self, msg);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  /* RFC 7694: pushes may come gzipped. */
  soup_message_headers_replace (headers, "Accept-Encoding", "gzip");
  soup_message_headers_replace (headers, IC_FEED_PROTOCOL_HEADER, G_STRINGIFY (IC_FEED_PROTOCOL_VERSION));

  if (g_str_equal (path, IC_FEED_API_PREFIX "/changes"))
    {
      if (get)
        ic_feed_server_get_changes (self, msg, query);
      else if (g_str_equal (method, SOUP_METHOD_POST))
        ic_feed_server_post_changes (self, msg);
      else
        method_not_allowed (msg, "GET, HEAD, POST");
    }
  else if (g_str_equal (path, IC_FEED_API_PREFIX "/revs-diff"))
    {
      if (g_str_equal (method, SOUP_METHOD_POST))
        ic_feed_server_post_revs_diff (self, msg);
      else
        method_not_allowed (msg, "POST");
    }
  else if (g_str_has_prefix (path, RESPONSES_PREFIX) && g_str_has_suffix (path, "/erase") &&
           strlen (path) >= strlen (RESPONSES_PREFIX) + strlen ("/erase"))
    {
      g_autofree char *id = g_strndup (path + strlen (RESPONSES_PREFIX),
                                       strlen (path) - strlen (RESPONSES_PREFIX) - strlen ("/erase"));

      if (g_str_equal (method, SOUP_METHOD_POST))
        ic_feed_server_post_erase_response (self, msg, id);
      else
        method_not_allowed (msg, "POST");
    }
  else if (ic_feed_server_is_board_path (path))
    {
      gboolean answer = g_str_has_prefix (path, "/challenges/") && strlen (path) == strlen ("/challenges/") + 36;

      if (get)
        ic_feed_server_board_get (self, msg, path, query);
      else if (answer && g_str_equal (method, SOUP_METHOD_POST))
        ic_feed_server_board_post (self, msg, path);
      else
        method_not_allowed (msg, answer ? "GET, HEAD, POST" : "GET, HEAD");
    }
  else if (g_str_equal (path, "/healthz"))
    {
      if (get)
        ic_feed_server_get_health (self, msg);
      else
        method_not_allowed (msg, "GET, HEAD");
    }
  else
    ic_feed_server_send_problem (msg, SOUP_STATUS_NOT_FOUND, "not-found", "No such resource",
                                 "See PROTOCOL.md for the routes this server answers.");
}

static void
ic_feed_server_finalize (GObject *object)
{
  IcFeedServer *self = IC_FEED_SERVER (object);

  ic_feed_server_gate_shutdown (self);
  g_clear_pointer (&self->gate_urls, g_ptr_array_unref);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  ic_feed_server_conns_shutdown (self);
  ic_feed_server_jobs_shutdown (self);
  ic_feed_server_board_shutdown (self);
  g_free (self->listen_url);
  g_free (self->trusted_proxy);
  g_clear_object (&self->db);
  g_free (self->title);
  g_free (self->public_url);
  g_clear_pointer (&self->buckets, g_hash_table_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->known_cursors, g_hash_table_unref);

  G_OBJECT_CLASS (ic_feed_server_parent_class)->finalize (object);
}

static void
ic_feed_server_class_init (IcFeedServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_feed_server_finalize;
}

static void
ic_feed_server_init (IcFeedServer *self)
{
  self->title = g_strdup ("Interchange foresight");
  self->buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->known_cursors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->log = TRUE;
  self->page_bytes = IC_FEED_DEFAULT_PAGE_BYTES;
  ic_feed_server_conns_init (self);
  ic_feed_server_gate_init (self);
  self->gate_urls = g_ptr_array_new_with_free_func (g_free);
  ic_feed_server_board_init (self);
}

IcFeedServer *
ic_feed_server_new (IcServerDb      *db,
                    GTlsCertificate *certificate)
{
  IcFeedServer *self;

  g_return_val_if_fail (IC_IS_SERVER_DB (db), NULL);

  self = g_object_new (IC_TYPE_FEED_SERVER, NULL);
  self->db = g_object_ref (db);
  self->tls = certificate != NULL;
  ic_feed_server_jobs_init (self);
  self->soup = soup_server_new ("server-header", "interchange-feed-server/" PACKAGE_VERSION " ",
                                "tls-certificate", certificate,
                                NULL);
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (on_request_started), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (on_request_finished), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (on_request_aborted), self);
  return self;
}

void
ic_feed_server_set_title (IcFeedServer *self,
                          const char   *title)
{
  g_return_if_fail (IC_IS_FEED_SERVER (self));
  g_free (self->title);
  self->title = g_strdup (title);
}

void
ic_feed_server_set_public_url (IcFeedServer *self,
                               const char   *public_url)
{
  gsize length;

  g_return_if_fail (IC_IS_FEED_SERVER (self));
  g_free (self->public_url);
  self->public_url = g_strdup (public_url);
  length = self->public_url ? strlen (self->public_url) : 0;
  while (length > 0 && self->public_url[length - 1] == '/')
    self->public_url[--length] = '\0';
}

void
ic_feed_server_set_board (IcFeedServer *self,
                          const char   *title,
                          const char   *intro)
{
  g_return_if_fail (IC_IS_FEED_SERVER (self));
  if (title != NULL)
    {
      g_free (self->board_title);
      self->board_title = g_strdup (title);
    }
  g_free (self->board_intro);
  self->board_intro = g_strdup (intro);
  self->board_settings_hash = g_str_hash (self->board_title) ^ (intro ? g_str_hash (intro) * 31 : 0);
  g_hash_table_remove_all (self->board_cache);
  self->board_cache_bytes = 0;
}

void
ic_feed_server_set_trusted_proxy (IcFeedServer *self,
                                  const char   *address)
{
  g_autoptr(GInetAddress) parsed = address ? g_inet_address_new_from_string (address) : NULL;

  g_return_if_fail (IC_IS_FEED_SERVER (self));
  g_free (self->trusted_proxy);
  /* As libsoup writes a peer's address, to compare them as text. */
  self->trusted_proxy = parsed ? g_inet_address_to_string (parsed) : NULL;
}

void
ic_feed_server_set_answer_burst (IcFeedServer *self,
                                 guint         burst)
{
  g_return_if_fail (IC_IS_FEED_SERVER (self));
  self->answer_burst = MAX (burst, 1);
}

void
ic_feed_server_set_rate_limit (IcFeedServer *self,
                               double        per_second)
{
  g_return_if_fail (IC_IS_FEED_SERVER (self));
  self->rate_limit = MAX (per_second, 0);
}

void
ic_feed_server_set_page_bytes (IcFeedServer *self,
                               gsize         page_bytes)
{
  g_return_if_fail (IC_IS_FEED_SERVER (self));
  self->page_bytes = MAX (page_bytes, IC_FEED_PAGE_OVERHEAD_BYTES * 2);
  g_hash_table_remove_all (self->pages);
  self->pages_bytes = 0;
}

void
ic_feed_server_set_timeouts (IcFeedServer *self,
                             guint         header_seconds,
                             guint         body_seconds,
                             guint         idle_seconds)
{
  g_return_if_fail (IC_IS_FEED_SERVER (self));
  self->header_timeout = header_seconds;
  self->body_timeout = body_seconds;
  self->idle_timeout = idle_seconds;
}

void
ic_feed_server_set_max_connections (IcFeedServer *self,
                                    guint         total,
                                    guint         per_address)
{
  g_return_if_fail (IC_IS_FEED_SERVER (self));
  self->max_connections = total;
  self->max_per_address = per_address;
}

void
ic_feed_server_set_log (IcFeedServer *self,
                        gboolean      log)
{
  g_return_if_fail (IC_IS_FEED_SERVER (self));
  self->log = log;
}

gboolean
ic_feed_server_listen (IcFeedServer    *self,
                       GSocketAddress  *address,
                       GError         **error)
{
  g_auto(GStrv) urls = NULL;
  g_autoptr(GSocket) socket = NULL;

  g_return_val_if_fail (IC_IS_FEED_SERVER (self), FALSE);

  /* Hundreds of laptops connecting at once should not be reset or wait
   * a second each for a SYN to be sent again: a far longer queue than
   * GIO's default of 10 (the kernel cuts it to net.core.somaxconn). */
  socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return FALSE;
  if (self->tls ? !soup_server_listen_socket (self->soup, socket, SOUP_SERVER_LISTEN_HTTPS, error)
                : !ic_feed_server_gate_listen (self, socket, error))
    return FALSE;
  /* Without --public-url, links name the address each request was
   * sent to (its Host), and this one only when it has none. */
  urls = ic_feed_server_get_urls (self);
  g_free (self->listen_url);
  self->listen_url = g_strdup (urls[0]);
  return TRUE;
}

GStrv
ic_feed_server_get_urls (IcFeedServer *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GSList *uris = soup_server_get_uris (self->soup);

  for (GSList *l = uris; l != NULL; l = l->next)
    {
      g_autofree char *url = g_uri_to_string (l->data);
      g_strv_builder_add (builder, url);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  for (guint i = 0; i < self->gate_urls->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->gate_urls, i));
  return g_strv_builder_end (builder);
}

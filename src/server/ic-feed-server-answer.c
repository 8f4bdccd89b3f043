/* ic-feed-server-answer.c — "we can help": an answer posted from the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checked in this order, each refusal with a page that says why: the
 * rate per address, the kind of body, the hidden field people leave
 * empty, the form's token, then each field.  An answer that passes is
 * kept as a response record (team-only) by the writer thread, and the
 * browser is sent to the thank-you page (303, so a reload sends
 * nothing twice).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-board.h"
#include "ic-feed-server-private.h"

#define FORM_TYPE        "application/x-www-form-urlencoded"
#define MAX_BUCKETS      10000
/* Answers from one address: a burst of --answer-burst, then one more
 * every REFILL_S seconds. */
#define REFILL_S         60.0

typedef struct
{
  double tokens;
  gint64 updated_us;
} Bucket;

/* Takes one answer from the address's allowance; FALSE (with the
 * seconds to wait) when there is none left. */
static gboolean
take_allowance (IcFeedServer *self,
                const char   *address,
                int          *retry_after)
{
  gint64 now = g_get_monotonic_time ();
  Bucket *bucket = g_hash_table_lookup (self->form_buckets, address);

  if (bucket == NULL)
    {
      /* Forgetting every address at once keeps the table bounded. */
      if (g_hash_table_size (self->form_buckets) >= MAX_BUCKETS)
        g_hash_table_remove_all (self->form_buckets);
      bucket = g_new0 (Bucket, 1);
      bucket->tokens = self->answer_burst;
      bucket->updated_us = now;
      g_hash_table_insert (self->form_buckets, g_strdup (address), bucket);
    }
  bucket->tokens = MIN (self->answer_burst, bucket->tokens + (now - bucket->updated_us) / 1e6 / REFILL_S);
  bucket->updated_us = now;
  if (bucket->tokens >= 1.0)
    {
      bucket->tokens -= 1.0;
      return TRUE;
    }
  *retry_after = (int) ((1.0 - bucket->tokens) * REFILL_S) + 1;
  return FALSE;
}

typedef struct
{
  IcServerResponse *response;
  char             *back_url;
  gboolean          not_open;
  GError           *error;
} AnswerJob;

static void
answer_job_free (AnswerJob *job)
{
  ic_server_response_free (job->response);
  g_free (job->back_url);
  g_clear_error (&job->error);
  g_free (job);
}

static void
answer_work (IcServerDb *db,
             gpointer    data)
{
  AnswerJob *job = data;
  g_autoptr(IcRecord) record = NULL;

  /* Checked by the writer itself: a challenge closed or made private
   * since the form was shown takes no answer. */
  record = ic_server_db_get_public (db, IC_RECORD_KIND_CHALLENGE, job->response->challenge_id, &job->error);
  if (record == NULL)
    return;
  if (ic_challenge_get_status (IC_CHALLENGE (record)) != IC_CHALLENGE_STATUS_OPEN)
    {
      job->not_open = TRUE;
      return;
    }
  ic_server_db_add_response (db, job->response, &job->error);
}

static void
answer_done (IcFeedServer      *self,
             SoupServerMessage *msg,
             gpointer           data,
             GError            *open_error)
{
  AnswerJob *job = data;
  g_autofree char *thanks = NULL;

  if (g_error_matches (job->error, IC_SERVER_ERROR, IC_SERVER_ERROR_NOT_FOUND))
    {
      ic_feed_server_board_error (self, msg, SOUP_STATUS_NOT_FOUND, _("No such challenge"),
                                  _("There is no open challenge at this address. It may have been closed."),
                                  NULL);
      return;
    }
  if (job->not_open)
    {
      ic_feed_server_board_error (self, msg, SOUP_STATUS_CONFLICT, _("This challenge is closed"),
                                  _("This challenge no longer takes answers; your answer was not kept."), NULL);
      return;
    }
  if (open_error != NULL || job->error != NULL)
    {
      ic_feed_server_send_db_error (msg, open_error ? open_error : job->error);
      return;
    }
  thanks = g_strconcat ("/challenges/", job->response->challenge_id, "/thanks", NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control", "no-store");
  soup_server_message_set_redirect (msg, SOUP_STATUS_SEE_OTHER, thanks);
}

static gboolean
field (IcFeedServer      *self,
       SoupServerMessage *msg,
       GHashTable        *form,
       const char        *name,
       const char        *label,
       guint              max_chars,
       gboolean           multi_line,
       const char        *back_url,
       char             **value)
{
  g_autoptr(GError) error = NULL;

  *value = ic_board_clean_text (g_hash_table_lookup (form, name), label, max_chars, multi_line, &error);
  if (*value == NULL)
    {
      ic_feed_server_board_error (self, msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, _("Please check your answer"),
                                  error->message, back_url);
      return FALSE;
    }
  return TRUE;
}

char *
ic_feed_server_client_address (IcFeedServer      *self,
                               SoupServerMessage *msg)
{
  const char *peer = soup_server_message_get_remote_host (msg);
  const char *forwarded;
  g_autofree char *last = NULL;
  g_autoptr(GInetAddress) parsed = NULL;
  const char *comma;

  if (peer == NULL)
    return g_strdup ("-");
  if (self->trusted_proxy == NULL || !g_str_equal (peer, self->trusted_proxy))
    return g_strdup (peer);
  /* The proxy appends the address it saw: the last one is the only one
   * it vouches for (those before it came from the client). */
  forwarded = soup_message_headers_get_list (soup_server_message_get_request_headers (msg), "X-Forwarded-For");
  if (forwarded == NULL)
    return g_strdup (peer);
  comma = strrchr (forwarded, ',');
  last = g_strstrip (g_strdup (comma ? comma + 1 : forwarded));
  parsed = g_inet_address_new_from_string (last);
  return parsed != NULL ? g_inet_address_to_string (parsed) : g_strdup (peer);
}

void
ic_feed_server_board_post (IcFeedServer      *self,
                           SoupServerMessage *msg,
                           const char        *path)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autofree char *address = ic_feed_server_client_address (self, msg);
  const char *id = path + strlen ("/challenges/");
  const char *honeypot, *secret;
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(IcServerResponse) response = NULL;
  g_autofree char *text = NULL;
  g_autofree char *back_url = NULL;
  g_autofree char *wait = NULL;
  AnswerJob *job;
  int retry_after = 0;

  back_url = g_strconcat ("/challenges/", id, NULL);
  if (!take_allowance (self, address, &retry_after))
    {
      wait = g_strdup_printf ("%d", retry_after);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", wait);
      ic_feed_server_board_error (self, msg, IC_HTTP_TOO_MANY_REQUESTS, _("Too many answers"),
                                  _("Many answers came from your address in a short time. Please wait a few "
                                    "minutes, then send yours again."), back_url);
      return;
    }
  if (g_strcmp0 (content_type, FORM_TYPE) != 0)
    {
      ic_feed_server_board_error (self, msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, _("This is not the board’s form"),
                                  _("Answers are sent with the form on the challenge’s page."), back_url);
      return;
    }
  bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (bytes) > IC_BOARD_FORM_MAX_BYTES)
    {
      ic_feed_server_board_error (self, msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, _("Your answer is too long"),
                                  _("An answer holds up to 2,000 characters."), back_url);
      return;
    }
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  form = soup_form_decode (text);

  honeypot = g_hash_table_lookup (form, "website");
  if (honeypot != NULL && honeypot[0] != '\0')
    {
      ic_feed_server_board_error (self, msg, SOUP_STATUS_BAD_REQUEST, _("Your answer was not sent"),
                                  _("The form came back with a field filled in that people leave empty, as "
                                    "programs that send forms do. If you are a person, open the challenge "
                                    "again and send your answer."), back_url);
      return;
    }
  secret = ic_feed_server_board_secret (self);
  if (secret == NULL ||
      !ic_board_form_check (secret, id, g_hash_table_lookup (form, "ts"), g_hash_table_lookup (form, "token"),
                            g_get_real_time () / G_USEC_PER_SEC))
    {
      ic_feed_server_board_error (self, msg, SOUP_STATUS_FORBIDDEN, _("This form has expired"),
                                  _("The form was not made by this board for this challenge, or it is more "
                                    "than a day old. Open the challenge again and send your answer from there."),
                                  back_url);
      return;
    }
  if (g_strcmp0 (g_hash_table_lookup (form, "consent"), "yes") != 0)
    {
      ic_feed_server_board_error (self, msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, _("Please check your answer"),
                                  _("Tick the box to agree that the team keeps your details; without it your "
                                    "answer cannot be kept."), back_url);
      return;
    }

  response = g_new0 (IcServerResponse, 1);
  response->challenge_id = g_strdup (id);
  response->consent = TRUE;
  if (!field (self, msg, form, "organisation", _("Your organisation"), IC_BOARD_FIELD_CHARS, FALSE, back_url,
              &response->organisation) ||
      !field (self, msg, form, "contact_name", _("Your name"), IC_BOARD_FIELD_CHARS, FALSE, back_url,
              &response->contact_name) ||
      !field (self, msg, form, "email", _("Email"), IC_BOARD_EMAIL_CHARS, FALSE, back_url, &response->email) ||
      !field (self, msg, form, "answer", _("How you can help"), IC_BOARD_ANSWER_CHARS, TRUE, back_url,
              &response->answer))
    return;
  if (!ic_board_email_valid (response->email))
    {
      ic_feed_server_board_error (self, msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, _("Please check your answer"),
                                  _("The email address does not look like one (name@example.org)."), back_url);
      return;
    }

  job = g_new0 (AnswerJob, 1);
  job->response = g_steal_pointer (&response);
  job->back_url = g_steal_pointer (&back_url);
  ic_feed_server_run_job (self, msg, TRUE, answer_work, answer_done, job, (GDestroyNotify) answer_job_free);
}

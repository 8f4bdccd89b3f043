/* ic-feed-server-board.c — the board's routes, without a token
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   GET  /                       open public challenges (?cluster= &q= &page=)
 *   GET  /challenges/ID          one public challenge, with the answer form
 *   POST /challenges/ID          an answer ("we can help")
 *   GET  /challenges/ID/thanks   after an answer
 *   GET  /foresight              public foresight items (?q= &page=)
 *   GET  /challenges.atom, /challenges.json, /foresight.atom, /foresight.json
 *   GET  /v1/feed.json           the foresight JSON Feed, as before
 *
 * A page is written by a reader thread once, then served from memory
 * until the log moves (every answer says its ETag; If-None-Match gets
 * 304).  Anything not public is 404, whatever it is.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-board.h"
#include "ic-feed-protocol.h"
#include "ic-feed-server-private.h"

#define HTML_TYPE          "text/html; charset=utf-8"
#define ATOM_TYPE          "application/atom+xml; charset=utf-8"
#define JSON_FEED_TYPE     "application/feed+json"
#define MAX_CACHED         256
#define MAX_CACHED_BYTES   (32 * 1024 * 1024)
#define MAX_SEARCH_CHARS   200
#define MAX_PAGE           100000

typedef enum
{
  ROUTE_NONE,
  ROUTE_LIST,
  ROUTE_CHALLENGE,
  ROUTE_THANKS,
  ROUTE_FORESIGHT,
  ROUTE_CHALLENGES_ATOM,
  ROUTE_CHALLENGES_JSON,
  ROUTE_FORESIGHT_ATOM,
  ROUTE_FORESIGHT_JSON,
  ROUTE_V1_FEED,
} Route;

typedef struct
{
  GBytes     *body;
  const char *content_type;
} Cached;

static void
cached_free (Cached *cached)
{
  g_bytes_unref (cached->body);
  g_free (cached);
}

void
ic_feed_server_board_init (IcFeedServer *self)
{
  self->board_title = g_strdup ("Interchange");
  self->taxonomy = ic_taxonomy_new_default ();
  self->board_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cached_free);
  self->form_buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->board_cache_seq = -1;
  self->answer_burst = IC_FEED_SERVER_DEFAULT_ANSWER_BURST;
}

void
ic_feed_server_board_shutdown (IcFeedServer *self)
{
  g_clear_pointer (&self->board_title, g_free);
  g_clear_pointer (&self->board_intro, g_free);
  g_clear_pointer (&self->form_secret, g_free);
  g_clear_object (&self->taxonomy);
  g_clear_pointer (&self->board_cache, g_hash_table_unref);
  g_clear_pointer (&self->form_buckets, g_hash_table_unref);
}

gboolean
ic_feed_server_is_board_path (const char *path)
{
  return g_str_equal (path, "/") || g_str_has_prefix (path, "/challenges") ||
         g_str_has_prefix (path, "/foresight") || g_str_equal (path, IC_FEED_API_PREFIX "/feed.json");
}

static gboolean
is_uuid (const char *text)
{
  if (text == NULL || strlen (text) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isxdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

/* The route of @path; the challenge's id in *@id. */
static Route
find_route (const char  *path,
            char       **id)
{
  const char *rest;

  if (g_str_equal (path, "/"))
    return ROUTE_LIST;
  if (g_str_equal (path, "/foresight"))
    return ROUTE_FORESIGHT;
  if (g_str_equal (path, "/challenges.atom"))
    return ROUTE_CHALLENGES_ATOM;
  if (g_str_equal (path, "/challenges.json"))
    return ROUTE_CHALLENGES_JSON;
  if (g_str_equal (path, "/foresight.atom"))
    return ROUTE_FORESIGHT_ATOM;
  if (g_str_equal (path, "/foresight.json"))
    return ROUTE_FORESIGHT_JSON;
  if (g_str_equal (path, IC_FEED_API_PREFIX "/feed.json"))
    return ROUTE_V1_FEED;
  if (!g_str_has_prefix (path, "/challenges/"))
    return ROUTE_NONE;
  rest = path + strlen ("/challenges/");
  if (strlen (rest) == 36 && is_uuid (rest))
    {
      *id = g_ascii_strdown (rest, -1);
      return ROUTE_CHALLENGE;
    }
  if (g_str_has_suffix (rest, "/thanks") && strlen (rest) == 36 + strlen ("/thanks"))
    {
      g_autofree char *head = g_strndup (rest, 36);

      if (is_uuid (head))
        {
          *id = g_ascii_strdown (head, -1);
          return ROUTE_THANKS;
        }
    }
  return ROUTE_NONE;
}

/* Where people reach the board: --public-url, or else the address the
 * request was sent to (its Host), or else the one the server listens on. */
static char *
base_url (IcFeedServer      *self,
          SoupServerMessage *msg)
{
  const char *host = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Host");
  gsize length;

  if (self->public_url != NULL)
    return g_strdup (self->public_url);
  if (host != NULL && host[0] != '\0' && strlen (host) <= 255 &&
      strspn (host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == strlen (host))
    return g_strconcat (self->tls ? "https://" : "http://", host, NULL);
  if (self->listen_url != NULL)
    {
      length = strlen (self->listen_url);
      return g_strndup (self->listen_url, length > 0 && self->listen_url[length - 1] == '/' ? length - 1 : length);
    }
  return g_strdup ("http://localhost");
}

static void
site_init (IcFeedServer *self,
           IcBoardSite  *site,
           char         *url)
{
  site->title = self->board_title;
  site->intro = self->board_intro;
  site->base_url = url;
  site->taxonomy = self->taxonomy;
}

static void
send_page (SoupServerMessage *msg,
           guint              status,
           const char        *content_type,
           GBytes            *body)
{
  soup_server_message_set_status (msg, status, NULL);
  ic_feed_server_send_bytes (msg, content_type, body);
}

/* An HTML page for a refusal, never cached. */
static void
send_error_page (IcFeedServer      *self,
                 SoupServerMessage *msg,
                 guint              status,
                 const char        *heading,
                 const char        *message,
                 const char        *back_url)
{
  g_autofree char *url = base_url (self, msg);
  IcBoardSite site;
  char *text;
  g_autoptr(GBytes) body = NULL;

  site_init (self, &site, url);
  text = ic_board_render_error (&site, heading, message, back_url);
  body = g_bytes_new_take (text, strlen (text));
  soup_message_headers_remove (soup_server_message_get_response_headers (msg), "ETag");
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control", "no-store");
  send_page (msg, status, HTML_TYPE, body);
}

void
ic_feed_server_board_error (IcFeedServer      *self,
                            SoupServerMessage *msg,
                            guint              status,
                            const char        *heading,
                            const char        *message,
                            const char        *back_url)
{
  send_error_page (self, msg, status, heading, message, back_url);
}

const char *
ic_feed_server_board_secret (IcFeedServer *self)
{
  if (self->form_secret == NULL)
    self->form_secret = ic_server_db_get_form_secret (self->db, NULL);
  return self->form_secret;
}

char *
ic_feed_server_board_url (IcFeedServer      *self,
                          SoupServerMessage *msg)
{
  return base_url (self, msg);
}

static gboolean
etag_matches (const char *if_none_match,
              const char *etag)
{
  g_auto(GStrv) tags = NULL;

  if (if_none_match == NULL)
    return FALSE;
  tags = g_strsplit (if_none_match, ",", 64);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *tag = g_strstrip (tags[i]);

      if (g_str_has_prefix (tag, "W/"))
        tag += 2;
      if (g_str_equal (tag, "*") || g_str_equal (tag, etag))
        return TRUE;
    }
  return FALSE;
}

/* A page in the making, in a reader thread. */
typedef struct
{
  Route        route;
  char        *id;
  char        *cluster;
  char        *search;
  guint        page;
  guint        offset;
  char        *title;
  char        *intro;
  char        *base_url;
  char        *feed_url;
  char        *next_base;
  IcTaxonomy  *taxonomy;
  char        *form_time;
  char        *form_token;
  char        *key;
  gint64       seq;
  char        *text;
  const char  *content_type;
  guint        status;
  GError      *error;
} PageJob;

static void
page_job_free (PageJob *job)
{
  g_free (job->id);
  g_free (job->cluster);
  g_free (job->search);
  g_free (job->title);
  g_free (job->intro);
  g_free (job->base_url);
  g_free (job->feed_url);
  g_free (job->next_base);
  g_clear_object (&job->taxonomy);
  g_free (job->form_time);
  g_free (job->form_token);
  g_free (job->key);
  g_free (job->text);
  g_clear_error (&job->error);
  g_free (job);
}

/* What the board shows for who set the challenge: the public label if
 * it has one (the organisation then never appears), else the name of
 * its organisation. */
static IcBoardChallenge *
board_entry (IcServerDb  *db,
             IcChallenge *challenge)
{
  IcBoardChallenge *entry = g_new0 (IcBoardChallenge, 1);
  const char *label = ic_challenge_get_public_label (challenge);

  entry->challenge = g_object_ref (challenge);
  if (label != NULL && label[0] != '\0')
    entry->shown_as = g_strdup (label);
  else
    entry->shown_as = ic_server_db_get_organisation_name (db, ic_challenge_get_organisation_id (challenge));
  return entry;
}

static GPtrArray *
board_entries (IcServerDb *db,
               GPtrArray  *challenges)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_board_challenge_free);

  for (guint i = 0; i < challenges->len; i++)
    g_ptr_array_add (entries, board_entry (db, g_ptr_array_index (challenges, i)));
  return entries;
}

static void
page_work (IcServerDb *db,
           gpointer    data)
{
  PageJob *job = data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(IcRecord) record = NULL;
  g_autoptr(IcBoardChallenge) entry = NULL;
  IcBoardSite site = { job->title, job->intro, job->base_url, job->taxonomy };
  IcBoardListing listing = { job->cluster, job->search, job->page, 0 };
  guint total = 0;

  job->status = SOUP_STATUS_OK;
  switch (job->route)
    {
    case ROUTE_LIST:
      records = ic_server_db_list_public (db, IC_RECORD_KIND_CHALLENGE, job->cluster, job->search,
                                          (job->page - 1) * IC_BOARD_PAGE_SIZE, IC_BOARD_PAGE_SIZE,
                                          &total, &job->error);
      if (records == NULL)
        return;
      entries = board_entries (db, records);
      listing.total = total;
      job->text = ic_board_render_challenges (&site, &listing, entries);
      job->content_type = HTML_TYPE;
      break;

    case ROUTE_CHALLENGE:
      record = ic_server_db_get_public (db, IC_RECORD_KIND_CHALLENGE, job->id, &job->error);
      if (record == NULL)
        return;
      entry = board_entry (db, IC_CHALLENGE (record));
      job->text = ic_board_render_challenge (&site, entry, job->form_time, job->form_token);
      job->content_type = HTML_TYPE;
      break;

    case ROUTE_FORESIGHT:
      records = ic_server_db_list_public (db, IC_RECORD_KIND_FORESIGHT, NULL, job->search,
                                          (job->page - 1) * IC_BOARD_PAGE_SIZE, IC_BOARD_PAGE_SIZE,
                                          &total, &job->error);
      if (records == NULL)
        return;
      listing.total = total;
      job->text = ic_board_render_foresight (&site, &listing, records);
      job->content_type = HTML_TYPE;
      break;

    case ROUTE_CHALLENGES_ATOM:
    case ROUTE_CHALLENGES_JSON:
      records = ic_server_db_list_public (db, IC_RECORD_KIND_CHALLENGE, job->cluster, NULL, job->offset,
                                          IC_BOARD_FEED_ITEMS + 1, &total, &job->error);
      if (records == NULL)
        return;
      entries = board_entries (db, records);
      if (job->route == ROUTE_CHALLENGES_ATOM)
        {
          g_ptr_array_set_size (entries, MIN (entries->len, IC_BOARD_FEED_ITEMS));
          job->text = ic_board_challenges_atom (&site, entries);
          job->content_type = ATOM_TYPE;
        }
      else
        {
          job->text = ic_board_challenges_json (&site, entries, job->feed_url, job->next_base, job->offset);
          job->content_type = JSON_FEED_TYPE;
        }
      break;

    case ROUTE_FORESIGHT_ATOM:
    case ROUTE_FORESIGHT_JSON:
    case ROUTE_V1_FEED:
      records = ic_server_db_list_public (db, IC_RECORD_KIND_FORESIGHT, NULL, NULL, job->offset,
                                          IC_BOARD_FEED_ITEMS + 1, &total, &job->error);
      if (records == NULL)
        return;
      if (job->route == ROUTE_FORESIGHT_ATOM)
        {
          g_ptr_array_set_size (records, MIN (records->len, IC_BOARD_FEED_ITEMS));
          job->text = ic_board_foresight_atom (&site, records);
          job->content_type = ATOM_TYPE;
        }
      else
        {
          job->text = ic_board_foresight_json (&site, records, job->feed_url, job->next_base, job->offset);
          job->content_type = JSON_FEED_TYPE;
        }
      break;

    case ROUTE_THANKS:
    case ROUTE_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
set_cache_headers (SoupServerMessage *msg,
                   const char        *etag)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "ETag", etag);
  /* Anyone may keep it, and asks again each time: a 304 is cheap. */
  soup_message_headers_replace (headers, "Cache-Control", "public, no-cache");
}

static void
cache_put (IcFeedServer *self,
           const char   *key,
           GBytes       *body,
           const char   *content_type)
{
  Cached *cached;

  if (g_hash_table_size (self->board_cache) >= MAX_CACHED ||
      self->board_cache_bytes + g_bytes_get_size (body) > MAX_CACHED_BYTES)
    {
      g_hash_table_remove_all (self->board_cache);
      self->board_cache_bytes = 0;
    }
  cached = g_new0 (Cached, 1);
  cached->body = g_bytes_ref (body);
  cached->content_type = content_type;
  self->board_cache_bytes += g_bytes_get_size (body);
  g_hash_table_replace (self->board_cache, g_strdup (key), cached);
}

static void
page_done (IcFeedServer      *self,
           SoupServerMessage *msg,
           gpointer           data,
           GError            *open_error)
{
  PageJob *job = data;
  g_autoptr(GBytes) body = NULL;

  if (g_error_matches (job->error, IC_SERVER_ERROR, IC_SERVER_ERROR_NOT_FOUND))
    {
      /* Private, team, deleted or unknown: the same answer. */
      send_error_page (self, msg, SOUP_STATUS_NOT_FOUND, _("No such challenge"),
                       _("There is no open challenge at this address. It may have been closed."), NULL);
      return;
    }
  if (open_error != NULL || job->text == NULL)
    {
      ic_feed_server_send_db_error (msg, open_error ? open_error : job->error);
      return;
    }
  body = g_bytes_new (job->text, strlen (job->text));
  /* Only a page true of the log as the cache knows it is kept. */
  if (job->seq == self->board_cache_seq)
    cache_put (self, job->key, body, job->content_type);
  send_page (msg, job->status, job->content_type, body);
}

/* Parses the listing's query: 400 (answered) when a value is not one
 * the board takes. */
static gboolean
read_listing (IcFeedServer      *self,
              SoupServerMessage *msg,
              GHashTable        *query,
              Route              route,
              PageJob           *job)
{
  const char *cluster = query ? g_hash_table_lookup (query, "cluster") : NULL;
  const char *search = query ? g_hash_table_lookup (query, "q") : NULL;
  const char *page = query ? g_hash_table_lookup (query, "page") : NULL;
  const char *offset = query ? g_hash_table_lookup (query, "offset") : NULL;
  GUri *uri = soup_server_message_get_uri (msg);
  const char *raw = uri ? g_uri_get_query (uri) : NULL;
  guint64 number = 1;

  if (raw != NULL && strstr (raw, "%00") != NULL)
    goto bad;
  if (cluster != NULL && cluster[0] != '\0')
    {
      if (ic_taxonomy_get_cluster_name (self->taxonomy, cluster) == NULL)
        {
          send_error_page (self, msg, SOUP_STATUS_BAD_REQUEST, _("Unknown cluster"),
                           _("The board has no cluster of this name. Choose one from the list."), "/");
          return FALSE;
        }
      job->cluster = g_strdup (cluster);
    }
  if (search != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (search));

      if (!g_utf8_validate (trimmed, -1, NULL) || g_utf8_strlen (trimmed, -1) > MAX_SEARCH_CHARS)
        goto bad;
      if (trimmed[0] != '\0')
        job->search = g_steal_pointer (&trimmed);
    }
  if (page != NULL && !g_ascii_string_to_unsigned (page, 10, 1, MAX_PAGE, &number, NULL))
    goto bad;
  job->page = (guint) number;
  number = 0;
  if (offset != NULL && !g_ascii_string_to_unsigned (offset, 10, 0, (guint64) MAX_PAGE * IC_BOARD_PAGE_SIZE,
                                                     &number, NULL))
    goto bad;
  job->offset = (guint) number;
  return TRUE;

bad:
  send_error_page (self, msg, SOUP_STATUS_BAD_REQUEST, _("This address is not one the board knows"),
                   _("A search holds up to 200 characters, and a page is a whole number from 1."), NULL);
  return FALSE;
}

void
ic_feed_server_board_get (IcFeedServer      *self,
                          SoupServerMessage *msg,
                          const char        *path,
                          GHashTable        *query)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *url = base_url (self, msg);
  g_autofree char *etag = NULL;
  g_autofree char *key = NULL;
  GUri *uri = soup_server_message_get_uri (msg);
  const char *raw = uri ? g_uri_get_query (uri) : NULL;
  const char *if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                            "If-None-Match");
  Route route = find_route (path, &id);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 hour = now - now % 3600;
  gint64 last_seq;
  PageJob *job;
  Cached *cached;

  if (route == ROUTE_NONE)
    {
      send_error_page (self, msg, SOUP_STATUS_NOT_FOUND, _("Page not found"),
                       _("There is no page at this address."), NULL);
      return;
    }
  if (route == ROUTE_THANKS)
    {
      IcBoardSite site;
      char *text;
      g_autoptr(GBytes) body = NULL;

      site_init (self, &site, url);
      text = ic_board_render_thanks (&site, id);
      body = g_bytes_new_take (text, strlen (text));
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control", "no-store");
      send_page (msg, SOUP_STATUS_OK, HTML_TYPE, body);
      return;
    }

  last_seq = ic_server_db_get_last_seq (self->db, &error);
  if (last_seq < 0)
    {
      ic_feed_server_send_db_error (msg, error);
      return;
    }
  if (last_seq != self->board_cache_seq)
    {
      g_hash_table_remove_all (self->board_cache);
      self->board_cache_bytes = 0;
      self->board_cache_seq = last_seq;
    }

  /* The answer is true of the log at last_seq, the site's settings and
   * the address; a challenge's page also of the hour its form was made. */
  key = g_strdup_printf ("%s\n%s\n%s\n%" G_GINT64_FORMAT, url, path, raw ? raw : "",
                         route == ROUTE_CHALLENGE ? hour : (gint64) 0);
  etag = g_strdup_printf ("\"%.8s-%" G_GINT64_FORMAT "-%08x%08x\"", ic_server_db_get_feed_id (self->db), last_seq,
                          g_str_hash (key), self->board_settings_hash);
  set_cache_headers (msg, etag);
  if (etag_matches (if_none_match, etag))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  cached = g_hash_table_lookup (self->board_cache, key);
  if (cached != NULL)
    {
      send_page (msg, SOUP_STATUS_OK, cached->content_type, cached->body);
      return;
    }

  job = g_new0 (PageJob, 1);
  job->route = route;
  job->id = g_steal_pointer (&id);
  job->seq = last_seq;
  job->key = g_steal_pointer (&key);
  job->title = g_strdup (self->board_title);
  job->intro = g_strdup (self->board_intro);
  job->base_url = g_strdup (url);
  job->taxonomy = g_object_ref (self->taxonomy);
  if (!read_listing (self, msg, query, route, job))
    {
      page_job_free (job);
      return;
    }
  if (route == ROUTE_CHALLENGE)
    {
      if (ic_feed_server_board_secret (self) == NULL)
        {
          page_job_free (job);
          ic_feed_server_send_problem (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                                       "The feed server failed", NULL);
          return;
        }
      job->form_time = g_strdup_printf ("%" G_GINT64_FORMAT, hour);
      job->form_token = ic_board_form_token (ic_feed_server_board_secret (self), job->id, hour);
    }
  else
    {
      const char *feed_path = route == ROUTE_V1_FEED ? IC_FEED_API_PREFIX "/feed.json"
                              : route == ROUTE_CHALLENGES_JSON ? "/challenges.json" : "/foresight.json";
      g_autofree char *cluster_part = NULL;

      if (job->cluster != NULL)
        {
          g_autofree char *escaped = g_uri_escape_string (job->cluster, NULL, FALSE);

          cluster_part = g_strconcat ("cluster=", escaped, "&", NULL);
        }
      job->feed_url = g_strconcat (url, feed_path, NULL);
      job->next_base = g_strconcat (url, feed_path, "?", cluster_part ? cluster_part : "", "offset=", NULL);
    }
  ic_feed_server_run_job (self, msg, FALSE, page_work, page_done, job, (GDestroyNotify) page_job_free);
}

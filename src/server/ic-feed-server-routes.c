/* ic-feed-server-routes.c — what each route answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-feed-error.h"
#include "ic-feed-json.h"
#include "ic-feed-protocol.h"
#include "ic-feed-server-private.h"

static void
string_free (GString *string)
{
  g_string_free (string, TRUE);
}

/* A query number from @min to @max, @fallback when absent; anything
 * else is 400 bad-query, as PROTOCOL.md says: a number out of range is
 * refused, never cut to fit. */
static gboolean
read_query_int (SoupServerMessage *msg,
                GHashTable        *query,
                const char        *name,
                gint64             fallback,
                gint64             min,
                gint64             max,
                gint64            *value)
{
  const char *text = query ? g_hash_table_lookup (query, name) : NULL;
  g_autofree char *detail = NULL;
  guint64 number;

  *value = fallback;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, (guint64) min, (guint64) max, &number, NULL))
    {
      detail = g_strdup_printf ("%s must be a whole number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                                name, min, max);
      ic_feed_server_send_problem (msg, SOUP_STATUS_BAD_REQUEST, "bad-query", "Bad query", detail);
      return FALSE;
    }
  *value = (gint64) number;
  return TRUE;
}

/* The query comes decoded, and a decoded "%00" ends its value: "1%00x"
 * would read as 1.  No value of this protocol holds a NUL. */
static gboolean
query_has_no_nul (SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *raw = uri ? g_uri_get_query (uri) : NULL;

  for (const char *p = raw; p != NULL && (p = strchr (p, '%')) != NULL; p++)
    if (p[1] == '0' && p[2] == '0')
      {
        ic_feed_server_send_problem (msg, SOUP_STATUS_BAD_REQUEST, "bad-query", "Bad query",
                                     "The query holds a NUL (%00).");
        return FALSE;
      }
  return TRUE;
}

/* Many laptops pull the same pages (the tail of the log, mostly): a page
 * is written once and served again until the log moves.  The cache is
 * the main loop's; pages are written by readers. */
#define MAX_CACHED_PAGES        64
#define MAX_CACHED_PAGE_BYTES   (64 * 1024 * 1024)
#define MAX_KNOWN_CURSORS       4096

typedef struct
{
  char    *key;
  gint64   since;
  gint64   limit;
  gsize    max_bytes;
  gsize    client_cap;
  GString *out;
  gint64   snapshot_seq;
  GError  *error;
} PageJob;

static void
page_job_free (PageJob *job)
{
  g_free (job->key);
  if (job->out != NULL)
    g_string_free (job->out, TRUE);
  g_clear_error (&job->error);
  g_free (job);
}

static void
page_work (IcServerDb *db,
           gpointer    data)
{
  PageJob *job = data;

  job->out = g_string_sized_new (64 * 1024);
  if (!ic_server_db_write_changes (db, job->since, (guint) job->limit, job->max_bytes, job->client_cap,
                                   &job->snapshot_seq, job->out, &job->error))
    g_clear_pointer (&job->out, string_free);
}

static void
cache_page (IcFeedServer *self,
            char         *key,
            GBytes       *page)
{
  if (g_hash_table_size (self->pages) >= MAX_CACHED_PAGES ||
      self->pages_bytes + g_bytes_get_size (page) > MAX_CACHED_PAGE_BYTES)
    {
      g_hash_table_remove_all (self->pages);
      self->pages_bytes = 0;
    }
  self->pages_bytes += g_bytes_get_size (page);
  g_hash_table_insert (self->pages, key, g_bytes_ref (page));
}

static void
page_done (IcFeedServer      *self,
           SoupServerMessage *msg,
           gpointer           data,
           GError            *open_error)
{
  PageJob *job = data;
  g_autoptr(GBytes) page = NULL;

  if (open_error != NULL || job->out == NULL)
    {
      ic_feed_server_send_db_error (msg, open_error ? open_error : job->error);
      return;
    }
  page = g_string_free_to_bytes (g_steal_pointer (&job->out));
  /* Only a page true of the log as the cache knows it is kept. */
  if (job->snapshot_seq == self->pages_seq)
    cache_page (self, g_steal_pointer (&job->key), page);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  ic_feed_server_send_bytes (msg, IC_FEED_MEDIA_TYPE, page);
}

void
ic_feed_server_get_changes (IcFeedServer      *self,
                            SoupServerMessage *msg,
                            GHashTable        *query)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *cursor_key = NULL;
  const char *since_hash = query ? g_hash_table_lookup (query, "since_hash") : NULL;
  gint64 since, limit, client_cap, last_seq;
  gboolean known = TRUE;
  PageJob *job;
  GBytes *page;

  if (!query_has_no_nul (msg) ||
      !read_query_int (msg, query, "since", 0, 0, G_MAXINT64, &since) ||
      !read_query_int (msg, query, "limit", IC_FEED_DEFAULT_PAGE, 1, IC_FEED_MAX_PAGE, &limit) ||
      !read_query_int (msg, query, "max_bytes", G_MAXINT64, 1, G_MAXINT64, &client_cap))
    return;
  /* Below this, not even an envelope fits. */
  client_cap = MAX (client_cap, IC_FEED_PAGE_OVERHEAD_BYTES * 2);

  /* Two lookups by key on the main loop: cheap, and they decide whether
   * a reader is needed at all; the laptops that pull often name the same
   * few cursors, found once. */
  if (since_hash != NULL && since > 0)
    cursor_key = g_strdup_printf ("%" G_GINT64_FORMAT "/%.128s", since, since_hash);
  if (cursor_key == NULL || !g_hash_table_contains (self->known_cursors, cursor_key))
    {
      if (!ic_server_db_check_cursor (self->db, since, since_hash, &known, &error))
        {
          ic_feed_server_send_db_error (msg, error);
          return;
        }
      if (known && cursor_key != NULL)
        {
          if (g_hash_table_size (self->known_cursors) >= MAX_KNOWN_CURSORS)
            g_hash_table_remove_all (self->known_cursors);
          g_hash_table_add (self->known_cursors, g_steal_pointer (&cursor_key));
        }
    }
  if (!known)
    {
      ic_feed_server_send_problem (msg, SOUP_STATUS_CONFLICT, "cursor-unknown",
                                   "The feed's log does not hold this cursor",
                                   "The log no longer holds the change at since with since_hash "
                                   "(it was restored from an older copy). Pull from 0 and offer "
                                   "again what POST /v1/revs-diff says is missing.");
      return;
    }
  last_seq = ic_server_db_get_last_seq (self->db, &error);
  if (last_seq < 0)
    {
      ic_feed_server_send_db_error (msg, error);
      return;
    }
  if (last_seq != self->pages_seq)
    {
      g_hash_table_remove_all (self->pages);
      self->pages_seq = last_seq;
      self->pages_bytes = 0;
    }

  key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                         since, limit, client_cap);
  page = g_hash_table_lookup (self->pages, key);
  if (page != NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      ic_feed_server_send_bytes (msg, IC_FEED_MEDIA_TYPE, page);
      return;
    }

  job = g_new0 (PageJob, 1);
  job->key = g_steal_pointer (&key);
  job->since = since;
  job->limit = limit;
  job->client_cap = (gsize) client_cap;
  job->max_bytes = MIN ((gsize) client_cap, self->page_bytes);
  ic_feed_server_run_job (self, msg, FALSE, page_work, page_done, job, (GDestroyNotify) page_job_free);
}

/* An id to echo in a rejected result: whatever string the change had. */
static char *
readable_id (JsonNode *node)
{
  const char *id = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !ic_feed_json_get_string (json_node_get_object (node), "id", &id, NULL) ||
      !g_utf8_validate (id, -1, NULL))
    return NULL;
  return g_utf8_substring (id, 0, MIN (g_utf8_strlen (id, -1), 64));
}

/* A request's answer worked out in a thread: a problem, a database
 * failure, or a JSON body. */
typedef struct
{
  GBytes  *body;
  char    *token_name;
  char    *id;
  GString *out;
  GError  *error;
  guint    status;
  char    *slug;
  char    *title;
  char    *detail;
} BodyJob;

static void
body_job_free (BodyJob *job)
{
  g_clear_pointer (&job->body, g_bytes_unref);
  g_free (job->token_name);
  g_free (job->id);
  if (job->out != NULL)
    g_string_free (job->out, TRUE);
  g_clear_error (&job->error);
  g_free (job->slug);
  g_free (job->title);
  g_free (job->detail);
  g_free (job);
}

static void
body_job_problem (BodyJob    *job,
                  guint       status,
                  const char *slug,
                  const char *title,
                  const char *detail)
{
  job->status = status;
  job->slug = g_strdup (slug);
  job->title = g_strdup (title);
  job->detail = g_strdup (detail);
}

static void
body_job_done (IcFeedServer      *self,
               SoupServerMessage *msg,
               gpointer           data,
               GError            *open_error)
{
  BodyJob *job = data;

  if (open_error != NULL)
    ic_feed_server_send_db_error (msg, open_error);
  else if (job->status != 0)
    ic_feed_server_send_problem (msg, job->status, job->slug, job->title, job->detail);
  else if (job->out == NULL)
    ic_feed_server_send_db_error (msg, job->error);
  else
    ic_feed_server_send_json (msg, IC_FEED_MEDIA_TYPE, g_steal_pointer (&job->out));
}

static void
push_work (IcServerDb *db,
           gpointer    data)
{
  BodyJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *detail = NULL;
  JsonArray *array;
  gsize length;
  const char *text = g_bytes_get_data (job->body, &length);

  root = ic_feed_json_parse_object (text ? text : "", length, &error);
  if (root == NULL)
    {
      body_job_problem (job, SOUP_STATUS_BAD_REQUEST, "malformed-json",
                        "The body is not the JSON object expected", error->message);
      return;
    }
  array = ic_feed_json_get_array (json_node_get_object (root), "changes", &error);
  if (array == NULL)
    {
      body_job_problem (job, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid-batch",
                        "The batch is not valid", error->message);
      return;
    }
  if (json_array_get_length (array) > IC_FEED_MAX_BATCH)
    {
      detail = g_strdup_printf ("A batch may hold at most %d changes; this one holds %u.",
                                IC_FEED_MAX_BATCH, json_array_get_length (array));
      body_job_problem (job, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-many-changes",
                        "The batch is too large", detail);
      return;
    }

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_server_push_item_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      IcServerPushItem *item = g_new0 (IcServerPushItem, 1);
      g_autoptr(GError) change_error = NULL;

      item->change = ic_feed_change_parse_push (node, &change_error);
      if (item->change == NULL)
        {
          item->id = readable_id (node);
          item->problem = g_strdup (change_error->message);
        }
      g_ptr_array_add (items, item);
    }

  job->out = g_string_sized_new (128 + 96 * items->len);
  if (!ic_server_db_apply_batch (db, items, job->token_name, job->out, &job->error))
    g_clear_pointer (&job->out, string_free);
}

void
ic_feed_server_post_changes (IcFeedServer      *self,
                             SoupServerMessage *msg)
{
  IcRequestInfo *info = ic_feed_server_get_info (msg);
  GBytes *bytes = ic_feed_server_read_body (msg);
  BodyJob *job;

  if (bytes == NULL)
    return;
  job = g_new0 (BodyJob, 1);
  job->body = bytes;
  job->token_name = g_strdup (info->token_name);
  ic_feed_server_run_job (self, msg, TRUE, push_work, body_job_done, job, (GDestroyNotify) body_job_free);
}

static void
revs_diff_work (IcServerDb *db,
                gpointer    data)
{
  BodyJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) revs = NULL;
  gsize length;
  const char *text = g_bytes_get_data (job->body, &length);

  revs = ic_feed_revs_parse (text ? text : "", length, "revs", &error);
  if (revs == NULL)
    {
      if (g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_TOO_LARGE))
        body_job_problem (job, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-many-changes",
                          "The request is too large", error->message);
      else
        body_job_problem (job, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid-batch",
                          "The request is not valid", error->message);
      return;
    }
  job->out = g_string_sized_new (64 + 64 * revs->len);
  if (!ic_server_db_revs_diff (db, revs, job->out, &job->error))
    g_clear_pointer (&job->out, string_free);
}

void
ic_feed_server_post_revs_diff (IcFeedServer      *self,
                               SoupServerMessage *msg)
{
  GBytes *bytes = ic_feed_server_read_body (msg);
  BodyJob *job;

  if (bytes == NULL)
    return;
  job = g_new0 (BodyJob, 1);
  job->body = bytes;
  ic_feed_server_run_job (self, msg, FALSE, revs_diff_work, body_job_done, job, (GDestroyNotify) body_job_free);
}

static void
erase_work (IcServerDb *db,
            gpointer    data)
{
  BodyJob *job = data;
  g_autoptr(GError) error = NULL;
  const char *id = job->id;

  /* The same problem for an id that never was and one that is gone. */
  if (!ic_server_db_erase_response_contact (db, id, &error))
    {
      if (g_error_matches (error, IC_SERVER_ERROR, IC_SERVER_ERROR_NOT_FOUND))
        body_job_problem (job, SOUP_STATUS_NOT_FOUND, "not-found", "No such response", error->message);
      else
        job->error = g_steal_pointer (&error);
      return;
    }
  job->out = g_string_new ("{");
  ic_feed_json_append_member_string (job->out, TRUE, "id", id);
  g_string_append (job->out, ",\"contact_erased\":true}");
}

void
ic_feed_server_post_erase_response (IcFeedServer      *self,
                                    SoupServerMessage *msg,
                                    const char        *id)
{
  BodyJob *job;

  if (!g_uuid_string_is_valid (id))
    {
      ic_feed_server_send_problem (msg, SOUP_STATUS_NOT_FOUND, "not-found", "No such response",
                                   "A response's id is a UUID.");
      return;
    }
  /* The body, if any, says nothing: the address names the response. */
  job = g_new0 (BodyJob, 1);
  job->id = g_ascii_strdown (id, -1);
  ic_feed_server_run_job (self, msg, TRUE, erase_work, body_job_done, job, (GDestroyNotify) body_job_free);
}

void
ic_feed_server_get_health (IcFeedServer      *self,
                           SoupServerMessage *msg)
{
  GString *out = g_string_new ("{");

  ic_feed_json_append_member_string (out, TRUE, "status", "ok");
  ic_feed_json_append_member_string (out, FALSE, "feed_id", ic_server_db_get_feed_id (self->db));
  ic_feed_json_append_member_string (out, FALSE, "version", PACKAGE_VERSION);
  g_string_append_c (out, '}');
  ic_feed_server_send_json (msg, IC_FEED_MEDIA_TYPE, out);
}

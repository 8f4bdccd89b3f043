/* ic-feed-server-routes.c — what each route answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-feed-error.h"
#include "ic-feed-json-feed.h"
#include "ic-feed-json.h"
#include "ic-feed-protocol.h"
#include "ic-feed-server-private.h"

#define FEED_ITEMS 100

static gboolean
read_query_int (SoupServerMessage *msg,
                GHashTable        *query,
                const char        *name,
                gint64             fallback,
                gint64             max,
                gint64            *value)
{
  const char *text = query ? g_hash_table_lookup (query, name) : NULL;
  g_autofree char *detail = NULL;
  guint64 number;

  *value = fallback;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &number, NULL))
    {
      detail = g_strdup_printf ("%s must be a whole number from 0 to %" G_GINT64_FORMAT, name, max);
      ic_feed_server_send_problem (msg, SOUP_STATUS_BAD_REQUEST, "bad-query", "Bad query", detail);
      return FALSE;
    }
  *value = MIN ((gint64) number, max);
  return TRUE;
}

/* Many laptops pull the same pages (the tail of the log, mostly): a page
 * is written once and served again until the log moves. */
#define MAX_CACHED_PAGES        64
#define MAX_CACHED_PAGE_BYTES   (64 * 1024 * 1024)

static GBytes *
cached_page (IcFeedServer  *self,
             gint64         since,
             gint64         limit,
             gint64         client_cap,
             GError       **error)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                          since, limit, client_cap);
  gint64 last_seq = ic_server_db_get_last_seq (self->db, error);
  GString *out;
  GBytes *page;

  if (last_seq < 0)
    return NULL;
  if (last_seq != self->pages_seq)
    {
      g_hash_table_remove_all (self->pages);
      self->pages_seq = last_seq;
      self->pages_bytes = 0;
    }

  page = g_hash_table_lookup (self->pages, key);
  if (page != NULL)
    return g_bytes_ref (page);

  out = g_string_sized_new (64 * 1024);
  if (!ic_server_db_write_changes (self->db, since, (guint) limit,
                                   MIN ((gsize) client_cap, self->page_bytes), (gsize) client_cap,
                                   out, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  page = g_string_free_to_bytes (out);

  if (g_hash_table_size (self->pages) >= MAX_CACHED_PAGES ||
      self->pages_bytes + g_bytes_get_size (page) > MAX_CACHED_PAGE_BYTES)
    {
      g_hash_table_remove_all (self->pages);
      self->pages_bytes = 0;
    }
  self->pages_bytes += g_bytes_get_size (page);
  g_hash_table_insert (self->pages, g_steal_pointer (&key), g_bytes_ref (page));
  return page;
}

void
ic_feed_server_get_changes (IcFeedServer      *self,
                            SoupServerMessage *msg,
                            GHashTable        *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) page = NULL;
  const char *since_hash = query ? g_hash_table_lookup (query, "since_hash") : NULL;
  gint64 since, limit, client_cap;
  gboolean known = TRUE;

  if (!read_query_int (msg, query, "since", 0, G_MAXINT64, &since) ||
      !read_query_int (msg, query, "limit", IC_FEED_DEFAULT_PAGE, IC_FEED_MAX_PAGE, &limit) ||
      !read_query_int (msg, query, "max_bytes", G_MAXINT64, G_MAXINT64, &client_cap))
    return;
  if (limit == 0)
    limit = IC_FEED_DEFAULT_PAGE;
  /* Below this, not even an envelope fits. */
  client_cap = MAX (client_cap, IC_FEED_PAGE_OVERHEAD_BYTES * 2);

  if (!ic_server_db_check_cursor (self->db, since, since_hash, &known, &error))
    {
      ic_feed_server_send_db_error (msg, error);
      return;
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

  page = cached_page (self, since, limit, client_cap, &error);
  if (page == NULL)
    {
      ic_feed_server_send_db_error (msg, error);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  ic_feed_server_send_bytes (msg, IC_FEED_MEDIA_TYPE, page);
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

void
ic_feed_server_post_changes (IcFeedServer      *self,
                             SoupServerMessage *msg)
{
  IcRequestInfo *info = ic_feed_server_get_info (msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *detail = NULL;
  JsonArray *array;
  GString *out;
  gsize length;
  const char *data;

  bytes = ic_feed_server_read_body (msg);
  if (bytes == NULL)
    return;
  data = g_bytes_get_data (bytes, &length);

  root = ic_feed_json_parse_object (data ? data : "", length, &error);
  if (root == NULL)
    {
      ic_feed_server_send_problem (msg, SOUP_STATUS_BAD_REQUEST, "malformed-json",
                                   "The body is not the JSON object expected", error->message);
      return;
    }
  array = ic_feed_json_get_array (json_node_get_object (root), "changes", &error);
  if (array == NULL)
    {
      ic_feed_server_send_problem (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid-batch",
                                   "The batch is not valid", error->message);
      return;
    }
  if (json_array_get_length (array) > IC_FEED_MAX_BATCH)
    {
      detail = g_strdup_printf ("A batch may hold at most %d changes; this one holds %u.",
                                IC_FEED_MAX_BATCH, json_array_get_length (array));
      ic_feed_server_send_problem (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-many-changes",
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

  out = g_string_sized_new (128 + 96 * items->len);
  if (!ic_server_db_apply_batch (self->db, items, info->token_name, out, &error))
    {
      g_string_free (out, TRUE);
      ic_feed_server_send_db_error (msg, error);
      return;
    }
  ic_feed_server_send_json (msg, IC_FEED_MEDIA_TYPE, out);
}

void
ic_feed_server_post_revs_diff (IcFeedServer      *self,
                               SoupServerMessage *msg)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) revs = NULL;
  GString *out;
  gsize length;
  const char *data;

  bytes = ic_feed_server_read_body (msg);
  if (bytes == NULL)
    return;
  data = g_bytes_get_data (bytes, &length);
  revs = ic_feed_revs_parse (data ? data : "", length, "revs", &error);
  if (revs == NULL)
    {
      if (g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_TOO_LARGE))
        ic_feed_server_send_problem (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-many-changes",
                                     "The request is too large", error->message);
      else
        ic_feed_server_send_problem (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid-batch",
                                     "The request is not valid", error->message);
      return;
    }

  out = g_string_sized_new (64 + 64 * revs->len);
  if (!ic_server_db_revs_diff (self->db, revs, out, &error))
    {
      g_string_free (out, TRUE);
      ic_feed_server_send_db_error (msg, error);
      return;
    }
  ic_feed_server_send_json (msg, IC_FEED_MEDIA_TYPE, out);
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

void
ic_feed_server_get_feed (IcFeedServer      *self,
                         SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *feed_url = NULL;
  g_autofree char *text = NULL;
  IcJsonFeedInfo feed_info = { 0 };
  gsize length;
  gint64 seq;

  seq = ic_server_db_get_foresight_seq (self->db, &error);
  if (seq < 0)
    {
      ic_feed_server_send_db_error (msg, error);
      return;
    }

  /* The document changes only with a foresight change, or with the
   * server's own title and address. */
  etag = g_strdup_printf ("\"%.8s-%" G_GINT64_FORMAT "-%08x\"", ic_server_db_get_feed_id (self->db), seq,
                          g_str_hash (self->title) ^ (self->public_url ? g_str_hash (self->public_url) : 0));
  soup_message_headers_replace (headers, "ETag", etag);
  soup_message_headers_replace (headers, "Cache-Control", "no-cache");

  if (etag_matches (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                  "If-None-Match"), etag))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  items = ic_server_db_list_foresight (self->db, FEED_ITEMS, &error);
  if (items == NULL)
    {
      ic_feed_server_send_db_error (msg, error);
      return;
    }

  feed_url = self->public_url ? g_strconcat (self->public_url, IC_FEED_API_PREFIX "/feed.json", NULL) : NULL;
  feed_info.title = self->title;
  feed_info.description = _("Demand signals, technology drivers, ideas and challenge calls "
                            "shared by the West Midlands innovation team");
  feed_info.home_page_url = self->public_url;
  feed_info.feed_url = feed_url;
  text = ic_feed_json_feed_build (&feed_info, items);
  length = strlen (text);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, IC_FEED_JSON_FEED_MEDIA_TYPE, SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&text), length);
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

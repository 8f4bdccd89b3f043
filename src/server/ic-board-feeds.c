/* ic-board-feeds.c — Atom and JSON Feed 1.1 for the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each item's "url" is its page on the board; a foresight item's own
 * source goes in "external_url" (JSON Feed) or a rel="related" link
 * (Atom).  Times are RFC 3339 in UTC: an item whose time is not one goes
 * without date_published rather than with a text a reader misreads.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ic-board.h"
#include "ic-feed-json-feed.h"
#include "ic-model-enums.h"

#define esc ic_board_append_escaped

/* Atom */

static void
atom_begin (GString           *out,
            const IcBoardSite *site,
            const char        *title,
            const char        *path,
            const char        *html_path,
            const char        *updated)
{
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">\n<title>");
  esc (out, site->title);
  g_string_append (out, " — ");
  esc (out, title);
  g_string_append (out, "</title>\n<id>");
  esc (out, site->base_url);
  esc (out, path);
  g_string_append (out, "</id>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"");
  esc (out, site->base_url);
  esc (out, path);
  g_string_append (out, "\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
  esc (out, site->base_url);
  esc (out, html_path);
  g_string_append (out, "\"/>\n<updated>");
  esc (out, updated);
  g_string_append (out, "</updated>\n<author><name>");
  esc (out, site->title);
  g_string_append (out, "</name></author>\n");
}

static char *
newest_update (GPtrArray *records,
               gboolean   entries)
{
  g_autofree char *newest = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      IcRecord *record = entries ? IC_RECORD (((IcBoardChallenge *) g_ptr_array_index (records, i))->challenge)
                                 : g_ptr_array_index (records, i);
      g_autofree char *updated = ic_feed_rfc3339_normalise (ic_record_get_updated_at (record));

      if (updated != NULL && g_strcmp0 (updated, newest) > 0)
        {
          g_free (newest);
          newest = g_steal_pointer (&updated);
        }
    }
  return newest ? g_steal_pointer (&newest) : g_strdup ("1970-01-01T00:00:00Z");
}

static void
atom_entry (GString    *out,
            const char *id_url,
            const char *title,
            const char *author,
            const char *updated,
            const char *published,
            const char *summary,
            const char *related)
{
  g_string_append (out, "<entry>\n<id>");
  esc (out, id_url);
  g_string_append (out, "</id>\n<title type=\"text\">");
  esc (out, title);
  g_string_append (out, "</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
  esc (out, id_url);
  g_string_append (out, "\"/>\n");
  if (related != NULL)
    {
      g_string_append (out, "<link rel=\"related\" href=\"");
      esc (out, related);
      g_string_append (out, "\"/>\n");
    }
  g_string_append (out, "<updated>");
  esc (out, updated);
  g_string_append (out, "</updated>\n");
  if (published != NULL)
    {
      g_string_append (out, "<published>");
      esc (out, published);
      g_string_append (out, "</published>\n");
    }
  if (author != NULL)
    {
      g_string_append (out, "<author><name>");
      esc (out, author);
      g_string_append (out, "</name></author>\n");
    }
  g_string_append (out, "<summary type=\"text\">");
  esc (out, summary && summary[0] ? summary : title);
  g_string_append (out, "</summary>\n</entry>\n");
}

static const char *
web_url (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) ? url : NULL;
}

char *
ic_board_challenges_atom (const IcBoardSite *site,
                          GPtrArray         *entries)
{
  GString *out = g_string_sized_new (64 * 1024);
  g_autofree char *updated = newest_update (entries, TRUE);

  atom_begin (out, site, _("Open challenges"), "/challenges.atom", "/", updated);
  for (guint i = 0; i < entries->len; i++)
    {
      IcBoardChallenge *entry = g_ptr_array_index (entries, i);
      IcRecord *record = IC_RECORD (entry->challenge);
      g_autofree char *url = g_strconcat (site->base_url, "/challenges/", ic_record_get_id (record), NULL);
      g_autofree char *item_updated = ic_feed_rfc3339_normalise (ic_record_get_updated_at (record));

      atom_entry (out, url, ic_challenge_get_title (entry->challenge),
                  entry->shown_as ? entry->shown_as : site->title,
                  item_updated ? item_updated : updated, NULL,
                  ic_challenge_get_description (entry->challenge), NULL);
    }
  g_string_append (out, "</feed>\n");
  return g_string_free (out, FALSE);
}

char *
ic_board_foresight_atom (const IcBoardSite *site,
                         GPtrArray         *items)
{
  GString *out = g_string_sized_new (64 * 1024);
  g_autofree char *updated = newest_update (items, FALSE);

  atom_begin (out, site, _("Foresight"), "/foresight.atom", "/foresight", updated);
  for (guint i = 0; i < items->len; i++)
    {
      IcForesightItem *item = g_ptr_array_index (items, i);
      IcRecord *record = IC_RECORD (item);
      g_autofree char *url = g_strconcat (site->base_url, "/foresight#item-", ic_record_get_id (record), NULL);
      g_autofree char *item_updated = ic_feed_rfc3339_normalise (ic_record_get_updated_at (record));
      g_autofree char *published = ic_feed_rfc3339_normalise (ic_foresight_item_get_published (item));
      const char *source = ic_foresight_item_get_source (item);

      atom_entry (out, url, ic_foresight_item_get_title (item),
                  source && source[0] ? source : site->title,
                  item_updated ? item_updated : updated, published,
                  ic_foresight_item_get_summary (item), web_url (ic_foresight_item_get_url (item)));
    }
  g_string_append (out, "</feed>\n");
  return g_string_free (out, FALSE);
}

/* JSON Feed 1.1 */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_authors (JsonBuilder *builder,
             const char  *name,
             const char  *url)
{
  json_builder_set_member_name (builder, "authors");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "name", name);
  add_string (builder, "url", url);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_tags (JsonBuilder        *builder,
          const char         *member,
          const char * const *tags)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
}

static char *
node_text (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

typedef JsonNode *(*ItemFunc) (const IcBoardSite *site,
                               gpointer           item);

static JsonNode *
challenge_item (const IcBoardSite *site,
                gpointer           data)
{
  IcBoardChallenge *entry = data;
  IcRecord *record = IC_RECORD (entry->challenge);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *url = g_strconcat (site->base_url, "/challenges/", ic_record_get_id (record), NULL);
  g_autofree char *modified = ic_feed_rfc3339_normalise (ic_record_get_updated_at (record));
  const char *description = ic_challenge_get_description (entry->challenge);
  const char * const *tags = ic_challenge_get_tags (entry->challenge);

  json_builder_begin_object (builder);
  add_string (builder, "id", ic_record_get_id (record));
  add_string (builder, "url", url);
  add_string (builder, "title", ic_challenge_get_title (entry->challenge));
  json_builder_set_member_name (builder, "content_text");
  json_builder_add_string_value (builder, description && description[0] ? description
                                                                        : ic_challenge_get_title (entry->challenge));
  add_string (builder, "date_modified", modified);
  add_authors (builder, entry->shown_as ? entry->shown_as : site->title, NULL);
  if (tags != NULL && tags[0] != NULL)
    add_tags (builder, "tags", tags);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
foresight_item (const IcBoardSite *site,
                gpointer           data)
{
  IcForesightItem *item = data;
  IcRecord *record = IC_RECORD (item);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *url = g_strconcat (site->base_url, "/foresight#item-", ic_record_get_id (record), NULL);
  g_autofree char *published = ic_feed_rfc3339_normalise (ic_foresight_item_get_published (item));
  g_autofree char *modified = ic_feed_rfc3339_normalise (ic_record_get_updated_at (record));
  const char *summary = ic_foresight_item_get_summary (item);
  const char *title = ic_foresight_item_get_title (item);
  const char *source = ic_foresight_item_get_source (item);
  const char * const *tags = ic_foresight_item_get_tags (item);

  json_builder_begin_object (builder);
  add_string (builder, "id", ic_record_get_id (record));
  add_string (builder, "url", url);
  add_string (builder, "external_url", web_url (ic_foresight_item_get_url (item)));
  add_string (builder, "title", title);
  /* An item must have content; the title stands in for a missing summary. */
  json_builder_set_member_name (builder, "content_text");
  json_builder_add_string_value (builder, summary && summary[0] ? summary : (title ? title : ""));
  add_string (builder, "date_published", published);
  add_string (builder, "date_modified", modified);
  add_authors (builder, source && source[0] ? source : site->title, NULL);
  if (tags != NULL && tags[0] != NULL)
    add_tags (builder, "tags", tags);

  json_builder_set_member_name (builder, "_interchange");
  json_builder_begin_object (builder);
  add_string (builder, "kind", ic_enum_to_nick (IC_TYPE_FORESIGHT_KIND, ic_foresight_item_get_kind (item)));
  add_tags (builder, "tags", tags);
  add_string (builder, "source", source);
  json_builder_set_member_name (builder, "rev");
  json_builder_add_int_value (builder, ic_record_get_rev (record));
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The document with as many of @items as fit in IC_BOARD_FEED_MAX_BYTES. */
static char *
json_feed (const IcBoardSite *site,
           const char        *title,
           const char        *description,
           const char        *home_path,
           const char        *feed_url,
           const char        *next_base,
           guint              offset,
           GPtrArray         *items,
           ItemFunc           item_func,
           guint             *n_written)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *head = NULL;
  g_autofree char *home = g_strconcat (site->base_url, home_path, NULL);
  g_autofree char *full_title = g_strconcat (site->title, " — ", title, NULL);
  GString *out;
  gsize tail_room;
  guint n = 0;

  json_builder_begin_object (builder);
  add_string (builder, "version", IC_JSON_FEED_VERSION);
  add_string (builder, "title", full_title);
  add_string (builder, "description", description);
  add_string (builder, "home_page_url", home);
  add_string (builder, "feed_url", feed_url);
  add_string (builder, "language", "en-GB");
  add_authors (builder, site->title, site->base_url);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  head = node_text (root);

  /* The head without its closing brace, then the items, then the next
   * page's address if some were left, then the end. */
  out = g_string_sized_new (IC_BOARD_FEED_MAX_BYTES);
  g_string_append_len (out, head, strlen (head) - 1);
  g_string_append (out, ",\"items\":[");
  tail_room = 64 + strlen (next_base) * 2;
  for (guint i = 0; i < items->len && n < IC_BOARD_FEED_ITEMS; i++)
    {
      g_autoptr(JsonNode) node = item_func (site, g_ptr_array_index (items, i));
      g_autofree char *text = node_text (node);

      if (out->len + strlen (text) + 1 + tail_room > IC_BOARD_FEED_MAX_BYTES && n > 0)
        break;
      if (n > 0)
        g_string_append_c (out, ',');
      g_string_append (out, text);
      n++;
    }
  g_string_append_c (out, ']');
  if (n < items->len)
    {
      g_autoptr(JsonNode) url = json_node_new (JSON_NODE_VALUE);
      g_autofree char *url_text = NULL;
      g_autofree char *next = g_strdup_printf ("%s%u", next_base, offset + n);

      json_node_set_string (url, next);
      url_text = node_text (url);
      g_string_append_printf (out, ",\"next_url\":%s", url_text);
    }
  g_string_append_c (out, '}');
  *n_written = n;
  return g_string_free (out, FALSE);
}

char *
ic_board_challenges_json (const IcBoardSite *site,
                          GPtrArray         *entries,
                          const char        *feed_url,
                          const char        *next_base,
                          guint              offset)
{
  guint n;

  return json_feed (site, _("Open challenges"),
                    _("Challenges large organisations of the region want SMEs to help with"),
                    "/", feed_url, next_base, offset, entries, challenge_item, &n);
}

char *
ic_board_foresight_json (const IcBoardSite *site,
                         GPtrArray         *items,
                         const char        *feed_url,
                         const char        *next_base,
                         guint              offset)
{
  guint n;

  return json_feed (site, _("Foresight"),
                    _("Demand signals, technology drivers, ideas and challenge calls shared by the "
                      "West Midlands innovation team"),
                    "/foresight", feed_url, next_base, offset, items, foresight_item, &n);
}

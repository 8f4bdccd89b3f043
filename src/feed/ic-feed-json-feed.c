/* ic-feed-json-feed.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "ic-feed-json-feed.h"
#include "ic-foresight-item.h"
#include "ic-model-enums.h"

char *
ic_feed_rfc3339_normalise (const char *text)
{
  static GRegex *date_time, *date_only;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *full = NULL;

  if (g_once_init_enter (&date_time))
    {
      date_only = g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&date_time,
                                 g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}"
                                              "(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
                                              G_REGEX_OPTIMIZE, 0, NULL));
    }
  if (text == NULL)
    return NULL;
  if (g_regex_match (date_only, text, 0, NULL))
    full = g_strconcat (text, "T00:00:00Z", NULL);
  else if (g_regex_match (date_time, text, 0, NULL))
    full = g_ascii_strup (text, -1);   /* RFC 3339 allows "t" and "z" */
  else
    return NULL;
  parsed = g_date_time_new_from_iso8601 (full, NULL);
  if (parsed == NULL)
    return NULL;
  utc = g_date_time_to_utc (parsed);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
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

static void
add_item (JsonBuilder     *builder,
          IcForesightItem *item)
{
  IcRecord *record = IC_RECORD (item);
  const char *summary = ic_foresight_item_get_summary (item);
  const char *title = ic_foresight_item_get_title (item);
  const char * const *tags = ic_foresight_item_get_tags (item);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, ic_record_get_id (record));
  add_optional_string (builder, "external_url", ic_foresight_item_get_url (item));
  add_optional_string (builder, "title", title);
  /* An item must have content; the title stands in for a missing summary. */
  json_builder_set_member_name (builder, "content_text");
  json_builder_add_string_value (builder, summary && summary[0] ? summary : (title ? title : ""));
  {
    g_autofree char *published = ic_feed_rfc3339_normalise (ic_foresight_item_get_published (item));

    add_optional_string (builder, "date_published", published);
  }
  add_optional_string (builder, "date_modified", ic_record_get_updated_at (record));
  if (tags != NULL && tags[0] != NULL)
    add_tags (builder, "tags", tags);

  json_builder_set_member_name (builder, "_interchange");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, ic_enum_to_nick (IC_TYPE_FORESIGHT_KIND,
                                                           ic_foresight_item_get_kind (item)));
  add_tags (builder, "tags", tags);
  add_optional_string (builder, "source", ic_foresight_item_get_source (item));
  json_builder_set_member_name (builder, "rev");
  json_builder_add_int_value (builder, ic_record_get_rev (record));
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

char *
ic_feed_json_feed_build (const IcJsonFeedInfo *info,
                         GPtrArray            *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, IC_JSON_FEED_VERSION);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, info->title);
  add_optional_string (builder, "description", info->description);
  add_optional_string (builder, "home_page_url", info->home_page_url);
  add_optional_string (builder, "feed_url", info->feed_url);
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, "en-GB");

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      IcRecord *record = g_ptr_array_index (items, i);

      if (IC_IS_FORESIGHT_ITEM (record) && !ic_record_get_deleted (record))
        add_item (builder, IC_FORESIGHT_ITEM (record));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

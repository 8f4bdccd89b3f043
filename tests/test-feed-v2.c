/* test-feed-v2.c — what version 2 of the protocol adds: gzip, revs-diff,
 * changes too large to pull, fields of a newer version, and the
 * three-way merge of a conflict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-feed-error.h"
#include "ic-feed-gzip.h"
#include "ic-feed-merge.h"
#include "ic-feed-protocol.h"
#include "ic-record-json.h"
#include "test-feed-util.h"

static void
test_gzip_round_trip (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "{\"seq\":%u,\"title\":\"Hydrogen buses %u\"},", i, i % 17);
  plain = g_bytes_new (text->str, text->len);
  packed = ic_feed_gzip_compress (plain);
  g_assert_cmpuint (g_bytes_get_size (packed), <, g_bytes_get_size (plain) / 4);
  again = ic_feed_gzip_decompress (packed, text->len, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (plain, again));
}

static void
test_gzip_limits (void)
{
  g_autofree char *zeros = g_malloc0 (1024 * 1024);
  g_autoptr(GBytes) plain = g_bytes_new_take (g_steal_pointer (&zeros), 1024 * 1024);
  g_autoptr(GBytes) packed = ic_feed_gzip_compress (plain);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (packed, 0, g_bytes_get_size (packed) / 2);
  g_autoptr(GBytes) junk = g_bytes_new_static ("not gzip", 8);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;

  /* A small body that inflates past the limit is refused. */
  out = ic_feed_gzip_decompress (packed, 64 * 1024, &error);
  g_assert_null (out);
  g_assert_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOO_LARGE);
  g_clear_error (&error);
  out = ic_feed_gzip_decompress (cut, 2 * 1024 * 1024, &error);
  g_assert_null (out);
  g_assert_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL);
  g_clear_error (&error);
  out = ic_feed_gzip_decompress (junk, 1024, &error);
  g_assert_null (out);
  g_assert_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL);
}

static void
test_gzip_accepted (void)
{
  g_assert_true (ic_feed_gzip_accepted ("gzip"));
  g_assert_true (ic_feed_gzip_accepted ("deflate, gzip;q=0.5"));
  g_assert_true (ic_feed_gzip_accepted ("GZIP"));
  g_assert_false (ic_feed_gzip_accepted (NULL));
  g_assert_false (ic_feed_gzip_accepted ("br, identity"));
  g_assert_false (ic_feed_gzip_accepted ("gzip;q=0"));
  g_assert_false (ic_feed_gzip_accepted ("gzip; q=0.0, identity"));
  /* Empty items, as a hostile or careless client sends them. */
  g_assert_true (ic_feed_gzip_accepted (",gzip"));
  g_assert_true (ic_feed_gzip_accepted ("br,, gzip"));
  g_assert_false (ic_feed_gzip_accepted (",zip"));
  g_assert_false (ic_feed_gzip_accepted (","));
  g_assert_false (ic_feed_gzip_accepted (""));
}

static void
test_revs_round_trip (void)
{
  g_autoptr(GPtrArray) revs = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_feed_rev_free);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad[] = {
    "{\"revs\":[{\"id\":\"nope\",\"rev\":1}]}",
    "{\"revs\":[{\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"rev\":-1}]}",
    "{\"revs\":[7]}",
    "{\"revs\":{}}",
    "{}",
  };

  for (guint i = 0; i < 3; i++)
    {
      IcFeedRev *rev = g_new0 (IcFeedRev, 1);

      rev->id = g_uuid_string_random ();
      rev->rev = i + 1;
      g_ptr_array_add (revs, rev);
    }
  body = ic_feed_revs_build (revs);
  back = ic_feed_revs_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "revs", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      IcFeedRev *a = g_ptr_array_index (revs, i), *b = g_ptr_array_index (back, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpint (a->rev, ==, b->rev);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) none = ic_feed_revs_parse (bad[i], strlen (bad[i]), "revs", &error);

      g_assert_null (none);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
}

static void
test_page_v2 (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(IcFeedPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = make_foresight_record ("Kept");
  g_autofree char *json = ic_record_to_json_data (record, FALSE);
  const char *big = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
  IcFeedChange *change;

  ic_feed_page_write_start (out, "feed");
  ic_feed_page_write_change (out, 0, 4, ic_record_get_id (record), "foresight", 1, FALSE, json);
  ic_feed_page_write_too_large (out, 1, 5, big, "foresight", 3, 70000);
  ic_feed_page_write_end (out, 5, "abc123", FALSE);

  page = ic_feed_page_parse (out->str, out->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page->last_hash, ==, "abc123");
  g_assert_cmpuint (page->changes->len, ==, 2);
  change = g_ptr_array_index (page->changes, 1);
  g_assert_cmpstr (change->id, ==, big);
  g_assert_cmpint (change->too_large, ==, 70000);
  g_assert_null (change->record);
  g_assert_nonnull (change->invalid);
  g_assert_nonnull (strstr (change->invalid, big));
}

static void
test_extra_fields (void)
{
  g_autoptr(IcRecord) record = make_foresight_record ("Newer");
  g_autofree char *json = ic_record_to_json_data (record, FALSE);
  g_autofree char *text = NULL;
  g_autofree char *with_extra = NULL;
  g_autofree char *again = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(IcFeedChange) change = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *fields;

  /* A change from a newer laptop: two fields this version lacks. */
  node = json_from_string (json, &error);
  g_assert_no_error (error);
  fields = json_node_get_object (node);
  json_object_set_int_member (fields, "impact_score", 7);
  json_object_set_array_member (fields, "evidence", json_array_new ());
  with_extra = json_to_string (node, FALSE);
  text = g_strdup_printf ("{\"id\":\"%s\",\"kind\":\"foresight\",\"base_rev\":0,\"rev\":1,\"record\":%s}",
                          ic_record_get_id (record), with_extra);
  g_clear_pointer (&node, json_node_unref);
  node = json_from_string (text, &error);
  change = ic_feed_change_parse_push (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change->extra);
  g_assert_nonnull (strstr (change->extra, "\"impact_score\":7"));
  g_assert_null (strstr (change->extra, "title"));

  /* Written back with the record, they read the same. */
  again = ic_feed_record_to_json (change->record, change->extra);
  g_assert_nonnull (strstr (again, "\"impact_score\":7"));
  g_assert_nonnull (strstr (again, "\"evidence\":[]"));
  g_assert_nonnull (strstr (again, "\"title\":\"Newer\""));
}

static IcRecord *
edited (IcRecord   *record,
        const char *field,
        const char *value)
{
  IcRecord *copy = ic_record_copy (record);

  g_object_set (copy, field, value, NULL);
  return copy;
}

static void
test_merge (void)
{
  g_autoptr(IcRecord) base = make_foresight_record ("Before");
  g_autoptr(IcRecord) mine = edited (base, "summary", "Summary from mine");
  g_autoptr(IcRecord) theirs = edited (base, "title", "Title from theirs");
  g_autoptr(IcRecord) both = NULL;
  g_autoptr(IcRecord) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) conflicts = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  guint taken = 0;

  ic_record_set_rev (theirs, 2);
  merged = ic_feed_merge_three_way (base, mine, theirs, &conflicts, &taken, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (taken, ==, 1);
  g_assert_cmpuint (g_strv_length (conflicts), ==, 0);
  g_object_get (merged, "title", &title, "summary", &summary, NULL);
  g_assert_cmpstr (title, ==, "Title from theirs");
  g_assert_cmpstr (summary, ==, "Summary from mine");
  g_assert_cmpint (ic_record_get_rev (merged), ==, 2);

  /* Both changed the title: theirs stays, and the field is named. */
  g_clear_pointer (&conflicts, g_strfreev);
  g_clear_object (&merged);
  g_clear_pointer (&title, g_free);
  both = edited (mine, "title", "Title from mine");
  merged = ic_feed_merge_three_way (base, both, theirs, &conflicts, &taken, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (taken, ==, 1);
  g_assert_cmpstrv (conflicts, ((const char *[]) { "title", NULL }));
  g_object_get (merged, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Title from theirs");
}

void
test_feed_add_v2_tests (void)
{
  g_test_add_func ("/feed/v2/gzip/round-trip", test_gzip_round_trip);
  g_test_add_func ("/feed/v2/gzip/limits", test_gzip_limits);
  g_test_add_func ("/feed/v2/gzip/accepted", test_gzip_accepted);
  g_test_add_func ("/feed/v2/revs", test_revs_round_trip);
  g_test_add_func ("/feed/v2/page", test_page_v2);
  g_test_add_func ("/feed/v2/extra-fields", test_extra_fields);
  g_test_add_func ("/feed/v2/merge", test_merge);
}

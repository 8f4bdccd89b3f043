/* test-feed.c — the feed's codec, problem documents, backoff, the public
 * feed, the token keeper and the HTTP client's retries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ic-feed-backoff.h"
#include "ic-feed-error.h"
#include "ic-feed-json-feed.h"
#include "ic-feed-json.h"
#include "ic-feed-problem.h"
#include "ic-feed-protocol.h"
#include "ic-feed-token.h"
#include "ic-foresight-item.h"
#include "ic-organisation.h"
#include "ic-record-json.h"
#include "test-feed-util.h"

IcRecord *
make_foresight_record (const char *title)
{
  IcRecord *record = ic_record_new (IC_RECORD_KIND_FORESIGHT);
  const char *tags[] = { "hydrogen", "buses", NULL };

  ic_record_ensure_id (record);
  ic_record_set_rev (record, 1);
  ic_record_set_author (record, "Test Expert");
  ic_record_set_updated_at (record, "2024-03-01T10:00:00.000Z");
  g_object_set (record, "title", title, "summary", "Fleet operators ask for \"quotes\"\nand more",
                "tags", tags, "kind", IC_FORESIGHT_KIND_TECHNOLOGY_DRIVER,
                "published", "2024-02-01T09:00:00Z", "source", "Test source",
                "url", "https://example.org/item", NULL);
  return record;
}

IcRecord *
make_organisation_record (const char *name)
{
  IcRecord *record = ic_record_new (IC_RECORD_KIND_ORGANISATION);

  ic_record_ensure_id (record);
  ic_record_set_rev (record, 1);
  g_object_set (record, "name", name, NULL);
  return record;
}

static void
assert_same_json (IcRecord *a,
                  IcRecord *b)
{
  g_autofree char *ja = ic_record_to_json_data (a, FALSE);
  g_autofree char *jb = ic_record_to_json_data (b, FALSE);

  g_assert_cmpstr (ja, ==, jb);
}

/* JSON guards */

static void
test_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *tricky = "{\"a\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[[[\"}";

  for (guint i = 0; i < IC_FEED_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < IC_FEED_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  g_assert_true (ic_feed_json_check_depth (deep->str, deep->len, IC_FEED_MAX_DEPTH, NULL));

  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  g_assert_false (ic_feed_json_check_depth (deep->str, deep->len, IC_FEED_MAX_DEPTH, &error));
  g_assert_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL);

  /* Brackets inside strings, escaped quotes included, do not count. */
  g_assert_true (ic_feed_json_check_depth (tricky, strlen (tricky), 2, NULL));
}

static void
test_parse_object (void)
{
  const char *bad[] = { "", "   ", "[1,2]", "\"text\"", "{\"a\":", "{\"a\":1", "nul", "{\"a\":1}}{" };
  g_autoptr(GString) deep = g_string_new ("{\"a\":");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = ic_feed_json_parse_object (bad[i], strlen (bad[i]), &error);

      g_assert_null (node);
      g_assert_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL);
    }

  /* A million levels: refused before the recursive parser sees them. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  g_assert_null (ic_feed_json_parse_object (deep->str, deep->len, NULL));
}

static void
test_append_string (void)
{
  const char *values[] = { "plain", "quote \" and back\\slash", "new\nline\ttab\r", "\x01\x1f control",
                           "ünïcödé — “quotes”", "" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GString) out = g_string_new ("{");
      g_autoptr(JsonNode) node = NULL;
      const char *back = NULL;

      ic_feed_json_append_member_string (out, TRUE, "v", values[i]);
      g_string_append_c (out, '}');
      node = ic_feed_json_parse_object (out->str, out->len, NULL);
      g_assert_nonnull (node);
      g_assert_true (ic_feed_json_get_string (json_node_get_object (node), "v", &back, NULL));
      g_assert_cmpstr (back, ==, values[i]);
    }
}

/* Batches, as the client writes them and the server reads them */

static JsonArray *
batch_changes (GBytes    *body,
               JsonNode **root)
{
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  *root = ic_feed_json_parse_object (data, length, NULL);
  g_assert_nonnull (*root);
  return json_object_get_array_member (json_node_get_object (*root), "changes");
}

static void
test_batch_round_trip (void)
{
  g_autoptr(IcFeedBatchBuilder) builder = ic_feed_batch_builder_new (IC_FEED_MAX_BODY_BYTES, 10);
  g_autoptr(IcRecord) item = make_foresight_record ("Hydrogen buses");
  g_autoptr(IcRecord) gone = make_organisation_record ("Gone Ltd");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(IcFeedChange) first = NULL;
  g_autoptr(IcFeedChange) second = NULL;
  gboolean too_large;
  JsonArray *changes;

  ic_record_set_rev (item, 3);
  ic_record_set_rev (gone, 5);
  ic_record_set_deleted (gone, TRUE);
  g_assert_true (ic_feed_batch_builder_add (builder, item, 2, &too_large));
  g_assert_true (ic_feed_batch_builder_add (builder, gone, 4, &too_large));
  g_assert_cmpuint (ic_feed_batch_builder_get_n_changes (builder), ==, 2);
  body = ic_feed_batch_builder_end (g_steal_pointer (&builder));

  changes = batch_changes (body, &root);
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);

  first = ic_feed_change_parse_push (json_array_get_element (changes, 0), NULL);
  g_assert_nonnull (first);
  g_assert_cmpstr (first->id, ==, ic_record_get_id (item));
  g_assert_cmpint (first->kind, ==, IC_RECORD_KIND_FORESIGHT);
  g_assert_cmpint (first->base_rev, ==, 2);
  g_assert_cmpint (first->rev, ==, 3);
  g_assert_false (first->deleted);
  assert_same_json (first->record, item);

  second = ic_feed_change_parse_push (json_array_get_element (changes, 1), NULL);
  g_assert_nonnull (second);
  g_assert_true (second->deleted);
  g_assert_null (second->record);
  g_assert_cmpint (second->rev, ==, 5);
}

static void
test_batch_limits (void)
{
  g_autoptr(IcFeedBatchBuilder) by_count = ic_feed_batch_builder_new (IC_FEED_MAX_BODY_BYTES, 2);
  g_autoptr(IcFeedBatchBuilder) by_size = ic_feed_batch_builder_new (1200, 100);
  g_autoptr(IcFeedBatchBuilder) tiny = ic_feed_batch_builder_new (100, 100);
  g_autoptr(IcRecord) record = make_foresight_record ("A signal");
  g_autoptr(GBytes) body = NULL;
  gboolean too_large;
  guint added = 0;

  g_assert_true (ic_feed_batch_builder_add (by_count, record, 0, &too_large));
  g_assert_true (ic_feed_batch_builder_add (by_count, record, 0, &too_large));
  g_assert_false (ic_feed_batch_builder_add (by_count, record, 0, &too_large));
  g_assert_false (too_large);

  while (added < 100 && ic_feed_batch_builder_add (by_size, record, 0, &too_large))
    added++;
  g_assert_cmpuint (added, >, 0);
  g_assert_cmpuint (added, <, 100);
  g_assert_false (too_large);
  body = ic_feed_batch_builder_end (g_steal_pointer (&by_size));
  g_assert_cmpuint (g_bytes_get_size (body), <=, 1200);

  g_assert_false (ic_feed_batch_builder_add (tiny, record, 0, &too_large));
  g_assert_true (too_large);
}

static void
test_push_change_errors (void)
{
  const struct { const char *json; const char *fragment; } cases[] = {
    { "[]", "object" },
    { "{\"kind\":\"foresight\",\"base_rev\":0,\"rev\":1}", "id" },
    { "{\"id\":\"not-a-uuid\",\"kind\":\"foresight\",\"base_rev\":0,\"rev\":1,\"record\":{\"title\":\"x\"}}", "id" },
    { "{\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"kind\":\"spaceship\",\"base_rev\":0,\"rev\":1}", "kind" },
    { "{\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"kind\":\"foresight\",\"base_rev\":3,\"rev\":3,"
      "\"record\":{\"title\":\"x\"}}", "rev" },
    { "{\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"kind\":\"foresight\",\"base_rev\":\"0\",\"rev\":1}",
      "base_rev" },
    { "{\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"kind\":\"foresight\",\"base_rev\":0,\"rev\":1}",
      "record" },
    { "{\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"kind\":\"foresight\",\"base_rev\":0,\"rev\":1,"
      "\"record\":{\"title\":\"x\",\"Colour\":\"red\"}}", "Colour" },
    { "{\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"kind\":\"foresight\",\"base_rev\":0,\"rev\":1,"
      "\"record\":{\"title\":\"\"}}", "title" },
    { "{\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"kind\":\"foresight\",\"base_rev\":0,\"rev\":1,"
      "\"record\":{\"title\":\"x\",\"visibility\":\"private\"}}", "private" },
    { "{\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"kind\":\"foresight\",\"base_rev\":0,\"rev\":1,"
      "\"record\":{\"id\":\"2b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"title\":\"x\"}}", "record.id" },
    { "{\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"kind\":\"foresight\",\"base_rev\":0,\"rev\":1,"
      "\"deleted\":true,\"record\":{\"title\":\"x\"}}", "record" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(IcFeedChange) change = ic_feed_change_parse_push (node, &error);

      g_assert_null (change);
      g_assert_error (error, IC_FEED_ERROR, IC_FEED_ERROR_INVALID);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].fragment);
    }
}

/* Pages */

static void
test_page_round_trip (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(IcRecord) item = make_foresight_record ("Hydrogen buses");
  g_autofree char *json = ic_record_to_json_data (item, FALSE);
  g_autoptr(IcFeedPage) page = NULL;
  g_autoptr(GError) error = NULL;
  IcFeedChange *change;

  ic_feed_page_write_start (out, "feed-1");
  ic_feed_page_write_change (out, 0, 7, ic_record_get_id (item), "foresight", 1, FALSE, json);
  ic_feed_page_write_change (out, 1, 9, "1b4e28ba-2fa1-41d2-883f-0016d3cca427", "capability", 4, TRUE, NULL);
  /* A record the model refuses is kept as invalid, not fatal. */
  ic_feed_page_write_change (out, 2, 10, "2b4e28ba-2fa1-41d2-883f-0016d3cca427", "foresight", 1, FALSE,
                             "{\"title\":\"\"}");
  ic_feed_page_write_end (out, 10, NULL, TRUE);

  page = ic_feed_page_parse (out->str, out->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page->feed_id, ==, "feed-1");
  g_assert_cmpint (page->last_seq, ==, 10);
  g_assert_true (page->more);
  g_assert_cmpuint (page->changes->len, ==, 3);

  change = g_ptr_array_index (page->changes, 0);
  g_assert_cmpint (change->seq, ==, 7);
  assert_same_json (change->record, item);
  change = g_ptr_array_index (page->changes, 1);
  g_assert_true (change->deleted);
  g_assert_cmpint (change->kind, ==, IC_RECORD_KIND_CAPABILITY);
  change = g_ptr_array_index (page->changes, 2);
  g_assert_null (change->record);
  g_assert_nonnull (change->invalid);
}

/* Pages applied together: one page with every change, in order, and the
 * last page's cursor. */
static void
test_page_append (void)
{
  const char *ids[] = { "1b4e28ba-2fa1-41d2-883f-0016d3cca427", "2b4e28ba-2fa1-41d2-883f-0016d3cca427",
                        "3b4e28ba-2fa1-41d2-883f-0016d3cca427" };
  g_autoptr(IcFeedPage) page = NULL;
  g_autoptr(GError) error = NULL;

  for (guint p = 0; p < 3; p++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      IcFeedPage *next;

      ic_feed_page_write_start (out, "feed-1");
      /* The middle page is empty but says more follow, as a filtered
       * page may. */
      if (p != 1)
        ic_feed_page_write_change (out, 0, 10 * (p + 1), ids[p], "capability", p + 1, TRUE, NULL);
      ic_feed_page_write_end (out, 10 * (p + 1), NULL, p < 2);
      next = ic_feed_page_parse (out->str, out->len, &error);
      g_assert_no_error (error);
      if (page == NULL)
        page = next;
      else
        ic_feed_page_append (page, next);
    }

  g_assert_cmpstr (page->feed_id, ==, "feed-1");
  g_assert_cmpint (page->last_seq, ==, 30);
  g_assert_false (page->more);
  g_assert_cmpuint (page->changes->len, ==, 2);
  g_assert_cmpstr (((IcFeedChange *) g_ptr_array_index (page->changes, 0))->id, ==, ids[0]);
  g_assert_cmpint (((IcFeedChange *) g_ptr_array_index (page->changes, 1))->seq, ==, 30);
  g_assert_cmpint (((IcFeedChange *) g_ptr_array_index (page->changes, 1))->rev, ==, 3);
}

static void
test_page_errors (void)
{
  const char *bad[] = {
    "{\"changes\":[],\"last_seq\":0,\"more\":false}",
    "{\"feed_id\":\"f\",\"changes\":{},\"last_seq\":0}",
    "{\"feed_id\":\"f\",\"changes\":[],\"last_seq\":\"0\"}",
    "{\"feed_id\":\"f\",\"changes\":[{\"seq\":2,\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"kind\":"
    "\"capability\",\"rev\":1,\"deleted\":true},{\"seq\":1,\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\","
    "\"kind\":\"capability\",\"rev\":2,\"deleted\":true}],\"last_seq\":2}",
    "{\"feed_id\":\"f\",\"changes\":[{\"seq\":5,\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"kind\":"
    "\"capability\",\"rev\":1,\"deleted\":true}],\"last_seq\":2}",
    "{\"feed_id\":\"f\",\"changes\":[{\"seq\":1,\"id\":\"x\",\"kind\":\"capability\",\"rev\":1}],\"last_seq\":1}",
    "{\"feed_id\":\"f\",\"changes\":[{\"seq\":1,\"id\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"kind\":\"capab",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IcFeedPage) page = ic_feed_page_parse (bad[i], strlen (bad[i]), &error);

      g_assert_null (page);
      g_assert_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL);
    }
}

/* Results of a push */

static void
test_results_round_trip (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(IcRecord) theirs = make_foresight_record ("Theirs");
  g_autofree char *json = NULL;
  g_autoptr(IcFeedPushResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  IcFeedResult *result;

  ic_record_set_rev (theirs, 6);
  json = ic_record_to_json_data (theirs, FALSE);
  ic_feed_results_write_start (out);
  ic_feed_results_write_accepted (out, 0, "1b4e28ba-2fa1-41d2-883f-0016d3cca427", 3, 41);
  ic_feed_results_write_conflict (out, 1, ic_record_get_id (theirs), "foresight", 6, 40, FALSE, json);
  ic_feed_results_write_conflict (out, 2, "2b4e28ba-2fa1-41d2-883f-0016d3cca427", "capability", 9, 39, TRUE, NULL);
  ic_feed_results_write_rejected (out, 3, NULL, "invalid-change", 422, "title: must not be empty \"really\"");
  ic_feed_results_write_end (out, 41, 0, NULL);

  response = ic_feed_push_response_parse (out->str, out->len, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (response->last_seq, ==, 41);

  result = g_ptr_array_index (response->results, 0);
  g_assert_cmpint (result->status, ==, IC_FEED_RESULT_ACCEPTED);
  g_assert_cmpint (result->rev, ==, 3);
  g_assert_cmpint (result->seq, ==, 41);
  result = g_ptr_array_index (response->results, 1);
  g_assert_cmpint (result->status, ==, IC_FEED_RESULT_CONFLICT);
  g_assert_cmpint (result->rev, ==, 6);
  assert_same_json (result->server->record, theirs);
  result = g_ptr_array_index (response->results, 2);
  g_assert_true (result->server->deleted);
  g_assert_null (result->server->record);
  result = g_ptr_array_index (response->results, 3);
  g_assert_cmpint (result->status, ==, IC_FEED_RESULT_REJECTED);
  g_assert_cmpstr (result->detail, ==, "title: must not be empty \"really\"");

  /* The count must match what was sent. */
  g_clear_pointer (&response, ic_feed_push_response_free);
  response = ic_feed_push_response_parse (out->str, out->len, 5, &error);
  g_assert_null (response);
  g_assert_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL);
}

/* Problem documents */

static void
test_problem (void)
{
  g_autofree char *body = ic_feed_problem_build (413, "too-large", "The request is too large", "At most 8 MiB.");
  g_autoptr(IcFeedProblem) problem = ic_feed_problem_parse (body, strlen (body));
  g_autoptr(IcFeedProblem) odd = NULL;
  g_autofree char *described = NULL;
  const char *weird = "{\"title\":42,\"status\":\"x\",\"detail\":\"Only this\"}";

  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->type, ==, IC_FEED_PROBLEM_TYPE_PREFIX "too-large");
  g_assert_cmpstr (problem->title, ==, "The request is too large");
  g_assert_cmpuint (problem->status, ==, 413);
  described = ic_feed_problem_describe (problem);
  g_assert_cmpstr (described, ==, "The request is too large: At most 8 MiB.");

  odd = ic_feed_problem_parse (weird, strlen (weird));
  g_assert_nonnull (odd);
  g_assert_null (odd->title);
  g_assert_cmpuint (odd->status, ==, 0);
  g_assert_cmpstr (odd->detail, ==, "Only this");

  g_assert_null (ic_feed_problem_parse ("<html>", 6));
  g_clear_pointer (&body, g_free);
  body = ic_feed_problem_build (500, NULL, "Failed", NULL);
  g_assert_nonnull (strstr (body, "\"about:blank\""));
}

/* Backoff and Retry-After */

static void
test_backoff (void)
{
  guint previous_ceiling = 0;

  for (guint attempt = 1; attempt <= 12; attempt++)
    {
      guint low = ic_feed_backoff_delay_ms (attempt, 500, 30000, 0.0);
      guint high = ic_feed_backoff_delay_ms (attempt, 500, 30000, 0.999999);
      guint ceiling = MIN (500u << MIN (attempt - 1, 20u), 30000u);

      g_assert_cmpuint (low, ==, ceiling / 2);
      g_assert_cmpuint (high, <=, ceiling);
      g_assert_cmpuint (high, >=, ceiling - 1);
      g_assert_cmpuint (ceiling, >=, previous_ceiling);
      previous_ceiling = ceiling;

      for (guint i = 0; i < 50; i++)
        {
          guint delay = ic_feed_backoff_delay_ms (attempt, 500, 30000, g_random_double ());
          g_assert_cmpuint (delay, >=, low);
          g_assert_cmpuint (delay, <=, ceiling);
        }
    }
  g_assert_cmpuint (ic_feed_backoff_delay_ms (1000, 500, 30000, 1.0), ==, 30000);
}

static void
test_retry_after (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 5, 1, 12, 0, 0);
  guint seconds = 999;

  g_assert_true (ic_feed_parse_retry_after ("120", now, &seconds));
  g_assert_cmpuint (seconds, ==, 120);
  g_assert_true (ic_feed_parse_retry_after ("  7 ", now, &seconds));
  g_assert_cmpuint (seconds, ==, 7);
  g_assert_true (ic_feed_parse_retry_after ("99999999999999999999999", now, &seconds));
  g_assert_cmpuint (seconds, ==, IC_FEED_MAX_RETRY_AFTER_SECONDS);
  g_assert_true (ic_feed_parse_retry_after ("Wed, 01 May 2024 12:00:30 GMT", now, &seconds));
  g_assert_cmpuint (seconds, ==, 30);
  g_assert_true (ic_feed_parse_retry_after ("Wed, 01 May 2024 11:00:00 GMT", now, &seconds));
  g_assert_cmpuint (seconds, ==, 0);
  g_assert_false (ic_feed_parse_retry_after ("soon", now, &seconds));
  g_assert_false (ic_feed_parse_retry_after ("12abc", now, &seconds));
  g_assert_false (ic_feed_parse_retry_after (NULL, now, &seconds));
}

/* The public feed */

/* Only RFC 3339 times reach a feed, in UTC, so that they also sort as text. */
static void
test_rfc3339 (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "2024-04-30T08:00:00Z", "2024-04-30T08:00:00Z" },
    { "2024-04-30T09:00:00+01:00", "2024-04-30T08:00:00Z" },
    { "2024-04-30t09:00:00.123456z", "2024-04-30T09:00:00Z" },
    { "2024-04-30", "2024-04-30T00:00:00Z" },
    { "2024-W18-2", NULL },
    { "2024-121", NULL },
    { "2024-04-30T09:00:00+0100", NULL },
    { "2024-04-30T09:00:00", NULL },
    { "2024-04-30T09:00Z", NULL },
    { "2024-02-30", NULL },
    { "2024-04-30T25:00:00Z", NULL },
    { " 2024-04-30T08:00:00Z", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = ic_feed_rfc3339_normalise (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* The token keeper, on its file */

static void
test_token_file (void)
{
  g_autofree char *path = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  IcFeedTokenPlace place = IC_FEED_TOKEN_KEYRING;
  GStatBuf info;

  g_setenv ("INTERCHANGE_NO_KEYRING", "1", TRUE);
  path = ic_feed_token_get_file_path ();

  token = ic_feed_token_load_sync ("https://a.example", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (token);

  g_assert_true (ic_feed_token_save_sync ("https://a.example", "icf_abc", &place, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (place, ==, IC_FEED_TOKEN_FILE);
  g_assert_true (ic_feed_token_save_sync ("https://b.example", "icf_def", NULL, NULL, &error));
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  token = ic_feed_token_load_sync ("https://a.example", NULL, &error);
  g_assert_cmpstr (token, ==, "icf_abc");
  g_clear_pointer (&token, g_free);

  g_assert_true (ic_feed_token_forget_sync ("https://a.example", NULL, &error));
  token = ic_feed_token_load_sync ("https://a.example", NULL, &error);
  g_assert_null (token);
  token = ic_feed_token_load_sync ("https://b.example", NULL, &error);
  g_assert_cmpstr (token, ==, "icf_def");

  g_assert_false (ic_feed_token_save_sync ("https://a.example", "has space", NULL, NULL, &error));
  g_assert_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOKEN);
}

static void
test_token_read_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ic-feed-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "token", NULL);
  g_autofree char *long_token = g_strnfill (IC_FEED_TOKEN_MAX_LENGTH + 1, 'x');
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "  icf_secret \nsecond line\n", -1, NULL));
  token = ic_feed_token_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "icf_secret");

  g_assert_true (g_file_set_contents (path, "\n", -1, NULL));
  g_assert_null (ic_feed_token_read_file (path, &error));
  g_assert_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOKEN);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, long_token, -1, NULL));
  g_assert_null (ic_feed_token_read_file (path, &error));
  g_assert_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOKEN);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config = g_dir_make_tmp ("ic-feed-config-XXXXXX", NULL);
  g_autofree char *tokens = NULL;
  g_autofree char *folder = NULL;
  int status;

  /* The token keeper writes under the configuration folder: a fresh one,
   * set before GLib first looks it up. */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/json/depth", test_depth);
  g_test_add_func ("/feed/json/parse-object", test_parse_object);
  g_test_add_func ("/feed/json/append-string", test_append_string);
  g_test_add_func ("/feed/batch/round-trip", test_batch_round_trip);
  g_test_add_func ("/feed/batch/limits", test_batch_limits);
  g_test_add_func ("/feed/batch/change-errors", test_push_change_errors);
  g_test_add_func ("/feed/page/round-trip", test_page_round_trip);
  g_test_add_func ("/feed/page/append", test_page_append);
  g_test_add_func ("/feed/page/errors", test_page_errors);
  g_test_add_func ("/feed/results/round-trip", test_results_round_trip);
  g_test_add_func ("/feed/problem", test_problem);
  g_test_add_func ("/feed/backoff/delays", test_backoff);
  g_test_add_func ("/feed/backoff/retry-after", test_retry_after);
  g_test_add_func ("/feed/json-feed/rfc3339", test_rfc3339);
  g_test_add_func ("/feed/token/file", test_token_file);
  g_test_add_func ("/feed/token/read-file", test_token_read_file);
  test_feed_add_local_tests ();
  test_feed_add_client_tests ();
  test_feed_add_v2_tests ();

  status = g_test_run ();

  tokens = ic_feed_token_get_file_path ();
  folder = g_path_get_dirname (tokens);
  g_unlink (tokens);
  g_rmdir (folder);
  g_rmdir (config);
  return status;
}

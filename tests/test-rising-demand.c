/* test-rising-demand.c — which tags foresight marks as rising demand,
 * and the foresight criterion the loader fills from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ic-match-loader.h"
#include "ic-record-json.h"
#include "ic-rising-demand.h"

#define ORG_A "6f1c1f0e-3c2a-4b7e-9a51-2d8e4f6a7b10"
#define ORG_B "7a2d2a1f-4d3b-4c8f-8b62-3e9f5a7b8c21"
#define CHALLENGE "0b7e39d2-5f0c-4f3e-8c4d-1a2b3c4d5e6f"
#define CAPABILITY "9d3c5b1a-7e2f-4a60-b1c2-d3e4f5a6b7c8"
#define SIGNAL "c4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70"

static IcForesightItem *
make_item (IcForesightKind     kind,
           const char         *published,
           const char * const *tags)
{
  IcForesightItem *item = ic_foresight_item_new ();

  ic_foresight_item_set_kind (item, kind);
  ic_foresight_item_set_title (item, "A signal");
  ic_foresight_item_set_published (item, published);
  ic_foresight_item_set_tags (item, tags);
  return item;
}

static void
test_item_rule (void)
{
  const char *tags[] = { "hydrogen", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
  struct {
    IcForesightKind  kind;
    const char      *published;
    gboolean         counts;
  } rows[] = {
    { IC_FORESIGHT_KIND_DEMAND_SIGNAL, "2026-09-14T09:00:00Z", TRUE },
    { IC_FORESIGHT_KIND_CHALLENGE_CALL, "2026-09-14T09:00:00Z", TRUE },
    { IC_FORESIGHT_KIND_TECHNOLOGY_DRIVER, "2026-09-14T09:00:00Z", FALSE },
    { IC_FORESIGHT_KIND_IDEA, "2026-09-14T09:00:00Z", FALSE },
    { IC_FORESIGHT_KIND_DEMAND_SIGNAL, NULL, TRUE },
    /* 730 days before now is the last day inside the horizon. */
    { IC_FORESIGHT_KIND_DEMAND_SIGNAL, "2024-11-24T12:00:00Z", TRUE },
    { IC_FORESIGHT_KIND_DEMAND_SIGNAL, "2024-11-24T11:59:59Z", FALSE },
    { IC_FORESIGHT_KIND_CHALLENGE_CALL, "2019-01-01T00:00:00Z", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(IcForesightItem) item = make_item (rows[i].kind, rows[i].published, tags);

      g_test_message ("row %u", i);
      g_assert_cmpint (ic_rising_demand_item_counts (item, now), ==, rows[i].counts);
    }

  {
    g_autoptr(IcForesightItem) item = make_item (IC_FORESIGHT_KIND_DEMAND_SIGNAL, NULL, tags);

    ic_record_set_deleted (IC_RECORD (item), TRUE);
    g_assert_false (ic_rising_demand_item_counts (item, now));
  }
}

static void
test_collect (void)
{
  const char *call[] = { "net zero", "hydrogen", "furnaces", NULL };
  const char *signal[] = { "hydrogen", "battery recycling", NULL };
  const char *idea[] = { "cryogenics", NULL };
  const char *old[] = { "coal", NULL };
  const char *expected[] = { "battery recycling", "furnaces", "hydrogen", "net zero", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) none = NULL;

  g_ptr_array_add (items, make_item (IC_FORESIGHT_KIND_CHALLENGE_CALL, "2026-11-03T09:00:00Z", call));
  g_ptr_array_add (items, make_item (IC_FORESIGHT_KIND_DEMAND_SIGNAL, "2026-07-22T09:00:00Z", signal));
  g_ptr_array_add (items, make_item (IC_FORESIGHT_KIND_IDEA, "2026-06-18T09:00:00Z", idea));
  g_ptr_array_add (items, make_item (IC_FORESIGHT_KIND_DEMAND_SIGNAL, "2020-01-01T09:00:00Z", old));

  tags = ic_rising_demand_collect (items, now);
  g_assert_cmpstrv (tags, expected);

  none = ic_rising_demand_collect (NULL, now);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

typedef struct
{
  char    *dir;
  IcStore *store;
} Fixture;

static void
insert_json (IcStore      *store,
             IcRecordKind  kind,
             const char   *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = ic_record_new_from_json_data (kind, json, -1, &error);

  g_assert_no_error (error);
  g_assert_true (ic_store_insert (store, record, "Test Expert", &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("test-rising-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = ic_store_open (path, IC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  insert_json (f->store, IC_RECORD_KIND_ORGANISATION,
               "{\"id\":\"" ORG_A "\",\"name\":\"Black Country Kilns\",\"kind\":\"large-firm\"}");
  insert_json (f->store, IC_RECORD_KIND_ORGANISATION,
               "{\"id\":\"" ORG_B "\",\"name\":\"Tipton Thermal Ltd\",\"kind\":\"sme\"}");
  insert_json (f->store, IC_RECORD_KIND_CHALLENGE,
               "{\"id\":\"" CHALLENGE "\",\"organisation_id\":\"" ORG_A "\","
               "\"title\":\"Hydrogen firing for a tunnel kiln\",\"status\":\"open\","
               "\"description\":\"Trial hydrogen burners and recover waste heat.\","
               "\"tags\":[\"hydrogen\",\"waste heat recovery\",\"ceramics\",\"burners\"]}");
  insert_json (f->store, IC_RECORD_KIND_CAPABILITY,
               "{\"id\":\"" CAPABILITY "\",\"organisation_id\":\"" ORG_B "\","
               "\"title\":\"Hydrogen burner retrofit\","
               "\"description\":\"We retrofit kilns with hydrogen burners and heat exchangers.\","
               "\"tags\":[\"hydrogen\",\"waste heat recovery\",\"ceramics\"]}");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "test.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->store);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* The one result for the fixture's challenge, from a fresh loader. */
static IcMatchResult *
rank (IcStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcMatcher) matcher = ic_match_loader_load_matcher (store, &error);
  g_autoptr(IcMatchWeights) weights = ic_match_weights_new ();
  g_autoptr(IcRecord) challenge = NULL;
  g_autoptr(GListModel) results = NULL;
  g_auto(IcMatchOptions) options;

  g_assert_no_error (error);
  ic_match_options_init (&options);
  challenge = ic_store_get (store, CHALLENGE, &error);
  g_assert_no_error (error);
  results = ic_matcher_rank_challenge (matcher, IC_CHALLENGE (challenge), weights, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  return g_list_model_get_item (results, 0);
}

static void
test_loader_fills_foresight (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcMatchResult) before = rank (f->store);
  g_autoptr(IcMatchResult) rising = NULL;
  g_autoptr(IcMatchResult) after = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *published = g_date_time_format_iso8601 (now);
  g_autofree char *signal = g_strdup_printf (
    "{\"id\":\"" SIGNAL "\",\"kind\":\"challenge-call\","
    "\"title\":\"Regional call: hydrogen for industrial heat\","
    "\"tags\":[\"hydrogen\",\"ceramics\",\"furnaces\"],\"published\":\"%s\"}", published);
  g_autoptr(JsonNode) json = NULL;
  JsonArray *rising_tags;

  /* No foresight item: the criterion says nothing. */
  g_assert_cmpfloat (ic_match_result_get_criterion_score (before, IC_MATCH_CRITERION_FORESIGHT), ==, 0.0);
  g_assert_false (ic_match_result_tag_is_rising (before, "hydrogen"));

  /* Three matched tags, two of them rising: 2/3. */
  insert_json (f->store, IC_RECORD_KIND_FORESIGHT, signal);
  rising = rank (f->store);
  g_assert_cmpfloat_with_epsilon (ic_match_result_get_criterion_score (rising, IC_MATCH_CRITERION_FORESIGHT),
                                  2.0 / 3.0, 1e-12);
  g_assert_cmpfloat (ic_match_result_get_contribution (rising, IC_MATCH_CRITERION_FORESIGHT), >, 0.0);
  g_assert_cmpfloat (ic_match_result_get_score (rising), >, ic_match_result_get_score (before));
  g_assert_true (ic_match_result_tag_is_rising (rising, "hydrogen"));
  g_assert_true (ic_match_result_tag_is_rising (rising, "ceramics"));
  g_assert_false (ic_match_result_tag_is_rising (rising, "waste heat recovery"));
  g_assert_nonnull (strstr (ic_match_result_get_explanation (rising),
                            "foresight marks hydrogen, ceramics as rising demand"));
  json = ic_match_result_to_json (rising);
  rising_tags = json_object_get_array_member (json_node_get_object (json), "rising_tags");
  g_assert_cmpuint (json_array_get_length (rising_tags), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (rising_tags, 0), ==, "hydrogen");
  g_assert_cmpstr (json_array_get_string_element (rising_tags, 1), ==, "ceramics");

  /* Deleting the item takes the criterion away again. */
  g_assert_true (ic_store_delete (f->store, SIGNAL, "Test Expert", &error));
  g_assert_no_error (error);
  after = rank (f->store);
  g_assert_cmpfloat (ic_match_result_get_criterion_score (after, IC_MATCH_CRITERION_FORESIGHT), ==, 0.0);
  g_assert_cmpfloat (ic_match_result_get_score (after), ==, ic_match_result_get_score (before));
  g_assert_null (strstr (ic_match_result_get_explanation (after), "foresight"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rising-demand/item-rule", test_item_rule);
  g_test_add_func ("/rising-demand/collect", test_collect);
  g_test_add ("/rising-demand/loader-fills-foresight", Fixture, NULL,
              fixture_set_up, test_loader_fills_foresight, fixture_tear_down);
  return g_test_run ();
}

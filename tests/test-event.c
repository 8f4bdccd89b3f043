/* test-event.c — workshop events: JSON shape, validation, the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ic-model-error.h"
#include "ic-organisation.h"
#include "ic-store-events.h"

#define ORG_A "a0000000-0000-4000-8000-000000000001"
#define ORG_B "a0000000-0000-4000-8000-000000000002"
#define ORG_C "a0000000-0000-4000-8000-000000000003"

/* The shape the workshop issue gives for `event add --json`. */
static const char event_json[] =
  "{\"name\":\"Rail supply day\",\"date\":\"2026-03-03\","
  "\"slots\":[{\"start\":\"09:00\",\"minutes\":15},{\"start\":\"09:20\",\"minutes\":15}],"
  "\"tables\":4,"
  "\"participants\":["
  "{\"organisation_id\":\"" ORG_A "\",\"available\":[0,1],\"max_meetings\":2},"
  "{\"organisation_id\":\"" ORG_B "\",\"available\":[1],\"max_meetings\":1},"
  "{\"organisation_id\":\"" ORG_C "\",\"available\":[],\"max_meetings\":0}],"
  "\"requests\":[{\"from\":\"" ORG_B "\",\"to\":\"" ORG_A "\"}],"
  "\"forbidden\":[{\"a\":\"" ORG_A "\",\"b\":\"" ORG_C "\"}]}";

static IcEvent *
parse_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  IcEvent *event = ic_event_new_from_json_data (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);
  return event;
}

static void
test_json_shape (void)
{
  g_autoptr(IcEvent) event = parse_ok (event_json);
  g_autoptr(IcEvent) copy = NULL;
  g_autoptr(JsonNode) body = ic_event_body_to_json (event);
  g_autoptr(JsonNode) expected = json_from_string (event_json, NULL);
  g_autoptr(JsonNode) full = ic_event_to_json (event);
  g_autoptr(JsonNode) copy_body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcEventParticipant) c = NULL;
  gsize n;

  /* Exactly the members and values that went in. */
  g_assert_true (json_node_equal (body, expected));
  g_assert_true (ic_record_validate (IC_RECORD (event), NULL, &error));
  g_assert_no_error (error);

  /* An empty list of slots is "none", not "every slot". */
  c = g_list_model_get_item (G_LIST_MODEL (ic_event_get_participants (event)), 2);
  g_assert_nonnull (ic_event_participant_get_available (c, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (ic_event_participant_is_available (c, 0));

  /* The record fields come first in the full form, and a deep copy is equal. */
  g_assert_true (json_object_has_member (json_node_get_object (full), "id"));
  g_assert_true (json_object_has_member (json_node_get_object (full), "visibility"));
  copy = IC_EVENT (ic_record_copy (IC_RECORD (event)));
  copy_body = ic_event_body_to_json (copy);
  g_assert_true (json_node_equal (copy_body, expected));
  g_assert_true (ic_event_get_participants (copy) != ic_event_get_participants (event));
}

static void
test_defaults (void)
{
  g_autoptr(IcEvent) event = parse_ok ("{\"name\":\"x\",\"date\":\"2026-01-01\","
                                       "\"slots\":[{\"start\":\"10:00\",\"minutes\":20}],"
                                       "\"participants\":[{\"organisation_id\":\"" ORG_A "\"}]}");
  g_autoptr(JsonNode) body = ic_event_body_to_json (event);
  JsonObject *p = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (body), "participants"), 0);

  /* Unsaid availability is every slot; an unsaid limit is one per slot. */
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (p, "available")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (p, "max_meetings"), ==, 1);
  g_assert_cmpint (ic_event_get_tables (event), ==, 1);
}

static void
test_validation (void)
{
  const struct
  {
    const char *json;
    const char *field;
  } cases[] = {
    { "{\"name\":\"\",\"date\":\"2026-01-01\"}", "name" },
    { "{\"name\":\"x\"}", "date" },
    { "{\"name\":\"x\",\"date\":\"2026-02-30\"}", "date" },
    { "{\"name\":\"x\",\"date\":\"2026-01-01\",\"slots\":[]}", "slots" },
    { "{\"name\":\"x\",\"date\":\"2026-01-01\",\"tables\":0,"
      "\"slots\":[{\"start\":\"09:00\",\"minutes\":10}]}", "tables" },
    { "{\"name\":\"x\",\"date\":\"2026-01-01\",\"slots\":[{\"start\":\"9am\",\"minutes\":10}]}",
      "slots[1].start" },
    { "{\"name\":\"x\",\"date\":\"2026-01-01\",\"slots\":[{\"start\":\"09:00\",\"minutes\":0}]}",
      "slots[1].minutes" },
    { "{\"name\":\"x\",\"date\":\"2026-01-01\",\"slots\":[{\"start\":\"09:00\",\"minutes\":30},"
      "{\"start\":\"09:15\",\"minutes\":10}]}", "slots[2]" },
    { "{\"name\":\"x\",\"date\":\"2026-01-01\",\"slots\":[{\"start\":\"09:00\",\"minutes\":10}],"
      "\"participants\":[{\"organisation_id\":\"nope\"}]}", "participants[1].organisation_id" },
    { "{\"name\":\"x\",\"date\":\"2026-01-01\",\"slots\":[{\"start\":\"09:00\",\"minutes\":10}],"
      "\"participants\":[{\"organisation_id\":\"" ORG_A "\",\"available\":[3]}]}",
      "participants[1].available" },
    { "{\"name\":\"x\",\"date\":\"2026-01-01\",\"slots\":[{\"start\":\"09:00\",\"minutes\":10}],"
      "\"participants\":[{\"organisation_id\":\"" ORG_A "\"},{\"organisation_id\":\"" ORG_A "\"}]}",
      "participants[2].organisation_id" },
    { "{\"name\":\"x\",\"date\":\"2026-01-01\",\"slots\":[{\"start\":\"09:00\",\"minutes\":10}],"
      "\"participants\":[{\"organisation_id\":\"" ORG_A "\"}],"
      "\"requests\":[{\"from\":\"" ORG_A "\",\"to\":\"" ORG_B "\"}]}", "requests[1].to" },
    { "{\"name\":\"x\",\"date\":\"2026-01-01\",\"slots\":[{\"start\":\"09:00\",\"minutes\":10}],"
      "\"participants\":[{\"organisation_id\":\"" ORG_A "\"},{\"organisation_id\":\"" ORG_B "\"}],"
      "\"requests\":[{\"from\":\"" ORG_A "\",\"to\":\"" ORG_B "\"}],"
      "\"forbidden\":[{\"a\":\"" ORG_B "\",\"b\":\"" ORG_A "\"}]}", "requests[1]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IcEvent) event = parse_ok (cases[i].json);
      g_autoptr(GError) error = NULL;

      g_assert_false (ic_record_validate (IC_RECORD (event), NULL, &error));
      g_assert_error (error, IC_MODEL_ERROR, error->code);
      g_assert_cmpstr (ic_model_error_get_field (error), ==, cases[i].field);
    }
}

static void
test_parse_errors (void)
{
  const struct
  {
    const char *json;
    const char *field;
  } cases[] = {
    { "{\"nom\":\"x\"}", "nom" },
    { "{\"tables\":\"four\"}", "tables" },
    { "{\"slots\":[{\"start\":\"09:00\",\"length\":10}]}", "slots[1].length" },
    { "{\"slots\":[3]}", "slots[1]" },
    { "{\"participants\":[{\"organisation_id\":\"" ORG_A "\",\"available\":[\"0\"]}]}",
      "participants[1].available[1]" },
    { "{\"participants\":[{\"organisation_id\":\"" ORG_A "\",\"max_meetings\":-5}]}",
      "participants[1].max_meetings" },
    { "{\"requests\":[{\"from\":\"" ORG_A "\",\"with\":\"" ORG_B "\"}]}", "requests[1].with" },
    { "{\"forbidden\":[{\"a\":1}]}", "forbidden[1].a" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IcEvent) event = ic_event_new_from_json_data (cases[i].json, -1, &error);

      g_assert_null (event);
      g_assert_nonnull (error);
      g_assert_cmpstr (ic_model_error_get_field (error), ==, cases[i].field);
    }
}

/* The store ---------------------------------------------------------------- */

typedef struct
{
  char    *dir;
  IcStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *ids[] = { ORG_A, ORG_B, ORG_C };

  f->dir = g_dir_make_tmp ("test-event-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = ic_store_open (path, IC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(IcOrganisation) org = ic_organisation_new ();

      ic_record_set_id (IC_RECORD (org), ids[i]);
      ic_organisation_set_name (org, ids[i]);
      g_assert_true (ic_store_insert (f->store, IC_RECORD (org), "test", &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "test.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_store_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IcEvent) event = parse_ok (event_json);
  g_autoptr(IcEvent) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autofree char *schedule = NULL;
  const char *id;

  g_assert_true (ic_store_insert_event (f->store, event, "ann", &error));
  g_assert_no_error (error);
  id = ic_record_get_id (IC_RECORD (event));
  g_assert_nonnull (id);
  g_assert_cmpint (ic_record_get_rev (IC_RECORD (event)), ==, 1);

  stored = ic_store_get_event (f->store, id, &error);
  g_assert_no_error (error);
  a = ic_event_to_json (event);
  b = ic_event_to_json (stored);
  g_assert_true (json_node_equal (a, b));

  /* Saving a schedule is an edit (the feed carries it): rev 2. */
  g_assert_true (ic_store_set_event_schedule (f->store, id, "{\"meetings\":[]}", &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = ic_store_get_event (f->store, id, &error);
  g_assert_cmpint (ic_record_get_rev (IC_RECORD (stored)), ==, 2);
  /* The same schedule again changes nothing. */
  g_assert_true (ic_store_set_event_schedule (f->store, id, "{\"meetings\":[]}", &error));

  /* An edit: rev + 1, and the saved schedule stays. */
  ic_event_set_tables (stored, 7);
  g_assert_true (ic_store_update_event (f->store, stored, "bob", &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = ic_store_get_event (f->store, id, &error);
  g_assert_cmpint (ic_event_get_tables (stored), ==, 7);
  g_assert_cmpint (ic_record_get_rev (IC_RECORD (stored)), ==, 3);
  g_assert_cmpstr (ic_record_get_author (IC_RECORD (stored)), ==, "bob");
  schedule = ic_store_get_event_schedule (f->store, id, &error);
  g_assert_cmpstr (schedule, ==, "{\"meetings\":[]}");

  events = ic_store_list_events (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);

  /* A delete is a tombstone. */
  g_assert_true (ic_store_delete_event (f->store, id, "bob", &error));
  g_clear_pointer (&events, g_ptr_array_unref);
  events = ic_store_list_events (f->store, &error);
  g_assert_cmpuint (events->len, ==, 0);
  g_clear_object (&stored);
  stored = ic_store_get_event (f->store, id, &error);
  g_assert_true (ic_record_get_deleted (IC_RECORD (stored)));
}

static void
test_store_refuses (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(IcEvent) event = parse_ok (event_json);
  g_autoptr(IcEvent) invalid = parse_ok ("{\"name\":\"x\"}");
  g_autoptr(IcEventParticipant) stranger =
    ic_event_participant_new ("b0000000-0000-4000-8000-000000000009");
  g_autoptr(GError) error = NULL;

  /* Not an organisation of the database: nothing is written. */
  g_list_store_append (ic_event_get_participants (event), stranger);
  g_assert_false (ic_store_insert_event (f->store, event, "ann", &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT);
  g_assert_null (ic_record_get_id (IC_RECORD (event)));
  g_clear_error (&error);

  g_assert_false (ic_store_insert_event (f->store, invalid, "ann", &error));
  g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_REQUIRED);
  g_clear_error (&error);

  g_assert_null (ic_store_get_event (f->store, ORG_A, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
}

/* Schedules merge meeting by meeting (ic_event_merge_schedules()). */
static JsonNode *
schedule_of (const char *meetings)
{
  g_autofree char *text = g_strdup_printf ("{\"objective\":0,\"meetings\":[%s]}", meetings);

  return json_from_string (text, NULL);
}

#define M(SLOT, TABLE, A, B) \
  "{\"slot\":" #SLOT ",\"table\":" #TABLE ",\"challenge_organisation_id\":\"" A "\"," \
  "\"capability_organisation_id\":\"" B "\",\"score\":0.5}"

static void
test_merge_schedules (void)
{
  g_autoptr(JsonNode) base = schedule_of (M (0, 0, "a", "x") "," M (1, 0, "b", "y") "," M (2, 0, "c", "z"));
  g_autoptr(JsonNode) mine = schedule_of (M (0, 1, "a", "x") "," M (1, 0, "b", "y") "," M (2, 0, "c", "z"));
  g_autoptr(JsonNode) theirs = schedule_of (M (0, 0, "a", "x") "," M (1, 2, "b", "y"));
  g_autoptr(JsonNode) expected = schedule_of (M (0, 1, "a", "x") "," M (1, 2, "b", "y"));
  g_autoptr(JsonNode) other = schedule_of (M (0, 2, "a", "x") "," M (1, 0, "b", "y") "," M (2, 0, "c", "z"));
  g_autoptr(JsonNode) clash = schedule_of (M (0, 0, "a", "x") "," M (1, 0, "b", "y") "," M (0, 1, "c", "z"));
  g_autoptr(JsonNode) into_clash = schedule_of (M (0, 1, "a", "x") "," M (1, 0, "b", "y") "," M (2, 0, "c", "z"));
  g_autoptr(JsonNode) merged = NULL;

  /* A moved here, B moved there, C dropped there: all three kept. */
  g_assert_true (ic_event_merge_schedules (base, mine, theirs, &merged));
  json_object_set_double_member (json_node_get_object (expected), "objective", 1.0);
  g_assert_true (json_node_equal (merged, expected));
  g_clear_pointer (&merged, json_node_unref);

  /* A moved on both sides to different tables: a conflict. */
  g_assert_false (ic_event_merge_schedules (base, mine, other, &merged));
  g_assert_null (merged);

  /* Each move alone is fine; together they put a person twice in slot 0. */
  g_assert_false (ic_event_merge_schedules (base, into_clash, clash, &merged));
  g_assert_null (merged);

  /* No schedule on either side is one value. */
  g_assert_true (ic_event_merge_schedules (NULL, NULL, theirs, &merged));
  g_assert_true (json_node_equal (merged, theirs));
  g_clear_pointer (&merged, json_node_unref);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event/json-shape", test_json_shape);
  g_test_add_func ("/event/merge-schedules", test_merge_schedules);
  g_test_add_func ("/event/defaults", test_defaults);
  g_test_add_func ("/event/validation", test_validation);
  g_test_add_func ("/event/parse-errors", test_parse_errors);
  g_test_add ("/event/store/round-trip", Fixture, NULL, fixture_set_up, test_store_round_trip,
              fixture_tear_down);
  g_test_add ("/event/store/refuses", Fixture, NULL, fixture_set_up, test_store_refuses,
              fixture_tear_down);

  return g_test_run ();
}

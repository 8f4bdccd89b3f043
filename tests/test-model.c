/* test-model.c — records, validation, JSON and taxonomy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most tests here are tables: each row is a record (a JSON object laid
 * over a valid one, or one field set directly) and what validation or
 * the JSON reader must say about it.
 */

#include "config.h"

#include <string.h>

#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-fields.h"
#include "ic-foresight-item.h"
#include "ic-glossary.h"
#include "ic-model-error.h"
#include "ic-organisation.h"
#include "ic-record-json.h"
#include "ic-record.h"
#include "ic-shortlist.h"
#include "ic-taxonomy.h"
#include "ic-text-search.h"
#include "ic-validate.h"

#define ORG_ID   "6f1c1f0e-3c2a-4b7e-9a51-2d8e4f6a7b10"
#define CHAL_ID  "0b7e39d2-5f0c-4f3e-8c4d-1a2b3c4d5e6f"
#define CAP_A_ID "9d3c5b1a-7e2f-4a60-b1c2-d3e4f5a6b7c8"
#define CAP_B_ID "c4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70"

/* Sentinel for "no error expected". */
#define VALID (-1)

/* A valid record of every kind with every field set away from its
 * default, so that a round trip that drops a field is noticed. */
static const char *full_records[IC_N_RECORD_KINDS] = {
  [IC_RECORD_KIND_ORGANISATION] =
    "{\"id\":\"" ORG_ID "\",\"rev\":3,\"updated_at\":\"2026-05-04T10:11:12.345Z\","
    "\"author\":\"Priya Sandhu\",\"visibility\":\"private\",\"deleted\":true,"
    "\"name\":\"Arden Vale Components Ltd\",\"kind\":\"large-firm\","
    "\"cluster\":\"automotive\",\"local_authority\":\"coventry\",\"employees\":420,"
    "\"website\":\"https://ardenvale.example\",\"notes\":\"Tier-one supplier; met at the May workshop.\","
    "\"contact\":\"Dev Mistry\",\"email\":\"dev.mistry@ardenvale.example\","
    "\"phone\":\"024 7655 0192\",\"postcode\":\"CV3 4FX\"}",
  [IC_RECORD_KIND_CHALLENGE] =
    "{\"id\":\"" CHAL_ID "\",\"rev\":2,\"updated_at\":\"2026-05-04T10:11:12Z\","
    "\"author\":\"Tom Okafor\",\"visibility\":\"private\",\"deleted\":true,"
    "\"organisation_id\":\"" ORG_ID "\",\"title\":\"Lightweight battery enclosures\","
    "\"description\":\"We need enclosures that are 30% lighter and pass crash tests.\","
    "\"cluster\":\"automotive\",\"tags\":[\"battery\",\"lightweighting\",\"crash safety\"],"
    "\"trl_min\":4,\"trl_max\":7,\"budget_min\":50000,\"budget_max\":250000,"
    "\"deadline\":\"2027-06-30\",\"local_authority\":\"birmingham\",\"status\":\"paused\","
    "\"contact\":\"innovation@ardenvale.example\",\"public_label\":\"A Tier 1 automotive supplier in Coventry\"}",
  [IC_RECORD_KIND_CAPABILITY] =
    "{\"id\":\"" CAP_A_ID "\",\"rev\":5,\"updated_at\":\"2026-01-02T03:04:05.006Z\","
    "\"author\":\"Priya Sandhu\",\"visibility\":\"private\",\"deleted\":true,"
    "\"organisation_id\":\"" ORG_ID "\",\"title\":\"Aluminium die casting\","
    "\"description\":\"High-pressure die casting of thin-walled aluminium parts.\","
    "\"cluster\":\"metals-materials\",\"tags\":[\"die casting\",\"aluminium\"],"
    "\"trl\":6,\"employees\":35,\"local_authority\":\"dudley\","
    "\"certifications\":[\"ISO 9001\",\"IATF 16949\"],\"contact\":\"Sam Reid\"}",
  [IC_RECORD_KIND_FORESIGHT] =
    "{\"id\":\"" CAP_B_ID "\",\"rev\":1,\"updated_at\":\"2026-03-01T09:30:00Z\","
    "\"author\":\"Feed\",\"visibility\":\"private\",\"deleted\":true,"
    "\"kind\":\"technology-driver\",\"title\":\"Solid-state batteries reach pilot lines\","
    "\"summary\":\"Three pilot lines announced this quarter.\","
    "\"url\":\"https://feed.example/items/42\",\"tags\":[\"battery\",\"solid state\"],"
    "\"published\":\"2026-03-01T09:30:00Z\",\"source\":\"Regional foresight team\"}",
  [IC_RECORD_KIND_SHORTLIST] =
    "{\"id\":\"" CAP_B_ID "\",\"rev\":4,\"updated_at\":\"2026-03-01T09:30:00Z\","
    "\"author\":\"Tom Okafor\",\"visibility\":\"private\",\"deleted\":true,"
    "\"challenge_id\":\"" CHAL_ID "\",\"name\":\"Enclosure suppliers\","
    "\"entries\":["
    "{\"capability_id\":\"" CAP_A_ID "\",\"score\":0.82,\"explanation\":\"text 0.61, tags 1.00\","
    "\"note\":\"Call before the workshop\",\"stage\":\"contacted\","
    "\"stages\":[{\"stage\":\"declined\",\"at\":\"2026-01-12T10:00:00Z\",\"author\":\"Tom Okafor\","
    "\"reason\":\"too-early\",\"reason_text\":\"Asked again in spring\"}]},"
    "{\"capability_id\":\"" CAP_B_ID "\",\"score\":0.5,\"explanation\":\"tags 0.50\","
    "\"note\":\"Second choice\",\"stage\":\"declined\","
    "\"stages\":[{\"stage\":\"declined\",\"at\":\"2026-02-20T16:45:00Z\",\"author\":\"Priya Shah\","
    "\"reason\":\"other\",\"reason_text\":\"Bought by a rival\"}]}]}",
  [IC_RECORD_KIND_EXCLUDED_PAIR] =
    "{\"id\":\"" CAP_B_ID "\",\"rev\":2,\"updated_at\":\"2026-03-01T09:30:00Z\","
    "\"author\":\"Tom Okafor\",\"visibility\":\"private\",\"deleted\":true,"
    "\"challenge_id\":\"" CHAL_ID "\",\"capability_id\":\"" CAP_A_ID "\","
    "\"reason\":\"other\",\"reason_text\":\"Same group as the buyer\"}",
  [IC_RECORD_KIND_PIN] =
    "{\"id\":\"" CAP_A_ID "\",\"rev\":2,\"updated_at\":\"2026-03-01T09:30:00Z\","
    "\"author\":\"Tom Okafor\",\"visibility\":\"private\",\"deleted\":true,"
    "\"challenge_id\":\"" CHAL_ID "\",\"capability_id\":\"" CAP_B_ID "\","
    "\"reason\":\"Asked for by the buyer\"}",
  [IC_RECORD_KIND_CONFLICT_RULE] =
    "{\"id\":\"" CHAL_ID "\",\"rev\":2,\"updated_at\":\"2026-03-01T09:30:00Z\","
    "\"author\":\"Tom Okafor\",\"visibility\":\"private\",\"deleted\":true,"
    "\"organisation_id\":\"" ORG_ID "\",\"other_organisation_id\":\"" CAP_B_ID "\","
    "\"reason\":\"Same group\"}",
};

static IcTaxonomy *default_taxonomy;

static JsonObject *
parse_object (const char *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (data, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static IcRecord *
record_from_data (IcRecordKind  kind,
                  const char   *data)
{
  g_autoptr(GError) error = NULL;
  IcRecord *record = ic_record_new_from_json_data (kind, data, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static char *
repeat (const char *unit,
        guint       count)
{
  GString *s = g_string_sized_new (strlen (unit) * count + 1);

  for (guint i = 0; i < count; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

/* Fails the test unless @error is an IC_MODEL_ERROR with @code about
 * @field (NULL: about no field in particular) and its message names the
 * field too. */
static void
assert_model_error (const GError *error,
                    int           code,
                    const char   *field)
{
  g_assert_nonnull (error);
  g_test_message ("error: %s", error->message);
  g_assert_error ((GError *) error, IC_MODEL_ERROR, code);
  g_assert_cmpstr (ic_model_error_get_field (error), ==, field);
  if (field != NULL)
    g_assert_true (g_str_has_prefix (error->message, field));
}

static void
assert_values_equal (GObject    *a,
                     GObject    *b,
                     const char *path);

static void
assert_list_stores_equal (GListModel *a,
                          GListModel *b,
                          const char *path)
{
  guint n = g_list_model_get_n_items (a);

  g_assert_true (a != b);
  g_assert_cmpuint (g_list_model_get_n_items (b), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item_a = g_list_model_get_item (a, i);
      g_autoptr(GObject) item_b = g_list_model_get_item (b, i);
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i + 1);

      g_assert_true (item_a != item_b);
      assert_values_equal (item_a, item_b, item_path);
    }
}

/* Every readable property of @a equals that of @b; lists item by item. */
static void
assert_values_equal (GObject    *a,
                     GObject    *b,
                     const char *path)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 0);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *name = g_strconcat (path, ".", pspec->name, NULL);

      g_value_init (&va, pspec->value_type);
      g_value_init (&vb, pspec->value_type);
      g_object_get_property (a, pspec->name, &va);
      g_object_get_property (b, pspec->name, &vb);
      g_test_message ("comparing %s", name);

      if (g_type_is_a (pspec->value_type, G_TYPE_LIST_MODEL))
        assert_list_stores_equal (g_value_get_object (&va), g_value_get_object (&vb), name);
      else if (pspec->value_type == G_TYPE_STRING)
        g_assert_cmpstr (g_value_get_string (&va), ==, g_value_get_string (&vb));
      else if (pspec->value_type == G_TYPE_STRV)
        {
          const char * const *sa = g_value_get_boxed (&va);
          const char * const *sb = g_value_get_boxed (&vb);
          g_autofree char *ja = sa ? g_strjoinv ("|", (char **) sa) : g_strdup ("(null)");
          g_autofree char *jb = sb ? g_strjoinv ("|", (char **) sb) : g_strdup ("(null)");

          g_assert_cmpstr (ja, ==, jb);
        }
      else
        g_assert_cmpint (g_param_values_cmp (pspec, &va, &vb), ==, 0);
    }
}

/* Every readable property of @object differs from its default. */
static void
assert_no_defaults (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, pspec->name, &value);
      g_test_message ("field %s is set", pspec->name);
      if (g_type_is_a (pspec->value_type, G_TYPE_LIST_MODEL))
        {
          GListModel *model = g_value_get_object (&value);
          guint n = g_list_model_get_n_items (model);

          g_assert_cmpuint (n, >, 0);
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (model, j);
              assert_no_defaults (item);
            }
        }
      else
        g_assert_false (g_param_value_defaults (pspec, &value));
    }
}

/* ---------------------------------------------------------------------
 * Validation, one row per case
 * ------------------------------------------------------------------ */

typedef struct
{
  const char   *name;
  IcRecordKind  kind;
  /* Members laid over the kind's full record before validation. */
  const char   *json;
  /* Then this property is set to @unit repeated @count times (a list
   * property gets it as its only element), for text JSON cannot carry. */
  const char   *prop;
  const char   *unit;
  guint         count;
  int           code;
  const char   *field;
} ValidationCase;

#define ORG  IC_RECORD_KIND_ORGANISATION
#define CHAL IC_RECORD_KIND_CHALLENGE
#define CAP  IC_RECORD_KIND_CAPABILITY
#define FORE IC_RECORD_KIND_FORESIGHT
#define LIST IC_RECORD_KIND_SHORTLIST

static const ValidationCase validation_cases[] = {
  /* Organisations */
  { "valid", ORG, "{}", NULL, NULL, 0, VALID, NULL },
  { "name-empty", ORG, "{\"name\":\"\"}", NULL, NULL, 0, IC_MODEL_ERROR_REQUIRED, "name" },
  { "name-blank", ORG, "{\"name\":\" \\t\\n \"}", NULL, NULL, 0, IC_MODEL_ERROR_REQUIRED, "name" },
  { "name-null", ORG, "{\"name\":null}", NULL, NULL, 0, IC_MODEL_ERROR_REQUIRED, "name" },
  { "name-200-chars", ORG, NULL, "name", "ł", 200, VALID, NULL },
  { "name-201-chars", ORG, NULL, "name", "ł", 201, IC_MODEL_ERROR_TOO_LONG, "name" },
  { "name-invalid-utf8", ORG, NULL, "name", "Arden\xc3\x28", 1, IC_MODEL_ERROR_INVALID_UTF8, "name" },
  { "cluster-unknown", ORG, "{\"cluster\":\"space-tourism\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "cluster" },
  { "cluster-name-not-id", ORG, "{\"cluster\":\"Aerospace\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "cluster" },
  { "cluster-empty", ORG, "{\"cluster\":\"\"}", NULL, NULL, 0, VALID, NULL },
  { "place-unknown", ORG, "{\"local_authority\":\"atlantis\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "local_authority" },
  { "place-null", ORG, "{\"local_authority\":null}", NULL, NULL, 0, VALID, NULL },
  { "website-http", ORG, "{\"website\":\"http://ardenvale.example/about\"}", NULL, NULL, 0, VALID, NULL },
  { "website-upper-case", ORG, "{\"website\":\"HTTPS://Ardenvale.example\"}", NULL, NULL, 0, VALID, NULL },
  { "website-none", ORG, "{\"website\":\"\"}", NULL, NULL, 0, VALID, NULL },
  { "website-ftp", ORG, "{\"website\":\"ftp://ardenvale.example\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "website" },
  { "website-no-scheme", ORG, "{\"website\":\"www.ardenvale.example\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "website" },
  { "website-javascript", ORG, "{\"website\":\"javascript:alert(1)\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "website" },
  { "email-plain", ORG, "{\"email\":\"dev.mistry@ardenvale.co.uk\"}", NULL, NULL, 0, VALID, NULL },
  { "email-plus", ORG, "{\"email\":\"sales+wm@ardenvale.example\"}", NULL, NULL, 0, VALID, NULL },
  { "email-none", ORG, "{\"email\":\"\"}", NULL, NULL, 0, VALID, NULL },
  { "email-no-at", ORG, "{\"email\":\"dev.ardenvale.example\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "email" },
  { "email-no-dot", ORG, "{\"email\":\"dev@localhost\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "email" },
  { "email-two", ORG, "{\"email\":\"a@b.example; c@d.example\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "email" },
  { "email-two-ats", ORG, "{\"email\":\"a@b@c.example\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "email" },
  { "email-no-local", ORG, "{\"email\":\"@ardenvale.example\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "email" },
  { "email-trailing-dot", ORG, "{\"email\":\"dev@ardenvale.\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "email" },
  { "phone-too-long", ORG, "{\"phone\":\"0121 496 0000 0121 496 0000 0121 496 0000\"}", NULL, NULL, 0, IC_MODEL_ERROR_TOO_LONG, "phone" },
  { "postcode-too-long", ORG, "{\"postcode\":\"B1 1AA B1 1AA B1 1AA\"}", NULL, NULL, 0, IC_MODEL_ERROR_TOO_LONG, "postcode" },
  { "notes-20000-chars", ORG, NULL, "notes", "ü", 20000, VALID, NULL },
  { "notes-20001-chars", ORG, NULL, "notes", "ü", 20001, IC_MODEL_ERROR_TOO_LONG, "notes" },
  { "id-not-uuid", ORG, "{\"id\":\"1234\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "id" },
  { "id-empty", ORG, "{\"id\":\"\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "id" },
  { "id-none", ORG, "{\"id\":null}", NULL, NULL, 0, VALID, NULL },
  { "updated-at-not-time", ORG, "{\"updated_at\":\"yesterday\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "updated_at" },
  { "updated-at-date-only", ORG, "{\"updated_at\":\"2026-05-04\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "updated_at" },
  { "author-201-chars", ORG, NULL, "author", "a", 201, IC_MODEL_ERROR_TOO_LONG, "author" },

  /* Challenges: required text and its length in characters */
  { "valid", CHAL, "{}", NULL, NULL, 0, VALID, NULL },
  { "title-empty", CHAL, "{\"title\":\"\"}", NULL, NULL, 0, IC_MODEL_ERROR_REQUIRED, "title" },
  { "title-blank", CHAL, "{\"title\":\"   \"}", NULL, NULL, 0, IC_MODEL_ERROR_REQUIRED, "title" },
  { "title-null", CHAL, "{\"title\":null}", NULL, NULL, 0, IC_MODEL_ERROR_REQUIRED, "title" },
  { "title-200-ascii", CHAL, NULL, "title", "a", 200, VALID, NULL },
  { "title-201-ascii", CHAL, NULL, "title", "a", 201, IC_MODEL_ERROR_TOO_LONG, "title" },
  { "title-200-two-byte", CHAL, NULL, "title", "é", 200, VALID, NULL },
  { "title-201-two-byte", CHAL, NULL, "title", "é", 201, IC_MODEL_ERROR_TOO_LONG, "title" },
  { "title-200-three-byte", CHAL, NULL, "title", "水", 200, VALID, NULL },
  { "title-200-four-byte", CHAL, NULL, "title", "𝔸", 200, VALID, NULL },
  { "title-201-four-byte", CHAL, NULL, "title", "𝔸", 201, IC_MODEL_ERROR_TOO_LONG, "title" },
  { "title-invalid-utf8", CHAL, NULL, "title", "caf\xff", 1, IC_MODEL_ERROR_INVALID_UTF8, "title" },
  { "title-truncated-utf8", CHAL, NULL, "title", "ab\xe6\xb0", 1, IC_MODEL_ERROR_INVALID_UTF8, "title" },
  { "description-20000-chars", CHAL, NULL, "description", "ä", 20000, VALID, NULL },
  { "description-20001-chars", CHAL, NULL, "description", "ä", 20001, IC_MODEL_ERROR_TOO_LONG, "description" },
  { "description-empty", CHAL, "{\"description\":\"\"}", NULL, NULL, 0, VALID, NULL },
  { "description-invalid-utf8", CHAL, NULL, "description", "\xc0\xaf", 1, IC_MODEL_ERROR_INVALID_UTF8, "description" },
  { "contact-1001-chars", CHAL, NULL, "contact", "x", 1001, IC_MODEL_ERROR_TOO_LONG, "contact" },
  /* TRL range */
  { "trl-min-0", CHAL, "{\"trl_min\":0}", NULL, NULL, 0, IC_MODEL_ERROR_OUT_OF_RANGE, "trl_min" },
  { "trl-min-1", CHAL, "{\"trl_min\":1}", NULL, NULL, 0, VALID, NULL },
  { "trl-min-9-max-9", CHAL, "{\"trl_min\":9,\"trl_max\":9}", NULL, NULL, 0, VALID, NULL },
  { "trl-min-10", CHAL, "{\"trl_min\":10,\"trl_max\":9}", NULL, NULL, 0, IC_MODEL_ERROR_OUT_OF_RANGE, "trl_min" },
  { "trl-max-0", CHAL, "{\"trl_min\":1,\"trl_max\":0}", NULL, NULL, 0, IC_MODEL_ERROR_OUT_OF_RANGE, "trl_max" },
  { "trl-max-1", CHAL, "{\"trl_min\":1,\"trl_max\":1}", NULL, NULL, 0, VALID, NULL },
  { "trl-max-9", CHAL, "{\"trl_max\":9}", NULL, NULL, 0, VALID, NULL },
  { "trl-max-10", CHAL, "{\"trl_max\":10}", NULL, NULL, 0, IC_MODEL_ERROR_OUT_OF_RANGE, "trl_max" },
  { "trl-min-above-max", CHAL, "{\"trl_min\":8,\"trl_max\":3}", NULL, NULL, 0, IC_MODEL_ERROR_OUT_OF_RANGE, "trl_min" },
  { "trl-min-equals-max", CHAL, "{\"trl_min\":5,\"trl_max\":5}", NULL, NULL, 0, VALID, NULL },
  /* Budget range */
  { "budget-min-negative", CHAL, "{\"budget_min\":-1}", NULL, NULL, 0, IC_MODEL_ERROR_OUT_OF_RANGE, "budget_min" },
  { "budget-max-negative", CHAL, "{\"budget_min\":0,\"budget_max\":-1}", NULL, NULL, 0, IC_MODEL_ERROR_OUT_OF_RANGE, "budget_max" },
  { "budget-min-above-max", CHAL, "{\"budget_min\":250001,\"budget_max\":250000}", NULL, NULL, 0, IC_MODEL_ERROR_OUT_OF_RANGE, "budget_min" },
  { "budget-min-equals-max", CHAL, "{\"budget_min\":250000,\"budget_max\":250000}", NULL, NULL, 0, VALID, NULL },
  { "budget-both-zero", CHAL, "{\"budget_min\":0,\"budget_max\":0}", NULL, NULL, 0, VALID, NULL },
  { "budget-max-huge", CHAL, "{\"budget_max\":9223372036854775807}", NULL, NULL, 0, VALID, NULL },
  /* Deadline */
  { "deadline-2027-02-29", CHAL, "{\"deadline\":\"2027-02-29\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "deadline" },
  { "deadline-2028-02-29", CHAL, "{\"deadline\":\"2028-02-29\"}", NULL, NULL, 0, VALID, NULL },
  { "deadline-2100-02-29", CHAL, "{\"deadline\":\"2100-02-29\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "deadline" },
  { "deadline-2000-02-29", CHAL, "{\"deadline\":\"2000-02-29\"}", NULL, NULL, 0, VALID, NULL },
  { "deadline-month-13", CHAL, "{\"deadline\":\"2027-13-01\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "deadline" },
  { "deadline-month-0", CHAL, "{\"deadline\":\"2027-00-10\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "deadline" },
  { "deadline-april-31", CHAL, "{\"deadline\":\"2027-04-31\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "deadline" },
  { "deadline-day-0", CHAL, "{\"deadline\":\"2027-04-00\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "deadline" },
  { "deadline-two-digit-year", CHAL, "{\"deadline\":\"27-01-01\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "deadline" },
  { "deadline-one-digit-month", CHAL, "{\"deadline\":\"2027-1-01\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "deadline" },
  { "deadline-with-time", CHAL, "{\"deadline\":\"2027-01-01T00:00:00Z\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "deadline" },
  { "deadline-slashes", CHAL, "{\"deadline\":\"2027/01/01\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "deadline" },
  { "deadline-empty", CHAL, "{\"deadline\":\"\"}", NULL, NULL, 0, VALID, NULL },
  { "deadline-null", CHAL, "{\"deadline\":null}", NULL, NULL, 0, VALID, NULL },
  /* Taxonomy */
  { "cluster-unknown", CHAL, "{\"cluster\":\"space\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "cluster" },
  { "cluster-wrong-case", CHAL, "{\"cluster\":\"Automotive\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "cluster" },
  { "place-unknown", CHAL, "{\"local_authority\":\"gotham\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "local_authority" },
  { "place-area-not-authority", CHAL, "{\"local_authority\":\"wmca\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "local_authority" },
  /* Organisation id */
  { "organisation-id-valid-v4", CHAL, "{\"organisation_id\":\"" CAP_B_ID "\"}", NULL, NULL, 0, VALID, NULL },
  { "organisation-id-missing", CHAL, "{\"organisation_id\":null}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "organisation_id" },
  { "organisation-id-empty", CHAL, "{\"organisation_id\":\"\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "organisation_id" },
  { "organisation-id-word", CHAL, "{\"organisation_id\":\"ardenvale\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "organisation_id" },
  { "organisation-id-short", CHAL, "{\"organisation_id\":\"6f1c1f0e-3c2a-4b7e-9a51-2d8e4f6a7b1\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "organisation_id" },
  { "organisation-id-not-hex", CHAL, "{\"organisation_id\":\"6f1c1f0e-3c2a-4b7e-9a51-2d8e4f6a7bzz\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "organisation_id" },
  { "organisation-id-no-dashes", CHAL, "{\"organisation_id\":\"6f1c1f0e3c2a4b7e9a512d8e4f6a7b10\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "organisation_id" },
  { "organisation-id-braces", CHAL, "{\"organisation_id\":\"{" ORG_ID "}\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "organisation_id" },
  /* Tags */
  { "tag-64-chars", CHAL, NULL, "tags", "é", 64, VALID, NULL },
  { "tag-65-chars", CHAL, NULL, "tags", "é", 65, IC_MODEL_ERROR_INVALID_TAG, "tags" },
  { "tag-65-ascii", CHAL, NULL, "tags", "k", 65, IC_MODEL_ERROR_INVALID_TAG, "tags" },
  { "tag-invalid-utf8", CHAL, NULL, "tags", "hydro\xc3\x28gen", 1, IC_MODEL_ERROR_INVALID_UTF8, "tags" },
  { "tags-empty-list", CHAL, "{\"tags\":[]}", NULL, NULL, 0, VALID, NULL },

  /* Capabilities */
  { "valid", CAP, "{}", NULL, NULL, 0, VALID, NULL },
  { "title-empty", CAP, "{\"title\":\"\"}", NULL, NULL, 0, IC_MODEL_ERROR_REQUIRED, "title" },
  { "title-blank", CAP, "{\"title\":\"\\t\"}", NULL, NULL, 0, IC_MODEL_ERROR_REQUIRED, "title" },
  { "title-200-chars", CAP, NULL, "title", "ö", 200, VALID, NULL },
  { "title-201-chars", CAP, NULL, "title", "ö", 201, IC_MODEL_ERROR_TOO_LONG, "title" },
  { "title-invalid-utf8", CAP, NULL, "title", "\xed\xa0\x80", 1, IC_MODEL_ERROR_INVALID_UTF8, "title" },
  { "description-20000-chars", CAP, NULL, "description", "ñ", 20000, VALID, NULL },
  { "description-20001-chars", CAP, NULL, "description", "ñ", 20001, IC_MODEL_ERROR_TOO_LONG, "description" },
  { "trl-0-not-stated", CAP, "{\"trl\":0}", NULL, NULL, 0, VALID, NULL },
  { "trl-1", CAP, "{\"trl\":1}", NULL, NULL, 0, VALID, NULL },
  { "trl-9", CAP, "{\"trl\":9}", NULL, NULL, 0, VALID, NULL },
  { "trl-10", CAP, "{\"trl\":10}", NULL, NULL, 0, IC_MODEL_ERROR_OUT_OF_RANGE, "trl" },
  { "cluster-unknown", CAP, "{\"cluster\":\"fintech\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "cluster" },
  { "place-unknown", CAP, "{\"local_authority\":\"narnia\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "local_authority" },
  { "organisation-id-bad", CAP, "{\"organisation_id\":\"not-a-uuid\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "organisation_id" },
  { "tag-64-chars", CAP, NULL, "tags", "ж", 64, VALID, NULL },
  { "tag-65-chars", CAP, NULL, "tags", "ж", 65, IC_MODEL_ERROR_INVALID_TAG, "tags" },
  { "tag-invalid-utf8", CAP, NULL, "tags", "\xff\xfe", 1, IC_MODEL_ERROR_INVALID_UTF8, "tags" },
  { "certification-201-chars", CAP, NULL, "certifications", "c", 201, IC_MODEL_ERROR_TOO_LONG, "certifications" },
  { "certification-invalid-utf8", CAP, NULL, "certifications", "ISO\xc3", 1, IC_MODEL_ERROR_INVALID_UTF8, "certifications" },
  /* Control characters: tab and newline only */
  { "description-tab-newline", CAP, "{\"description\":\"one\\ttwo\\nthree\"}", NULL, NULL, 0, VALID, NULL },
  { "title-control-char", CAP, NULL, "title", "\x01", 1, IC_MODEL_ERROR_INVALID_UTF8, "title" },
  { "description-carriage-return", CAP, "{\"description\":\"one\\r\\ntwo\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_UTF8, "description" },
  { "description-escape", CAP, NULL, "description", "\x1b[31m", 1, IC_MODEL_ERROR_INVALID_UTF8, "description" },
  { "contact-delete", CAP, NULL, "contact", "\x7f", 1, IC_MODEL_ERROR_INVALID_UTF8, "contact" },
  { "title-c1-control", CAP, NULL, "title", "\xc2\x85", 1, IC_MODEL_ERROR_INVALID_UTF8, "title" },
  { "title-noncharacter", CAP, NULL, "title", "\xef\xbf\xbf", 1, IC_MODEL_ERROR_INVALID_UTF8, "title" },
  { "certification-control-char", CAP, NULL, "certifications", "ISO\x02", 1, IC_MODEL_ERROR_INVALID_UTF8, "certifications" },
  { "tag-control-char", CAP, NULL, "tags", "laser\x0b", 1, IC_MODEL_ERROR_INVALID_UTF8, "tags" },

  /* Foresight items */
  { "valid", FORE, "{}", NULL, NULL, 0, VALID, NULL },
  { "title-empty", FORE, "{\"title\":\"\"}", NULL, NULL, 0, IC_MODEL_ERROR_REQUIRED, "title" },
  { "title-201-chars", FORE, NULL, "title", "ę", 201, IC_MODEL_ERROR_TOO_LONG, "title" },
  { "summary-20001-chars", FORE, NULL, "summary", "ę", 20001, IC_MODEL_ERROR_TOO_LONG, "summary" },
  { "url-not-http", FORE, "{\"url\":\"gopher://feed.example\"}", NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "url" },
  { "published-not-calendar", FORE, "{\"published\":\"2026-02-30T10:00:00Z\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "published" },
  { "published-date-only", FORE, "{\"published\":\"2026-03-01\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "published" },
  { "published-offset", FORE, "{\"published\":\"2026-03-01T09:30:00+01:00\"}", NULL, NULL, 0, VALID, NULL },
  { "tag-65-chars", FORE, NULL, "tags", "q", 65, IC_MODEL_ERROR_INVALID_TAG, "tags" },

  /* Shortlists */
  { "valid", LIST, "{}", NULL, NULL, 0, VALID, NULL },
  { "no-entries", LIST, "{\"entries\":[]}", NULL, NULL, 0, VALID, NULL },
  { "name-empty", LIST, "{\"name\":\"\"}", NULL, NULL, 0, IC_MODEL_ERROR_REQUIRED, "name" },
  { "challenge-id-bad", LIST, "{\"challenge_id\":\"42\"}", NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "challenge_id" },
  { "entry-capability-id-bad", LIST,
    "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\"},{\"capability_id\":\"nope\"}]}",
    NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "entries[2].capability_id" },
  { "entry-capability-id-missing", LIST, "{\"entries\":[{\"score\":0.4}]}",
    NULL, NULL, 0, IC_MODEL_ERROR_INVALID_ID, "entries[1].capability_id" },
  { "entry-duplicate-capability", LIST,
    "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"score\":0.9},"
    "{\"capability_id\":\"" CAP_B_ID "\"},{\"capability_id\":\"" CAP_A_ID "\",\"score\":0.1}]}",
    NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "entries" },
  { "entry-stage-at-missing", LIST,
    "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"stages\":[{\"stage\":\"contacted\"}]}]}",
    NULL, NULL, 0, IC_MODEL_ERROR_REQUIRED, "entries[1].stages[1].at" },
  { "entry-stage-at-not-utc", LIST,
    "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"stages\":[{\"stage\":\"contacted\","
    "\"at\":\"2026-03-01T09:30:00+01:00\"}]}]}",
    NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "entries[1].stages[1].at" },
  { "entry-stage-reason-not-declined", LIST,
    "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"stages\":[{\"stage\":\"contacted\","
    "\"at\":\"2026-03-01T09:30:00Z\",\"reason\":\"too-costly\"}]}]}",
    NULL, NULL, 0, IC_MODEL_ERROR_UNKNOWN_VALUE, "entries[1].stages[1].reason" },
  { "entry-stages-out-of-order", LIST,
    "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"stages\":["
    "{\"stage\":\"proposed\",\"at\":\"2026-03-02T09:30:00Z\"},"
    "{\"stage\":\"contacted\",\"at\":\"2026-03-01T09:30:00Z\"}]}]}",
    NULL, NULL, 0, IC_MODEL_ERROR_OUT_OF_RANGE, "entries[1].stages[2]" },
  { "entry-stages-in-order", LIST,
    "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"stage\":\"declined\",\"stages\":["
    "{\"stage\":\"proposed\",\"at\":\"2026-03-01T09:30:00Z\"},"
    "{\"stage\":\"declined\",\"at\":\"2026-03-01T09:30:00Z\",\"reason\":\"no-capacity\"}]}]}",
    NULL, NULL, 0, VALID, NULL },
  { "entry-stage-at-plus-zero", LIST,
    "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"stage\":\"declined\",\"stages\":["
    "{\"stage\":\"proposed\",\"at\":\"2026-03-01T09:30:00Z\"},"
    "{\"stage\":\"declined\",\"at\":\"2026-03-01T10:30:00+00:00\",\"reason\":\"no-capacity\"}]}]}",
    NULL, NULL, 0, IC_MODEL_ERROR_INVALID_DATE, "entries[1].stages[2].at" },
  { "entry-score-bounds", LIST,
    "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"score\":0},"
    "{\"capability_id\":\"" CAP_B_ID "\",\"score\":1}]}",
    NULL, NULL, 0, VALID, NULL },
};

static void
test_validation_case (gconstpointer data)
{
  const ValidationCase *c = data;
  g_autoptr(JsonObject) json = parse_object (full_records[c->kind]);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(IcRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (c->json != NULL)
    {
      g_autoptr(JsonObject) overlay = parse_object (c->json);
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, overlay);
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (json, member, json_node_copy (value));
    }

  node = json_node_init_object (json_node_alloc (), json);
  record = ic_record_new_from_json (c->kind, node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);

  if (c->prop != NULL)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), c->prop);
      g_autofree char *text = repeat (c->unit, c->count);

      g_assert_nonnull (pspec);
      if (pspec->value_type == G_TYPE_STRV)
        {
          const char *strv[] = { "first", text, NULL };
          g_object_set (record, c->prop, strv, NULL);
        }
      else
        g_object_set (record, c->prop, text, NULL);
    }

  ok = ic_record_validate (record, default_taxonomy, &error);
  if (c->code == VALID)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      assert_model_error (error, c->code, c->field);
    }
}

/* Without a taxonomy the cluster and place are not checked, but every
 * other rule still is. */
static void
test_validate_without_taxonomy (void)
{
  g_autoptr(IcRecord) record = record_from_data (CHAL, full_records[CHAL]);
  g_autoptr(GError) error = NULL;

  g_object_set (record, "cluster", "not-a-cluster", "local-authority", "nowhere", NULL);
  g_assert_true (ic_record_validate (record, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (ic_record_validate (record, default_taxonomy, &error));
  assert_model_error (error, IC_MODEL_ERROR_UNKNOWN_VALUE, "cluster");
  g_clear_error (&error);

  ic_challenge_set_deadline (IC_CHALLENGE (record), "2027-02-29");
  g_assert_false (ic_record_validate (record, NULL, &error));
  assert_model_error (error, IC_MODEL_ERROR_INVALID_DATE, "deadline");
}

/* json-glib cuts a string at an escaped NUL; the record's field still
 * refuses it, by name, from every JSON text. */
static void
test_validate_escaped_nul (void)
{
  static const struct { const char *json; const char *field; } cases[] = {
    { "{\"title\":\"before\\u0000after\"}", "title" },
    { "{\"description\":\"\\u0000\"}", "description" },
    { "{\"tags\":[\"ok\",\"a\\u0000b\"]}", "tags" },
    { "{\"contact\":\"x\\u0000\"}", "contact" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) json = parse_object (full_records[CAP]);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(IcRecord) record = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      g_autofree char *marked = NULL;
      char *brace;

      /* The full record with the case's member spliced in as text. */
      node = json_node_init_object (json_node_alloc (), json);
      data = json_to_string (node, FALSE);
      brace = strrchr (data, '}');
      *brace = '\0';
      marked = g_strdup_printf ("%s,%s", data, cases[i].json + 1);
      record = ic_record_new_from_json_data (CAP, marked, -1, &error);
      g_assert_no_error (error);
      g_assert_false (ic_record_validate (record, default_taxonomy, &error));
      assert_model_error (error, IC_MODEL_ERROR_INVALID_UTF8, cases[i].field);
      g_assert_nonnull (strstr (error->message, "NUL"));
    }
}

static void
test_json_text_mark_nul (void)
{
  static const char plain[] = "{\"a\":\"no nul here \\\\u0000 only a backslash\"}";
  static const char nul[] = "{\"a\":\"x\\u0000y\\\\\\u0000\"}";
  g_autofree char *marked = NULL;

  g_assert_null (ic_json_text_mark_nul (plain, strlen (plain)));
  marked = ic_json_text_mark_nul (nul, strlen (nul));
  g_assert_cmpstr (marked, ==, "{\"a\":\"x\\uffffy\\\\\\uffff\"}");
  g_assert_null (ic_json_text_mark_nul ("\\u000", 5));
  g_assert_cmpuint (ic_validate_find_control ("tab\tnewline\n"), ==, 0);
  g_assert_cmpuint (ic_validate_find_control ("bell\a"), ==, 7);
  g_assert_cmpuint (ic_validate_find_control ("cr\r"), ==, 13);
}

static void
test_validate_tag_count (void)
{
  g_autoptr(IcRecord) record = record_from_data (CAP, full_records[CAP]);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < IC_MAX_TAGS; i++)
    {
      g_autofree char *tag = g_strdup_printf ("tag %u", i);
      g_strv_builder_add (builder, tag);
    }
  tags = g_strv_builder_end (builder);
  ic_capability_set_tags (IC_CAPABILITY (record), (const char * const *) tags);
  g_assert_cmpuint (g_strv_length ((char **) ic_capability_get_tags (IC_CAPABILITY (record))), ==, 100);
  g_assert_true (ic_record_validate (record, default_taxonomy, &error));
  g_assert_no_error (error);

  g_strv_builder_addv (builder, (const char **) tags);
  g_strv_builder_add (builder, "one too many");
  g_clear_pointer (&tags, g_strfreev);
  tags = g_strv_builder_end (builder);
  ic_capability_set_tags (IC_CAPABILITY (record), (const char * const *) tags);
  g_assert_false (ic_record_validate (record, default_taxonomy, &error));
  assert_model_error (error, IC_MODEL_ERROR_TOO_LONG, "tags");
}

/* ---------------------------------------------------------------------
 * Tag normalisation
 * ------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *input[6];
  const char *expected[6];
} TagCase;

static const TagCase tag_cases[] = {
  { "trim", { " Hydrogen ", NULL }, { "hydrogen", NULL } },
  { "lower-case", { "HYDROGEN", NULL }, { "hydrogen", NULL } },
  { "duplicates", { " Hydrogen ", "HYDROGEN", "hydrogen", NULL }, { "hydrogen", NULL } },
  { "duplicates-keep-first-order", { "rail", "aerospace", "Rail", "fuel", NULL }, { "rail", "aerospace", "fuel", NULL } },
  { "comma-splits", { "a,b", NULL }, { "a", "b", NULL } },
  { "comma-spaces", { " Fuel Cells , Electrolysis,", "b,a", NULL }, { "fuel cells", "electrolysis", "b", "a", NULL } },
  { "inner-spaces", { "  multiple   spaces ", NULL }, { "multiple spaces", NULL } },
  { "tabs-and-newlines", { "heat\t\npumps", NULL }, { "heat pumps", NULL } },
  { "empty", { "", NULL }, { NULL } },
  { "blank-and-commas", { "  ", ",", " , ", NULL }, { NULL } },
  { "empty-among-others", { "", "ai", " ", NULL }, { "ai", NULL } },
  { "non-ascii", { "ÉLECTRIQUE", "Électrique ", NULL }, { "électrique", NULL } },
  { "none", { NULL }, { NULL } },
  /* Lists that are normal already, or nearly: all lower-case ASCII. */
  { "already-normal", { "5g", "led volume", "hs2", "r&d", NULL }, { "5g", "led volume", "hs2", "r&d", NULL } },
  { "lower-duplicates", { "rail", "ai", "rail", NULL }, { "rail", "ai", NULL } },
  { "lower-trailing-space", { "rail ", "ai", NULL }, { "rail", "ai", NULL } },
  { "lower-leading-space", { " rail", NULL }, { "rail", NULL } },
  { "lower-double-space", { "heat  pumps", NULL }, { "heat pumps", NULL } },
  { "lower-tab", { "heat\tpumps", NULL }, { "heat pumps", NULL } },
  { "lower-comma", { "a,b", "c", NULL }, { "a", "b", "c", NULL } },
};

/* NULL and an empty list both mean "no tags". */
static char *
join_tags (const char * const *tags)
{
  return tags != NULL ? g_strjoinv ("|", (char **) tags) : g_strdup ("");
}

static void
test_tag_case (gconstpointer data)
{
  const TagCase *c = data;
  g_autofree char *expected = join_tags (c->expected);
  g_auto(GStrv) normalised = ic_tags_normalise (c->input);
  g_autofree char *got = join_tags ((const char * const *) normalised);
  g_autoptr(IcCapability) capability = ic_capability_new ();
  g_autofree char *got_property = NULL;

  g_assert_nonnull (normalised);
  g_assert_cmpstr (got, ==, expected);

  /* Setting the property normalises too. */
  ic_capability_set_tags (capability, c->input);
  got_property = join_tags (ic_capability_get_tags (capability));
  g_assert_cmpstr (got_property, ==, expected);
}

/* Tags that arrive as JSON are normalised, and validate. */
static void
test_tags_from_json (void)
{
  g_autoptr(IcRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;

  record = record_from_data (CAP,
                             "{\"organisation_id\":\"" ORG_ID "\",\"title\":\"x\","
                             "\"tags\":[\" Hydrogen \",\"HYDROGEN\",\"a,b\",\"  multiple   spaces \",\"\"]}");
  got = join_tags (ic_capability_get_tags (IC_CAPABILITY (record)));
  g_assert_cmpstr (got, ==, "hydrogen|a|b|multiple spaces");
  g_assert_true (ic_record_validate (record, default_taxonomy, &error));
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------------
 * JSON reading errors
 * ------------------------------------------------------------------ */

typedef struct
{
  const char   *name;
  IcRecordKind  kind;
  const char   *data;
  int           code;
  const char   *field;
  const char   *message_part;  /* the message must hold this, if set */
} JsonErrorCase;

static const JsonErrorCase json_error_cases[] = {
  /* Unknown fields */
  { "unknown-field", ORG, "{\"name\":\"X\",\"colour\":\"red\"}", IC_MODEL_ERROR_UNKNOWN_FIELD, "colour", NULL },
  { "dash-spelling", ORG, "{\"name\":\"X\",\"local-authority\":\"coventry\"}", IC_MODEL_ERROR_UNKNOWN_FIELD, "local-authority", NULL },
  { "camel-case", CHAL, "{\"organisationId\":\"" ORG_ID "\"}", IC_MODEL_ERROR_UNKNOWN_FIELD, "organisationId", NULL },
  { "field-of-other-kind", CAP, "{\"trl_min\":3}", IC_MODEL_ERROR_UNKNOWN_FIELD, "trl_min", NULL },
  { "entry-unknown-field", LIST, "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"bogus\":1}]}",
    IC_MODEL_ERROR_UNKNOWN_FIELD, "entries[1].bogus", NULL },
  /* Wrong types */
  { "number-for-title", CHAL, "{\"title\":42}", IC_MODEL_ERROR_WRONG_TYPE, "title", "string" },
  { "array-for-title", CHAL, "{\"title\":[\"a\"]}", IC_MODEL_ERROR_WRONG_TYPE, "title", NULL },
  { "bool-for-name", ORG, "{\"name\":true}", IC_MODEL_ERROR_WRONG_TYPE, "name", NULL },
  { "string-for-trl", CAP, "{\"trl\":\"5\"}", IC_MODEL_ERROR_WRONG_TYPE, "trl", "whole number" },
  { "string-for-trl-min", CHAL, "{\"trl_min\":\"4\"}", IC_MODEL_ERROR_WRONG_TYPE, "trl_min", NULL },
  { "float-for-trl", CAP, "{\"trl\":5.5}", IC_MODEL_ERROR_WRONG_TYPE, "trl", NULL },
  { "float-for-employees", ORG, "{\"employees\":12.25}", IC_MODEL_ERROR_WRONG_TYPE, "employees", NULL },
  { "float-for-budget", CHAL, "{\"budget_max\":1e6}", IC_MODEL_ERROR_WRONG_TYPE, "budget_max", NULL },
  { "null-for-trl", CAP, "{\"trl\":null}", IC_MODEL_ERROR_WRONG_TYPE, "trl", NULL },
  { "object-for-tags", CAP, "{\"tags\":{\"hydrogen\":true}}", IC_MODEL_ERROR_WRONG_TYPE, "tags", NULL },
  { "string-for-tags", CAP, "{\"tags\":\"hydrogen\"}", IC_MODEL_ERROR_WRONG_TYPE, "tags", NULL },
  { "number-in-tags", CAP, "{\"tags\":[\"ok\",7]}", IC_MODEL_ERROR_WRONG_TYPE, "tags", NULL },
  { "array-in-tags", CHAL, "{\"tags\":[[\"nested\"]]}", IC_MODEL_ERROR_WRONG_TYPE, "tags", NULL },
  { "null-in-certifications", CAP, "{\"certifications\":[null]}", IC_MODEL_ERROR_WRONG_TYPE, "certifications", NULL },
  { "string-for-deleted", ORG, "{\"deleted\":\"yes\"}", IC_MODEL_ERROR_WRONG_TYPE, "deleted", NULL },
  { "number-for-deleted", ORG, "{\"deleted\":1}", IC_MODEL_ERROR_WRONG_TYPE, "deleted", NULL },
  { "string-for-rev", ORG, "{\"rev\":\"3\"}", IC_MODEL_ERROR_WRONG_TYPE, "rev", NULL },
  { "number-for-enum", ORG, "{\"kind\":1}", IC_MODEL_ERROR_WRONG_TYPE, "kind", NULL },
  { "string-for-score", LIST, "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"score\":\"high\"}]}",
    IC_MODEL_ERROR_WRONG_TYPE, "entries[1].score", NULL },
  { "object-for-entries", LIST, "{\"entries\":{}}", IC_MODEL_ERROR_WRONG_TYPE, "entries", NULL },
  { "number-in-entries", LIST, "{\"entries\":[42]}", IC_MODEL_ERROR_WRONG_TYPE, "entries[1]", NULL },
  /* Out of range for the field's type */
  { "trl-101", CAP, "{\"trl\":101}", IC_MODEL_ERROR_OUT_OF_RANGE, "trl", NULL },
  { "trl-negative", CAP, "{\"trl\":-1}", IC_MODEL_ERROR_OUT_OF_RANGE, "trl", NULL },
  { "trl-max-beyond-int", CHAL, "{\"trl_max\":4294967296}", IC_MODEL_ERROR_OUT_OF_RANGE, "trl_max", NULL },
  { "employees-negative", ORG, "{\"employees\":-5}", IC_MODEL_ERROR_OUT_OF_RANGE, "employees", NULL },
  { "employees-too-many", CAP, "{\"employees\":10000001}", IC_MODEL_ERROR_OUT_OF_RANGE, "employees", NULL },
  { "budget-very-negative", CHAL, "{\"budget_min\":-2}", IC_MODEL_ERROR_OUT_OF_RANGE, "budget_min", NULL },
  { "rev-negative", ORG, "{\"rev\":-1}", IC_MODEL_ERROR_OUT_OF_RANGE, "rev", NULL },
  { "score-above-1", LIST, "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"score\":1.5}]}",
    IC_MODEL_ERROR_OUT_OF_RANGE, "entries[1].score", NULL },
  { "score-below-0", LIST, "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"score\":-0.01}]}",
    IC_MODEL_ERROR_OUT_OF_RANGE, "entries[1].score", NULL },
  { "score-second-entry", LIST,
    "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"score\":0.3},{\"capability_id\":\"" CAP_B_ID "\",\"score\":2}]}",
    IC_MODEL_ERROR_OUT_OF_RANGE, "entries[2].score", NULL },
  /* Unknown enumeration values list the allowed ones */
  { "organisation-kind", ORG, "{\"kind\":\"startup\"}", IC_MODEL_ERROR_UNKNOWN_VALUE, "kind",
    "sme, large-firm, public-body, university, other" },
  { "organisation-kind-wrong-case", ORG, "{\"kind\":\"SME\"}", IC_MODEL_ERROR_UNKNOWN_VALUE, "kind", "sme" },
  { "challenge-status", CHAL, "{\"status\":\"pending\"}", IC_MODEL_ERROR_UNKNOWN_VALUE, "status",
    "open, paused, matched, closed" },
  { "foresight-kind", FORE, "{\"kind\":\"rumour\"}", IC_MODEL_ERROR_UNKNOWN_VALUE, "kind",
    "demand-signal, technology-driver, idea, challenge-call" },
  { "visibility", CAP, "{\"visibility\":\"everyone\"}", IC_MODEL_ERROR_UNKNOWN_VALUE, "visibility", "team, private, public" },
  { "entry-stage", LIST, "{\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"stage\":\"won\"}]}",
    IC_MODEL_ERROR_UNKNOWN_VALUE, "entries[1].stage", "proposed, contacted, introduced, meeting-held, collaborating, declined" },
  /* Not JSON, or not an object */
  { "truncated", ORG, "{\"name\": ", IC_MODEL_ERROR_PARSE, NULL, NULL },
  { "bare-words", ORG, "name = x", IC_MODEL_ERROR_PARSE, NULL, NULL },
  { "trailing-comma", ORG, "{\"name\":\"x\",}", IC_MODEL_ERROR_PARSE, NULL, NULL },
  { "two-objects", ORG, "{\"name\":\"x\"}{\"name\":\"y\"}", IC_MODEL_ERROR_PARSE, NULL, NULL },
  { "json-lines", CAP, "{\"title\":\"a\"}\n{\"title\":\"b\"}\n", IC_MODEL_ERROR_PARSE, NULL, NULL },
  { "object-then-array", ORG, "{\"name\":\"x\"} [1]", IC_MODEL_ERROR_PARSE, NULL, NULL },
  { "object-then-number", ORG, "{\"name\":\"x\"} 5", IC_MODEL_ERROR_PARSE, NULL, NULL },
  { "root-array", ORG, "[{\"name\":\"x\"}]", IC_MODEL_ERROR_WRONG_TYPE, NULL, NULL },
  { "root-number", CAP, "42", IC_MODEL_ERROR_WRONG_TYPE, NULL, NULL },
  { "root-string", CAP, "\"capability\"", IC_MODEL_ERROR_WRONG_TYPE, NULL, NULL },
  { "root-null", CHAL, "null", IC_MODEL_ERROR_WRONG_TYPE, NULL, NULL },
};

static void
test_json_error_case (gconstpointer data)
{
  const JsonErrorCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = NULL;

  record = ic_record_new_from_json_data (c->kind, c->data, -1, &error);
  g_assert_null (record);
  assert_model_error (error, c->code, c->field);
  if (c->message_part != NULL)
    g_assert_nonnull (strstr (error->message, c->message_part));
}

/* Empty input is an error, whichever of the two codes it is reported as. */
static void
test_json_empty_input (void)
{
  const char *inputs[] = { "", "   \n", NULL };

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IcRecord) record = ic_record_new_from_json_data (ORG, inputs[i], -1, &error);

      g_assert_null (record);
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, IC_MODEL_ERROR, IC_MODEL_ERROR_PARSE) ||
                     g_error_matches (error, IC_MODEL_ERROR, IC_MODEL_ERROR_WRONG_TYPE));
    }
}

/* Braces and quotes inside strings do not end the object early, and
 * white space may follow it. */
static void
test_json_one_value (void)
{
  const char *data = "  {\"name\":\"say \\\"}\\\" then { and [\",\"notes\":\"]}'\"}\n\t\n";
  g_autoptr(IcRecord) record = record_from_data (ORG, data);

  g_assert_cmpstr (ic_organisation_get_name (IC_ORGANISATION (record)), ==, "say \"}\" then { and [");
  g_assert_cmpstr (ic_organisation_get_notes (IC_ORGANISATION (record)), ==, "]}'");
}

/* A record read from JSON takes exactly the values given. */
static void
test_json_read_values (void)
{
  g_autoptr(IcRecord) record = record_from_data (CHAL, full_records[CHAL]);
  IcChallenge *challenge = IC_CHALLENGE (record);
  g_autofree char *tags = join_tags (ic_challenge_get_tags (challenge));

  g_assert_cmpint (ic_record_get_kind (record), ==, IC_RECORD_KIND_CHALLENGE);
  g_assert_cmpstr (ic_record_get_id (record), ==, CHAL_ID);
  g_assert_cmpint (ic_record_get_rev (record), ==, 2);
  g_assert_cmpstr (ic_record_get_author (record), ==, "Tom Okafor");
  g_assert_cmpint (ic_record_get_visibility (record), ==, IC_VISIBILITY_PRIVATE);
  g_assert_true (ic_record_get_deleted (record));
  g_assert_cmpstr (ic_record_get_title (record), ==, "Lightweight battery enclosures");
  g_assert_cmpstr (ic_challenge_get_organisation_id (challenge), ==, ORG_ID);
  g_assert_cmpstr (tags, ==, "battery|lightweighting|crash safety");
  g_assert_cmpint (ic_challenge_get_trl_min (challenge), ==, 4);
  g_assert_cmpint (ic_challenge_get_trl_max (challenge), ==, 7);
  g_assert_cmpint (ic_challenge_get_budget_min (challenge), ==, 50000);
  g_assert_cmpint (ic_challenge_get_budget_max (challenge), ==, 250000);
  g_assert_cmpstr (ic_challenge_get_deadline (challenge), ==, "2027-06-30");
  g_assert_cmpstr (ic_challenge_get_local_authority (challenge), ==, "birmingham");
  g_assert_cmpint (ic_challenge_get_status (challenge), ==, IC_CHALLENGE_STATUS_PAUSED);
}

/* A new record has the documented defaults, and fields left out of
 * the JSON keep them. */
static void
test_json_defaults (void)
{
  g_autoptr(IcRecord) record = record_from_data (CHAL, "{\"title\":\"Only a title\"}");
  g_autoptr(IcCapability) capability = ic_capability_new ();
  IcChallenge *challenge = IC_CHALLENGE (record);

  g_assert_cmpint (ic_capability_get_trl (capability), ==, 0);
  g_assert_null (ic_capability_get_tags (capability));

  g_assert_null (ic_record_get_id (record));
  g_assert_cmpint (ic_record_get_rev (record), ==, 0);
  g_assert_cmpint (ic_record_get_visibility (record), ==, IC_VISIBILITY_TEAM);
  g_assert_false (ic_record_get_deleted (record));
  g_assert_cmpint (ic_challenge_get_trl_min (challenge), ==, 1);
  g_assert_cmpint (ic_challenge_get_trl_max (challenge), ==, 9);
  g_assert_cmpint (ic_challenge_get_status (challenge), ==, IC_CHALLENGE_STATUS_OPEN);
}

/* ---------------------------------------------------------------------
 * Round trips, names, copies, touch
 * ------------------------------------------------------------------ */

static void
test_round_trip (gconstpointer data)
{
  IcRecordKind kind = GPOINTER_TO_INT (data);
  g_autoptr(IcRecord) record = record_from_data (kind, full_records[kind]);
  g_autoptr(IcRecord) again = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  /* The fixture sets every field, so nothing can be lost unseen. */
  assert_no_defaults (G_OBJECT (record));
  g_assert_true (ic_record_validate (record, default_taxonomy, &error));
  g_assert_no_error (error);

  text = ic_record_to_json_data (record, FALSE);
  g_test_message ("%s", text);
  again = record_from_data (kind, text);
  g_assert_cmpint (ic_record_get_kind (again), ==, kind);
  assert_values_equal (G_OBJECT (record), G_OBJECT (again), ic_record_kind_to_string (kind));

  /* The JSON written is the JSON read, member for member. */
  expected = json_from_string (full_records[kind], &error);
  g_assert_no_error (error);
  written = ic_object_to_json (G_OBJECT (record));
  g_assert_true (json_node_equal (expected, written));

  /* Pretty printing changes the layout, not the record. */
  {
    g_autofree char *pretty = ic_record_to_json_data (again, TRUE);
    g_autoptr(IcRecord) third = record_from_data (kind, pretty);

    g_assert_nonnull (strchr (pretty, '\n'));
    assert_values_equal (G_OBJECT (record), G_OBJECT (third), ic_record_kind_to_string (kind));
  }
}

/* Text that needs escaping survives a round trip. */
static void
test_round_trip_escapes (void)
{
  g_autoptr(IcCapability) capability = ic_capability_new ();
  g_autoptr(IcRecord) again = NULL;
  g_autofree char *text = NULL;
  const char *title = "Quotes \" back\\slash\ttab\nnewline \xe2\x80\xa8 é 水 𝔸 \x01";

  ic_capability_set_title (capability, title);
  ic_capability_set_organisation_id (capability, ORG_ID);
  text = ic_record_to_json_data (IC_RECORD (capability), FALSE);
  again = record_from_data (CAP, text);
  g_assert_cmpstr (ic_capability_get_title (IC_CAPABILITY (again)), ==, title);
  assert_values_equal (G_OBJECT (capability), G_OBJECT (again), "capability");
}

typedef struct
{
  IcRecordKind  kind;
  const char   *names[8];
} NameCase;

static const NameCase name_cases[] = {
  { ORG, { "id", "updated_at", "local_authority", "website", "kind", "employees", NULL } },
  { CHAL, { "organisation_id", "trl_min", "trl_max", "budget_min", "budget_max", "updated_at", "local_authority", NULL } },
  { CAP, { "organisation_id", "trl", "employees", "certifications", "local_authority", "updated_at", NULL } },
  { FORE, { "kind", "summary", "url", "published", "source", "updated_at", NULL } },
  { LIST, { "challenge_id", "name", "entries", "updated_at", "visibility", "deleted", NULL } },
};

static void
assert_snake_case (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (object, name);

      g_test_message ("member %s", name);
      g_assert_null (strchr (name, '-'));
      for (const char *p = name; *p != '\0'; p++)
        g_assert_true (g_ascii_islower (*p) || *p == '_');

      if (JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *array = json_node_get_array (value);

          for (guint i = 0; i < json_array_get_length (array); i++)
            if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
              assert_snake_case (json_array_get_object_element (array, i));
        }
    }
}

static void
test_json_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (name_cases); i++)
    {
      const NameCase *c = &name_cases[i];
      g_autoptr(IcRecord) record = ic_record_new (c->kind);
      g_autoptr(JsonNode) node = ic_object_to_json (G_OBJECT (record));
      JsonObject *object = json_node_get_object (node);

      for (guint j = 0; c->names[j] != NULL; j++)
        {
          g_test_message ("%s has %s", ic_record_kind_to_string (c->kind), c->names[j]);
          g_assert_true (json_object_has_member (object, c->names[j]));
        }
      assert_snake_case (object);
    }

  /* Nested entries too, and enumerations are written as nicks. */
  {
    g_autoptr(IcRecord) shortlist = record_from_data (LIST, full_records[LIST]);
    g_autoptr(JsonNode) node = ic_object_to_json (G_OBJECT (shortlist));
    JsonArray *entries = json_object_get_array_member (json_node_get_object (node), "entries");
    JsonObject *entry = json_array_get_object_element (entries, 0);

    g_assert_true (json_object_has_member (entry, "capability_id"));
    g_assert_cmpstr (json_object_get_string_member (entry, "stage"), ==, "contacted");
    assert_snake_case (json_node_get_object (node));
  }
  {
    g_autoptr(IcRecord) organisation = record_from_data (ORG, full_records[ORG]);
    g_autoptr(JsonNode) node = ic_object_to_json (G_OBJECT (organisation));
    JsonObject *object = json_node_get_object (node);

    g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "large-firm");
    g_assert_cmpstr (json_object_get_string_member (object, "visibility"), ==, "private");
  }
}

static void
test_copy (gconstpointer data)
{
  IcRecordKind kind = GPOINTER_TO_INT (data);
  g_autoptr(IcRecord) record = record_from_data (kind, full_records[kind]);
  g_autoptr(IcRecord) copy = ic_record_copy (record);

  g_assert_true (copy != record);
  g_assert_true (G_OBJECT_TYPE (copy) == G_OBJECT_TYPE (record));
  assert_values_equal (G_OBJECT (record), G_OBJECT (copy), ic_record_kind_to_string (kind));

  /* Changing the copy leaves the original alone. */
  ic_record_set_id (copy, "11111111-2222-4333-8444-555555555555");
  ic_record_set_rev (copy, 99);
  g_assert_cmpint (ic_record_get_rev (record), !=, 99);
  g_assert_cmpstr (ic_record_get_id (record), !=, "11111111-2222-4333-8444-555555555555");
}

static void
test_copy_is_deep (void)
{
  g_autoptr(IcRecord) capability = record_from_data (CAP, full_records[CAP]);
  g_autoptr(IcRecord) capability_copy = ic_record_copy (capability);
  g_autoptr(IcRecord) shortlist = record_from_data (LIST, full_records[LIST]);
  g_autoptr(IcRecord) shortlist_copy = ic_record_copy (shortlist);
  GListStore *entries = ic_shortlist_get_entries (IC_SHORTLIST (shortlist));
  GListStore *copy_entries = ic_shortlist_get_entries (IC_SHORTLIST (shortlist_copy));
  g_autoptr(IcShortlistEntry) first = NULL;
  g_autoptr(IcShortlistEntry) copy_first = NULL;
  g_autoptr(IcShortlistEntry) added = ic_shortlist_entry_new ();
  g_autofree char *tags = NULL;
  const char *new_tags[] = { "casting", NULL };

  /* Lists of strings are not shared. */
  g_assert_true (ic_capability_get_tags (IC_CAPABILITY (capability)) !=
                 ic_capability_get_tags (IC_CAPABILITY (capability_copy)));
  ic_capability_set_tags (IC_CAPABILITY (capability_copy), new_tags);
  tags = join_tags (ic_capability_get_tags (IC_CAPABILITY (capability)));
  g_assert_cmpstr (tags, ==, "die casting|aluminium");

  /* Nor are the shortlist's entries, nor the list that holds them. */
  g_assert_true (entries != copy_entries);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (copy_entries)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (entries), 0);
  copy_first = g_list_model_get_item (G_LIST_MODEL (copy_entries), 0);
  g_assert_true (first != copy_first);
  ic_shortlist_entry_set_note (copy_first, "Changed in the copy");
  ic_shortlist_entry_set_stage (copy_first, IC_STAGE_COLLABORATING);
  g_assert_cmpstr (ic_shortlist_entry_get_note (first), ==, "Call before the workshop");
  g_assert_cmpint (ic_shortlist_entry_get_stage (first), ==, IC_STAGE_CONTACTED);

  ic_shortlist_entry_set_capability_id (added, ORG_ID);
  g_list_store_append (copy_entries, added);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 2);
  g_list_store_remove_all (copy_entries);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 2);
  g_assert_nonnull (ic_shortlist_find_entry (IC_SHORTLIST (shortlist), CAP_B_ID, NULL));
}

/* Changes go in their place by time; the latest decides the stage. */
static void
test_stage_changes (void)
{
  g_autoptr(IcShortlistEntry) entry = ic_shortlist_entry_new ();
  g_autoptr(IcStageChange) proposed =
    ic_stage_change_new (IC_STAGE_PROPOSED, "2025-01-10T09:00:00Z", "Ann", IC_DECLINE_REASON_NONE, NULL);
  g_autoptr(IcStageChange) collaborating =
    ic_stage_change_new (IC_STAGE_COLLABORATING, "2025-06-01T09:00:00Z", "Ann", IC_DECLINE_REASON_NONE, NULL);
  g_autoptr(IcStageChange) contacted =
    ic_stage_change_new (IC_STAGE_CONTACTED, "2025-02-01T09:00:00.500000Z", "Bo", IC_DECLINE_REASON_NONE, NULL);
  g_autoptr(IcStageChange) declined =
    ic_stage_change_new (IC_STAGE_DECLINED, "2025-07-01T09:00:00Z", "Bo", IC_DECLINE_REASON_OTHER, "Moved away");
  GListModel *stages = G_LIST_MODEL (ic_shortlist_entry_get_stages (entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStageChange) second = NULL;

  ic_shortlist_entry_set_capability_id (entry, CAP_A_ID);
  g_assert_null (ic_shortlist_entry_get_last_change (entry));

  ic_shortlist_entry_add_stage_change (entry, proposed);
  ic_shortlist_entry_add_stage_change (entry, collaborating);
  g_assert_cmpint (ic_shortlist_entry_get_stage (entry), ==, IC_STAGE_COLLABORATING);

  /* A past outcome recorded later goes before the latest, and the stage stays. */
  ic_shortlist_entry_add_stage_change (entry, contacted);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 3);
  second = g_list_model_get_item (stages, 1);
  g_assert_true (second == contacted);
  g_assert_cmpint (ic_shortlist_entry_get_stage (entry), ==, IC_STAGE_COLLABORATING);
  g_assert_true (ic_shortlist_entry_validate (entry, 1, &error));
  g_assert_no_error (error);

  ic_shortlist_entry_add_stage_change (entry, declined);
  g_assert_cmpint (ic_shortlist_entry_get_stage (entry), ==, IC_STAGE_DECLINED);
  g_assert_true (ic_shortlist_entry_get_last_change (entry) == declined);
  g_assert_cmpstr (ic_stage_change_get_reason_text (declined), ==, "Moved away");

  /* Nothing to complete while the stage is the last change's. */
  g_assert_false (ic_shortlist_entry_complete_stages (entry, "2025-08-01T00:00:00Z", "Cy"));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 4);

  /* A stage set directly, completed at a time before the last change
   * (a clock behind): the change goes at the last change's time, so the
   * changes stay in order and the entry stays valid. */
  ic_shortlist_entry_set_stage (entry, IC_STAGE_INTRODUCED);
  g_assert_true (ic_shortlist_entry_complete_stages (entry, "2020-01-01T00:00:00Z", "Cy"));
  g_assert_cmpstr (ic_stage_change_get_at (ic_shortlist_entry_get_last_change (entry)), ==,
                   ic_stage_change_get_at (declined));
  g_assert_cmpint (ic_stage_change_get_stage (ic_shortlist_entry_get_last_change (entry)), ==,
                   IC_STAGE_INTRODUCED);
  g_assert_true (ic_shortlist_entry_validate (entry, 1, &error));
  g_assert_no_error (error);
}

static void
test_stage_parse_at (void)
{
  const struct { const char *text; const char *want; } cases[] = {
    { "2025-03-01", "2025-03-01T00:00:00Z" },
    { "2025-06-01T09:00:00+01:00", "2025-06-01T08:00:00Z" },
    { "2025-06-01T09:00:00.250Z", "2025-06-01T09:00:00.250000Z" },
    { "2025-02-30", NULL },
    { "2025-3-1x", NULL },
    { "yesterday", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ic_stage_change_parse_at (cases[i].text);

      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

/* A shortlist written before stages were dated reads as one change per
 * entry at its updated_at; a stage set directly gets a change too. */
static void
test_stage_complete (void)
{
  g_autoptr(IcRecord) shortlist = record_from_data (LIST,
    "{\"challenge_id\":\"" CHAL_ID "\",\"name\":\"Old\",\"updated_at\":\"2025-04-01T08:00:00Z\","
    "\"author\":\"Ann\",\"entries\":[{\"capability_id\":\"" CAP_A_ID "\",\"stage\":\"introduced\"},"
    "{\"capability_id\":\"" CAP_B_ID "\",\"stage\":\"contacted\",\"stages\":["
    "{\"stage\":\"contacted\",\"at\":\"2025-03-01T08:00:00Z\",\"author\":\"Bo\"}]}]}");
  IcShortlistEntry *a = ic_shortlist_find_entry (IC_SHORTLIST (shortlist), CAP_A_ID, NULL);
  IcShortlistEntry *b = ic_shortlist_find_entry (IC_SHORTLIST (shortlist), CAP_B_ID, NULL);
  IcStageChange *last;

  g_assert_cmpuint (ic_shortlist_complete_stages (IC_SHORTLIST (shortlist),
                                                  ic_record_get_updated_at (shortlist),
                                                  ic_record_get_author (shortlist)), ==, 1);
  last = ic_shortlist_entry_get_last_change (a);
  g_assert_cmpint (ic_stage_change_get_stage (last), ==, IC_STAGE_INTRODUCED);
  g_assert_cmpstr (ic_stage_change_get_at (last), ==, "2025-04-01T08:00:00Z");
  g_assert_cmpstr (ic_stage_change_get_author (last), ==, "Ann");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ic_shortlist_entry_get_stages (b))), ==, 1);

  ic_shortlist_entry_set_stage (b, IC_STAGE_MEETING_HELD);
  g_assert_cmpuint (ic_shortlist_complete_stages (IC_SHORTLIST (shortlist), "2025-05-01T08:00:00Z", "Cy"), ==, 1);
  last = ic_shortlist_entry_get_last_change (b);
  g_assert_cmpint (ic_stage_change_get_stage (last), ==, IC_STAGE_MEETING_HELD);
  g_assert_cmpstr (ic_stage_change_get_author (last), ==, "Cy");
  g_assert_cmpuint (ic_shortlist_complete_stages (IC_SHORTLIST (shortlist), "2025-06-01T08:00:00Z", "Cy"), ==, 0);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  GHashTable *seen = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, pspec->name));

  g_hash_table_insert (seen, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

static void
assert_rfc3339_utc (const char *value)
{
  g_autoptr(GDateTime) parsed = NULL;

  g_assert_nonnull (value);
  g_test_message ("timestamp %s", value);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
                                       "(\\.[0-9]+)?Z$", value, 0, 0));
  parsed = g_date_time_new_from_iso8601 (value, NULL);
  g_assert_nonnull (parsed);
  g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==, 0);
}

static void
test_touch (void)
{
  g_autoptr(IcRecord) record = record_from_data (CAP, "{\"organisation_id\":\"" ORG_ID "\",\"title\":\"x\"}");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) stamped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_stamp = NULL;
  g_autofree char *now = ic_timestamp_now ();

  assert_rfc3339_utc (now);

  g_assert_cmpint (ic_record_get_rev (record), ==, 0);
  g_assert_null (ic_record_get_updated_at (record));
  g_signal_connect (record, "notify", G_CALLBACK (on_notify), seen);

  ic_record_touch (record, "alice");
  g_assert_cmpint (ic_record_get_rev (record), ==, 1);
  g_assert_cmpstr (ic_record_get_author (record), ==, "alice");
  assert_rfc3339_utc (ic_record_get_updated_at (record));
  stamped = g_date_time_new_from_iso8601 (ic_record_get_updated_at (record), NULL);
  /* Written with at least millisecond precision, so allow for rounding down. */
  g_assert_cmpint (g_date_time_difference (stamped, before), >=, -1000);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (seen, "rev")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (seen, "updated-at")), ==, 1);
  g_assert_true (ic_record_validate (record, default_taxonomy, &error));
  g_assert_no_error (error);
  first_stamp = g_strdup (ic_record_get_updated_at (record));

  /* No author: the last one stays. */
  g_usleep (2000);
  ic_record_touch (record, NULL);
  g_assert_cmpint (ic_record_get_rev (record), ==, 2);
  g_assert_cmpstr (ic_record_get_author (record), ==, "alice");
  assert_rfc3339_utc (ic_record_get_updated_at (record));
  g_assert_cmpstr (ic_record_get_updated_at (record), >, first_stamp);

  ic_record_touch (record, "bob");
  g_assert_cmpint (ic_record_get_rev (record), ==, 3);
  g_assert_cmpstr (ic_record_get_author (record), ==, "bob");
}

static void
test_ensure_id (void)
{
  g_autoptr(IcRecord) a = ic_record_new (IC_RECORD_KIND_CAPABILITY);
  g_autoptr(IcRecord) b = ic_record_new (IC_RECORD_KIND_CAPABILITY);
  g_autoptr(IcRecord) c = record_from_data (ORG, full_records[ORG]);
  g_autofree char *a_id = NULL;

  ic_record_ensure_id (a);
  ic_record_ensure_id (b);
  g_assert_true (g_uuid_string_is_valid (ic_record_get_id (a)));
  /* Version 4, variant 10xx. */
  g_assert_cmpint (ic_record_get_id (a)[14], ==, '4');
  g_assert_nonnull (strchr ("89ab", ic_record_get_id (a)[19]));
  g_assert_cmpstr (ic_record_get_id (a), !=, ic_record_get_id (b));

  a_id = g_strdup (ic_record_get_id (a));
  ic_record_ensure_id (a);
  g_assert_cmpstr (ic_record_get_id (a), ==, a_id);
  ic_record_ensure_id (c);
  g_assert_cmpstr (ic_record_get_id (c), ==, ORG_ID);
}

static void
test_record_kinds (void)
{
  for (int kind = 0; kind < IC_N_RECORD_KINDS; kind++)
    {
      g_autoptr(IcRecord) record = ic_record_new (kind);
      const char *name = ic_record_kind_to_string (kind);
      IcRecordKind parsed;

      g_assert_nonnull (name);
      g_assert_cmpint (ic_record_get_kind (record), ==, kind);
      g_assert_true (G_OBJECT_TYPE (record) == ic_record_kind_get_record_type (kind));
      g_assert_true (ic_record_kind_from_string (name, &parsed));
      g_assert_cmpint (parsed, ==, kind);
    }
  g_assert_cmpstr (ic_record_kind_to_string (IC_RECORD_KIND_FORESIGHT), ==, "foresight");
  g_assert_cmpstr (ic_record_kind_to_string (IC_RECORD_KIND_CHALLENGE), ==, "challenge");
  /* Events are kept apart in the store, but are a kind for the feed. */
  {
    IcRecordKind parsed = IC_RECORD_KIND_SHORTLIST;
    g_autoptr(IcRecord) event = ic_record_new (IC_RECORD_KIND_EVENT);

    g_assert_true (ic_record_kind_from_string ("event", &parsed));
    g_assert_cmpint (parsed, ==, IC_RECORD_KIND_EVENT);
    g_assert_cmpint (ic_record_get_kind (event), ==, IC_RECORD_KIND_EVENT);
  }
  {
    IcRecordKind parsed = IC_RECORD_KIND_SHORTLIST;

    g_assert_false (ic_record_kind_from_string ("workshop", &parsed));
    g_assert_false (ic_record_kind_from_string (NULL, &parsed));
    g_assert_cmpint (parsed, ==, IC_RECORD_KIND_SHORTLIST);
  }
}

/* ---------------------------------------------------------------------
 * Taxonomy
 * ------------------------------------------------------------------ */

static void
test_taxonomy_defaults (void)
{
  const char *clusters[] = {
    "low-carbon-energy", "aerospace", "logistics-transport-tech", "metals-materials",
    "life-sciences-health-tech", "professional-services", "rail", "construction",
    "creative", "food-drink", "automotive", "tourism",
  };
  const char *area_name = NULL;
  const char *region_name = NULL;

  g_assert_cmpuint (ic_taxonomy_get_n_clusters (default_taxonomy), ==, G_N_ELEMENTS (clusters));
  for (guint i = 0; i < G_N_ELEMENTS (clusters); i++)
    {
      g_assert_cmpstr (ic_taxonomy_get_cluster_id (default_taxonomy, i), ==, clusters[i]);
      g_assert_nonnull (ic_taxonomy_get_cluster_name (default_taxonomy, clusters[i]));
    }
  g_assert_cmpstr (ic_taxonomy_get_cluster_name (default_taxonomy, "rail"), ==, "Rail");

  g_assert_cmpuint (ic_taxonomy_get_n_places (default_taxonomy), >=, 30);
  for (guint i = 0; i < ic_taxonomy_get_n_places (default_taxonomy); i++)
    {
      const char *id = ic_taxonomy_get_place_id (default_taxonomy, i);

      g_assert_nonnull (ic_taxonomy_get_place_name (default_taxonomy, id));
      g_assert_nonnull (ic_taxonomy_get_place_area (default_taxonomy, id, NULL));
      g_assert_nonnull (ic_taxonomy_get_place_region (default_taxonomy, id, NULL));
    }
  g_assert_cmpstr (ic_taxonomy_get_place_name (default_taxonomy, "stoke-on-trent"), ==, "Stoke-on-Trent");
  g_assert_cmpstr (ic_taxonomy_get_place_area (default_taxonomy, "coventry", &area_name), ==, "wmca");
  g_assert_cmpstr (area_name, ==, "West Midlands Combined Authority");
  g_assert_cmpstr (ic_taxonomy_get_place_region (default_taxonomy, "worcester", &region_name), ==, "west-midlands");
  g_assert_cmpstr (region_name, ==, "West Midlands");
  g_assert_null (ic_taxonomy_get_place_area (default_taxonomy, "atlantis", &area_name));
  g_assert_null (area_name);
  g_assert_null (ic_taxonomy_get_cluster_name (default_taxonomy, "space"));
}

typedef struct
{
  const char  *a;
  const char  *b;
  IcProximity  expected;
} ProximityCase;

static const ProximityCase proximity_cases[] = {
  { "birmingham", "birmingham", IC_PROXIMITY_SAME_AUTHORITY },
  { "birmingham", "coventry", IC_PROXIMITY_SAME_AREA },
  { "coventry", "birmingham", IC_PROXIMITY_SAME_AREA },
  { "wolverhampton", "solihull", IC_PROXIMITY_SAME_AREA },
  { "stafford", "stoke-on-trent", IC_PROXIMITY_SAME_AREA },
  { "birmingham", "worcester", IC_PROXIMITY_SAME_REGION },
  { "shropshire", "warwick", IC_PROXIMITY_SAME_REGION },
  { "birmingham", "manchester", IC_PROXIMITY_ELSEWHERE },
  { "leicester", "nottingham", IC_PROXIMITY_SAME_REGION },
  { "london", "bristol", IC_PROXIMITY_ELSEWHERE },
  { "birmingham", "unknown", IC_PROXIMITY_ELSEWHERE },
  { "unknown", "unknown", IC_PROXIMITY_ELSEWHERE },
  { "birmingham", "", IC_PROXIMITY_ELSEWHERE },
  { "birmingham", NULL, IC_PROXIMITY_ELSEWHERE },
  { NULL, "birmingham", IC_PROXIMITY_ELSEWHERE },
  { NULL, NULL, IC_PROXIMITY_ELSEWHERE },
};

static void
test_taxonomy_proximity (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (proximity_cases); i++)
    {
      const ProximityCase *c = &proximity_cases[i];

      g_test_message ("%s ~ %s", c->a ? c->a : "(null)", c->b ? c->b : "(null)");
      g_assert_cmpint (ic_taxonomy_get_proximity (default_taxonomy, c->a, c->b), ==, c->expected);
    }
  /* Nearer is smaller, so callers can compare. */
  g_assert_cmpint (IC_PROXIMITY_SAME_AUTHORITY, <, IC_PROXIMITY_SAME_AREA);
  g_assert_cmpint (IC_PROXIMITY_SAME_AREA, <, IC_PROXIMITY_SAME_REGION);
  g_assert_cmpint (IC_PROXIMITY_SAME_REGION, <, IC_PROXIMITY_ELSEWHERE);
}

static gboolean
cluster_is_valid (IcTaxonomy *taxonomy,
                  const char *cluster)
{
  g_autoptr(IcRecord) record = record_from_data (CAP, full_records[CAP]);
  g_autoptr(GError) error = NULL;

  ic_capability_set_cluster (IC_CAPABILITY (record), cluster);
  return ic_record_validate (record, taxonomy, &error);
}

static void
test_taxonomy_edit_clusters (void)
{
  g_autoptr(IcTaxonomy) taxonomy = ic_taxonomy_new_default ();
  guint n = ic_taxonomy_get_n_clusters (taxonomy);

  g_assert_false (cluster_is_valid (taxonomy, "space"));

  ic_taxonomy_add_cluster (taxonomy, "space", "Space");
  g_assert_cmpuint (ic_taxonomy_get_n_clusters (taxonomy), ==, n + 1);
  g_assert_cmpstr (ic_taxonomy_get_cluster_id (taxonomy, n), ==, "space");
  g_assert_cmpstr (ic_taxonomy_get_cluster_name (taxonomy, "space"), ==, "Space");
  g_assert_true (cluster_is_valid (taxonomy, "space"));

  /* Adding an existing id renames it in place. */
  ic_taxonomy_add_cluster (taxonomy, "space", "Space and satellites");
  g_assert_cmpuint (ic_taxonomy_get_n_clusters (taxonomy), ==, n + 1);
  g_assert_cmpstr (ic_taxonomy_get_cluster_name (taxonomy, "space"), ==, "Space and satellites");
  ic_taxonomy_add_cluster (taxonomy, "rail", "Rail and light rail");
  g_assert_cmpuint (ic_taxonomy_get_n_clusters (taxonomy), ==, n + 1);
  g_assert_cmpstr (ic_taxonomy_get_cluster_id (taxonomy, 6), ==, "rail");
  g_assert_cmpstr (ic_taxonomy_get_cluster_name (taxonomy, "rail"), ==, "Rail and light rail");
  /* The default taxonomy is a separate object. */
  g_assert_cmpstr (ic_taxonomy_get_cluster_name (default_taxonomy, "rail"), ==, "Rail");

  g_assert_true (ic_taxonomy_remove_cluster (taxonomy, "tourism"));
  g_assert_false (ic_taxonomy_remove_cluster (taxonomy, "tourism"));
  g_assert_false (ic_taxonomy_remove_cluster (taxonomy, "never-there"));
  g_assert_null (ic_taxonomy_get_cluster_name (taxonomy, "tourism"));
  g_assert_cmpuint (ic_taxonomy_get_n_clusters (taxonomy), ==, n);
  g_assert_false (cluster_is_valid (taxonomy, "tourism"));
  g_assert_true (cluster_is_valid (default_taxonomy, "tourism"));
  /* The order of the rest is kept. */
  g_assert_cmpstr (ic_taxonomy_get_cluster_id (taxonomy, 0), ==, "low-carbon-energy");
  g_assert_cmpstr (ic_taxonomy_get_cluster_id (taxonomy, n - 1), ==, "space");
}

static void
test_taxonomy_edit_places (void)
{
  g_autoptr(IcTaxonomy) taxonomy = ic_taxonomy_new_default ();
  guint n = ic_taxonomy_get_n_places (taxonomy);
  const char *area_name = NULL;

  g_assert_cmpint (ic_taxonomy_get_proximity (taxonomy, "oxford", "oxford"), ==, IC_PROXIMITY_ELSEWHERE);

  ic_taxonomy_add_place (taxonomy, "oxford", "Oxford", "oxon", "Oxfordshire", "south-east", "South East");
  ic_taxonomy_add_place (taxonomy, "cherwell", "Cherwell", "oxon", "Oxfordshire", "south-east", "South East");
  ic_taxonomy_add_place (taxonomy, "reading", "Reading", "berks", "Berkshire", "south-east", "South East");
  g_assert_cmpuint (ic_taxonomy_get_n_places (taxonomy), ==, n + 3);
  g_assert_cmpint (ic_taxonomy_get_proximity (taxonomy, "oxford", "oxford"), ==, IC_PROXIMITY_SAME_AUTHORITY);
  g_assert_cmpint (ic_taxonomy_get_proximity (taxonomy, "oxford", "cherwell"), ==, IC_PROXIMITY_SAME_AREA);
  g_assert_cmpint (ic_taxonomy_get_proximity (taxonomy, "oxford", "reading"), ==, IC_PROXIMITY_SAME_REGION);
  g_assert_cmpint (ic_taxonomy_get_proximity (taxonomy, "oxford", "birmingham"), ==, IC_PROXIMITY_ELSEWHERE);

  /* Re-adding renames and moves the place, without a second entry. */
  ic_taxonomy_add_place (taxonomy, "cherwell", "Cherwell District", "north-oxon", "North Oxfordshire",
                         "south-east", "South East");
  g_assert_cmpuint (ic_taxonomy_get_n_places (taxonomy), ==, n + 3);
  g_assert_cmpstr (ic_taxonomy_get_place_name (taxonomy, "cherwell"), ==, "Cherwell District");
  g_assert_cmpstr (ic_taxonomy_get_place_area (taxonomy, "cherwell", &area_name), ==, "north-oxon");
  g_assert_cmpstr (area_name, ==, "North Oxfordshire");
  g_assert_cmpint (ic_taxonomy_get_proximity (taxonomy, "oxford", "cherwell"), ==, IC_PROXIMITY_SAME_REGION);

  /* A place without area or region is only ever near itself. */
  ic_taxonomy_add_place (taxonomy, "lundy", "Lundy", NULL, NULL, NULL, NULL);
  g_assert_cmpint (ic_taxonomy_get_proximity (taxonomy, "lundy", "lundy"), ==, IC_PROXIMITY_SAME_AUTHORITY);
  g_assert_cmpint (ic_taxonomy_get_proximity (taxonomy, "lundy", "oxford"), ==, IC_PROXIMITY_ELSEWHERE);

  g_assert_true (ic_taxonomy_remove_place (taxonomy, "oxford"));
  g_assert_false (ic_taxonomy_remove_place (taxonomy, "oxford"));
  g_assert_null (ic_taxonomy_get_place_name (taxonomy, "oxford"));
  g_assert_cmpint (ic_taxonomy_get_proximity (taxonomy, "oxford", "oxford"), ==, IC_PROXIMITY_ELSEWHERE);
  g_assert_cmpuint (ic_taxonomy_get_n_places (taxonomy), ==, n + 3);

  /* Removing a default place changes what validates. */
  {
    g_autoptr(IcRecord) record = record_from_data (CAP, full_records[CAP]);
    g_autoptr(GError) error = NULL;

    g_assert_true (ic_record_validate (record, taxonomy, &error));
    g_assert_true (ic_taxonomy_remove_place (taxonomy, "dudley"));
    g_assert_false (ic_record_validate (record, taxonomy, &error));
    assert_model_error (error, IC_MODEL_ERROR_UNKNOWN_VALUE, "local_authority");
    g_assert_cmpint (ic_taxonomy_get_proximity (taxonomy, "dudley", "birmingham"), ==, IC_PROXIMITY_ELSEWHERE);
    g_assert_cmpint (ic_taxonomy_get_proximity (default_taxonomy, "dudley", "birmingham"), ==, IC_PROXIMITY_SAME_AREA);
  }
}

/* ---------------------------------------------------------------------
 * Error domain
 * ------------------------------------------------------------------ */

static void
test_error_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  ic_model_set_error (&error, IC_MODEL_ERROR_OUT_OF_RANGE, "trl", "%d is not between %d and %d", 11, 1, 9);
  g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (ic_model_error_get_field (error), ==, "trl");
  g_assert_cmpstr (error->message, ==, "trl: 11 is not between 1 and 9");

  /* The field survives a copy of the error. */
  copy = g_error_copy (error);
  g_assert_cmpstr (ic_model_error_get_field (copy), ==, "trl");

  g_assert_null (ic_model_error_get_field (other));
  g_assert_null (ic_model_error_get_field (NULL));

  /* A NULL error pointer is allowed. */
  ic_model_set_error (NULL, IC_MODEL_ERROR_REQUIRED, "title", "must not be empty");
}

static void
add_validation_tests (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (validation_cases); i++)
    {
      const ValidationCase *c = &validation_cases[i];
      g_autofree char *path = g_strdup_printf ("/model/validate/%s/%s",
                                               ic_record_kind_to_string (c->kind), c->name);
      g_test_add_data_func (path, c, test_validation_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (tag_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/tags/%s", tag_cases[i].name);
      g_test_add_data_func (path, &tag_cases[i], test_tag_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (json_error_cases); i++)
    {
      const JsonErrorCase *c = &json_error_cases[i];
      g_autofree char *path = g_strdup_printf ("/model/json/error/%s/%s",
                                               ic_record_kind_to_string (c->kind), c->name);
      g_test_add_data_func (path, c, test_json_error_case);
    }
  for (int kind = 0; kind < IC_N_RECORD_KINDS; kind++)
    {
      g_autofree char *round_trip = g_strdup_printf ("/model/json/round-trip/%s", ic_record_kind_to_string (kind));
      g_autofree char *copy = g_strdup_printf ("/model/record/copy/%s", ic_record_kind_to_string (kind));

      g_test_add_data_func (round_trip, GINT_TO_POINTER (kind), test_round_trip);
      g_test_add_data_func (copy, GINT_TO_POINTER (kind), test_copy);
    }
}

static void
test_glossary (void)
{
  g_autoptr(IcGlossary) glossary = ic_glossary_new ();
  g_autoptr(IcGlossary) copy = NULL;
  g_autoptr(IcGlossary) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const char *bess[] = { "BESS", " battery  energy storage system ", "bess", NULL };
  const char *related[] = { "peak shaving", "demand charges", NULL };
  const char *again[] = { "Bess", NULL };
  const char *long_phrase[] = { "one two three four five", NULL };
  const char *control[] = { "tab\there", NULL };
  const char *empty[] = { "  ", NULL };
  guint position;

  g_assert_true (ic_glossary_add_entry (glossary, "low-carbon-energy", bess, related, &position, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (position, ==, 0);
  /* Spaces are tidied and a repeat (without case) is dropped. */
  g_assert_cmpstrv (ic_glossary_get_terms (glossary, 0),
                    ((const char *[]) { "BESS", "battery energy storage system", NULL }));
  g_assert_cmpint (ic_glossary_find_term (glossary, "bess"), ==, 0);
  g_assert_cmpint (ic_glossary_find_term (glossary, "peak shaving"), ==, -1);

  /* A term belongs to one entry; phrases are short, clean and not empty. */
  g_assert_false (ic_glossary_add_entry (glossary, NULL, again, NULL, NULL, &error));
  g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Bess"));
  g_clear_error (&error);
  g_assert_false (ic_glossary_add_entry (glossary, NULL, long_phrase, NULL, NULL, &error));
  g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_assert_false (ic_glossary_add_entry (glossary, NULL, control, NULL, NULL, &error));
  g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (ic_glossary_add_entry (glossary, NULL, empty, NULL, NULL, &error));
  g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (ic_glossary_add_entry (glossary, NULL, (const char *[]) { "ok", NULL },
                                         long_phrase, NULL, &error));
  g_assert_cmpstr (ic_model_error_get_field (error), ==, "related");
  g_clear_error (&error);
  g_assert_cmpuint (ic_glossary_get_n_entries (glossary), ==, 1);

  /* The JSON form round-trips. */
  data = ic_glossary_to_data (glossary);
  copy = ic_glossary_new_from_json (data, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ic_glossary_get_n_entries (copy), ==, 1);
  g_assert_cmpstr (ic_glossary_get_cluster (copy, 0), ==, "low-carbon-energy");
  g_assert_cmpstrv (ic_glossary_get_related (copy, 0), related);

  /* Removing an entry frees its terms. */
  ic_glossary_remove_entry (copy, 0);
  g_assert_cmpint (ic_glossary_find_term (copy, "BESS"), ==, -1);
  g_assert_true (ic_glossary_add_entry (copy, NULL, again, NULL, NULL, &error));

  /* A bad file names the entry at fault. */
  bad = ic_glossary_new_from_json ("{\"entries\": [{\"terms\": [\"a\"]}, {\"terms\": 3}]}", -1, &error);
  g_assert_null (bad);
  g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_WRONG_TYPE);
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);
  bad = ic_glossary_new_from_json ("[1]", -1, &error);
  g_assert_null (bad);
  g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_PARSE);
}

/* A search finds each typed word in any case and compatibility form,
 * as a word or part of one, and every word must be there. */
static void
test_text_search (void)
{
  g_autofree char *folded = ic_text_fold ("Fire-safe ﬁtting of STRASSE valves\nThermal Imaging Ltd");
  g_auto(GStrv) words = ic_text_words ("  thermal\tVALVE ");
  g_auto(GStrv) missing = ic_text_words ("thermal gearbox");
  g_auto(GStrv) none = ic_text_words (" \t ");
  g_auto(GStrv) ligature = ic_text_words ("FITTING");
  g_autofree char *empty = ic_text_fold (NULL);
  g_autofree char *latin1 = ic_text_fold ("caf\xe9");

  g_assert_cmpuint (g_strv_length (words), ==, 2);
  g_assert_cmpstr (words[0], ==, "thermal");
  g_assert_cmpstr (words[1], ==, "valve");
  g_assert_true (ic_text_has_words (folded, (const char * const *) words));
  g_assert_false (ic_text_has_words (folded, (const char * const *) missing));
  g_assert_true (ic_text_has_words (folded, (const char * const *) ligature));
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_true (ic_text_has_words (folded, (const char * const *) none));
  g_assert_cmpstr (empty, ==, "");
  /* Not UTF-8: kept as it is, not lost. */
  g_assert_cmpstr (latin1, ==, "caf\xe9");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  default_taxonomy = ic_taxonomy_new_default ();

  add_validation_tests ();
  g_test_add_func ("/model/validate/without-taxonomy", test_validate_without_taxonomy);
  g_test_add_func ("/model/validate/tag-count", test_validate_tag_count);
  g_test_add_func ("/model/validate/escaped-nul", test_validate_escaped_nul);
  g_test_add_func ("/model/validate/json-text-mark-nul", test_json_text_mark_nul);
  g_test_add_func ("/model/tags/from-json", test_tags_from_json);
  g_test_add_func ("/model/json/empty-input", test_json_empty_input);
  g_test_add_func ("/model/json/one-value", test_json_one_value);
  g_test_add_func ("/model/json/read-values", test_json_read_values);
  g_test_add_func ("/model/json/defaults", test_json_defaults);
  g_test_add_func ("/model/json/round-trip-escapes", test_round_trip_escapes);
  g_test_add_func ("/model/json/names", test_json_names);
  g_test_add_func ("/model/record/copy-is-deep", test_copy_is_deep);
  g_test_add_func ("/model/shortlist/stage-changes", test_stage_changes);
  g_test_add_func ("/model/shortlist/stage-complete", test_stage_complete);
  g_test_add_func ("/model/shortlist/stage-parse-at", test_stage_parse_at);
  g_test_add_func ("/model/record/touch", test_touch);
  g_test_add_func ("/model/record/ensure-id", test_ensure_id);
  g_test_add_func ("/model/record/kinds", test_record_kinds);
  g_test_add_func ("/model/taxonomy/defaults", test_taxonomy_defaults);
  g_test_add_func ("/model/taxonomy/proximity", test_taxonomy_proximity);
  g_test_add_func ("/model/taxonomy/edit-clusters", test_taxonomy_edit_clusters);
  g_test_add_func ("/model/taxonomy/edit-places", test_taxonomy_edit_places);
  g_test_add_func ("/model/error/field", test_error_field);
  g_test_add_func ("/model/glossary", test_glossary);
  g_test_add_func ("/model/text-search", test_text_search);

  ret = g_test_run ();
  g_clear_object (&default_taxonomy);
  return ret;
}

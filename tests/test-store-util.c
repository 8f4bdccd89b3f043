/* test-store-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-store-util.h"

void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }
  g_remove (path);
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "interchange.db", NULL);
  f->store = ic_store_open (f->path, IC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

IcRecord *
make_organisation (const char *name)
{
  return g_object_new (IC_TYPE_ORGANISATION,
                       "name", name,
                       "kind", IC_ORGANISATION_KIND_LARGE_FIRM,
                       "cluster", "aerospace",
                       "local-authority", "coventry",
                       "employees", 250,
                       "website", "https://example.org/works",
                       "notes", "Makes wings; likes to collaborate.",
                       NULL);
}

IcRecord *
make_challenge (const char *organisation_id,
                const char *title)
{
  const char *tags[] = { "hydrogen", "fuel cells", "low-carbon", NULL };

  return g_object_new (IC_TYPE_CHALLENGE,
                       "organisation-id", organisation_id,
                       "title", title,
                       "description", "Refuel a fleet of buses at the depot overnight.",
                       "cluster", "low-carbon-energy",
                       "tags", tags,
                       "trl-min", 3,
                       "trl-max", 7,
                       "budget-min", (gint64) 10000,
                       "budget-max", (gint64) 250000,
                       "deadline", "2031-03-31",
                       "local-authority", "birmingham",
                       "status", IC_CHALLENGE_STATUS_PAUSED,
                       "contact", "fleet@example.org",
                       NULL);
}

IcRecord *
make_capability (const char *organisation_id,
                 const char *title)
{
  const char *tags[] = { "robotics", "welding", NULL };
  const char *certifications[] = { "ISO 9001", "AS9100\nrev D", "back\\slash", NULL };

  return g_object_new (IC_TYPE_CAPABILITY,
                       "organisation-id", organisation_id,
                       "title", title,
                       "description", "Robotic welding cells for short runs.",
                       "cluster", "metals-materials",
                       "tags", tags,
                       "trl", 8,
                       "employees", 42,
                       "local-authority", "dudley",
                       "certifications", certifications,
                       "contact", "sales@example.com",
                       NULL);
}

IcRecord *
make_foresight (const char *title)
{
  const char *tags[] = { "café culture", "retail", NULL };

  return g_object_new (IC_TYPE_FORESIGHT_ITEM,
                       "kind", IC_FORESIGHT_KIND_TECHNOLOGY_DRIVER,
                       "title", title,
                       "summary", "Independent cafés adopt electric roasters.",
                       "url", "https://example.net/roasters",
                       "tags", tags,
                       "published", "2026-05-01T09:30:00Z",
                       "source", "Regional observatory",
                       NULL);
}

void
pair_records_insert (PairRecords *r,
                     IcStore     *store)
{
  r->organisation = make_organisation ("Depot Ltd");
  insert_ok (store, r->organisation);
  r->challenge = make_challenge (ic_record_get_id (r->organisation), "Refuelling");
  r->other_challenge = make_challenge (ic_record_get_id (r->organisation), "Charging");
  r->capability = make_capability (ic_record_get_id (r->organisation), "Welding");
  r->other_capability = make_capability (ic_record_get_id (r->organisation), "Sensors");
  insert_ok (store, r->challenge);
  insert_ok (store, r->other_challenge);
  insert_ok (store, r->capability);
  insert_ok (store, r->other_capability);
}

void
pair_records_clear (PairRecords *r)
{
  g_clear_object (&r->organisation);
  g_clear_object (&r->challenge);
  g_clear_object (&r->other_challenge);
  g_clear_object (&r->capability);
  g_clear_object (&r->other_capability);
}

IcRecord *
make_shortlist (const char  *challenge_id,
                const char  *name,
                const char **capability_ids)
{
  IcRecord *shortlist = g_object_new (IC_TYPE_SHORTLIST,
                                      "challenge-id", challenge_id,
                                      "name", name,
                                      NULL);
  GListStore *entries = ic_shortlist_get_entries (IC_SHORTLIST (shortlist));

  for (guint i = 0; capability_ids[i] != NULL; i++)
    {
      g_autofree char *note = g_strdup_printf ("Note %u: call on Tuesday", i);
      g_autoptr(IcShortlistEntry) entry =
        g_object_new (IC_TYPE_SHORTLIST_ENTRY,
                      "capability-id", capability_ids[i],
                      "score", 0.9 - i * 0.125,
                      "explanation", "text 0.40, tags 0.30",
                      "note", note,
                      "stage", (IcStage) (i % 5),
                      NULL);
      g_list_store_append (entries, entry);
    }
  return shortlist;
}

void
insert_ok (IcStore  *store,
           IcRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_store_insert (store, record, "tester", &error));
  g_assert_no_error (error);
}

void
assert_same_record (IcRecord *a,
                    IcRecord *b)
{
  g_autofree char *json_a = ic_record_to_json_data (a, FALSE);
  g_autofree char *json_b = ic_record_to_json_data (b, FALSE);

  g_assert_cmpstr (json_a, ==, json_b);
}

gint64
count_records (IcStore      *store,
               IcRecordKind  kind,
               const char   *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStoreQuery) query = ic_store_query_new ();
  gint64 n;

  ic_store_query_set_search (query, search);
  n = ic_store_count (store, kind, query, &error);
  g_assert_no_error (error);
  return n;
}

GPtrArray *
list_changes (IcStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *changes = ic_store_list_changes (store, 0, 0, &error);

  g_assert_no_error (error);
  return changes;
}

void
assert_fts_intact (IcStore *store)
{
  const char *tables[] = { "organisation_fts", "challenge_fts", "capability_fts", "foresight_fts" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('integrity-check')",
                                              tables[i], tables[i]);
      int rc = sqlite3_exec (ic_store_get_db (store), sql, NULL, NULL, NULL);

      g_assert_cmpint (rc, ==, SQLITE_OK);
    }
}

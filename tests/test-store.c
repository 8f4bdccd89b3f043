/* test-store.c — the SQLite store: records in and out and the change
 * log; test-store-open.c and test-store-list.c hold the rest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-store-util.h"

/* Records in and out */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Wing Works");
  g_autoptr(IcRecord) challenge = NULL;
  g_autoptr(IcRecord) cap_a = NULL;
  g_autoptr(IcRecord) cap_b = NULL;
  g_autoptr(IcRecord) cap_c = NULL;
  g_autoptr(IcRecord) foresight = make_foresight ("Electric roasting");
  g_autoptr(IcRecord) shortlist = NULL;
  const char *ids[4];

  insert_ok (f->store, org);
  challenge = make_challenge (ic_record_get_id (org), "Hydrogen refuelling");
  cap_a = make_capability (ic_record_get_id (org), "Welding cells");
  cap_b = make_capability (ic_record_get_id (org), "Laser cutting");
  cap_c = make_capability (ic_record_get_id (org), "Powder coating");
  ic_record_set_visibility (cap_c, IC_VISIBILITY_PRIVATE);
  insert_ok (f->store, challenge);
  insert_ok (f->store, cap_a);
  insert_ok (f->store, cap_b);
  insert_ok (f->store, cap_c);
  insert_ok (f->store, foresight);
  /* Not in title order, so that the order kept is the shortlist's own. */
  ids[0] = ic_record_get_id (cap_c);
  ids[1] = ic_record_get_id (cap_a);
  ids[2] = ic_record_get_id (cap_b);
  ids[3] = NULL;
  shortlist = make_shortlist (ic_record_get_id (challenge), "Depot visit", ids);
  insert_ok (f->store, shortlist);

  g_assert_true (g_uuid_string_is_valid (ic_record_get_id (org)));
  g_assert_cmpint (ic_record_get_rev (org), ==, 1);
  g_assert_cmpstr (ic_record_get_author (org), ==, "tester");
  g_assert_nonnull (ic_record_get_updated_at (org));

  {
    IcRecord *records[] = { org, challenge, cap_a, cap_c, foresight, shortlist };

    for (guint i = 0; i < G_N_ELEMENTS (records); i++)
      {
        IcRecordKind kind = ic_record_get_kind (records[i]);
        g_autoptr(IcRecord) got = ic_store_get (f->store, ic_record_get_id (records[i]), &error);
        g_autoptr(GPtrArray) listed = ic_store_list (f->store, kind, NULL, 0, 0, &error);
        gboolean found = FALSE;

        g_assert_no_error (error);
        g_assert_true (G_OBJECT_TYPE (got) == G_OBJECT_TYPE (records[i]));
        assert_same_record (records[i], got);
        for (guint j = 0; j < listed->len; j++)
          {
            IcRecord *item = g_ptr_array_index (listed, j);

            if (g_str_equal (ic_record_get_id (item), ic_record_get_id (records[i])))
              {
                assert_same_record (records[i], item);
                found = TRUE;
              }
          }
        g_assert_true (found);
      }
  }

  /* The details that the JSON comparison could hide. */
  {
    g_autoptr(IcRecord) got = ic_store_get (f->store, ic_record_get_id (cap_a), &error);
    const char * const *certs = ic_capability_get_certifications (IC_CAPABILITY (got));
    g_autoptr(IcRecord) list = ic_store_get (f->store, ic_record_get_id (shortlist), &error);
    GListModel *entries = G_LIST_MODEL (ic_shortlist_get_entries (IC_SHORTLIST (list)));
    g_autoptr(IcShortlistEntry) third = NULL;

    g_assert_cmpuint (g_strv_length ((char **) certs), ==, 3);
    g_assert_cmpstr (certs[1], ==, "AS9100\nrev D");
    g_assert_cmpstr (certs[2], ==, "back\\slash");
    g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);
    third = g_list_model_get_item (entries, 2);
    g_assert_cmpstr (ic_shortlist_entry_get_capability_id (third), ==, ic_record_get_id (cap_b));
    g_assert_cmpint (ic_shortlist_entry_get_stage (third), ==, IC_STAGE_INTRODUCED);
    g_assert_cmpstr (ic_shortlist_entry_get_note (third), ==, "Note 2: call on Tuesday");
    g_assert_cmpfloat_with_epsilon (ic_shortlist_entry_get_score (third), 0.65, 1e-9);
  }

  g_assert_null (ic_store_get (f->store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Wing Works");
  g_autoptr(IcRecord) stale = NULL;
  g_autoptr(IcRecord) got = NULL;
  g_autoptr(IcRecord) never_stored = make_organisation ("Ghost");
  g_autoptr(GPtrArray) changes = NULL;
  IcChange *change;

  insert_ok (f->store, org);
  stale = ic_record_copy (org);

  ic_organisation_set_name (IC_ORGANISATION (org), "Wing Works Group");
  g_assert_true (ic_store_update (f->store, org, "editor", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ic_record_get_rev (org), ==, 2);
  g_assert_cmpstr (ic_record_get_author (org), ==, "editor");

  /* The rev on the object does not count: the stored one does. */
  ic_organisation_set_notes (IC_ORGANISATION (stale), "Edited offline");
  g_assert_true (ic_store_update (f->store, stale, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ic_record_get_rev (stale), ==, 3);
  g_assert_cmpstr (ic_record_get_author (stale), ==, "tester");

  got = ic_store_get (f->store, ic_record_get_id (org), &error);
  g_assert_cmpint (ic_record_get_rev (got), ==, 3);
  g_assert_cmpstr (ic_organisation_get_notes (IC_ORGANISATION (got)), ==, "Edited offline");
  assert_same_record (stale, got);

  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 3);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->kind, ==, IC_RECORD_KIND_ORGANISATION);
  g_assert_cmpstr (change->record_id, ==, ic_record_get_id (org));
  g_assert_cmpint (change->rev, ==, 1);
  g_assert_cmpint (change->base_rev, ==, 0);
  change = g_ptr_array_index (changes, 2);
  g_assert_cmpint (change->rev, ==, 3);
  g_assert_cmpint (change->base_rev, ==, 2);
  g_assert_false (change->deleted);
  g_assert_nonnull (change->created_at);

  ic_record_ensure_id (never_stored);
  g_assert_false (ic_store_update (f->store, never_stored, NULL, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Wing Works");
  g_autoptr(IcRecord) other = make_organisation ("Tail Works");
  g_autoptr(IcRecord) got = NULL;
  g_autoptr(IcStoreQuery) query = ic_store_query_new ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  IcChange *change;
  const char *id;

  ic_organisation_set_notes (IC_ORGANISATION (other), "Tails only.");
  insert_ok (f->store, org);
  insert_ok (f->store, other);
  id = ic_record_get_id (org);

  g_assert_true (ic_store_delete (f->store, id, "remover", &error));
  g_assert_no_error (error);
  got = ic_store_get (f->store, id, &error);
  g_assert_true (ic_record_get_deleted (got));
  g_assert_cmpint (ic_record_get_rev (got), ==, 2);
  g_assert_cmpstr (ic_record_get_author (got), ==, "remover");
  g_assert_cmpstr (ic_organisation_get_name (IC_ORGANISATION (got)), ==, "Wing Works");
  g_clear_object (&got);

  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_ORGANISATION, NULL), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_ORGANISATION, "wing"), ==, 0);
  listed = ic_store_list (f->store, IC_RECORD_KIND_ORGANISATION, NULL, 0, 10, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);

  ic_store_query_set_include_deleted (query, TRUE);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_ORGANISATION, query, &error), ==, 2);
  listed = ic_store_list (f->store, IC_RECORD_KIND_ORGANISATION, query, 0, 10, &error);
  g_assert_cmpuint (listed->len, ==, 2);

  /* Deleting twice changes nothing. */
  g_assert_true (ic_store_delete (f->store, id, "remover", &error));
  g_assert_true (ic_store_restore (f->store, id, NULL, &error));
  g_assert_no_error (error);
  got = ic_store_get (f->store, id, &error);
  g_assert_false (ic_record_get_deleted (got));
  g_assert_cmpint (ic_record_get_rev (got), ==, 3);
  g_assert_cmpstr (ic_record_get_author (got), ==, "remover");
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_ORGANISATION, "wing"), ==, 1);

  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 4);
  change = g_ptr_array_index (changes, 2);
  g_assert_true (change->deleted);
  g_assert_cmpint (change->rev, ==, 2);
  g_assert_cmpint (change->base_rev, ==, 1);
  change = g_ptr_array_index (changes, 3);
  g_assert_false (change->deleted);
  g_assert_cmpint (change->base_rev, ==, 2);

  g_assert_false (ic_store_delete (f->store, "no-such-id", NULL, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Wing Works");
  g_autoptr(IcRecord) challenge = NULL;

  insert_ok (f->store, org);
  challenge = make_challenge (ic_record_get_id (org), "   ");
  g_assert_false (ic_store_insert (f->store, challenge, NULL, &error));
  g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_REQUIRED);
  g_assert_cmpstr (ic_model_error_get_field (error), ==, "title");
  g_assert_null (ic_record_get_id (challenge));
  g_clear_error (&error);

  /* The taxonomy of the store is the one checked against. */
  ic_challenge_set_title (IC_CHALLENGE (challenge), "Fine title");
  ic_challenge_set_cluster (IC_CHALLENGE (challenge), "underwater-basket-weaving");
  g_assert_false (ic_store_insert (f->store, challenge, NULL, &error));
  g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_UNKNOWN_VALUE);
  g_assert_cmpstr (ic_model_error_get_field (error), ==, "cluster");
  g_clear_error (&error);

  ic_organisation_set_website (IC_ORGANISATION (org), "ftp://nope");
  g_assert_false (ic_store_update (f->store, org, NULL, &error));
  g_assert_cmpstr (ic_model_error_get_field (error), ==, "website");
  g_assert_cmpint (ic_record_get_rev (org), ==, 1);
}

static void
test_constraint (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *ghost = "11111111-2222-4333-8444-555555555555";
  g_autoptr(IcRecord) challenge = make_challenge (ghost, "Orphan");
  const char *none[] = { NULL };
  g_autoptr(IcRecord) shortlist = make_shortlist (ghost, "Orphan list", none);

  g_assert_false (ic_store_insert (f->store, challenge, NULL, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "organisation_id: "));
  g_assert_nonnull (strstr (error->message, ghost));
  g_clear_error (&error);

  g_assert_false (ic_store_insert (f->store, shortlist, NULL, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "challenge_id: "));
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, NULL), ==, 0);
  g_clear_error (&error);

  /* An update to a dangling reference too, and the stored record stays. */
  {
    g_autoptr(IcRecord) org = make_organisation ("Parent Works");
    g_autoptr(IcRecord) cap = NULL;
    g_autoptr(IcRecord) got = NULL;

    insert_ok (f->store, org);
    cap = make_capability (ic_record_get_id (org), "Adopted");
    insert_ok (f->store, cap);
    ic_capability_set_organisation_id (IC_CAPABILITY (cap), ghost);
    g_assert_false (ic_store_update (f->store, cap, NULL, &error));
    g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT);
    g_assert_true (g_str_has_prefix (error->message, "organisation_id: "));
    g_assert_nonnull (strstr (error->message, ghost));
    g_assert_cmpint (ic_record_get_rev (cap), ==, 1);
    g_clear_error (&error);
    got = ic_store_get (f->store, ic_record_get_id (cap), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ic_capability_get_organisation_id (IC_CAPABILITY (got)), ==,
                     ic_record_get_id (org));
    assert_fts_intact (f->store);
  }
}

static void
test_exists (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Wing Works");
  g_autoptr(IcRecord) twin = make_organisation ("Twin Works");
  g_autoptr(IcRecord) foresight = make_foresight ("Same id, other kind");

  insert_ok (f->store, org);
  ic_record_set_id (twin, ic_record_get_id (org));
  g_assert_false (ic_store_insert (f->store, twin, NULL, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  ic_record_set_id (foresight, ic_record_get_id (org));
  g_assert_false (ic_store_insert (f->store, foresight, NULL, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_EXISTS);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, NULL), ==, 0);
}

/* Two records with one id in one write: the second is refused by name,
 * and the first goes with it. */
static void
test_exists_in_batch (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changes = NULL;
  IcRecord *twin;

  g_ptr_array_add (records, make_foresight ("Twin signal"));
  ic_record_ensure_id (g_ptr_array_index (records, 0));
  twin = make_foresight ("Twin signal again");
  ic_record_set_id (twin, ic_record_get_id (g_ptr_array_index (records, 0)));
  g_ptr_array_add (records, twin);

  g_assert_false (ic_store_insert_all (f->store, records, NULL, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, ic_record_get_id (twin)));
  g_assert_nonnull (strstr (error->message, "foresight"));
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, NULL), ==, 0);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, "twin"), ==, 0);
  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 0);
  assert_fts_intact (f->store);
}

/* New rows of a kind mostly get consecutive rowids and are indexed in
 * one statement; when they do not, one by one. */
static void
test_index_scattered_rowids (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *db = ic_store_get_db (f->store);

  /* With the largest rowid taken, SQLite picks new ones at random. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO foresight (rowid, id, title, summary, tags) VALUES "
                                 "  (9223372036854775807, 'ffffffff-2222-4333-8444-555555555555', "
                                 "   'Last row', 'At the very end', NULL);"
                                 "INSERT INTO foresight_fts (rowid, title, summary, tags) VALUES "
                                 "  (9223372036854775807, 'Last row', 'At the very end', NULL);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Scattered signal %u", i);
      g_ptr_array_add (records, make_foresight (title));
    }
  g_assert_true (ic_store_insert_all (f->store, records, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, "scattered"), ==, 20);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, "roasters"), ==, 20);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, "end"), ==, 1);
  assert_fts_intact (f->store);
}

static void
check_insert_all_fails (Fixture  *f,
                        gboolean  by_foreign_key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Zanzibar Holdings");
  IcRecord *bad;

  ic_record_ensure_id (org);
  g_ptr_array_add (records, g_object_ref (org));
  g_ptr_array_add (records, make_challenge (ic_record_get_id (org), "Zanzibar quokka"));
  if (by_foreign_key)
    bad = make_capability ("99999999-2222-4333-8444-555555555555", "Zanzibar orphan");
  else
    bad = make_capability (ic_record_get_id (org), "");
  g_ptr_array_add (records, bad);
  g_ptr_array_add (records, make_capability (ic_record_get_id (org), "Zanzibar welding"));
  g_ptr_array_add (records, make_foresight ("Zanzibar signal"));

  g_assert_false (ic_store_insert_all (f->store, records, "importer", &error));
  if (by_foreign_key)
    g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT);
  else
    g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_REQUIRED);

  for (IcRecordKind kind = 0; kind < IC_N_RECORD_KINDS; kind++)
    {
      g_assert_cmpint (count_records (f->store, kind, NULL), ==, 0);
      g_assert_cmpint (count_records (f->store, kind, "zanzibar"), ==, 0);
    }
  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 0);
  assert_fts_intact (f->store);

  /* The callers' records are as they were. */
  g_assert_cmpint (ic_record_get_rev (org), ==, 0);
  g_assert_null (ic_record_get_id (g_ptr_array_index (records, 1)));
}

static void
test_insert_all_atomic (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcRecord) org = make_organisation ("Yak Holdings");

  check_insert_all_fails (f, FALSE);
  check_insert_all_fails (f, TRUE);

  ic_record_ensure_id (org);
  g_ptr_array_add (records, g_object_ref (org));
  g_ptr_array_add (records, make_challenge (ic_record_get_id (org), "Yak shaving"));
  g_ptr_array_add (records, make_capability (ic_record_get_id (org), "Yak grooming"));
  g_assert_true (ic_store_insert_all (f->store, records, "importer", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CAPABILITY, "yak"), ==, 1);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpint (ic_record_get_rev (g_ptr_array_index (records, i)), ==, 1);
}

/* Records stored before a mixed write, and the write's records. */
typedef struct
{
  IcRecord  *org;         /* stored */
  IcRecord  *capability;  /* stored */
  IcRecord  *signal;      /* stored */
  GPtrArray *inserts;
  GPtrArray *updates;
} MixedWrite;

static void
mixed_write_init (Fixture    *f,
                  MixedWrite *w)
{
  IcRecord *org, *update;

  w->org = make_organisation ("Quokka Holdings");
  insert_ok (f->store, w->org);
  w->capability = make_capability (ic_record_get_id (w->org), "Riveting");
  insert_ok (f->store, w->capability);
  w->signal = make_foresight ("Drone swarms");
  insert_ok (f->store, w->signal);

  w->inserts = g_ptr_array_new_with_free_func (g_object_unref);
  org = make_organisation ("Quagga Industries");
  ic_record_ensure_id (org);
  g_ptr_array_add (w->inserts, org);
  g_ptr_array_add (w->inserts, make_challenge (ic_record_get_id (org), "Quagga herding"));
  g_ptr_array_add (w->inserts, make_foresight ("Quagga signal"));
  ic_record_ensure_id (g_ptr_array_index (w->inserts, 2));

  w->updates = g_ptr_array_new_with_free_func (g_object_unref);
  update = ic_record_copy (w->capability);
  ic_capability_set_description (IC_CAPABILITY (update), "Quagga-grade rivets");
  g_ptr_array_add (w->updates, update);
  update = ic_record_copy (w->signal);
  ic_foresight_item_set_title (IC_FORESIGHT_ITEM (update), "Quagga drone swarms");
  g_ptr_array_add (w->updates, update);
  /* A record the same write inserts: its full-text entry must be there
   * for the update's trigger to replace. */
  update = ic_record_copy (g_ptr_array_index (w->inserts, 2));
  ic_foresight_item_set_title (IC_FORESIGHT_ITEM (update), "Quagga signal, revised");
  g_ptr_array_add (w->updates, update);
}

static void
mixed_write_clear (MixedWrite *w)
{
  g_clear_object (&w->org);
  g_clear_object (&w->capability);
  g_clear_object (&w->signal);
  g_clear_pointer (&w->inserts, g_ptr_array_unref);
  g_clear_pointer (&w->updates, g_ptr_array_unref);
}

static void
check_write_all_fails (Fixture  *f,
                       gboolean  missing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(IcRecord) stored = NULL;
  MixedWrite w;
  IcRecord *bad;

  mixed_write_init (f, &w);
  if (missing)
    {
      /* Passes validation; the store finds no such record, last of all. */
      bad = make_capability (ic_record_get_id (w.org), "Quagga phantom");
      ic_record_ensure_id (bad);
    }
  else
    {
      bad = ic_record_copy (w.capability);
      ic_capability_set_title (IC_CAPABILITY (bad), "");
    }
  g_ptr_array_add (w.updates, bad);

  g_assert_false (ic_store_write_all (f->store, w.inserts, w.updates, "importer", &error));
  if (missing)
    g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
  else
    g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_REQUIRED);
  g_clear_error (&error);

  /* Nothing inserted, nothing changed, nothing logged or indexed. */
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_ORGANISATION, NULL), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, NULL), ==, 0);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CAPABILITY, NULL), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, NULL), ==, 1);
  for (IcRecordKind kind = 0; kind < IC_N_RECORD_KINDS; kind++)
    g_assert_cmpint (count_records (f->store, kind, "quagga"), ==, 0);
  stored = ic_store_get (f->store, ic_record_get_id (w.capability), &error);
  g_assert_no_error (error);
  assert_same_record (w.capability, stored);
  g_clear_object (&stored);
  stored = ic_store_get (f->store, ic_record_get_id (w.signal), &error);
  g_assert_no_error (error);
  assert_same_record (w.signal, stored);
  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 3);
  assert_fts_intact (f->store);

  /* The callers' records are as they were. */
  for (guint i = 0; i < w.inserts->len; i++)
    g_assert_cmpint (ic_record_get_rev (g_ptr_array_index (w.inserts, i)), ==, 0);
  g_assert_null (ic_record_get_id (g_ptr_array_index (w.inserts, 1)));
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (ic_record_get_rev (g_ptr_array_index (w.updates, i)), ==, 1);

  mixed_write_clear (&w);
}

static void
test_write_all_atomic (Fixture       *f,
                       gconstpointer  data)
{
  check_write_all_fails (f, FALSE);
  /* Each check starts from a new database. */
  fixture_tear_down (f, NULL);
  fixture_set_up (f, NULL);
  check_write_all_fails (f, TRUE);
}

typedef gboolean (*WriteAllFunc) (IcStore     *self,
                                  GPtrArray   *inserts,
                                  GPtrArray   *updates,
                                  const char  *author,
                                  GError     **error);

/* ic_store_write_all(), or with @data ic_store_write_all_validated(),
 * which must write the same. */
static void
test_write_all (Fixture       *f,
                gconstpointer  data)
{
  WriteAllFunc write_all = data != NULL ? ic_store_write_all_validated : ic_store_write_all;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(IcRecord) stored = NULL;
  MixedWrite w;
  /* The entries the write logs, in order: rev and base_rev. */
  const struct { gint64 rev, base_rev; } expected[] = {
    { 1, 0 }, { 1, 0 }, { 1, 0 }, { 2, 1 }, { 2, 1 }, { 2, 1 },
  };

  mixed_write_init (f, &w);
  g_assert_true (write_all (f->store, w.inserts, w.updates, "importer", &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_ORGANISATION, NULL), ==, 2);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, "quagga"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CAPABILITY, "quagga"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, NULL), ==, 2);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, "quagga"), ==, 2);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, "revised"), ==, 1);
  assert_fts_intact (f->store);

  for (guint i = 0; i < w.inserts->len; i++)
    {
      IcRecord *record = g_ptr_array_index (w.inserts, i);

      g_assert_nonnull (ic_record_get_id (record));
      g_assert_cmpint (ic_record_get_rev (record), ==, 1);
      g_assert_cmpstr (ic_record_get_author (record), ==, "importer");
    }
  for (guint i = 0; i < w.updates->len; i++)
    {
      IcRecord *record = g_ptr_array_index (w.updates, i);

      g_assert_cmpint (ic_record_get_rev (record), ==, 2);
      g_assert_cmpstr (ic_record_get_author (record), ==, "importer");
      g_assert_cmpstr (ic_record_get_updated_at (record), ==,
                       ic_record_get_updated_at (g_ptr_array_index (w.inserts, 0)));
      g_clear_object (&stored);
      stored = ic_store_get (f->store, ic_record_get_id (record), &error);
      g_assert_no_error (error);
      assert_same_record (record, stored);
    }

  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 3 + G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      IcChange *change = g_ptr_array_index (changes, 3 + i);
      IcRecord *record = i < w.inserts->len ? g_ptr_array_index (w.inserts, i)
                                            : g_ptr_array_index (w.updates, i - w.inserts->len);

      g_assert_cmpstr (change->record_id, ==, ic_record_get_id (record));
      g_assert_cmpint (change->kind, ==, ic_record_get_kind (record));
      g_assert_cmpint (change->rev, ==, expected[i].rev);
      g_assert_cmpint (change->base_rev, ==, expected[i].base_rev);
      g_assert_false (change->deleted);
    }

  /* Nothing to write is a write that succeeds. */
  g_assert_true (write_all (f->store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  mixed_write_clear (&w);
}

/* An update of a row the same write inserts replaces its full-text
 * entry, also when new rows are indexed one by one. */
static void
test_write_all_update_new_row (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inserts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) updates = g_ptr_array_new_with_free_func (g_object_unref);
  IcRecord *update;

  /* With the largest rowid taken, SQLite picks new ones at random. */
  g_assert_cmpint (sqlite3_exec (ic_store_get_db (f->store),
                                 "INSERT INTO foresight (rowid, id, title, summary, tags) VALUES "
                                 "  (9223372036854775807, 'ffffffff-2222-4333-8444-555555555555', "
                                 "   'Last row', 'At the very end', NULL);"
                                 "INSERT INTO foresight_fts (rowid, title, summary, tags) VALUES "
                                 "  (9223372036854775807, 'Last row', 'At the very end', NULL);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_ptr_array_add (inserts, make_foresight ("Okapi one"));
  g_ptr_array_add (inserts, make_foresight ("Okapi two"));
  ic_record_ensure_id (g_ptr_array_index (inserts, 0));
  update = ic_record_copy (g_ptr_array_index (inserts, 0));
  ic_foresight_item_set_title (IC_FORESIGHT_ITEM (update), "Revised one");
  g_ptr_array_add (updates, update);

  g_assert_true (ic_store_write_all (f->store, inserts, updates, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ic_record_get_rev (update), ==, 2);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, "okapi"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, "revised"), ==, 1);
  assert_fts_intact (f->store);
}

static void
test_changes_private (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) secret = make_organisation ("Secret Ltd");
  g_autoptr(IcRecord) team = make_organisation ("Team Ltd");
  g_autoptr(GPtrArray) changes = NULL;
  gint64 last;

  ic_record_set_visibility (secret, IC_VISIBILITY_PRIVATE);
  insert_ok (f->store, secret);
  ic_organisation_set_notes (IC_ORGANISATION (secret), "still private");
  g_assert_true (ic_store_update (f->store, secret, NULL, &error));
  g_assert_true (ic_store_delete (f->store, ic_record_get_id (secret), NULL, &error));
  g_assert_true (ic_store_restore (f->store, ic_record_get_id (secret), NULL, &error));
  g_assert_no_error (error);
  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  insert_ok (f->store, team);
  ic_organisation_set_notes (IC_ORGANISATION (team), "shared");
  g_assert_true (ic_store_update (f->store, team, NULL, &error));
  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 2);
  last = ((IcChange *) g_ptr_array_index (changes, 1))->seq;
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* Paging and acknowledging. */
  changes = ic_store_list_changes (f->store, 0, 1, &error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_assert_true (ic_store_ack_changes (f->store, last - 1, &error));
  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpint (((IcChange *) g_ptr_array_index (changes, 0))->seq, ==, last);
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_assert_true (ic_store_ack_changes (f->store, last, &error));
  changes = ic_store_list_changes (f->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);
}

static void
test_put_remote (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Remote Works");
  g_autoptr(IcRecord) challenge = NULL;
  g_autoptr(IcRecord) got = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const char *ids[] = { "aaaaaaaa-2222-4333-8444-555555555555", NULL };
  g_autoptr(IcRecord) shortlist = NULL;
  GListModel *entries;

  ic_record_set_id (org, "0a0a0a0a-2222-4333-8444-555555555555");
  ic_record_set_rev (org, 17);
  ic_record_set_updated_at (org, "2026-01-02T03:04:05Z");
  ic_record_set_author (org, "colleague");
  g_assert_true (ic_store_put_remote (f->store, org, &error));
  g_assert_no_error (error);

  challenge = make_challenge (ic_record_get_id (org), "Remote challenge");
  ic_record_set_id (challenge, "0b0b0b0b-2222-4333-8444-555555555555");
  ic_record_set_rev (challenge, 4);
  g_assert_true (ic_store_put_remote (f->store, challenge, &error));
  shortlist = make_shortlist (ic_record_get_id (challenge), "Remote list", ids);
  ic_record_set_id (shortlist, "0c0c0c0c-2222-4333-8444-555555555555");
  ic_record_set_rev (shortlist, 2);
  g_assert_true (ic_store_put_remote (f->store, shortlist, &error));
  g_assert_no_error (error);

  /* A newer copy replaces the stored one, children and all. */
  ic_record_set_rev (org, 18);
  ic_record_set_deleted (org, TRUE);
  ic_organisation_set_name (IC_ORGANISATION (org), "Remote Works plc");
  g_assert_true (ic_store_put_remote (f->store, org, &error));
  g_assert_no_error (error);
  got = ic_store_get (f->store, ic_record_get_id (org), &error);
  assert_same_record (org, got);
  g_assert_cmpint (ic_record_get_rev (got), ==, 18);
  g_assert_true (ic_record_get_deleted (got));
  g_assert_cmpstr (ic_record_get_author (got), ==, "colleague");
  g_assert_cmpstr (ic_record_get_updated_at (got), ==, "2026-01-02T03:04:05Z");
  g_clear_object (&got);

  g_list_store_remove_all (ic_shortlist_get_entries (IC_SHORTLIST (shortlist)));
  ic_record_set_rev (shortlist, 3);
  g_assert_true (ic_store_put_remote (f->store, shortlist, &error));
  got = ic_store_get (f->store, ic_record_get_id (shortlist), &error);
  entries = G_LIST_MODEL (ic_shortlist_get_entries (IC_SHORTLIST (got)));
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, "remote"), ==, 1);
  assert_fts_intact (f->store);

  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 0);
}

/* ic_store_put_remote_all_known() as a sync calls it: the page's ids
 * looked up first; the last record's id is left for it to look up. */
static gboolean
put_remote_all_known (IcStore    *store,
                      GPtrArray  *records,
                      GError    **error)
{
  g_autofree const char **ids = g_new0 (const char *, records->len + 1);
  g_autofree IcStoreRevision *revisions = g_new0 (IcStoreRevision, records->len + 1);
  g_autofree const IcStoreRevision **known = g_new0 (const IcStoreRevision *, records->len + 1);
  gint64 version = ic_store_get_data_version (store);

  g_assert_cmpint (version, >=, 0);
  for (guint i = 0; i < records->len; i++)
    ids[i] = ic_record_get_id (g_ptr_array_index (records, i));
  if (!ic_store_find_revisions (store, ids, records->len, revisions, error))
    return FALSE;
  for (guint i = 0; i + 1 < records->len; i++)
    known[i] = &revisions[i];
  return ic_store_put_remote_all_known (store, records, known, version, error);
}

/* The same, as if another program wrote after the lookups, which said
 * nothing was there: the write looks every id up again. */
static gboolean
put_remote_all_stale (IcStore    *store,
                      GPtrArray  *records,
                      GError    **error)
{
  g_autofree IcStoreRevision *nothing = g_new0 (IcStoreRevision, 1);
  g_autofree const IcStoreRevision **known = g_new0 (const IcStoreRevision *, records->len + 1);
  gint64 version = ic_store_get_data_version (store);

  for (guint i = 0; i < records->len; i++)
    known[i] = nothing;
  return ic_store_put_remote_all_known (store, records, known, version + 1, error);
}

/* A page from the feed: new records and newer copies of stored ones, in
 * one transaction, indexed either way; with @data through
 * ic_store_put_remote_all_validated() or ic_store_put_remote_all_known(),
 * which must write the same. */
static void
test_put_remote_all (Fixture       *f,
                     gconstpointer  data)
{
  gboolean (*put_remote_all) (IcStore *, GPtrArray *, GError **) =
    data == NULL ? ic_store_put_remote_all :
    g_str_equal (data, "known") ? put_remote_all_known :
    g_str_equal (data, "stale") ? put_remote_all_stale : ic_store_put_remote_all_validated;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcRecord) org = make_organisation ("Feed Works");
  g_autoptr(IcRecord) stored = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean ok;

  insert_ok (f->store, org);
  stored = make_capability (ic_record_get_id (org), "Anodising line");
  insert_ok (f->store, stored);

  ic_capability_set_title (IC_CAPABILITY (stored), "Plating line");
  ic_record_set_rev (stored, 9);
  g_ptr_array_add (page, g_object_ref (stored));
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("Remote pressing %u", i);
      IcRecord *cap = make_capability (ic_record_get_id (org), title);

      ic_record_ensure_id (cap);
      ic_record_set_rev (cap, 3);
      g_ptr_array_add (page, cap);
    }
  ok = put_remote_all (f->store, page, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CAPABILITY, "pressing"), ==, 5);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CAPABILITY, "plating"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CAPABILITY, "anodising"), ==, 0);
  assert_fts_intact (f->store);

  /* Remote records are not queued to go back. */
  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 2);
}

/* What a sync asks before it writes a page: kind, rev, visibility and
 * tombstone of each id, or not found, in one call. */
static void
test_find_revisions (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Revision Works");
  g_autoptr(IcRecord) cap = NULL;
  const char *ids[5];
  IcStoreRevision revisions[5];

  insert_ok (f->store, org);
  cap = make_capability (ic_record_get_id (org), "Revision press");
  ic_record_set_visibility (cap, IC_VISIBILITY_PRIVATE);
  insert_ok (f->store, cap);
  g_assert_true (ic_store_update (f->store, cap, NULL, &error));
  g_assert_true (ic_store_delete (f->store, ic_record_get_id (org), NULL, &error));
  g_assert_no_error (error);

  ids[0] = ic_record_get_id (cap);
  ids[1] = "0d0d0d0d-2222-4333-8444-555555555555";
  ids[2] = ic_record_get_id (org);
  ids[3] = NULL;
  ids[4] = "";
  memset (revisions, 0xff, sizeof revisions);
  g_assert_true (ic_store_find_revisions (f->store, ids, G_N_ELEMENTS (ids), revisions, &error));
  g_assert_no_error (error);

  g_assert_true (revisions[0].found);
  g_assert_cmpint (revisions[0].kind, ==, IC_RECORD_KIND_CAPABILITY);
  g_assert_cmpint (revisions[0].rev, ==, 2);
  g_assert_cmpint (revisions[0].visibility, ==, IC_VISIBILITY_PRIVATE);
  g_assert_false (revisions[0].deleted);
  g_assert_false (revisions[1].found);
  g_assert_true (revisions[2].found);
  g_assert_cmpint (revisions[2].kind, ==, IC_RECORD_KIND_ORGANISATION);
  g_assert_cmpint (revisions[2].rev, ==, 2);
  g_assert_cmpint (revisions[2].visibility, ==, IC_VISIBILITY_TEAM);
  g_assert_true (revisions[2].deleted);
  g_assert_false (revisions[3].found);
  g_assert_false (revisions[4].found);

  /* Inside a write's transaction as well as outside one. */
  g_assert_true (ic_store_begin (f->store, &error));
  g_assert_true (ic_store_find_revisions (f->store, ids, 2, revisions, &error));
  g_assert_no_error (error);
  g_assert_true (ic_store_commit (f->store, &error));
  g_assert_true (revisions[0].found);
  g_assert_false (revisions[1].found);
}

/* The change log keeps the order of the write, over the statements that
 * write many entries at once. */
static void
test_changes_in_order (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changes = NULL;
  guint n_team = 0;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *title = g_strdup_printf ("Ordered signal %u", i);
      IcRecord *item = make_foresight (title);

      if (i % 7 == 3)
        ic_record_set_visibility (item, IC_VISIBILITY_PRIVATE);
      else
        n_team++;
      g_ptr_array_add (records, item);
    }
  g_assert_true (ic_store_insert_all (f->store, records, "orderly", &error));
  g_assert_no_error (error);

  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, n_team);
  for (guint i = 0, j = 0; i < records->len; i++)
    {
      IcRecord *record = g_ptr_array_index (records, i);
      IcChange *change;

      if (ic_record_get_visibility (record) != IC_VISIBILITY_TEAM)
        continue;
      change = g_ptr_array_index (changes, j++);
      g_assert_cmpstr (change->record_id, ==, ic_record_get_id (record));
      g_assert_cmpint (change->kind, ==, IC_RECORD_KIND_FORESIGHT);
      g_assert_cmpint (change->rev, ==, 1);
      g_assert_cmpint (change->base_rev, ==, 0);
      g_assert_false (change->deleted);
      g_assert_cmpstr (change->created_at, ==, ic_record_get_updated_at (record));
    }
}

/* A cancelled search stops where it is, with G_IO_ERROR_CANCELLED, and
 * the connection counts again once the cancellable is gone. */
static void
test_cancellable (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(IcRecord) organisation = make_organisation ("Many Things Ltd");
  g_autoptr(GPtrArray) capabilities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcStoreQuery) query = ic_store_query_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  insert_ok (f->store, organisation);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Composite repair %u", i);

      g_ptr_array_add (capabilities, make_capability (ic_record_get_id (organisation), title));
    }
  g_assert_true (ic_store_insert_all (f->store, capabilities, NULL, &error));
  g_assert_no_error (error);
  ic_store_query_set_search (query, "composite");

  ic_store_set_cancellable (f->store, cancellable);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, query, &error), ==, 2000);
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, query, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, query, 0, 1000, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  ic_store_set_cancellable (f->store, NULL);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, query, &error), ==, 2000);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  test_store_add_open_tests ();
  TEST_ADD ("records/round-trip", test_round_trip);
  TEST_ADD ("records/update", test_update);
  TEST_ADD ("records/delete-restore", test_delete_restore);
  TEST_ADD ("records/validation", test_validation);
  TEST_ADD ("records/constraint", test_constraint);
  TEST_ADD ("records/exists", test_exists);
  TEST_ADD ("records/exists-in-batch", test_exists_in_batch);
  TEST_ADD ("records/index-scattered-rowids", test_index_scattered_rowids);
  TEST_ADD ("records/put-remote-all", test_put_remote_all);
  g_test_add ("/store/records/put-remote-all-validated", Fixture, "validated", fixture_set_up,
              test_put_remote_all, fixture_tear_down);
  g_test_add ("/store/records/put-remote-all-known", Fixture, "known", fixture_set_up,
              test_put_remote_all, fixture_tear_down);
  g_test_add ("/store/records/put-remote-all-stale", Fixture, "stale", fixture_set_up,
              test_put_remote_all, fixture_tear_down);
  TEST_ADD ("changes/in-order", test_changes_in_order);
  TEST_ADD ("records/insert-all-atomic", test_insert_all_atomic);
  TEST_ADD ("records/write-all", test_write_all);
  g_test_add ("/store/records/write-all-validated", Fixture, "validated", fixture_set_up,
              test_write_all, fixture_tear_down);
  TEST_ADD ("records/write-all-atomic", test_write_all_atomic);
  TEST_ADD ("records/write-all-update-new-row", test_write_all_update_new_row);
  TEST_ADD ("records/put-remote", test_put_remote);
  TEST_ADD ("records/find-revisions", test_find_revisions);
  TEST_ADD ("changes/private", test_changes_private);
  TEST_ADD ("records/cancellable", test_cancellable);
  test_store_add_list_tests ();
  test_store_add_exclusion_tests ();
  test_store_add_changed_tests ();
  test_store_add_conflict_tests ();
  test_store_add_stage_tests ();
  test_store_add_impact_tests ();
  test_store_add_impact_random_tests ();
  test_store_add_history_tests ();
  test_store_add_review_tests ();
  test_store_add_name_tests ();

  return g_test_run ();
}

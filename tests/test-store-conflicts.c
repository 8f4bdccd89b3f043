/* test-store-conflicts.c — the copies a sync kept aside, and resolving
 * them field by field (ic-store-conflicts.c, ic-conflict-merge.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-conflict-merge.h"
#include "ic-store-conflicts.h"
#include "test-store-util.h"

/* A record on the feed (theirs) and a losing local edit of it (mine),
 * kept as the sync keeps it. */
typedef struct
{
  Fixture   f;
  IcRecord *theirs;
  gint64    conflict_id;
} ConflictFixture;

static void
conflict_set_up (ConflictFixture *cf,
                 gconstpointer    data)
{
  g_autoptr(IcRecord) org = make_organisation ("Tamebridge Works Ltd");
  g_autoptr(IcRecord) mine = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "hydrogen", "buses", NULL };

  fixture_set_up (&cf->f, data);
  insert_ok (cf->f.store, org);
  cf->theirs = make_challenge (ic_record_get_id (org), "Feed title");
  insert_ok (cf->f.store, cf->theirs);

  mine = ic_record_copy (cf->theirs);
  g_object_set (mine, "title", "My title", "tags", tags, "trl-max", 9, NULL);
  g_assert_true (ic_store_add_conflict (cf->f.store, IC_CONFLICT_EDIT, mine, 2,
                                        "Changed on the feed while edited here", &error));
  g_assert_no_error (error);

  conflicts = ic_store_list_conflicts (cf->f.store, -1, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  cf->conflict_id = ((IcConflict *) g_ptr_array_index (conflicts, 0))->id;
}

static void
conflict_tear_down (ConflictFixture *cf,
                    gconstpointer    data)
{
  g_clear_object (&cf->theirs);
  fixture_tear_down (&cf->f, data);
}

static IcConflict *
the_conflict (ConflictFixture *cf)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  conflicts = ic_store_list_conflicts (cf->f.store, -1, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  return g_steal_pointer (&conflicts->pdata[0]);
}

static gint64
count_conflicts (ConflictFixture *cf)
{
  g_autoptr(GError) error = NULL;
  gint64 n = ic_store_count_conflicts (cf->f.store, -1, &error);

  g_assert_no_error (error);
  return n;
}

static IcRecord *
stored (ConflictFixture *cf)
{
  g_autoptr(GError) error = NULL;
  IcRecord *record = ic_store_get (cf->f.store, ic_record_get_id (cf->theirs), &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

/* The newest change-log entry for the record, which the next sync pushes. */
static gint64
queued_rev (ConflictFixture *cf)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rev = 0;

  changes = ic_store_list_changes (cf->f.store, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    {
      IcChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->record_id, ic_record_get_id (cf->theirs)))
        rev = MAX (rev, change->rev);
    }
  return rev;
}

static void
test_diff (ConflictFixture *cf,
           gconstpointer    data)
{
  g_autoptr(IcConflict) conflict = the_conflict (cf);
  g_autoptr(GPtrArray) fields = ic_conflict_diff (conflict->record, cf->theirs);
  g_autoptr(GPtrArray) alone = ic_conflict_diff (conflict->record, NULL);
  IcConflictField *field;

  /* Only the fields that differ, in the record's order; never the
   * bookkeeping. */
  g_assert_cmpuint (fields->len, ==, 3);
  field = g_ptr_array_index (fields, 0);
  g_assert_cmpstr (field->name, ==, "title");
  g_assert_cmpstr (field->mine, ==, "My title");
  g_assert_cmpstr (field->theirs, ==, "Feed title");
  field = g_ptr_array_index (fields, 1);
  g_assert_cmpstr (field->name, ==, "tags");
  g_assert_cmpstr (field->mine, ==, "hydrogen, buses");
  g_assert_cmpstr (field->theirs, ==, "hydrogen, fuel cells, low-carbon");
  field = g_ptr_array_index (fields, 2);
  g_assert_cmpstr (field->name, ==, "trl_max");
  g_assert_cmpstr (field->mine, ==, "9");
  g_assert_cmpstr (field->theirs, ==, "7");

  /* With nothing to compare against, every user field is shown. */
  g_assert_cmpuint (alone->len, >, fields->len);
  for (guint i = 0; i < alone->len; i++)
    {
      field = g_ptr_array_index (alone, i);
      g_assert_false (g_str_equal (field->name, "id") || g_str_equal (field->name, "rev") ||
                      g_str_equal (field->name, "updated_at") || g_str_equal (field->name, "author"));
      g_assert_cmpstr (field->theirs, ==, "");
    }
}

static void
test_keep_mine (ConflictFixture *cf,
                gconstpointer    data)
{
  g_autoptr(IcConflict) conflict = the_conflict (cf);
  g_autoptr(GPtrArray) fields = ic_conflict_diff (conflict->record, cf->theirs);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;
  g_autoptr(IcRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rev_before = ic_record_get_rev (cf->theirs);

  for (guint i = 0; i < fields->len; i++)
    g_strv_builder_add (builder, ((IcConflictField *) g_ptr_array_index (fields, i))->name);
  all = g_strv_builder_end (builder);

  g_assert_true (ic_conflict_resolve (cf->f.store, conflict, (const char * const *) all,
                                      "Resolver", &error));
  g_assert_no_error (error);
  after = stored (cf);
  g_assert_cmpstr (ic_record_get_title (after), ==, "My title");
  g_assert_cmpint (ic_record_get_rev (after), ==, rev_before + 1);
  g_assert_cmpstr (ic_record_get_author (after), ==, "Resolver");
  g_assert_cmpint (queued_rev (cf), ==, rev_before + 1);
  g_assert_cmpint (count_conflicts (cf), ==, 0);
}

static void
test_keep_theirs (ConflictFixture *cf,
                  gconstpointer    data)
{
  g_autoptr(IcConflict) conflict = the_conflict (cf);
  g_autoptr(IcRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 queued = queued_rev (cf);

  g_assert_true (ic_conflict_resolve (cf->f.store, conflict, NULL, "Resolver", &error));
  g_assert_no_error (error);
  after = stored (cf);
  assert_same_record (after, cf->theirs);
  /* Nothing new to push: the feed has this copy already. */
  g_assert_cmpint (queued_rev (cf), ==, queued);
  g_assert_cmpint (count_conflicts (cf), ==, 0);
}

static void
test_merge (ConflictFixture *cf,
            gconstpointer    data)
{
  g_autoptr(IcConflict) conflict = the_conflict (cf);
  const char *from_mine[] = { "trl_max", "rev", NULL };
  g_autoptr(IcRecord) after = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(GError) error = NULL;
  int trl_max = 0;

  g_assert_true (ic_conflict_resolve (cf->f.store, conflict, from_mine, "Resolver", &error));
  g_assert_no_error (error);
  after = stored (cf);
  g_object_get (after, "trl-max", &trl_max, "tags", &tags, NULL);
  g_assert_cmpint (trl_max, ==, 9);
  g_assert_cmpstr (ic_record_get_title (after), ==, "Feed title");
  g_assert_cmpstr (tags[1], ==, "fuel cells");
  /* "rev" is the store's to decide, never taken from mine. */
  g_assert_cmpint (ic_record_get_rev (after), ==, ic_record_get_rev (cf->theirs) + 1);
  g_assert_cmpint (count_conflicts (cf), ==, 0);
}

static void
test_keep_mine_of_deleted (ConflictFixture *cf,
                           gconstpointer    data)
{
  g_autoptr(IcConflict) conflict = the_conflict (cf);
  const char *from_mine[] = { "title", NULL };
  g_autoptr(IcRecord) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_store_delete (cf->f.store, ic_record_get_id (cf->theirs), "Feed", &error));
  g_assert_true (ic_conflict_resolve (cf->f.store, conflict, from_mine, "Resolver", &error));
  g_assert_no_error (error);
  after = stored (cf);
  g_assert_false (ic_record_get_deleted (after));
  g_assert_cmpstr (ic_record_get_title (after), ==, "My title");
}

static void
test_get_conflict (ConflictFixture *cf,
                   gconstpointer    data)
{
  g_autoptr(IcConflict) conflict = NULL;
  g_autoptr(IcConflict) missing = NULL;
  g_autoptr(GError) error = NULL;

  conflict = ic_store_get_conflict (cf->f.store, cf->conflict_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (conflict->id, ==, cf->conflict_id);
  g_assert_cmpint (conflict->type, ==, IC_CONFLICT_EDIT);
  g_assert_cmpstr (conflict->record_id, ==, ic_record_get_id (cf->theirs));
  g_assert_cmpint (conflict->server_rev, ==, 2);
  g_assert_cmpstr (conflict->reason, ==, "Changed on the feed while edited here");
  g_assert_cmpstr (ic_record_get_title (conflict->record), ==, "My title");

  missing = ic_store_get_conflict (cf->f.store, cf->conflict_id + 1, &error);
  g_assert_null (missing);
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
}

/* Keeping mine as a whole takes every field of the kept copy, those
 * that the feed changed and those it did not. */
static void
test_keep_mine_whole (ConflictFixture *cf,
                      gconstpointer    data)
{
  g_autoptr(IcConflict) conflict = the_conflict (cf);
  g_autoptr(IcRecord) after = NULL;
  g_autoptr(GError) error = NULL;

  /* The feed's copy changes a field the kept copy did not touch. */
  g_object_set (cf->theirs, "contact", "feed@example.org", NULL);
  g_assert_true (ic_store_update (cf->f.store, cf->theirs, "Feed", &error));
  g_assert_no_error (error);

  g_assert_true (ic_conflict_keep_mine (cf->f.store, conflict, "Resolver", &error));
  g_assert_no_error (error);
  after = stored (cf);
  g_assert_cmpstr (ic_record_get_title (after), ==, "My title");
  g_assert_cmpstr (ic_record_get_author (after), ==, "Resolver");
  g_assert_cmpint (count_conflicts (cf), ==, 0);
  {
    g_autofree char *contact = NULL;

    g_object_get (after, "contact", &contact, NULL);
    g_assert_cmpstr (contact, !=, "feed@example.org");
  }
}

/* A delete made here that lost to an edit on the feed: keeping mine
 * deletes the record again, as an edit the next sync sends. */
static void
test_keep_mine_delete (ConflictFixture *cf,
                       gconstpointer    data)
{
  g_autoptr(IcRecord) deleted = ic_record_copy (cf->theirs);
  g_autoptr(IcConflict) conflict = NULL;
  g_autoptr(IcRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rev_before = ic_record_get_rev (cf->theirs);

  g_assert_true (ic_store_remove_conflict (cf->f.store, cf->conflict_id, &error));
  ic_record_set_deleted (deleted, TRUE);
  g_assert_true (ic_store_add_conflict (cf->f.store, IC_CONFLICT_EDIT, deleted, 3,
                                        "Edited on the feed while deleted here", &error));
  g_assert_no_error (error);
  conflict = the_conflict (cf);

  g_assert_true (ic_conflict_keep_mine (cf->f.store, conflict, "Resolver", &error));
  g_assert_no_error (error);
  after = stored (cf);
  g_assert_true (ic_record_get_deleted (after));
  g_assert_cmpint (queued_rev (cf), ==, rev_before + 1);
  g_assert_cmpint (count_conflicts (cf), ==, 0);
}

void
test_store_add_conflict_tests (void)
{
#define CONFLICT_TEST(path, func) \
  g_test_add ("/store/conflict/" path, ConflictFixture, NULL, conflict_set_up, func, conflict_tear_down)
  CONFLICT_TEST ("get", test_get_conflict);
  CONFLICT_TEST ("diff", test_diff);
  CONFLICT_TEST ("keep-mine", test_keep_mine);
  CONFLICT_TEST ("keep-mine-whole", test_keep_mine_whole);
  CONFLICT_TEST ("keep-mine-delete", test_keep_mine_delete);
  CONFLICT_TEST ("keep-theirs", test_keep_theirs);
  CONFLICT_TEST ("merge", test_merge);
  CONFLICT_TEST ("keep-mine-of-deleted", test_keep_mine_of_deleted);
#undef CONFLICT_TEST
}

/* test-app-sync.c — the window's sync logic without a window: resolving
 * conflicts field by field, the sync controller, and where the token goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ic-conflict-merge.h"
#include "ic-feed-token.h"
#include "ic-store-conflicts.h"
#include "ic-sync-controller.h"
#include "test-store-util.h"

#define SECRET_TOKEN "icf_Zq8Kp2TestTokenNeverShown"

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
  g_assert_cmpstr (field->label, ==, "Title");
  g_assert_cmpstr (field->mine, ==, "My title");
  g_assert_cmpstr (field->theirs, ==, "Feed title");
  field = g_ptr_array_index (fields, 1);
  g_assert_cmpstr (field->name, ==, "tags");
  g_assert_cmpstr (field->mine, ==, "hydrogen, buses");
  g_assert_cmpstr (field->theirs, ==, "hydrogen, fuel cells, low-carbon");
  field = g_ptr_array_index (fields, 2);
  g_assert_cmpstr (field->name, ==, "trl_max");
  g_assert_cmpstr (field->label, ==, "Highest TRL");
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

/* The controller */

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new ("io.github.wmvit.Interchange");

  g_settings_reset (settings, "feed-url");
  g_settings_reset (settings, "feed-sync-interval");
  g_settings_reset (settings, "feed-sync-at-start");
  return settings;
}

static void
wait_until_idle (IcSyncController *controller)
{
  gboolean busy = TRUE;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (busy && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      g_object_get (controller, "busy", &busy, NULL);
    }
  g_assert_false (busy);
}

static void
on_drained (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(IcRecord) record = ic_store_service_get_finish (IC_STORE_SERVICE (source), result, NULL);

  *(gboolean *) user_data = TRUE;
}

/* Lets every job asked of @service end, and their callbacks run, before
 * the test's folder goes. */
static void
drain (IcStoreService *service)
{
  gboolean done = FALSE;

  ic_store_service_get_async (service, "none", NULL, on_drained, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Waits for the controller's conflict count to be @n. */
static void
wait_for_conflicts (IcSyncController *controller,
                    guint             n)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (ic_sync_controller_get_n_conflicts (controller) != n &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ic_sync_controller_get_n_conflicts (controller), ==, n);
}

static void
test_controller_without_feed (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(IcStoreService) service = ic_store_service_new (f->path, IC_STORE_OPEN_DEFAULT);
  g_autoptr(IcSyncController) controller = ic_sync_controller_new (service, settings);

  ic_sync_controller_start (controller);
  g_assert_cmpint (ic_sync_controller_get_state (controller), ==, IC_FEED_SYNC_STATE_IDLE);
  g_assert_nonnull (strstr (ic_sync_controller_get_message (controller), "Preferences"));
  g_assert_null (ic_sync_controller_get_last_synced (controller));

  g_settings_set_string (settings, "feed-url", "ftp://feed.example");
  ic_sync_controller_sync_now (controller);
  g_assert_cmpint (ic_sync_controller_get_state (controller), ==, IC_FEED_SYNC_STATE_ERROR);
  g_assert_nonnull (strstr (ic_sync_controller_get_message (controller), "ftp://feed.example"));
  drain (service);
}

static void
test_controller_counts_conflicts (ConflictFixture *cf,
                                  gconstpointer    data)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(IcStoreService) service = ic_store_service_new (cf->f.path, IC_STORE_OPEN_DEFAULT);
  g_autoptr(IcSyncController) controller = ic_sync_controller_new (service, settings);
  g_autoptr(IcConflict) conflict = the_conflict (cf);
  g_autoptr(IcRecord) waiting = ic_record_copy (cf->theirs);
  g_autoptr(GError) error = NULL;

  g_settings_set_boolean (settings, "feed-sync-at-start", FALSE);
  ic_sync_controller_start (controller);
  wait_for_conflicts (controller, 1);

  /* Copies waiting for a record settle themselves: not the user's work. */
  ic_record_set_id (waiting, "0b7a2f0e-5a8b-4c5d-9e1f-123456789abc");
  g_assert_true (ic_store_add_conflict (cf->f.store, IC_CONFLICT_WAITING, waiting, 3, "Waits", &error));
  g_assert_true (ic_conflict_resolve (cf->f.store, conflict, NULL, "Resolver", &error));
  ic_sync_controller_refresh_conflicts (controller);
  wait_for_conflicts (controller, 0);
  drain (service);
}

/* The token: a file only its owner may read when no keyring answers;
 * never in GSettings, never in what the sync says. */

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  IcFeedTokenPlace *place = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_feed_token_save_finish (result, place, &error));
  g_assert_no_error (error);
}

static void
assert_not_in_settings (GSettings  *settings,
                        const char *secret)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (keys[i], "token"));
      g_assert_null (strstr (text, secret));
    }
}

static void
test_token_fallback (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(IcStoreService) service = ic_store_service_new (f->path, IC_STORE_OPEN_DEFAULT);
  g_autoptr(IcSyncController) controller = ic_sync_controller_new (service, settings);
  g_autofree char *path = ic_feed_token_get_file_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  IcFeedTokenPlace place = IC_FEED_TOKEN_KEYRING;
  GStatBuf info;

  g_setenv ("INTERCHANGE_NO_KEYRING", "1", TRUE);
  /* Nothing listens on port 1: the sync fails fast, and must say so
   * without the token. */
  g_settings_set_string (settings, "feed-url", "http://127.0.0.1:1");
  ic_feed_token_save_async ("http://127.0.0.1:1", SECRET_TOKEN, NULL, on_saved, &place);
  while (place != IC_FEED_TOKEN_FILE)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, SECRET_TOKEN));

  ic_sync_controller_sync_now (controller);
  wait_until_idle (controller);
  g_assert_cmpint (ic_sync_controller_get_state (controller), ==, IC_FEED_SYNC_STATE_OFFLINE);
  g_assert_nonnull (ic_sync_controller_get_message (controller));
  g_assert_null (strstr (ic_sync_controller_get_message (controller), SECRET_TOKEN));
  assert_not_in_settings (settings, SECRET_TOKEN);
  drain (service);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config = g_dir_make_tmp ("ic-app-sync-XXXXXX", NULL);
  g_autofree char *tokens = NULL;
  g_autofree char *folder = NULL;
  int status;

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

#define CONFLICT_TEST(path, func) \
  g_test_add ("/app-sync/" path, ConflictFixture, NULL, conflict_set_up, func, conflict_tear_down)
  CONFLICT_TEST ("conflict/diff", test_diff);
  CONFLICT_TEST ("conflict/keep-mine", test_keep_mine);
  CONFLICT_TEST ("conflict/keep-theirs", test_keep_theirs);
  CONFLICT_TEST ("conflict/merge", test_merge);
  CONFLICT_TEST ("conflict/keep-mine-of-deleted", test_keep_mine_of_deleted);
  CONFLICT_TEST ("controller/counts-conflicts", test_controller_counts_conflicts);
  g_test_add ("/app-sync/controller/without-feed", Fixture, NULL, fixture_set_up,
              test_controller_without_feed, fixture_tear_down);
  g_test_add ("/app-sync/token/fallback", Fixture, NULL, fixture_set_up,
              test_token_fallback, fixture_tear_down);

  status = g_test_run ();

  tokens = ic_feed_token_get_file_path ();
  folder = g_path_get_dirname (tokens);
  g_unlink (tokens);
  g_rmdir (folder);
  g_rmdir (config);
  return status;
}

/* test-app-sync.c — the window's sync logic without a window: the
 * conflicts' labels, the sync controller, and where the token goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ic-conflict-merge.h"
#include "ic-feed-token.h"
#include "ic-record-form.h"
#include "ic-store-conflicts.h"
#include "ic-sync-controller.h"
#include "test-store-util.h"

#define SECRET_TOKEN "icf_Zq8Kp2TestTokenNeverShown"

/* The conflicts window names the fields as the editor does; a field no
 * form shows, in words. */
static void
test_form_labels (void)
{
  char *label;

  label = ic_form_get_label (IC_RECORD_KIND_CHALLENGE, "trl_max");
  g_assert_cmpstr (label, ==, "Highest TRL");
  g_clear_pointer (&label, g_free);
  label = ic_form_get_label (IC_RECORD_KIND_CHALLENGE, "title");
  g_assert_cmpstr (label, ==, "Title");
  g_clear_pointer (&label, g_free);
  label = ic_form_get_label (IC_RECORD_KIND_FORESIGHT, "url");
  g_assert_cmpstr (label, ==, "Link");
  g_clear_pointer (&label, g_free);
  label = ic_form_get_label (IC_RECORD_KIND_CHALLENGE, "some_new_field");
  g_assert_cmpstr (label, ==, "Some new field");
  g_clear_pointer (&label, g_free);
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
test_controller_counts_conflicts (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(IcStoreService) service = ic_store_service_new (f->path, IC_STORE_OPEN_DEFAULT);
  g_autoptr(IcSyncController) controller = ic_sync_controller_new (service, settings);
  g_autoptr(IcRecord) org = make_organisation ("Tamebridge Works Ltd");
  g_autoptr(IcRecord) theirs = NULL;
  g_autoptr(IcRecord) mine = NULL;
  g_autoptr(IcRecord) waiting = NULL;
  g_autoptr(IcConflict) conflict = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  insert_ok (f->store, org);
  theirs = make_challenge (ic_record_get_id (org), "Feed title");
  insert_ok (f->store, theirs);
  mine = ic_record_copy (theirs);
  g_object_set (mine, "title", "My title", NULL);
  g_assert_true (ic_store_add_conflict (f->store, IC_CONFLICT_EDIT, mine, 2, "Lost", &error));
  g_assert_no_error (error);

  g_settings_set_boolean (settings, "feed-sync-at-start", FALSE);
  ic_sync_controller_start (controller);
  wait_for_conflicts (controller, 1);

  /* Copies waiting for a record settle themselves: not the user's work. */
  conflicts = ic_store_list_conflicts (f->store, -1, 0, 0, &error);
  g_assert_no_error (error);
  conflict = g_steal_pointer (&conflicts->pdata[0]);
  waiting = ic_record_copy (theirs);
  ic_record_set_id (waiting, "0b7a2f0e-5a8b-4c5d-9e1f-123456789abc");
  g_assert_true (ic_store_add_conflict (f->store, IC_CONFLICT_WAITING, waiting, 3, "Waits", &error));
  g_assert_true (ic_conflict_resolve (f->store, conflict, NULL, "Resolver", &error));
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

  g_test_add_func ("/app-sync/form-labels", test_form_labels);
  g_test_add ("/app-sync/controller/counts-conflicts", Fixture, NULL, fixture_set_up,
              test_controller_counts_conflicts, fixture_tear_down);
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

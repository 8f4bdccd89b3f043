/* test-store-service.c — the window's reads and writes through the
 * store service, without a window: shortlists read with all they refer
 * to, one record fetched, an edit refused when its record changed
 * elsewhere, and no blocking call on the thread that asks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-shortlist-maker.h"
#include "ic-shortlists-read.h"
#include "ic-store-service.h"
#include "test-store-util.h"

/* Two shortlists of one challenge, the first with two entries. */
typedef struct
{
  Fixture         f;
  IcStoreService *service;
  IcRecord       *challenge;
  IcRecord *capabilities[2];
  IcRecord *shortlists[2];
} JobsFixture;

static void
jobs_set_up (JobsFixture   *jf,
             gconstpointer  data)
{
  g_autoptr(IcRecord) org = make_organisation ("Tamebridge Works Ltd");
  const char *ids[3] = { NULL, NULL, NULL };
  const char *none[1] = { NULL };

  fixture_set_up (&jf->f, data);
  insert_ok (jf->f.store, org);
  jf->challenge = make_challenge (ic_record_get_id (org), "Depot refuelling");
  insert_ok (jf->f.store, jf->challenge);
  jf->capabilities[0] = make_capability (ic_record_get_id (org), "Hydrogen welding");
  jf->capabilities[1] = make_capability (ic_record_get_id (org), "Fleet sensors");
  insert_ok (jf->f.store, jf->capabilities[0]);
  insert_ok (jf->f.store, jf->capabilities[1]);
  ids[0] = ic_record_get_id (jf->capabilities[1]);
  ids[1] = ic_record_get_id (jf->capabilities[0]);
  jf->shortlists[0] = make_shortlist (ic_record_get_id (jf->challenge), "Depot visit", ids);
  jf->shortlists[1] = make_shortlist (ic_record_get_id (jf->challenge), "Empty list", none);
  insert_ok (jf->f.store, jf->shortlists[0]);
  insert_ok (jf->f.store, jf->shortlists[1]);
  jf->service = ic_store_service_new (jf->f.path, IC_STORE_OPEN_DEFAULT);
}

static void
jobs_tear_down (JobsFixture   *jf,
                gconstpointer  data)
{
  g_clear_object (&jf->service);
  g_clear_object (&jf->challenge);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&jf->capabilities[i]);
      g_clear_object (&jf->shortlists[i]);
    }
  fixture_tear_down (&jf->f, data);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the main context until the job started with on_done ends. */
static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static IcShortlistsRead *
read_shortlists (IcStoreService  *service,
                 const char      *id,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ic_shortlists_read_async (service, id, 0, cancellable, on_done, &result);
  return ic_shortlists_read_finish (wait_result (&result), error);
}

static IcShortlistReport *
find_report (IcShortlistsRead *read,
             const char       *id)
{
  for (guint i = 0; i < read->reports->len; i++)
    {
      IcShortlistReport *report = g_ptr_array_index (read->reports, i);

      if (g_strcmp0 (ic_record_get_id (IC_RECORD (ic_shortlist_report_get_shortlist (report))), id) == 0)
        return report;
    }
  return NULL;
}

static void
test_read_all (JobsFixture   *jf,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcShortlistsRead) read = read_shortlists (jf->service, NULL, NULL, &error);
  IcShortlistReport *report;
  const IcShortlistReportEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpuint (read->reports->len, ==, 2);
  g_assert_cmpuint (read->problems->len, ==, 0);

  /* Each with what the view shows: the challenge and each entry's
   * capability, in the shortlist's own order. */
  report = find_report (read, ic_record_get_id (jf->shortlists[0]));
  g_assert_nonnull (report);
  g_assert_cmpstr (ic_record_get_title (IC_RECORD (ic_shortlist_report_get_challenge (report))), ==,
                   "Depot refuelling");
  g_assert_cmpuint (ic_shortlist_report_get_n_entries (report), ==, 2);
  entry = ic_shortlist_report_get_entry (report, 0);
  g_assert_cmpstr (ic_record_get_title (IC_RECORD (entry->capability)), ==, "Fleet sensors");
  entry = ic_shortlist_report_get_entry (report, 1);
  g_assert_cmpstr (ic_record_get_title (IC_RECORD (entry->capability)), ==, "Hydrogen welding");
  report = find_report (read, ic_record_get_id (jf->shortlists[1]));
  g_assert_nonnull (report);
  g_assert_cmpuint (ic_shortlist_report_get_n_entries (report), ==, 0);

  /* A deleted shortlist is not read. */
  g_assert_true (ic_store_delete (jf->f.store, ic_record_get_id (jf->shortlists[1]), NULL, &error));
  g_clear_pointer (&read, ic_shortlists_read_free);
  read = read_shortlists (jf->service, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->reports->len, ==, 1);
  g_assert_null (find_report (read, ic_record_get_id (jf->shortlists[1])));
}

static void
test_read_one (JobsFixture   *jf,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcShortlistsRead) read = read_shortlists (jf->service, ic_record_get_id (jf->shortlists[0]),
                                                      NULL, &error);
  g_autoptr(IcStoreService) missing = NULL;
  g_autofree char *ghost = g_uuid_string_random ();
  g_autofree char *missing_db = g_build_filename (jf->f.dir, "missing.db", NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (read->reports->len, ==, 1);
  g_assert_nonnull (find_report (read, ic_record_get_id (jf->shortlists[0])));

  /* One asked for by id and not there is the error itself. */
  g_clear_pointer (&read, ic_shortlists_read_free);
  read = read_shortlists (jf->service, ghost, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* So is a database that is not there: the service opened without
   * IC_STORE_OPEN_CREATE never creates one. */
  missing = ic_store_service_new (missing_db, IC_STORE_OPEN_DEFAULT);
  read = read_shortlists (missing, NULL, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing_db, G_FILE_TEST_EXISTS));
}

static void
test_read_cancelled (JobsFixture   *jf,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(IcShortlistsRead) read = NULL;

  /* A read made stale gives no result, even if its worker had one. */
  ic_shortlists_read_async (jf->service, NULL, 0, cancellable, on_done, &result);
  g_cancellable_cancel (cancellable);
  read = ic_shortlists_read_finish (wait_result (&result), &error);
  g_assert_null (read);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static IcRecord *
fetch (IcStoreService  *service,
       const char      *id,
       GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ic_store_service_get_async (service, id, NULL, on_done, &result);
  return ic_store_service_get_finish (service, wait_result (&result), error);
}

static IcRecord *
write_record (IcStoreService    *service,
              IcStoreWriteKind   kind,
              IcRecord          *record,
              GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ic_store_service_write_async (service, kind, record, "window", NULL, on_done, &result);
  return ic_store_service_write_finish (service, wait_result (&result), error);
}

static void
test_fetch (JobsFixture   *jf,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) got = fetch (jf->service, ic_record_get_id (jf->shortlists[0]), &error);
  g_autofree char *ghost = g_uuid_string_random ();

  g_assert_no_error (error);
  assert_same_record (jf->shortlists[0], got);
  g_clear_object (&got);
  got = fetch (jf->service, ghost, &error);
  g_assert_null (got);
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
}

/* The editor's and the shortlist view's save: made on the rev the
 * record was read at, refused once someone else wrote it, and written
 * over it only when asked. */
static void
test_write_if_unchanged (JobsFixture   *jf,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) mine = ic_record_copy (jf->shortlists[0]);
  g_autoptr(IcRecord) theirs = ic_record_copy (jf->shortlists[0]);
  g_autoptr(IcRecord) written = NULL;
  g_autoptr(IcRecord) got = NULL;

  ic_shortlist_set_name (IC_SHORTLIST (mine), "Depot visit, March");
  written = write_record (jf->service, IC_STORE_WRITE_UPDATE_IF_UNCHANGED, mine, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ic_record_get_rev (written), ==, 2);
  /* The job wrote a copy: the caller's record is as it was. */
  g_assert_cmpint (ic_record_get_rev (mine), ==, 1);
  ic_record_set_rev (mine, ic_record_get_rev (written));
  g_clear_object (&written);

  /* The command line writes the shortlist in between. */
  ic_shortlist_set_name (IC_SHORTLIST (theirs), "Depot visit (CLI)");
  g_assert_true (ic_store_update (jf->f.store, theirs, "cli", &error));

  ic_shortlist_set_name (IC_SHORTLIST (mine), "Depot visit, April");
  written = write_record (jf->service, IC_STORE_WRITE_UPDATE_IF_UNCHANGED, mine, &error);
  g_assert_null (written);
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "Depot visit, April"));
  g_clear_error (&error);
  got = fetch (jf->service, ic_record_get_id (mine), &error);
  g_assert_cmpstr (ic_shortlist_get_name (IC_SHORTLIST (got)), ==, "Depot visit (CLI)");
  g_clear_object (&got);

  /* Kept on purpose: a plain update writes over it. */
  written = write_record (jf->service, IC_STORE_WRITE_UPDATE, mine, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ic_record_get_rev (written), ==, 4);
  got = fetch (jf->service, ic_record_get_id (mine), &error);
  g_assert_cmpstr (ic_shortlist_get_name (IC_SHORTLIST (got)), ==, "Depot visit, April");
}

static void
test_write_insert (JobsFixture   *jf,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) item = make_foresight ("Hydrogen buses");
  g_autoptr(IcRecord) written = write_record (jf->service, IC_STORE_WRITE_INSERT, item, &error);
  g_autoptr(IcRecord) got = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (ic_record_get_id (written));
  g_assert_cmpint (ic_record_get_rev (written), ==, 1);
  g_assert_cmpstr (ic_record_get_author (written), ==, "window");
  got = ic_store_get (jf->f.store, ic_record_get_id (written), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ic_record_get_title (got), ==, "Hydrogen buses");
}

/* The window's "Add to Shortlist": one shortlist per challenge, each
 * capability on it once, entries as the command line makes them. */
static int
add_entries (JobsFixture *jf,
             GPtrArray   *entries,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ic_shortlist_add_entries_async (jf->service, IC_CHALLENGE (jf->challenge), entries, "window",
                                  NULL, on_done, &result);
  return ic_shortlist_add_entries_finish (wait_result (&result), error);
}

static IcShortlistEntry *
entry_for (IcRecord *capability)
{
  IcShortlistEntry *entry = ic_shortlist_entry_new ();

  ic_shortlist_entry_set_capability_id (entry, ic_record_get_id (capability));
  ic_shortlist_entry_set_score (entry, 0.5);
  return entry;
}

static void
test_add_entries (JobsFixture   *jf,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcRecord) got = NULL;

  /* The challenge's first shortlist holds both capabilities already. */
  g_ptr_array_add (entries, entry_for (jf->capabilities[0]));
  g_assert_cmpint (add_entries (jf, entries, &error), ==, 0);
  g_assert_no_error (error);
  got = ic_store_get (jf->f.store, ic_record_get_id (jf->shortlists[0]), &error);
  g_assert_cmpint (ic_record_get_rev (got), ==, 1);
  g_clear_object (&got);

  /* Without a shortlist, the first add makes one named after it. */
  g_assert_true (ic_store_delete (jf->f.store, ic_record_get_id (jf->shortlists[0]), NULL, &error));
  g_assert_true (ic_store_delete (jf->f.store, ic_record_get_id (jf->shortlists[1]), NULL, &error));
  g_ptr_array_add (entries, entry_for (jf->capabilities[1]));
  g_ptr_array_add (entries, entry_for (jf->capabilities[0]));
  g_assert_cmpint (add_entries (jf, entries, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (add_entries (jf, entries, &error), ==, 0);
  g_assert_no_error (error);
}

/* With the main thread forbidden, the service still reads and writes:
 * no call it runs reaches the database on the thread that asked. */
static void
test_main_thread_free (JobsFixture   *jf,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) got = NULL;
  g_autoptr(IcRecord) written = NULL;
  g_autoptr(IcShortlistsRead) read = NULL;
  g_autoptr(IcRecord) item = make_foresight ("Hydrogen buses");

  ic_store_forbid_thread (g_thread_self ());
  got = fetch (jf->service, ic_record_get_id (jf->challenge), &error);
  g_assert_no_error (error);
  written = write_record (jf->service, IC_STORE_WRITE_INSERT, item, &error);
  g_assert_no_error (error);
  read = read_shortlists (jf->service, NULL, NULL, &error);
  g_assert_no_error (error);
  ic_store_forbid_thread (NULL);
}

/* The check itself: a blocking call on the forbidden thread is a
 * critical warning, which the GUI tests make fatal. */
static void
test_forbidden_thread (JobsFixture   *jf,
                       gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(IcRecord) got = NULL;

      ic_store_forbid_thread (g_thread_self ());
      got = ic_store_get (jf->f.store, ic_record_get_id (jf->challenge), NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Blocking database call on a thread that must not wait for it*");
}

#define JOBS_ADD(path, func) \
  g_test_add ("/store-service/" path, JobsFixture, NULL, jobs_set_up, func, jobs_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  JOBS_ADD ("shortlists/read-all", test_read_all);
  JOBS_ADD ("shortlists/read-one", test_read_one);
  JOBS_ADD ("shortlists/read-cancelled", test_read_cancelled);
  JOBS_ADD ("record/fetch", test_fetch);
  JOBS_ADD ("record/write-if-unchanged", test_write_if_unchanged);
  JOBS_ADD ("record/write-insert", test_write_insert);
  JOBS_ADD ("shortlist/add-entries", test_add_entries);
  JOBS_ADD ("main-thread-free", test_main_thread_free);
  JOBS_ADD ("forbidden-thread", test_forbidden_thread);

  return g_test_run ();
}

/* test-record-list-model.c — the list behind the record pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model's contract with a view: items are rows that keep their
 * identity across reloads, so GTK keeps their widgets; a reload or a
 * page read changes a row's "record" in place; items-changed speaks only
 * of the list growing or shrinking at its end; pages are read lazily.
 */

#include "config.h"

#include "ic-record-list-model.h"
#include "ic-record-row.h"
#include "test-store-util.h"

#define N_CAPABILITIES 450  /* three pages */
#define N_GEARS        150  /* every third one */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
on_notify_record (IcRecordRow *row,
                  GParamSpec  *pspec,
                  guint       *n_notifies)
{
  (*n_notifies)++;
}

static void
on_reloaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_record_list_model_reload_finish (IC_RECORD_LIST_MODEL (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
reload (IcRecordListModel *model)
{
  gboolean done = FALSE;

  ic_record_list_model_reload_async (model, NULL, on_reloaded, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
fill_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcRecord) org = make_organisation ("Gear Works");

  ic_record_ensure_id (org);
  g_ptr_array_add (records, g_object_ref (org));
  for (guint i = 0; i < N_CAPABILITIES; i++)
    {
      g_autofree char *title = g_strdup_printf (i % 3 == 0 ? "Gear cutting %03u" : "Milling %03u", i);

      g_ptr_array_add (records, make_capability (ic_record_get_id (org), title));
    }
  g_assert_true (ic_store_insert_all (f->store, records, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_changes (GArray *changes,
                guint   position,
                guint   removed,
                guint   added)
{
  Change *change;

  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (changes, 0);
}

/* Runs the main loop until the list has let go of its blank tail, which
 * it must do in several steps, each a removal at the end. */
static void
assert_drains (IcRecordListModel *model,
               GArray            *changes,
               guint              from,
               guint              to)
{
  guint n = from;

  while (g_list_model_get_n_items (G_LIST_MODEL (model)) > to)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changes->len, >, 1);
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = &g_array_index (changes, Change, i);

      g_assert_cmpuint (change->added, ==, 0);
      g_assert_cmpuint (change->removed, >, 0);
      g_assert_cmpuint (change->position + change->removed, ==, n);
      n = change->position;
    }
  g_assert_cmpuint (n, ==, to);
  g_array_set_size (changes, 0);
}

static void
test_reload_in_place (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(IcStoreService) service = ic_store_service_new (f->path, IC_STORE_OPEN_DEFAULT);
  g_autoptr(IcRecordListModel) model = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcRecordRow) late = NULL;
  g_autoptr(IcRecordRow) far = NULL;
  guint n_notifies = 0;

  fill_store (f);
  model = ic_record_list_model_new (service, IC_RECORD_KIND_CAPABILITY);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == IC_TYPE_RECORD_ROW);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), changes);
  /* Millings first, then the gears, so that a search for gears changes
   * what every row holds. */
  ic_store_query_set_sort (ic_record_list_model_get_query (model), "title", TRUE);

  reload (model);
  assert_changes (changes, 0, 0, N_CAPABILITIES);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CAPABILITIES);
  /* The reload read the first page with the count, and nothing more. */
  g_assert_cmpuint (ic_record_list_model_get_n_page_reads (model), ==, 1);

  /* The rows a view holds: the first ten, and one of the third page. */
  for (guint i = 0; i < 10; i++)
    {
      IcRecordRow *row = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_nonnull (ic_record_row_get_record (row));
      g_assert_cmpuint (ic_record_row_get_position (row), ==, i);
      g_signal_connect (row, "notify::record", G_CALLBACK (on_notify_record), &n_notifies);
      g_ptr_array_add (rows, row);
    }
  /* The same object for the same position while it is held. */
  {
    g_autoptr(IcRecordRow) again = g_list_model_get_item (G_LIST_MODEL (model), 3);

    g_assert_true (again == g_ptr_array_index (rows, 3));
  }
  far = g_list_model_get_item (G_LIST_MODEL (model), 420);
  /* Not read yet: blank, until its page comes from the worker. */
  g_assert_null (ic_record_row_get_record (far));
  g_signal_connect (far, "notify::record", G_CALLBACK (on_notify_record), &n_notifies);
  while (ic_record_row_get_record (far) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_notifies, ==, 1);
  g_assert_cmpuint (ic_record_list_model_get_n_page_reads (model), ==, 2);
  /* A page arriving changes no item of the list, only its rows. */
  g_assert_cmpuint (changes->len, ==, 0);
  late = g_list_model_get_item (G_LIST_MODEL (model), 200);
  g_assert_null (ic_record_row_get_record (late));

  /* A search: the held rows take the records that match, in place, and
   * the list says only that it lost its tail: at once up to the last
   * row held, which stays blank, then the rest a few rows at a time. */
  n_notifies = 0;
  ic_store_query_set_search (ic_record_list_model_get_query (model), "gear");
  reload (model);
  assert_changes (changes, 421, N_CAPABILITIES - 421, 0);
  g_assert_cmpuint (ic_record_list_model_get_n_results (model), ==, N_GEARS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 421);
  g_assert_null (ic_record_row_get_record (far));
  g_assert_null (ic_record_row_get_record (late));
  assert_drains (model, changes, 421, N_GEARS);
  for (guint i = 0; i < rows->len; i++)
    {
      IcRecordRow *row = g_ptr_array_index (rows, i);
      g_autoptr(IcRecordRow) again = g_list_model_get_item (G_LIST_MODEL (model), i);
      IcRecord *record = ic_record_row_get_record (row);

      g_assert_true (again == row);
      g_assert_nonnull (record);
      g_assert_true (g_str_has_prefix (ic_record_get_title (record), "Gear cutting"));
    }
  /* And row 420 went blank. */
  g_assert_cmpuint (n_notifies, ==, rows->len + 1);
  /* Past the end now: the model has let go of it. */
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 420));

  /* Back to everything: the list grows at its end, and a view asks for
   * the rows past the old end anew. */
  ic_store_query_set_search (ic_record_list_model_get_query (model), NULL);
  reload (model);
  assert_changes (changes, N_GEARS, 0, N_CAPABILITIES - N_GEARS);
  g_clear_object (&late);
  late = g_list_model_get_item (G_LIST_MODEL (model), 200);
  g_assert_false (late == far);
  g_assert_cmpstr (ic_record_get_title (ic_record_row_get_record (g_ptr_array_index (rows, 1))),
                   ==, "Milling 448");
  /* Row 200 is on the second page, not read since this reload: blank,
   * then its record. */
  g_assert_null (ic_record_row_get_record (late));
  while (ic_record_row_get_record (late) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (ic_record_get_title (ic_record_row_get_record (late)), ==, "Milling 149");
}

/* Same length: a sort changes no item, only what the rows hold. */
static void
test_sort_changes_no_item (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(IcStoreService) service = ic_store_service_new (f->path, IC_STORE_OPEN_DEFAULT);
  g_autoptr(IcRecordListModel) model = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(IcRecordRow) first = NULL;
  guint n_notifies = 0;

  fill_store (f);
  model = ic_record_list_model_new (service, IC_RECORD_KIND_CAPABILITY);
  ic_store_query_set_sort (ic_record_list_model_get_query (model), "title", FALSE);
  reload (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), changes);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (ic_record_get_title (ic_record_row_get_record (first)), ==, "Gear cutting 000");
  g_signal_connect (first, "notify::record", G_CALLBACK (on_notify_record), &n_notifies);

  ic_store_query_set_sort (ic_record_list_model_get_query (model), "title", TRUE);
  reload (model);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (n_notifies, ==, 1);
  g_assert_cmpstr (ic_record_get_title (ic_record_row_get_record (first)), ==, "Milling 449");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/record-list-model/reload-in-place", Fixture, NULL, fixture_set_up,
              test_reload_in_place, fixture_tear_down);
  g_test_add ("/record-list-model/sort-changes-no-item", Fixture, NULL, fixture_set_up,
              test_sort_changes_no_item, fixture_tear_down);
  return g_test_run ();
}

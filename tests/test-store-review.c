/* test-store-review.c — what needs attention, on a fixture whose
 * answers are worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-store-review.h"
#include "test-store-util.h"

#define NOW "2026-06-01T00:00:00Z"

static void
exec (IcStore    *store,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (ic_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
set_updated_at (IcStore    *store,
                const char *table,
                IcRecord   *record,
                const char *at)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET updated_at = '%s' WHERE id = '%s'",
                                          table, at, ic_record_get_id (record));

  exec (store, sql);
}

static char *
describe (IcReview       *review,
          IcReviewReason  reason)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < review->items[reason]->len; i++)
    {
      IcReviewItem *item = review->items[reason]->pdata[i];

      g_string_append_printf (text, "%s%s@%s", i > 0 ? " " : "", item->title, item->since);
      if (item->stage != NULL)
        g_string_append_printf (text, "/%s", item->stage);
    }
  return g_string_free (text, FALSE);
}

static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) a = make_organisation ("Alder Ltd");
  g_autoptr(IcRecord) b = make_organisation ("Birch Ltd");
  g_autoptr(IcRecord) c1 = NULL, c2 = NULL, k1 = NULL, k2 = NULL, k3 = NULL, k4 = NULL, list = NULL;
  g_autoptr(IcReview) review = NULL, limited = NULL, later = NULL;
  g_autofree char *text = NULL;
  const char *ids[3];
  IcReviewOptions options = { 365, 30, NOW, 0 };

  insert_ok (f->store, a);
  insert_ok (f->store, b);
  c1 = make_challenge (ic_record_get_id (a), "C1 open, deadline passed");
  c2 = make_challenge (ic_record_get_id (a), "C2 closed, old");
  k1 = make_capability (ic_record_get_id (b), "K1 proposed for long");
  k2 = make_capability (ic_record_get_id (b), "K2 old, never shortlisted");
  k3 = make_capability (ic_record_get_id (b), "K3 deleted");
  k4 = make_capability (ic_record_get_id (b), "K4 collaborating");
  g_object_set (c1, "status", IC_CHALLENGE_STATUS_OPEN, "deadline", "2026-01-10", NULL);
  g_object_set (c2, "status", IC_CHALLENGE_STATUS_CLOSED, "deadline", "2025-01-01", NULL);
  insert_ok (f->store, c1);
  insert_ok (f->store, c2);
  insert_ok (f->store, k1);
  insert_ok (f->store, k2);
  insert_ok (f->store, k3);
  insert_ok (f->store, k4);
  g_assert_true (ic_store_delete (f->store, ic_record_get_id (k3), NULL, &error));
  ids[0] = ic_record_get_id (k1);
  ids[1] = ic_record_get_id (k4);
  ids[2] = NULL;
  list = make_shortlist (ic_record_get_id (c1), "Shortlist S", ids);
  insert_ok (f->store, list);

  set_updated_at (f->store, "organisation", a, "2024-01-01T00:00:00.000000Z");
  set_updated_at (f->store, "organisation", b, "2026-05-20T00:00:00.000000Z");
  set_updated_at (f->store, "challenge", c1, "2025-12-01T00:00:00.000000Z");
  set_updated_at (f->store, "challenge", c2, "2024-05-01T00:00:00.000000Z");
  set_updated_at (f->store, "capability", k1, "2026-05-01T00:00:00.000000Z");
  set_updated_at (f->store, "capability", k2, "2025-01-01T00:00:00.000000Z");
  set_updated_at (f->store, "capability", k3, "2020-01-01T00:00:00.000000Z");
  set_updated_at (f->store, "capability", k4, "2026-05-01T00:00:00.000000Z");
  exec (f->store, "UPDATE shortlist_stage SET at = '2026-04-01T00:00:00Z'");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE shortlist_stage SET stage = 'collaborating' "
                                            "WHERE capability_id = '%s'", ic_record_get_id (k4));
    exec (f->store, sql);
  }

  review = ic_store_review (f->store, &options, &error);
  g_assert_no_error (error);

  /* Stale (before 2025-06-01): A, C2, K2; not the tombstone K3. */
  text = describe (review, IC_REVIEW_STALE);
  g_assert_cmpstr (text, ==, "Alder Ltd@2024-01-01T00:00:00.000000Z "
                             "C2 closed, old@2024-05-01T00:00:00.000000Z "
                             "K2 old, never shortlisted@2025-01-01T00:00:00.000000Z");
  g_assert_cmpint (review->counts[IC_REVIEW_STALE], ==, 3);
  g_clear_pointer (&text, g_free);

  /* Past its deadline and open: C1 only (C2 is closed). */
  text = describe (review, IC_REVIEW_PAST_DEADLINE);
  g_assert_cmpstr (text, ==, "C1 open, deadline passed@2026-01-10");
  g_clear_pointer (&text, g_free);

  /* Stuck since before 2026-05-02: K1 at proposed; K4 collaborates. */
  text = describe (review, IC_REVIEW_STUCK);
  g_assert_cmpstr (text, ==, "Shortlist S@2026-04-01T00:00:00Z/proposed");
  g_assert_cmpstr (((IcReviewItem *) review->items[IC_REVIEW_STUCK]->pdata[0])->capability_id, ==,
                   ic_record_get_id (k1));
  g_assert_cmpint (((IcReviewItem *) review->items[IC_REVIEW_STUCK]->pdata[0])->kind, ==,
                   IC_RECORD_KIND_SHORTLIST);
  /* Named by its capability too, as several entries share a shortlist. */
  g_assert_cmpstr (((IcReviewItem *) review->items[IC_REVIEW_STUCK]->pdata[0])->capability_title, ==,
                   "K1 proposed for long");
  g_clear_pointer (&text, g_free);

  /* Never on a shortlist: K2 (K3 is deleted). */
  text = describe (review, IC_REVIEW_NEVER_MATCHED);
  g_assert_cmpstr (text, ==, "K2 old, never shortlisted@2025-01-01T00:00:00.000000Z");
  g_clear_pointer (&text, g_free);

  /* A limit lists the oldest, and still counts them all. */
  options.limit = 1;
  limited = ic_store_review (f->store, &options, &error);
  g_assert_cmpuint (limited->items[IC_REVIEW_STALE]->len, ==, 1);
  g_assert_cmpint (limited->counts[IC_REVIEW_STALE], ==, 3);

  /* Renewing a record takes it off the list, with a history entry. */
  g_assert_true (ic_store_renew (f->store, ic_record_get_id (a), "ann", &error));
  g_assert_no_error (error);
  options.limit = 0;
  options.now = NULL;
  options.stuck_days = 10000;
  later = ic_store_review (f->store, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < later->items[IC_REVIEW_STALE]->len; i++)
    g_assert_cmpstr (((IcReviewItem *) later->items[IC_REVIEW_STALE]->pdata[i])->id, !=,
                     ic_record_get_id (a));
  g_assert_cmpint (later->counts[IC_REVIEW_STUCK], ==, 0);
}

void
test_store_add_review_tests (void)
{
  TEST_ADD ("review/hand-computed", test_review);
}

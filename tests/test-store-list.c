/* test-store-list.c — search, lists, sorting, filters, walks and tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ic-store-rows.h"
#include "test-store-util.h"

/* Search, lists and walks */

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  const char *hostile[] = {
    "\"", "AND", "NEAR(", "*", "col:foo", "title:hydrogen", "\"unbalanced", "a\"b\"c\"",
    "OR OR", "NOT", "-", "^", ")", "(", "{title}: x", "'; DROP TABLE challenge; --",
    "\\", "hydro*gen", "🙂", "", "   ", "\t\n", "hydrogen AND", "x NEAR/2 y", "+", "%", "_",
  };
  g_autoptr(IcRecord) org = make_organisation ("Wing Works");
  g_autoptr(IcRecord) challenge = NULL;
  g_autoptr(IcRecord) other = NULL;
  g_autoptr(IcRecord) foresight = make_foresight ("Roasting at the café");
  g_autoptr(IcRecord) shortlist = NULL;
  const char *none[] = { NULL };

  insert_ok (f->store, org);
  challenge = make_challenge (ic_record_get_id (org), "Hydrogen refuelling");
  other = make_challenge (ic_record_get_id (org), "Battery swap");
  ic_challenge_set_description (IC_CHALLENGE (other), "Swap packs at the kerb.");
  ic_challenge_set_tags (IC_CHALLENGE (other), none);
  insert_ok (f->store, challenge);
  insert_ok (f->store, other);
  insert_ok (f->store, foresight);
  shortlist = make_shortlist (ic_record_get_id (challenge), "Depot 50% visit", none);
  insert_ok (f->store, shortlist);

  /* A word of the title, of the description, a tag, a prefix. */
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, "hydrogen"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, "depot overnight"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, "fuel cells"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, "hydro"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, "HYDRO  refuel"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, "hydrogen battery"), ==, 0);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, "kerb"), ==, 1);
  /* Accents do not matter. */
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, "cafe"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_FORESIGHT, "CAFÉS"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_ORGANISATION, "collaborate"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_SHORTLIST, "depot"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_SHORTLIST, "50"), ==, 1);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_SHORTLIST, "%"), ==, 1);
  /* No words match everything. */
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, " ** "), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    for (IcRecordKind kind = 0; kind < IC_N_RECORD_KINDS; kind++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(IcStoreQuery) query = ic_store_query_new ();
        g_autoptr(GPtrArray) listed = NULL;

        ic_store_query_set_search (query, hostile[i]);
        listed = ic_store_list (f->store, kind, query, 0, 10, &error);
        g_assert_no_error (error);
        g_assert_nonnull (listed);
        g_assert_cmpint (ic_store_count (f->store, kind, query, &error), >=, 0);
        g_assert_no_error (error);
      }
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CHALLENGE, NULL), ==, 2);

  /* Relevance first: "hydrogen" in the title and the tags beats a
   * mention in the description alone. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(IcStoreQuery) query = ic_store_query_new ();
    g_autoptr(GPtrArray) listed = NULL;

    ic_challenge_set_description (IC_CHALLENGE (other), "Not hydrogen: batteries.");
    g_assert_true (ic_store_update (f->store, other, NULL, &error));
    ic_store_query_set_search (query, "hydrogen");
    listed = ic_store_list (f->store, IC_RECORD_KIND_CHALLENGE, query, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (listed->len, ==, 2);
    g_assert_cmpstr (ic_record_get_id (g_ptr_array_index (listed, 0)), ==,
                     ic_record_get_id (challenge));
  }
  assert_fts_intact (f->store);
}

/* Every match of @search, best first, in pages of @page_size (0: one
 * list of all). */
static GPtrArray *
search_all (IcStore      *store,
            IcStoreQuery *query,
            guint         page_size)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint offset = 0;; offset += page_size)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = ic_store_list (store, IC_RECORD_KIND_CAPABILITY, query,
                                                 offset, page_size, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (page, i)));
      if (page_size == 0 || page->len < page_size)
        break;
    }
  return g_steal_pointer (&all);
}

static void
assert_same_ids (GPtrArray *a,
                 GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (ic_record_get_id (g_ptr_array_index (a, i)), ==,
                     ic_record_get_id (g_ptr_array_index (b, i)));
}

/* A search with a page size ranks in the full-text index and reads only
 * the page's records; with a filter, or without a page size, it ranks
 * the joined rows.  Both must give the same order, tombstones or not. */
static void
test_search_ranked (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcStoreQuery) query = ic_store_query_new ();
  g_autoptr(IcRecord) org = make_organisation ("Gear Works");
  g_autoptr(GPtrArray) whole = NULL;
  guint page_sizes[] = { 1, 3, 7, 50, 500 };
  const char *gear_tags[] = { "gears", NULL };
  const char *no_tags[] = { NULL };
  const guint n = 150;

  ic_record_ensure_id (org);
  g_ptr_array_add (records, g_object_ref (org));
  /* "gear" in the title, the tags, the description, some of them, once
   * or more: many equal scores, whose order is the order of writing. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf (i % 3 == 0 ? "Gear cutting %u" : "Milling %u", i);
      g_autofree char *description = g_strdup_printf ("%s%s", i % 2 ? "Gear trains. " : "",
                                                      i % 5 == 0 ? "Gear gear gear." : "Shafts.");
      IcRecord *cap = make_capability (ic_record_get_id (org), title);

      ic_capability_set_description (IC_CAPABILITY (cap), description);
      ic_capability_set_tags (IC_CAPABILITY (cap), i % 4 == 0 ? gear_tags : no_tags);
      ic_capability_set_cluster (IC_CAPABILITY (cap), i % 2 ? "rail" : "creative");
      g_ptr_array_add (records, cap);
    }
  g_assert_true (ic_store_insert_all (f->store, records, NULL, &error));
  g_assert_no_error (error);

  ic_store_query_set_search (query, "gear");
  whole = search_all (f->store, query, 0);
  g_assert_cmpint (whole->len, ==, count_records (f->store, IC_RECORD_KIND_CAPABILITY, "gear"));
  g_assert_cmpuint (whole->len, >, 100);
  /* The title weighs most. */
  g_assert_true (g_str_has_prefix (ic_record_get_title (g_ptr_array_index (whole, 0)), "Gear"));
  g_assert_false (g_str_has_prefix (ic_record_get_title (g_ptr_array_index (whole, whole->len - 1)),
                                    "Gear"));
  for (guint i = 0; i < G_N_ELEMENTS (page_sizes); i++)
    {
      g_autoptr(GPtrArray) paged = search_all (f->store, query, page_sizes[i]);
      assert_same_ids (whole, paged);
    }

  /* Tombstones among the best matches, more than a page asks for in
   * reserve: the ranked search asks again for more. */
  for (guint i = 0; i < 40; i++)
    g_assert_true (ic_store_delete (f->store, ic_record_get_id (g_ptr_array_index (whole, i)),
                                    NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) live = search_all (f->store, query, 0);

    g_assert_cmpuint (live->len, ==, whole->len - 40);
    g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, query, &error), ==,
                     live->len);
    g_assert_cmpstr (ic_record_get_id (g_ptr_array_index (live, 0)), ==,
                     ic_record_get_id (g_ptr_array_index (whole, 40)));
    for (guint i = 0; i < G_N_ELEMENTS (page_sizes); i++)
      {
        g_autoptr(GPtrArray) paged = search_all (f->store, query, page_sizes[i]);
        assert_same_ids (live, paged);
      }
  }

  ic_store_query_set_include_deleted (query, TRUE);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, query, &error), ==,
                   whole->len);
  for (guint i = 0; i < G_N_ELEMENTS (page_sizes); i++)
    {
      g_autoptr(GPtrArray) paged = search_all (f->store, query, page_sizes[i]);
      assert_same_ids (whole, paged);
    }
  ic_store_query_set_include_deleted (query, FALSE);

  /* A filter: the same order, fewer records. */
  ic_store_query_set_cluster (query, "rail");
  {
    g_autoptr(GPtrArray) rail = search_all (f->store, query, 0);
    g_autoptr(GPtrArray) paged = search_all (f->store, query, 4);
    guint j = 0;

    assert_same_ids (rail, paged);
    g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, query, &error), ==,
                     rail->len);
    for (guint i = 40; i < whole->len; i++)
      {
        IcRecord *record = g_ptr_array_index (whole, i);

        if (g_strcmp0 (ic_capability_get_cluster (IC_CAPABILITY (record)), "rail") != 0)
          continue;
        g_assert_cmpuint (j, <, rail->len);
        g_assert_cmpstr (ic_record_get_id (g_ptr_array_index (rail, j)), ==, ic_record_get_id (record));
        j++;
      }
    g_assert_cmpuint (j, ==, rail->len);
  }
  assert_fts_intact (f->store);
}

static double
rank_of (IcStore    *store,
         const char *match,
         const char *title)
{
  sqlite3_stmt *stmt = NULL;
  double score;

  g_assert_cmpint (sqlite3_prepare_v2 (ic_store_get_db (store),
                                       "SELECT ic_rank (foresight_fts, 10.0, 1.0, 5.0) "
                                       "FROM foresight_fts JOIN foresight AS t "
                                       "ON t.rowid = foresight_fts.rowid "
                                       "WHERE foresight_fts MATCH ?1 AND t.title = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  score = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return score;
}

/* ic_rank(): BM25 with column weights and no length normalisation. */
static void
test_rank (Fixture       *f,
           gconstpointer  data)
{
  const char *kelp_tags[] = { "kelp", NULL };
  const char *no_tags[] = { NULL };
  struct
  {
    const char  *title;
    const char  *summary;
    const char **tags;
  } items[] = {
    { "Kelp farming", "Seaweed at scale.", no_tags },
    { "Ocean farming", "Kelp, kelp and more kelp.", no_tags },
    { "Tidal power", "Turbines.", kelp_tags },
    { "Kelp kelp", "Kelp.", kelp_tags },
    { "Wave power", "Buoys and kelp.", no_tags },
  };
  double f_title = 10.0, f_summary = 3.0, f_tags = 5.0, f_all = 26.0, f_one = 1.0;
  double n = G_N_ELEMENTS (items), n_power = 2, n_kelp = 5;
  double idf_power = MAX (log ((n - n_power + 0.5) / (n_power + 0.5)), 1e-6);
  double idf_kelp = MAX (log ((n - n_kelp + 0.5) / (n_kelp + 0.5)), 1e-6);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(IcRecord) item = make_foresight (items[i].title);

      ic_foresight_item_set_summary (IC_FORESIGHT_ITEM (item), items[i].summary);
      ic_foresight_item_set_tags (IC_FORESIGHT_ITEM (item), items[i].tags);
      insert_ok (f->store, item);
    }

  /* One phrase: f · (k1 + 1) / (f + k1), f the weighted hits. */
#define SATURATE(F) ((F) * 2.2 / ((F) + 1.2))
  g_assert_cmpfloat_with_epsilon (rank_of (f->store, "kelp", "Kelp farming"), SATURATE (f_title), 1e-9);
  g_assert_cmpfloat_with_epsilon (rank_of (f->store, "kelp", "Ocean farming"), SATURATE (f_summary), 1e-9);
  g_assert_cmpfloat_with_epsilon (rank_of (f->store, "kelp", "Tidal power"), SATURATE (f_tags), 1e-9);
  g_assert_cmpfloat_with_epsilon (rank_of (f->store, "kelp", "Kelp kelp"), SATURATE (f_all), 1e-9);
  g_assert_cmpfloat_with_epsilon (rank_of (f->store, "kelp", "Wave power"), SATURATE (f_one), 1e-9);
  /* Two: each weighed by its rarity. */
  g_assert_cmpfloat_with_epsilon (rank_of (f->store, "kelp AND power", "Wave power"),
                                  idf_kelp * SATURATE (f_one) + idf_power * SATURATE (f_title),
                                  1e-9);
#undef SATURATE
}

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(IcRecord) org = make_organisation ("Many Ltd");
  g_autofree char *previous = NULL;
  const guint n = 250;

  ic_record_ensure_id (org);
  g_ptr_array_add (records, g_object_ref (org));
  /* Inserted out of order: 0, 7, 14, … modulo n. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Capability %03u", (i * 7) % n);
      g_ptr_array_add (records, make_capability (ic_record_get_id (org), title));
    }
  g_assert_true (ic_store_insert_all (f->store, records, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CAPABILITY, NULL), ==, n);

  for (guint offset = 0;; offset += 40)
    {
      g_autoptr(GPtrArray) page = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, NULL,
                                                 offset, 40, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < page->len; i++)
        {
          IcRecord *record = g_ptr_array_index (page, i);
          const char *title = ic_record_get_title (record);

          g_assert_false (g_hash_table_contains (seen, ic_record_get_id (record)));
          g_hash_table_add (seen, g_strdup (ic_record_get_id (record)));
          if (previous != NULL)
            g_assert_cmpstr (previous, <, title);
          g_free (previous);
          previous = g_strdup (title);
        }
      if (page->len < 40)
        break;
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, n);
  g_assert_cmpstr (previous, ==, "Capability 249");
}

static void
test_sort_and_filter (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStoreQuery) query = ic_store_query_new ();
  g_autoptr(IcRecord) org = make_organisation ("Sorting Ltd");
  g_autoptr(IcRecord) org2 = make_organisation ("Filtering Ltd");
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(IcRecord) shortlist = NULL;
  const char *none[] = { NULL };

  insert_ok (f->store, org);
  insert_ok (f->store, org2);
  for (int i = 1; i <= 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Cap %d", i);
      g_autoptr(IcRecord) cap = make_capability (ic_record_get_id (i % 2 ? org : org2), title);
      g_autoptr(IcRecord) challenge = make_challenge (ic_record_get_id (org), title);

      ic_capability_set_trl (IC_CAPABILITY (cap), (i * 5) % 9 + 1);
      ic_capability_set_cluster (IC_CAPABILITY (cap), i <= 2 ? "rail" : "creative");
      ic_capability_set_local_authority (IC_CAPABILITY (cap), i == 3 ? "worcester" : "dudley");
      insert_ok (f->store, cap);
      ic_challenge_set_status (IC_CHALLENGE (challenge), i % 4);
      insert_ok (f->store, challenge);
      if (shortlist == NULL)
        shortlist = make_shortlist (ic_record_get_id (challenge), "Only list", none);
    }
  insert_ok (f->store, shortlist);

  ic_store_query_set_sort (query, "trl", TRUE);
  g_assert_cmpstr (ic_store_query_get_sort_field (query), ==, "trl");
  g_assert_true (ic_store_query_get_sort_descending (query));
  listed = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, query, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 6);
  for (guint i = 1; i < listed->len; i++)
    g_assert_cmpint (ic_capability_get_trl (g_ptr_array_index (listed, i - 1)), >=,
                     ic_capability_get_trl (g_ptr_array_index (listed, i)));
  g_clear_pointer (&listed, g_ptr_array_unref);

  ic_store_query_set_sort (query, NULL, TRUE);
  listed = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, query, 0, 1, &error);
  g_assert_cmpstr (ic_record_get_title (g_ptr_array_index (listed, 0)), ==, "Cap 6");
  g_clear_pointer (&listed, g_ptr_array_unref);

  ic_store_query_set_sort (query, "updated_at", FALSE);
  listed = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, query, 0, 0, &error);
  g_assert_no_error (error);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* A sort field is checked, never pasted into the SQL. */
  ic_store_query_set_sort (query, "title; DROP TABLE capability; --", FALSE);
  listed = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, query, 0, 0, &error);
  g_assert_null (listed);
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ic_store_query_set_sort (query, "title", FALSE);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, query, &error), ==, 6);

  ic_store_query_set_cluster (query, "rail");
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, query, &error), ==, 2);
  ic_store_query_set_cluster (query, NULL);
  ic_store_query_set_local_authority (query, "worcester");
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, query, &error), ==, 1);
  ic_store_query_set_local_authority (query, NULL);
  ic_store_query_set_owner_id (query, ic_record_get_id (org2));
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, query, &error), ==, 3);
  ic_store_query_set_owner_id (query, NULL);
  g_assert_no_error (error);

  g_assert_cmpint (ic_store_query_get_status (query), ==, -1);
  ic_store_query_set_status (query, IC_CHALLENGE_STATUS_MATCHED);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CHALLENGE, query, &error), ==, 2);
  ic_store_query_set_status (query, -1);
  ic_store_query_set_owner_id (query, ic_shortlist_get_challenge_id (IC_SHORTLIST (shortlist)));
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_SHORTLIST, query, &error), ==, 1);
  g_assert_no_error (error);

  /* Only the records with the ids given (the ones an import wrote),
   * with the other filters and a search; an empty list selects none. */
  {
    g_autoptr(GPtrArray) caps = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, NULL, 0, 0, &error);
    g_autoptr(IcStoreQuery) only = ic_store_query_new ();
    const char *ids[] = { ic_record_get_id (g_ptr_array_index (caps, 0)),
                          ic_record_get_id (g_ptr_array_index (caps, 3)),
                          "no-such-id\"'", NULL };
    const char *no_ids[] = { NULL };
    g_autoptr(IcStoreQuery) copy = NULL;

    g_assert_no_error (error);
    ic_store_query_set_ids (only, ids);
    listed = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, only, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (listed->len, ==, 2);
    g_assert_cmpstr (ic_record_get_id (g_ptr_array_index (listed, 0)), ==, ids[0]);
    g_assert_cmpstr (ic_record_get_id (g_ptr_array_index (listed, 1)), ==, ids[1]);
    g_clear_pointer (&listed, g_ptr_array_unref);
    copy = ic_store_query_copy (only);
    g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, copy, &error), ==, 2);
    ic_store_query_set_search (only, ic_record_get_title (g_ptr_array_index (caps, 3)));
    g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, only, &error), ==, 1);
    ic_store_query_set_search (only, NULL);
    ic_store_query_set_cluster (only, "rail");
    g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, only, &error), ==,
                     g_strcmp0 (ic_capability_get_cluster (g_ptr_array_index (caps, 0)), "rail") == 0);
    ic_store_query_set_cluster (only, NULL);
    ic_store_query_set_ids (only, no_ids);
    g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, only, &error), ==, 0);
    ic_store_query_set_ids (only, NULL);
    g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, only, &error), ==, 6);
    g_assert_no_error (error);
  }

  /* A filter the kind has no field for is an error, not a silent match. */
  ic_store_query_set_owner_id (query, NULL);
  ic_store_query_set_cluster (query, "rail");
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_FORESIGHT, query, &error), ==, -1);
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID);
}

static gboolean
count_visit (IcRecord *record,
              gpointer  user_data)
{
  guint *n = user_data;

  g_assert_false (ic_record_get_deleted (record));
  return ++(*n) < 1500;
}

static void
test_foreach (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 0;

  for (guint i = 0; i < 2100; i++)
    {
      g_autofree char *title = g_strdup_printf ("Signal %u", i);
      g_ptr_array_add (records, make_foresight (title));
    }
  g_assert_true (ic_store_insert_all (f->store, records, NULL, &error));
  g_assert_true (ic_store_delete (f->store, ic_record_get_id (g_ptr_array_index (records, 5)),
                                  NULL, &error));
  g_assert_no_error (error);

  g_assert_true (ic_store_foreach (f->store, IC_RECORD_KIND_FORESIGHT, count_visit, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1500);   /* stopped early */

  n = 0;
  g_assert_true (ic_store_foreach (f->store, IC_RECORD_KIND_ORGANISATION, count_visit, &n, &error));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Tag Ltd");
  g_autoptr(IcRecord) challenge = NULL;
  g_autoptr(IcRecord) cap = NULL;
  g_autoptr(IcRecord) gone = NULL;
  g_autoptr(IcRecord) foresight = make_foresight ("Not counted");
  g_auto(GStrv) tags = NULL;
  const char *gone_tags[] = { "zeppelins", NULL };
  const char *expected[] = { "fuel cells", "hydrogen", "low-carbon", "robotics", "welding", NULL };

  insert_ok (f->store, org);
  challenge = make_challenge (ic_record_get_id (org), "Tagged");
  cap = make_capability (ic_record_get_id (org), "Tagged too");
  gone = make_capability (ic_record_get_id (org), "Deleted");
  ic_capability_set_tags (IC_CAPABILITY (gone), gone_tags);
  insert_ok (f->store, challenge);
  insert_ok (f->store, cap);
  insert_ok (f->store, gone);
  insert_ok (f->store, foresight);
  g_assert_true (ic_store_delete (f->store, ic_record_get_id (gone), NULL, &error));

  tags = ic_store_list_tags (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (tags, expected);
}

typedef struct
{
  GString *text;
  guint    n_rows;
} RowLog;

static gboolean
log_row (IcStoreRow *row,
         gpointer    user_data)
{
  RowLog *log = user_data;
  g_auto(GStrv) tags = ic_store_row_dup_strv (row, 2);
  g_autofree char *joined = g_strjoinv ("|", tags);
  const char *description = ic_store_row_get_string (row, 1);

  g_string_append_printf (log->text, "%s;%s;%s;%d;%d\n", ic_store_row_get_string (row, 0),
                          description ? description : "(null)", joined,
                          ic_store_row_get_int (row, 3), ic_store_row_get_int (row, 4));
  return ++log->n_rows < 2;
}

/* A narrow read gives what the records would hold, skips tombstones,
 * stops when asked and refuses a field the kind does not have. */
static void
test_foreach_row (Fixture       *f,
                  gconstpointer  data)
{
  const char * const fields[] = { "title", "description", "tags", "trl", "employees", NULL };
  const char * const wrong[] = { "title", "budget_min", NULL };
  g_autoptr(IcRecord) organisation = make_organisation ("Maker");
  g_autoptr(IcRecord) kept = NULL;
  g_autoptr(IcRecord) gone = NULL;
  g_autoptr(GError) error = NULL;
  RowLog log = { g_string_new (NULL), 0 };
  const char *organisation_id;
  sqlite3 *db;

  insert_ok (f->store, organisation);
  organisation_id = ic_record_get_id (organisation);
  kept = make_capability (organisation_id, "Kept");
  gone = make_capability (organisation_id, "Gone");
  insert_ok (f->store, kept);
  insert_ok (f->store, gone);
  g_assert_true (ic_store_delete (f->store, ic_record_get_id (gone), NULL, &error));

  /* Values an older program or a hand edit might leave. */
  db = ic_store_get_db (f->store);
  g_assert_true (ic_store_db_exec (db, "UPDATE capability SET trl = 4000, employees = NULL, "
                                   "description = NULL, tags = 'a\\nb' || char(10) || 'c' "
                                   "WHERE title = 'Kept'", &error));
  g_assert_true (ic_store_foreach_row (f->store, IC_RECORD_KIND_CAPABILITY, fields, log_row, &log, &error));
  g_assert_no_error (error);
  /* trl is clamped to its property's 0–100, employees unset is 0. */
  g_assert_cmpstr (log.text->str, ==, "Kept;(null);a\nb|c;100;0\n");

  g_assert_false (ic_store_foreach_row (f->store, IC_RECORD_KIND_CAPABILITY, wrong, log_row, &log, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "budget_min"));
  g_clear_error (&error);

  /* Early stop: two rows of three. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *title = g_strdup_printf ("More %u", i);
      g_autoptr(IcRecord) more = make_capability (organisation_id, title);

      insert_ok (f->store, more);
    }
  log.n_rows = 0;
  g_assert_true (ic_store_foreach_row (f->store, IC_RECORD_KIND_CAPABILITY, fields, log_row, &log, &error));
  g_assert_cmpuint (log.n_rows, ==, 2);
  g_string_free (log.text, TRUE);
}

void
test_store_add_list_tests (void)
{
  TEST_ADD ("list/search", test_search);
  TEST_ADD ("list/search-ranked", test_search_ranked);
  TEST_ADD ("list/rank", test_rank);
  TEST_ADD ("list/paging", test_paging);
  TEST_ADD ("list/sort-and-filter", test_sort_and_filter);
  TEST_ADD ("list/foreach", test_foreach);
  TEST_ADD ("list/tags", test_tags);
  TEST_ADD ("list/foreach-row", test_foreach_row);
}

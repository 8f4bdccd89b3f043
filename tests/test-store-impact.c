/* test-store-impact.c — the impact figures on a fixture worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture (dates in 2025 unless said):
 *
 *   BIG (large firm, automotive) owns CH1 (no cluster: automotive) and
 *   the tombstoned CH3; BIG2 (large firm, rail) owns CH2 (rail).
 *   SME_A (aerospace) has CA (no cluster: aerospace); SME_B (automotive)
 *   has CB (automotive) and the tombstoned CD (rail); SME_C (no cluster)
 *   has CC (none); UNI (university, creative) has CU; SME_D (food) has CE.
 *
 *   S1 on CH1:  e1 CA proposed 2024-11-10, contacted 01-15, collaborating 02-20
 *               e2 CB proposed 01-05, contacted 02-01, collaborating 03-10,
 *                  declined (too costly) 05-02 — to collaborating and back
 *               e3 CC proposed 04-01, introduced 04-20, collaborating 06-30 12:00
 *               e4 CU proposed 02-01, collaborating 07-01 00:00
 *   S2 on CH2:  e5 CA proposed 01-10, contacted 03-01, meeting held 04-10,
 *                  collaborating 05-15 — SME_A in a second cluster's shortlist
 *               e6 CB proposed 2024-06-01, collaborating 2024-12-01
 *               e10 CC proposed 02-01, declined (other: moved away) 02-15
 *   S3 on CH3 (tombstone):  e7 CB collaborating 03-01
 *   S4 on CH1, itself a tombstone:  e8 CA collaborating 03-01
 *   S5 on CH2:  e9 CD (tombstone) collaborating 03-01
 *
 *   Events: EV1 03-15 with meetings BIG–SME_A (CH1, CA) and BIG2–SME_D
 *   (CH2, CE); EV2 08-01; EV3 04-01, a tombstone; EV4 05-01, no schedule.
 */

#include "config.h"

#include <math.h>
#include <sqlite3.h>

#include "ic-store-impact.h"
#include "test-store-util.h"

typedef struct
{
  Fixture  base;
  char    *big, *big2, *sme_a, *sme_b, *sme_c, *sme_d, *uni;
  char    *ch1, *ch2, *ch3;
  char    *ca, *cb, *cc, *cd, *ce, *cu;
} Impact;

static char *
add (IcStore      *store,
     IcRecordKind  kind,
     const char   *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = ic_record_new_from_json_data (kind, json, -1, &error);

  g_assert_no_error (error);
  g_assert_true (ic_store_insert (store, record, "Fixture", &error));
  g_assert_no_error (error);
  return g_strdup (ic_record_get_id (record));
}

static char *
org (IcStore    *store,
     const char *kind,
     const char *cluster)
{
  static guint n;
  g_autofree char *json = g_strdup_printf ("{\"name\":\"Org %s %s %u\",\"kind\":\"%s\",\"cluster\":%s%s%s}",
                                           kind, cluster ? cluster : "", n++, kind,
                                           cluster ? "\"" : "", cluster ? cluster : "null",
                                           cluster ? "\"" : "");
  return add (store, IC_RECORD_KIND_ORGANISATION, json);
}

static char *
challenge (IcStore    *store,
           const char *organisation_id,
           const char *cluster)
{
  static guint n;
  g_autofree char *json = g_strdup_printf ("{\"title\":\"Challenge %u\",\"organisation_id\":\"%s\","
                                           "\"cluster\":%s%s%s}", n++, organisation_id,
                                           cluster ? "\"" : "", cluster ? cluster : "null",
                                           cluster ? "\"" : "");
  return add (store, IC_RECORD_KIND_CHALLENGE, json);
}

static char *
capability (IcStore    *store,
            const char *organisation_id,
            const char *cluster)
{
  static guint n;
  g_autofree char *json = g_strdup_printf ("{\"title\":\"Capability %u\",\"organisation_id\":\"%s\","
                                           "\"cluster\":%s%s%s}", n++, organisation_id,
                                           cluster ? "\"" : "", cluster ? cluster : "null",
                                           cluster ? "\"" : "");
  return add (store, IC_RECORD_KIND_CAPABILITY, json);
}

/* @entries: "CAPABILITY_ID|stage@time[@reason[@text]]|…", entries separated by ";". */
static char *
shortlist (IcStore    *store,
           const char *challenge_id,
           const char *entries)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_auto(GStrv) parts = g_strsplit (entries, ";", -1);

  g_string_append_printf (json, "{\"name\":\"List\",\"challenge_id\":\"%s\",\"entries\":[", challenge_id);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) changes = g_strsplit (parts[i], "|", -1);
      const char *stage = NULL;

      g_string_append_printf (json, "%s{\"capability_id\":\"%s\",\"stages\":[", i ? "," : "", changes[0]);
      for (guint j = 1; changes[j] != NULL; j++)
        {
          g_auto(GStrv) f = g_strsplit (changes[j], "@", -1);

          stage = f[0];
          g_string_append_printf (json, "%s{\"stage\":\"%s\",\"at\":\"%s\"", j > 1 ? "," : "", f[0], f[1]);
          if (f[2] != NULL)
            g_string_append_printf (json, ",\"reason\":\"%s\"", f[2]);
          if (f[2] != NULL && f[3] != NULL)
            g_string_append_printf (json, ",\"reason_text\":\"%s\"", f[3]);
          g_string_append (json, "}");
          stage = changes[j];
        }
      {
        g_auto(GStrv) f = g_strsplit (stage, "@", 2);
        g_string_append_printf (json, "],\"stage\":\"%s\"}", f[0]);
      }
    }
  g_string_append (json, "]}");
  return add (store, IC_RECORD_KIND_SHORTLIST, json->str);
}

static void
delete (IcStore    *store,
        const char *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_store_delete (store, id, NULL, &error));
  g_assert_no_error (error);
}

static void
event (IcStore    *store,
       const char *id,
       const char *date,
       const char *schedule,
       gboolean    deleted)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO event (id, rev, deleted, body, schedule) "
                                          "VALUES ('%s', 1, %d, '{\"name\":\"Day\",\"date\":\"%s\"}', %s)",
                                          id, deleted, date, schedule ? schedule : "NULL");

  g_assert_cmpint (sqlite3_exec (ic_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
impact_set_up (Impact        *f,
               gconstpointer  data)
{
  IcStore *s;
  g_autofree char *e1 = NULL, *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL, *s5 = NULL;
  g_autofree char *meetings = NULL;

  fixture_set_up (&f->base, data);
  s = f->base.store;
  f->big = org (s, "large-firm", "automotive");
  f->big2 = org (s, "large-firm", "rail");
  f->sme_a = org (s, "sme", "aerospace");
  f->sme_b = org (s, "sme", "automotive");
  f->sme_c = org (s, "sme", NULL);
  f->sme_d = org (s, "sme", "food-drink");
  f->uni = org (s, "university", "creative");
  f->ch1 = challenge (s, f->big, NULL);
  f->ch2 = challenge (s, f->big2, "rail");
  f->ch3 = challenge (s, f->big, "automotive");
  f->ca = capability (s, f->sme_a, NULL);
  f->cb = capability (s, f->sme_b, "automotive");
  f->cc = capability (s, f->sme_c, NULL);
  f->cd = capability (s, f->sme_b, "rail");
  f->ce = capability (s, f->sme_d, "food-drink");
  f->cu = capability (s, f->uni, "creative");

  e1 = g_strdup_printf ("%s|proposed@2024-11-10T00:00:00Z|contacted@2025-01-15T09:00:00Z"
                        "|collaborating@2025-02-20T00:00:00Z;"
                        "%s|proposed@2025-01-05T00:00:00Z|contacted@2025-02-01T00:00:00Z"
                        "|collaborating@2025-03-10T00:00:00Z|declined@2025-05-02T00:00:00Z@too-costly;"
                        "%s|proposed@2025-04-01T00:00:00Z|introduced@2025-04-20T00:00:00Z"
                        "|collaborating@2025-06-30T12:00:00Z;"
                        "%s|proposed@2025-02-01T00:00:00Z|collaborating@2025-07-01T00:00:00Z",
                        f->ca, f->cb, f->cc, f->cu);
  s1 = shortlist (s, f->ch1, e1);
  g_free (e1);
  e1 = g_strdup_printf ("%s|proposed@2025-01-10T00:00:00Z|contacted@2025-03-01T00:00:00Z"
                        "|meeting-held@2025-04-10T00:00:00Z|collaborating@2025-05-15T00:00:00Z;"
                        "%s|proposed@2024-06-01T00:00:00Z|collaborating@2024-12-01T00:00:00Z;"
                        "%s|proposed@2025-02-01T00:00:00Z|declined@2025-02-15T00:00:00Z@other@Moved away",
                        f->ca, f->cb, f->cc);
  s2 = shortlist (s, f->ch2, e1);
  g_free (e1);
  e1 = g_strdup_printf ("%s|collaborating@2025-03-01T00:00:00Z", f->cb);
  s3 = shortlist (s, f->ch3, e1);
  g_free (e1);
  e1 = g_strdup_printf ("%s|collaborating@2025-03-01T00:00:00Z", f->ca);
  s4 = shortlist (s, f->ch1, e1);
  g_free (e1);
  e1 = g_strdup_printf ("%s|collaborating@2025-03-01T00:00:00Z", f->cd);
  s5 = shortlist (s, f->ch2, e1);
  delete (s, f->ch3);
  delete (s, s4);
  delete (s, f->cd);

  meetings = g_strdup_printf ("'{\"meetings\":["
                              "{\"slot\":0,\"table\":0,\"challenge_organisation_id\":\"%s\","
                              "\"capability_organisation_id\":\"%s\",\"challenge_id\":\"%s\",\"capability_id\":\"%s\"},"
                              "{\"slot\":0,\"table\":1,\"challenge_organisation_id\":\"%s\","
                              "\"capability_organisation_id\":\"%s\",\"challenge_id\":\"%s\",\"capability_id\":\"%s\"}]}'",
                              f->big, f->sme_a, f->ch1, f->ca, f->big2, f->sme_d, f->ch2, f->ce);
  event (s, "e0000001-2222-4333-8444-555555555555", "2025-03-15", meetings, FALSE);
  event (s, "e0000002-2222-4333-8444-555555555555", "2025-08-01", meetings, FALSE);
  event (s, "e0000003-2222-4333-8444-555555555555", "2025-04-01", meetings, TRUE);
  event (s, "e0000004-2222-4333-8444-555555555555", "2025-05-01", NULL, FALSE);
}

static void
impact_tear_down (Impact        *f,
                  gconstpointer  data)
{
  char **ids[] = { &f->big, &f->big2, &f->sme_a, &f->sme_b, &f->sme_c, &f->sme_d, &f->uni,
                   &f->ch1, &f->ch2, &f->ch3, &f->ca, &f->cb, &f->cc, &f->cd, &f->ce, &f->cu };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_clear_pointer (ids[i], g_free);
  fixture_tear_down (&f->base, data);
}

static IcImpact *
compute (Impact     *f,
         const char *from,
         const char *to,
         const char *cluster)
{
  g_autoptr(GError) error = NULL;
  IcImpact *impact = ic_store_compute_impact (f->base.store, from, to, cluster, "2026-01-01", &error);

  g_assert_no_error (error);
  g_assert_nonnull (impact);
  return impact;
}

static void
test_impact_half_year (Impact        *f,
                       gconstpointer  data)
{
  g_autoptr(IcImpact) impact = compute (f, "2025-01-01", "2025-06-30", NULL);
  IcImpactQuarter *q1, *q2;

  /* e1 (Q1, automotive × aerospace), e3 (Q2, SME cluster unknown),
   * e5 (Q2, rail × aerospace); not e2 (back to declined), e4 (after the
   * end), e6 (reached before the start), e7–e9 (tombstones). */
  g_assert_cmpuint (impact->collaborations, ==, 3);
  g_assert_cmpuint (impact->cross_sector, ==, 2);
  g_assert_cmpuint (impact->by_quarter->len, ==, 2);
  q1 = &g_array_index (impact->by_quarter, IcImpactQuarter, 0);
  q2 = &g_array_index (impact->by_quarter, IcImpactQuarter, 1);
  g_assert_cmpstr (q1->quarter, ==, "2025-Q1");
  g_assert_cmpuint (q1->collaborations, ==, 1);
  g_assert_cmpuint (q1->cross_sector, ==, 1);
  g_assert_cmpstr (q2->quarter, ==, "2025-Q2");
  g_assert_cmpuint (q2->collaborations, ==, 2);
  g_assert_cmpuint (q2->cross_sector, ==, 1);
  /* 102, 90.5 and 125 days. */
  g_assert_cmpfloat_with_epsilon (impact->median_days, 102.0, 1e-9);

  /* SME_A twice (two clusters' shortlists) counted once, SME_B, SME_C,
   * and SME_D from a meeting; not UNI, a university. */
  g_assert_cmpuint (impact->smes_assisted, ==, 4);
  g_assert_cmpuint (impact->organisations_engaged, ==, 2);
  /* EV1 and EV4; not EV2 (after), EV3 (tombstone). */
  g_assert_cmpuint (impact->events, ==, 2);
  g_assert_cmpuint (impact->meetings, ==, 2);

  /* Active: e1, e2, e3, e4, e5, e10. */
  g_assert_cmpuint (impact->funnel[0], ==, 6);
  g_assert_cmpuint (impact->funnel[1], ==, 4);
  g_assert_cmpuint (impact->funnel[2], ==, 4);
  g_assert_cmpuint (impact->funnel[3], ==, 4);
  g_assert_cmpuint (impact->funnel[4], ==, 4);
  g_assert_cmpuint (impact->declined, ==, 2);
  g_assert_cmpuint (impact->decline_reasons[IC_DECLINE_REASON_TOO_COSTLY], ==, 1);
  g_assert_cmpuint (impact->decline_reasons[IC_DECLINE_REASON_OTHER], ==, 1);
  g_assert_cmpuint (impact->decline_reasons[IC_DECLINE_REASON_NOT_RELEVANT], ==, 0);

  /* The heat map: automotive × aerospace, automotive × (unknown), rail × aerospace. */
  g_assert_cmpuint (impact->pairs->len, ==, 3);
  {
    IcImpactPair *p0 = g_ptr_array_index (impact->pairs, 0);
    IcImpactPair *p1 = g_ptr_array_index (impact->pairs, 1);
    IcImpactPair *p2 = g_ptr_array_index (impact->pairs, 2);

    g_assert_cmpstr (p0->challenge_cluster, ==, "automotive");
    g_assert_cmpstr (p0->sme_cluster, ==, "");
    g_assert_cmpstr (p1->challenge_cluster, ==, "automotive");
    g_assert_cmpstr (p1->sme_cluster, ==, "aerospace");
    g_assert_cmpstr (p2->challenge_cluster, ==, "rail");
    g_assert_cmpstr (p2->sme_cluster, ==, "aerospace");
    g_assert_cmpuint (p0->collaborations + p1->collaborations + p2->collaborations, ==, 3);
  }
}

/* At the end of Q1, e2 was still collaborating. */
static void
test_impact_first_quarter (Impact        *f,
                           gconstpointer  data)
{
  g_autoptr(IcImpact) impact = compute (f, "2025-01-01", "2025-03-31", NULL);

  g_assert_cmpuint (impact->collaborations, ==, 2);
  g_assert_cmpuint (impact->cross_sector, ==, 1);
  g_assert_cmpuint (impact->declined, ==, 1);
  g_assert_cmpuint (impact->decline_reasons[IC_DECLINE_REASON_TOO_COSTLY], ==, 0);
  g_assert_cmpuint (impact->decline_reasons[IC_DECLINE_REASON_OTHER], ==, 1);
  /* EV1 only. */
  g_assert_cmpuint (impact->events, ==, 1);
}

/* The last day counts whole; the day after does not. */
static void
test_impact_boundaries (Impact        *f,
                        gconstpointer  data)
{
  g_autoptr(IcImpact) before = compute (f, "2025-01-01", "2025-06-29", NULL);
  g_autoptr(IcImpact) day = compute (f, "2025-07-01", "2025-07-01", NULL);
  g_autoptr(IcImpact) later = compute (f, "2025-07-02", "2025-12-31", NULL);
  g_autoptr(IcImpact) future = compute (f, "2025-07-01", "2025-12-31", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (before->collaborations, ==, 2);
  g_assert_cmpuint (day->collaborations, ==, 1);
  g_assert_cmpuint (day->by_quarter->len, ==, 1);
  g_assert_cmpstr (g_array_index (day->by_quarter, IcImpactQuarter, 0).quarter, ==, "2025-Q3");
  g_assert_cmpuint (later->collaborations, ==, 0);
  g_assert_true (isnan (later->median_days));
  /* EV2 on 08-01 was held by the "today" of 2026-01-01. */
  g_assert_cmpuint (future->events, ==, 1);

  g_assert_null (ic_store_compute_impact (f->base.store, "2025-06-30", "2025-01-01", NULL, NULL, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ic_store_compute_impact (f->base.store, "2025-02-30", "2025-06-01", NULL, NULL, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID);
}

/* One cluster: entries with either side in it, meetings likewise. */
static void
test_impact_cluster (Impact        *f,
                     gconstpointer  data)
{
  g_autoptr(IcImpact) aerospace = compute (f, "2025-01-01", "2025-06-30", "aerospace");
  g_autoptr(IcImpact) rail = compute (f, "2025-01-01", "2025-06-30", "rail");
  g_autoptr(IcImpact) food = compute (f, "2025-01-01", "2025-06-30", "food-drink");

  g_assert_cmpuint (aerospace->collaborations, ==, 2);
  g_assert_cmpuint (aerospace->cross_sector, ==, 2);
  g_assert_cmpuint (aerospace->smes_assisted, ==, 1);
  g_assert_cmpuint (aerospace->organisations_engaged, ==, 2);
  g_assert_cmpuint (aerospace->events, ==, 1);
  g_assert_cmpuint (aerospace->meetings, ==, 1);

  /* e5 (and e6, reached before); SME_A from e5, SME_D from its meeting. */
  g_assert_cmpuint (rail->collaborations, ==, 1);
  g_assert_cmpuint (rail->smes_assisted, ==, 2);
  g_assert_cmpuint (rail->organisations_engaged, ==, 1);
  g_assert_cmpuint (rail->declined, ==, 1);
  g_assert_cmpuint (rail->events, ==, 1);

  g_assert_cmpuint (food->collaborations, ==, 0);
  g_assert_cmpuint (food->smes_assisted, ==, 1);
  g_assert_cmpuint (food->meetings, ==, 1);
}

#define IMPACT_TEST(path, func) \
  g_test_add ("/store/impact/" path, Impact, NULL, impact_set_up, func, impact_tear_down)

void
test_store_add_impact_tests (void)
{
  IMPACT_TEST ("half-year", test_impact_half_year);
  IMPACT_TEST ("first-quarter", test_impact_first_quarter);
  IMPACT_TEST ("boundaries", test_impact_boundaries);
  IMPACT_TEST ("cluster", test_impact_cluster);
}

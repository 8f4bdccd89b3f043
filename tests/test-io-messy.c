/* test-io-messy.c — spreadsheets as partners keep them: values in
 * people's words, every problem of a row, value maps, organisations
 * filled in and found again, the rows left out and an undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-import.h"
#include "ic-import-private.h"
#include "ic-import-terms.h"
#include "ic-import-undo.h"
#include "ic-import-values.h"
#include "ic-io-error.h"
#include "ic-organisation.h"
#include "test-io-util.h"

static IcImportReport *
run_import (Fixture      *f,
            IcImport     *import,
            const char   *csv)
{
  g_autoptr(GInputStream) stream =
    g_memory_input_stream_new_from_data (g_strdup (csv), strlen (csv), g_free);
  g_autoptr(GError) error = NULL;
  IcImportReport *report;

  ic_import_set_author (import, "Test Expert");
  report = ic_import_run (import, f->store, stream, strlen (csv), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static IcImportReport *
import_skipping (Fixture      *f,
                 IcRecordKind  kind,
                 const char   *csv)
{
  g_autoptr(IcImport) import = ic_import_new (kind);

  ic_import_set_skip_bad_rows (import, TRUE);
  return run_import (f, import, csv);
}

static IcRecord *
only_record (Fixture      *f,
             IcRecordKind  kind)
{
  g_autoptr(GPtrArray) records = ic_store_list (f->store, kind, NULL, 0, 0, NULL);

  g_assert_cmpuint (records->len, ==, 1);
  return g_object_ref (g_ptr_array_index (records, 0));
}

static IcRecord *
find_organisation (Fixture    *f,
                   const char *name)
{
  g_autoptr(GPtrArray) records = ic_store_list (f->store, IC_RECORD_KIND_ORGANISATION, NULL, 0, 0, NULL);

  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (ic_record_get_title (g_ptr_array_index (records, i)), name))
      return g_object_ref (g_ptr_array_index (records, i));
  return NULL;
}

static gboolean
report_has (IcImportReport *report,
            gboolean        warnings,
            const char     *text)
{
  guint n = warnings ? ic_import_report_get_n_warnings (report) : ic_import_report_get_n_problems (report);

  for (guint i = 0; i < n; i++)
    {
      const char *message = warnings ? ic_import_report_get_warning (report, i, NULL)
                                     : ic_import_report_get_problem (report, i, NULL, NULL, NULL);
      if (strstr (message, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* One cell into one field, as a person wrote it. */
static void
test_trl_forms (void)
{
  static const struct { const char *text; int trl; gboolean noted; } capability[] = {
    { "7", 7, FALSE }, { "TRL 7", 7, FALSE }, { "trl7", 7, FALSE }, { "TRL: 5", 5, FALSE },
    { "Level 4", 4, FALSE }, { "6-7", 6, TRUE }, { "TRL 6–8", 6, TRUE }, { "4 to 5", 4, TRUE },
    { "", 0, FALSE },
  };
  static const struct { const char *text; int low, high; } challenge[] = {
    { "TRL 7", 7, 7 }, { "6-7", 6, 7 }, { "TRL 4–6", 4, 6 }, { "5 to 8", 5, 8 }, { "8", 8, 8 },
  };
  static const char * const unreadable[] = { "tbc", "high", "TRL", "n/a", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (capability); i++)
    {
      g_autoptr(IcRecord) record = ic_record_new (IC_RECORD_KIND_CAPABILITY);
      g_autoptr(GError) error = NULL;
      g_autofree char *note = NULL;

      g_test_message ("%s", capability[i].text);
      g_assert_true (ic_import_value_apply (record, "trl", capability[i].text, NULL, &note, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ic_capability_get_trl (IC_CAPABILITY (record)), ==, capability[i].trl);
      g_assert_true ((note != NULL) == capability[i].noted);
      if (note != NULL)
        g_assert_nonnull (strstr (note, "range"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (challenge); i++)
    {
      g_autoptr(IcRecord) record = ic_record_new (IC_RECORD_KIND_CHALLENGE);
      g_autoptr(GError) error = NULL;

      g_assert_true (ic_import_value_apply (record, "trl_range", challenge[i].text, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ic_challenge_get_trl_min (IC_CHALLENGE (record)), ==, challenge[i].low);
      g_assert_cmpint (ic_challenge_get_trl_max (IC_CHALLENGE (record)), ==, challenge[i].high);
    }
  for (guint i = 0; unreadable[i] != NULL; i++)
    {
      g_autoptr(IcRecord) record = ic_record_new (IC_RECORD_KIND_CAPABILITY);
      g_autoptr(GError) error = NULL;

      g_assert_false (ic_import_value_apply (record, "trl", unreadable[i], NULL, NULL, &error));
      g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_UNMATCHED);
    }
}

static void
test_amounts_dates_and_addresses (void)
{
  static const struct { const char *text; gint64 amount; } amounts[] = {
    { "£25,000", 25000 }, { "£25k", 25000 }, { "c. £20k", 20000 }, { "up to £50,000", 50000 },
    { "approx 1,200", 1200 }, { "GBP 75,000", 75000 }, { "£1.2m", 1200000 },
  };
  static const struct { const char *text; const char *date; } dates[] = {
    { "03/11/2026", "2026-11-03" }, { "3/11/26", "2026-11-03" }, { "3 Nov 2026", "2026-11-03" },
    { "3rd November 2026", "2026-11-03" }, { "03-Nov-26", "2026-11-03" },
    { "30 Sept 2027", "2027-09-30" }, { "2026-11-03", "2026-11-03" },
  };
  static const struct { const char *text; const char *website; } websites[] = {
    { "www.brindley-coatings.example", "https://www.brindley-coatings.example" },
    { "arden-robotics.example", "https://arden-robotics.example" },
    { "http://old.example/about", "http://old.example/about" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      gint64 amount = -1;

      g_test_message ("%s", amounts[i].text);
      g_assert_true (ic_import_value_parse_amount (amounts[i].text, &amount));
      g_assert_cmpint (amount, ==, amounts[i].amount);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *date = ic_import_value_parse_date (dates[i].text);

      g_assert_cmpstr (date, ==, dates[i].date);
    }
  for (guint i = 0; i < G_N_ELEMENTS (websites); i++)
    {
      g_autoptr(IcRecord) record = IC_RECORD (ic_organisation_new ());

      g_assert_true (ic_import_value_apply (record, "website", websites[i].text, NULL, NULL, NULL));
      g_assert_cmpstr (ic_organisation_get_website (IC_ORGANISATION (record)), ==, websites[i].website);
    }
}

static void
test_clusters_and_places (void)
{
  g_autoptr(IcTaxonomy) taxonomy = ic_taxonomy_new_default ();
  static const struct { const char *text; const char *cluster; } clusters[] = {
    { "Low Carbon", "low-carbon-energy" }, { "Net Zero", "low-carbon-energy" },
    { "Energy", "low-carbon-energy" }, { "LOW CARBON & ENERGY", "low-carbon-energy" },
    { "Metals", "metals-materials" }, { "Materials", "metals-materials" },
    { "Food & Drink", "food-drink" }, { "Health Tech", "life-sciences-health-tech" },
    { "Life Sciences", "life-sciences-health-tech" }, { "Logistics", "logistics-transport-tech" },
    { "automotive", "automotive" }, { "Aerospace & Defence", "aerospace" },
    { "Creative Industries", "creative" }, { "Rail", "rail" },
    /* Words that could mean two clusters, or none, are the person's to map. */
    { "Digital", NULL }, { "Advanced Manufacturing", NULL }, { "Manufacturing", NULL },
    { "and", NULL }, { "", NULL },
  };
  static const struct { const char *text; const char *place; } places[] = {
    { "Sandwell", "sandwell" }, { "B66 2PL", "sandwell" }, { "b662pl", "sandwell" },
    { "Smethwick", "sandwell" }, { "West Bromwich", "sandwell" },
    { "Unit 4, Brickhouse Lane, West Bromwich, B70 0DS", "sandwell" },
    { "City of Wolverhampton Council", "wolverhampton" }, { "Dudley MBC", "dudley" },
    { "Leamington Spa", "warwick" }, { "Burton upon Trent", "east-staffordshire" },
    { "Stoke", "stoke-on-trent" }, { "Stratford-upon-Avon", "stratford-on-avon" },
    { "Coventry CV1 2TT", "coventry" },
    { "LS1 4AP", NULL }, { "Leeds", NULL }, { "Staffordshire", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (clusters); i++)
    {
      g_test_message ("cluster %s", clusters[i].text);
      g_assert_cmpstr (ic_import_terms_find_cluster (taxonomy, clusters[i].text), ==, clusters[i].cluster);
    }
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_test_message ("place %s", places[i].text);
      g_assert_cmpstr (ic_import_terms_find_place (taxonomy, places[i].text), ==, places[i].place);
    }
}

static void
test_similar_names (void)
{
  static const struct { const char *a, *b; gboolean same; } names[] = {
    { "Brindley Coatings Ltd", "Brindley Coatings Limited", TRUE },
    { "Brindley Coatings Ltd", "BRINDLEY COATINGS", TRUE },
    { "Brindley Coatings Ltd.", "brindley coatings ltd", TRUE },
    { "Redditch Springs & Pressings", "Redditch Springs and Pressings Ltd", TRUE },
    { "The Tipton Welding Co PLC", "Tipton Welding Co", TRUE },
    { "Smith-Jones LLP", "Smith Jones", TRUE },
    { "Brindley Coatings", "Brindley Castings", FALSE },
    { "Arden Robotics", "Arden Robotics Group", FALSE },
    { "Ltd", "Limited", FALSE },
  };
  static const struct { const char *address, *host; } hosts[] = {
    { "https://www.Brindley-Coatings.example/contact", "brindley-coatings.example" },
    { "brindley-coatings.example", "brindley-coatings.example" },
    { "http://brindley-coatings.example", "brindley-coatings.example" },
    { "not a website", NULL }, { "", NULL }, { "localhost", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *a = ic_import_similar_name (names[i].a);
      g_autofree char *b = ic_import_similar_name (names[i].b);

      g_test_message ("%s / %s", names[i].a, names[i].b);
      g_assert_true (g_str_equal (a, b) == names[i].same);
    }
  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    {
      g_autofree char *host = ic_import_website_host (hosts[i].address);

      g_assert_cmpstr (host, ==, hosts[i].host);
    }
}

/* A sheet in the shape of tests/data/partner-smes.csv, but another
 * partner's: other columns, other words. */
static const char *other_partner =
  "\xef\xbb\xbf" "Business name,Our offer,What we do,Industry sector,Readiness (TRL),Staff,Web address,"
  "Phone number,E-mail address,Key contact,Address,Turnover\r\n"
  "Sedgley Sheet Metal Ltd,Laser cutting and folding,\"Flat-bed fibre laser, 4 m press brake\","
  "Metals,TRL 8,c. 25,sedgleysheet.example,01632 960501,office@sedgleysheet.example,Lisa Hale,"
  "\"Unit 2, Bilston Road, Sedgley, DY3 1JN\",\"£1,400,000\"\r\n"
  ",,,,,,,,,,,\r\n"
  "Perton Drives,Motor controllers,Brushless motor controllers,Digital,6-7,lots,"
  "www.pertondrives.example,01632 960502,sales at pertondrives,Raj Patel,Perton,£300k\r\n"
  ",No company,,,11,,,,,,,\r\n"
  "  ,  ,  ,  ,  ,  ,  ,  ,  ,  ,  ,  \r\n";

static void
test_other_partner_sheet (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(GStrv) header = g_strsplit ("Business name,Our offer,What we do,Industry sector,"
                                     "Readiness (TRL),Staff,Web address,Phone number,"
                                     "E-mail address,Key contact,Address,Turnover", ",", -1);
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(IcRecord) sedgley = NULL;
  g_autoptr(IcRecord) perton = NULL;
  const IcImportCounts *counts;
  IcRecordKind kind = IC_RECORD_KIND_CHALLENGE;
  const char *target, *mapped_to;
  guint n_rows;

  g_assert_true (ic_import_mapping_guess_kind ((const char * const *) header, &kind));
  g_assert_cmpint (kind, ==, IC_RECORD_KIND_CAPABILITY);

  report = import_skipping (f, IC_RECORD_KIND_CAPABILITY, other_partner);
  counts = ic_import_report_get_counts (report);
  /* Two blank rows are no rows. */
  g_assert_cmpuint (counts->rows, ==, 3);
  g_assert_cmpuint (counts->added, ==, 2);
  g_assert_cmpuint (counts->rejected, ==, 1);

  /* Every problem of row 5 at once, in words. */
  g_assert_true (report_has (report, FALSE, "row 5: the business name is empty"));
  g_assert_true (report_has (report, FALSE, "row 5, column Readiness (TRL): 11 is not between 1 and 9"));
  g_assert_cmpuint (ic_import_report_get_n_skipped (report), ==, 1);

  /* What means nothing is left empty, and said. */
  g_assert_true (report_has (report, TRUE, "row 4, column Staff: “lots” is not a whole number; left empty"));
  g_assert_true (report_has (report, TRUE, "row 4, column Readiness (TRL): “6-7” is a range"));
  g_assert_true (report_has (report, TRUE, "the organisation’s email"));
  g_assert_cmpuint (ic_import_report_get_n_unmatched (report), ==, 1);
  g_assert_cmpstr (ic_import_report_get_unmatched (report, 0, &target, &n_rows, &mapped_to), ==, "Digital");
  g_assert_cmpstr (target, ==, "cluster");
  g_assert_cmpuint (n_rows, ==, 1);
  g_assert_null (mapped_to);

  sedgley = find_organisation (f, "Sedgley Sheet Metal Ltd");
  g_assert_nonnull (sedgley);
  g_assert_cmpstr (ic_organisation_get_website (IC_ORGANISATION (sedgley)), ==, "https://sedgleysheet.example");
  g_assert_cmpstr (ic_organisation_get_phone (IC_ORGANISATION (sedgley)), ==, "01632 960501");
  g_assert_cmpstr (ic_organisation_get_email (IC_ORGANISATION (sedgley)), ==, "office@sedgleysheet.example");
  g_assert_cmpstr (ic_organisation_get_contact (IC_ORGANISATION (sedgley)), ==, "Lisa Hale");
  g_assert_cmpint (ic_organisation_get_employees (IC_ORGANISATION (sedgley)), ==, 25);
  g_assert_cmpstr (ic_organisation_get_local_authority (IC_ORGANISATION (sedgley)), ==, "dudley");
  g_assert_cmpstr (ic_organisation_get_cluster (IC_ORGANISATION (sedgley)), ==, "metals-materials");

  perton = find_organisation (f, "Perton Drives");
  g_assert_nonnull (perton);
  g_assert_null (ic_organisation_get_email (IC_ORGANISATION (perton)));
  g_assert_null (ic_organisation_get_cluster (IC_ORGANISATION (perton)));
  g_assert_cmpstr (ic_organisation_get_local_authority (IC_ORGANISATION (perton)), ==, "south-staffordshire");
}

static void
test_value_map_remembered (Fixture       *f,
                           gconstpointer  data)
{
  const char *csv = "Company,Capability,Sector\n"
                    "Arden Robotics,Cobot cells,Digital\n"
                    "Malvern Sensors,Gas sensing,digital\n"
                    "Stourbridge Glass,Coated glass,Advanced Manufacturing\n";
  /* The same columns in another order, from the same partner next month. */
  const char *next = "Sector,Company,Capability\n"
                     "Digital,Coventry Data Works,Vision inspection\n";
  g_autoptr(IcImport) import = ic_import_new (IC_RECORD_KIND_CAPABILITY);
  g_autoptr(IcImport) again = ic_import_new (IC_RECORD_KIND_CAPABILITY);
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(IcImportReport) second = NULL;
  g_autoptr(GPtrArray) capabilities = NULL;
  g_autoptr(GError) error = NULL;
  const char *mapped_to;
  guint n_rows;

  ic_import_map_value (import, "cluster", "DIGITAL", "creative");
  report = run_import (f, import, csv);
  g_assert_true (ic_import_report_get_committed (report));
  g_assert_cmpuint (ic_import_report_get_n_unmatched (report), ==, 2);
  g_assert_cmpstr (ic_import_report_get_unmatched (report, 0, NULL, &n_rows, &mapped_to), ==, "Digital");
  /* One value, listed once, for both its rows. */
  g_assert_cmpuint (n_rows, ==, 2);
  g_assert_cmpstr (mapped_to, ==, "creative");

  capabilities = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, NULL, 0, 0, NULL);
  for (guint i = 0; i < capabilities->len; i++)
    {
      IcCapability *capability = g_ptr_array_index (capabilities, i);

      g_assert_cmpstr (ic_capability_get_cluster (capability), ==,
                       g_str_equal (ic_capability_get_title (capability), "Coated glass") ? NULL : "creative");
    }

  second = run_import (f, again, next);
  g_assert_cmpstr (ic_import_report_get_unmatched (second, 0, NULL, NULL, &mapped_to), ==, "Digital");
  g_assert_cmpstr (mapped_to, ==, "creative");
  g_clear_pointer (&capabilities, g_ptr_array_unref);
  capabilities = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, NULL, 0, 0, NULL);
  g_assert_cmpuint (capabilities->len, ==, 4);

  g_assert_false (ic_import_parse_value_maps (again, "cluster=Digital", &error));
  g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING);
  g_clear_error (&error);
  g_assert_false (ic_import_parse_value_maps (again, "title:x=y", &error));
  g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING);
}

/* A row taken as a stored organisation can be kept apart when the
 * store tells the names apart (here: the same website, another name);
 * a name the store counts as the same still updates, and says so. */
static void
test_duplicates_keep_apart (Fixture       *f,
                            gconstpointer  data)
{
  static const char *csv =
    "Name,Website\n"
    "Halesowen Precision Tooling,halesowen-precision.example\n"
    "BRINDLEY COATINGS LIMITED,\n";
  g_autoptr(IcOrganisation) brindley = ic_organisation_new ();
  g_autoptr(IcOrganisation) halesowen = ic_organisation_new ();
  g_autoptr(IcImport) dry = ic_import_new (IC_RECORD_KIND_ORGANISATION);
  g_autoptr(IcImport) import = ic_import_new (IC_RECORD_KIND_ORGANISATION);
  g_autoptr(IcImportReport) preview = NULL;
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(IcRecord) kept = NULL;
  g_autoptr(GError) error = NULL;
  const IcImportSimilar *by_website = NULL, *by_name = NULL;

  ic_organisation_set_name (brindley, "Brindley Coatings Ltd");
  ic_organisation_set_name (halesowen, "Halesowen Precision");
  ic_organisation_set_website (halesowen, "https://www.halesowen-precision.example");
  g_assert_true (ic_store_insert (f->store, IC_RECORD (brindley), "Test Expert", &error));
  g_assert_true (ic_store_insert (f->store, IC_RECORD (halesowen), "Test Expert", &error));
  g_assert_no_error (error);

  /* The review: both rows are offered as updates; only the one by
   * website can be kept apart. */
  ic_import_set_dry_run (dry, TRUE);
  preview = run_import (f, dry, csv);
  g_assert_cmpuint (ic_import_report_get_n_similar (preview), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const IcImportSimilar *similar = ic_import_report_get_similar (preview, i);

      if (similar->by_website)
        by_website = similar;
      else
        by_name = similar;
    }
  g_assert_nonnull (by_website);
  g_assert_nonnull (by_name);
  g_assert_cmpstr (by_website->name, ==, "Halesowen Precision Tooling");
  g_assert_cmpstr (by_website->stored_name, ==, "Halesowen Precision");
  g_assert_cmpstr (by_website->stored_id, ==, ic_record_get_id (IC_RECORD (halesowen)));
  g_assert_true (by_website->can_keep_apart);
  g_assert_false (by_website->kept_apart);
  g_assert_cmpstr (by_name->stored_name, ==, "Brindley Coatings Ltd");
  g_assert_false (by_name->can_keep_apart);
  g_assert_cmpuint (by_website->row, !=, by_name->row);

  /* Both kept apart: the website's row becomes an organisation of its
   * own, the name's row still updates Brindley. */
  ic_import_keep_apart (import, by_website->row);
  ic_import_keep_apart (import, by_name->row);
  ic_import_set_skip_bad_rows (import, TRUE);
  report = run_import (f, import, csv);
  g_assert_true (ic_import_report_get_committed (report));
  g_assert_cmpuint (ic_import_report_get_counts (report)->added, ==, 1);
  g_assert_cmpuint (ic_import_report_get_counts (report)->rejected, ==, 0);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_ORGANISATION, NULL, NULL), ==, 3);
  kept = find_organisation (f, "Halesowen Precision Tooling");
  g_assert_nonnull (kept);
  g_assert_cmpstr (ic_record_get_id (kept), !=, ic_record_get_id (IC_RECORD (halesowen)));
  g_clear_object (&kept);
  kept = find_organisation (f, "Halesowen Precision");
  g_assert_cmpstr (ic_record_get_id (kept), ==, ic_record_get_id (IC_RECORD (halesowen)));
  g_assert_true (report_has (report, TRUE, "cannot be kept apart"));
  g_assert_false (report_has (report, TRUE, "has the website of the stored organisation"));
  for (guint i = 0; i < ic_import_report_get_n_similar (report); i++)
    {
      const IcImportSimilar *similar = ic_import_report_get_similar (report, i);

      g_assert_cmpint (similar->kept_apart, ==, similar->by_website);
    }
}

static void
test_duplicates_update (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(IcOrganisation) brindley = ic_organisation_new ();
  g_autoptr(IcOrganisation) halesowen = ic_organisation_new ();
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(IcImportReport) orgs = NULL;
  g_autoptr(IcRecord) capability = NULL;
  g_autoptr(IcRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  ic_organisation_set_name (brindley, "Brindley Coatings Ltd");
  ic_organisation_set_phone (brindley, "0121 496 0000");
  ic_organisation_set_name (halesowen, "Halesowen Precision");
  ic_organisation_set_website (halesowen, "https://www.halesowen-precision.example");
  g_assert_true (ic_store_insert (f->store, IC_RECORD (brindley), "Test Expert", &error));
  g_assert_true (ic_store_insert (f->store, IC_RECORD (halesowen), "Test Expert", &error));
  g_assert_no_error (error);

  report = import_skipping (f, IC_RECORD_KIND_CAPABILITY,
                            "Company Name,Capability,Tel,Email,Website\n"
                            "BRINDLEY COATINGS LIMITED,Thermal spray,0121 496 0732,g@brindley.example,\n"
                            "Halesowen Precision Engineering,5-axis machining,,,halesowen-precision.example\n");
  g_assert_cmpuint (ic_import_report_get_counts (report)->organisations_added, ==, 0);
  /* Brindley gains an email; Halesowen has its website already. */
  g_assert_cmpuint (ic_import_report_get_counts (report)->organisations_updated, ==, 1);
  g_assert_true (report_has (report, TRUE, "looks like the stored organisation “Brindley Coatings Ltd”"));
  g_assert_true (report_has (report, TRUE, "has the website of the stored organisation “Halesowen Precision”"));
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_ORGANISATION, NULL, NULL), ==, 2);

  /* Gaps are filled, what was there stays. */
  stored = ic_store_get (f->store, ic_record_get_id (IC_RECORD (brindley)), &error);
  g_assert_cmpstr (ic_organisation_get_name (IC_ORGANISATION (stored)), ==, "Brindley Coatings Ltd");
  g_assert_cmpstr (ic_organisation_get_phone (IC_ORGANISATION (stored)), ==, "0121 496 0000");
  g_assert_cmpstr (ic_organisation_get_email (IC_ORGANISATION (stored)), ==, "g@brindley.example");

  /* Importing organisations: the row is the stored one, updated. */
  orgs = import_skipping (f, IC_RECORD_KIND_ORGANISATION,
                          "Name,Size\n"
                          "Brindley Coatings Limited,38\n"
                          "Halesowen Precision Ltd.,54\n"
                          "Brindley Castings,12\n");
  g_assert_cmpuint (ic_import_report_get_counts (orgs)->updated, ==, 2);
  g_assert_cmpuint (ic_import_report_get_counts (orgs)->added, ==, 1);
  g_clear_object (&stored);
  stored = ic_store_get (f->store, ic_record_get_id (IC_RECORD (brindley)), &error);
  g_assert_cmpstr (ic_organisation_get_name (IC_ORGANISATION (stored)), ==, "Brindley Coatings Ltd");
  g_assert_cmpint (ic_organisation_get_employees (IC_ORGANISATION (stored)), ==, 38);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_ORGANISATION, NULL, NULL), ==, 3);
}

static void
test_undo_and_skipped (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IcOrganisation) brindley = ic_organisation_new ();
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(IcRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_kept = 99;

  ic_organisation_set_name (brindley, "Brindley Coatings Ltd");
  g_assert_true (ic_store_insert (f->store, IC_RECORD (brindley), "Test Expert", &error));

  report = import_skipping (f, IC_RECORD_KIND_CAPABILITY,
                            "Company Name,Capability,Tel\n"
                            "Brindley Coatings Limited,Thermal spray,0121 496 0732\n"
                            ",\"Laser, welding\",\n"
                            "Arden Robotics,Cobot cells,\n");
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, NULL, NULL), ==, 2);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_ORGANISATION, NULL, NULL), ==, 2);

  g_assert_true (ic_import_report_write_skipped (report, out, NULL, &error));
  g_assert_no_error (error);
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_cmpstr (text, ==, "\xef\xbb\xbf" "Company Name,Capability,Tel,Why it was skipped\r\n"
                             ",\"Laser, welding\",,the company name is empty\r\n");

  g_assert_true (ic_import_undo (report, f->store, "Test Expert", &n_kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_kept, ==, 0);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, NULL, NULL), ==, 0);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_ORGANISATION, NULL, NULL), ==, 1);
  stored = ic_store_get (f->store, ic_record_get_id (IC_RECORD (brindley)), &error);
  g_assert_null (ic_organisation_get_phone (IC_ORGANISATION (stored)));
}

static void
test_undo_keeps_later_edits (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(IcRecord) capability = NULL;
  g_autoptr(GError) error = NULL;
  guint n_kept = 0;

  report = import_skipping (f, IC_RECORD_KIND_CAPABILITY,
                            "Company,Capability\nArden Robotics,Cobot cells\n");
  capability = only_record (f, IC_RECORD_KIND_CAPABILITY);
  ic_capability_set_description (IC_CAPABILITY (capability), "Edited after the import");
  g_assert_true (ic_store_update (f->store, capability, "Someone Else", &error));

  g_assert_true (ic_import_undo (report, f->store, "Test Expert", &n_kept, &error));
  g_assert_no_error (error);
  /* The edited capability stays, and so does the organisation it names. */
  g_assert_cmpuint (n_kept, ==, 2);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, NULL, NULL), ==, 1);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_ORGANISATION, NULL, NULL), ==, 1);
}

void
test_io_add_messy_tests (void)
{
  g_test_add_func ("/io/messy/trl-forms", test_trl_forms);
  g_test_add_func ("/io/messy/amounts-dates-addresses", test_amounts_dates_and_addresses);
  g_test_add_func ("/io/messy/clusters-and-places", test_clusters_and_places);
  g_test_add_func ("/io/messy/similar-names", test_similar_names);
  TEST_ADD ("messy/other-partner-sheet", test_other_partner_sheet);
  TEST_ADD ("messy/value-map-remembered", test_value_map_remembered);
  TEST_ADD ("messy/duplicates-update", test_duplicates_update);
  TEST_ADD ("messy/duplicates-keep-apart", test_duplicates_keep_apart);
  TEST_ADD ("messy/undo-and-skipped", test_undo_and_skipped);
  TEST_ADD ("messy/undo-keeps-later-edits", test_undo_keeps_later_edits);
}

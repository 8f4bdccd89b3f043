#!/usr/bin/env python3
"""interchange-cli import on spreadsheets as partners send them: the
messy sheet in tests/data and variants of it, values in people's words,
value maps remembered for the next file, the rows left out as CSV to
fix and import again, organisations found again by a name or website
like theirs, and import-undo."""

import csv
import io
import json
import os
import subprocess
import tempfile
import unittest

CLI = os.environ.get("INTERCHANGE_CLI", "interchange-cli")
SHEET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "partner-smes.csv")


class ImportCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "test.db")
        self.env = dict(os.environ, INTERCHANGE_AUTHOR="Test Expert", LC_ALL="C.UTF-8")
        self.env.pop("INTERCHANGE_DB", None)
        self.ok("init")

    def tearDown(self):
        self.tmp.cleanup()

    def cli(self, *args, stdin=None):
        return subprocess.run([CLI, "--db", self.db] + list(args), input=stdin,
                              capture_output=True, text=True, env=self.env, timeout=60)

    def ok(self, *args, **kwargs):
        result = self.cli(*args, **kwargs)
        self.assertEqual(result.returncode, 0, f"{args}: {result.stderr}")
        return result

    def json(self, *args):
        return json.loads(self.ok(*args).stdout)

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def write(self, name, text, bom=False):
        with open(self.path(name), "w", encoding="utf-8", newline="") as f:
            f.write(("\ufeff" if bom else "") + text)
        return self.path(name)

    def organisations(self):
        return {o["name"]: o for o in self.json("list", "organisations", "--json")}

    def capabilities(self):
        return self.json("list", "capabilities", "--json")


class MessySheetTests(ImportCase):
    def test_dry_run_lists_what_it_cannot_read_before_anything_is_written(self):
        result = self.ok("import", "capabilities", SHEET, "--dry-run", "--skip-bad-rows")
        err = result.stderr
        # Columns left unread are named before the import runs.
        self.assertIn("Columns ignored: “Typical project value”, “Date added”, “Account manager”", err)
        # Each value nothing matches is listed once, with its rows.
        self.assertIn("cluster “Digital” (5 rows) matches nothing", err)
        self.assertIn("cluster “Advanced Manufacturing” (2 rows) matches nothing", err)
        self.assertNotIn("“Low Carbon”", err)
        self.assertNotIn("“Metals”", err)
        self.assertIn("row 8: the company name is empty", err)
        self.assertIn("row 4, column TRL: “6-7” is a range; the lower end, 6, is kept", err)
        self.assertIn("row 27, column TRL: “tbc” is not a TRL", err)
        # 31 rows: the blank one at the end is no row.
        self.assertIn("of 31 rows, 30 would be added", result.stdout)
        self.assertIn("1 would be rejected; 29 new organisations", result.stdout)
        self.assertEqual(self.capabilities(), [])

    def test_import_fills_organisations_and_maps_values_once(self):
        report = json.loads(self.ok("import", "capabilities", SHEET, "--skip-bad-rows", "--json",
                                    "--map-value", "cluster:Digital=creative",
                                    "--map-value", "cluster:Advanced Manufacturing=").stdout)
        self.assertEqual((report["rows"], report["added"], report["rejected"]), (31, 30, 1))
        self.assertEqual(report["organisations_added"], 29)
        unmatched = {u["value"]: u for u in report["unmatched"]}
        self.assertEqual(unmatched["Digital"]["rows"], 5)
        self.assertEqual(unmatched["Digital"]["mapped_to"], "creative")
        self.assertEqual(unmatched["Advanced Manufacturing"]["mapped_to"], "")

        caps = {c["title"]: c for c in self.capabilities()}
        self.assertEqual(len(caps), 30)
        heat = caps["Heat pump design for light industrial units"]
        self.assertEqual((heat["cluster"], heat["trl"], heat["local_authority"]),
                         ("low-carbon-energy", 6, "sandwell"))
        self.assertEqual(caps["Thermal spray coatings for wear parts"]["trl"], 7)
        self.assertEqual(caps["Thermal spray coatings for wear parts"]["cluster"], "metals-materials")
        self.assertEqual(caps["Biochar from forestry waste"]["cluster"], "low-carbon-energy")
        self.assertEqual(caps["Battery pack assembly and testing"]["cluster"], "low-carbon-energy")
        self.assertEqual(caps["Computer vision for quality inspection"]["cluster"], "creative")
        self.assertIsNone(caps["Technical textiles for filtration"]["cluster"])
        self.assertEqual(caps["Crop survey by drone"]["trl"], 0)
        self.assertIsNone(caps["Warehouse robotics integration"]["local_authority"])
        # The contact keeps the email and phone beside the name.
        self.assertEqual(caps["Thermal spray coatings for wear parts"]["contact"],
                         "Gurpreet Sandhu, gurpreet@brindley-coatings.example, 0121 496 0732")

        orgs = self.organisations()
        brindley = orgs["Brindley Coatings Limited"]
        self.assertEqual(brindley["website"], "https://www.brindley-coatings.example")
        self.assertEqual(brindley["phone"], "0121 496 0732")
        self.assertEqual(brindley["email"], "gurpreet@brindley-coatings.example")
        self.assertEqual(brindley["contact"], "Gurpreet Sandhu")
        self.assertEqual(brindley["employees"], 38)
        self.assertEqual(brindley["postcode"], "B66 2PL")
        self.assertEqual(brindley["local_authority"], "sandwell")
        # Two capabilities of one firm, one organisation.
        self.assertEqual(sum(1 for c in caps.values()
                             if c["organisation_id"] == orgs["Coventry Data Works"]["id"]), 2)

        # The next file with these columns is mapped as this one was.
        again = json.loads(self.ok("import", "capabilities", SHEET, "--skip-bad-rows", "--json",
                                   "--dry-run").stdout)
        unmatched = {u["value"]: u for u in again["unmatched"]}
        self.assertEqual(unmatched["Digital"]["mapped_to"], "creative")
        self.assertEqual(again["unchanged"], 30)

    def test_skipped_rows_are_written_to_fix_and_import_again(self):
        skipped = self.path("skipped.csv")
        self.ok("import", "capabilities", SHEET, "--skip-bad-rows", "--skipped", skipped)
        with open(skipped, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[0][-1], "Why it was skipped")
        self.assertEqual(rows[0][:3], ["Company Name", "Capability", "Capability description"])
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[1][1], "Laser welding of thin-gauge stainless")
        self.assertEqual(rows[1][-1], "the company name is empty")

        # Fixed in a spreadsheet and imported again: the extra column is ignored.
        rows[1][0] = "Great Bridge Laser Ltd"
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        fixed = self.write("fixed.csv", out.getvalue(), bom=True)
        result = self.ok("import", "capabilities", fixed)
        self.assertIn("“Why it was skipped”", result.stderr)
        self.assertIn("1 added", result.stdout)
        orgs = self.organisations()
        self.assertEqual(orgs["Great Bridge Laser Ltd"]["local_authority"], "sandwell")

    def test_all_or_nothing_still_writes_the_skipped_file(self):
        skipped = self.path("skipped.csv")
        result = self.cli("import", "capabilities", SHEET, "--skipped", skipped)
        self.assertEqual(result.returncode, 1)
        self.assertIn("nothing was imported", result.stderr)
        self.assertTrue(os.path.exists(skipped))
        self.assertEqual(self.capabilities(), [])

    def test_undo_takes_the_whole_import_back(self):
        report_path = self.path("report.json")
        result = self.ok("import", "capabilities", SHEET, "--skip-bad-rows", "--json")
        with open(report_path, "w", encoding="utf-8") as f:
            f.write(result.stdout)
        self.assertEqual(len(self.capabilities()), 30)
        # Someone edits one record after the import: the undo leaves it.
        cap = self.capabilities()[0]
        self.ok("update", cap["id"], "--json", "-", stdin='{"description": "Checked by phone"}')

        undo = self.ok("import-undo", report_path)
        # The edited capability stays, and so does its organisation.
        self.assertIn("Took back 57 records", undo.stdout)
        self.assertIn("2 records were changed since the import, or are named by one", undo.stderr)
        self.assertEqual([c["id"] for c in self.capabilities()], [cap["id"]])
        self.assertEqual(len(self.organisations()), 1)

        bad = self.write("bad.json", '{"rows": 3}')
        result = self.cli("import-undo", bad)
        self.assertEqual(result.returncode, 1)
        self.assertIn("not the JSON report of an import", result.stderr)


class DuplicateTests(ImportCase):
    def test_a_firm_like_a_stored_one_updates_it(self):
        brindley = self.ok("add", "organisation", "--json", "-", stdin=json.dumps(
            {"name": "Brindley Coatings Ltd", "kind": "sme", "phone": "0121 496 0000"})).stdout.strip()
        halesowen = self.ok("add", "organisation", "--json", "-", stdin=json.dumps(
            {"name": "Halesowen Precision", "kind": "sme",
             "website": "https://www.halesowen-precision.example"})).stdout.strip()

        result = self.ok("import", "capabilities", SHEET, "--skip-bad-rows")
        self.assertIn("“Brindley Coatings Limited” looks like the stored organisation "
                      "“Brindley Coatings Ltd”, so it updates that one", result.stderr)
        self.assertIn("“Halesowen Precision Engineering” has the website of the stored "
                      "organisation “Halesowen Precision”", result.stderr)
        self.assertIn("27 new organisations", result.stdout)
        orgs = self.organisations()
        self.assertNotIn("Brindley Coatings Limited", orgs)
        self.assertNotIn("Halesowen Precision Engineering", orgs)
        # Its gaps in website, email and phone are filled; what it had
        # stays, and a capability's staff or contact is not the firm's.
        self.assertEqual(orgs["Brindley Coatings Ltd"]["phone"], "0121 496 0000")
        self.assertEqual(orgs["Brindley Coatings Ltd"]["email"], "gurpreet@brindley-coatings.example")
        self.assertIsNone(orgs["Brindley Coatings Ltd"]["contact"])
        self.assertEqual(orgs["Halesowen Precision"]["phone"], "0121 496 0118")
        self.assertEqual(orgs["Halesowen Precision"]["employees"], 0)
        caps = {c["title"]: c for c in self.capabilities()}
        self.assertEqual(caps["Thermal spray coatings for wear parts"]["organisation_id"], brindley)
        self.assertEqual(caps["5-axis machining of aluminium and titanium"]["organisation_id"], halesowen)

    def test_organisation_rows_update_by_name_or_website(self):
        self.ok("add", "organisation", "--json", "-", stdin=json.dumps(
            {"name": "Redditch Springs & Pressings Ltd", "kind": "sme"}))
        self.ok("add", "organisation", "--json", "-", stdin=json.dumps(
            {"name": "Arden Robotics", "kind": "sme", "website": "https://arden-robotics.example"}))
        sheet = self.write("orgs.csv",
                           "Organisation,No. of staff,Web site,Tel,Post Code\r\n"
                           "REDDITCH SPRINGS AND PRESSINGS LIMITED,70,,01527 000000,B98 0RE\r\n"
                           "Arden Robotic Systems,14,www.arden-robotics.example,,CV8 1JD\r\n"
                           "Redditch Spring Co,5,,,\r\n", bom=True)
        report = json.loads(self.ok("import", "organisations", sheet, "--json").stdout)
        self.assertEqual((report["updated"], report["added"]), (2, 1))
        orgs = self.organisations()
        self.assertEqual(len(orgs), 3)
        self.assertEqual(orgs["Redditch Springs & Pressings Ltd"]["employees"], 70)
        self.assertEqual(orgs["Redditch Springs & Pressings Ltd"]["local_authority"], "redditch")
        self.assertEqual(orgs["Redditch Springs & Pressings Ltd"]["postcode"], "B98 0RE")
        self.assertEqual(orgs["Arden Robotics"]["employees"], 14)

    def test_a_row_taken_as_a_stored_firm_can_be_kept_apart(self):
        self.ok("add", "organisation", "--json", "-", stdin=json.dumps(
            {"name": "Arden Robotics", "kind": "sme", "website": "https://arden-robotics.example"}))
        self.ok("add", "organisation", "--json", "-", stdin=json.dumps(
            {"name": "Brindley Coatings Ltd", "kind": "sme"}))
        sheet = self.write("orgs.csv",
                           "Organisation,No. of staff,Web site\r\n"
                           "Arden Robotic Systems,14,www.arden-robotics.example\r\n"
                           "BRINDLEY COATINGS LIMITED,9,\r\n")
        # The review says which rows were taken as which stored firm.
        preview = json.loads(self.ok("import", "organisations", sheet, "--dry-run", "--json").stdout)
        similar = {s["name"]: s for s in preview["similar"]}
        self.assertEqual(set(similar), {"Arden Robotic Systems", "BRINDLEY COATINGS LIMITED"})
        by_website, same_name = similar["Arden Robotic Systems"], similar["BRINDLEY COATINGS LIMITED"]
        self.assertEqual((by_website["by"], by_website["stored_name"]), ("website", "Arden Robotics"))
        self.assertTrue(by_website["can_keep_apart"])
        self.assertFalse(same_name["can_keep_apart"])
        self.assertFalse(by_website["kept_apart"])

        refused = self.cli("import", "organisations", sheet, "--keep-apart", "two")
        self.assertEqual(refused.returncode, 2)
        self.assertIn("--keep-apart: “two” is not a row number", refused.stderr)
        self.assertEqual(len(self.organisations()), 2)

        rows = "%d,%d" % (by_website["row"], same_name["row"])
        result = self.ok("import", "organisations", sheet, "--keep-apart", rows, "--json")
        report = json.loads(result.stdout)
        self.assertEqual((report["added"], report["updated"]), (1, 1))
        self.assertTrue({s["name"]: s for s in report["similar"]}["Arden Robotic Systems"]["kept_apart"])
        self.assertIn("cannot be kept apart", result.stderr)
        orgs = self.organisations()
        self.assertEqual(set(orgs), {"Arden Robotics", "Arden Robotic Systems", "Brindley Coatings Ltd"})
        self.assertEqual(orgs["Brindley Coatings Ltd"]["employees"], 9)
        self.assertEqual(orgs["Arden Robotic Systems"]["employees"], 14)
        self.assertEqual(orgs["Arden Robotics"]["employees"], 0)   # as added: untouched


class ValueTests(ImportCase):
    def test_a_council_challenge_sheet(self):
        self.ok("add", "organisation", "--json", "-", stdin=json.dumps(
            {"name": "Sandwell Council", "kind": "public-body"}))
        sheet = self.write("needs.csv",
                           "Organisation,Need,Details,Theme,TRL needed,Budget,Closing date,Location\r\n"
                           "Sandwell Council,Depot heat decarbonisation,\"Replace gas boilers, 3 depots\","
                           "Net Zero,TRL 6-8,\"£25,000 - £80,000\",03/11/2026,West Bromwich\r\n"
                           "Sandwell Council,Gully sensor pilot,Flood warning,Digital,7,up to £25k,"
                           "3 Nov 26,Oldbury B69 4LT\r\n"
                           ",,,,,,,\r\n", bom=True)
        report = json.loads(self.ok("import", "challenges", sheet, "--json").stdout)
        self.assertEqual((report["rows"], report["added"], report["organisations_added"]), (2, 2, 0))
        chal = {c["title"]: c for c in self.json("list", "challenges", "--json")}
        depot = chal["Depot heat decarbonisation"]
        self.assertEqual((depot["trl_min"], depot["trl_max"]), (6, 8))
        self.assertEqual((depot["budget_min"], depot["budget_max"]), (25000, 80000))
        self.assertEqual(depot["deadline"], "2026-11-03")
        self.assertEqual(depot["cluster"], "low-carbon-energy")
        self.assertEqual(depot["local_authority"], "sandwell")
        gully = chal["Gully sensor pilot"]
        self.assertEqual((gully["trl_min"], gully["trl_max"]), (7, 7))
        self.assertEqual((gully["budget_min"], gully["budget_max"]), (0, 25000))
        self.assertEqual(gully["deadline"], "2026-11-03")
        self.assertIsNone(gully["cluster"])
        self.assertEqual(gully["local_authority"], "sandwell")

    def test_every_problem_of_a_row_at_once(self):
        sheet = self.write("caps.csv",
                           "Company,Capability,TRL,Staff,Sector\n"
                           ",,12,lots,Metals\n"
                           "Arden Robotics,Cobot cells,TRL 11,-3,Space Tourism\n")
        result = self.cli("import", "capabilities", sheet)
        self.assertEqual(result.returncode, 1)
        err = result.stderr
        self.assertIn("row 2: the company is empty", err)
        self.assertIn("row 2: the capability is empty", err)
        self.assertIn("row 2, column TRL: 12 is not between 1 and 9", err)
        self.assertIn("row 2, column Staff: “lots” is not a whole number; left empty", err)
        self.assertIn("row 3, column TRL: 11 is not between 1 and 9", err)
        self.assertIn("cluster “Space Tourism” (1 row) matches nothing", err)
        self.assertEqual(self.capabilities(), [])

    def test_bad_value_maps_are_refused(self):
        for bad, needle in (("Digital=creative", "field:value=id"),
                            ("title:x=y", "only values of cluster and local_authority")):
            result = self.cli("import", "capabilities", SHEET, "--map-value", bad)
            self.assertEqual(result.returncode, 1, bad)
            self.assertIn(needle, result.stderr)


if __name__ == "__main__":
    unittest.main()

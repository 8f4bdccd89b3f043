#!/usr/bin/env python3
"""End-to-end tests of import, export and shortlists through the real
interchange-cli: CSV round trips, the all-or-nothing rule, XLSX read back
with openpyxl, PDF text read back with pdftotext."""

import csv
import io
import json
import os
import shutil
import subprocess
import tempfile
import unicodedata
import unittest
import zipfile

CLI = os.environ.get("INTERCHANGE_CLI", "interchange-cli")

NAMES = {
    "polish": "Łódź Łukasz Sp. z o.o.",
    "welsh": "Llŷr Gwaith Dur Cyf",
    "chinese": "王芳",
    "urdu": "فاطمہ",
}


def has_font_for(text):
    """Whether fontconfig knows a font with every character of @text."""
    charset = " ".join("%x" % ord(c) for c in text if not c.isspace())
    result = subprocess.run(["fc-list", ":charset=" + charset, "family"],
                            capture_output=True, text=True)
    return result.returncode == 0 and result.stdout.strip() != ""


class IoTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = self.path("test.db")
        self.env = dict(os.environ, INTERCHANGE_AUTHOR="Test Expert", LC_ALL="C.UTF-8")
        self.env.pop("INTERCHANGE_DB", None)

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def cli(self, *args, db=None):
        argv = [CLI, "--db", db or self.db] + list(args)
        return subprocess.run(argv, capture_output=True, text=True, env=self.env, timeout=120)

    def ok(self, *args, **kwargs):
        result = self.cli(*args, **kwargs)
        self.assertEqual(result.returncode, 0, f"{args}: {result.stderr}")
        return result

    def json(self, *args, **kwargs):
        return json.loads(self.ok(*args, **kwargs).stdout)

    def write(self, name, text, encoding="utf-8"):
        with open(self.path(name), "w", encoding=encoding, newline="") as f:
            f.write(text)
        return self.path(name)

    def add(self, kind, record):
        path = self.write(kind + ".json", json.dumps(record))
        return self.ok("add", kind, "--json", path).stdout.strip()

    def make_shortlist_fixture(self):
        """A buyer, a challenge and capabilities from firms whose names
        need several scripts, one with a title a spreadsheet would run."""
        self.ok("init")
        buyer = self.add("organisation", {"name": "Tamebridge Depot Services plc", "kind": "large-firm",
                                          "local_authority": "sandwell"})
        challenge = self.add("challenge", {
            "organisation_id": buyer, "title": "Hydrogen refuelling for depot vans",
            "description": "Hydrogen refuelling and fuel cell vans for a depot fleet.",
            "cluster": "low-carbon-energy", "tags": ["hydrogen", "fuel cells", "refuelling"],
            "trl_min": 4, "trl_max": 8, "budget_min": 20000, "budget_max": 250000,
            "deadline": "2099-12-31", "local_authority": "sandwell", "status": "open"})
        firms = [NAMES["polish"], NAMES["welsh"], NAMES["chinese"], NAMES["urdu"]]
        titles = ["Hydrogen fuel cell stacks", "Hydrogen refuelling stations",
                  "Fuel cell van conversions", "=HYPERLINK(\"http://evil.example\",\"hydrogen\")"]
        for firm, title in zip(firms, titles):
            org = self.add("organisation", {"name": firm, "kind": "sme", "local_authority": "walsall",
                                            "website": "https://firm.example.com"})
            self.add("capability", {
                "organisation_id": org, "title": title,
                "description": "Hydrogen and fuel cell work for depot vehicles and refuelling.",
                "cluster": "low-carbon-energy", "tags": ["hydrogen", "fuel cells", "refuelling"],
                "trl": 6, "employees": 20, "local_authority": "walsall",
                "contact": "@ops " + firm})
        shortlist = self.ok("shortlist", "create", "--challenge", challenge, "--top", "10",
                            "--name", "Depot hydrogen shortlist").stdout.strip()
        return challenge, shortlist


class ImportTests(IoTestCase):
    CSV = ("Company,Capability,Description,Sector,Keywords,TRL,Postcode\r\n"
           "Acme Ltd,Laser cutting,\"Cuts, \"\"fast\"\"\nand clean\",metals and materials,"
           "\"lasers; cutting\",6,B15 2TT\r\n"
           "Bad Ltd,Broken TRL,,automotive,,11,\r\n"
           "Cogs Ltd,Gear grinding,,automotive,gears,5,CV1 2AB\r\n")

    def test_all_or_nothing(self):
        self.ok("init")
        path = self.write("caps.csv", "\ufeff" + self.CSV)
        result = self.cli("import", "capabilities", path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("row 3, column TRL: 11 is not between 1 and 9", result.stderr)
        self.assertIn("nothing was imported", result.stderr)
        self.assertEqual(self.json("list", "capabilities", "--json"), [])
        self.assertEqual(self.json("list", "organisations", "--json"), [])

    def test_skip_bad_rows_and_update(self):
        self.ok("init")
        path = self.write("caps.csv", self.CSV)
        report = self.json("import", "capabilities", path, "--skip-bad-rows", "--json")
        self.assertEqual((report["added"], report["rejected"], report["organisations_added"]), (2, 1, 2))
        self.assertEqual(report["errors"][0]["column"], "TRL")
        self.assertEqual(report["errors"][0]["row"], 3)
        caps = {c["title"]: c for c in self.json("list", "capabilities", "--json")}
        self.assertEqual(caps["Laser cutting"]["description"], "Cuts, \"fast\"\nand clean")
        self.assertEqual(caps["Laser cutting"]["cluster"], "metals-materials")
        self.assertEqual(caps["Laser cutting"]["local_authority"], "birmingham")
        self.assertEqual(caps["Gear grinding"]["local_authority"], "coventry")

        # The same organisation and title update rather than duplicate.
        path = self.write("again.csv", "Company;Capability;TRL\nacme ltd;LASER cutting;7\n")
        report = self.json("import", "capabilities", path, "--json")
        self.assertEqual((report["added"], report["updated"]), (0, 1))
        caps = self.json("list", "capabilities", "--json")
        self.assertEqual(len(caps), 2)
        self.assertEqual([(c["title"], c["trl"]) for c in caps if c["title"].lower() == "laser cutting"],
                         [("LASER cutting", 7)])

    def test_dry_run_and_map(self):
        self.ok("init")
        path = self.write("odd.csv", "Firm\tWhat they do\tStaff\nAcme Ltd\tWelding\t12\n")
        result = self.cli("import", "capabilities", path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("--map COLUMN=title", result.stderr)
        report = self.json("import", "capabilities", path, "--dry-run", "--json",
                           "--map", "What they do=title")
        self.assertTrue(report["dry_run"])
        self.assertEqual(report["added"], 1)
        self.assertEqual(self.json("list", "capabilities", "--json"), [])
        self.ok("import", "capabilities", path, "--map", "2=title,Staff=employees")
        self.assertEqual(self.json("list", "capabilities", "--json")[0]["employees"], 12)

    def test_bad_files(self):
        self.ok("init")
        cases = {
            "empty.csv": ("", "empty"),
            "quote.csv": ("Company,Capability\nAcme,\"never closed\n", "never closed"),
            "utf16.csv": ("Company,Capability\nAcme,X\n".encode("utf-16").decode("latin-1"), "UTF-16"),
        }
        for name, (text, message) in cases.items():
            path = self.write(name, text, encoding="latin-1" if name == "utf16.csv" else "utf-8")
            result = self.cli("import", "capabilities", path)
            self.assertEqual(result.returncode, 1, name)
            self.assertIn(message, result.stderr, name)
        self.assertEqual(self.cli("import", "widgets", self.path("empty.csv")).returncode, 2)
        self.assertEqual(self.cli("import", "capabilities").returncode, 2)

    def test_export_import_round_trip(self):
        self.ok("demo")
        other = self.path("other.db")
        self.ok("init", db=other)
        for kind in ("organisations", "challenges", "capabilities"):
            out = self.path(kind + ".csv")
            self.ok("export", kind, "--format", "csv", "--bom", "-o", out)
            report = self.json("import", kind, out, "--json", db=other)
            self.assertEqual(report["rejected"], 0, report["errors"][:3])

            def strip(records):
                for r in records:
                    for key in ("rev", "updated_at", "author"):
                        r.pop(key, None)
                return sorted(records, key=lambda r: r["id"])
            self.assertEqual(strip(self.json("list", kind, "--json")),
                             strip(self.json("list", kind, "--json", db=other)), kind)

            # Importing the export again changes nothing.
            report = self.json("import", kind, out, "--json", db=other)
            self.assertEqual((report["added"], report["updated"]), (0, 0))

        out = self.path("caps.json")
        self.ok("export", "capabilities", "--format", "json", "-o", out)
        with open(out, encoding="utf-8") as f:
            self.assertEqual(len(json.load(f)), len(self.json("list", "capabilities", "--json")))


class ShortlistTests(IoTestCase):
    def test_create_list_show(self):
        challenge, shortlist = self.make_shortlist_fixture()
        listed = self.json("shortlist", "list", "--json")
        self.assertEqual([s["id"] for s in listed], [shortlist])
        shown = self.json("shortlist", "show", shortlist, "--json")
        self.assertEqual(shown["challenge_id"], challenge)
        self.assertEqual(shown["name"], "Depot hydrogen shortlist")
        self.assertEqual(len(shown["entries"]), 4)
        first = shown["entries"][0]
        self.assertIn("criteria", first["explanation"])
        self.assertIn("hydrogen", first["explanation"]["matched_tags"])
        scores = [e["score"] for e in shown["entries"]]
        self.assertEqual(scores, sorted(scores, reverse=True))
        text = self.ok("shortlist", "show", shortlist).stdout
        self.assertIn(NAMES["chinese"], text)
        self.assertEqual(self.cli("shortlist", "create").returncode, 2)
        self.assertEqual(self.cli("shortlist", "create", "--challenge", "nope").returncode, 1)
        self.assertEqual(self.cli("shortlist", "frobnicate").returncode, 2)

    def test_csv_and_json(self):
        _, shortlist = self.make_shortlist_fixture()
        out = self.path("s.csv")
        self.ok("export", "shortlist", shortlist, "--format", "csv", "-o", out)
        with open(out, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 4)
        for row in rows:
            for value in row.values():
                self.assertFalse(value[:1] in ("=", "+", "-", "@", "\t", "\r"), value)
        evil = [r for r in rows if "HYPERLINK" in r["capability"]][0]
        self.assertTrue(evil["capability"].startswith("'="))
        self.assertTrue(all(r["contact"].startswith("'@") for r in rows))

        out = self.path("s.json")
        self.ok("export", "shortlist", shortlist, "--format", "json", "-o", out)
        with open(out, encoding="utf-8") as f:
            data = json.load(f)
        self.assertEqual(data["challenge"]["title"], "Hydrogen refuelling for depot vans")
        entry = data["entries"][0]
        self.assertAlmostEqual(sum(c["contribution"] for c in entry["explanation"]["criteria"].values()),
                               entry["score"], places=6)

    def test_private_notes_and_stages(self):
        """A PDF leaves the team's notes and stages out unless asked; the
        working formats keep them unless asked not to."""
        challenge, _ = self.make_shortlist_fixture()
        capability = self.json("list", "capabilities", "--json")[0]["id"]
        shortlist = self.ok("shortlist", "create", "--challenge", challenge, "--top", "0",
                            "--name", "Noted").stdout.strip()
        self.ok("shortlist", "add", shortlist, capability, "--note", "Spoke to MD, keen on a 6-week trial")

        def csv_rows(*options):
            text = self.ok("export", "shortlist", shortlist, "--format", "csv", "-o", "-", *options).stdout
            return list(csv.DictReader(io.StringIO(text)))
        rows = csv_rows()
        self.assertEqual(rows[0]["note"], "Spoke to MD, keen on a 6-week trial")
        self.assertEqual(rows[0]["stage"], "Proposed")
        rows = csv_rows("--notes", "no", "--stages", "no")
        self.assertNotIn("note", rows[0])
        self.assertNotIn("stage", rows[0])
        self.assertEqual(self.cli("export", "shortlist", shortlist, "--format", "csv", "-o", "-",
                                  "--notes", "maybe").returncode, 2)

        if shutil.which("pdftotext") is None:
            self.skipTest("pdftotext is not installed")

        def pdf_text(*options):
            out = self.path("n.pdf")
            self.ok("export", "shortlist", shortlist, "--format", "pdf", "-o", out, *options)
            return subprocess.run(["pdftotext", "-enc", "UTF-8", out, "-"], capture_output=True,
                                  check=True).stdout.decode("utf-8")
        text = pdf_text()
        self.assertNotIn("keen on a 6-week trial", text)
        self.assertNotIn("Stage:", text)
        text = pdf_text("--notes", "yes", "--stages", "yes")
        self.assertIn("keen on a", text)
        self.assertIn("Stage:", text)

    def test_xlsx_read_back(self):
        import openpyxl
        _, shortlist = self.make_shortlist_fixture()
        shown = self.json("shortlist", "show", shortlist, "--json")
        out = self.path("s.xlsx")
        self.ok("export", "shortlist", shortlist, "--format", "xlsx", "-o", out)

        book = openpyxl.load_workbook(out)
        self.assertEqual(book.sheetnames, ["Shortlist", "Challenge"])
        sheet = book["Shortlist"]
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertTrue(sheet.auto_filter.ref.startswith("A1:"))
        header = [c.value for c in sheet[1]]
        for label in ("Rank", "Capability", "Organisation", "Score", "Why", "Stage", "Contact"):
            self.assertIn(label, header)
        self.assertGreaterEqual(len(header), 4 + 7 + 5)
        score_col = header.index("Score") + 1
        for i, entry in enumerate(shown["entries"]):
            cell = sheet.cell(row=i + 2, column=score_col)
            self.assertIsInstance(cell.value, float)
            self.assertAlmostEqual(cell.value, entry["score"], places=9)
            self.assertIn("%", cell.number_format)
            criterion = sheet.cell(row=i + 2, column=score_col + 1)
            self.assertAlmostEqual(criterion.value, entry["explanation"]["criteria"]["text"]["score"])
        names = [sheet.cell(row=r, column=header.index("Organisation") + 1).value for r in range(2, 6)]
        self.assertEqual(sorted(names), sorted(NAMES.values()))
        self.assertGreater(sheet.column_dimensions["B"].width, 10)

        # A formula-like title is a string cell, never a formula.
        evil = [sheet.cell(row=r, column=2) for r in range(2, 6)
                if "HYPERLINK" in sheet.cell(row=r, column=2).value][0]
        self.assertEqual(evil.data_type, "s")
        with zipfile.ZipFile(out) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/"):
                    self.assertNotIn(b"<f>", z.read(name))

        challenge = book["Challenge"]
        values = {row[0].value: row[1].value for row in challenge.iter_rows(min_row=2)}
        self.assertEqual(values["Challenge"], "Hydrogen refuelling for depot vans")
        self.assertEqual(values["Budget (GBP)"], "£20,000–£250,000")

    def test_pdf_read_back(self):
        if shutil.which("pdftotext") is None:
            self.skipTest("pdftotext is not installed")
        _, shortlist = self.make_shortlist_fixture()
        out = self.path("s.pdf")
        self.ok("export", "shortlist", shortlist, "--format", "pdf", "-o", out)
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", out, "-"], capture_output=True,
                              check=True).stdout.decode("utf-8")
        folded = unicodedata.normalize("NFKC", text)
        self.assertIn("Depot hydrogen shortlist", folded)
        self.assertIn("The challenge in brief", folded)
        self.assertIn("Page 1 of", folded)
        self.assertRegex(folded, r"\d{4}-\d{2}-\d{2}")
        self.assertIn("Why:", folded)
        for script, name in NAMES.items():
            if not has_font_for(name):
                print(f"# SKIP {script}: no installed font covers {name!r}")
                continue
            if script == "urdu":
                # Right-to-left text may come back in visual order.
                self.assertTrue(name in folded or name[::-1] in folded, script)
            else:
                self.assertIn(name, folded, script)

    def test_export_errors(self):
        challenge, shortlist = self.make_shortlist_fixture()
        self.assertEqual(self.cli("export", "shortlist", shortlist, "-o", self.path("x")).returncode, 2)
        self.assertEqual(self.cli("export", "capabilities", "--format", "pdf", "-o",
                                  self.path("x")).returncode, 2)
        self.assertEqual(self.cli("export", "shortlist", challenge, "--format", "csv", "-o",
                                  self.path("x.csv")).returncode, 1)
        self.assertFalse(os.path.exists(self.path("x.csv")))
        out = self.cli("export", "shortlist", shortlist, "--format", "csv", "-o", "-").stdout
        self.assertTrue(out.startswith("rank,"))


if __name__ == "__main__":
    unittest.main(verbosity=2)

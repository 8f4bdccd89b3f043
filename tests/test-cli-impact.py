#!/usr/bin/env python3
"""`interchange-cli report impact` end to end on a fixture built through
the command line, with answers worked out by hand: JSON, CSV, the
workbook read back with openpyxl and the PDF with pdftotext."""

import csv
import io
import json
import os
import subprocess
import tempfile
import unittest

CLI = os.environ.get("INTERCHANGE_CLI", "interchange-cli")


class ImpactTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "test.db")
        cls.env = dict(os.environ, INTERCHANGE_AUTHOR="Test Expert", LC_ALL="C.UTF-8")
        cls.env.pop("INTERCHANGE_DB", None)
        cls.run_ok("init")
        big = cls.add("organisation", {"name": "Depot plc", "kind": "large-firm", "cluster": "automotive"})
        sme_a = cls.add("organisation", {"name": "Wings Ltd", "kind": "sme", "cluster": "aerospace"})
        sme_b = cls.add("organisation", {"name": "Gears Ltd", "kind": "sme", "cluster": "automotive"})
        challenge = cls.add("challenge", {"organisation_id": big, "title": "Lighter vans",
                                          "description": "Lighter van bodies.", "cluster": "automotive",
                                          "status": "open"})
        cls.ca = cls.add("capability", {"organisation_id": sme_a, "title": "Composite panels",
                                        "description": "Composite panels.", "cluster": "aerospace"})
        cls.cb = cls.add("capability", {"organisation_id": sme_b, "title": "Gear boxes",
                                        "description": "Gear boxes.", "cluster": "automotive"})
        cls.sl = cls.run_ok("shortlist", "create", "--challenge", challenge, "--top", "0",
                            "--name", "Vans").stdout.strip()
        for cap in (cls.ca, cls.cb):
            cls.run_ok("shortlist", "add", cls.sl, cap)
        cls.stage(cls.ca, "contacted", "--at", "2025-01-10")
        cls.stage(cls.ca, "collaborating", "--at", "2025-02-15")
        cls.stage(cls.cb, "contacted", "--at", "2025-04-02")
        cls.stage(cls.cb, "collaborating", "--at", "2025-05-01")
        cls.stage(cls.cb, "declined", "--reason", "no-capacity", "--at", "2025-05-20")
        # A deleted shortlist counts for nothing.
        gone = cls.run_ok("shortlist", "create", "--challenge", challenge, "--top", "0",
                          "--name", "Gone").stdout.strip()
        cls.run_ok("shortlist", "add", gone, cls.cb)
        cls.run_ok("shortlist", "stage", gone, cls.cb, "collaborating", "--at", "2025-03-01")
        cls.run_ok("delete", gone)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def cli(cls, *args):
        return subprocess.run([CLI, "--db", cls.db] + list(args), capture_output=True,
                              text=True, env=cls.env, timeout=60)

    @classmethod
    def run_ok(cls, *args):
        result = cls.cli(*args)
        if result.returncode != 0:
            raise AssertionError(f"{args}: {result.stderr}")
        return result

    @classmethod
    def add(cls, kind, record):
        path = os.path.join(cls.tmp.name, kind + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(record, f)
        return cls.run_ok("add", kind, "--json", path).stdout.strip()

    @classmethod
    def stage(cls, cap, *args):
        cls.run_ok("shortlist", "stage", cls.sl, cap, *args)

    def report(self, *args):
        return json.loads(self.run_ok("report", "impact", *args).stdout)

    def test_half_year(self):
        r = self.report("--from", "2025-01-01", "--to", "2025-06-30")
        for key in ("collaborations", "cross_sector", "smes_assisted", "organisations_engaged",
                    "events", "meetings", "by_quarter"):
            self.assertIn(key, r)
        self.assertEqual((r["collaborations"], r["cross_sector"], r["smes_assisted"],
                          r["organisations_engaged"], r["events"], r["meetings"]), (1, 1, 2, 1, 0, 0))
        self.assertEqual(r["by_quarter"], [
            {"quarter": "2025-Q1", "collaborations": 1, "cross_sector": 1},
            {"quarter": "2025-Q2", "collaborations": 0, "cross_sector": 0}])
        self.assertEqual(r["median_days_to_collaborating"], 36.0)
        self.assertEqual({d["reason"]: d["entries"] for d in r["decline_reasons"]},
                         {"not-relevant": 0, "no-capacity": 1, "too-early": 0, "too-costly": 0,
                          "conflict-of-interest": 0, "other": 0})
        self.assertEqual({f["stage"]: f["entries"] for f in r["funnel"]},
                         {"proposed": 2, "contacted": 2, "introduced": 2, "meeting-held": 2,
                          "collaborating": 2, "declined": 1})
        self.assertEqual(r["by_cluster_pair"], [
            {"challenge_cluster": "automotive", "sme_cluster": "aerospace", "collaborations": 1}])

    def test_second_quarter_and_clusters(self):
        q2 = self.report("--from", "2025-04-01", "--to", "2025-06-30")
        self.assertEqual((q2["collaborations"], q2["smes_assisted"]), (0, 1))
        aero = self.report("--from", "2025-01-01", "--to", "2025-06-30", "--cluster", "aerospace")
        self.assertEqual((aero["cluster"], aero["collaborations"], aero["smes_assisted"]), ("aerospace", 1, 1))
        metals = self.report("--from", "2025-01-01", "--to", "2025-06-30", "--cluster", "metals-materials")
        self.assertEqual(metals["collaborations"], 0)

    def test_bad_input(self):
        for args, status, needle in [
                ((), 2, "--from"),
                (("--from", "2025-01-01", "--to", "2024-01-01"), 1, "ends (2024-01-01) before it starts"),
                (("--from", "2025-13-01", "--to", "2025-12-31"), 1, "“2025-13-01” is not a date"),
                (("--from", "2025-01-01", "--to", "2025-12-31", "--cluster", "space"), 1, "“space” is not a cluster"),
                (("--from", "2025-01-01", "--to", "2025-12-31", "--format", "doc"), 2, "--format"),
                (("--from", "2025-01-01", "--to", "2025-12-31", "--format", "xlsx"), 2, "-o FILE")]:
            with self.subTest(args=args):
                result = self.cli("report", "impact", *args)
                self.assertEqual(result.returncode, status, result.stderr)
                self.assertIn(needle, result.stderr)

    def test_csv(self):
        text = self.run_ok("report", "impact", "--from", "2025-01-01", "--to", "2025-06-30",
                           "--format", "csv").stdout
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
        figures = {(row["section"], row["item"], row["detail"]): row["value"] for row in rows}
        self.assertEqual(figures[("figure", "collaborations", "")], "1")
        self.assertEqual(figures[("figure", "smes_assisted", "")], "2")
        self.assertEqual(figures[("quarter", "2025-Q1", "cross_sector")], "1")
        self.assertEqual(figures[("decline_reason", "no-capacity", "")], "1")
        self.assertEqual(figures[("cluster_pair", "automotive", "aerospace")], "1")

    def test_xlsx(self):
        import openpyxl
        path = os.path.join(self.tmp.name, "impact.xlsx")
        self.run_ok("report", "impact", "--from", "2025-01-01", "--to", "2025-06-30", "--format", "xlsx",
                    "-o", path)
        book = openpyxl.load_workbook(path)
        self.assertEqual(book.sheetnames, ["Figures", "By quarter", "Funnel", "Decline reasons", "Clusters"])
        figures = {row[0]: row[1] for row in book["Figures"].iter_rows(min_row=2, values_only=True)}
        self.assertEqual(figures["Collaborations brokered"], 1)
        self.assertEqual(figures["Across sectors"], 1)
        self.assertEqual(figures["SMEs assisted"], 2)
        self.assertEqual(figures["Median days from proposed to collaborating"], 36)
        quarters = list(book["By quarter"].iter_rows(min_row=2, values_only=True))
        self.assertEqual(quarters, [("2025-Q1", 1, 1), ("2025-Q2", 0, 0)])
        clusters = list(book["Clusters"].iter_rows(values_only=True))
        self.assertEqual(clusters, [("Challenge cluster / SME cluster", "Aerospace"), ("Automotive", 1)])

    def test_pdf(self):
        path = os.path.join(self.tmp.name, "impact.pdf")
        self.run_ok("report", "impact", "--from", "2025-01-01", "--to", "2025-06-30", "--format", "pdf",
                    "-o", path)
        text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        for needle in ("Impact report", "1 Jan 2025 – 30 Jun 2025, all clusters", "Collaborations brokered",
                       "SMEs assisted", "2025-Q1: 1 (1 across sectors)", "No capacity: 1",
                       "Median days from proposed to collaborating: 36.0"):
            self.assertIn(needle, text)


if __name__ == "__main__":
    unittest.main(verbosity=2)

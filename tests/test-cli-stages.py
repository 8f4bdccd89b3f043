#!/usr/bin/env python3
"""`interchange-cli shortlist stage` end to end: dated, attributed stage
changes, declines with a reason from the list, outcomes recorded later,
and clear refusals that leave the database as it was."""

import json
import os
import unittest

from clitest import CliTestCase


class StageTests(CliTestCase):
    AUTHOR = "Test Expert"
    START = "init"

    def setUp(self):
        super().setUp()
        buyer = self.add("organisation", {"name": "Depot plc", "kind": "large-firm"})
        self.challenge = self.add("challenge", {
            "organisation_id": buyer, "title": "Hydrogen refuelling",
            "description": "Hydrogen refuelling for depot vans.", "cluster": "low-carbon-energy",
            "tags": ["hydrogen"], "status": "open"})
        sme = self.add("organisation", {"name": "Cells Ltd", "kind": "sme"})
        self.capability = self.add("capability", {
            "organisation_id": sme, "title": "Hydrogen fuel cells",
            "description": "Hydrogen fuel cell stacks.", "cluster": "low-carbon-energy",
            "tags": ["hydrogen"], "trl": 6})
        self.shortlist = self.ok("shortlist", "create", "--challenge", self.challenge,
                                 "--top", "0", "--name", "Depot").stdout.strip()
        self.ok("shortlist", "add", self.shortlist, self.capability)

    def add(self, kind, record):
        path = os.path.join(self.tmp.name, kind + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(record, f)
        return self.ok("add", kind, "--json", path).stdout.strip()

    def entry(self):
        shortlist = json.loads(self.ok("shortlist", "show", self.shortlist, "--json").stdout)
        return shortlist["entries"][0]

    def stage(self, *args):
        return self.cli("shortlist", "stage", self.shortlist, self.capability, *args)

    def test_changes_are_dated_and_attributed(self):
        self.assertEqual(self.stage("contacted", "--at", "2025-02-03").returncode, 0)
        self.assertEqual(self.stage("meeting held").returncode, 0)
        entry = self.entry()
        self.assertEqual(entry["stage"], "meeting-held")
        stages = entry["stages"]
        self.assertEqual([s["stage"] for s in stages], ["proposed", "contacted", "meeting-held"])
        self.assertEqual(stages[1]["at"], "2025-02-03T00:00:00Z")
        self.assertTrue(all(s["author"] == "Test Expert" for s in stages))
        self.assertTrue(all(s["at"].endswith("Z") for s in stages))
        # The text view shows the timeline.
        shown = self.ok("shortlist", "show", self.shortlist).stdout
        self.assertIn("2025-02-03  Contacted by Test Expert", shown)

    def test_decline_needs_a_reason_from_the_list(self):
        before = self.entry()
        result = self.stage("declined")
        self.assertEqual(result.returncode, 2)
        self.assertIn("needs --reason", result.stderr)
        self.assertIn("conflict-of-interest", result.stderr)
        result = self.stage("declined", "--reason", "bored")
        self.assertEqual(result.returncode, 2)
        self.assertIn("“bored” is not a reason", result.stderr)
        result = self.stage("declined", "--reason", "other")
        self.assertEqual(result.returncode, 2)
        self.assertIn("--note", result.stderr)
        result = self.stage("contacted", "--reason", "too-early")
        self.assertEqual(result.returncode, 2)
        self.assertIn("for a decline only", result.stderr)
        self.assertEqual(self.entry(), before)

        self.assertEqual(self.stage("declined", "--reason", "too_costly", "--note", "Over budget").returncode, 0)
        last = self.entry()["stages"][-1]
        self.assertEqual((last["stage"], last["reason"], last["reason_text"]),
                         ("declined", "too-costly", "Over budget"))

    def test_past_outcome_goes_in_its_place(self):
        self.assertEqual(self.stage("collaborating", "--at", "2025-06-01T09:00:00+01:00").returncode, 0)
        self.assertEqual(self.stage("contacted", "--at", "2025-03-01").returncode, 0)
        entry = self.entry()
        self.assertEqual(entry["stage"], "collaborating")
        self.assertEqual([s["at"][:10] for s in entry["stages"][1:]], ["2025-03-01", "2025-06-01"])
        self.assertEqual(entry["stages"][2]["at"], "2025-06-01T08:00:00Z")

    def test_bad_input_leaves_the_database_alone(self):
        before = self.entry()
        for args, status, needle in [
                (("won",), 2, "“won” is not a stage"),
                (("contacted", "--at", "yesterday"), 2, "--at: “yesterday” is not a date"),
                (("contacted", "--at", "2025-02-30"), 2, "is not a date"),
                (("contacted", "--at", "2999-01-01"), 2, "in the future"),
                (("proposed",), 1, "at “Proposed” already")]:
            with self.subTest(args=args):
                result = self.stage(*args)
                self.assertEqual(result.returncode, status, result.stderr)
                self.assertIn(needle, result.stderr)
        result = self.cli("shortlist", "stage", self.shortlist, self.challenge, "contacted")
        self.assertEqual(result.returncode, 1)
        self.assertIn("is not on the shortlist", result.stderr)
        result = self.cli("shortlist", "stage", self.capability, self.capability, "contacted")
        self.assertEqual(result.returncode, 1)
        self.assertIn("is not a shortlist", result.stderr)
        self.assertEqual(self.entry(), before)


if __name__ == "__main__":
    unittest.main(verbosity=2)

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the workshop commands of interchange-cli: event,
schedule and export agenda, on the sample data."""

import csv
import json
import os
import unittest
from collections import Counter

from clitest import CliTestCase


MEETING_KEYS = {"slot", "table", "challenge_organisation_id", "capability_organisation_id",
                "challenge_id", "capability_id", "score"}


class WorkshopTests(CliTestCase):
    AUTHOR = "Test Facilitator"

    def setUp(self):
        super().setUp()
        organisations = self.json("list", "organisations", "--json")
        owners = {c["organisation_id"] for c in self.json("list", "challenges", "--json")}
        smes = [o["id"] for o in organisations if o["id"] not in owners]
        self.owners = sorted(owners)[:8]
        self.smes = smes[:20]
        self.event = {
            "name": "Supply day",
            "date": "2026-03-03",
            "slots": [{"start": "09:%02d" % (i * 15), "minutes": 12} for i in range(4)],
            "tables": 5,
            "participants":
                [{"organisation_id": o, "available": [0, 1, 2, 3], "max_meetings": 3}
                 for o in self.owners] +
                [{"organisation_id": s, "available": sorted([i % 4, (i + 1) % 4]), "max_meetings": 2}
                 for i, s in enumerate(self.smes)],
            "requests": [{"from": self.smes[0], "to": self.owners[0]}],
            "forbidden": [{"a": self.owners[1], "b": self.smes[1]}],
        }

    def add_event(self):
        return self.ok("event", "add", "--json", self.write("event.json", self.event)).stdout.strip()

    def check_schedule(self, schedule, event):
        """Every rule of the event, checked from its JSON alone."""
        participants = {p["organisation_id"]: p for p in event["participants"]}
        busy = set()
        tables = set()
        pairs = set()
        count = Counter()
        forbidden = {frozenset((f["a"], f["b"])) for f in event["forbidden"]}
        for m in schedule["meetings"]:
            self.assertEqual(set(m), MEETING_KEYS)
            c, k, s = m["challenge_organisation_id"], m["capability_organisation_id"], m["slot"]
            self.assertIn(s, participants[c]["available"])
            self.assertIn(s, participants[k]["available"])
            self.assertLess(m["table"], event["tables"])
            self.assertNotIn((c, s), busy)
            self.assertNotIn((k, s), busy)
            busy |= {(c, s), (k, s)}
            self.assertNotIn((s, m["table"]), tables)
            tables.add((s, m["table"]))
            self.assertNotIn(frozenset((c, k)), pairs)
            pairs.add(frozenset((c, k)))
            self.assertNotIn(frozenset((c, k)), forbidden)
            count[c] += 1
            count[k] += 1
        for org, n in count.items():
            self.assertLessEqual(n, participants[org]["max_meetings"])
        self.assertAlmostEqual(schedule["objective"],
                               sum(m["score"] for m in schedule["meetings"]), places=9)

    def test_event_round_trip(self):
        event_id = self.add_event()
        shown = self.json("event", "show", event_id, "--json")
        for key, value in self.event.items():
            self.assertEqual(shown[key], value, key)
        self.assertEqual(shown["rev"], 1)
        self.assertIn(event_id, self.ok("event", "list").stdout)

    def test_schedule(self):
        event_id = self.add_event()
        schedule = self.json("schedule", event_id, "--json")
        self.assertEqual(set(schedule), {"event_id", "objective", "meetings"})
        self.assertEqual(schedule["event_id"], event_id)
        self.assertGreater(len(schedule["meetings"]), 0)
        self.check_schedule(schedule, self.event)
        # The request is placed; its challenge and capability are real records.
        self.assertTrue(any({m["challenge_organisation_id"], m["capability_organisation_id"]} ==
                            {self.owners[0], self.smes[0]} for m in schedule["meetings"]))
        for m in schedule["meetings"]:
            if m["challenge_id"] is not None:
                self.assertEqual(self.json("show", m["challenge_id"], "--json")["organisation_id"],
                                 m["challenge_organisation_id"])
        # Asking again changes nothing.
        self.assertEqual(self.json("schedule", event_id, "--json"), schedule)
        self.assertIn("Kept", self.ok("schedule", event_id).stdout)

    def test_conflict_rule_keeps_a_pair_apart(self):
        event_id = self.add_event()
        schedule = self.json("schedule", event_id, "--json")
        first = schedule["meetings"][0]
        c, k = first["challenge_organisation_id"], first["capability_organisation_id"]
        self.ok("conflict-rule", "add", k, c, "--reason", "Same group")

        again = self.json("schedule", event_id, "--fresh", "--json")
        self.assertFalse(any({m["challenge_organisation_id"], m["capability_organisation_id"]} == {c, k}
                             for m in again["meetings"]))
        self.assertEqual(again["left_out"], [{"organisation_id": min(c, k), "other_organisation_id": max(c, k),
                                              "reason": "Same group", "rule": "conflict-of-interest"}])
        self.check_schedule(again, dict(self.event, forbidden=self.event["forbidden"] + [{"a": c, "b": k}]))
        # The saved schedule is repaired the same way, and the text says why.
        text = self.ok("schedule", event_id).stdout
        self.assertIn("Not scheduled to meet (conflict of interest)", text)
        self.assertIn("Same group", text)

        rules = self.json("conflict-rule", "list", "--json")
        self.assertEqual([(r["organisation_id"], r["other_organisation_id"]) for r in rules],
                         [(min(c, k), max(c, k))])
        self.ok("conflict-rule", "remove", c, k)
        self.assertEqual(self.json("conflict-rule", "list", "--json"), [])
        self.assertNotIn("left_out", self.json("schedule", event_id, "--json"))

    def test_cancellation_keeps_other_meetings(self):
        event_id = self.add_event()
        before = self.json("schedule", event_id, "--json")
        counts = Counter()
        for m in before["meetings"]:
            counts[m["challenge_organisation_id"]] += 1
            counts[m["capability_organisation_id"]] += 1
        victim = counts.most_common(1)[0][0]
        self.event["participants"] = [p for p in self.event["participants"]
                                      if p["organisation_id"] != victim]
        self.event["requests"] = [r for r in self.event["requests"] if victim not in r.values()]
        self.event["forbidden"] = [f for f in self.event["forbidden"] if victim not in f.values()]
        self.ok("event", "update", event_id, "--json", self.write("event2.json", self.event))

        after = self.json("schedule", event_id, "--json")
        self.check_schedule(after, self.event)
        key = lambda m: (m["slot"], m["table"], m["challenge_organisation_id"],
                         m["capability_organisation_id"])
        kept = {key(m) for m in before["meetings"]
                if victim not in (m["challenge_organisation_id"], m["capability_organisation_id"])}
        self.assertTrue(kept <= {key(m) for m in after["meetings"]})

    def test_agenda(self):
        event_id = self.add_event()
        schedule = self.json("schedule", event_id, "--json")
        pdf = os.path.join(self.tmp.name, "agenda.pdf")
        self.ok("export", "agenda", event_id, "--format", "pdf", "-o", pdf)
        with open(pdf, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"%PDF"))
        self.assertIn(b"/Count %d" % len(self.event["participants"]), data)

        path = os.path.join(self.tmp.name, "agenda.csv")
        self.ok("export", "agenda", event_id, "--format", "csv", "-o", path)
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        # Each meeting appears on both participants' agendas.
        self.assertEqual(len(rows), 2 * len(schedule["meetings"]))
        self.assertTrue(all(1 <= int(r["table"]) <= self.event["tables"] for r in rows))

    def test_errors(self):
        bad = json.loads(json.dumps(self.event))
        bad["participants"][0]["available"] = [9]
        result = self.cli("event", "add", "--json", self.write("bad.json", bad))
        self.assertEqual(result.returncode, 1)
        self.assertIn("participants[1].available", result.stderr)
        self.assertEqual(self.cli("event", "add").returncode, 2)
        self.assertEqual(self.cli("schedule").returncode, 2)
        self.assertEqual(self.cli("schedule", "00000000-0000-4000-8000-000000000000").returncode, 1)
        event_id = self.add_event()
        result = self.cli("export", "agenda", event_id, "--format", "xlsx", "-o", "x")
        self.assertEqual(result.returncode, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)

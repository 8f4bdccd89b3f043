#!/usr/bin/env python3
"""What two facilitators share through the real feed server: the pairs
judged "not a match" (an include undoes one on every laptop), and
workshops, whose schedules merge meeting by meeting."""

import json
import unittest
import uuid

from feedlib import FeedTestCase, challenge, organisation


def capability(organisation_id, title):
    return {"organisation_id": organisation_id, "title": title,
            "description": "What an SME offers, for the integration tests", "cluster": "automotive",
            "tags": ["hydrogen", "testing"], "trl": 5}


def sme(name):
    return dict(organisation(name), kind="sme")


def pair_id(pair):
    """The id every laptop gives the pair's record (ic_exclusion_id_for())."""
    return str(uuid.uuid5(uuid.UUID("5b8f2e41-9c3d-4a71-b266-0d1e7ac49358"), "%s %s" % pair))


class ExcludedPairTests(FeedTestCase):
    def setUp(self):
        super().setUp()
        self.feed = self.server()
        self.a = self.client("a")
        self.b = self.client("b")
        firm = self.a.add("organisation", organisation("Tamebridge Buses Ltd"))
        supplier = self.a.add("organisation", sme("Hydrogen Fittings Ltd"))
        self.challenge = self.a.add("challenge", challenge(firm, "Hydrogen refuelling at the depot"))
        self.capability = self.a.add("capability", capability(supplier, "Hydrogen fittings"))
        self.a.sync(self.feed.url)
        self.b.sync(self.feed.url)

    def excluded(self, laptop):
        pairs = json.loads(laptop.cli_ok("match", "excluded", "--json").stdout)
        return [(p["challenge_id"], p["capability_id"]) for p in pairs]

    def test_an_exclusion_and_its_undo_reach_the_other_laptop(self):
        pair = (self.challenge, self.capability)
        matches = json.loads(self.b.cli_ok("match", "--challenge", self.challenge, "--json").stdout)
        self.assertIn(self.capability, json.dumps(matches))
        self.a.cli_ok("match", "exclude", *pair)
        counts = self.a.sync(self.feed.url)
        self.assertEqual(counts["pushed"], 1, counts)
        [change] = [c for c in self.feed.changes(self.token) if c["kind"] == "excluded_pair"]
        self.assertEqual(change["id"], pair_id(pair))
        self.assertEqual((change["record"]["challenge_id"], change["record"]["capability_id"]), pair)
        self.assertEqual(change["record"]["author"], "Test Expert")

        counts = self.b.sync(self.feed.url)
        self.assertEqual(counts["pulled"], 1, counts)
        self.assertEqual(self.excluded(self.b), [pair])
        # The other laptop's matcher leaves the pair out too.
        matches = json.loads(self.b.cli_ok("match", "--challenge", self.challenge, "--json").stdout)
        self.assertNotIn(self.capability, json.dumps(matches))

        # The undo, made on the other laptop, comes back.
        self.b.cli_ok("match", "include", *pair)
        self.assertEqual(self.b.sync(self.feed.url)["pushed"], 1)
        self.assertEqual(self.a.sync(self.feed.url)["pulled"], 1)
        self.assertEqual(self.excluded(self.a), [])
        [change] = [c for c in self.feed.changes(self.token) if c["kind"] == "excluded_pair"]
        self.assertTrue(change["deleted"])

        # Excluded again: the same record, a revision later.
        self.a.cli_ok("match", "exclude", *pair)
        self.a.sync(self.feed.url)
        self.b.sync(self.feed.url)
        self.assertEqual(self.excluded(self.b), [pair])
        [change] = [c for c in self.feed.changes(self.token) if c["kind"] == "excluded_pair"]
        self.assertEqual(change["rev"], 3)

    def test_both_laptops_excluding_one_pair_make_one_record(self):
        pair = (self.challenge, self.capability)
        self.a.cli_ok("match", "exclude", *pair)
        self.b.cli_ok("match", "exclude", *pair)
        self.a.sync(self.feed.url)
        self.b.sync(self.feed.url)
        self.a.sync(self.feed.url)
        self.assertEqual(self.excluded(self.a), [pair])
        self.assertEqual(self.excluded(self.b), [pair])
        kept = [c for c in self.feed.changes(self.token) if c["kind"] == "excluded_pair"]
        self.assertEqual(len(kept), 1, kept)
        # The same judgement twice is no conflict.
        self.assertEqual((self.a.status()["conflicts"], self.b.status()["conflicts"]), (0, 0))

    def test_an_include_against_an_exclusion_is_a_conflict(self):
        pair = (self.challenge, self.capability)
        self.a.cli_ok("match", "exclude", *pair)
        self.a.sync(self.feed.url)
        self.b.sync(self.feed.url)
        self.a.cli_ok("match", "include", *pair)
        self.a.sync(self.feed.url)
        # b undoes the exclusion too, then excludes the pair again: its
        # judgement differs from a's, made meanwhile.
        self.b.cli_ok("match", "include", *pair)
        self.b.cli_ok("match", "exclude", *pair)
        counts = self.b.sync(self.feed.url)
        self.assertEqual(counts["conflicts"], 1, counts)
        self.assertEqual(self.excluded(self.b), [])
        listed = self.b.cli_ok("conflicts", "list").stdout
        self.assertIn(pair_id(pair), listed)


class EventTests(FeedTestCase):
    """Two facilitators share one workshop, each on a laptop of their own."""

    def setUp(self):
        super().setUp()
        self.feed = self.server()
        self.a = self.client("a")
        self.b = self.client("b")
        self.a.cli_ok("demo")
        organisations = self.a.records("organisations")
        owners = sorted({c["organisation_id"] for c in self.a.records("challenges")})[:8]
        smes = [o["id"] for o in organisations if o["id"] not in owners][:20]
        self.event = {
            "name": "Supply day", "date": "2026-03-03",
            "slots": [{"start": "09:%02d" % (i * 15), "minutes": 12} for i in range(4)],
            "tables": 12,
            "participants":
                [{"organisation_id": o, "available": [0, 1, 2, 3], "max_meetings": 3} for o in owners] +
                [{"organisation_id": s, "available": [0, 1, 2, 3], "max_meetings": 2} for s in smes],
        }
        self.a.sync(self.feed.url)
        self.b.sync(self.feed.url)

    def schedule(self, laptop, event_id):
        return laptop.show(event_id)["schedule"]

    @staticmethod
    def key(meeting):
        return (meeting["challenge_organisation_id"], meeting["capability_organisation_id"])

    def positions(self, laptop, event_id):
        return {self.key(m): (m["slot"], m["table"]) for m in self.schedule(laptop, event_id)["meetings"]}

    def move(self, laptop, event_id, meeting, table):
        """Moves one meeting to another table in its slot, as `update` takes it."""
        schedule = self.schedule(laptop, event_id)
        for m in schedule["meetings"]:
            if self.key(m) == meeting:
                m["table"] = table
        laptop.update(event_id, {"schedule": schedule})

    def free_table(self, laptop, event_id, slot, taken=()):
        used = {t for (s, t) in self.positions(laptop, event_id).values() if s == slot}
        return next(t for t in range(self.event["tables"]) if t not in used and t not in taken)

    def add_scheduled_event(self):
        path = "%s/event.json" % self.folder
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.event, f)
        event_id = self.a.cli_ok("event", "add", "--json", path).stdout.strip()
        self.a.cli_ok("schedule", event_id)
        return event_id

    def test_an_event_and_its_schedule_reach_the_other_laptop(self):
        event_id = self.add_scheduled_event()
        counts = self.a.sync(self.feed.url)
        self.assertEqual(counts["pushed"], 1, counts)
        [change] = [c for c in self.feed.changes(self.token) if c["kind"] == "event"]
        self.assertEqual(change["id"], event_id)

        counts = self.b.sync(self.feed.url)
        self.assertEqual(counts["pulled"], 1, counts)
        there = self.b.show(event_id)
        self.assertEqual(there["name"], "Supply day")
        self.assertEqual(len(there["participants"]), len(self.event["participants"]))
        self.assertEqual(there["schedule"], self.schedule(self.a, event_id))
        self.assertGreater(len(there["schedule"]["meetings"]), 4)
        listed = json.loads(self.b.cli_ok("event", "list", "--json").stdout)
        self.assertIn(event_id, [e["id"] for e in listed])

    def test_meetings_moved_on_each_laptop_both_survive(self):
        event_id = self.add_scheduled_event()
        self.a.sync(self.feed.url)
        self.b.sync(self.feed.url)
        by_slot = {}
        for key, (slot, table) in sorted(self.positions(self.a, event_id).items()):
            by_slot.setdefault(slot, key)
        [(slot_1, first), (slot_2, second)] = sorted(by_slot.items())[:2]
        table_1 = self.free_table(self.a, event_id, slot_1)
        table_2 = self.free_table(self.b, event_id, slot_2)

        self.move(self.a, event_id, first, table_1)
        self.move(self.b, event_id, second, table_2)
        self.assertEqual(self.a.sync(self.feed.url)["pushed"], 1)
        counts = self.b.sync(self.feed.url)
        self.assertEqual((counts["conflicts"], counts["merged"]), (0, 1), counts)
        self.a.sync(self.feed.url)

        for laptop in (self.a, self.b):
            positions = self.positions(laptop, event_id)
            self.assertEqual(positions[first], (slot_1, table_1), laptop.name)
            self.assertEqual(positions[second], (slot_2, table_2), laptop.name)
            self.assertEqual(laptop.status()["conflicts"], 0)
        self.assertEqual(self.schedule(self.a, event_id), self.schedule(self.b, event_id))

    def test_one_meeting_moved_on_both_laptops_is_a_conflict(self):
        event_id = self.add_scheduled_event()
        self.a.sync(self.feed.url)
        self.b.sync(self.feed.url)
        meeting, (slot, _) = sorted(self.positions(self.a, event_id).items())[0]
        table_a = self.free_table(self.a, event_id, slot)
        table_b = self.free_table(self.b, event_id, slot, taken=(table_a,))

        self.move(self.a, event_id, meeting, table_a)
        self.move(self.b, event_id, meeting, table_b)
        self.a.sync(self.feed.url)
        counts = self.b.sync(self.feed.url)
        self.assertEqual(counts["conflicts"], 1, counts)
        # The feed's move stands; b's is kept for the user to choose.
        self.assertEqual(self.positions(self.b, event_id)[meeting], (slot, table_a))
        listed = self.b.cli_ok("conflicts", "list").stdout
        self.assertIn(event_id, listed)
        [kept] = [c for c in self.b.status()["conflict_copies"] if c["record_id"] == event_id]
        self.assertIn((slot, table_b), {(m["slot"], m["table"]) for m in kept["record"]["schedule"]["meetings"]
                                        if self.key(m) == meeting})


if __name__ == "__main__":
    unittest.main(verbosity=2)

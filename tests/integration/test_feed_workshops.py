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


if __name__ == "__main__":
    unittest.main(verbosity=2)

#!/usr/bin/env python3
"""Three-way merge: the store keeps the state each local edit was made
on, so when the feed's copy moved on meanwhile, fields changed on one
side only merge by themselves and only fields changed on both sides
reach the conflicts view, with before, mine and theirs."""

import json
import unittest

from feedlib import FeedTestCase, challenge, organisation


class MergeTests(FeedTestCase):
    def shared_challenge(self, server, *laptops):
        a = laptops[0]
        org = a.add("organisation", organisation("Merging Ltd"))
        need = a.add("challenge", challenge(org, "Original title"))
        for laptop in laptops:
            laptop.sync(server.url)
        return need

    def test_different_fields_merge_without_a_conflict(self):
        server = self.server()
        a, b = self.client("a"), self.client("b")
        need = self.shared_challenge(server, a, b)

        a.update(need, {"title": "Title from a"})
        b.update(need, {"description": "Description from b", "trl_max": 9})
        a.sync(server.url)
        counts = b.sync(server.url)
        self.assertEqual(counts["merged"], 1, counts)
        self.assertEqual(counts["conflicts"], 0, counts)
        self.assertEqual(counts["outbox"], 0, counts)
        a.sync(server.url)

        for laptop in (a, b):
            record = laptop.show(need)
            self.assertEqual((record["title"], record["description"], record["trl_max"]),
                             ("Title from a", "Description from b", 9), laptop.name)
            self.assertEqual(record["rev"], 3)   # a's edit, then the merge on top
            self.assertEqual(laptop.status()["conflicts"], 0)
        self.assertEqual(json.dumps(a.show(need), sort_keys=True), json.dumps(b.show(need), sort_keys=True))

    def test_same_field_conflicts_with_the_base_shown(self):
        server = self.server()
        a, b = self.client("a"), self.client("b")
        need = self.shared_challenge(server, a, b)

        a.update(need, {"title": "Title from a"})
        b.update(need, {"title": "Title from b", "description": "Description from b"})
        a.sync(server.url)
        counts = b.sync(server.url)
        self.assertEqual(counts["conflicts"], 1, counts)
        self.assertEqual(counts["merged"], 0, counts)

        # Theirs wins the field both changed; b's other field merged in.
        record = b.show(need)
        self.assertEqual((record["title"], record["description"]), ("Title from a", "Description from b"))
        [kept] = b.status()["conflict_copies"]
        self.assertEqual(kept["fields"], ["title"])
        self.assertEqual(kept["base"]["title"], "Original title")       # before
        self.assertEqual(kept["record"]["title"], "Title from b")       # mine
        self.assertEqual(b.show(need)["title"], "Title from a")         # theirs

        a.sync(server.url)
        self.assertEqual(a.show(need)["description"], "Description from b")
        self.assertEqual(a.status()["conflicts"], 0)

    def test_several_local_edits_merge_from_the_first_base(self):
        server = self.server()
        a, b = self.client("a"), self.client("b")
        need = self.shared_challenge(server, a, b)

        b.update(need, {"description": "First edit on b"})
        b.update(need, {"trl_min": 2})
        a.update(need, {"title": "Title from a"})
        a.sync(server.url)
        counts = b.sync(server.url)
        self.assertEqual((counts["merged"], counts["conflicts"]), (1, 0), counts)
        record = b.show(need)
        self.assertEqual((record["title"], record["description"], record["trl_min"]),
                         ("Title from a", "First edit on b", 2))

        # The next edit starts from the merged state: no stale base.
        b.update(need, {"title": "Later title from b"})
        counts = b.sync(server.url)
        self.assertEqual((counts["pushed"], counts["conflicts"]), (1, 0), counts)


if __name__ == "__main__":
    unittest.main(verbosity=2)

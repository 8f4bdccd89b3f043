#!/usr/bin/env python3
"""interchange-cli history end to end: the changes of a record made here,
kept after a delete, and those that arrive through the real feed server,
attributed to their author."""

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "integration"))

from feedlib import FeedTestCase, challenge, organisation  # noqa: E402


def history(laptop, record_id):
    return json.loads(laptop.cli_ok("history", record_id, "--json").stdout)


class HistoryTests(FeedTestCase):
    def test_local_changes_and_delete(self):
        a = self.client("a", token="unused")
        org = a.add("organisation", organisation("History Works Ltd"))
        a.update(org, {"name": "History Group Ltd", "employees": 120})
        a.delete(org)

        entries = history(a, org)
        self.assertEqual([e["action"] for e in entries], ["created", "changed", "deleted"])
        self.assertEqual([e["rev"] for e in entries], [1, 2, 3])
        self.assertTrue(all(e["author"] == "Test Expert" and e["source"] == "local" for e in entries))
        changes = {c["field"]: (c["old"], c["new"]) for c in entries[1]["changes"]}
        self.assertEqual(changes["name"], ("History Works Ltd", "History Group Ltd"))
        self.assertEqual(changes["employees"][1], 120)
        self.assertNotIn("rev", changes)

        text = a.cli_ok("history", org).stdout
        self.assertIn("Deleted by Test Expert (revision 3)", text)
        self.assertIn('name: "History Works Ltd" → "History Group Ltd"', text)

    def test_unknown_id_is_a_user_error(self):
        a = self.client("a", token="unused")
        result = a.cli("history", "0b6c8f1e-2f4a-4c55-9a1e-7d3b2c1a0f9e")
        self.assertEqual(result.returncode, 1)
        self.assertIn("0b6c8f1e-2f4a-4c55-9a1e-7d3b2c1a0f9e", result.stderr)
        result = a.cli("history")
        self.assertEqual(result.returncode, 2)

    def test_synced_changes_keep_their_author(self):
        feed = self.server()
        a, b = self.client("a"), self.client("b")
        org = a.add("organisation", organisation("Feed History Ltd"))
        cid = a.add("challenge", challenge(org, "Cold storage"))
        a.sync(feed.url)
        b.sync(feed.url)
        a.retitle_challenge(cid, "Cold storage for vaccines")
        a.sync(feed.url)
        b.sync(feed.url)

        entries = history(b, cid)
        self.assertEqual([e["action"] for e in entries], ["created", "changed"])
        self.assertTrue(all(e["source"] == "feed" for e in entries))
        self.assertTrue(all(e["author"] == "Test Expert" for e in entries))
        local = history(a, cid)
        self.assertEqual(entries[1]["at"], local[1]["at"])
        self.assertEqual(entries[1]["changes"], [{"field": "title", "old": "Cold storage",
                                                  "new": "Cold storage for vaccines"}])


if __name__ == "__main__":
    unittest.main()

#!/usr/bin/env python3
"""interchange-cli conflicts end to end: two laptops edit the same record
offline and sync through the real interchange-feed-server, so that the
second keeps its losing edit as a conflict copy; the commands list it
and resolve it (keep-mine, keep-theirs, merge), and the resolution
reaches the other laptop on the next sync."""

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "integration"))

from feedlib import FeedTestCase, challenge, organisation  # noqa: E402


def edit(laptop, record_id, **fields):
    """An offline edit of a challenge, through the CSV import (a row with
    an id updates the named columns)."""
    current = laptop.show(record_id)
    columns = ["id", "organisation_id"] + sorted(fields)
    values = [record_id, current["organisation_id"]] + [str(fields[name]) for name in sorted(fields)]
    path = os.path.join(laptop.folder, "%s-edit.csv" % laptop.name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(columns) + "\n" + ",".join(values) + "\n")
    laptop.cli_ok("import", "challenges", path)


class ConflictTests(FeedTestCase):
    def setUp(self):
        super().setUp()
        self.feed = self.server()
        self.a, self.b = self.client("a"), self.client("b")
        org = self.a.add("organisation", organisation("Conflicted Works Ltd"))
        self.shared = self.a.add("challenge", challenge(org, "Shared challenge"))
        for laptop in (self.a, self.b):
            laptop.sync(self.feed.url)

    def conflict_on_b(self):
        """a's edit reaches the feed first; b's edit of the same fields
        loses and is kept.  Returns the conflict as `list --json` shows it."""
        edit(self.a, self.shared, title="Title from a", description="Words from a", trl_max=6)
        edit(self.b, self.shared, title="Title from b", description="Words from b", trl_max=9)
        self.a.sync(self.feed.url)
        counts = self.b.sync(self.feed.url)
        self.assertEqual(counts["conflicts"], 1, counts)
        listed = self.conflicts(self.b)
        self.assertEqual(len(listed), 1, listed)
        return listed[0]

    @staticmethod
    def conflicts(laptop):
        return json.loads(laptop.cli_ok("conflicts", "list", "--json").stdout)

    def converge(self):
        """b sends its resolution, a takes it: both hold the same record."""
        self.b.sync(self.feed.url)
        self.a.sync(self.feed.url)
        mine, theirs = self.b.show(self.shared), self.a.show(self.shared)
        self.assertEqual(mine, theirs)
        return mine

    def test_list_shows_the_fields_that_differ(self):
        conflict = self.conflict_on_b()
        self.assertEqual(conflict["type"], "edit")
        self.assertEqual(conflict["kind"], "challenge")
        self.assertEqual(conflict["record_id"], self.shared)
        self.assertEqual(conflict["title"], "Title from b")
        self.assertEqual(conflict["mine"]["title"], "Title from b")
        self.assertEqual([(f["name"], f["mine"], f["theirs"]) for f in conflict["fields"]],
                         [("title", "Title from b", "Title from a"),
                          ("description", "Words from b", "Words from a"),
                          ("trl_max", "9", "6")])

        text = self.b.cli_ok("conflicts", "list").stdout
        self.assertIn("%d: challenge “Title from b” (%s)" % (conflict["id"], self.shared), text)
        self.assertIn("mine:   Words from b", text)
        self.assertIn("theirs: Words from a", text)
        self.assertEqual(self.a.cli_ok("conflicts", "list").stdout, "No conflicts to resolve.\n")
        self.assertEqual(self.conflicts(self.a), [])

    def test_keep_theirs(self):
        conflict = self.conflict_on_b()
        result = self.b.cli_ok("conflicts", "keep-theirs", str(conflict["id"]))
        self.assertIn("Kept the feed’s copy of “Title from b”", result.stdout)
        self.assertEqual(self.conflicts(self.b), [])
        self.assertEqual(self.b.status()["conflicts"], 0)
        record = self.converge()
        self.assertEqual((record["title"], record["description"], record["trl_max"]),
                         ("Title from a", "Words from a", 6))

    def test_keep_mine(self):
        conflict = self.conflict_on_b()
        result = self.b.cli_ok("conflicts", "keep-mine", str(conflict["id"]))
        self.assertIn("Kept your copy of “Title from b”", result.stdout)
        self.assertEqual(self.conflicts(self.b), [])
        record = self.converge()
        self.assertEqual((record["title"], record["description"], record["trl_max"]),
                         ("Title from b", "Words from b", 9))
        self.assertEqual(record["author"], "Test Expert")

    def test_merge_field_by_field(self):
        conflict = self.conflict_on_b()
        result = self.b.cli_ok("conflicts", "merge", str(conflict["id"]), "--theirs", "title")
        self.assertIn("with description, trl_max from your copy", result.stdout)
        record = self.converge()
        self.assertEqual((record["title"], record["description"], record["trl_max"]),
                         ("Title from a", "Words from b", 9))

    def test_merge_with_mine_repeated(self):
        conflict = self.conflict_on_b()
        self.b.cli_ok("conflicts", "merge", str(conflict["id"]), "--mine", "title", "--mine", "trl_max")
        record = self.converge()
        self.assertEqual((record["title"], record["description"], record["trl_max"]),
                         ("Title from b", "Words from a", 9))

    def test_keep_mine_of_a_record_deleted_on_the_feed(self):
        self.a.delete(self.shared)
        edit(self.b, self.shared, title="Still wanted")
        self.a.sync(self.feed.url)
        self.b.sync(self.feed.url)
        self.assertTrue(self.b.show(self.shared)["deleted"])
        [conflict] = self.conflicts(self.b)

        self.b.cli_ok("conflicts", "keep-mine", str(conflict["id"]))
        record = self.converge()
        self.assertFalse(record["deleted"])
        self.assertEqual(record["title"], "Still wanted")

    def test_mistakes(self):
        conflict = self.conflict_on_b()
        number = str(conflict["id"])
        cases = [
            (("conflicts", "merge", number, "--mine", "title,budget_max"), 1, "“budget_max” is not a field"),
            (("conflicts", "merge", number), 2, "either --mine or --theirs"),
            (("conflicts", "merge", number, "--mine", "title", "--theirs", "trl_max"), 2,
             "either --mine or --theirs"),
            (("conflicts", "keep-mine", "9999"), 1, "no conflict 9999"),
            (("conflicts", "keep-mine", "first"), 2, "not a conflict number"),
            (("conflicts", "keep-theirs"), 2, "name one conflict"),
            (("conflicts", "resolve", number), 2, "say list, keep-mine, keep-theirs or merge"),
        ]
        for args, status, message in cases:
            result = self.b.cli(*args)
            self.assertEqual(result.returncode, status, (args, result.stderr))
            self.assertIn(message, result.stderr, args)
            self.assertEqual(result.stdout, "", args)
        # Nothing was resolved by a mistake.
        self.assertEqual(self.conflicts(self.b), [conflict])


if __name__ == "__main__":
    unittest.main(verbosity=2)

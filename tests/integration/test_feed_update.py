#!/usr/bin/env python3
"""interchange-cli update ID --json FILE edits a record from a script:
the fields given replace the record's, the rest are kept, the store
makes a new revision and queues it for the feed; bad input is exit 1
naming the field.  interchange-cli sync --status [--json] says where a
laptop stands with its feed."""

import json
import os
import unittest

from feedlib import FeedTestCase, challenge, foresight, organisation


class UpdateTests(FeedTestCase):
    def test_update_replaces_the_fields_given_and_syncs(self):
        server = self.server()
        a, b = self.client("a"), self.client("b")
        org = a.add("organisation", organisation("Updating Ltd"))
        need = a.add("challenge", challenge(org, "First title"))
        a.sync(server.url)
        b.sync(server.url)
        before = a.show(need)

        self.assertEqual(a.update(need, {"title": "Second title", "trl_max": 8}), "%s 2" % need)
        after = a.show(need)
        self.assertEqual((after["title"], after["trl_max"], after["rev"]), ("Second title", 8, 2))
        for field in ("description", "tags", "trl_min", "organisation_id", "cluster"):
            self.assertEqual(after[field], before[field], field)
        self.assertEqual(a.status()["outbox"], 1)

        a.sync(server.url)
        counts = b.sync(server.url)
        self.assertEqual(counts["pulled"], 1, counts)
        self.assertEqual(b.show(need)["title"], "Second title")
        self.assertEqual(b.show(need)["rev"], 2)

    def test_bad_input_names_the_field(self):
        a = self.client("a", token="unused")
        item = a.add("foresight", foresight("Signal"))
        path = os.path.join(self.folder, "bad.json")
        cases = [({"colour": "red"}, "colour"), ({"title": ""}, "title"), ({"tags": "one"}, "tags"),
                 ({"rev": 9}, "rev"), ({"deleted": True}, "deleted"),
                 ({"id": "0b7d4d1e-3f57-4c36-9b0e-2f7c6e0b9a11"}, "id")]
        for fields, named in cases:
            with open(path, "w") as f:
                json.dump(fields, f)
            result = a.cli("update", item, "--json", path)
            self.assertEqual(result.returncode, 1, (fields, result.stderr))
            self.assertIn(named, result.stderr)
        with open(path, "w") as f:
            f.write("[1, 2]")
        self.assertEqual(a.cli("update", item, "--json", path).returncode, 1)
        self.assertEqual(a.cli("update", "0b7d4d1e-3f57-4c36-9b0e-2f7c6e0b9a11", "--json", path).returncode, 1)
        self.assertEqual(a.cli("update", item).returncode, 2)
        self.assertEqual(a.show(item)["rev"], 1)


class StatusTests(FeedTestCase):
    def test_status_says_cursor_queue_and_conflicts(self):
        server = self.server()
        a, b = self.client("a"), self.client("b")
        shared = a.add("foresight", foresight("Shared"))
        a.sync(server.url)
        b.sync(server.url)
        a.update(shared, {"title": "Edited on a"})
        b.update(shared, {"title": "Edited on b"})
        b.add("foresight", foresight("Queued on b"))
        a.sync(server.url)

        status = b.status()
        self.assertEqual(status["feed_url"], server.url)
        self.assertEqual(status["outbox"], 2)
        self.assertEqual(status["conflicts"], 0)
        self.assertGreater(status["cursor"], 0)
        self.assertFalse(status["healing"])
        self.assertEqual(status["too_large"], [])

        b.sync(server.url)
        status = b.status()
        self.assertEqual(status["outbox"], 0)
        self.assertEqual(status["conflicts"], 1)
        self.assertEqual(status["conflict_copies"][0]["record"]["title"], "Edited on b")
        text = b.cli_ok("sync", "--status").stdout
        self.assertIn("Cursor:", text)
        self.assertIn("Outbox:    0", text)
        self.assertIn(shared, text)


if __name__ == "__main__":
    unittest.main(verbosity=2)

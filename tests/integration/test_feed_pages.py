#!/usr/bin/env python3
"""Pages of GET /v1/changes are bounded by bytes as well as by count
(4 MiB by default, never empty), so large records cannot make a pull
stall; a record larger than a laptop reads in one answer is named by id
and the cursor moves past it."""

import json
import unittest
import uuid

from feedlib import FeedTestCase, foresight, http

MIB = 1024 * 1024


def large_foresight(title, size=19000):
    return dict(foresight(title), summary=("Long signal about %s. " % title * 1000)[:size])


def push(server, token, records):
    """Pushes foresight records straight to the server; their ids."""
    ids = []
    for start in range(0, len(records), 100):
        changes = []
        for record in records[start:start + 100]:
            record_id = str(uuid.uuid4())
            ids.append(record_id)
            changes.append({"id": record_id, "kind": "foresight", "base_rev": 0, "rev": 1,
                            "record": record})
        status, _, body = http("POST", server.url + "/v1/changes", token, json.dumps({"changes": changes}))
        assert status == 200, body
        assert all(r["status"] == "accepted" for r in json.loads(body)["results"]), body
    return ids


class PageBytesTests(FeedTestCase):
    def test_pages_stop_at_4_mib_and_sync_whole(self):
        server = self.server()
        ids = push(server, self.token, [large_foresight("Signal %d" % i) for i in range(240)])

        status, _, body = http("GET", server.url + "/v1/changes?since=0&limit=1000", self.token)
        self.assertEqual(status, 200)
        self.assertLessEqual(len(body), 4 * MIB)
        page = json.loads(body)
        self.assertTrue(page["more"])
        self.assertLess(len(page["changes"]), 240)
        self.assertGreater(len(body), 3 * MIB)   # full up to the bound, not cut short

        self.assertEqual(sorted(c["id"] for c in server.changes(self.token)), sorted(ids))
        a = self.client("a")
        counts = a.sync(server.url)
        self.assertEqual(counts["pulled"], 240, counts)
        self.assertEqual(len(a.records("foresight")), 240)

    def test_a_page_always_holds_one_change(self):
        server = self.server("--page-bytes", "4096")
        push(server, self.token, [large_foresight("Big %d" % i, size=8000) for i in range(3)])
        status, _, body = http("GET", server.url + "/v1/changes?since=0", self.token)
        page = json.loads(body)
        self.assertEqual(len(page["changes"]), 1)
        self.assertIn("record", page["changes"][0])
        self.assertTrue(page["more"])
        counts = self.client("a").sync(server.url)
        self.assertEqual(counts["pulled"], 3, counts)

    def test_record_larger_than_the_client_reads_is_named_not_a_stall(self):
        server = self.server()
        small = push(server, self.token, [foresight("Small %d" % i) for i in range(2)])
        large = push(server, self.token, [large_foresight("Huge %d" % i) for i in range(3)])
        small += push(server, self.token, [foresight("Small after")])

        b = self.client("b")
        counts = b.sync(server.url, "--max-answer-bytes", "10000")
        self.assertEqual(counts["pulled"], 3, counts)
        self.assertEqual(counts["too_large"], 3, counts)
        self.assertEqual(counts["cursor"], 6, counts)
        self.assertEqual(sorted(r["id"] for r in b.records("foresight")), sorted(small))
        status = b.status()
        self.assertEqual(sorted(t["id"] for t in status["too_large"]), sorted(large))
        self.assertTrue(all(t["bytes"] > 10000 for t in status["too_large"]))
        shown = b.cli_ok("sync", "--status").stdout
        for record_id in large:
            self.assertIn(record_id, shown)

        # The cursor moved on: the next sync pulls nothing and fails nothing.
        counts = b.sync(server.url, "--max-answer-bytes", "10000")
        self.assertEqual((counts["pulled"], counts["too_large"]), (0, 0), counts)

        # On the wire: the change without its record.
        status, _, body = http("GET", server.url + "/v1/changes?since=0&max_bytes=10000", self.token)
        stubs = [c for c in json.loads(body)["changes"] if c.get("too_large")]
        self.assertEqual(sorted(c["id"] for c in stubs), sorted(large))
        self.assertTrue(all("record" not in c for c in stubs))


if __name__ == "__main__":
    unittest.main(verbosity=2)

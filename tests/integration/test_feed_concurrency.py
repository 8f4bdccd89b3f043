#!/usr/bin/env python3
"""The server's database work runs off its main loop: readers side by
side on connections of their own, one writer.  A write that waits for
the database no longer holds up every other request, and many laptops
pulling at once all get whole, consistent pages."""

import json
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import unittest
import uuid

from feedlib import FeedTestCase, foresight, http


def push(url, token, n, prefix):
    changes = [{"id": str(uuid.uuid4()), "kind": "foresight", "base_rev": 0, "rev": 1,
                "record": foresight("%s %d" % (prefix, i))} for i in range(n)]
    return http("POST", url + "/v1/changes", token, json.dumps({"changes": changes}), timeout=30)


class ConcurrencyTests(FeedTestCase):
    def test_a_waiting_write_does_not_hold_up_reads(self):
        server = self.server()
        status, _, body = push(server.url, self.token, 50, "Before")
        self.assertEqual(status, 200, body)

        # Another program holds the database's write lock.
        holder = sqlite3.connect(server.db, timeout=0, isolation_level=None)
        self.addCleanup(holder.close)
        holder.execute("BEGIN IMMEDIATE")
        answers = []
        pusher = threading.Thread(target=lambda: answers.append(push(server.url, self.token, 5, "During")))
        pusher.start()
        time.sleep(0.3)   # the push is waiting for the lock now

        for path in ("/healthz", "/v1/changes?since=0&limit=7", "/v1/changes?since=3&limit=9",
                     "/v1/feed.json"):
            started = time.monotonic()
            status, _, body = http("GET", server.url + path, self.token, timeout=10)
            elapsed = time.monotonic() - started
            self.assertEqual(status, 200, (path, body))
            self.assertLess(elapsed, 0.5, path)

        holder.execute("ROLLBACK")
        pusher.join(timeout=30)
        status, _, body = answers[0]
        self.assertEqual(status, 200, body)
        self.assertEqual(len(server.changes(self.token)), 55)

    def test_fifty_laptops_pull_while_one_pushes(self):
        server = self.server()
        for start in range(4):
            self.assertEqual(push(server.url, self.token, 500, "Base %d" % start)[0], 200)

        timings = []
        failures = []
        lock = threading.Lock()

        def pull(i):
            try:
                started = time.monotonic()
                # Each its own page size: every one a page to write.
                status, _, body = http("GET", "%s/v1/changes?since=0&limit=%d" % (server.url, 100 + i),
                                       self.token, timeout=30)
                elapsed = time.monotonic() - started
                page = json.loads(body)
                seqs = [c["seq"] for c in page["changes"]]
                if status != 200 or len(seqs) != 100 + i or seqs != sorted(seqs):
                    raise AssertionError("bad page %d: %s" % (i, status))
                with lock:
                    timings.append(elapsed)
            except Exception as error:  # noqa: BLE001 - reported below
                with lock:
                    failures.append(repr(error))

        def write():
            for batch in range(4):
                status, _, body = push(server.url, self.token, 100, "During %d" % batch)
                if status != 200:
                    with lock:
                        failures.append(body)

        threads = [threading.Thread(target=pull, args=(i,)) for i in range(50)]
        threads.append(threading.Thread(target=write))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        self.assertEqual(failures, [])
        timings.sort()
        print("50 concurrent first pages of 100-149 changes: median %.1f ms, p99 %.1f ms"
              % (1000 * timings[len(timings) // 2], 1000 * timings[int(len(timings) * 0.99) - 1]),
              file=sys.stderr)
        self.assertEqual(len(server.changes(self.token)), 2400)
        self.assertTrue(server.alive())


if __name__ == "__main__":
    unittest.main(verbosity=2)

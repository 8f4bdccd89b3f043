#!/usr/bin/env python3
"""A feed server restored from a file copy of its database, taken mid-way,
loses the changes acknowledged after the copy.  The laptops notice (the
chain hash of their cursor is gone from the log), offer again what the
server lacks, and pull the whole log: after one sync by each laptop,
every record any of them had acknowledged is back everywhere."""

import json
import os
import shutil
import sqlite3
import unittest

from feedlib import FAST, FeedTestCase, LoopbackProxy, challenge, foresight, http, organisation


class PushOnlyProxy(LoopbackProxy):
    """Forwards to the server; while refuse_pulls is set, forwards pushes
    only and refuses every pull: a sync whose push is acknowledged and
    whose pull fails."""

    def __init__(self, port):
        self.refuse_pulls = False
        super().__init__(port)

    def handle(self, conn):
        conn.settimeout(20)
        with conn:
            request = self.read_message(conn)
            if not request:
                return
            if self.refuse_pulls and not request.startswith(b"POST"):
                body = b'{"type":"about:blank","title":"No pulls here","status":404}'
                conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\n"
                             b"Connection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
                return
            with self.upstream() as upstream:
                upstream.sendall(request.replace(b"Connection: keep-alive", b"Connection: close"))
                conn.sendall(self.read_message(upstream))


def copy_database(source, target):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.unlink(target + suffix)
        if os.path.exists(source + suffix):
            shutil.copyfile(source + suffix, target + suffix)


class RestoredServerTests(FeedTestCase):
    def back_up(self, server):
        """A file copy of the server's database (stopped for the copy)."""
        backup = os.path.join(self.folder, "backup.db")
        server.stop()
        copy_database(server.db, backup)
        server.start()
        return backup

    def restore(self, server, backup):
        server.stop()
        copy_database(backup, server.db)
        server.start()

    def assert_everywhere(self, server, laptops, ids):
        on_server = {c["id"] for c in server.changes(self.token)}
        self.assertLessEqual(set(ids), on_server, "missing on the server")
        for laptop in laptops:
            held = {r["id"] for kind in ("organisations", "challenges", "foresight")
                    for r in laptop.records(kind)}
            self.assertLessEqual(set(ids), held, "missing on " + laptop.name)

    def test_records_pushed_after_the_backup_come_back(self):
        server = self.server()
        a, b = self.client("a"), self.client("b")
        org = a.add("organisation", organisation("Backup Ltd"))
        early = [org] + [a.add("foresight", foresight("Early %d" % i)) for i in range(4)]
        a.sync(server.url)
        b.sync(server.url)
        backup = self.back_up(server)

        # Acknowledged after the copy: gone once the copy is restored.
        late = [a.add("foresight", foresight("Late %d" % i)) for i in range(5)]
        counts = a.sync(server.url)
        self.assertEqual(counts["pushed"], 5, counts)
        self.restore(server, backup)
        self.assertEqual(len(server.changes(self.token)), 5)

        # b syncs first: its cursor is older than the copy, nothing to heal.
        from_b = [b.add("foresight", foresight("From b %d" % i)) for i in range(3)]
        counts = b.sync(server.url)
        self.assertFalse(counts["healed"], counts)

        counts = a.sync(server.url)
        self.assertTrue(counts["healed"], counts)
        self.assertEqual(counts["reoffered"], 5, counts)
        self.assertEqual(counts["outbox"], 0, counts)
        b.sync(server.url)

        self.assert_everywhere(server, (a, b), early + late + from_b)
        self.assertFalse(a.status()["healing"])
        # Healed once: the next sync is an ordinary one.
        self.assertFalse(a.sync(server.url)["healed"])

    def test_both_laptops_diverged_and_heal(self):
        server = self.server()
        a, b, c = self.client("a"), self.client("b"), self.client("c")
        org = a.add("organisation", organisation("Diverging Ltd"))
        edited = a.add("challenge", challenge(org, "Before the backup"))
        for laptop in (a, b, c):
            laptop.sync(server.url)
        backup = self.back_up(server)

        a.retitle_challenge(edited, "Edited after the backup")
        late = [a.add("foresight", foresight("Late %d" % i)) for i in range(5)]
        a.sync(server.url)
        b.sync(server.url)   # b holds a's late records: its cursor is past the copy
        self.restore(server, backup)

        from_b = [b.add("foresight", foresight("From b %d" % i)) for i in range(3)]
        counts = b.sync(server.url)
        self.assertTrue(counts["healed"], counts)
        # a's five records and the edit, which b had pulled.
        self.assertEqual(counts["reoffered"], 6, counts)

        counts = a.sync(server.url)
        self.assertTrue(counts["healed"], counts)
        self.assertEqual(counts["reoffered"], 0, counts)
        c.sync(server.url)

        ids = [org, edited] + late + from_b
        self.assert_everywhere(server, (a, b, c), ids)
        for laptop in (a, b, c):
            self.assertEqual(laptop.show(edited)["title"], "Edited after the backup")
            self.assertEqual(laptop.status()["conflicts"], 0)
        views = [json.dumps(laptop.records("foresight"), sort_keys=True) for laptop in (a, b, c)]
        self.assertEqual(views[0], views[1])
        self.assertEqual(views[0], views[2])

    def test_pushed_but_not_pulled_before_the_restore(self):
        server = self.server()
        proxy = PushOnlyProxy(server.port)   # a's way to the server, always
        self.addCleanup(proxy.close)
        a, b = self.client("a"), self.client("b")
        early = [a.add("foresight", foresight("Early %d" % i)) for i in range(5)]
        a.sync(proxy.url)
        b.sync(server.url)
        backup = self.back_up(server)

        # a's push is acknowledged, its pull fails: its cursor stays at 5.
        late = [a.add("foresight", foresight("Late %d" % i)) for i in range(5)]
        proxy.refuse_pulls = True
        counts = a.sync(proxy.url, *FAST, ok=False)
        self.assertEqual((counts["pushed"], counts["outbox"], counts["cursor"]), (5, 0, 5), counts)
        proxy.refuse_pulls = False
        self.restore(server, backup)

        from_b = [b.add("foresight", foresight("From b %d" % i)) for i in range(3)]
        b.sync(server.url)
        # a's cursor is still in the log; what it pushed is not.
        counts = a.sync(proxy.url)
        self.assertTrue(counts["healed"], counts)
        self.assertEqual(counts["reoffered"], 5, counts)
        b.sync(server.url)
        self.assert_everywhere(server, (a, b), early + late + from_b)
        self.assertFalse(a.sync(proxy.url)["healed"])

    def test_unknown_cursor_is_a_problem(self):
        server = self.server()
        a = self.client("a")
        a.add("foresight", foresight("One"))
        a.sync(server.url)
        status, _, body = http("GET", server.url + "/v1/changes?since=0", self.token)
        page = json.loads(body)
        self.assertEqual(status, 200)
        self.assertEqual(len(page["last_hash"]), 64)

        good = "%s/v1/changes?since=%d&since_hash=%s" % (server.url, page["last_seq"], page["last_hash"])
        self.assertEqual(http("GET", good, self.token)[0], 200)
        status, headers, body = http("GET", good.replace("since_hash=", "since_hash=0"), self.token)
        self.assertEqual(status, 409)
        self.assertEqual(headers["Content-Type"], "application/problem+json")
        self.assertTrue(json.loads(body)["type"].endswith("/cursor-unknown"))
        status, _, body = http("GET", "%s/v1/changes?since=99&since_hash=%s" % (server.url, page["last_hash"]),
                               self.token)
        self.assertEqual(status, 409)
        # A version 1 client names no hash, and meets the old behaviour.
        status, _, body = http("GET", server.url + "/v1/changes?since=99", self.token)
        self.assertEqual((status, json.loads(body)["last_seq"]), (200, 99))

    def test_revs_diff_names_what_the_server_lacks(self):
        server = self.server()
        a = self.client("a")
        held = a.add("foresight", foresight("Held"))
        a.sync(server.url)
        lacking = "0b7d4d1e-3f57-4c36-9b0e-2f7c6e0b9a11"
        body = json.dumps({"revs": [{"id": held, "rev": 1}, {"id": held, "rev": 2},
                                    {"id": lacking, "rev": 4}]})
        status, _, answer = http("POST", server.url + "/v1/revs-diff", self.token, body)
        self.assertEqual(status, 200, answer)
        self.assertEqual(json.loads(answer)["missing"], [{"id": held, "rev": 1}, {"id": lacking, "rev": 0}])
        reader = server.token("reader", read_only=True)
        self.assertEqual(http("POST", server.url + "/v1/revs-diff", reader, body)[0], 200)
        self.assertEqual(http("POST", server.url + "/v1/revs-diff", self.token, "{}")[0], 422)

    def test_version_1_database_is_chained_on_open(self):
        server = self.server()
        a = self.client("a")
        for i in range(3):
            a.add("foresight", foresight("Old %d" % i))
        a.sync(server.url)
        server.stop()
        with sqlite3.connect(server.db) as db:
            db.execute("ALTER TABLE change DROP COLUMN chain")
            db.execute("PRAGMA user_version = 1")
        server.start()

        status, _, body = http("GET", server.url + "/v1/changes?since=0", self.token)
        page = json.loads(body)
        self.assertEqual(len(page["last_hash"]), 64)
        a.add("foresight", foresight("New"))
        counts = a.sync(server.url)
        self.assertFalse(counts["healed"], counts)
        self.assertEqual(counts["pushed"], 1, counts)
        self.assertFalse(a.sync(server.url)["healed"])


if __name__ == "__main__":
    unittest.main(verbosity=2)

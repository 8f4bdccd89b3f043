#!/usr/bin/env python3
"""The feed end to end: the real interchange-feed-server on 127.0.0.1 and
two or three laptops syncing through interchange-cli.  Concurrent edits
converge, deletes propagate, a re-sent batch is applied once, and a
server killed mid-sync loses nothing."""

import json
import os
import sqlite3
import unittest

from feedlib import (GEN_DATA, FeedTestCase, LoopbackProxy, challenge, foresight, http, organisation)


def comparable(records):
    """Records as every laptop should hold them."""
    return json.dumps(records, sort_keys=True)


class ConvergenceTests(FeedTestCase):
    def test_concurrent_edits_converge_on_every_client(self):
        server = self.server()
        a, b, c = self.client("a"), self.client("b"), self.client("c")

        org = a.add("organisation", organisation("Tamebridge Test Works Ltd"))
        shared = a.add("challenge", challenge(org, "Shared challenge"))
        for laptop in (a, b, c):
            laptop.sync(server.url)
        self.assertEqual(c.show(shared)["title"], "Shared challenge")

        # Offline, b and c edit the same record; everyone adds one.
        b.retitle_challenge(shared, "Edited on b")
        c.retitle_challenge(shared, "Edited on c")
        added = [laptop.add("foresight", foresight("Signal from " + laptop.name)) for laptop in (a, b, c)]

        for laptop in (b, c, a, b, c):
            counts = laptop.sync(server.url)
            self.assertEqual(counts["outbox"], 0, counts)

        for kind in ("organisations", "challenges", "foresight"):
            views = [comparable(laptop.records(kind)) for laptop in (a, b, c)]
            self.assertEqual(views[0], views[1], kind)
            self.assertEqual(views[0], views[2], kind)
        self.assertEqual(a.show(shared)["title"], "Edited on b")
        self.assertEqual(sorted(r["id"] for r in a.records("foresight")), sorted(added))

        # The losing edit is not lost: c keeps it as a conflict copy.
        self.assertEqual(a.status()["conflicts"], 0)
        self.assertEqual(b.status()["conflicts"], 0)
        kept = c.status()["conflict_copies"]
        self.assertEqual(len(kept), 1)
        self.assertEqual(kept[0]["type"], "edit")
        self.assertEqual(kept[0]["record_id"], shared)
        self.assertEqual(kept[0]["record"]["title"], "Edited on c")

    def test_edit_of_a_record_deleted_elsewhere(self):
        server = self.server()
        a, b = self.client("a"), self.client("b")
        org = a.add("organisation", organisation("Contested Ltd"))
        contested = a.add("challenge", challenge(org, "Contested"))
        a.sync(server.url)
        b.sync(server.url)

        a.delete(contested)
        b.retitle_challenge(contested, "Still wanted")
        a.sync(server.url)
        counts = b.sync(server.url)

        # The server's tombstone wins; b's edit is kept for b to decide.
        self.assertEqual(counts["conflicts"], 1, counts)
        self.assertTrue(b.show(contested)["deleted"])
        kept = b.status()["conflict_copies"]
        self.assertEqual(kept[0]["record"]["title"], "Still wanted")
        self.assertFalse(kept[0]["record"]["deleted"])
        a.sync(server.url)
        self.assertEqual(comparable(a.records("challenges")), comparable(b.records("challenges")))

    def test_deletes_propagate(self):
        server = self.server()
        a, b, c = self.client("a"), self.client("b"), self.client("c")
        org = a.add("organisation", organisation("Deleting Ltd"))
        doomed = a.add("challenge", challenge(org, "Soon gone"))
        kept = a.add("challenge", challenge(org, "Stays"))
        for laptop in (a, b, c):
            laptop.sync(server.url)
        self.assertEqual(len(c.records("challenges")), 2)

        b.delete(doomed)
        b.sync(server.url)
        for laptop in (a, c):
            counts = laptop.sync(server.url)
            self.assertEqual(counts["pulled"], 1, counts)
            self.assertTrue(laptop.show(doomed)["deleted"])
            self.assertEqual([r["id"] for r in laptop.records("challenges")], [kept])

        tombstones = [c for c in server.changes(self.token) if c["id"] == doomed]
        self.assertEqual(len(tombstones), 1)
        self.assertTrue(tombstones[0]["deleted"])
        self.assertNotIn("record", tombstones[0])

    def test_private_records_never_leave(self):
        server = self.server()
        a, b = self.client("a"), self.client("b")
        secret = foresight("Confidential lead")
        secret["visibility"] = "private"
        hidden = a.add("foresight", secret)
        shared = a.add("foresight", foresight("Public lead"))
        a.sync(server.url)
        b.sync(server.url)

        ids = {c["id"] for c in server.changes(self.token)}
        self.assertIn(shared, ids)
        self.assertNotIn(hidden, ids)
        self.assertNotIn("Confidential", server.run("token", "list").stdout)
        with sqlite3.connect(server.db) as db:
            dump = "\n".join(db.iterdump())
        self.assertNotIn("Confidential lead", dump)
        self.assertEqual([r["id"] for r in b.records("foresight")], [shared])


class ResendTests(FeedTestCase):
    def test_same_batch_twice_changes_nothing(self):
        server = self.server()
        a = self.client("a")
        record = foresight("Sent twice")
        record["id"] = "0b4e28ba-2fa1-41d2-883f-0016d3cca427"
        batch = json.dumps({"changes": [{"id": record["id"], "kind": "foresight", "base_rev": 0,
                                         "rev": 1, "record": record}]})
        first = http("POST", server.url + "/v1/changes", self.token, batch)
        second = http("POST", server.url + "/v1/changes", self.token, batch)
        self.assertEqual(first[0], 200)
        self.assertEqual(json.loads(first[2]), json.loads(second[2]))
        with sqlite3.connect(server.db) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM change").fetchone()[0], 1)
        a.sync(server.url)
        self.assertEqual(a.show(record["id"])["title"], "Sent twice")

    def test_batch_resent_after_a_dropped_response_is_applied_once(self):
        server = self.server()
        a, b = self.client("a"), self.client("b")
        proxy = DroppingProxy(server.port)
        self.addCleanup(proxy.close)
        org = a.add("organisation", organisation("Resent Ltd"))
        ids = [org] + [a.add("challenge", challenge(org, "Resent %d" % i)) for i in range(5)]

        counts = a.sync(proxy.url, "--timeout", "5", "--retries", "3")
        self.assertEqual(proxy.dropped, 1)
        self.assertEqual(counts["pushed"], len(ids), counts)
        self.assertEqual(counts["outbox"], 0)

        with sqlite3.connect(server.db) as db:
            applied = db.execute("SELECT count(*) FROM change").fetchone()[0]
        self.assertEqual(applied, len(ids))
        changes = server.changes(self.token)
        self.assertEqual(sorted(c["id"] for c in changes), sorted(ids))
        b.sync(server.url)
        self.assertEqual(len(b.records("challenges")), 5)


class DroppingProxy(LoopbackProxy):
    """Forwards to the server, but swallows the answer to the first POST:
    the server applied the batch, the client never hears of it."""

    def __init__(self, port):
        self.dropped = 0
        super().__init__(port)

    def handle(self, conn):
        conn.settimeout(20)
        with conn:
            for _ in range(1000):
                request = self.read_message(conn)
                if not request:
                    return
                with self.upstream() as upstream:
                    upstream.sendall(request.replace(b"Connection: keep-alive", b"Connection: close"))
                    response = self.read_message(upstream)
                if request.startswith(b"POST") and self.dropped == 0:
                    self.dropped += 1
                    return
                conn.sendall(response)


@unittest.skipUnless(GEN_DATA and os.path.exists(GEN_DATA), "needs tests/bench/gen-data")
class KilledServerTests(FeedTestCase):
    def test_server_killed_mid_push_loses_nothing(self):
        server = self.server()
        a = self.client("a")
        a.fill(seed=11, organisations=200, challenges=600, capabilities=1200)
        queued = a.status()["outbox"]
        self.assertGreater(queued, 1500)

        process = a.cli_background("sync", "--feed", server.url, "--token-file", a.token_file,
                                   "--json", "--timeout", "2", "--retries", "2")
        self.assertTrue(server.wait_for_log('"POST /v1/changes" 200'), server.log_lines())
        server.kill()
        a.finish(process)
        left = a.status()["outbox"]
        self.assertGreater(left, 0)
        self.assertLess(left, queued)

        server.start()
        counts = a.sync(server.url)
        self.assertEqual(counts["outbox"], 0)
        with sqlite3.connect(server.db) as db:
            applied = db.execute("SELECT count(*) FROM change").fetchone()[0]
            records = db.execute("SELECT count(*) FROM record").fetchone()[0]
        self.assertEqual(records, queued)
        self.assertEqual(applied, queued)

    def test_server_killed_mid_pull_loses_nothing(self):
        server = self.server()
        a, b = self.client("a"), self.client("b")
        a.fill(seed=12, organisations=300, challenges=700, capabilities=1500)
        a.sync(server.url)
        total = len(server.changes(self.token))

        process = b.cli_background("sync", "--feed", server.url, "--token-file", b.token_file,
                                   "--json", "--timeout", "2", "--retries", "1")
        self.assertTrue(server.wait_for_log('"GET /v1/changes?since=0'), server.log_lines())
        server.kill()
        b.finish(process)
        server.start()
        counts = b.sync(server.url)
        self.assertEqual(counts["cursor"], total)
        # Everything a shared is on b, but for records that name a private
        # organisation of a: those wait, kept, for an organisation that
        # will never come.
        waiting = b.waiting_ids()
        self.assertEqual(counts["waiting"], len(waiting))
        for kind in ("organisations", "challenges", "capabilities"):
            shared = [r for r in a.team_records(kind) if r["id"] not in waiting]
            self.assertEqual(comparable(shared), comparable(b.records(kind)), kind)


if __name__ == "__main__":
    unittest.main(verbosity=2)

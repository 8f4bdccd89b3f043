#!/usr/bin/env python3
"""gzip on the wire: answers are gzipped for a client that asks
(Accept-Encoding), pushes go gzipped once the server has said it takes
them (Accept-Encoding in its answers), and a gzipped body may not
inflate beyond the body limit.  Bytes are counted by a relay between
laptop and server, with and without compression."""

import gzip
import json
import sys
import unittest
import uuid

from feedlib import CountingRelay, FeedTestCase, foresight, http


def varied_foresight(i):
    words = ["hydrogen", "buses", "Coventry", "battery", "recycling", "foundry", "sensors", "rail",
             "freight", "aerospace", "composites", "clinical", "trials", "robotics", "welding"]
    text = " ".join(words[(i * 7 + j * 3) % len(words)] + str((i * j) % 97) for j in range(300))
    return dict(foresight("Signal number %d about %s" % (i, words[i % len(words)])), summary=text,
                tags=[words[i % len(words)], words[(i + 5) % len(words)]])


def push(url, token, records, headers=None, compress=False):
    changes = [{"id": str(uuid.uuid4()), "kind": "foresight", "base_rev": 0, "rev": 1, "record": r}
               for r in records]
    body = json.dumps({"changes": changes}).encode()
    if compress:
        body = gzip.compress(body)
    return http("POST", url + "/v1/changes", token, body, headers=headers)


class GzipTests(FeedTestCase):
    def relay(self, server):
        relay = CountingRelay(server.port)
        self.addCleanup(relay.close)
        return relay

    def test_pull_bytes_on_the_wire_with_and_without_gzip(self):
        server = self.server()
        for start in range(0, 400, 100):
            status, _, body = push(server.url, self.token, [varied_foresight(i) for i in range(start, start + 100)])
            self.assertEqual(status, 200, body)
        relay = self.relay(server)

        plain = self.client("plain")
        counts = plain.sync(relay.url, "--no-compression")
        self.assertEqual(counts["pulled"], 400, counts)
        plain_bytes = relay.received

        relay.reset()
        packed = self.client("packed")
        counts = packed.sync(relay.url)
        self.assertEqual(counts["pulled"], 400, counts)
        packed_bytes = relay.received

        print("pull of 400 records: %d bytes plain, %d bytes gzip (%.1f%%)"
              % (plain_bytes, packed_bytes, 100.0 * packed_bytes / plain_bytes), file=sys.stderr)
        self.assertLess(packed_bytes, plain_bytes * 0.25)
        self.assertEqual(json.dumps(plain.records("foresight"), sort_keys=True),
                         json.dumps(packed.records("foresight"), sort_keys=True))

    def test_push_bytes_on_the_wire_with_and_without_gzip(self):
        server = self.server()
        relay = self.relay(server)
        sent = {}
        for name, extra in (("plain", ["--no-compression"]), ("packed", [])):
            laptop = self.client(name)
            laptop.sync(relay.url, *extra)   # learns what the server takes
            for i in range(20):
                laptop.add("foresight", varied_foresight(i))
            relay.reset()
            counts = laptop.sync(relay.url, *extra)
            self.assertEqual(counts["pushed"], 20, counts)
            sent[name] = relay.sent
        print("push of 20 records: %d bytes plain, %d bytes gzip (%.1f%%)"
              % (sent["plain"], sent["packed"], 100.0 * sent["packed"] / sent["plain"]), file=sys.stderr)
        self.assertLess(sent["packed"], sent["plain"] * 0.4)
        self.assertEqual(len(server.changes(self.token)), 40)

    def test_answers_gzipped_only_when_asked(self):
        server = self.server()
        push(server.url, self.token, [varied_foresight(i) for i in range(10)])
        status, headers, body = http("GET", server.url + "/v1/changes?since=0", self.token)
        self.assertIsNone(headers.get("Content-Encoding"))
        self.assertEqual(headers.get("Accept-Encoding"), "gzip")
        status, headers, packed = http("GET", server.url + "/v1/changes?since=0", self.token,
                                       headers={"Accept-Encoding": "gzip"})
        self.assertEqual((status, headers.get("Content-Encoding")), (200, "gzip"))
        self.assertEqual(gzip.decompress(packed), body)
        status, headers, _ = http("GET", server.url + "/v1/changes?since=0", self.token,
                                  headers={"Accept-Encoding": "gzip;q=0, identity"})
        self.assertIsNone(headers.get("Content-Encoding"))

    def test_gzipped_push_accepted_and_bomb_refused(self):
        server = self.server()
        status, _, body = push(server.url, self.token, [foresight("Packed")],
                               headers={"Content-Encoding": "gzip"}, compress=True)
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["results"][0]["status"], "accepted")

        bomb = gzip.compress(b'{"changes":[' + b" " * (9 * 1024 * 1024) + b"]}")
        self.assertLess(len(bomb), 100 * 1024)
        status, _, body = http("POST", server.url + "/v1/changes", self.token, bomb,
                               headers={"Content-Encoding": "gzip"})
        self.assertEqual(status, 413, body)
        status, _, body = http("POST", server.url + "/v1/changes", self.token, b"not gzip at all",
                               headers={"Content-Encoding": "gzip"})
        self.assertEqual(status, 400, body)
        status, _, body = http("POST", server.url + "/v1/changes", self.token, b"{}",
                               headers={"Content-Encoding": "br"})
        self.assertEqual(status, 415, body)
        self.assertTrue(server.alive())


if __name__ == "__main__":
    unittest.main(verbosity=2)

#!/usr/bin/env python3
"""interchange-feed-server's answers: authentication (401, 403), limits
(411, 413, 415), rate limiting (429 with Retry-After, which the client
honours), malformed, truncated, huge and deeply nested JSON, the public
JSON Feed 1.1 document with ETag, and the request log."""

import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import unittest
from datetime import datetime

from feedlib import SERVER, FeedTestCase, challenge, foresight, http, organisation

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
FORESIGHT_KINDS = {"demand-signal", "technology-driver", "idea", "challenge-call"}


def problem(test, answer, status):
    """Checks an RFC 9457 problem document with @status; returns it."""
    code, headers, body = answer
    test.assertEqual(code, status, body)
    test.assertEqual(headers.get_content_type(), "application/problem+json")
    document = json.loads(body)
    test.assertEqual(document["status"], status)
    test.assertIsInstance(document["title"], str)
    test.assertIsInstance(document["type"], str)
    return document


def public(record):
    return dict(record, visibility="public")


def change(record_id, record, base_rev=0, rev=1):
    return {"id": record_id, "kind": "foresight", "base_rev": base_rev, "rev": rev, "record": record}


class AuthenticationTests(FeedTestCase):
    def test_401_without_or_with_a_bad_or_revoked_token(self):
        server = self.server()
        for path in ("/v1/changes", "/healthz"):
            answer = http("GET", server.url + path)
            problem(self, answer, 401)
            self.assertIn("Bearer", answer[1]["WWW-Authenticate"])
            problem(self, http("GET", server.url + path, "icf_not-a-token"), 401)
            problem(self, http("GET", server.url + path, "x" * 5000), 401)

        self.assertEqual(http("GET", server.url + "/healthz", self.token)[0], 200)
        self.assertEqual(server.run("token", "revoke", "expert").returncode, 0)
        problem(self, http("GET", server.url + "/v1/changes", self.token), 401)
        self.assertIn("revoked", server.run("token", "list").stdout)

    def test_client_reports_401_and_keeps_its_outbox(self):
        server = self.server()
        a = self.client("a", token="icf_wrong")
        a.add("foresight", foresight("Queued"))
        counts = a.sync(server.url, ok=False)
        self.assertIn("token", counts["stderr"])
        self.assertEqual(a.status()["outbox"], 1)

    def test_403_for_a_read_only_token_that_pushes(self):
        server = self.server()
        reader = server.token("reader", read_only=True)
        record = foresight("Not allowed")
        record_id = "3b4e28ba-2fa1-41d2-883f-0016d3cca427"
        body = json.dumps({"changes": [change(record_id, record)]})
        problem(self, http("POST", server.url + "/v1/changes", reader, body), 403)
        self.assertEqual(http("GET", server.url + "/v1/changes", reader)[0], 200)

        a = self.client("a", token=reader)
        a.add("foresight", record)
        counts = a.sync(server.url, ok=False)
        self.assertIn("may not", counts["stderr"])
        self.assertEqual(a.status()["outbox"], 1)

        # With nothing to push, a read-only token pulls.
        writer = self.client("w")
        writer.add("foresight", foresight("Readable"))
        writer.sync(server.url)
        b = self.client("b", token=reader)
        self.assertEqual(b.sync(server.url)["pulled"], 1)

    def test_public_feed_needs_no_token(self):
        server = self.server()
        self.assertEqual(http("GET", server.url + "/v1/feed.json")[0], 200)


class LimitTests(FeedTestCase):
    def test_413_for_a_body_over_8_mib_before_reading_it(self):
        server = self.server()
        for token in (self.token, "icf_stranger"):
            with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
                sock.sendall(("POST /v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                              "Content-Length: %d\r\n\r\n{\"changes\":[" % (token, 1 << 30)).encode())
                answer = b""
                while b"}" not in answer:
                    chunk = sock.recv(4096)
                    if not chunk:
                        break
                    answer += chunk
            head, _, body = answer.partition(b"\r\n\r\n")
            expected = 413 if token == self.token else 401
            self.assertTrue(head.startswith(b"HTTP/1.1 %d " % expected), head)
            self.assertIn(b"application/problem+json", head)
            if expected == 413:
                self.assertIn("8388608", json.loads(body)["detail"])
        self.assertEqual(http("GET", server.url + "/healthz", self.token)[0], 200)

    def test_413_for_more_than_500_changes(self):
        server = self.server()
        changes = [change("4b4e28ba-2fa1-41d2-883f-%012d" % i, foresight("n%d" % i)) for i in range(501)]
        document = problem(self, http("POST", server.url + "/v1/changes", self.token,
                                      json.dumps({"changes": changes})), 413)
        self.assertIn("500", document["detail"])
        self.assertEqual(len(server.changes(self.token)), 0)

    def test_411_415_404_405(self):
        server = self.server()
        answer = http("POST", server.url + "/v1/changes", self.token, b'{"changes":[]}',
                      headers={"Content-Type": "text/plain"})
        problem(self, answer, 415)
        problem(self, http("GET", server.url + "/v1/nothing", self.token), 404)
        answer = http("DELETE", server.url + "/v1/changes", self.token)
        problem(self, answer, 405)
        self.assertIn("POST", answer[1]["Allow"])
        # A body without Content-Length could be any size: refused before it is read.
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(("POST /v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n" % self.token).encode())
            self.assertTrue(sock.recv(4096).startswith(b"HTTP/1.1 411 "))
        problem(self, http("GET", server.url + "/v1/changes?since=-1", self.token), 400)
        problem(self, http("GET", server.url + "/v1/changes?limit=lots", self.token), 400)
        # A limit over the maximum is refused, not cut to it (PROTOCOL.md).
        problem(self, http("GET", server.url + "/v1/changes?limit=99999", self.token), 400)

    def test_malformed_truncated_huge_and_deep_json(self):
        server = self.server()
        good = json.dumps({"changes": [change("5b4e28ba-2fa1-41d2-883f-0016d3cca427", foresight("Fine"))]})
        bodies = {
            "malformed": '{"changes": [}',
            "truncated": good[: len(good) // 2],
            "not an object": "[1, 2, 3]",
            "deep": "[" * 200000 + "]" * 200000,
            "deep in a record": json.dumps({"changes": [{"record": {"title": "x"}}]}).replace(
                '"x"', "[" * 40 + "]" * 40),
            "empty": "",
            "invalid utf-8": b'{"changes": [{"id": "\xff\xfe"}]}',
        }
        for name, body in bodies.items():
            with self.subTest(name):
                answer = http("POST", server.url + "/v1/changes", self.token, body)
                problem(self, answer, 400)
        problem(self, http("POST", server.url + "/v1/changes", self.token, '{"changes": 7}'), 422)

        # Huge strings inside a well-formed batch: each change refused alone.
        long_title = dict(foresight("x"), title="t" * 5000)
        unknown = dict(foresight("y"), Colour="red")   # a field of no version: not snake_case
        private = dict(foresight("z"), visibility="private")
        batch = {"changes": [change("6b4e28ba-2fa1-41d2-883f-0016d3cca427", long_title),
                             change("7b4e28ba-2fa1-41d2-883f-0016d3cca427", unknown),
                             change("8b4e28ba-2fa1-41d2-883f-0016d3cca427", private),
                             {"id": 42},
                             change("9b4e28ba-2fa1-41d2-883f-0016d3cca427", foresight("Good one"))]}
        code, _, body = http("POST", server.url + "/v1/changes", self.token, json.dumps(batch))
        self.assertEqual(code, 200, body)
        results = json.loads(body)["results"]
        self.assertEqual([r["status"] for r in results], ["rejected"] * 4 + ["accepted"])
        self.assertIn("title", results[0]["problem"]["detail"])
        self.assertIn("Colour", results[1]["problem"]["detail"])
        self.assertIn("private", results[2]["problem"]["detail"])
        # Each refusal is an RFC 9457 problem with its own type and status.
        for result in results[:4]:
            self.assertTrue(result["problem"]["type"].endswith("/invalid-change"), result)
            self.assertEqual(result["problem"]["status"], 422)
            self.assertIsInstance(result["problem"]["title"], str)

        # An id that belongs to another kind: a conflict of kinds, 409.
        taken = {"changes": [dict(change("9b4e28ba-2fa1-41d2-883f-0016d3cca427", organisation("Kinds Ltd")),
                                  kind="organisation")]}
        code, _, body = http("POST", server.url + "/v1/changes", self.token, json.dumps(taken))
        self.assertEqual(code, 200, body)
        refused = json.loads(body)["results"][0]
        self.assertEqual(refused["status"], "rejected")
        self.assertTrue(refused["problem"]["type"].endswith("/kind-mismatch"), refused)
        self.assertEqual(refused["problem"]["status"], 409)

        self.assertTrue(server.alive())
        self.assertEqual([c["id"] for c in server.changes(self.token)],
                         ["9b4e28ba-2fa1-41d2-883f-0016d3cca427"])


class RateLimitTests(FeedTestCase):
    def test_429_with_retry_after_and_the_client_waits(self):
        server = self.server("--rate-limit", "2")
        answers = [http("GET", server.url + "/v1/changes", self.token) for _ in range(8)]
        limited = [a for a in answers if a[0] == 429]
        self.assertTrue(limited)
        document = problem(self, limited[0], 429)
        self.assertGreaterEqual(int(limited[0][1]["Retry-After"]), 1)
        self.assertIn("Retry-After", document["detail"])

        a = self.client("a")
        org = a.add("organisation", organisation("Busy Ltd"))
        for i in range(3):
            a.add("challenge", challenge(org, "Busy %d" % i))
        # Another client of the same token keeps the bucket empty while
        # the sync starts, however slowly this machine runs it.
        stop = threading.Event()

        def hammer():
            deadline = time.monotonic() + 4
            while not stop.is_set() and time.monotonic() < deadline:
                http("GET", server.url + "/v1/changes", self.token)

        other = threading.Thread(target=hammer)
        other.start()
        try:
            counts = a.sync(server.url, "--retries", "8")
        finally:
            stop.set()
            other.join()
        self.assertEqual(counts["pushed"], 4, counts)
        self.assertEqual(counts["outbox"], 0)
        self.assertIn("trying again", counts["stderr"])


class PublicFeedTests(FeedTestCase):
    def assert_json_feed(self, document):
        """The required and typed fields of JSON Feed 1.1."""
        self.assertEqual(document["version"], JSON_FEED_VERSION)
        self.assertIsInstance(document["title"], str)
        self.assertTrue(document["title"])
        self.assertIsInstance(document["items"], list)
        for name in ("home_page_url", "feed_url", "description", "language"):
            if name in document:
                self.assertIsInstance(document[name], str, name)
        ids = set()
        for item in document["items"]:
            self.assertIsInstance(item["id"], str)
            self.assertNotIn(item["id"], ids)
            ids.add(item["id"])
            self.assertTrue(isinstance(item.get("content_text"), str) or
                            isinstance(item.get("content_html"), str), item)
            for name in ("url", "title", "summary", "date_published", "date_modified"):
                if name in item:
                    self.assertIsInstance(item[name], str, name)
            for name in ("date_published", "date_modified"):
                if name in item:
                    datetime.fromisoformat(item[name].replace("Z", "+00:00"))
            if "tags" in item:
                self.assertTrue(all(isinstance(tag, str) for tag in item["tags"]))
            for name in item:
                self.assertTrue(name.startswith("_") or name in (
                    "id", "url", "external_url", "title", "content_html", "content_text", "summary",
                    "image", "banner_image", "date_published", "date_modified", "authors", "tags",
                    "language", "attachments"), name)
            extension = item["_interchange"]
            self.assertIn(extension["kind"], FORESIGHT_KINDS)
            self.assertIsInstance(extension["tags"], list)
        return ids

    def test_feed_json_is_a_valid_json_feed_with_etag(self):
        server = self.server("--title", "West Midlands foresight", "--public-url", "https://feed.example/")
        a = self.client("a")
        first = a.add("foresight", public(foresight("Hydrogen buses")))
        second = a.add("foresight", public(foresight("Rail sensors", kind="technology-driver", tags=("rail",))))
        gone = a.add("foresight", public(foresight("Withdrawn")))
        # A team item is the team's: not in the public feed.
        a.add("foresight", foresight("Team only"))
        a.add("organisation", organisation("Not in the feed Ltd"))
        a.delete(gone)
        a.sync(server.url)

        code, headers, body = http("GET", server.url + "/v1/feed.json")
        self.assertEqual(code, 200)
        self.assertEqual(headers.get_content_type(), "application/feed+json")
        document = json.loads(body)
        ids = self.assert_json_feed(document)
        self.assertEqual(ids, {first, second})
        self.assertTrue(document["title"].startswith("West Midlands foresight"), document["title"])
        self.assertEqual(document["feed_url"], "https://feed.example/v1/feed.json")
        by_id = {item["id"]: item for item in document["items"]}
        self.assertEqual(by_id[second]["_interchange"]["kind"], "technology-driver")
        self.assertEqual(by_id[second]["tags"], ["rail"])
        # The source is the external link; the item's own page is on the board.
        self.assertEqual(by_id[second]["external_url"], "https://example.org/rail-sensors")
        self.assertEqual(by_id[second]["url"], "https://feed.example/foresight#item-" + second)

        etag = headers["ETag"]
        self.assertTrue(re.fullmatch(r'"[^"]+"', etag), etag)
        code, headers, body = http("GET", server.url + "/v1/feed.json", headers={"If-None-Match": etag})
        self.assertEqual(code, 304)
        self.assertEqual(body, b"")

        a.add("foresight", public(foresight("Newer signal")))
        a.sync(server.url)
        code, headers, body = http("GET", server.url + "/v1/feed.json", headers={"If-None-Match": etag})
        self.assertEqual(code, 200)
        self.assertNotEqual(headers["ETag"], etag)
        self.assertEqual(len(self.assert_json_feed(json.loads(body))), 3)

    def test_empty_feed_is_valid(self):
        server = self.server()
        code, _, body = http("GET", server.url + "/v1/feed.json")
        self.assertEqual(code, 200)
        self.assertEqual(self.assert_json_feed(json.loads(body)), set())


@unittest.skipUnless(shutil.which("openssl"), "needs openssl to make a certificate")
class TlsTests(FeedTestCase):
    def test_sync_over_https_with_a_private_certificate(self):
        cert = os.path.join(self.folder, "cert.pem")
        key = os.path.join(self.folder, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True,
                       timeout=60)
        try:
            server = self.server("--tls-cert", cert, "--tls-key", key)
        except AssertionError:
            # Without glib-networking GIO has no TLS at all.
            probe = subprocess.run([SERVER, "--db", os.path.join(self.folder, "probe.db"),
                                    "--listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key],
                                   capture_output=True, text=True, timeout=30)
            if "TLS support is not available" in probe.stderr:
                self.skipTest("GIO has no TLS backend (glib-networking)")
            raise
        self.assertTrue(server.url.startswith("https://127.0.0.1:"))
        a = self.client("a")
        a.add("foresight", foresight("Over TLS"))

        # Not trusted by the system: refused, and the outbox stays.
        counts = a.sync(server.url, "--retries", "0", ok=False)
        self.assertIn("secure connection", counts["stderr"])
        self.assertEqual(counts["outbox"], 1)
        counts = a.sync(server.url, "--ca-file", cert)
        self.assertEqual(counts["pushed"], 1)


class LogTests(FeedTestCase):
    def test_one_line_per_request_and_never_a_token(self):
        server = self.server()
        http("GET", server.url + "/healthz", self.token)
        http("GET", server.url + "/v1/changes?since=0", self.token)
        http("GET", server.url + "/v1/changes", "icf_wrong-token")
        self.assertTrue(server.wait_for_log('" 401 ', timeout=10))
        lines = server.log_lines()
        self.assertEqual(len(lines), 3, lines)
        self.assertIn('"GET /healthz" 200', lines[0])
        self.assertIn(" expert ", lines[0])
        self.assertIn('"GET /v1/changes?since=0" 200', lines[1])
        for line in lines:
            self.assertNotIn(self.token, line)
            self.assertNotIn("icf_", line)


if __name__ == "__main__":
    unittest.main(verbosity=2)

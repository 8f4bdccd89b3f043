#!/usr/bin/env python3
"""The feed's token goes only where it is safe: never over plain http to
another machine, never across a redirect (libsoup 3.2 would carry the
Authorization header to another origin), and over TLS to a server with
a certificate the laptop was told to trust."""

import os
import shutil
import subprocess
import unittest

from feedlib import FAST, SERVER, FakeFeed, FeedTestCase, foresight, send


class TokenSafetyTests(FeedTestCase):
    def fake(self, behaviour):
        fake = FakeFeed(behaviour)
        self.addCleanup(fake.close)
        return fake

    def test_no_token_across_a_redirect_to_another_origin(self):
        seen = []

        def elsewhere(handler):
            seen.append(handler.headers.get("Authorization"))
            send(handler, 200, '{"feed_id":"x","changes":[],"last_seq":0,"more":false}')

        other = self.fake(elsewhere)

        def redirecting(handler):
            send(handler, 307, "", headers={"Location": other.url + handler.path})

        first = self.fake(redirecting)
        a = self.client("a", token="secret-token-value")
        a.add("foresight", foresight("Stays here"))
        counts = a.sync(first.url, *FAST, ok=False)
        self.assertIn("redirect", counts["stderr"])
        self.assertIn(other.url, counts["stderr"])
        self.assertNotIn("secret-token-value", counts["stderr"])
        self.assertEqual(seen, [])
        self.assertEqual(other.requests, [])
        self.assertEqual(counts["outbox"], 1)

    def test_plain_http_to_another_machine_is_refused(self):
        a = self.client("a", token="secret-token-value")
        for url in ("http://192.0.2.10:8080", "http://feed.example.org/", "http://[2001:db8::1]/"):
            result = a.cli("sync", "--feed", url, "--token-file", a.token_file, *FAST)
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertIn("plain http", result.stderr)
        self.assertEqual(a.status()["feed_url"], None)

    def test_plain_http_to_loopback_is_allowed(self):
        server = self.server()
        a = self.client("a")
        a.add("foresight", foresight("Local"))
        for url in (server.url, server.url.replace("127.0.0.1", "localhost")):
            self.assertEqual(a.sync(url)["outbox"], 0)


@unittest.skipUnless(shutil.which("openssl"), "needs openssl to make a certificate")
class TlsSyncTests(FeedTestCase):
    def certificate(self):
        cert = os.path.join(self.folder, "cert.pem")
        key = os.path.join(self.folder, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True,
                       timeout=60)
        return cert, key

    def test_two_laptops_sync_over_tls(self):
        cert, key = self.certificate()
        try:
            server = self.server("--tls-cert", cert, "--tls-key", key)
        except AssertionError:
            probe = subprocess.run([SERVER, "--db", os.path.join(self.folder, "probe.db"),
                                    "--listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key],
                                   capture_output=True, text=True, timeout=30)
            if "TLS support is not available" in probe.stderr:
                self.skipTest("GIO has no TLS backend (glib-networking)")
            raise
        self.assertTrue(server.url.startswith("https://"))
        a, b = self.client("a"), self.client("b")
        sent = [a.add("foresight", foresight("Over TLS %d" % i)) for i in range(3)]
        self.assertEqual(a.sync(server.url, "--ca-file", cert)["pushed"], 3)
        counts = b.sync(server.url, "--ca-file", cert)
        self.assertEqual(counts["pulled"], 3, counts)
        self.assertEqual(sorted(r["id"] for r in b.records("foresight")), sorted(sent))
        # A certificate the laptop was not told to trust: refused.
        counts = self.client("c").sync(server.url, "--retries", "0", ok=False)
        self.assertIn("secure connection", counts["stderr"])


if __name__ == "__main__":
    unittest.main(verbosity=2)

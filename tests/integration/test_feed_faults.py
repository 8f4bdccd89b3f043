#!/usr/bin/env python3
"""The client against a misbehaving feed (a small server in this test on
127.0.0.1): 500s, 429 with Retry-After, an answer cut off mid-body, a
server that stalls past the time-out, malformed, truncated, huge and
deeply nested JSON.  After each, every outbox entry is either
acknowledged or still queued, and nothing half-read reaches the store."""

import json
import time
import unittest

from feedlib import FAST, FakeFeed, FeedTestCase, challenge, foresight, organisation, send

EMPTY_PAGE = json.dumps({"feed_id": "fake", "changes": [], "last_seq": 0, "more": False})


def accept_all(handler, body):
    """A well-behaved answer to a pushed batch."""
    changes = json.loads(body)["changes"]
    results = [{"id": c["id"], "status": "accepted", "rev": c["rev"], "seq": i + 1}
               for i, c in enumerate(changes)]
    send(handler, 200, json.dumps({"results": results, "last_seq": len(results)}))


class FaultTests(FeedTestCase):
    def setUp(self):
        super().setUp()
        self.token = "icf_fake"
        self.a = self.client("a")
        org = self.a.add("organisation", organisation("Faulty Ltd"))
        self.a.add("challenge", challenge(org, "Queued while the feed misbehaves"))
        self.before = self.snapshot()
        self.assertEqual(self.before["status"]["outbox"], 2)

    def snapshot(self):
        return {"status": self.a.status(),
                "records": [self.a.records(kind) for kind in ("organisations", "challenges", "foresight")]}

    def fake(self, behaviour):
        fake = FakeFeed(behaviour)
        self.addCleanup(fake.close)
        return fake

    def assert_nothing_lost(self):
        after = self.snapshot()
        self.assertEqual(after["status"]["outbox"], self.before["status"]["outbox"])
        self.assertEqual(after["status"]["cursor"], 0)
        self.assertEqual(after["records"], self.before["records"])

    def test_500_is_retried_then_reported(self):
        fake = self.fake(lambda h: send(h, 500, '{"title":"Broken","status":500}',
                                        "application/problem+json"))
        counts = self.a.sync(fake.url, *FAST, ok=False)
        self.assertIn("500", counts["stderr"])
        self.assertEqual(len(fake.requests), 2)
        self.assert_nothing_lost()

    def test_429_retry_after_is_honoured(self):
        seen = []

        def behaviour(handler):
            seen.append(time.monotonic())
            if len(seen) == 1:
                send(handler, 429, '{"title":"Slow down","status":429}', "application/problem+json",
                     headers={"Retry-After": "1"})
            elif handler.command == "POST":
                accept_all(handler, handler.body)
            else:
                send(handler, 200, EMPTY_PAGE)

        fake = self.fake(behaviour)
        counts = self.a.sync(fake.url, "--timeout", "5", "--retries", "2")
        self.assertEqual(counts["pushed"], 2, counts)
        self.assertEqual(counts["outbox"], 0)
        self.assertGreaterEqual(seen[1] - seen[0], 1.0)

    def test_answer_cut_off_mid_body(self):
        def behaviour(handler):
            send(handler, 200, '{"results": [{"id": "', length=5000)
            handler.close_connection = True

        fake = self.fake(behaviour)
        counts = self.a.sync(fake.url, *FAST, ok=False)
        self.assertIn("broke off", counts["stderr"])
        self.assert_nothing_lost()

    def test_server_stalls_past_the_time_out(self):
        def behaviour(handler):
            fake.released.wait(20)

        fake = self.fake(behaviour)
        start = time.monotonic()
        counts = self.a.sync(fake.url, *FAST, ok=False)
        self.assertLess(time.monotonic() - start, 15)
        self.assertIn("did not answer in time", counts["stderr"])
        self.assert_nothing_lost()

    def test_malformed_and_truncated_answers(self):
        bodies = {
            "malformed": '{"results": [}, "last_seq": 1}',
            "truncated": json.dumps({"results": [{"id": "x", "status": "accepted", "rev": 1, "seq": 1}],
                                     "last_seq": 1})[:40],
            "wrong count": json.dumps({"results": [], "last_seq": 0}),
            "wrong status": json.dumps({"results": [{"status": "maybe"}] * 2, "last_seq": 0}),
            "not json at all": "<html>Gateway</html>",
        }
        for name, body in bodies.items():
            with self.subTest(name):
                fake = self.fake(lambda h, body=body: send(h, 200, body))
                counts = self.a.sync(fake.url, *FAST, ok=False)
                self.assertIn("not valid", counts["stderr"])
                self.assertEqual(len(fake.requests), 1)
                self.assert_nothing_lost()

    def test_html_instead_of_json(self):
        fake = self.fake(lambda h: send(h, 200, "<html>Login</html>", "text/html"))
        counts = self.a.sync(fake.url, *FAST, ok=False)
        self.assertIn("text/html", counts["stderr"])
        self.assert_nothing_lost()

    def test_deeply_nested_answer(self):
        fake = self.fake(lambda h: send(h, 200, "[" * 500000 + "]" * 500000))
        counts = self.a.sync(fake.url, *FAST, ok=False)
        self.assertIn("nests deeper", counts["stderr"])
        self.assert_nothing_lost()

    def test_huge_answers(self):
        def announced(handler):
            send(handler, 200, "{", length=200 * 1024 * 1024)
            handler.close_connection = True

        fake = self.fake(announced)
        counts = self.a.sync(fake.url, *FAST, ok=False)
        self.assertIn("larger than", counts["stderr"])
        self.assert_nothing_lost()

        def endless(handler):
            # No length: the body runs until the connection closes.
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Connection", "close")
            handler.end_headers()
            chunk = b" " * (1024 * 1024)
            try:
                for _ in range(100):
                    handler.wfile.write(chunk)
            except OSError:
                pass
            handler.close_connection = True

        fake = self.fake(endless)
        counts = self.a.sync(fake.url, *FAST, ok=False)
        self.assertIn("larger than", counts["stderr"])
        self.assert_nothing_lost()


class PullFaultTests(FeedTestCase):
    """Faults while pulling, with nothing to push."""

    def setUp(self):
        super().setUp()
        self.token = "icf_fake"
        self.b = self.client("b")

    def fake(self, behaviour):
        fake = FakeFeed(behaviour)
        self.addCleanup(fake.close)
        return fake

    def test_bad_pages_leave_the_cursor(self):
        bodies = [
            '{"feed_id": "fake", "changes": [',
            json.dumps({"feed_id": "fake", "changes": [{"seq": 1}], "last_seq": 1}),
            json.dumps({"feed_id": "fake", "changes": [], "last_seq": 0, "more": True}),
        ]
        for body in bodies:
            fake = self.fake(lambda h, body=body: send(h, 200, body))
            self.b.sync(fake.url, *FAST, ok=False)
            self.assertEqual(self.b.status()["cursor"], 0)
            self.assertEqual(self.b.records("foresight"), [])

    def test_pages_before_a_bad_one_are_kept(self):
        # Pages are written several at a time; a page that fails after
        # six good ones leaves those six applied and the cursor after them.
        items = [dict(foresight("Signal %d" % n), id="%08d-2fa1-41d2-883f-0016d3cca427" % n, rev=1)
                 for n in range(1, 7)]

        def pages(handler):
            since = int(handler.path.split("since=")[1].split("&")[0])
            if since >= len(items):
                send(handler, 200, '{"feed_id": "fake", "changes": [{"seq": 7, "id": "cut')
                return
            item = items[since]
            send(handler, 200, json.dumps({"feed_id": "fake", "last_seq": since + 1, "more": True, "changes": [
                {"seq": since + 1, "id": item["id"], "kind": "foresight", "rev": 1, "deleted": False,
                 "record": item}]}))

        fake = self.fake(pages)
        self.b.sync(fake.url, *FAST, ok=False)
        self.assertEqual(self.b.status()["cursor"], 6)
        self.assertEqual(sorted(r["title"] for r in self.b.records("foresight")),
                         ["Signal %d" % n for n in range(1, 7)])
        self.assertEqual([path.split("?")[1].split("&")[0] for method, path in fake.requests],
                         ["since=%d" % n for n in range(0, 7)])

    def test_a_replaced_log_is_pulled_again_from_its_top(self):
        # The same address now serves another log (a restored server):
        # the client notices the new feed_id and starts again from 0.
        old = dict(foresight("Old signal"), id="0a4e28ba-2fa1-41d2-883f-0016d3cca427", rev=1)
        new = dict(foresight("New signal"), id="0b4e28ba-2fa1-41d2-883f-0016d3cca427", rev=1)
        served = {"feed_id": "one", "item": old, "last_seq": 5}

        def page(handler):
            since = int(handler.path.split("since=")[1].split("&")[0])
            changes = [] if since >= served["last_seq"] else [
                {"seq": served["last_seq"], "id": served["item"]["id"], "kind": "foresight", "rev": 1,
                 "deleted": False, "record": served["item"]}]
            send(handler, 200, json.dumps({"feed_id": served["feed_id"], "last_seq": served["last_seq"],
                                           "more": False, "changes": changes}))

        fake = self.fake(page)
        self.b.sync(fake.url)
        self.assertEqual(self.b.status()["cursor"], 5)
        served.update(feed_id="two", item=new, last_seq=3)
        del fake.requests[:]
        counts = self.b.sync(fake.url)
        self.assertEqual([path.split("?")[1].split("&")[0] for method, path in fake.requests],
                         ["since=5", "since=0"])
        self.assertEqual(counts["cursor"], 3)
        self.assertEqual(sorted(r["title"] for r in self.b.records("foresight")), ["New signal", "Old signal"])

    def test_a_refused_record_is_skipped_the_rest_applied(self):
        good = dict(foresight("Good signal"), id="ab4e28ba-2fa1-41d2-883f-0016d3cca427", rev=1)
        bad = dict(foresight("x"), id="bb4e28ba-2fa1-41d2-883f-0016d3cca427", rev=1, title="")
        page = {"feed_id": "fake", "last_seq": 2, "more": False, "changes": [
            {"seq": 1, "id": bad["id"], "kind": "foresight", "rev": 1, "deleted": False, "record": bad},
            {"seq": 2, "id": good["id"], "kind": "foresight", "rev": 1, "deleted": False, "record": good}]}
        fake = self.fake(lambda h: send(h, 200, json.dumps(page)))
        counts = self.b.sync(fake.url)
        self.assertEqual(counts["pulled"], 1)
        # Not skipped silently: kept aside, and named by sync --status.
        self.assertEqual(counts["quarantined"], 1)
        self.assertEqual(counts["cursor"], 2)
        self.assertEqual([r["id"] for r in self.b.records("foresight")], [good["id"]])
        self.assertEqual([q["id"] for q in self.b.status()["quarantine"]], [bad["id"]])


if __name__ == "__main__":
    unittest.main(verbosity=2)

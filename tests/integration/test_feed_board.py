#!/usr/bin/env python3
"""The public board of interchange-feed-server, on the real server: what
it shows and what it never shows (team records, an anonymised
challenge's organisation), escaping of hostile records, the answer form
and each of its refusals, the feeds (JSON Feed 1.1 with RFC 3339 dates
and pages of at most 100 KB, Atom read by feedparser), ETag and 304."""

import json
import re
import socket
import unittest
import urllib.parse
import uuid

from feedlib import FeedTestCase, http, organisation

try:
    import feedparser
except ImportError:  # Debian: python3-feedparser
    feedparser = None

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;\'"'
SECRET_ORG = "Secret Motors Group"
LABEL = "A Tier 1 automotive supplier in Coventry"


def public(record, **fields):
    return dict(record, visibility="public", **fields)


def board_challenge(org, title, **fields):
    record = {"organisation_id": org, "title": title, "description": "Needs help with " + title,
              "cluster": "automotive", "tags": ["hydrogen"], "trl_min": 3, "trl_max": 7,
              "budget_min": 20000, "budget_max": 80000, "deadline": "2030-01-31"}
    record.update(fields)
    return record


def get(url, headers=None):
    code, answer_headers, body = http("GET", url, headers=headers)
    return code, answer_headers, body.decode("utf-8")


def post_form(url, fields, content_type="application/x-www-form-urlencoded", raw=None):
    body = raw if raw is not None else urllib.parse.urlencode(fields).encode()
    return http("POST", url, body=body, headers={"Content-Type": content_type})


def form_of(page):
    """The hidden fields of the answer form in @page."""
    ts = re.search(r'name="ts" value="(\d+)"', page).group(1)
    token = re.search(r'name="token" value="([0-9a-f]+)"', page).group(1)
    return {"ts": ts, "token": token}


def good_answer(form, **fields):
    answer = dict(form, organisation="Widget Works", contact_name="Jo Bloggs", email="jo@widget.example",
                  answer="We make hydrogen valves.", consent="yes", website="")
    answer.update(fields)
    return answer


class BoardTestCase(FeedTestCase):
    server_options = ()

    def setUp(self):
        super().setUp()
        self.srv = self.server("--title", "Board <Test>", "--board-intro", "Intro with <b>markup</b>",
                               *self.server_options)
        self.url = self.srv.url
        self.a = self.client("a")
        self.org = self.a.add("organisation", dict(organisation(SECRET_ORG), name=SECRET_ORG))

    def sync(self):
        self.a.sync(self.url)

    def responses(self):
        """The response records in the server's log, as a laptop pulls them."""
        code, _, body = http("GET", self.url + "/v1/changes?since=0&limit=1000", self.token)
        self.assertEqual(code, 200)
        return [c["record"] for c in json.loads(body)["changes"] if c["kind"] == "response"]


class VisibilityTests(BoardTestCase):
    def test_only_public_records_and_never_the_anonymised_organisation(self):
        anonymous = self.a.add("challenge", public(board_challenge(self.org, "Anonymous need"),
                                                   public_label=LABEL))
        named = self.a.add("challenge", public(board_challenge(self.org, "Named need", cluster="rail")))
        team = self.a.add("challenge", board_challenge(self.org, "Team-only need"))
        private = self.a.add("challenge", dict(board_challenge(self.org, "Private need"), visibility="private"))
        closed = self.a.add("challenge", public(board_challenge(self.org, "Closed need", status="closed")))
        self.sync()

        code, headers, front = get(self.url + "/")
        self.assertEqual(code, 200)
        self.assertEqual(headers.get_content_type(), "text/html")
        self.assertIn("Anonymous need", front)
        self.assertIn("Named need", front)
        self.assertNotIn("Team-only need", front)
        self.assertNotIn("Private need", front)
        self.assertNotIn("Closed need", front)
        self.assertIn(LABEL, front)
        # The named one shows its organisation: once, for it alone.
        self.assertEqual(front.count(SECRET_ORG), 1)

        code, _, page = get(self.url + "/challenges/" + anonymous)
        self.assertEqual(code, 200)
        self.assertIn(LABEL, page)
        self.assertNotIn(SECRET_ORG, page)
        self.assertNotIn(self.org, page)
        json_ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
        self.assertEqual(json_ld["@type"], "Demand")
        self.assertEqual(json_ld["seller"]["name"], LABEL)

        for path in ("/challenges.atom", "/challenges.json", "/foresight.atom", "/foresight.json"):
            code, _, feed = get(self.url + path)
            self.assertEqual(code, 200, path)
            self.assertNotIn("Team-only need", feed, path)
            self.assertNotIn("Private need", feed, path)
        _, _, atom = get(self.url + "/challenges.atom")
        _, _, feed = get(self.url + "/challenges.json")
        items = {item["id"]: item for item in json.loads(feed)["items"]}
        self.assertEqual(set(items), {anonymous, named})
        self.assertEqual(items[anonymous]["authors"], [{"name": LABEL}])
        self.assertNotIn(SECRET_ORG, json.dumps(items[anonymous]))
        self.assertEqual(atom.count(SECRET_ORG), 1)

        # Private, team, closed-but-unknown ids: the same 404, nothing leaked.
        for record_id in (team, private, str(uuid.uuid4())):
            code, _, page = get(self.url + "/challenges/" + record_id)
            self.assertEqual(code, 404, record_id)
            self.assertNotIn("need", page)
            self.assertNotIn(SECRET_ORG, page)
        self.assertEqual(get(self.url + "/challenges/" + closed)[0], 200)
        self.assertNotIn('name="token"', get(self.url + "/challenges/" + closed)[2])
        self.assertEqual(get(self.url + "/challenges/not-an-id")[0], 404)
        self.assertEqual(get(self.url + "/challenges/" + team + "/../" + team)[0], 404)

    def test_a_challenge_made_team_again_leaves_the_board(self):
        record_id = self.a.add("challenge", public(board_challenge(self.org, "Shown for a while")))
        self.sync()
        self.assertEqual(get(self.url + "/challenges/" + record_id)[0], 200)
        self.a.cli_ok("update", record_id, "--visibility", "team")
        self.sync()
        self.assertEqual(get(self.url + "/challenges/" + record_id)[0], 404)
        self.assertNotIn("Shown for a while", get(self.url + "/")[2])

    def test_public_label_on_the_cli(self):
        record_id = self.a.add("challenge", board_challenge(self.org, "Labelled later"))
        self.a.cli_ok("update", record_id, "--visibility", "public", "--public-label", LABEL)
        shown = self.a.show(record_id)
        self.assertEqual(shown["visibility"], "public")
        self.assertEqual(shown["public_label"], LABEL)
        bad = self.a.cli("update", record_id, "--visibility", "everyone")
        self.assertEqual(bad.returncode, 1)
        self.assertIn("--visibility", bad.stderr)
        self.assertEqual(self.a.show(record_id)["rev"], shown["rev"])
        bad = self.a.cli("update", self.org, "--public-label", "x")
        self.assertEqual(bad.returncode, 1)
        self.assertIn("only a challenge", bad.stderr)


class EscapingTests(BoardTestCase):
    def test_markup_in_every_field_shows_as_text(self):
        org = self.a.add("organisation", dict(organisation("x"), name="Org " + HOSTILE))
        named = self.a.add("challenge", public(board_challenge(
            org, "Title " + HOSTILE, description="Description " + HOSTILE + "\n\n</script><!--",
            tags=["tag<script>"], contact="Contact-ZZ9 " + HOSTILE)))
        labelled = self.a.add("challenge", public(board_challenge(
            org, "Second " + HOSTILE, public_label="Label " + HOSTILE)))
        self.a.add("foresight", public({"title": "Signal " + HOSTILE, "kind": "idea",
                                        "summary": "Summary " + HOSTILE, "tags": ["x"],
                                        "url": "https://example.org/?q=<script>", "published": "2024-04-01T09:00:00Z",
                                        "source": "Source " + HOSTILE}))
        self.sync()

        for path in ("/", "/foresight", "/challenges/" + named, "/challenges/" + labelled,
                     "/?q=" + urllib.parse.quote(HOSTILE)):
            code, _, page = get(self.url + path)
            self.assertEqual(code, 200, path)
            self.assertNotIn("<script>alert", page, path)
            self.assertNotIn("<img", page, path)
            self.assertNotIn("javascript:", page, path)
            self.assertNotIn("Contact-ZZ9", page, path)   # the contact is never on the board
            # One script element at most: the structured data, closed once.
            self.assertLessEqual(page.count("<script"), 1, path)
            self.assertEqual(page.count("</script>"), page.count("<script"), path)
            self.assertNotIn("<b>markup</b>", page, path)
        _, _, page = get(self.url + "/challenges/" + named)
        self.assertIn("Title &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", page)
        json_ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
        self.assertEqual(json_ld["name"], "Title " + HOSTILE)
        self.assertIn("</script><!--", json_ld["description"])

        _, _, feed = get(self.url + "/challenges.json")
        titles = {item["title"] for item in json.loads(feed)["items"]}
        self.assertEqual(titles, {"Title " + HOSTILE, "Second " + HOSTILE})


class AnswerTests(BoardTestCase):
    def setUp(self):
        super().setUp()
        self.challenge = self.a.add("challenge", public(board_challenge(self.org, "Answer me"),
                                                        public_label=LABEL))
        self.sync()
        self.page_url = self.url + "/challenges/" + self.challenge
        self.form = form_of(get(self.page_url)[2])

    def test_an_answer_is_kept_for_the_team_and_never_shown(self):
        code, headers, _ = post_form(self.page_url, good_answer(
            self.form, organisation="<b>Widget</b> Works", answer="We <script>x()</script>make valves\r\nand pumps"))
        self.assertEqual(code, 200)   # urllib follows the 303 to the thank-you page
        code, _, thanks = get(self.page_url + "/thanks")
        self.assertEqual(code, 200)
        self.assertIn("Thank you", thanks)

        [response] = self.responses()
        self.assertEqual(response["visibility"], "team")
        self.assertEqual(response["challenge_id"], self.challenge)
        self.assertEqual(response["organisation"], "Widget Works")
        self.assertEqual(response["answer"], "We x()make valves\nand pumps")
        self.assertEqual(response["email"], "jo@widget.example")
        self.assertTrue(response["consent"])
        for path in ("/", self.page_url[len(self.url):], "/challenges.json", "/challenges.atom", "/foresight"):
            self.assertNotIn("jo@widget.example", get(self.url + path)[2], path)

        # A laptop of the team pulls it, and lists it on the challenge.
        counts = self.a.sync(self.url)
        self.assertEqual(counts.get("quarantined", 0), 0, counts)
        listed = json.loads(self.a.cli_ok("list", "responses", "--challenge", self.challenge, "--json").stdout)
        self.assertEqual([r["id"] for r in listed], [response["id"]])
        self.assertEqual(listed[0]["email"], "jo@widget.example")
        self.assertIn("Widget Works", self.a.cli_ok("list", "responses").stdout)
        other = self.a.add("challenge", board_challenge(self.org, "Without answers"))
        self.assertEqual(json.loads(self.a.cli_ok("list", "responses", "--challenge", other, "--json").stdout), [])
        self.assertEqual(self.a.cli("list", "responses", "--challenge", self.org).returncode, 1)
        # Searched like the other kinds: every word, in any case, in the organisation, contact or answer.
        found = json.loads(self.a.cli_ok("list", "responses", "--search", "VALVES widget", "--json").stdout)
        self.assertEqual([r["id"] for r in found], [response["id"]])
        self.assertEqual(json.loads(self.a.cli_ok("list", "responses", "--search", "valves gearbox",
                                                  "--json").stdout), [])
        refused = self.a.cli("list", "responses", "--cluster", "manufacturing")
        self.assertEqual(refused.returncode, 2)
        self.assertIn("no cluster", refused.stderr)

        # Its contact details go on request; the answer stays.
        listed = self.srv.run("responses", "list", "--challenge", self.challenge)
        self.assertEqual(listed.returncode, 0, listed.stderr)
        self.assertIn("jo@widget.example", listed.stdout)
        erased = self.srv.run("responses", "erase", response["id"])
        self.assertEqual(erased.returncode, 0, erased.stderr)
        [response] = self.responses()
        self.assertEqual(response["email"], "")
        self.assertEqual(response["contact_name"], "")
        self.assertTrue(response["contact_erased"])
        self.assertEqual(response["rev"], 2)
        self.assertEqual(self.srv.run("responses", "erase", str(uuid.uuid4())).returncode, 1)
        self.a.sync(self.url)
        [kept] = json.loads(self.a.cli_ok("list", "responses", "--json").stdout)
        self.assertEqual((kept["email"], kept["contact_name"], kept["rev"]), ("", "", 2))
        self.assertTrue(kept["contact_erased"])
        self.assertEqual(kept["answer"], "We x()make valves\nand pumps")

    def test_the_erase_route_needs_a_writer_and_names_a_response(self):
        code, _, _ = post_form(self.page_url, good_answer(self.form))
        self.assertEqual(code, 200)
        [response] = self.responses()
        erase = "%s/v1/responses/%s/erase" % (self.url, response["id"])
        last_seq = self.srv.changes(self.token)[-1]["seq"]

        code, headers, body = http("POST", erase, body="{}")
        self.assertEqual(code, 401, body)
        self.assertIn("Bearer", headers["WWW-Authenticate"])
        reader = self.srv.token("dashboard", read_only=True)
        code, _, body = http("POST", erase, reader, body="{}")
        self.assertEqual(code, 403, body)
        self.assertEqual(json.loads(body)["type"].rsplit("/", 1)[-1], "forbidden")
        for unknown in (str(uuid.uuid4()), "not-a-uuid", "", self.challenge):
            code, headers, body = http("POST", "%s/v1/responses/%s/erase" % (self.url, unknown), self.token, body="{}")
            self.assertEqual(code, 404, unknown)
            self.assertEqual(headers.get_content_type(), "application/problem+json", unknown)
        code, headers, _ = http("GET", erase, self.token)
        self.assertEqual((code, headers["Allow"]), (405, "POST"))
        # Nothing refused wrote anything.
        self.assertEqual(self.srv.changes(self.token)[-1]["seq"], last_seq)
        self.assertEqual(self.responses()[0]["email"], "jo@widget.example")

        code, headers, body = http("POST", erase, self.token, body="{}")
        self.assertEqual(code, 200, body)
        self.assertEqual(headers.get_content_type(), "application/json")
        self.assertEqual(json.loads(body), {"id": response["id"], "contact_erased": True})
        # The next page after the cursor holds the erased revision alone.
        [change] = self.srv.changes(self.token, since=last_seq)
        erased = change["record"]
        self.assertEqual((change["kind"], erased["id"], erased["rev"]), ("response", response["id"], 2))
        self.assertEqual((erased["contact_name"], erased["email"]), ("", ""))
        self.assertTrue(erased["contact_erased"])
        self.assertEqual(erased["answer"], response["answer"])
        self.assertNotIn("jo@widget.example", json.dumps(self.srv.changes(self.token)))

        # A laptop pulls it: its copy loses the contact too.
        self.a.sync(self.url)
        [kept] = json.loads(self.a.cli_ok("list", "responses", "--json").stdout)
        self.assertEqual((kept["email"], kept["contact_name"], kept["rev"]), ("", "", 2))

    def test_the_command_line_erases_through_the_feed(self):
        code, _, _ = post_form(self.page_url, good_answer(self.form))
        self.assertEqual(code, 200)
        [response] = self.responses()
        self.sync()
        last_seq = self.srv.changes(self.token)[-1]["seq"]

        # Bad ids are refused before anything is sent, with the reason.
        bad = self.a.cli("responses", "erase", "not-an-id")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("not-an-id", bad.stderr)
        unknown = str(uuid.uuid4())
        missing = self.a.cli("responses", "erase", unknown, "--token-file", self.a.token_file)
        self.assertEqual(missing.returncode, 1)
        self.assertIn("has no response " + unknown, missing.stderr)
        reader = self.client("reader", token=self.srv.token("dashboard", read_only=True))
        refused = reader.cli("responses", "erase", response["id"], "--feed", self.url,
                             "--token-file", reader.token_file)
        self.assertEqual(refused.returncode, 1)
        self.assertIn("were not erased", refused.stderr)
        self.assertIn("403", refused.stderr)
        self.assertEqual(self.srv.changes(self.token)[-1]["seq"], last_seq)

        # The feed's address is the one last synced.
        erased = self.a.cli("responses", "erase", response["id"], "--token-file", self.a.token_file)
        self.assertEqual(erased.returncode, 0, erased.stderr)
        self.assertIn(response["id"], erased.stdout)
        [change] = self.srv.changes(self.token, since=last_seq)
        self.assertEqual((change["record"]["email"], change["record"]["contact_name"]), ("", ""))
        self.sync()
        [kept] = json.loads(self.a.cli_ok("list", "responses", "--json").stdout)
        self.assertTrue(kept["contact_erased"])
        self.assertEqual((kept["email"], kept["contact_name"]), ("", ""))

    def refused(self, fields, status, words, **kwargs):
        code, headers, body = post_form(self.page_url, fields, **kwargs)
        self.assertEqual(code, status, body[:400])
        self.assertEqual(headers.get_content_type(), "text/html")
        self.assertIn(words, body.decode("utf-8"))
        return body

    def test_each_refusal_has_its_page_and_keeps_nothing(self):
        # More answers than the default allowance, from one address.
        self.srv.stop()
        self.srv.start("--answer-burst", "50")
        self.refused({k: v for k, v in good_answer(self.form).items() if k != "token"}, 403, "expired")
        self.refused(good_answer(self.form, token="0" * 64), 403, "expired")
        self.refused(good_answer(self.form, ts=str(int(self.form["ts"]) - 3 * 86400)), 403, "expired")
        self.refused(good_answer(self.form, website="http://spam.example"), 400, "people leave empty")
        self.refused(good_answer(self.form, consent=""), 422, "Tick the box")
        self.refused(good_answer(self.form, answer="x" * 2001), 422, "at most 2000")
        self.refused(good_answer(self.form, email="not an email"), 422, "email address")
        self.refused(good_answer(self.form, organisation="   "), 422, "empty")
        self.refused(good_answer(self.form, contact_name="Jo\x01"), 422, "control character")
        self.refused(good_answer(self.form), 415, "form", content_type="text/plain")
        self.assertEqual(self.responses(), [])

    def test_a_form_for_another_challenge_or_a_team_one_is_refused(self):
        other = self.a.add("challenge", board_challenge(self.org, "Team challenge"))
        self.sync()
        code, _, body = post_form(self.url + "/challenges/" + other, good_answer(self.form))
        self.assertEqual(code, 403)
        self.assertEqual(self.responses(), [])

    def test_a_body_over_16_kib_is_refused_before_it_is_read(self):
        body = urllib.parse.urlencode(good_answer(self.form, answer="y" * 20000)).encode()
        with socket.create_connection(("127.0.0.1", self.srv.port), timeout=10) as sock:
            sock.sendall(b"POST /challenges/%s HTTP/1.1\r\nHost: x\r\nContent-Type: "
                         b"application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n"
                         % (self.challenge.encode(), len(body)))
            head = sock.recv(65536)
        self.assertTrue(head.startswith(b"HTTP/1.1 413"), head[:100])
        self.assertIn(b"too long", head)
        self.assertEqual(self.responses(), [])

    def test_a_thousand_posts_from_one_address_keep_a_handful(self):
        statuses = {}
        for i in range(1000):
            code, _, _ = post_form(self.page_url, good_answer(self.form, answer="Answer %d" % i))
            statuses[code] = statuses.get(code, 0) + 1
        self.assertEqual(set(statuses), {200, 429}, statuses)
        self.assertLessEqual(statuses[200], 5)
        self.assertEqual(len(self.responses()), statuses[200])
        code, headers, _ = post_form(self.page_url, good_answer(self.form))
        self.assertEqual(code, 429)
        self.assertGreaterEqual(int(headers["Retry-After"]), 1)


class ProxyTests(BoardTestCase):
    server_options = ("--trusted-proxy", "127.0.0.1", "--answer-burst", "1")

    def test_a_trusted_proxy_names_each_visitor(self):
        challenge = self.a.add("challenge", public(board_challenge(self.org, "Behind a proxy")))
        self.sync()
        page_url = self.url + "/challenges/" + challenge
        form = form_of(get(page_url)[2])

        def post(forwarded):
            body = urllib.parse.urlencode(good_answer(form)).encode()
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
            if forwarded is not None:
                headers["X-Forwarded-For"] = forwarded
            return http("POST", page_url, body=body, headers=headers)[0]

        self.assertEqual(post("10.0.0.1"), 200)
        self.assertEqual(post("10.0.0.1"), 429)
        self.assertEqual(post("10.0.0.2"), 200)
        # Only the last address is the proxy's word; what the client wrote before it is not.
        self.assertEqual(post("10.0.0.2, 10.0.0.3"), 200)
        self.assertEqual(post("10.0.0.9, 10.0.0.3"), 429)
        # Without a readable address, the proxy's own allowance.
        self.assertEqual(post("not an address"), 200)
        self.assertEqual(post(None), 429)
        self.assertEqual(len(self.responses()), 4)

    def test_without_a_trusted_proxy_the_header_is_ignored(self):
        self.srv.stop()
        self.srv.start("--answer-burst", "1")
        challenge = self.a.add("challenge", public(board_challenge(self.org, "No proxy")))
        self.sync()
        page_url = self.url + "/challenges/" + challenge
        form = form_of(get(page_url)[2])
        codes = [http("POST", page_url, body=urllib.parse.urlencode(good_answer(form)).encode(),
                      headers={"Content-Type": "application/x-www-form-urlencoded",
                               "X-Forwarded-For": "10.0.1.%d" % i})[0] for i in range(3)]
        self.assertEqual(codes, [200, 429, 429])


class ListingTests(BoardTestCase):
    def test_filter_search_pages_and_etag(self):
        ids = []
        for i in range(25):
            ids.append(self.a.add("challenge", public(board_challenge(
                self.org, "Need %02d" % i, cluster="rail" if i % 5 == 0 else "automotive",
                description="unusualword" if i == 7 else "plain"))))
        self.sync()

        code, headers, first = get(self.url + "/")
        self.assertIn("25 open challenges", first)
        self.assertEqual(first.count('<article class="card"'), 20)
        self.assertIn("Need 24", first)          # newest first
        self.assertIn('rel="next" href="/?page=2"', first)
        _, _, second = get(self.url + "/?page=2")
        self.assertEqual(second.count('<article class="card"'), 5)
        self.assertIn("Need 00", second)

        _, _, rail = get(self.url + "/?cluster=rail")
        self.assertIn("5 open challenges", rail)
        _, _, found = get(self.url + "/?q=UnusualWord")
        self.assertIn("1 open challenge", found)
        self.assertIn("Need 07", found)
        self.assertEqual(get(self.url + "/?cluster=nowhere")[0], 400)
        self.assertEqual(get(self.url + "/?page=0")[0], 400)
        self.assertEqual(get(self.url + "/?page=x")[0], 400)
        self.assertEqual(get(self.url + "/?q=" + "x" * 201)[0], 400)

        etag = headers["ETag"]
        self.assertIn("no-cache", headers["Cache-Control"])
        code, _, body = get(self.url + "/", headers={"If-None-Match": etag})
        self.assertEqual((code, body), (304, ""))
        self.a.add("challenge", public(board_challenge(self.org, "Newest")))
        self.sync()
        code, headers, body = get(self.url + "/", headers={"If-None-Match": etag})
        self.assertEqual(code, 200)
        self.assertIn("Newest", body)

        # Landmarks, labels and the feeds' links.
        for marker in ("<header>", "<main id=\"main\">", "<footer>", "<nav aria-label=", 'lang="en-GB"',
                       '<label for="q">', '<label for="cluster">', "prefers-color-scheme:dark",
                       'rel="alternate" type="application/atom+xml"',
                       'rel="alternate" type="application/feed+json"', "Intro with &lt;b&gt;markup"):
            self.assertIn(marker, first, marker)


class FeedTests(BoardTestCase):
    def push_foresight(self, items):
        changes = [{"id": str(uuid.uuid4()), "kind": "foresight", "base_rev": 0, "rev": 1, "record": item}
                   for item in items]
        code, _, body = http("POST", self.url + "/v1/changes", self.token, json.dumps({"changes": changes}))
        self.assertEqual(code, 200, body)
        return [c["id"] for c in changes]

    def assert_json_feed(self, document):
        self.assertEqual(document["version"], "https://jsonfeed.org/version/1.1")
        for name in ("title", "home_page_url", "feed_url"):
            self.assertIsInstance(document[name], str, name)
        self.assertTrue(document["authors"][0]["name"])
        for item in document["items"]:
            self.assertIsInstance(item["id"], str)
            self.assertIsInstance(item["content_text"], str)
            self.assertTrue(item["url"].startswith(document["home_page_url"].rstrip("/")), item["url"])
            for name in ("date_published", "date_modified"):
                if name in item:
                    self.assertRegex(item[name], RFC3339, name)
            self.assertTrue(item["authors"][0]["name"])

    def test_json_feed_pages_of_100_kb_with_rfc3339_dates(self):
        long = "word " * 400
        records = [public({"title": "Signal %03d" % i, "kind": "demand-signal", "summary": long,
                           "tags": ["t"], "url": "https://example.org/%d" % i,
                           "published": "2024-01-01T00:00:00Z" if i else "2024-04-30T09:00:00+01:00",
                           "source": "Desk"}) for i in range(150)]
        ids = set(self.push_foresight(records))
        seen, url, documents = [], self.url + "/foresight.json", 0
        while url:
            code, _, body = http("GET", url)
            self.assertEqual(code, 200)
            self.assertLessEqual(len(body), 100 * 1024)
            document = json.loads(body)
            self.assert_json_feed(document)
            seen += [item["id"] for item in document["items"]]
            url = document.get("next_url")
            documents += 1
            self.assertLess(documents, 20)
        self.assertGreater(documents, 1)
        self.assertEqual(len(seen), len(set(seen)))
        self.assertEqual(set(seen), ids)
        # "+01:00" is read as an offset: 08:00 UTC, and sorted by it (first).
        code, _, body = http("GET", self.url + "/v1/feed.json")
        first = json.loads(body)["items"][0]
        self.assertEqual(first["date_published"], "2024-04-30T08:00:00Z")
        self.assertEqual(first["external_url"], "https://example.org/0")

    def test_links_follow_the_request_host_without_public_url(self):
        self.a.add("challenge", public(board_challenge(self.org, "Hosted")))
        self.sync()
        code, _, body = http("GET", self.url + "/challenges.json", headers={"Host": "board.example:8080"})
        document = json.loads(body)
        self.assertEqual(document["feed_url"], "http://board.example:8080/challenges.json")
        self.assertEqual(document["home_page_url"], "http://board.example:8080/")
        code, _, body = http("GET", self.url + "/challenges.json", headers={"Host": "bad<host>"})
        self.assertNotIn("bad<host>", body.decode())

    @unittest.skipUnless(feedparser, "needs python3-feedparser")
    def test_atom_feeds_parse(self):
        anonymous = self.a.add("challenge", public(board_challenge(self.org, "Atom " + HOSTILE),
                                                   public_label=LABEL))
        self.push_foresight([public({"title": "Atom signal", "kind": "idea", "summary": "S", "tags": ["a"],
                                     "url": "https://example.org/a", "published": "2024-04-01T09:00:00Z",
                                     "source": "Desk"})])
        self.sync()
        for path, title in (("/challenges.atom", "Atom " + HOSTILE), ("/foresight.atom", "Atom signal")):
            code, headers, body = http("GET", self.url + path)
            self.assertEqual(code, 200)
            self.assertEqual(headers.get_content_type(), "application/atom+xml")
            parsed = feedparser.parse(body)
            self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
            self.assertEqual(len(parsed.entries), 1)
            self.assertEqual(parsed.entries[0].title, title)
            self.assertTrue(parsed.entries[0].link.startswith(self.url))
        parsed = feedparser.parse(http("GET", self.url + "/challenges.atom")[2])
        self.assertEqual(parsed.entries[0].author, LABEL)
        self.assertEqual(parsed.entries[0].link, self.url + "/challenges/" + anonymous)


if __name__ == "__main__":
    unittest.main()

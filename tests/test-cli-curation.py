#!/usr/bin/env python3
"""interchange-cli curation end to end: Not a Match with a reason, pins
and conflict-of-interest rules, as `match` honours them and as the
history keeps them."""

import json
import unittest

from clitest import CliTestCase


class CurationTests(CliTestCase):
    AUTHOR = "Test Curator"

    def setUp(self):
        super().setUp()
        challenges = [c for c in self.json("list", "challenges") if c["status"] == "open"]
        self.challenge = sorted(challenges, key=lambda c: c["title"])[0]

    def json(self, *args):
        return json.loads(self.ok(*args, "--json").stdout)

    def ranking(self, top=5):
        return self.json("match", "--challenge", self.challenge["id"], "--top", str(top))

    def test_a_private_challenge_gets_a_private_shortlist(self):
        private = next(c for c in self.json("list", "challenges")
                       if c["visibility"] == "private" and c["status"] == "open")
        made = self.ok("shortlist", "create", "--challenge", private["id"], "--top", "2").stdout.strip()
        self.assertEqual(self.json("shortlist", "show", made)["visibility"], "private")
        # Shared by hand, it is refused in words.
        shortlist = self.json("shortlist", "show", made)
        path = self.write("shared.json", {"visibility": "team"})
        refused = self.cli("update", made, "--json", path)
        self.assertEqual(refused.returncode, 1, refused.stdout)
        self.assertIn("is private, so its shortlists stay private", refused.stderr)
        self.assertEqual(self.json("shortlist", "show", made)["rev"], shortlist["rev"])

    def test_exclude_with_reason(self):
        best = self.ranking()["results"][0]["capability_id"]
        out = self.ok("match", "exclude", self.challenge["id"], best, "--reason", "no-capacity").stdout
        self.assertIn("No capacity", out)
        pairs = self.json("match", "excluded")
        self.assertEqual([(p["reason"], p["reason_text"], p["author"]) for p in pairs],
                         [("no-capacity", None, "Test Curator")])
        # Other words are the text of "other"; excluding again changes the reason.
        self.ok("match", "exclude", self.challenge["id"], best, "--reason", "Same owner as the buyer")
        pair = self.json("match", "excluded")[0]
        self.assertEqual((pair["reason"], pair["reason_text"]), ("other", "Same owner as the buyer"))
        self.assertIn("Same owner as the buyer", self.ok("match", "excluded").stdout)
        self.assertNotIn(best, [r["capability_id"] for r in self.ranking()["results"]])
        # A blank reason is refused and changes nothing.
        result = self.cli("match", "exclude", self.challenge["id"], best, "--reason", "  ")
        self.assertEqual(result.returncode, 2)
        self.assertIn("--reason", result.stderr)

    def test_pin(self):
        deep = self.ranking(40)["results"]
        far = deep[-1]["capability_id"]
        self.ok("match", "pin", self.challenge["id"], far, "--reason", "The buyer asked to meet them")
        results = self.ranking(3)["results"]
        self.assertEqual([r["capability_id"] for r in results[:3]], [r["capability_id"] for r in deep[:3]])
        self.assertEqual([r["pinned"] for r in results], [False, False, False, True])
        self.assertEqual((results[3]["capability_id"], results[3]["pin_reason"]),
                         (far, "The buyer asked to meet them"))
        self.assertIn("Pinned: The buyer asked to meet them",
                      self.ok("match", "--challenge", self.challenge["id"], "--top", "3").stdout)
        pins = self.json("match", "pinned")
        self.assertEqual([(p["challenge_id"], p["capability_id"]) for p in pins], [(self.challenge["id"], far)])

        result = self.cli("match", "pin", self.challenge["id"], far)
        self.assertEqual(result.returncode, 2)
        self.ok("match", "unpin", self.challenge["id"], far)
        self.assertEqual(len(self.ranking(3)["results"]), 3)
        result = self.cli("match", "unpin", self.challenge["id"], far)
        self.assertEqual(result.returncode, 1)
        self.assertIn("not pinned", result.stderr)

        pin_id = [e for e in self.json("history", far)]  # the capability's own history is untouched
        self.assertEqual([e["action"] for e in pin_id], ["created"])

    def test_conflict_rule_in_match(self):
        best = self.ranking()["results"][0]
        ours = self.json("show", self.challenge["id"])["organisation_id"]
        self.ok("conflict-rule", "add", ours, best["organisation_id"], "--reason", "A live dispute")
        ranked = self.ranking()
        self.assertNotIn(best["organisation_id"], [r["organisation_id"] for r in ranked["results"]])
        self.assertIn({"capability_id": best["capability_id"], "reason": "A live dispute",
                       "rule": "conflict-of-interest"}, ranked["left_out"])
        self.assertIn("left out by", self.ok("match", "--challenge", self.challenge["id"]).stdout)

        result = self.cli("conflict-rule", "add", ours, ours, "--reason", "x")
        self.assertEqual(result.returncode, 1)
        self.assertIn("other_organisation_id", result.stderr)
        result = self.cli("conflict-rule", "add", ours, "0b6c8f1e-2f4a-4c55-9a1e-7d3b2c1a0f9e", "--reason", "x")
        self.assertEqual(result.returncode, 1)
        self.assertIn("0b6c8f1e-2f4a-4c55-9a1e-7d3b2c1a0f9e", result.stderr)
        self.assertEqual(len(self.json("conflict-rule", "list")), 1)

    def never_matched(self):
        """Capabilities on no shortlist, counted from `list --json`."""
        kept = {e["capability_id"] for s in self.json("list", "shortlists") if not s["deleted"]
                for e in s.get("entries") or []}
        return [c for c in self.json("list", "capabilities") if c["id"] not in kept]

    def test_review(self):
        review = self.json("review")
        self.assertEqual(set(review), {"stale", "past-deadline", "stuck", "never-matched"})
        self.assertEqual(review["stale"]["count"], 0)
        capabilities = self.json("list", "capabilities")
        self.assertEqual(review["never-matched"]["count"], len(self.never_matched()))
        # Two years on, everything is stale, and the sample's entries that
        # are not done yet are stuck.
        self.env["INTERCHANGE_NOW"] = "2029-01-01T00:00:00Z"
        stuck_before = self.json("review")["stuck"]["count"]
        del self.env["INTERCHANGE_NOW"]
        top = [r["capability_id"] for r in self.ranking(2)["results"]]
        newly = [c["id"] for c in self.never_matched() if c["id"] in top]
        self.ok("shortlist", "create", "--challenge", self.challenge["id"], "--top", "2")
        self.env["INTERCHANGE_NOW"] = "2029-01-01T00:00:00Z"
        later = self.json("review", "--limit", "3")
        self.assertEqual(later["never-matched"]["count"], review["never-matched"]["count"] - len(newly))
        self.assertEqual(later["never-matched"]["count"], len(self.never_matched()))
        self.assertEqual(later["stuck"]["count"], stuck_before + 2)
        self.assertEqual(len(later["stuck"]["items"]), 3)
        self.assertEqual(len(later["stale"]["items"]), 3)
        self.assertGreater(later["stale"]["count"], len(capabilities))
        open_past = [c for c in self.json("list", "challenges")
                     if c["status"] == "open" and c.get("deadline") and c["deadline"] < "2029-01-01"]
        self.assertEqual(later["past-deadline"]["count"], len(open_past))
        result = self.cli("review", "--stale-days", "0")
        self.assertEqual(result.returncode, 2)
        self.assertIn("--stale-days", result.stderr)


if __name__ == "__main__":
    unittest.main()

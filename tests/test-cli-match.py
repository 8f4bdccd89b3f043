#!/usr/bin/env python3
"""End-to-end tests of interchange-cli match and consortium on the sample
data: the JSON shape, the exit statuses and the messages."""

import datetime
import json
import os
import subprocess
import tempfile
import unittest

CLI = os.environ.get("INTERCHANGE_CLI", "interchange-cli")
CRITERIA = ["text", "tags", "trl", "cluster", "place", "scale", "foresight"]


class MatchCliTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "demo.db")
        cls.env = dict(os.environ, INTERCHANGE_AUTHOR="Test Expert", LC_ALL="C.UTF-8")
        cls.env.pop("INTERCHANGE_DB", None)
        cls.run_cli("demo")
        challenges = json.loads(cls.run_cli("list", "challenges", "--json").stdout)
        cls.open = [c for c in challenges if c["status"] == "open"
                    and (not c.get("deadline") or c["deadline"] >= datetime.date.today().isoformat())]
        cls.closed = [c for c in challenges if c["status"] != "open"]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def run_cli(cls, *args, check=True):
        result = subprocess.run([CLI, "--db", cls.db] + list(args), capture_output=True,
                                text=True, env=cls.env, timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"{args}: {result.returncode} {result.stderr}")
        return result

    def test_match_one_json_shape(self):
        challenge = self.open[0]["id"]
        out = json.loads(self.run_cli("match", "--challenge", challenge, "--top", "3",
                                      "--json").stdout)
        self.assertEqual(set(out), {"challenge_id", "results"})
        self.assertEqual(out["challenge_id"], challenge)
        self.assertLessEqual(len(out["results"]), 3)
        scores = [r["score"] for r in out["results"]]
        self.assertEqual(scores, sorted(scores, reverse=True))
        for result in out["results"]:
            self.assertEqual(set(result), {"capability_id", "organisation_id", "score",
                                           "pinned", "pin_reason",
                                           "criteria", "matched_terms", "bridges", "matched_tags",
                                           "rising_tags", "why"})
            self.assertFalse(result["pinned"])
            self.assertIsNone(result["pin_reason"])
            self.assertEqual(set(result["criteria"]), set(CRITERIA))
            self.assertTrue(0.0 <= result["score"] <= 1.0)
            total = sum(c["contribution"] for c in result["criteria"].values())
            self.assertAlmostEqual(total, result["score"], places=9)

    def test_foresight_in_the_explanation(self):
        """A result whose matched tags foresight marks as rising shows the
        share, the tags and the sentence; deleting the items that mark a
        tag takes it out again."""
        out = json.loads(self.run_cli("match", "--all", "--top", "5", "--json").stdout)
        results = [r for c in out for r in c["results"]]
        rising = [r for r in results if r["criteria"]["foresight"]["score"] > 0]
        self.assertTrue(rising, "no sample match has a rising-demand tag")
        for result in results:
            self.assertTrue(set(result["rising_tags"]) <= set(result["matched_tags"]))
            expected = (len(result["rising_tags"]) / len(result["matched_tags"])
                        if result["matched_tags"] else 0.0)
            self.assertAlmostEqual(result["criteria"]["foresight"]["score"], expected, places=12)
        result = rising[0]
        self.assertIn("foresight marks " + ", ".join(result["rising_tags"]) + " as rising demand",
                      result["why"])

        tag = result["rising_tags"][0]
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "copy.db")

            def cli(*args):
                return subprocess.run([CLI, "--db", db] + list(args), capture_output=True,
                                      text=True, env=self.env, timeout=120, check=True).stdout

            cli("demo")
            for item in json.loads(cli("list", "foresight", "--json")):
                if tag in item["tags"]:
                    cli("delete", item["id"])
            challenge = next(c["challenge_id"] for c in out if result in c["results"])
            again = json.loads(cli("match", "--challenge", challenge, "--top", "20", "--json"))
            same = next(r for r in again["results"] if r["capability_id"] == result["capability_id"])
            self.assertNotIn(tag, same["rising_tags"])
            self.assertLess(same["criteria"]["foresight"]["score"],
                            result["criteria"]["foresight"]["score"])

    def test_match_all_is_an_array(self):
        out = json.loads(self.run_cli("match", "--all", "--top", "2", "--json").stdout)
        self.assertIsInstance(out, list)
        self.assertEqual(len(out), len({c["challenge_id"] for c in out}))
        self.assertTrue(all(len(c["results"]) <= 2 for c in out))

    def test_text_table(self):
        out = self.run_cli("match", "--challenge", self.open[0]["id"], "--top", "2").stdout
        self.assertIn(self.open[0]["title"], out)
        self.assertIn("Score", out)

    def test_presets_and_weights(self):
        challenge = self.open[0]["id"]
        only_text = json.loads(self.run_cli(
            "match", "--challenge", challenge, "--json",
            "--weights", "text=1,tags=0,trl=0,cluster=0,place=0,scale=0,foresight=0").stdout)
        for result in only_text["results"]:
            self.assertEqual(result["criteria"]["place"]["weight"], 0)
            self.assertAlmostEqual(result["score"], result["criteria"]["text"]["score"])
        for preset in ["balanced", "technology-fit", "local-first", "cross-sector"]:
            self.run_cli("match", "--challenge", challenge, "--preset", preset, "--json")
        self.run_cli("match", "--challenge", challenge, "--cross-sector", "--json")

    def test_saved_weights(self):
        challenge = self.open[0]["id"]
        self.run_cli("match", "--challenge", challenge, "--preset", "local-first", "--save-weights")
        out = json.loads(self.run_cli("match", "--challenge", challenge, "--json").stdout)
        if out["results"]:
            self.assertEqual(out["results"][0]["criteria"]["place"]["weight"], 0.3)
        self.run_cli("match", "--challenge", challenge, "--preset", "balanced", "--save-weights")

    def test_usage_errors(self):
        challenge = self.open[0]["id"]
        for args, named in [(["--weights", "text=abc"], "text=abc"),
                            (["--weights", "colour=1"], "colour"),
                            (["--preset", "fastest"], "fastest"),
                            (["--top", "0"], "--top"),
                            (["--top", "many"], "top")]:
            result = self.run_cli("match", "--challenge", challenge, *args, check=False)
            self.assertEqual(result.returncode, 2, args)
            self.assertIn(named, result.stderr)
        self.assertEqual(self.run_cli("match", check=False).returncode, 2)
        self.assertEqual(self.run_cli("match", "--all", "--challenge", challenge,
                                      check=False).returncode, 2)
        self.assertEqual(self.run_cli("consortium", check=False).returncode, 2)
        self.assertEqual(self.run_cli("consortium", "--challenge", challenge, "--max-size", "0",
                                      check=False).returncode, 2)

    def test_unknown_challenge(self):
        for command in ["match", "consortium"]:
            result = self.run_cli(command, "--challenge", "00000000-0000-4000-8000-000000000000",
                                  check=False)
            self.assertEqual(result.returncode, 1)
            self.assertIn("interchange-cli:", result.stderr)

    def test_closed_challenge_gives_no_results(self):
        if not self.closed:
            self.skipTest("the sample data has no closed challenge")
        result = self.run_cli("match", "--challenge", self.closed[0]["id"], "--json")
        self.assertEqual(json.loads(result.stdout)["results"], [])
        self.assertIn("only open challenges are matched", result.stderr)

    def test_consortium(self):
        challenge = max(self.open, key=lambda c: len(c.get("tags", [])))
        out = json.loads(self.run_cli("consortium", "--challenge", challenge["id"],
                                      "--max-size", "2", "--json").stdout)
        self.assertEqual(out["challenge_id"], challenge["id"])
        for group in out["consortia"]:
            self.assertLessEqual(len(group["members"]), 2)
            covered = set(group["covered_tags"])
            self.assertEqual(covered | set(group["missing_tags"]), set(challenge["tags"]))
            for member in group["members"]:
                self.assertTrue(set(member["tags"]) <= covered)
        text = self.run_cli("consortium", "--challenge", challenge["id"]).stdout
        self.assertIn("Required tags", text)


    def ranked_ids(self, challenge, *extra):
        out = json.loads(self.run_cli("match", "--challenge", challenge, "--top", "5", "--json",
                                      *extra).stdout)
        return [r["capability_id"] for r in out["results"]]

    def test_exclude_include(self):
        challenge = self.open[-1]["id"]
        before = self.ranked_ids(challenge)
        self.assertGreaterEqual(len(before), 2)
        best = before[0]
        try:
            self.assertIn("Excluded", self.run_cli("match", "exclude", challenge, best).stdout)
            # Twice is once, and the pair is listed.
            self.run_cli("match", "exclude", challenge, best)
            listed = json.loads(self.run_cli("match", "excluded", "--json").stdout)
            self.assertEqual([(p["challenge_id"], p["capability_id"]) for p in listed],
                             [(challenge, best)])
            self.assertTrue(listed[0]["excluded_at"].endswith("Z"))
            only = json.loads(self.run_cli("match", "excluded", "--challenge", self.open[0]["id"],
                                           "--json").stdout)
            self.assertEqual(only, [] if self.open[0]["id"] != challenge else listed)
            self.assertIn(self.open[-1]["title"], self.run_cli("match", "excluded").stdout)

            # A hard filter: gone from the ranking, the rest moves up; --all too.
            after = self.ranked_ids(challenge)
            self.assertNotIn(best, after)
            self.assertEqual(after[0], before[1])
            everything = json.loads(self.run_cli("match", "--all", "--top", "5", "--json").stdout)
            mine = [c for c in everything if c["challenge_id"] == challenge][0]
            self.assertNotIn(best, [r["capability_id"] for r in mine["results"]])
        finally:
            self.assertIn("Included", self.run_cli("match", "include", challenge, best).stdout)
        self.assertEqual(self.ranked_ids(challenge), before)
        self.assertEqual(json.loads(self.run_cli("match", "excluded", "--json").stdout), [])
        self.assertIn("No pairs are excluded", self.run_cli("match", "excluded").stdout)

    def test_exclude_errors(self):
        challenge = self.open[0]["id"]
        capability = self.ranked_ids(challenge)[0]
        # Not excluded, unknown ids, a capability id for a challenge: user errors.
        for args in (["include", challenge, capability],
                     ["exclude", challenge, "00000000-0000-4000-8000-000000000000"],
                     ["exclude", capability, challenge]):
            result = self.run_cli("match", *args, check=False)
            self.assertEqual(result.returncode, 1, args)
            self.assertIn("interchange-cli: ", result.stderr)
        # Missing or extra arguments: usage errors.
        for args in (["exclude", challenge], ["include"], ["excluded", challenge]):
            self.assertEqual(self.run_cli("match", *args, check=False).returncode, 2, args)


if __name__ == "__main__":
    unittest.main()

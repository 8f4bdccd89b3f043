#!/usr/bin/env python3
"""End-to-end tests of interchange-cli: runs the real binary on fresh
databases and checks its JSON, messages and exit statuses."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ.get("INTERCHANGE_CLI", "interchange-cli")

ORGANISATION = {
    "name": "Tamebridge Test Works Ltd",
    "kind": "large-firm",
    "cluster": "automotive",
    "local_authority": "sandwell",
    "employees": 850,
    "website": "https://tamebridge.example.com",
}


class CliTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "test.db")
        self.env = dict(os.environ, INTERCHANGE_AUTHOR="Test Expert", LC_ALL="C.UTF-8")
        self.env.pop("INTERCHANGE_DB", None)

    def tearDown(self):
        self.tmp.cleanup()

    def cli(self, *args, stdin=None, db=True):
        argv = [CLI] + (["--db", self.db] if db else []) + list(args)
        return subprocess.run(argv, input=stdin, capture_output=True, text=True,
                              env=self.env, timeout=60)

    def ok(self, *args, **kwargs):
        result = self.cli(*args, **kwargs)
        self.assertEqual(result.returncode, 0, f"{args}: {result.stderr}")
        return result

    def json(self, *args, **kwargs):
        return json.loads(self.ok(*args, **kwargs).stdout)

    def write(self, name, value):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(value if isinstance(value, str) else json.dumps(value))
        return path

    def add(self, kind, record):
        return self.ok("add", kind, "--json", self.write(kind + ".json", record)).stdout.strip()


class InitTests(CliTestCase):
    def test_init_creates_missing_directories(self):
        self.db = os.path.join(self.tmp.name, "a", "b", "c.db")
        result = self.ok("init")
        self.assertTrue(os.path.exists(self.db))
        self.assertIn("schema version", result.stdout)
        # A second init only checks the schema.
        self.ok("init")

    def test_missing_database_is_a_user_error(self):
        self.db = os.path.join(self.tmp.name, "missing", "x.db")
        result = self.cli("list", "challenges")
        self.assertEqual(result.returncode, 1)
        self.assertIn(self.db, result.stderr)
        self.assertIn("init", result.stderr)
        self.assertFalse(os.path.exists(os.path.dirname(self.db)))

    def test_db_from_environment(self):
        self.env["INTERCHANGE_DB"] = self.db
        self.ok("init", db=False)
        self.assertTrue(os.path.exists(self.db))

    def test_db_option_after_command(self):
        result = subprocess.run([CLI, "init", "--db", self.db], capture_output=True,
                                text=True, env=self.env, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.exists(self.db))


class UsageTests(CliTestCase):
    def setUp(self):
        super().setUp()
        self.ok("init")

    def assertUsage(self, *args):
        result = self.cli(*args)
        self.assertEqual(result.returncode, 2, f"{args}: {result.stdout} {result.stderr}")
        self.assertTrue(result.stderr.strip(), "a usage error explains itself")
        self.assertEqual(result.stdout, "")

    def test_usage_errors(self):
        self.assertUsage()
        self.assertUsage("frobnicate")
        self.assertUsage("--frob", "list", "challenges")
        self.assertUsage("list")
        self.assertUsage("list", "widgets")
        self.assertUsage("list", "challenges", "--no-such-flag")
        self.assertUsage("add", "challenge")
        self.assertUsage("add", "shortlist", "--json", "x.json")
        self.assertUsage("show")
        self.assertUsage("delete", "a", "b")

    def test_pair_commands_check_their_verbs_alike(self):
        # match exclude|include|excluded and pin|unpin|pinned share one
        # parser: each says what is wrong in the same words.
        for setter, clearer, lister, needs_reason in [("exclude", "include", "excluded", False),
                                                       ("pin", "unpin", "pinned", True)]:
            cases = [([setter, "a"], "name a challenge and a capability by their ids"),
                     ([clearer, "a", "b", "c"], "name a challenge and a capability by their ids"),
                     ([lister, "a"], f"match {lister} takes no arguments besides"),
                     ([clearer, "a", "b", "--reason", "x"], f"--reason goes with match {setter} only"),
                     ([setter, "a", "b", "--reason", "  "], "say why with --reason TEXT")]
            if needs_reason:
                cases.append(([setter, "a", "b"], "say why with --reason TEXT"))
            for args, words in cases:
                result = self.cli("match", *args)
                self.assertEqual(result.returncode, 2, args)
                self.assertIn(words, result.stderr, args)
            listing = self.ok("match", lister, "--json")
            self.assertEqual(json.loads(listing.stdout), [])

    def test_usage_errors_name_the_whole_command(self):
        # A subcommand's errors name it as typed, so that the help they
        # point to is the right one.
        for args, command in [(["list", "challenges", "--nope"], "list"),
                              (["init", "extra"], "init"),
                              (["shortlist", "create", "--nope"], "shortlist create"),
                              (["shortlist", "list", "extra"], "shortlist list"),
                              (["event", "add", "--nope"], "event add"),
                              (["event", "show"], "event show"),
                              (["export", "agenda", "x", "--nope"], "export agenda")]:
            result = self.cli(*args)
            self.assertEqual(result.returncode, 2, args)
            self.assertIn(f"interchange-cli {command}: ", result.stderr, args)
            self.assertIn(f"“interchange-cli {command} --help”", result.stderr, args)

    def test_help_is_not_an_error(self):
        result = self.ok("--help", db=False)
        self.assertIn("demo", result.stdout)
        for command, subcommand in [("shortlist", "create"), ("event", "update")]:
            result = self.ok(command, "--help")
            self.assertIn(f"interchange-cli [--db PATH] {command} COMMAND", result.stdout)
            self.assertIn(f"  {subcommand} ", result.stdout)
        result = self.ok("shortlist", "create", "--help")
        self.assertIn("interchange-cli shortlist create [OPTION", result.stdout)
        self.assertIn("--challenge", result.stdout)


class RecordTests(CliTestCase):
    def setUp(self):
        super().setUp()
        self.ok("init")
        self.org = self.add("organisation", ORGANISATION)

    def challenge(self, **fields):
        record = {
            "organisation_id": self.org,
            "title": "Predictive maintenance for press lines",
            "description": "Vibration monitoring on stamping presses.",
            "cluster": "automotive",
            "tags": ["Predictive Maintenance", "vibration", " vibration "],
            "trl_min": 4,
            "trl_max": 7,
            "budget_min": 20000,
            "budget_max": 80000,
            "deadline": "2027-06-30",
            "local_authority": "sandwell",
        }
        record.update(fields)
        return record

    def test_add_and_show_round_trip(self):
        org = self.json("show", self.org, "--json")
        for key, value in ORGANISATION.items():
            self.assertEqual(org[key], value, key)
        self.assertEqual(org["rev"], 1)
        self.assertEqual(org["author"], "Test Expert")
        self.assertEqual(org["visibility"], "team")
        self.assertFalse(org["deleted"])

        cid = self.add("challenge", self.challenge())
        shown = self.json("show", cid, "--json")
        self.assertEqual(shown["id"], cid)
        self.assertEqual(shown["tags"], ["predictive maintenance", "vibration"])
        self.assertEqual(shown["trl_min"], 4)
        self.assertEqual(shown["status"], "open")
        self.assertRegex(shown["updated_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")

    def test_organisation_contact_fields(self):
        oid = self.add("organisation", {
            "name": "Brindley Coatings Ltd", "kind": "sme", "contact": "Gurpreet Sandhu",
            "email": "gurpreet@brindleycoatings.co.uk", "phone": "0121 496 0732",
            "postcode": "B66 2PL"})
        shown = self.json("show", oid, "--json")
        self.assertEqual(shown["contact"], "Gurpreet Sandhu")
        self.assertEqual(shown["email"], "gurpreet@brindleycoatings.co.uk")
        self.assertEqual(shown["phone"], "0121 496 0732")
        self.assertEqual(shown["postcode"], "B66 2PL")

        self.ok("update", oid, "--json", "-", stdin='{"phone": "0121 496 0999", "contact": ""}')
        shown = self.json("show", oid, "--json")
        self.assertEqual(shown["phone"], "0121 496 0999")
        self.assertEqual(shown["contact"], "")
        self.assertEqual(shown["email"], "gurpreet@brindleycoatings.co.uk")

        result = self.cli("update", oid, "--json", "-", stdin='{"email": "gurpreet at brindley"}')
        self.assertUserError(result, "email", "gurpreet at brindley")
        self.assertEqual(self.json("show", oid, "--json")["email"], "gurpreet@brindleycoatings.co.uk")

        out = os.path.join(self.tmp.name, "orgs.csv")
        self.ok("export", "organisations", "--format", "csv", "-o", out)
        with open(out, encoding="utf-8") as f:
            header = f.readline().strip().split(",")
        for column in ("contact", "email", "phone", "postcode"):
            self.assertIn(column, header)

    def test_add_from_stdin(self):
        cid = self.ok("add", "challenge", "--json", "-",
                      stdin=json.dumps(self.challenge(title="From stdin"))).stdout.strip()
        self.assertEqual(self.json("show", cid, "--json")["title"], "From stdin")

    def assertUserError(self, result, *needles):
        self.assertEqual(result.returncode, 1, result.stderr)
        for needle in needles:
            self.assertIn(needle, result.stderr)

    def count(self, kind):
        return len(self.json("list", kind, "--json"))

    def test_bad_input_is_refused_and_changes_nothing(self):
        cases = [
            ("{ \"title\": ", ["bad.json"]),
            ("[1, 2]", ["JSON object"]),
            (json.dumps(self.challenge(colour="red")), ["colour"]),
            (json.dumps(self.challenge(trl_min="four")), ["trl_min", "whole number"]),
            (json.dumps(self.challenge(tags="a,b")), ["tags", "array"]),
            (json.dumps(self.challenge(trl_min=7, trl_max=3)), ["trl_min"]),
            (json.dumps(self.challenge(trl_max=10)), ["trl_max", "between 1 and 9"]),
            (json.dumps(self.challenge(title="   ")), ["title", "empty"]),
            (json.dumps(self.challenge(deadline="2027-02-30")), ["deadline"]),
            (json.dumps(self.challenge(cluster="knitting")), ["cluster", "knitting"]),
            (json.dumps(self.challenge(status="pending")), ["status", "open"]),
            (json.dumps(self.challenge(organisation_id="5b0e7a0e-9c1c-4d2b-8f64-1f7f3f0c2a11")),
             ["organisation"]),
        ]
        for text, needles in cases:
            with self.subTest(text=text[:60]):
                path = self.write("bad.json", text)
                self.assertUserError(self.cli("add", "challenge", "--json", path), *needles)
        self.assertEqual(self.count("challenges"), 0)

    def test_nul_and_control_characters_are_refused_by_field(self):
        cases = [
            (self.challenge(title="before\u0000after"), ["title", "NUL"]),
            (self.challenge(description="bell\u0007"), ["description", "U+0007"]),
            (self.challenge(tags=["ok", "esc\u001b[0m"]), ["tags", "U+001B"]),
            (self.challenge(contact="line\r\nbreak"), ["contact", "U+000D"]),
        ]
        for record, needles in cases:
            with self.subTest(needles=needles):
                path = self.write("bad.json", record)
                self.assertUserError(self.cli("add", "challenge", "--json", path), *needles)
        self.assertEqual(self.count("challenges"), 0)
        # Tab and newline are text.
        cid = self.add("challenge", self.challenge(description="one\ttwo\nthree"))
        self.assertEqual(self.json("show", cid, "--json")["description"], "one\ttwo\nthree")
        # update refuses them too.
        path = self.write("fields.json", {"title": "x\u0000y"})
        self.assertUserError(self.cli("update", cid, "--json", path), "title", "NUL")

    def test_import_refuses_control_characters_and_keeps_windows_line_breaks(self):
        path = os.path.join(self.tmp.name, "orgs.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("name,kind,notes\r\n"
                    "Good Ltd,sme,\"two\r\nlines\"\r\n"
                    "Bad Ltd,sme,\"bell\x07\"\r\n")
        result = self.cli("import", "organisations", path, "--skip-bad-rows")
        self.assertIn("notes", result.stderr)
        self.assertIn("U+0007", result.stderr)
        names = {o["name"]: o for o in self.json("list", "organisations", "--json")}
        self.assertNotIn("Bad Ltd", names)
        self.assertEqual(names["Good Ltd"]["notes"], "two\nlines")

    def test_same_name_twice_is_refused_with_the_existing_id(self):
        # self.org is "Tamebridge Test Works Ltd".
        again = dict(ORGANISATION, name="  TAMEBRIDGE test  works Limited")
        result = self.cli("add", "organisation", "--json", self.write("again.json", again))
        self.assertUserError(result, "An organisation named “Tamebridge Test Works Ltd” "
                                     "already exists", self.org)
        self.assertEqual(result.stdout, "")
        self.assertEqual(self.count("organisations"), 1)
        # One title per organisation, whatever its case.
        first = self.add("challenge", self.challenge(title="Lighter brackets"))
        result = self.cli("add", "challenge", "--json",
                          self.write("again.json", self.challenge(title="LIGHTER  brackets")))
        self.assertUserError(result, "already has a challenge titled “Lighter brackets”", first)
        self.assertEqual(self.count("challenges"), 1)
        # Nor may a rename take another's name.
        other = self.add("challenge", self.challenge(title="Heavier brackets"))
        path = self.write("fields.json", {"title": "lighter brackets"})
        self.assertUserError(self.cli("update", other, "--json", path), first)
        self.assertEqual(self.json("show", other, "--json")["title"], "Heavier brackets")

    def test_empty_standard_input_is_a_user_error(self):
        # Empty input once made a copy from a null pointer (UBSan).
        for args in (("add", "foresight", "--json", "-"), ("add", "challenge", "--json", "-")):
            with self.subTest(args=args):
                result = self.cli(*args, stdin="")
                self.assertUserError(result, "standard input", "JSON object")
                self.assertNotIn("runtime error", result.stderr)

    def test_concurrent_imports_of_one_file_make_one_record_per_row(self):
        # No id column: each import decides from the store which rows are
        # new; two at once must not both find every row new.
        path = os.path.join(self.tmp.name, "capabilities.csv")
        rows = 20000
        with open(path, "w", encoding="utf-8") as f:
            f.write("organisation,title,description,cluster\n")
            for i in range(rows):
                f.write("Supplier %d Ltd,Capability %d,Made for the race,automotive\n" % (i % 40, i))
        argv = [CLI, "--db", self.db, "import", "capabilities", path]
        runs = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env=self.env) for _ in range(2)]
        for run in runs:
            out, err = run.communicate(timeout=120)
            self.assertEqual(run.returncode, 0, err)
        titles = [c["title"] for c in self.json("list", "capabilities", "--json")]
        self.assertEqual(len(titles), rows)
        self.assertEqual(len(set(titles)), rows)
        names = [o["name"] for o in self.json("list", "organisations", "--json")]
        self.assertEqual(sorted(names), sorted({ORGANISATION["name"]} | {"Supplier %d Ltd" % i for i in range(40)}))

    def test_unreadable_file(self):
        result = self.cli("add", "challenge", "--json", os.path.join(self.tmp.name, "nope.json"))
        self.assertUserError(result, "nope.json")

    def test_list_search_and_delete(self):
        a = self.add("challenge", self.challenge(title="Hydrogen refuelling for depots"))
        b = self.add("challenge", self.challenge(title="Low-waste packaging"))
        titles = [c["title"] for c in self.json("list", "challenges", "--json")]
        self.assertEqual(sorted(titles), ["Hydrogen refuelling for depots", "Low-waste packaging"])

        found = self.json("list", "challenges", "--search", "hydro", "--json")
        self.assertEqual([c["id"] for c in found], [a])

        text = self.ok("list", "challenges").stdout
        self.assertIn(a, text)
        self.assertIn("Automotive", text)

        self.ok("delete", a)
        self.assertEqual([c["id"] for c in self.json("list", "challenges", "--json")], [b])
        shown = self.json("show", a, "--json")
        self.assertTrue(shown["deleted"])
        self.assertEqual(shown["rev"], 2)

    def test_unknown_id(self):
        self.assertUserError(self.cli("show", "00000000-0000-4000-8000-000000000000"),
                             "00000000-0000-4000-8000-000000000000")
        self.assertUserError(self.cli("delete", "00000000-0000-4000-8000-000000000000"),
                             "00000000-0000-4000-8000-000000000000")


class TaxonomyTests(CliTestCase):
    def setUp(self):
        super().setUp()
        self.ok("init")

    def test_defaults_are_the_west_midlands(self):
        taxonomy = self.json("taxonomy", "--json")
        clusters = {c["id"]: c["name"] for c in taxonomy["clusters"]}
        self.assertEqual(len(clusters), 12)
        self.assertEqual(clusters["low-carbon-energy"], "Low carbon and energy")
        places = {p["id"]: p for p in taxonomy["places"]}
        self.assertEqual(places["coventry"]["area_id"], "wmca")
        self.assertEqual(places["worcester"]["region_id"], "west-midlands")

    def test_add_use_and_remove(self):
        self.ok("taxonomy", "add-cluster", "cyber-security", "Cyber security")
        self.ok("taxonomy", "add-place", "cheltenham", "Cheltenham", "gloucestershire",
                "Gloucestershire", "south-west", "South West")
        org = dict(ORGANISATION, cluster="cyber-security", local_authority="cheltenham")
        oid = self.add("organisation", org)
        self.assertEqual(self.json("show", oid, "--json")["cluster"], "cyber-security")

        # In use: refused, and the taxonomy is as it was.
        result = self.cli("taxonomy", "remove-cluster", "cyber-security")
        self.assertEqual(result.returncode, 1)
        self.assertIn("1 record still names", result.stderr)
        result = self.cli("taxonomy", "remove-place", "cheltenham")
        self.assertEqual(result.returncode, 1)
        ids = [c["id"] for c in self.json("taxonomy", "--json")["clusters"]]
        self.assertIn("cyber-security", ids)

        # Renaming keeps the id; once unused it can go.
        self.ok("taxonomy", "add-cluster", "cyber-security", "Cyber and digital security")
        self.ok("delete", oid)
        self.ok("taxonomy", "remove-cluster", "cyber-security")
        self.ok("taxonomy", "remove-place", "cheltenham")
        taxonomy = self.json("taxonomy", "--json")
        self.assertNotIn("cyber-security", [c["id"] for c in taxonomy["clusters"]])
        self.assertNotIn("cheltenham", [p["id"] for p in taxonomy["places"]])
        result = self.cli("add", "organisation", "--json",
                          self.write("o.json", dict(ORGANISATION, cluster="cyber-security")))
        self.assertEqual(result.returncode, 1)
        self.assertIn("cluster", result.stderr)

    def test_bad_taxonomy_commands(self):
        for args in (("add-cluster", "Bad Id", "Name"), ("add-cluster", "x"),
                     ("add-place", "a", "A"), ("frobnicate",)):
            with self.subTest(args=args):
                self.assertEqual(self.cli("taxonomy", *args).returncode, 2)
        result = self.cli("taxonomy", "remove-cluster", "nonesuch")
        self.assertEqual(result.returncode, 1)
        self.assertIn("nonesuch", result.stderr)


class DemoTests(CliTestCase):
    def test_demo_loads_sample_data_once(self):
        result = self.ok("demo")
        self.assertIn("challenges", result.stdout)
        challenges = self.json("list", "challenges", "--json")
        capabilities = self.json("list", "capabilities", "--json")
        organisations = self.json("list", "organisations", "--json")
        self.assertGreaterEqual(len(challenges), 40)
        self.assertGreaterEqual(len(capabilities), 150)
        clusters = {c["cluster"] for c in challenges} | {c["cluster"] for c in capabilities}
        self.assertGreaterEqual(len(clusters), 12)
        org_ids = {o["id"] for o in organisations}
        self.assertTrue(all(c["organisation_id"] in org_ids for c in challenges + capabilities))

        again = self.ok("demo")
        self.assertIn("already", again.stdout)
        self.assertEqual(len(self.json("list", "challenges", "--json")), len(challenges))


if __name__ == "__main__":
    unittest.main(verbosity=2)

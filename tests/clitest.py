# clitest.py — what the command-line tests share: a database of their
# own in a temporary folder, made with `init` or the sample data, and
# interchange-cli run on it as a named person.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import tempfile
import unittest

CLI = os.environ.get("INTERCHANGE_CLI", "interchange-cli")


class CliTestCase(unittest.TestCase):
    # Who the changes are made by, and the command that fills the new
    # database ("demo": the sample data; "init": nothing).
    AUTHOR = "Test Expert"
    START = "demo"

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.db = os.path.join(self.tmp.name, "test.db")
        self.env = dict(os.environ, INTERCHANGE_AUTHOR=self.AUTHOR, LC_ALL="C.UTF-8")
        self.env.pop("INTERCHANGE_DB", None)
        self.ok(self.START)

    def cli(self, *args):
        return subprocess.run([CLI, "--db", self.db] + list(args), capture_output=True,
                              text=True, env=self.env, timeout=120)

    def ok(self, *args):
        result = self.cli(*args)
        self.assertEqual(result.returncode, 0, f"{args}: {result.stderr}")
        return result

    def json(self, *args):
        return json.loads(self.ok(*args).stdout)

    def write(self, name, value):
        """Writes @value as JSON to a file @name in the test's folder."""
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(value, f)
        return path

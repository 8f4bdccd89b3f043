#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`interchange-cli event add-participants EVENT_ID --csv FILE`: many
participants at once from a CSV file (organisation by name or id, the
most meetings, the slots they can meet in); a bad row is refused with
its row and column named, and the database stays as it was."""

import os
import unittest

from clitest import CliTestCase


class AddParticipantsTests(CliTestCase):
    AUTHOR = "Test Facilitator"

    def setUp(self):
        super().setUp()
        self.organisations = sorted(self.json("list", "organisations", "--json"), key=lambda o: o["name"])
        first = self.organisations[0]["id"]
        event = {
            "name": "Supply day",
            "date": "2026-03-30",
            "slots": [{"start": "09:%02d" % (i * 12), "minutes": 12} for i in range(4)],
            "tables": 4,
            "participants": [{"organisation_id": first}],
            "requests": [],
            "forbidden": [],
        }
        self.event_id = self.ok("event", "add", "--json", self.write("event.json", event)).stdout.strip()

    def csv(self, text):
        path = os.path.join(self.tmp.name, "participants.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def participants(self):
        return {p["organisation_id"]: p for p in self.json("event", "show", self.event_id, "--json")["participants"]}

    def test_adds_by_name_and_id_with_limits_and_slots(self):
        a, b, c = self.organisations[0], self.organisations[1], self.organisations[2]
        path = self.csv("Available,Organisation,Max Meetings,Notes\n"
                        f"\"1-2, 4\",{b['name'].upper()},3,a note\n"
                        "\n"
                        f",{c['id']},,\n"
                        f",{a['name']},,\n")
        result = self.ok("event", "add-participants", self.event_id, "--csv", path)
        self.assertIn("Added 2 participants; 1 took part already", result.stdout)
        shown = self.participants()
        self.assertEqual(len(shown), 3)
        self.assertEqual(shown[b["id"]]["max_meetings"], 3)
        self.assertEqual(shown[b["id"]]["available"], [0, 1, 3])
        self.assertEqual(shown[c["id"]]["available"], [0, 1, 2, 3], "an empty cell is every slot")

    def assert_refused(self, text, *words):
        before = self.json("event", "show", self.event_id, "--json")
        count = len(self.json("list", "organisations", "--json"))
        result = self.cli("event", "add-participants", self.event_id, "--csv", self.csv(text))
        self.assertNotEqual(result.returncode, 0)
        for word in words:
            self.assertIn(word, result.stderr)
        self.assertEqual(self.json("event", "show", self.event_id, "--json"), before, "the event is as it was")
        self.assertEqual(len(self.json("list", "organisations", "--json")), count)
        return result.stderr

    def test_unknown_organisation_names_row_and_column(self):
        b = self.organisations[1]
        message = self.assert_refused(f"organisation,max_meetings\n{b['name']},2\nNobody Ltd,2\n",
                                      "Row 3, column organisation", "Nobody Ltd")
        self.assertIn("participants.csv", message)

    def test_bad_number_and_slot_name_their_column(self):
        b, c = self.organisations[1], self.organisations[2]
        self.assert_refused(f"organisation,max_meetings\n{b['name']},two\n",
                            "Row 2, column max_meetings", "“two”")
        self.assert_refused(f"organisation,available\n{b['name']},1\n{c['name']},2-9\n",
                            "Row 3, column available", "between 1 and 4")

    def test_listed_twice_and_no_header(self):
        b = self.organisations[1]
        self.assert_refused(f"organisation\n{b['name']}\n{b['id']}\n",
                            "Row 3, column organisation", "listed already, in row 2")
        self.assert_refused("name,max_meetings\nAcme,2\n", "Row 1", "organisation")


if __name__ == "__main__":
    unittest.main(verbosity=2)

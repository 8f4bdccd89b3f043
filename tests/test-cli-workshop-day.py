#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the workshop on the day with interchange-cli:
absences, late arrivals, walk-ins and swaps (`workshop ...`), and the
agendas as iCalendar (read back by Debian's python3-icalendar), PDF (read
back by pdftotext) and CSV, on the sample data."""

import csv
import datetime
import os
import shutil
import subprocess
import unittest
from collections import Counter

from clitest import CliTestCase

try:
    import icalendar
except ImportError:  # pragma: no cover - the package is in build-aux/debian-packages.txt
    icalendar = None


class DayTests(CliTestCase):
    AUTHOR = "Test Facilitator"

    def setUp(self):
        super().setUp()
        organisations = self.json("list", "organisations", "--json")
        owners = {c["organisation_id"] for c in self.json("list", "challenges", "--json")}
        self.names = {o["id"]: o["name"] for o in organisations}
        smes = [o["id"] for o in organisations if o["id"] not in owners]
        self.owners = sorted(owners)[:4]
        self.smes = smes[:10]
        self.others = smes[10:20]
        self.walk_in = smes[10]
        self.event = {
            "name": "Supply day, Birmingham; spring",
            "date": "2026-03-30",
            "venue": "Council House, Victoria Square, Birmingham",
            "slots": [{"start": "09:%02d" % (i * 12), "minutes": 12} for i in range(5)],
            "tables": 6,
            "participants":
                [{"organisation_id": o, "max_meetings": 4} for o in self.owners] +
                [{"organisation_id": s, "max_meetings": 2} for s in self.smes],
            "requests": [],
            "forbidden": [],
        }
        self.event_id = self.ok("event", "add", "--json",
                                self.write("event.json", self.event)).stdout.strip()

    def schedule(self):
        return self.json("schedule", self.event_id, "--json")["meetings"]

    @staticmethod
    def key(m):
        return (m["slot"], m["table"], m["challenge_organisation_id"],
                m["capability_organisation_id"])

    def check_valid(self, meetings):
        busy, tables, pairs, home = set(), set(), set(), {}
        for m in meetings:
            c, k, s = m["challenge_organisation_id"], m["capability_organisation_id"], m["slot"]
            for who in (c, k):
                self.assertNotIn((who, s), busy)
                busy.add((who, s))
            self.assertNotIn((s, m["table"]), tables)
            tables.add((s, m["table"]))
            self.assertNotIn((c, k), pairs)
            pairs.add((c, k))
            # Each challenge owner keeps one table all day.
            self.assertEqual(home.setdefault(c, m["table"]), m["table"])

    def test_fair_first_schedule(self):
        meetings = self.schedule()
        self.check_valid(meetings)
        count = Counter()
        for m in meetings:
            count[m["challenge_organisation_id"]] += 1
            count[m["capability_organisation_id"]] += 1
        # Ten SMEs, four owners, four slots: every SME meets someone.
        for s in self.smes:
            self.assertGreaterEqual(count[s], 1, self.names[s])
        out = self.ok("schedule", self.event_id).stdout
        self.assertIn("average match of", out)
        self.assertNotIn("total score", out)

    def test_absent_from_a_slot_on(self):
        before = self.schedule()
        # The SME with a meeting latest in the day leaves before it.
        late = max(before, key=lambda m: m["slot"])
        who, slot = late["capability_organisation_id"], late["slot"]
        out = self.ok("workshop", "absent", self.event_id, who, "--slot", str(slot + 1)).stdout
        self.assertIn("Cancelled: ", out)
        self.assertIn(self.names[who], out)
        after = self.schedule()
        self.check_valid(after)
        for m in after:
            if m["slot"] >= slot:
                self.assertNotEqual(m["capability_organisation_id"], who)
        # Every announced meeting that did not involve them is still there.
        kept = {self.key(m) for m in after}
        for m in before:
            if who not in (m["capability_organisation_id"], m["challenge_organisation_id"]) or \
               m["slot"] < slot:
                self.assertIn(self.key(m), kept)
        shown = self.json("event", "show", self.event_id, "--json")
        available = [p for p in shown["participants"] if p["organisation_id"] == who][0]["available"]
        self.assertEqual(available, list(range(slot)))

    def test_late_arrival(self):
        before = self.schedule()
        first = min(before, key=lambda m: m["slot"])
        who = first["challenge_organisation_id"]
        self.ok("workshop", "late", self.event_id, who, "--slot", "3")
        after = self.schedule()
        self.check_valid(after)
        for m in after:
            if m["challenge_organisation_id"] == who:
                self.assertGreaterEqual(m["slot"], 2)

    def test_walk_in(self):
        # Someone the owners can meet: one a trial event gives a meeting.
        trial = dict(self.event, participants=[{"organisation_id": o} for o in self.owners] +
                     [{"organisation_id": s, "max_meetings": 1} for s in self.others])
        trial_id = self.ok("event", "add", "--json", self.write("trial.json", trial)).stdout.strip()
        met = {m["capability_organisation_id"]
               for m in self.json("schedule", trial_id, "--json")["meetings"]}
        self.assertTrue(met)
        self.walk_in = sorted(met)[0]
        before = self.schedule()
        out = self.ok("workshop", "walk-in", self.event_id, self.walk_in, "--slot", "2",
                      "--max-meetings", "2").stdout
        after = self.schedule()
        self.check_valid(after)
        # The owners' meetings are all taken: the walk-in takes the place
        # of one SME who keeps another meeting, and nothing else changes.
        theirs = [m for m in after if self.walk_in in (m["capability_organisation_id"],
                                                       m["challenge_organisation_id"])]
        self.assertEqual(len(theirs), 1)
        self.assertGreaterEqual(theirs[0]["slot"], 1)
        self.assertIn("New: ", out)
        self.assertEqual(out.count("Cancelled: "), 1)
        self.assertEqual(len({self.key(m) for m in before} - {self.key(m) for m in after}), 1)
        count = Counter(m["capability_organisation_id"] for m in after)
        for s in self.smes:
            self.assertGreaterEqual(count[s], 1)

    def test_bad_input_changes_nothing(self):
        schedule = self.schedule()
        before = self.json("event", "show", self.event_id, "--json")
        for args, words in [
            (("absent", self.event_id, self.walk_in, "--slot", "2"), "does not take part"),
            (("absent", self.event_id, self.smes[0], "--slot", "9"), "no slot 9"),
            (("walk-in", self.event_id, self.smes[0], "--slot", "2"), "already takes part"),
            (("swap", self.event_id, "1:1", "9:9"), "no meeting in slot 9"),
        ]:
            result = self.cli("workshop", *args)
            self.assertNotEqual(result.returncode, 0, args)
            self.assertIn(words, result.stderr)
        after = self.json("event", "show", self.event_id, "--json")
        self.assertEqual(after["rev"], before["rev"])
        self.assertEqual(self.schedule(), schedule)
        result = self.cli("workshop", "absent", self.event_id, self.smes[0])
        self.assertEqual(result.returncode, 2)
        self.assertIn("--slot", result.stderr)

    def test_swap(self):
        meetings = self.schedule()
        # Two meetings of one owner change times, where neither SME is
        # busy at the other time: allowed.
        busy = {(m["capability_organisation_id"], m["slot"]) for m in meetings}
        pairs = [(a, b) for a in meetings for b in meetings
                 if a["challenge_organisation_id"] == b["challenge_organisation_id"] and
                 a["slot"] < b["slot"] and
                 (a["capability_organisation_id"], b["slot"]) not in busy and
                 (b["capability_organisation_id"], a["slot"]) not in busy]
        self.assertTrue(pairs)
        a, b = pairs[0]
        owner = a["challenge_organisation_id"]
        place = lambda m: "%d:%d" % (m["slot"] + 1, m["table"] + 1)
        out = self.ok("workshop", "swap", self.event_id, place(a), place(b)).stdout
        self.assertIn("Moved: ", out)
        after = self.schedule()
        self.check_valid(after)
        moved = {(m["challenge_organisation_id"], m["capability_organisation_id"]): m["slot"]
                 for m in after}
        self.assertEqual(moved[(owner, a["capability_organisation_id"])], b["slot"])
        self.assertEqual(moved[(owner, b["capability_organisation_id"])], a["slot"])

        # Two owners' meetings in different slots: each would leave its
        # table, or take one that is taken: refused, naming every clash.
        x = after[0]
        y = next((m for m in after if m["slot"] != x["slot"] and
                  m["challenge_organisation_id"] != x["challenge_organisation_id"]), None)
        self.assertIsNotNone(y)
        result = self.cli("workshop", "swap", self.event_id, place(x), place(y))
        self.assertEqual(result.returncode, 1)
        self.assertIn("Cannot swap the meetings of", result.stderr)
        self.assertIn("is taken in slot", result.stderr)
        self.assertEqual(self.schedule(), after)

    @unittest.skipIf(icalendar is None, "python3-icalendar is not installed")
    def test_ics(self):
        meetings = self.schedule()
        path = os.path.join(self.tmp.name, "event.ics")
        self.ok("export", "agenda", self.event_id, "--format", "ics", "-o", path)
        with open(path, "rb") as f:
            raw = f.read()
        # CRLF everywhere, no line over 75 octets.
        lines = raw.split(b"\r\n")
        self.assertEqual(lines[-1], b"")
        for line in lines:
            self.assertNotIn(b"\n", line)
            self.assertLessEqual(len(line), 75)
        calendar = icalendar.Calendar.from_ical(raw)
        self.assertEqual(str(calendar["VERSION"]), "2.0")
        zones = [c for c in calendar.walk("VTIMEZONE")]
        self.assertEqual([str(z["TZID"]) for z in zones], ["Europe/London"])
        events = calendar.walk("VEVENT")
        self.assertEqual(len(events), len(meetings))
        uids = {str(e["UID"]) for e in events}
        self.assertEqual(len(uids), len(events))
        for e in events:
            self.assertIn("DTSTAMP", e)
            start = e.decoded("DTSTART")
            self.assertEqual(start.tzinfo is not None, True)
            # 30 March 2026 is in British Summer Time: 09:00 there is 08:00 UTC.
            self.assertEqual(start.utcoffset(), datetime.timedelta(hours=1))
            self.assertEqual(e.decoded("DTEND") - start, datetime.timedelta(minutes=12))
            self.assertIn("Council House, Victoria Square, Birmingham, table ",
                          str(e["LOCATION"]))
            self.assertRegex(str(e["DESCRIPTION"]), r"Match \d+%")
        # The event's name has a comma and a semicolon: escaped, read back whole.
        self.assertEqual(str(calendar["X-WR-CALNAME"]), self.event["name"])

        # One participant's calendar: only their meetings, named for them.
        owner = meetings[0]["challenge_organisation_id"]
        mine = os.path.join(self.tmp.name, "mine.ics")
        self.ok("export", "agenda", self.event_id, "--format", "ics", "--participant", owner,
                "-o", mine)
        with open(mine, "rb") as f:
            theirs = icalendar.Calendar.from_ical(f.read()).walk("VEVENT")
        self.assertEqual(len(theirs), sum(1 for m in meetings
                                          if m["challenge_organisation_id"] == owner))
        for e in theirs:
            self.assertTrue(str(e["SUMMARY"]).startswith("Meeting with "))
        # Exported again, the UIDs are the same: calendars update, not add.
        self.ok("export", "agenda", self.event_id, "--format", "ics", "-o", path)
        with open(path, "rb") as f:
            again = {str(e["UID"]) for e in icalendar.Calendar.from_ical(f.read()).walk("VEVENT")}
        self.assertEqual(again, uids)

    @unittest.skipIf(shutil.which("pdftotext") is None, "pdftotext is not installed")
    def test_pdf_and_csv_for_one_participant(self):
        meetings = self.schedule()
        owner = meetings[0]["challenge_organisation_id"]
        pdf = os.path.join(self.tmp.name, "one.pdf")
        self.ok("export", "agenda", self.event_id, "--format", "pdf", "--participant", owner,
                "-o", pdf)
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        self.assertRegex(info, r"Pages:\s+1\n")
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        self.assertIn("Agenda for " + self.names[owner], text)
        self.assertIn("Council House", text)
        self.assertRegex(text, r"Match \d+%")
        self.assertNotRegex(text, r"Match 0\.\d")
        for m in meetings:
            if m["challenge_organisation_id"] == owner:
                self.assertIn(self.names[m["capability_organisation_id"]].split()[0], text)

        path = os.path.join(self.tmp.name, "one.csv")
        self.ok("export", "agenda", self.event_id, "--format", "csv", "--participant", owner,
                "-o", path)
        with open(path, encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual({r["organisation_id"] for r in rows}, {owner})
        self.assertEqual(len(rows), sum(1 for m in meetings
                                        if m["challenge_organisation_id"] == owner))

        result = self.cli("export", "agenda", self.event_id, "--format", "ics",
                          "--participant", self.walk_in, "-o", path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("does not take part", result.stderr)
        result = self.cli("export", "agenda", self.event_id, "--format", "xml", "-o", path)
        self.assertEqual(result.returncode, 2)


if __name__ == "__main__":
    unittest.main()

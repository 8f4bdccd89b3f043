#!/usr/bin/env python3
"""The layers of DESIGN.md, checked on the sources: every folder under
src/ includes only the headers of the layers below it, never another
folder's *-private.h, and the libraries that belong to one layer (GTK,
SQLite, libsoup) only there.

    test-layers.py [SRC]     SRC defaults to the src/ beside tests/

The checker itself is tested first, on small trees with one planted
violation each, so that a checker that finds nothing cannot pass."""

import os
import re
import sys
import tempfile
import unittest

# Which folders each folder's files may include headers of (DESIGN.md,
# "Layers"; arrows only point down).
ALLOWED = {
    "model": set(),
    "store": {"model"},
    "match": {"model"},
    "io": {"store", "match", "model"},
    "feed": {"io", "store", "match", "model"},
    "server": {"feed", "model"},
    "cli": {"feed", "io", "match", "store", "model"},
    "app": {"feed", "io", "match", "store", "model"},
}

# The server shares only the protocol half of src/feed (the sources of
# the ic-feed-protocol library in src/feed/meson.build), and that half
# stands on the model alone.
PROTOCOL_LIBRARY = "feed_protocol_sources"
PROTOCOL_ALLOWED = {"model"}

# System headers that belong to one layer: "Only src/app links GTK", the
# store owns the local database, the server its own.
SYSTEM_HEADERS = {
    "gtk/": {"app"},
    "adwaita.h": {"app"},
    "gdk/": {"app"},
    "sqlite3.h": {"store", "server"},
    "libsoup/": {"feed", "server"},
    "libsecret/": {"feed"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)
MKENUMS = re.compile(r"mkenums_simple\s*\(\s*'([^']+)'")


def sources_of(folder):
    for parent, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith((".c", ".h")):
                yield os.path.join(parent, name)


def meson_text(folder):
    path = os.path.join(folder, "meson.build")
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as f:
        return f.read()


def protocol_files(src):
    """Base names (without .c) of the feed protocol library's sources."""
    text = meson_text(os.path.join(src, "feed"))
    match = re.search(PROTOCOL_LIBRARY + r"\s*=\s*files\(([^)]*)\)", text)
    if match is None:
        return set()
    return {os.path.splitext(name)[0] for name in re.findall(r"'([^']+)'", match.group(1))}


def header_owners(src, layers):
    """Header name -> the folder it lives in (generated ones included)."""
    owners = {}
    for layer in layers:
        folder = os.path.join(src, layer)
        for path in sources_of(folder):
            if path.endswith(".h"):
                owners.setdefault(os.path.basename(path), set()).add(layer)
        for enums in MKENUMS.findall(meson_text(folder)):
            owners.setdefault(enums + ".h", set()).add(layer)
    return owners


def check(src):
    """Returns the violations in the tree at @src, one sentence each."""
    problems = []
    layers = sorted(name for name in os.listdir(src) if os.path.isdir(os.path.join(src, name)))
    for layer in layers:
        if layer not in ALLOWED:
            problems.append("src/%s: a folder that DESIGN.md's layers do not name; "
                            "add it to tests/test-layers.py" % layer)
    owners = header_owners(src, layers)
    protocol = protocol_files(src)

    for layer in layers:
        allowed = ALLOWED.get(layer, set())
        for path in sources_of(os.path.join(src, layer)):
            relative = os.path.relpath(path, os.path.dirname(src))
            stem = os.path.splitext(os.path.basename(path))[0]
            in_protocol = layer == "feed" and stem in protocol
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            for kind, header in INCLUDE.findall(text):
                if kind == "<":
                    for prefix, users in SYSTEM_HEADERS.items():
                        if header.startswith(prefix) and layer not in users:
                            problems.append("%s: includes <%s>, which only %s may use"
                                            % (relative, header, ", ".join(sorted(users))))
                    continue
                name = os.path.basename(header)
                found = owners.get(name, set())
                if layer in found or not found:
                    # Its own folder's, or config.h and the like.
                    if in_protocol and layer in found and name[:-2] not in protocol \
                       and not name.endswith("-private.h"):
                        problems.append("%s: the feed protocol includes %s of the feed client"
                                        % (relative, name))
                    continue
                for owner in sorted(found):
                    if name.endswith("-private.h"):
                        problems.append("%s: includes %s, private to src/%s"
                                        % (relative, name, owner))
                    elif in_protocol and owner not in PROTOCOL_ALLOWED:
                        problems.append("%s: the feed protocol includes %s of src/%s"
                                        % (relative, name, owner))
                    elif owner not in allowed:
                        problems.append("%s: includes %s of src/%s, a layer %s may not use"
                                        % (relative, name, owner, layer))
                    elif layer == "server" and owner == "feed" and name[:-2] not in protocol:
                        problems.append("%s: includes %s, the feed client, not its protocol"
                                        % (relative, name))
    return problems


class PlantedViolations(unittest.TestCase):
    """The checker on small trees, each with one fault planted."""

    def tree(self, files):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        for path, text in files.items():
            full = os.path.join(folder.name, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)
        return folder.name

    BASE = {
        "model/ic-record.h": "#include <glib-object.h>\n",
        "store/ic-store.h": '#include "ic-record.h"\n',
        "store/ic-store-private.h": '#include <sqlite3.h>\n#include "ic-store.h"\n',
        "store/ic-store.c": '#include "config.h"\n#include "ic-store-private.h"\n',
        "match/ic-matcher.h": '#include "ic-record.h"\n',
        "io/ic-import.c": '#include "ic-store.h"\n#include "ic-matcher.h"\n',
        "feed/meson.build": "feed_protocol_sources = files(\n  'ic-feed-json.c',\n)\n"
                            "feed_enums = gnome.mkenums_simple('ic-feed-enums',\n",
        "feed/ic-feed-json.h": '#include "ic-record.h"\n',
        "feed/ic-feed-sync.h": '#include "ic-store.h"\n#include "ic-feed-enums.h"\n',
        "server/ic-feed-server.c": '#include "ic-feed-json.h"\n#include <sqlite3.h>\n',
        "app/ic-window.c": '#include <adwaita.h>\n#include "ic-feed-sync.h"\n',
    }

    def planted(self, path, line):
        files = dict(self.BASE)
        files[path] = files.get(path, "") + line + "\n"
        return check(self.tree(files))

    def test_clean_tree_passes(self):
        self.assertEqual(check(self.tree(self.BASE)), [])

    def test_private_header_of_another_folder(self):
        problems = self.planted("io/ic-import.c", '#include "ic-store-private.h"')
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("private to src/store", problems[0])

    def test_layer_above(self):
        for path, line in (("store/ic-store.c", '#include "ic-matcher.h"'),
                           ("model/ic-record.h", '#include "ic-store.h"'),
                           ("io/ic-import.c", '#include "ic-feed-sync.h"'),
                           ("match/ic-matcher.h", '#include "ic-feed-enums.h"')):
            problems = self.planted(path, line)
            self.assertEqual(len(problems), 1, (path, problems))
            self.assertIn("may not use", problems[0])

    def test_server_uses_the_protocol_only(self):
        problems = self.planted("server/ic-feed-server.c", '#include "ic-feed-sync.h"')
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("feed client", problems[0])
        problems = self.planted("feed/ic-feed-json.h", '#include "ic-store.h"')
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("feed protocol", problems[0])

    def test_system_headers_stay_in_their_layer(self):
        for path, line in (("io/ic-import.c", "#include <sqlite3.h>"),
                           ("feed/ic-feed-sync.h", "#include <gtk/gtk.h>")):
            problems = self.planted(path, line)
            self.assertEqual(len(problems), 1, (path, problems))
            self.assertIn("only", problems[0])

    def test_unknown_folder(self):
        problems = self.planted("plugins/ic-plugin.c", '#include "ic-store.h"')
        self.assertTrue(any("do not name" in p for p in problems), problems)


class Sources(unittest.TestCase):
    def test_layers(self):
        problems = check(SRC)
        self.assertEqual(problems, [], "\n" + "\n".join(problems))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    SRC = os.path.join(here, os.pardir, "src")
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        SRC = sys.argv.pop(1)
    unittest.main(verbosity=2)

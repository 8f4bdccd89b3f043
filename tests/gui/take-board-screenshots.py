#!/usr/bin/env python3
"""Screenshots of the public board for the README, at a phone's and a
desktop's size, in Debian's chromium (headless, loopback only).

    tests/gui/take-board-screenshots.py --build _build [--out data/screenshots]

A laptop loads the sample data, opens some challenges to the public (one
anonymised), syncs them to a fresh interchange-feed-server, and chromium
photographs the front page and a challenge's page."""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--build", default="_build")
parser.add_argument("--out", default=os.path.join("data", "screenshots"))
args = parser.parse_args()

CLI = os.path.join(args.build, "src", "cli", "interchange-cli")
SERVER = os.path.join(args.build, "src", "server", "interchange-feed-server")
CHROMIUM = shutil.which("chromium") or sys.exit("needs chromium")
ENV = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
ENV.update({"LC_ALL": "C.UTF-8", "INTERCHANGE_NO_KEYRING": "1", "INTERCHANGE_AUTHOR": "Screenshots"})
ENV.pop("INTERCHANGE_DB", None)


def run(*argv):
    return subprocess.run(argv, capture_output=True, text=True, env=ENV, check=True, timeout=300).stdout


def shoot(url, path, width, height, dark=False):
    profile = tempfile.mkdtemp(prefix="board-shot-")
    try:
        run(CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--no-proxy-server", "--user-data-dir=" + profile, "--force-device-scale-factor=1",
            *(["--force-dark-mode"] if dark else []),
            "--window-size=%d,%d" % (width, height), "--screenshot=" + os.path.abspath(path), url)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    print(path)


folder = tempfile.mkdtemp(prefix="board-shots-")
server = None
try:
    db, laptop = os.path.join(folder, "feed.db"), os.path.join(folder, "laptop.db")
    token_file = os.path.join(folder, "token")
    with open(token_file, "w") as f:
        f.write(run(SERVER, "--db", db, "token", "add", "screenshots").strip())
    server = subprocess.Popen([SERVER, "--db", db, "--listen", "127.0.0.1:0", "--no-log",
                               "--title", "West Midlands open challenges",
                               "--board-intro", "Large organisations and public bodies of the region are "
                               "looking for SMEs that can help. Say how you could: no account needed."],
                              stdout=subprocess.PIPE, text=True, env=ENV)
    url = server.stdout.readline().split()[-1].rstrip("/")

    run(CLI, "--db", laptop, "demo")
    challenges = json.loads(run(CLI, "--db", laptop, "list", "challenges", "--json"))
    opened = [c for c in challenges if c.get("status", "open") == "open"][:8]
    for i, challenge in enumerate(opened):
        extra = ["--public-label", "A broadcaster in Birmingham"] if i == 1 else []
        run(CLI, "--db", laptop, "update", challenge["id"], "--visibility", "public", *extra)
    run(CLI, "--db", laptop, "sync", "--feed", url, "--token-file", token_file)

    os.makedirs(args.out, exist_ok=True)
    shoot(url + "/", os.path.join(args.out, "board-phone.png"), 412, 915)
    shoot(url + "/", os.path.join(args.out, "board-phone-dark.png"), 412, 915, dark=True)
    shoot(url + "/", os.path.join(args.out, "board-desktop.png"), 1280, 900)
    shoot(url + "/challenges/" + opened[1]["id"], os.path.join(args.out, "board-challenge.png"), 1280, 1400)
finally:
    if server is not None:
        server.terminate()
        server.wait(timeout=30)
    shutil.rmtree(folder, ignore_errors=True)

# Records held back from the feed: a feed of a newer version sends a
# record of a kind this version does not know and one with a value it
# cannot read; `interchange-cli sync` keeps both in the quarantine of the
# window's database, and the sync indicator's popover says so, in words,
# as does the button's accessible description.  The window checks it
# against `interchange-cli sync --status`.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'integration'))

import ictest  # noqa: E402
from ictest import TestFailure, check, log, rawinput, wait_for  # noqa: E402
import feedlib  # noqa: E402

folder = tempfile.mkdtemp(prefix='quarantine-', dir=ictest.WORK)
odd_value = dict(feedlib.foresight('A signal from a newer version'), id=str(uuid.uuid4()), rev=1,
                 kind='hologram')
odd_kind = {'id': str(uuid.uuid4()), 'rev': 1, 'title': 'A workshop series', 'sessions': 4}
readable = dict(feedlib.foresight('A readable signal'), id=str(uuid.uuid4()), rev=1)
changes = [
    {'seq': 1, 'id': odd_value['id'], 'kind': 'foresight', 'rev': 1, 'deleted': False, 'record': odd_value},
    {'seq': 2, 'id': odd_kind['id'], 'kind': 'event-series', 'rev': 1, 'deleted': False, 'record': odd_kind},
    {'seq': 3, 'id': readable['id'], 'kind': 'foresight', 'rev': 1, 'deleted': False, 'record': readable},
]


def newer_feed(handler):
    query = urllib.parse.parse_qs(urllib.parse.urlparse(handler.path).query)
    since = int(query.get('since', ['0'])[0])
    page = {'feed_id': 'newer', 'more': False, 'last_seq': max(since, 3),
            'changes': [c for c in changes if c['seq'] > since]}
    feedlib.send(handler, 200, json.dumps(page))


def pull_from_newer_feed(app):
    """The window's database syncs once with the newer feed, before the window opens."""
    fake = feedlib.FakeFeed(newer_feed)
    try:
        token_file = os.path.join(folder, 'token')
        with open(token_file, 'w') as f:
            f.write('t\n')
        env = feedlib.test_env()
        os.makedirs(os.path.dirname(app.db), exist_ok=True)
        subprocess.run([app.cli_binary, '--db', app.db, 'init'], env=env, check=True,
                       capture_output=True, timeout=60)
        result = subprocess.run([app.cli_binary, '--db', app.db, 'sync', '--feed', fake.url,
                                 '--token-file', token_file, '--json'],
                                env=env, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise TestFailure('the sync with the newer feed failed: ' + result.stderr)
        counts = json.loads(result.stdout)
        log('sync: %s' % counts)
        if counts.get('quarantined') != 2 or counts.get('pulled') != 1:
            raise TestFailure('the sync should keep 2 records aside and apply 1: %s' % counts)
    finally:
        fake.close()


def indicator(app):
    return app.find(None, 'Sync Status', parent=app.window)


def test_quarantine_notice(app):
    status = app.cli_json('sync', '--status')
    check(status['quarantined'] == 2, 'the command line holds 2 records in quarantine')

    node = indicator(app)
    description = wait_for('the indicator to count the records held back',
                           lambda: '2 records held back' in (node.description or '') and node.description)
    check(True, 'the indicator’s description says “%s”' % description)

    log('open the sync popover')
    app.click_at(node)
    notice = app.find('label', lambda name: name is not None and name.startswith('2 records from the feed'),
                      parent=node)
    log('notice: ' + notice.name)
    check('held back' in notice.name and 'newer version' in notice.name,
          'the popover says the records are held back and what brings them in')
    rawinput.pressKey('Escape')
    page = app.show_page('Foresight')
    app.label('A readable signal', parent=page)
    check(True, 'the record this version reads came in beside them')


ictest.run(test_quarantine_notice, setup=pull_from_newer_feed)

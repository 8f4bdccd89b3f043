# The foresight feed from the window: the address and token set in
# Preferences (the token in a file only its owner reads, never in
# GSettings), records pulled from the real interchange-feed-server on
# 127.0.0.1, and three conflicts made by a second laptop through
# interchange-cli, resolved in the window with "Keep Mine", "Keep
# Theirs" and field by field, and checked with the command line on both
# databases.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'integration'))

import ictest  # noqa: E402
from ictest import TestFailure, check, log, rawinput, wait_for  # noqa: E402
import feedlib  # noqa: E402

folder = tempfile.mkdtemp(prefix='feed-', dir=ictest.WORK)
server = feedlib.FeedServer(folder)
feed = {}


def retitle(show, run, record_id, title, where, description=None):
    """An edit of a challenge's title (and description), through the CSV import."""
    current = show(record_id)
    path = os.path.join(folder, 'edit-%s.csv' % where)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('id,organisation_id,title,description\n%s,%s,%s,%s\n' %
                (record_id, current['organisation_id'], title, description or current['description']))
    run('import', 'challenges', path)


def indicator(app):
    return app.find(None, 'Sync Status', parent=app.window)


def wait_for_state(app, prefix, timeout=60):
    node = indicator(app)
    return wait_for('the sync indicator to say “%s”' % prefix,
                    lambda: node.description.startswith(prefix) and node.description, timeout=timeout)


def open_popover(app):
    node = indicator(app)
    log('open the sync popover (%s)' % node.roleName)
    app.click_at(node)
    return app.find('push button', app.starts_with('Sync Now'), parent=node)


def sync_now(app):
    button = open_popover(app)
    log('click “Sync Now” in the popover')
    button.doActionNamed('click')


def set_up_feed(app):
    token = server.token('expert')
    server.start()
    feed['token'] = token
    other = feedlib.Client(folder, 'other')
    other.use_token(token)
    org = other.add('organisation', feedlib.organisation('Tamebridge Test Works Ltd'))
    feed['mine'] = other.add('challenge', feedlib.challenge(org, 'Hydrogen refuelling at the depot'))
    feed['theirs'] = other.add('challenge', feedlib.challenge(org, 'Wayfinding for rail stations'))
    feed['merged'] = other.add('challenge', feedlib.challenge(org, 'Cold chain for hospital pharmacy'))
    counts = other.sync(server.url)
    if counts.get('pushed') != 4:
        raise TestFailure('the second laptop pushed %s' % counts)
    feed['other'] = other


def preferences(app):
    # With no feed set up, Ctrl+R (Sync Now) opens Preferences.
    app.click_at(app.find('list item', 'Challenges', parent=app.window))
    rawinput.keyCombo('<Control>r')
    dialog = app.dialog('Preferences')
    check(True, 'Ctrl+R with no feed set up opens Preferences')

    app.fill(dialog, 'Feed Address', 'not a feed')
    app.find(None, lambda name: name is not None and 'not a feed address' in name, parent=dialog)
    check(True, 'a mistyped address is refused in words')

    app.fill(dialog, 'Feed Address', server.url)
    token_row = app.fill(dialog, 'Access Token', feed['token'])
    # Closing the window keeps the token typed (Enter would too).
    rawinput.pressKey('Escape')
    app.gone('frame', 'Preferences')
    path = os.path.join(os.environ['XDG_CONFIG_HOME'], 'interchange', 'feed-tokens')
    wait_for('the token file', lambda: os.path.exists(path))

    rawinput.keyCombo('<Control>comma')
    dialog = app.dialog('Preferences')
    kept = app.find(None, lambda name: name is not None and 'token is kept' in name, parent=dialog)
    log('token status: ' + kept.name)
    check(app.find('text', app.starts_with('Access Token'), parent=dialog).text == '',
          'the token is never read back into the window')

    mode = stat.S_IMODE(os.stat(path).st_mode)
    check(mode == 0o600, 'the token file is readable by its owner only (%o)' % mode)
    with open(path) as f:
        check(feed['token'] in f.read(), 'the token is kept in that file (no keyring answers here)')

    settings = subprocess.run(['gsettings', 'list-recursively', 'io.github.wmvit.Interchange'],
                              capture_output=True, text=True, timeout=30).stdout
    check(server.url in settings, 'GSettings holds the feed address')
    check(feed['token'] not in settings, 'GSettings never holds the token')
    # Nor any key of any schema: dconf's database holds strings as they are.
    database = os.path.join(os.environ['XDG_CONFIG_HOME'], 'dconf', 'user')
    with open(database, 'rb') as f:
        data = f.read()
    check(server.url.encode() in data and feed['token'].encode() not in data,
          'the dconf database holds the address but never the token')
    rawinput.pressKey('Escape')


def test_feed_sync(app):
    message = wait_for_state(app, 'No foresight feed is set up')
    check(True, 'without a feed, the indicator says so: “%s”' % message)

    preferences(app)

    sync_now(app)
    message = wait_for_state(app, 'Synced')
    check(True, 'the indicator says “%s”' % message)
    page = app.show_page('Challenges')
    app.label('Hydrogen refuelling at the depot', parent=page)
    app.label('Wayfinding for rail stations', parent=page)
    check(True, 'the pulled challenges are rows of the Challenges page')
    ids = {record['id'] for record in app.cli_json('list', 'challenges')}
    check({feed['mine'], feed['theirs']} <= ids, 'the command line lists the pulled challenges')

    # Both laptops edit both challenges; the other laptop syncs first.
    other = feed['other']
    here = (lambda record_id: app.cli_json('show', record_id), app.cli)
    there = (other.show, other.cli_ok)
    retitle(*here, feed['mine'], 'Hydrogen refuelling edited in the window', 'mine-here')
    retitle(*here, feed['theirs'], 'Rail wayfinding edited in the window', 'theirs-here')
    retitle(*there, feed['mine'], 'Hydrogen refuelling edited elsewhere', 'mine-there')
    retitle(*there, feed['theirs'], 'Rail wayfinding edited elsewhere', 'theirs-there')
    retitle(*here, feed['merged'], 'Cold chain edited in the window', 'merged-here',
            description='Described in the window')
    retitle(*there, feed['merged'], 'Cold chain edited elsewhere', 'merged-there',
            description='Described elsewhere')
    other.sync(server.url)

    # The state was "Synced" before: wait for the one that counts them.
    rawinput.keyCombo('<Control>r')
    message = wait_for_state(app, 'Synced — 3 conflicts to resolve')
    check(True, 'the indicator counts the conflicts: “%s”' % message)
    status = app.cli_json('sync', '--status')
    check(status['conflicts'] == 3, 'the command line counts 3 conflicts')
    app.toast(lambda name: 'conflict with the feed' in name)
    check(True, 'a toast says the sync kept conflicts')

    open_popover(app)
    app.click('push button', app.starts_with('Review Conflicts'), parent=indicator(app))
    window = app.dialog('Sync Conflicts')
    card = app.find(None, 'Hydrogen refuelling edited in the window', parent=window)
    app.find('check box', 'Theirs: Title', parent=card)
    # Three-way: what both edits started from is shown beside them.
    app.label('Before both edits', parent=card)
    app.label('Hydrogen refuelling at the depot', parent=card)
    check(True, 'the card shows the title before both edits')
    app.click('push button', app.starts_with('Keep Mine'), parent=card)
    app.gone(None, 'Hydrogen refuelling edited in the window', parent=window)
    card = app.find(None, 'Rail wayfinding edited in the window', parent=window)
    app.click('push button', app.starts_with('Keep Theirs'), parent=card)
    # Field by field: my description, their title.
    card = app.find(None, 'Cold chain edited in the window', parent=window)
    choice = app.find(None, 'Mine: Description', parent=card)
    # GTK 4.8 gives check buttons no accessible action: click it.
    app.click_at(choice)
    wait_for('“Mine: Description” to be chosen', lambda: choice.checked, timeout=5)
    app.click('push button', app.starts_with('Merge Chosen Fields'), parent=card)
    app.label('No Conflicts', parent=window)
    check(True, 'every conflict resolved in the window')
    app.click('push button', 'Close', parent=window)
    app.gone('frame', 'Sync Conflicts')

    status = app.cli_json('sync', '--status')
    check(status['conflicts'] == 0, 'the command line counts no conflicts left')
    mine = app.cli_json('show', feed['mine'])
    theirs = app.cli_json('show', feed['theirs'])
    check(mine['title'] == 'Hydrogen refuelling edited in the window', 'keep mine kept my title')
    check(theirs['title'] == 'Rail wayfinding edited elsewhere', 'keep theirs kept the feed’s title')
    merged = app.cli_json('show', feed['merged'])
    check(merged['title'] == 'Cold chain edited elsewhere' and merged['description'] == 'Described in the window',
          'the merge kept their title and my description')

    check(status['outbox'] >= 1, 'the resolution waits in the outbox for the next sync')
    # The conflicts window has gone: give the main window the keyboard.
    app.click_at(app.find('list item', 'Challenges', parent=app.window))
    rawinput.keyCombo('<Control>r')
    wait_for('the resolutions to be pushed', lambda: app.cli_json('sync', '--status')['outbox'] == 0,
             timeout=60, interval=1)
    message = wait_for_state(app, 'Synced')
    check('conflict' not in message, 'the next sync pushes the resolutions: “%s”' % message)
    other.sync(server.url)
    check(other.show(feed['mine'])['title'] == 'Hydrogen refuelling edited in the window',
          'the other laptop receives the title kept with “Keep Mine”')
    check(other.show(feed['theirs'])['title'] == 'Rail wayfinding edited elsewhere',
          'the other laptop keeps its own title after “Keep Theirs”')
    merged = other.show(feed['merged'])
    check(merged['title'] == 'Cold chain edited elsewhere' and merged['description'] == 'Described in the window',
          'the other laptop receives the merged record')


try:
    ictest.run(test_feed_sync, setup=set_up_feed)
finally:
    server.stop()

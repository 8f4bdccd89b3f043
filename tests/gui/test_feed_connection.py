# Preferences' Test Connection and the sync messages in words, against
# the real interchange-feed-server on 127.0.0.1: stopped, the test says
# the feed is not reachable and Sync Now leaves the indicator "Offline"
# with how many changes wait to be sent and when the next try is;
# running, the test says the feed is reached with the kept token and
# refuses a wrong one, and Sync Now ends "Synced".
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'integration'))

import ictest  # noqa: E402
from ictest import check, log, rawinput, wait_for  # noqa: E402
import feedlib  # noqa: E402

folder = tempfile.mkdtemp(prefix='feed-', dir=ictest.WORK)
server = feedlib.FeedServer(folder)
feed = {}


def set_up(app):
    feed['token'] = server.token('expert')
    # Started once to learn its port, then stopped: the window meets a
    # feed that does not answer.
    server.start()
    server.stop()


def indicator(app):
    return app.find(None, 'Sync Status', parent=app.window)


def open_preferences(app):
    app.click_at(app.find('list item', 'Challenges', parent=app.window))
    rawinput.keyCombo('<Control>comma')
    return app.dialog('Preferences')


def test_connection(app, dialog, expect):
    row = app.find('list item', app.starts_with('Connection'), parent=dialog)
    app.click('push button', app.starts_with('Test Connection'), parent=dialog)

    def said_it():
        description = row.description or ''
        return expect in description and description
    said = wait_for('Test Connection to say “%s”' % expect, said_it, timeout=40)
    log('Test Connection: ' + said)
    return said


def popover_heading(app, heading):
    node = indicator(app)
    app.click_at(node)
    app.label(heading, parent=node)
    check(True, 'the sync popover’s heading says “%s”' % heading)
    rawinput.pressKey('Escape')


def sync_now(app):
    app.click_at(app.find('list item', 'Challenges', parent=app.window))
    rawinput.keyCombo('<Control>r')


def test_feed_connection(app):
    wait_for('the window to settle', lambda: indicator(app).description, timeout=30)
    # Changes made here that have not been sent yet.
    for name in ('Offline Test Works Ltd', 'Second Offline Works Ltd'):
        path = os.path.join(folder, 'organisation.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(feedlib.organisation(name), f)
        app.cli('add', 'organisation', '--json', path)

    dialog = open_preferences(app)
    app.fill(dialog, 'Feed Address', server.url)
    app.fill(dialog, 'Access Token', feed['token'])
    said = test_connection(app, dialog, 'Not reachable')
    check('Cannot reach the feed server' in said, 'a stopped server is “not reachable”, in words')
    rawinput.pressKey('Escape')
    app.gone('frame', 'Preferences')
    token_file = os.path.join(os.environ['XDG_CONFIG_HOME'], 'interchange', 'feed-tokens')
    wait_for('the token to be kept', lambda: os.path.exists(token_file))

    outbox = app.cli_json('sync', '--status')['outbox']
    check(outbox > 1, 'changes made here wait in the outbox (%d)' % outbox)
    sync_now(app)
    node = indicator(app)
    message = wait_for('the indicator to say the feed cannot be reached',
                       lambda: 'to be sent' in (node.description or '') and node.description,
                       timeout=90)
    log('offline: ' + message)
    check(message.startswith('Cannot reach the feed server: '), 'the offline message is in words')
    check('%s changes made here wait to be sent' % format(outbox, ',') in message,
          'the offline message counts the %d changes waiting' % outbox)
    check(re.search(r'the next try is at \d\d:\d\d', message) is not None,
          'the offline message says when the next try is')
    popover_heading(app, 'Offline')

    server.start()
    check(server.url.endswith(':%d' % server.port), 'the server listens where it did')
    dialog = open_preferences(app)
    app.fill(dialog, 'Access Token', 'not-the-token')
    test_connection(app, dialog, 'does not accept this token')
    check(True, 'a wrong token is named as such')
    app.fill(dialog, 'Access Token', '')
    said = test_connection(app, dialog, 'accepts the token')
    check(said.startswith('Reached the feed'), 'with the kept token, the feed is reached')
    rawinput.pressKey('Escape')
    app.gone('frame', 'Preferences')

    sync_now(app)
    wait_for('the sync to end', lambda: indicator(app).description.startswith('Synced'), timeout=90)
    wait_for('the outbox to be sent', lambda: app.cli_json('sync', '--status')['outbox'] == 0, timeout=60)
    popover_heading(app, 'Synced')


try:
    ictest.run(test_feed_connection, setup=set_up)
finally:
    server.stop()

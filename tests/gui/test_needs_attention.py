# The Needs Attention page lists a capability not changed for two years
# and an open challenge past its deadline; Renew keeps the capability
# (a new revision, "renewed" in its history) and takes it off the list,
# Close closes the challenge.  A shortlist entry stuck at one stage
# opens its shortlist on the Shortlists page, whatever that page was
# showing or searching for.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sqlite3

import pyatspi

import ictest
from ictest import check, log, wait_for

STATE = {}


def setup(app):
    app.cli('demo')
    capability = sorted(app.cli_json('list', 'capabilities'), key=lambda c: c['title'].casefold())[0]
    challenge = sorted([c for c in app.cli_json('list', 'challenges') if c['status'] == 'open'],
                       key=lambda c: c['title'].casefold())[0]
    with sqlite3.connect(app.db, timeout=30) as db:
        db.execute("UPDATE capability SET updated_at = '2024-01-01T00:00:00.000000Z' WHERE id = ?",
                   (capability['id'],))
        db.execute("UPDATE challenge SET deadline = '2026-01-05' WHERE id = ?", (challenge['id'],))
    db.close()
    STATE['capability'] = capability
    STATE['challenge'] = challenge


def test_needs_attention(app):
    capability, challenge = STATE['capability'], STATE['challenge']
    review = app.cli_json('review')
    check(review['stale']['count'] == 1 and review['past-deadline']['count'] == 1,
          'the command line lists one stale record and one passed deadline')

    page = app.show_page('Needs Attention')
    app.click('push button', 'Renew “%s”' % capability['title'], parent=page, timeout=30)
    wait_for('the renewal', lambda: app.cli_json('review')['stale']['count'] == 0 or None, timeout=15)
    history = app.cli_json('history', capability['id'])
    log('history: %s' % [e['action'] for e in history])
    check(history[-1]['action'] == 'renewed', 'the history says it was renewed')
    app.gone('push button', 'Renew “%s”' % capability['title'], parent=page, timeout=15)
    check(True, 'and the page no longer lists it')

    app.click('push button', 'Close “%s”' % challenge['title'], parent=page, timeout=20)
    wait_for('the challenge closed',
             lambda: app.cli_json('show', challenge['id'])['status'] == 'closed' or None, timeout=15)
    check(True, 'Close closes the challenge')
    app.gone('push button', 'Close “%s”' % challenge['title'], parent=page, timeout=15)
    check(True, 'and it leaves the list')

    stuck = review['stuck']['items']
    check(len(stuck) >= 2, 'the sample data has entries stuck at one stage')
    target = stuck[0]['title']
    other = next(item['title'] for item in stuck if item['title'] != target)
    shortlists = app.show_page('Shortlists')
    app.open_shortlist(shortlists, other)
    page = app.show_page('Needs Attention')
    app.click('push button', 'Open the shortlist “%s”' % target, parent=page, timeout=20)
    listed = app.find('list', 'Shortlists', parent=shortlists)
    row = app.find('list item', target, parent=listed)
    wait_for('“%s” to be chosen' % target, lambda: row.getState().contains(pyatspi.STATE_SELECTED))
    check(True, 'Open Shortlist on a stuck entry chooses its shortlist, though another was searched for')
    sidebar = app.find('list', 'Pages', parent=app.window)
    check(app.find('list item', 'Shortlists', parent=sidebar).getState().contains(pyatspi.STATE_SELECTED),
          'and shows the Shortlists page')


ictest.run(test_needs_attention, setup=setup)

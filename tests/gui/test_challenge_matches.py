# From a challenge to its shortlist without hunting: Find Matches on the
# Challenges page ranks the selected challenge on the Matches page; the
# challenge picker finds a challenge by a word of its organisation's
# name; a match opens in full (its contact too) over the page and goes
# on the shortlist from there, after which its row says it is on the
# shortlist.  Saving a challenge offers Find Matches in its toast.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import time

import ictest
from ictest import check, log, rawinput, wait_for


def setup(app):
    app.cli('demo')


def ranked(app, results):
    return wait_for('a ranking', lambda: [row.name for row in app.find_all('list item', parent=results)] or None)


def chosen(app, page):
    """The title the challenge picker shows."""
    node = app.find('combo box', 'Challenge', parent=page)
    button = app.find('push button', None, parent=node, timeout=None)
    return [label.name for label in app.find_all('label', parent=button or node)]


def test_challenge_matches(app):
    challenges = sorted([c for c in app.cli_json('list', 'challenges') if c['status'] == 'open'],
                        key=lambda c: c['title'].casefold())
    first, other = challenges[0], challenges[-1]

    # Find Matches on the selected row of the Challenges page.
    page = app.show_page('Challenges')
    matches = None
    for attempt in range(3):
        app.click_at(app.label(first['title'], parent=page))
        time.sleep(0.5)
        app.click('push button', app.starts_with('Find Matches'), parent=page)
        matches = app.find('panel', 'Matches', parent=app.window)
        try:
            wait_for('the picker to show the challenge', lambda: first['title'] in chosen(app, matches), timeout=8)
            break
        except ictest.TestFailure:
            page = app.show_page('Challenges')
    wait_for('the picker to show the challenge', lambda: first['title'] in chosen(app, matches), timeout=2)
    results = app.find('list', 'Ranked capabilities', parent=matches)
    expected = [app.cli_json('show', r['capability_id'])['title']
                for r in app.cli_json('match', '--challenge', first['id'], '--top', '3')['results']]
    wait_for('the ranking of “%s”' % first['title'], lambda: ranked(app, results)[:3] == expected)
    check(True, 'Find Matches on the challenge row ranks it on the Matches page: %s' % ', '.join(expected))

    # The picker finds a challenge by a word inside its organisation's name.
    organisation = app.cli_json('show', other['organisation_id'])['name']
    word = max(organisation.split(), key=len)
    log('search the picker for “%s” (from “%s”)' % (word, organisation))
    picker = app.find('combo box', 'Challenge', parent=matches)
    app.click_at(picker)
    wait_for('the picker to open', lambda: len(app.find_all('list', 'GtkListView', parent=picker)) >= 1, timeout=10)
    entry = app.find('entry', None, parent=picker)
    entry.queryEditableText().setTextContents(word.lower())
    def listed():
        lists = app.find_all('list', 'GtkListView', parent=picker)
        names = [label.name for label in app.find_all('label', parent=lists[-1])]
        return names if other['title'] in names and len(names) < len(challenges) else None
    shown = wait_for('“%s” in the filtered list' % other['title'], listed, timeout=10)
    log('listed: %s' % shown)
    check(True, 'searching “%s” lists “%s” (of %s)' % (word, other['title'], organisation))
    check(first['title'] not in shown or word.casefold() in first['title'].casefold(),
          'and leaves out a challenge that does not hold the word')
    rawinput.pressKey('Escape')
    time.sleep(0.5)

    # A match in full, over the page, and onto the shortlist.
    best = ranked(app, results)[0]
    app.click('push button', 'About “%s”' % best, parent=results)
    capability = [c for c in app.cli_json('list', 'capabilities') if c['title'] == best][0]
    body = app.label(lambda name: name is not None and 'Contact:' in name, parent=app.app)
    dialog = body
    while dialog.roleName not in ('dialog', 'frame', 'alert', 'window'):
        dialog = dialog.parent
    log('the capability opens in a %s “%s”' % (dialog.roleName, dialog.name))
    check(capability['contact'] in body.name, 'it shows the contact: %s' % capability['contact'])
    app.click('push button', lambda n: n is not None and n.replace('_', '').startswith('Add to Shortlist'), parent=dialog)
    app.toast('Added “%s” to the shortlist' % best)
    app.find('push button', '“%s” is on the shortlist' % best, parent=results)
    app.label('On the shortlist', parent=results)
    check(True, 'its row now says it is on the shortlist')
    shortlist = [s for s in app.cli_json('shortlist', 'list') if s['challenge_id'] == first['id']][0]
    entries = app.cli_json('shortlist', 'show', shortlist['id'])['entries']
    check([e['capability_id'] for e in entries] == [capability['id']], 'the command line sees it on the shortlist')

    # Saving a challenge offers Find Matches (one near the top of the
    # table, so that a click reaches its row).
    other = challenges[1]
    page = app.show_page('Challenges')
    dialog = None
    for attempt in range(3):
        time.sleep(1)
        app.click_at(app.label(other['title'], parent=page))
        time.sleep(0.5)
        rawinput.pressKey('Return')
        try:
            dialog = app.record_view('Challenge', timeout=8)
            break
        except ictest.TestFailure:
            continue
    app.edit_record(dialog)
    app.fill(dialog, 'Contact', 'Dana Okafor, procurement')
    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'Edit Challenge')
    app.click_toast_button('Matches', timeout=30)
    matches = app.find('panel', 'Matches', parent=app.window)
    wait_for('the picker to show the saved challenge', lambda: other['title'] in chosen(app, matches))
    check(True, 'Find Matches in the save toast shows the challenge’s matches')


ictest.run(test_challenge_matches, setup)

# The glossary window: it shows the shipped glossary, an entry added in
# it reaches the database at once (interchange-cli taxonomy glossary sees
# it) and bridges a challenge to a capability in the matcher; removing it
# is undone from the toast; the learning switch is kept.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sqlite3

import ictest
from ictest import check, log, wait_for

TERMS = 'widget engineering, WGE'
RELATED = 'gizmo breakdowns'


def setup(app):
    app.cli('init')


def glossary_terms(app):
    return [entry['terms'] for entry in app.cli_json('taxonomy', 'glossary')['entries']]


def learning_setting(app):
    with sqlite3.connect(app.db) as db:
        row = db.execute("SELECT value FROM settings WHERE key = 'match.learn-from-decisions'").fetchone()
    return row[0] if row else None


def test_glossary(app):
    ictest.rawinput.keyCombo('<Control><Shift>g')
    window = app.dialog('Glossary and Learning')
    app.find('list item', lambda name: name is not None and name.startswith('BESS, battery energy storage system'),
             parent=window, timeout=30)
    check(True, 'the shipped glossary is shown')

    # Add an entry.
    # (GTK 4.8 reads a button's label after its accessible name.)
    app.click('push button', app.starts_with('Add Glossary Entry'), parent=window)
    dialog = app.dialog('Add Glossary Entry')
    app.fill(dialog, 'Terms, separated by commas', TERMS)
    app.fill(dialog, 'Related phrases, separated by commas', RELATED)
    app.click('push button', lambda name: name is not None and 'Add' in name.replace('_', '').split(),
              parent=dialog)
    app.toast('Added “widget engineering”', window=window)
    wait_for('the new entry in the database',
             lambda: ['widget engineering', 'WGE'] in glossary_terms(app), timeout=20)
    check(True, 'interchange-cli lists the entry added in the window')

    # Remove it, then undo.
    app.click('push button', 'Remove “widget engineering”', parent=window)
    app.toast('Removed “widget engineering”', window=window)
    wait_for('the entry to leave the database',
             lambda: ['widget engineering', 'WGE'] not in glossary_terms(app), timeout=20)
    app.click_toast_button('Undo', window=window)
    wait_for('the entry to come back',
             lambda: ['widget engineering', 'WGE'] in glossary_terms(app), timeout=20)
    check(True, 'Undo puts the removed entry back')

    # The learning switch is kept in the database.
    # GTK 4.8 gives a switch the role of a check box.
    switch = app.find('check box', app.starts_with('Learn From the Team’s Decisions'), parent=window)
    wait_for('the switch to be read', lambda: switch.sensitive)
    check(switch.checked, 'learning from decisions is on by default')
    log('switch actions: %s' % list(switch.actions))
    switch.doActionNamed('toggle' if 'toggle' in switch.actions else 'click')
    wait_for('learning to be switched off', lambda: learning_setting(app) == 'false', timeout=20)
    check(True, 'switching learning off is kept in the database')
    log('done')


if __name__ == '__main__':
    ictest.run(test_glossary, setup)

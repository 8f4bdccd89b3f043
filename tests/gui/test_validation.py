# A TRL range whose lowest value is above its highest is refused: the
# message shows under the TRL rows, the form stays open, and nothing is
# written.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import subprocess
import tempfile

import ictest
from ictest import check


def add_organisation(app):
    with tempfile.NamedTemporaryFile('w', suffix='.json') as f:
        json.dump({'name': 'Oldbury Sensor Foundry Ltd', 'kind': 'sme'}, f)
        f.flush()
        app.cli('init')
        app.cli('add', 'organisation', '--json', f.name)


def test_validation(app):
    page = app.show_page('Challenges')
    app.click('push button', 'Add Challenge', parent=page)
    dialog = app.dialog('New Challenge')
    app.fill(dialog, 'Title', 'Sensors that survive a furnace')
    app.choose(dialog, 'Organisation', 'Oldbury Sensor Foundry Ltd', dropdown=True)
    app.set_number(dialog, 'Lowest TRL', 7)
    app.set_number(dialog, 'Highest TRL', 3)
    app.click('push button', 'Save', parent=dialog)

    message = app.label(lambda name: name is not None and 'lowest TRL, 7, is above the highest, 3' in name,
                        parent=dialog)
    check(True, 'the form says: %s' % message.name)
    check(app.find(None, 'New Challenge', parent=app.app, timeout=2) is not None, 'the form is still open')
    row = app.find('spin button', app.starts_with('Lowest TRL'), parent=dialog)
    states = row.getState()
    # GTK 4.8 reports its invalid state as STATE_INVALID.
    check(states.contains(ictest.pyatspi.STATE_INVALID) or states.contains(ictest.pyatspi.STATE_INVALID_ENTRY),
          'the Lowest TRL field is marked invalid for assistive technologies')
    check(row.description == message.name, 'and described by the message')
    check(states.contains(ictest.pyatspi.STATE_FOCUSED), 'and has the focus')
    check(app.cli_json('list', 'challenges') == [], 'nothing was written')

    # Mending the range saves.
    app.set_number(dialog, 'Highest TRL', 8)
    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'New Challenge')
    challenges = app.cli_json('list', 'challenges')
    check(len(challenges) == 1 and (challenges[0]['trl_min'], challenges[0]['trl_max']) == (7, 8),
          'after mending, the challenge is saved with TRL 7–8')


ictest.run(test_validation, setup=add_organisation)

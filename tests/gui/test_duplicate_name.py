# A new organisation with the name of a stored one ("Limited" for "Ltd",
# in other case) is refused: the form says which organisation has the
# name, with its ID, stays open, and nothing is written.  Another name
# then saves.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import tempfile
import time

import ictest
from ictest import check, rawinput

STORED = 'Oldbury Sensor Foundry Ltd'


def add_organisation(app):
    with tempfile.NamedTemporaryFile('w', suffix='.json') as f:
        json.dump({'name': STORED, 'kind': 'sme'}, f)
        f.flush()
        app.cli('init')
        app.cli('add', 'organisation', '--json', f.name)


def test_duplicate_name(app):
    stored = app.cli_json('list', 'organisations')[0]
    page = app.show_page('Organisations')
    app.label(STORED, parent=page)
    # Ctrl+N: the page's Add Organisation button sits in the empty page.
    time.sleep(0.5)
    rawinput.keyCombo('<Control>n')
    dialog = app.dialog('New Organisation')
    app.fill(dialog, 'Name', 'OLDBURY sensor foundry Limited')
    app.click('push button', 'Save', parent=dialog)

    expected = 'An organisation named “%s” already exists (ID %s)' % (STORED, stored['id'])
    message = app.label(lambda name: name is not None and expected in name, parent=dialog)
    check(True, 'the form says: %s' % message.name)
    check(app.find(None, 'New Organisation', parent=app.app, timeout=2) is not None, 'the form is still open')
    check([o['name'] for o in app.cli_json('list', 'organisations')] == [STORED], 'nothing was written')

    app.fill(dialog, 'Name', 'Oldbury Sensor Works Ltd')
    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'New Organisation')
    names = sorted(o['name'] for o in app.cli_json('list', 'organisations'))
    check(names == ['Oldbury Sensor Foundry Ltd', 'Oldbury Sensor Works Ltd'], 'another name saves')


ictest.run(test_duplicate_name, setup=add_organisation)

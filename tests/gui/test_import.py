# A CSV file given on the command line opens in the import dialog: the
# preview shows its rows and the field of each column, the dry run names
# the bad row's row, column and rule, a changed mapping changes the
# result, and importing with "Skip bad rows" adds the good row, updates
# the known one and leaves the bad one out; the toast's Undo takes it
# all back.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import tempfile
import time

import ictest
from ictest import check

CSV = '''Company,Capability,Description,TRL,Standards held
Oldbury Sensor Foundry Ltd,Furnace sensors,Thermocouples that survive 1600 °C,6,ISO 9001
Tipton Robotics Ltd,Weld inspection robots,Crawling robots that inspect welds,7,
Dudley Data Co,Digital twins,Twins of production lines,12,
'''


def setup(app):
    app.cli('init')
    with tempfile.NamedTemporaryFile('w', suffix='.json') as f:
        json.dump({'name': 'Oldbury Sensor Foundry Ltd', 'kind': 'sme'}, f)
        f.flush()
        app.cli('add', 'organisation', '--json', f.name)
    organisation = app.cli_json('list', 'organisations')[0]
    with tempfile.NamedTemporaryFile('w', suffix='.json') as f:
        json.dump({'organisation_id': organisation['id'], 'title': 'Furnace sensors',
                   'description': 'Thermocouples', 'trl': 5}, f)
        f.flush()
        app.cli('add', 'capability', '--json', f.name)
    path = os.path.join(ictest.WORK, 'new capabilities.csv')
    with open(path, 'w') as f:
        f.write(CSV)
    app.args = [path]


def summary(app, dialog, text):
    return app.label(lambda name: name is not None and name.startswith('Of 3 rows') and text in name,
                     parent=dialog)


def choose_field(app, dialog, column, field):
    """Maps @column to @field.  A drop-down's popover can be slow to open
    on a loaded machine, so the choice is tried again before failing."""
    for attempt in range(3):
        try:
            return app.choose(dialog, 'Field for column “%s”' % column, field, dropdown=True)
        except ictest.TestFailure:
            if attempt == 2:
                raise
            time.sleep(1)


def test_import(app):
    dialog = app.dialog('Import')
    app.label('Furnace sensors', parent=dialog)
    check(app.find('combo box', app.starts_with('Records'), parent=dialog) is not None,
          'the dialog asks what the file holds')
    app.label('Capabilities', parent=dialog)
    app.label('Guessed from the column names', parent=dialog)
    field = app.find('combo box', 'Field for column “TRL”', parent=dialog)
    check('TRL' in [label.name for label in app.find_all('label', parent=field)],
          'the TRL column fills the TRL field')

    message = app.label(lambda name: name is not None and name.startswith('row 4, column TRL:'),
                        parent=dialog)
    check('12' in message.name, 'the bad row is named with its column and rule: %s' % message.name)
    summary(app, dialog, '1 would be added, 1 would update a record and 1 would be rejected')
    import_button = app.find('push button', 'Import', parent=dialog)
    check(not import_button.sensitive, 'Import waits for “Skip bad rows” while a row is bad')

    # Ignoring the TRL column leaves no row to reject.
    choose_field(app, dialog, 'TRL', 'Ignore')
    summary(app, dialog, '2 would be added, 1 would update a record and 0 would be rejected')
    app.gone('label', app.starts_with('row 4, column TRL:'), parent=dialog)
    check(import_button.sensitive, 'with nothing to reject, Import can run')

    # Back to TRL, and the unmapped column to certifications.
    choose_field(app, dialog, 'TRL', 'TRL')
    summary(app, dialog, '1 would be rejected')
    choose_field(app, dialog, 'Standards held', 'Certifications')
    summary(app, dialog, '1 would be added, 1 would update a record and 1 would be rejected')

    # GTK 4.8's switch takes no accessible action; it is clicked.
    switch = app.find('check box', 'Skip bad rows', parent=dialog)
    app.click_at(switch)
    ictest.wait_for('the switch to be on',
                    lambda: switch.getState().contains(ictest.pyatspi.STATE_CHECKED))
    ictest.wait_for('Import to be sensitive', lambda: import_button.sensitive)
    app.click('push button', 'Import', parent=dialog)

    app.toast('Added 1, updated 1; skipped 1 bad row')
    # The dialog stays with what was done, until closed.
    app.label('Imported 2 capabilities', parent=dialog)
    app.click('push button', 'Close', parent=dialog)
    app.gone(None, 'Import')

    page = app.show_page('Capabilities')
    app.label('Weld inspection robots', parent=page)
    capabilities = {c['title']: c for c in app.cli_json('list', 'capabilities')}
    check(sorted(capabilities) == ['Furnace sensors', 'Weld inspection robots'],
          'the good row was added and the bad one left out')
    check(capabilities['Furnace sensors']['trl'] == 6 and
          capabilities['Furnace sensors']['description'].startswith('Thermocouples that survive'),
          'the known capability was updated')
    check(capabilities['Furnace sensors']['certifications'] == ['ISO 9001'],
          'the column mapped by hand filled its field')
    organisations = sorted(o['name'] for o in app.cli_json('list', 'organisations'))
    check(organisations == ['Oldbury Sensor Foundry Ltd', 'Tipton Robotics Ltd'],
          'the new row’s organisation was added, the bad row’s was not')

    # The toast's Undo takes the whole import back, after the dialog closed.
    app.click_toast_button('Undo')
    app.toast('Import undone')
    capabilities = {c['title']: c for c in app.cli_json('list', 'capabilities')}
    check(sorted(capabilities) == ['Furnace sensors'] and
          capabilities['Furnace sensors']['trl'] == 5 and
          capabilities['Furnace sensors']['description'] == 'Thermocouples',
          'the added capability is gone and the updated one is as it was')
    organisations = sorted(o['name'] for o in app.cli_json('list', 'organisations'))
    check(organisations == ['Oldbury Sensor Foundry Ltd'], 'the added organisation is gone')


ictest.run(test_import, setup=setup)

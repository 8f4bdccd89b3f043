# An import cancelled while it runs, and one that fails, leave the
# database exactly as it was, and the dialog says so in words.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import tempfile

import ictest
from ictest import check

ROWS = 200000


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

    # Large enough that the import runs for seconds: its first row
    # updates the stored capability, the others add new ones.
    path = os.path.join(ictest.WORK, 'many capabilities.csv')
    with open(path, 'w') as f:
        f.write('Company,Capability,Description,TRL\n')
        f.write('Oldbury Sensor Foundry Ltd,Furnace sensors,Thermocouples that survive 1600 °C,6\n')
        for i in range(1, ROWS):
            f.write('Firm %d Ltd,Capability %d,Does thing %d well with lasers and robots,%d\n'
                    % (i % 500, i, i, 1 + i % 9))
    app.args = [path]


def database(app):
    return (app.cli('list', 'capabilities', '--json'), app.cli('list', 'organisations', '--json'),
            app.cli('list', 'challenges', '--json'))


def test_import_cancel(app):
    before = database(app)
    dialog = app.dialog('Import')
    app.label(lambda name: name is not None and name.startswith('Of %d rows, %d would be added, 1 would update'
                                                                 % (ROWS, ROWS - 1)),
              parent=dialog, timeout=60)
    import_button = app.find('push button', 'Import', parent=dialog)
    ictest.wait_for('Import to be sensitive', lambda: import_button.sensitive)

    app.click('push button', 'Import', parent=dialog)
    ictest.wait_for('the import to start', lambda: not import_button.sensitive)
    progress = app.find('progress bar', 'Import progress', parent=dialog)
    check(progress is not None, 'a progress bar shows while the import runs')
    app.click('push button', 'Cancel', parent=dialog)

    app.label('Import cancelled; nothing was written.', parent=dialog, timeout=60)
    check(app.find(None, 'Import', parent=app.app, timeout=2) is not None, 'the dialog stays open')
    ictest.wait_for('Import to be sensitive again', lambda: import_button.sensitive)
    check(database(app) == before, 'the database is exactly as it was after the cancel')

    # The file goes away before the import: it fails, in words.
    os.unlink(app.args[0])
    app.click('push button', 'Import', parent=dialog)
    message = app.label(app.starts_with('The import failed and nothing was written:'), parent=dialog,
                        timeout=60)
    check('No such file' in message.name, 'the failure names its cause: %s' % message.name)
    check(database(app) == before, 'the database is exactly as it was after the failure')

    app.click('push button', 'Cancel', parent=dialog)
    app.gone(None, 'Import')


ictest.run(test_import_cancel, setup=setup)

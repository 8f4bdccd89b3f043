# A partner's spreadsheet as it comes (tests/data/partner-smes.csv: a
# BOM, CRLF, extra columns, a row without a company name, a blank row
# at the end, sectors and TRLs in their own words) opens in the import
# dialog: it is read as capabilities, the columns it will not read are
# named, each value that matches no cluster is listed once with its rows
# and mapped for all of them, the row without a name says so in words;
# after the import the dialog shows what was skipped and why, and Undo
# takes the whole import back.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import tempfile

import ictest
from ictest import check

SHEET = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'partner-smes.csv')


def setup(app):
    app.cli('init')
    with tempfile.NamedTemporaryFile('w', suffix='.json') as f:
        json.dump({'name': 'Brindley Coatings Ltd', 'kind': 'sme'}, f)
        f.flush()
        app.cli('add', 'organisation', '--json', f.name)
    path = os.path.join(ictest.WORK, 'Partner SMEs November.csv')
    shutil.copyfile(SHEET, path)
    app.args = [path]


def summary(app, dialog, text):
    return app.label(lambda name: name is not None and name.startswith('Of 31 rows') and text in name,
                     parent=dialog)


def test_import_messy(app):
    dialog = app.dialog('Import')
    app.label('Capabilities', parent=dialog)
    app.label('Guessed from the column names', parent=dialog)
    app.label(lambda name: name is not None and name.startswith(
        'Not imported: the columns “Typical project value”, “Date added”, “Account manager”'),
        parent=dialog)
    app.label('row 8: the company name is empty', parent=dialog)
    app.label('row 4, column TRL: “6-7” is a range; the lower end, 6, is kept', parent=dialog)
    summary(app, dialog, '30 would be added, 0 would update a record and 1 would be rejected')

    # The values nothing matched, once each with their rows.
    app.label('Values to Map', parent=dialog)
    app.label('Cluster, in 5 rows', parent=dialog)
    app.find('combo box', app.starts_with('Advanced Manufacturing'), parent=dialog)
    check(app.find('combo box', app.starts_with('Low Carbon'), parent=dialog, timeout=None) is None,
          '“Low Carbon” is a known cluster, not a value to map')
    app.choose(dialog, 'Digital', 'Creative')
    summary(app, dialog, '30 would be added')

    switch = app.find('check box', 'Skip bad rows', parent=dialog)
    app.click_at(switch)
    ictest.wait_for('the switch to be on',
                    lambda: switch.getState().contains(ictest.pyatspi.STATE_CHECKED))
    import_button = app.find('push button', 'Import', parent=dialog)
    ictest.wait_for('Import to be sensitive', lambda: import_button.sensitive)
    app.click('push button', 'Import', parent=dialog)

    app.toast('Added 30, updated 0; skipped 1 bad row')
    app.label('Imported 30 capabilities', parent=dialog)
    app.label(lambda name: name is not None and name.startswith('Of 31 rows, 30 were added'),
              parent=dialog)
    app.label('row 8: the company name is empty', parent=dialog)

    capabilities = {c['title']: c for c in app.cli_json('list', 'capabilities')}
    check(len(capabilities) == 30, 'thirty capabilities were imported')
    check(capabilities['Computer vision for quality inspection']['cluster'] == 'creative',
          '“Digital” was taken as the cluster chosen for it')
    check(capabilities['Heat pump design for light industrial units']['cluster'] == 'low-carbon-energy'
          and capabilities['Heat pump design for light industrial units']['trl'] == 6,
          '“Low Carbon” and “6-7” were read')
    organisations = {o['name']: o for o in app.cli_json('list', 'organisations')}
    check('Brindley Coatings Limited' not in organisations and
          organisations['Brindley Coatings Ltd']['phone'] == '0121 496 0732',
          'the firm like a stored one updated it rather than add another')
    check(organisations['Arden Robotics']['employees'] == 14 and
          organisations['Arden Robotics']['website'] == 'https://www.arden-robotics.example',
          'the staff and website columns filled the new organisation')

    app.click('push button', lambda name: name is not None and 'Undo Import' in name.replace('_', ''),
              parent=dialog)
    app.label('Import Undone', parent=dialog)
    ictest.wait_for('the capabilities to go', lambda: app.cli_json('list', 'capabilities') == [])
    organisations = {o['name']: o for o in app.cli_json('list', 'organisations')}
    check(list(organisations) == ['Brindley Coatings Ltd'] and
          organisations['Brindley Coatings Ltd']['phone'] is None,
          'the undo removed the new organisations and gave the stored one back as it was')
    app.click('push button', 'Close', parent=dialog)
    app.gone(None, 'Import')


ictest.run(test_import_messy, setup=setup)

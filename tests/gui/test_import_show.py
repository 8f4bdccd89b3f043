# After an import, "Show Imported Records" lists exactly the records the
# import wrote, among many others (the sample data), with a bar naming
# the import; Show All lists every record again.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os

import ictest
from ictest import check, log, wait_for

CSV = '''Company,Capability,Description,TRL
Quarry Bank Ceramics Ltd,Kiln heat recovery audits,Heat recovery surveys for small kilns,6
Lye Waste Streams Ltd,Foundry sand reuse trials,Trials of reused foundry sand in blocks,5
Amblecote Optics Ltd,Glass defect imaging,Line-scan imaging of float glass defects,7
'''
IMPORTED = ['Kiln heat recovery audits', 'Foundry sand reuse trials', 'Glass defect imaging']


def setup(app):
    app.cli('demo')
    path = os.path.join(ictest.WORK, 'partner capabilities.csv')
    with open(path, 'w') as f:
        f.write(CSV)
    app.args = [path]


def shown_titles(app, page, all_titles):
    """The capability titles the table shows (labels that are titles)."""
    return {label.name for label in app.find_all('label', parent=page)} & all_titles


def test_import_show(app):
    before = len(app.cli_json('list', 'capabilities'))
    dialog = app.dialog('Import')
    app.label('Kiln heat recovery audits', parent=dialog)
    app.click('push button', 'Import', parent=dialog)
    app.toast('Added 3, updated 0')
    app.label('Imported 3 capabilities', parent=dialog)
    app.click('push button', lambda name: name is not None and 'Show Imported Records' in name.replace('_', ''),
              parent=dialog)
    app.gone(None, 'Import')

    capabilities = app.cli_json('list', 'capabilities')
    all_titles = {c['title'] for c in capabilities}
    check(len(capabilities) == before + 3 and set(IMPORTED) <= all_titles,
          'the command line lists the three imported capabilities among %d' % len(capabilities))
    app.label('Showing the 3 records of the import from “partner capabilities.csv”')
    app.label('3 capabilities')
    wait_for('the imported titles alone',
             lambda: shown_titles(app, app.app, all_titles) == set(IMPORTED) or None, timeout=20)
    check(True, 'the table shows exactly the three imported capabilities')

    app.click('push button', lambda name: name is not None and name.startswith('Show All Records'))
    total = '{:,} capabilities'.format(len(capabilities))
    app.label(total)
    check(True, 'Show All lists every capability again (%s)' % total)
    app.gone('label', 'Showing the 3 records of the import from “partner capabilities.csv”')
    shown = shown_titles(app, app.app, all_titles)
    log('shown after Show All: %d titles' % len(shown))
    check(len(shown - set(IMPORTED)) > 0, 'other capabilities show again')


ictest.run(test_import_show, setup=setup)

# The import's review lists the rows it takes as stored organisations.
# A row with a stored organisation's website but a name of its own can
# be kept apart (Keep Apart), and is then added as an organisation of
# its own; a row whose name the database counts as the same says it will
# update, with no choice.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os

import ictest
from ictest import check

STATE = {}


def setup(app):
    app.cli('demo')
    organisations = sorted(app.cli_json('list', 'organisations'), key=lambda o: o['name'].casefold())
    by_website = [o for o in organisations if o.get('website')][0]
    by_name = [o for o in organisations if o['id'] != by_website['id']][0]
    STATE.update(by_website=by_website, by_name=by_name, n=len(organisations))
    path = os.path.join(ictest.WORK, 'partner capabilities.csv')
    with open(path, 'w') as f:
        f.write('Company,Capability,Description,TRL,Website\n')
        f.write('Wollescote Tooling Works,Press tool refurbishment,Refurbishing press tools,6,%s\n'
                % by_website['website'])
        # The same firm to the database: "Ltd" and "Limited" do not count.
        name = by_name['name']
        name = name[:-len(' Ltd')] + ' Limited' if name.endswith(' Ltd') else name + ' Ltd'
        f.write('"%s",Coating trials,Trials of new coatings,5,\n' % name)
    app.args = [path]


def test_import_keep_apart(app):
    by_website, by_name = STATE['by_website'], STATE['by_name']
    dialog = app.dialog('Import')
    app.label('Stored Organisations', parent=dialog)
    app.label(lambda name: name is not None and 'has the website of “%s”' % by_website['name'] in name,
              parent=dialog)
    check(True, 'the row with a stored website is listed as an update of “%s”' % by_website['name'])
    app.label(lambda name: name is not None and 'same name as “%s” — will update it' % by_name['name'] in name,
              parent=dialog)
    check(True, 'the row with the same name says it will update, with no choice')

    app.choose(dialog, 'Wollescote Tooling Works', 'Keep Apart')
    check(True, 'Keep Apart chosen for the row with the website')
    app.click('push button', 'Import', parent=dialog)
    app.toast('Added 2, updated 0')

    organisations = app.cli_json('list', 'organisations')
    kept = [o for o in organisations if o['name'] == 'Wollescote Tooling Works']
    check(len(organisations) == STATE['n'] + 1 and len(kept) == 1,
          'one organisation was added: “Wollescote Tooling Works”')
    capabilities = {c['title']: c for c in app.cli_json('list', 'capabilities')}
    check(capabilities['Press tool refurbishment']['organisation_id'] == kept[0]['id'],
          'the kept-apart row’s capability belongs to the new organisation')
    check(capabilities['Coating trials']['organisation_id'] == by_name['id'],
          'the same-name row’s capability belongs to “%s”' % by_name['name'])
    stored = app.cli_json('show', by_website['id'])
    check(stored['name'] == by_website['name'], '“%s” is left as it was' % by_website['name'])


ictest.run(test_import_keep_apart, setup=setup)

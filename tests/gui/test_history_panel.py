# The editor's History panel lists every change of the record, newest
# first, with who made it and the fields it changed: a change from the
# command line before the window opened, then one saved in the window.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os

import ictest
from ictest import check, log, rawinput, wait_for

STATE = {}


def setup(app):
    app.cli('demo')
    org = sorted(app.cli_json('list', 'organisations'), key=lambda o: o['name'].casefold())[0]
    path = os.path.join(ictest.WORK, 'update.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump({'website': 'https://from-the-command-line.example.com',
                   'cluster': 'aerospace' if org['cluster'] != 'aerospace' else 'rail'}, f)
    app.cli('update', org['id'], '--json', path)
    STATE['org'] = org


def open_editor(app, org):
    page = app.show_page('Organisations')
    app.click_at(app.label(org['name'], parent=page))
    rawinput.pressKey('Return')
    return app.edit_record('Organisation')


def history_rows(app, dialog):
    history = app.find('list', 'History', parent=dialog)
    rows = [row for row in app.find_all('list item', parent=history)
            if row.parent is not None and row.parent == history]
    names = []
    for row in rows:
        labels = [node.name for node in app.find_all('label', parent=row) if node.name]
        names.append(labels)
    return names


def test_history_panel(app):
    org = STATE['org']
    dialog = open_editor(app, org)
    rows = wait_for('the history rows', lambda: history_rows(app, dialog) or None, timeout=20)
    log('history: %s' % rows)
    check(len(rows) == 2, 'two changes are listed: %s' % rows)
    check(any(label.startswith('Changed by') for label in rows[0]), 'the newest is a change')
    check(any(label.startswith('Created by') for label in rows[1]), 'the oldest made the record')
    text = ' '.join(rows[0])
    check('Website' in rows[0] and 'https://from-the-command-line.example.com' in text,
          'the change names the field as the form does, and its new value: %s' % rows[0])
    check('website' not in rows[0], 'no raw field name: %s' % rows[0])
    cluster_names = {c['id']: c['name'] for c in app.cli_json('taxonomy', 'list')['clusters']}
    after = app.cli_json('show', org['id'])['cluster']
    check('%s → %s' % (cluster_names[org['cluster']], cluster_names[after]) in rows[0],
          'a cluster reads by its name, not its id: %s' % rows[0])
    created = rows[1]
    check('Name' in created and org['name'] in created and 'Kind' in created,
          'the new record lists the values it was given: %s' % created)
    places = {p['id']: p['name'] for p in app.cli_json('taxonomy', 'list')['places']}
    check(places[org['local_authority']] in created and org['local_authority'] not in created,
          'a place reads by its name: %s' % created)
    check('Shared with the team' in created and 'team' not in created,
          'a choice from a list reads as the form names it: %s' % created)

    app.fill(dialog, 'Website', 'https://from-the-window.example.com')
    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'Edit Organisation')
    wait_for('the save', lambda: app.cli_json('show', org['id'])['website']
             == 'https://from-the-window.example.com' or None)
    entries = app.cli_json('history', org['id'])
    check([e['action'] for e in entries] == ['created', 'changed', 'changed'],
          'the command line lists three changes')

    dialog = open_editor(app, org)
    rows = wait_for('three history rows', lambda: (lambda r: r if len(r) == 3 else None)(
        history_rows(app, dialog)), timeout=20)
    text = ' '.join(rows[0])
    check('https://from-the-command-line.example.com' in text and 'https://from-the-window.example.com' in text,
          'the newest row shows the website before and after: %s' % rows[0])


ictest.run(test_history_panel, setup=setup)

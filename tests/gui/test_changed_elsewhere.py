# A record written elsewhere while the window edits it is never silently
# overwritten.  An organisation open in the editor is updated by an
# import from the command line: Save says it was changed elsewhere and
# writes nothing; Reload brings in the stored record with the edit kept
# on top, and saving then keeps both changes; Save on a form with no
# change just closes it.  A shortlist on the
# Shortlists page is written by another connection (as a sync does):
# the next edit is refused in words, Reload shows the stored shortlist,
# and Keep Mine writes the window's version over it when asked.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3

import ictest
from ictest import check, rawinput, wait_for

STATE = {}


def setup(app):
    app.cli('demo')
    challenges = [c for c in app.cli_json('list', 'challenges') if c['status'] == 'open']
    challenge = sorted(challenges, key=lambda c: c['title'].casefold())[0]
    STATE['shortlist'] = app.cli('shortlist', 'create', '--challenge', challenge['id'], '--top', '3').strip()


def button(app, label, parent):
    """A push button by its label; a mnemonic label reads "_Reload Reload"
    in GTK 4.8's accessible name."""
    return app.find('push button', lambda name: name is not None and label in name.replace('_', '').split(),
                    parent=parent)


def write_elsewhere(app, sql, *params):
    """Writes the shortlist through a connection of its own, as a sync
    does, moving its rev on."""
    with sqlite3.connect(app.db, timeout=30) as db:
        db.execute(sql, params)
        db.execute('UPDATE shortlist SET rev = rev + 1 WHERE id = ?', (STATE['shortlist'],))
    db.close()


def test_editor(app):
    org = sorted(app.cli_json('list', 'organisations'), key=lambda o: o['name'].casefold())[0]
    page = app.show_page('Organisations')
    app.click_at(app.label(org['name'], parent=page))
    rawinput.pressKey('Return')
    dialog = app.edit_record('Organisation')
    app.fill(dialog, 'Website', 'https://edited-in-the-window.example.com')

    # The command line updates the same organisation meanwhile.
    csv_path = os.path.join(ictest.WORK, 'organisation.csv')
    with open(csv_path, 'w', encoding='utf-8') as f:
        f.write('id,name,kind,notes\n%s,%s,%s,Written by the command line\n' % (org['id'], org['name'], org['kind']))
    app.cli('import', 'organisations', csv_path)

    app.click('push button', 'Save', parent=dialog)
    banner = app.label(lambda name: name is not None and 'was changed elsewhere' in name, parent=dialog)
    check(org['name'] in banner.name, 'the form says, naming it: %s' % banner.name)
    stored = app.cli_json('show', org['id'])
    check(stored['notes'] == 'Written by the command line' and stored['website'] == org['website'],
          'nothing was written over the command line’s change')

    button(app, 'Reload', dialog).doActionNamed('click')
    app.label(lambda name: name is not None and name.startswith('Reloaded') and 'kept on top' in name,
              parent=dialog)
    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'Edit Organisation')
    stored = wait_for('the save', lambda: (lambda s: s if s['rev'] == org['rev'] + 2 else None)(
        app.cli_json('show', org['id'])))
    check(stored['notes'] == 'Written by the command line'
          and stored['website'] == 'https://edited-in-the-window.example.com',
          'after Reload and Save both changes are stored')


def test_editor_unchanged(app):
    """Save on a form with no change closes it, even when the record was
    changed elsewhere meanwhile: there is nothing of this person's to
    keep, and no revision is written."""
    org = sorted(app.cli_json('list', 'organisations'), key=lambda o: o['name'].casefold())[1]
    page = app.show_page('Organisations')
    app.click_at(app.label(org['name'], parent=page))
    rawinput.pressKey('Return')
    dialog = app.edit_record('Organisation')

    csv_path = os.path.join(ictest.WORK, 'organisation-unchanged.csv')
    with open(csv_path, 'w', encoding='utf-8') as f:
        f.write('id,name,kind,notes\n%s,%s,%s,Changed while the form was open\n' % (org['id'], org['name'], org['kind']))
    app.cli('import', 'organisations', csv_path)

    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'Edit Organisation')
    stored = app.cli_json('show', org['id'])
    check(stored['notes'] == 'Changed while the form was open' and stored['rev'] == org['rev'] + 1,
          'the form closed and wrote nothing over the other change (rev %d)' % stored['rev'])


def notes(app):
    return [entry.get('note') for entry in app.cli_json('shortlist', 'show', STATE['shortlist'])['entries']]


def type_note(app, entries, title, text):
    note = app.find('text', 'Note on “%s”' % title, parent=entries)
    app.click_at(note)
    note.queryEditableText().setTextContents(text)
    rawinput.pressKey('Return')


def test_shortlist(app):
    record = app.cli_json('shortlist', 'show', STATE['shortlist'])
    titles = [app.cli_json('show', e['capability_id'])['title'] for e in record['entries']]
    page = app.show_page('Shortlists')
    entries = app.open_shortlist(page, record['name'])
    wait_for('three rows', lambda: len(app.find_all('list item', parent=entries)) == 3)

    # Renamed elsewhere: the next edit is refused and says so.
    write_elsewhere(app, 'UPDATE shortlist SET name = ? WHERE id = ?', 'Renamed elsewhere', STATE['shortlist'])
    type_note(app, entries, titles[1], 'Call in March')
    toast = app.toast('“%s” was changed elsewhere: the change was not saved' % record['name'])
    check(True, 'a toast says “%s”' % toast.name)
    shown = app.cli_json('shortlist', 'show', STATE['shortlist'])
    check(shown['name'] == 'Renamed elsewhere' and shown['entries'][1].get('note') in (None, ''),
          'the other change stands and the window’s was not written over it')

    # Reload shows the stored shortlist; an edit then saves.
    button(app, 'Reload', page).doActionNamed('click')
    entries = app.find('list', 'Entries of “Renamed elsewhere”', parent=page)
    type_note(app, entries, titles[1], 'Call in March')
    wait_for('the note to be saved', lambda: notes(app)[1] == 'Call in March')
    check(app.cli_json('shortlist', 'show', STATE['shortlist'])['name'] == 'Renamed elsewhere',
          'after Reload the note is saved and the new name kept')

    # Changed elsewhere again; this time the window's version is kept.
    write_elsewhere(app, 'UPDATE shortlist_entry SET stage = ? WHERE shortlist_id = ? AND position = 0',
                    'declined', STATE['shortlist'])
    type_note(app, entries, titles[2], 'Visit the depot')
    app.toast('“Renamed elsewhere” was changed elsewhere: the change was not saved')
    check(notes(app)[2] in (None, ''), 'the refused note is not stored')
    # GTK 4.8 reads a labelled button as its accessible label and its text.
    app.click('push button', app.starts_with('Keep this version of “Renamed elsewhere”'), parent=page)
    wait_for('the kept version to be saved', lambda: notes(app)[2] == 'Visit the depot')
    shown = app.cli_json('shortlist', 'show', STATE['shortlist'])
    check(shown['entries'][0]['stage'] == 'proposed' and shown['entries'][1].get('note') == 'Call in March',
          'Keep Mine wrote the window’s whole shortlist over the other change')


def test_changed_elsewhere(app):
    test_editor_unchanged(app)
    test_editor(app)
    test_shortlist(app)


ictest.run(test_changed_elsewhere, setup=setup)

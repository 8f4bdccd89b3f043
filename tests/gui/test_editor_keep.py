# Nothing typed in a form is lost.  Escape with a change asks first: Keep Editing leaves the
# form as it was, Discard closes it and writes nothing.  A change typed
# and then lost to a crash (the program killed) is offered back the next
# time the record is opened, and Restore then Save writes it.  Escape
# with no change closes at once.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import signal

import ictest
from ictest import check, rawinput, wait_for

NOTE = 'Spoke to the works manager about a trial'


def setup(app):
    app.cli('demo')


def button(app, label, parent):
    # A mnemonic label reads "_Discard Discard" in GTK 4.8's accessible name.
    return app.find('push button', lambda name: name is not None and
                    (name.replace('_', '') == label or name.replace('_', '').startswith(label + ' ')),
                    parent=parent)


def open_organisation(app, name):
    page = app.show_page('Organisations')
    app.click_at(app.label(name, parent=page))
    rawinput.pressKey('Return')
    return app.edit_record('Organisation')


def test_editor_keep(app):
    org = sorted(app.cli_json('list', 'organisations'), key=lambda o: o['name'].casefold())[0]
    dialog = open_organisation(app, org['name'])
    app.find('text', app.starts_with('Name'), parent=dialog)

    # Escape with a change asks; Keep Editing keeps the form and the change.
    app.fill(dialog, 'Website', 'https://typed-but-not-saved.example.com')
    rawinput.pressKey('Escape')
    ask = app.dialog('Save Changes?')
    check(True, 'Escape with a change asks “Save Changes?”')
    button(app, 'Keep Editing', ask).doActionNamed('click')
    app.gone(None, 'Save Changes?')
    check(app.record_view('Edit Organisation', timeout=5) == dialog
          and app.find('text', app.starts_with('Website'), parent=dialog, timeout=5) is not None,
          'Keep Editing leaves the form open')

    # Cancel asks too; Discard closes and writes nothing.
    app.click('push button', 'Cancel', parent=dialog)
    ask = app.dialog('Save Changes?')
    button(app, 'Discard', ask).doActionNamed('click')
    app.gone(None, 'Edit Organisation')
    stored = app.cli_json('show', org['id'])
    check(stored.get('website') == org.get('website'), 'Discard writes nothing')

    # Escape, then Save in the question, writes the change.
    dialog = open_organisation(app, org['name'])
    app.fill(dialog, 'Website', 'https://saved-from-the-question.example.com')
    rawinput.pressKey('Escape')
    ask = app.dialog('Save Changes?')
    button(app, 'Save', ask).doActionNamed('click')
    app.gone(None, 'Edit Organisation')
    check(app.cli_json('show', org['id']).get('website') == 'https://saved-from-the-question.example.com',
          'Save in the question writes the change')

    # Unchanged: Escape closes at once.
    dialog = open_organisation(app, org['name'])
    app.click_at(app.find('text', app.starts_with('Name'), parent=dialog))
    rawinput.pressKey('Escape')
    app.gone(None, 'Edit Organisation')
    check(app.find(None, 'Save Changes?', timeout=None) is None, 'Escape with no change closes without asking')

    # A change typed, then the program is killed: the draft outlives it.
    dialog = open_organisation(app, org['name'])
    app.fill(dialog, 'Notes', NOTE)
    drafts = os.path.join(os.environ['XDG_DATA_HOME'], 'interchange', 'drafts')

    def draft_written():
        for folder, _dirs, files in os.walk(drafts):
            if org['id'] + '.json' in files:
                return True
        return False
    wait_for('the draft to be written', draft_written, timeout=10)
    check(True, 'a draft is kept while the form has changes')
    os.kill(app.process.pid, signal.SIGKILL)
    app.process.wait()
    app.stop()
    app.start()

    dialog = open_organisation(app, org['name'])
    app.label(lambda name: name is not None and 'were not saved' in name, parent=dialog)
    check(True, 'opened again, the form says changes were not saved')
    button(app, 'Restore', dialog).doActionNamed('click')
    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'Edit Organisation')
    check(app.cli_json('show', org['id']).get('notes') == NOTE, 'Restore, then Save, writes the notes typed before the crash')
    wait_for('the draft to go', lambda: not draft_written(), timeout=10)
    check(True, 'once saved, the draft is gone')


ictest.run(test_editor_keep, setup)

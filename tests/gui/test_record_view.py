# Opening a stored record shows it first: its values as text, its
# History, no field that takes typing and none with the keyboard.  Edit
# (here Ctrl+E) brings the same window over to the form; a change then
# saves.  Escape closes the view at once, and a new record opens
# straight in the form.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import time

import ictest
from ictest import check, pyatspi, rawinput, wait_for


def setup(app):
    app.cli('demo')


def open_organisation(app, name):
    page = app.show_page('Organisations')
    app.click_at(app.label(name, parent=page))
    rawinput.pressKey('Return')
    return app.record_view('Organisation')


def takes_typing(node):
    """A text node in the window that can be typed into (GTK 4.8 leaves
    a hidden widget out of the tree, and reports "visible" but never
    "showing")."""
    try:
        states = node.getState()
        return states.contains(pyatspi.STATE_VISIBLE) and states.contains(pyatspi.STATE_EDITABLE)
    except Exception:
        return False


def test_record_view(app):
    org = [o for o in sorted(app.cli_json('list', 'organisations'), key=lambda o: o['name'].casefold())
           if o.get('website')][0]

    view = open_organisation(app, org['name'])
    check(True, 'a stored organisation opens in a window called “Organisation”')
    app.label(org['website'], parent=view)
    app.label(org['name'], parent=view)
    check(True, 'its name and website are shown as text')
    app.find('list', 'History', parent=view)
    check(True, 'its History is shown')
    time.sleep(0.5)
    texts = app.find_all('text', parent=view)
    check(not any(takes_typing(node) for node in texts), 'no field on screen takes typing')
    check(not any(node.focused for node in texts), 'no field has the keyboard')
    check(app.find('push button', lambda n: n is not None and n.replace('_', '') == 'Save',
                   parent=view, timeout=None) is None, 'there is nothing to save')
    edit = app.find('push button', lambda n: n is not None and n.replace('_', '') in ('Edit', 'Edit Edit'),
                    parent=view)
    check(edit.focused, 'the keyboard is on Edit')

    # Escape closes the view at once: nothing was changed.
    rawinput.pressKey('Escape')
    app.gone(None, 'Organisation')
    check(app.find(None, 'Save Changes?', timeout=None) is None, 'Escape closes the view without asking')

    # Ctrl+E: the same window becomes the form.
    view = open_organisation(app, org['name'])
    time.sleep(0.5)
    rawinput.keyCombo('<Control>e')
    wait_for('the window to read “Edit Organisation”', lambda: view.name == 'Edit Organisation')
    check(True, 'Ctrl+E brings the window over to the form')
    website = app.find('text', app.starts_with('Website'), parent=view)
    wait_for('the Website field to take typing', lambda: takes_typing(website))
    check(True, 'the fields now take typing')
    app.fill(view, 'Website', 'https://changed-after-edit.example.com')
    app.click('push button', 'Save', parent=view)
    app.gone(None, 'Edit Organisation')
    wait_for('the save', lambda: app.cli_json('show', org['id']).get('website')
             == 'https://changed-after-edit.example.com' or None)
    check(True, 'the change is saved (the command line shows it)')

    # Opened again, the view shows the saved value; the Edit button does
    # what Ctrl+E did.
    view = open_organisation(app, org['name'])
    app.label('https://changed-after-edit.example.com', parent=view)
    check(True, 'opened again, the view shows the saved website')
    app.edit_record(view)
    check(view.name == 'Edit Organisation', 'the Edit button opens the form')
    app.click('push button', 'Cancel', parent=view)
    app.gone(None, 'Edit Organisation')

    # A new record opens straight in the form.
    app.show_page('Organisations')
    rawinput.keyCombo('<Control>n')
    form = app.dialog('New Organisation')
    name = app.find('text', app.starts_with('Name'), parent=form)
    wait_for('the Name field to take typing', lambda: takes_typing(name))
    check(True, 'a new organisation opens in the form')
    rawinput.pressKey('Escape')
    app.gone(None, 'New Organisation')


ictest.run(test_record_view, setup)

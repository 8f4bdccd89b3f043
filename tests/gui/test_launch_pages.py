# The window opens on the page it was left on and builds the others only
# when they are first shown; a page reached by its Alt+number shortcut
# works as one picked in the sidebar: it has its accessible names, its
# records counted, and Ctrl+N and Ctrl+F act on it.  The page left open
# is the one the next launch shows.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import subprocess

import pyatspi

import ictest
from ictest import check, rawinput, wait_for

SCHEMA = 'io.github.wmvit.Interchange'


def gsettings_get(key):
    return subprocess.run(['gsettings', 'get', SCHEMA, key], capture_output=True, text=True,
                          check=True).stdout.strip().strip("'")


def setup(app):
    app.cli('demo')
    subprocess.run(['gsettings', 'set', SCHEMA, 'last-page', 'workshop'], check=True)


def panel(app, title, timeout=ictest.DEFAULT_TIMEOUT):
    return app.find('panel', title, parent=app.window, timeout=timeout)


def shown(app, title):
    """The page @title, once it is built and chosen in the sidebar (GTK
    4.8 does not tell which stack page is showing)."""
    page = panel(app, title)
    row = app.find('list item', title, parent=app.find('list', 'Pages', parent=app.window))
    wait_for('the %s page to show' % title,
             lambda: row.getState().contains(pyatspi.STATE_SELECTED))
    return page


def press(app, keys, title):
    ictest.log('press %s' % keys)
    rawinput.keyCombo(keys)
    return shown(app, title)


def test_launch_pages(app):
    shown(app, 'Workshop')
    check(True, 'the window opens on the Workshop page it was left on')
    for title in ('Challenges', 'Capabilities', 'Matches', 'Shortlists', 'Foresight'):
        check(panel(app, title, timeout=None) is None, 'the %s page is not built yet' % title)

    # Keyboard focus in the window, away from the sidebar.
    app.click_at(app.label('Workshop', parent=app.window))

    challenges = press(app, '<Alt>1', 'Challenges')
    n = len(app.cli_json('list', 'challenges'))
    app.label('%d challenges' % n, parent=challenges)
    check(True, 'Alt+1 shows the Challenges page, which counts %d challenges' % n)
    app.click_at(app.label('%d challenges' % n, parent=challenges))
    rawinput.keyCombo('<Control>n')
    dialog = app.dialog('New Challenge')
    check(True, 'Ctrl+N on it opens a new challenge')
    app.click('push button', 'Cancel', parent=dialog)
    app.gone(None, 'New Challenge')

    capabilities = press(app, '<Alt>2', 'Capabilities')
    n = len(app.cli_json('list', 'capabilities'))
    count = app.label('%d capabilities' % n, parent=capabilities)
    app.click_at(count)
    rawinput.keyCombo('<Control>f')
    entry = app.find(None, 'Search capabilities…', parent=capabilities)
    wait_for('the search field to have the focus', lambda: entry.focused)
    check(True, 'Alt+2 then Ctrl+F searches the %d capabilities' % n)
    rawinput.pressKey('Escape')

    matches = press(app, '<Alt>4', 'Matches')
    app.find('combo box', 'Challenge', parent=matches)
    app.find('combo box', 'Weights preset', parent=matches)
    app.label('Choose a Challenge', parent=matches)
    check(True, 'Alt+4 builds the Matches page with its named controls')

    shortlists = press(app, '<Alt>5', 'Shortlists')
    app.find(None, 'Shortlists', parent=shortlists)
    foresight = press(app, '<Alt>6', 'Foresight')
    app.find(None, 'Search foresight items', parent=foresight)
    check(True, 'Alt+5 and Alt+6 build the Shortlists and Foresight pages')

    press(app, '<Alt>7', 'Workshop')
    check(panel(app, 'Organisations', timeout=None) is None,
          'the Organisations page, never shown, is still not built')
    press(app, '<Alt>6', 'Foresight')
    wait_for('the last page to be saved', lambda: gsettings_get('last-page') == 'foresight')

    app.stop()
    app.start()
    shown(app, 'Foresight')
    check(panel(app, 'Workshop', timeout=None) is None, 'the next launch opens on Foresight alone')


ictest.run(test_launch_pages, setup=setup)

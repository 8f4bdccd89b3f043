# The sidebar from the keyboard: the arrows move between its rows, and
# one Tab leaves it for the page beside it (not row by row through the
# nine pages).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import time

import ictest
from ictest import check, pyatspi, rawinput, wait_for


def selected(node):
    return node.getState().contains(pyatspi.STATE_SELECTED)


# GTK 4.8 does not report which widget has the focus over AT-SPI; the
# sidebar's rows say which is selected, and in the sidebar the arrows
# select as they move.
def test_sidebar_keys(app):
    pages = app.find('list', 'Pages', parent=app.window)
    row = {title: app.find('list item', title, parent=pages)
           for title in ('Challenges', 'Capabilities', 'Organisations', 'Matches')}
    # The first click may only bring the window the keyboard.
    app.click_at(row['Organisations'])
    wait_for('Organisations to be chosen', lambda: selected(row['Organisations']))
    app.click_at(row['Challenges'])
    time.sleep(1)
    rawinput.pressKey('Down')
    time.sleep(1)
    wait_for('Down to choose Capabilities', lambda: selected(row['Capabilities']))
    check(True, 'Down moves within the sidebar')
    app.find('panel', 'Capabilities', parent=app.window)

    # One Tab, then Down: in the page, Down no longer moves the sidebar.
    rawinput.pressKey('Tab')
    time.sleep(0.5)
    rawinput.pressKey('Down')
    time.sleep(1.5)
    moved = [title for title in ('Organisations', 'Matches') if selected(row[title])]
    check(not moved and selected(row['Capabilities']),
          'one Tab leaves the sidebar: Down after it leaves Capabilities chosen (moved to %s)' % moved)



ictest.run(test_sidebar_keys, setup=lambda app: app.cli('demo'))

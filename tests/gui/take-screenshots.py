# take-screenshots.py — the pictures in data/screenshots, taken from the
# real application with the sample data, light and dark.
#
#   INTERCHANGE_GUI_SCREEN=1400x900 SCREENSHOT_DIR=data/screenshots \
#     tests/gui/run-gui-test tests/gui/take-screenshots.py
#
# (with INTERCHANGE_BIN, INTERCHANGE_CLI and INTERCHANGE_SCHEMA_DIR set as
# meson sets them for the GUI tests).  Not a test: it only takes pictures.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import time

import ictest
from ictest import log, rawinput

OUT = os.path.abspath(os.environ.get('SCREENSHOT_DIR', 'screenshots'))
WIDTH, HEIGHT = 1280, 800
# Without a compositor GTK keeps a 5-pixel resize border around each
# window that its accessible extents leave out; the pictures leave it out
# too, so the window is made that much larger.
BORDER = 5


def gsettings(key, value):
    subprocess.run(['gsettings', 'set', 'io.github.wmvit.Interchange', key, value], check=True)


def shoot(node, name):
    """Saves the part of the screen that @node covers as NAME.png."""
    x, y, width, height = node.queryComponent().getExtents(ictest.pyatspi.DESKTOP_COORDS)
    # Park the pointer off the window, so no hover or tooltip shows.
    rawinput.absoluteMotion(x + width + 2 * BORDER + 40, y + height + 2 * BORDER + 40)
    time.sleep(1.0)  # let animations, tooltips and toasts settle
    path = os.path.join(OUT, name + '.png')
    subprocess.run(['import', '-window', 'root',
                    '-crop', '%dx%d+%d+%d' % (width, height, x + BORDER, y + BORDER),
                    '+repage', path], check=True)
    log('saved %s (%dx%d)' % (path, width, height))


def setup(app):
    os.makedirs(OUT, exist_ok=True)
    app.cli('demo')
    gsettings('window-width', str(WIDTH + 2 * BORDER))
    gsettings('window-height', str(HEIGHT + 2 * BORDER))


def open_matches(app, suffix=''):
    page = app.show_page('Matches')
    challenges = [c for c in app.cli_json('list', 'challenges') if c['status'] == 'open']
    wanted = [c for c in challenges if c['title'].startswith('Affordable virtual production')]
    challenge = wanted[0] if wanted else sorted(challenges, key=lambda c: c['title'])[0]
    app.choose(page, 'Challenge', challenge['title'], dropdown=True)
    results = app.find('list', 'Ranked capabilities', parent=page)
    ictest.wait_for('results', lambda: app.find_all('list item', parent=results))
    shoot(app.window, 'matches' + suffix)
    return page, results


def light(app):
    page = app.show_page('Challenges')
    app.label(lambda name: name is not None and name.endswith(' challenges'), parent=page)
    shoot(app.window, 'challenges')

    page = app.show_page('Capabilities')
    app.label(lambda name: name is not None and name.endswith(' capabilities'), parent=page)
    shoot(app.window, 'capabilities')

    page = app.show_page('Organisations')
    app.label(lambda name: name is not None and name.endswith(' organisations'), parent=page)
    shoot(app.window, 'organisations')

    page, results = open_matches(app)
    rows = app.find_all('list item', parent=results)
    for row in rows[:2]:
        title = row.name
        app.click('push button', 'Add “%s” to the shortlist' % title, parent=results)
        time.sleep(0.5)
    page = app.show_page('Shortlists')
    entries = app.find('list', app.starts_with('Entries of '), parent=page)
    ictest.wait_for('the entries', lambda: len(app.find_all('list item', parent=entries)) >= 2)
    # A stage moved on and a note, as a shortlist in use has.
    title = app.find_all('list item', parent=entries)[0].name
    app.choose(entries, 'Stage of “%s”' % title, 'Contacted', dropdown=True)
    note = app.find('text', 'Note on “%s”' % title, parent=entries)
    note.queryEditableText().setTextContents('Call in March about a site visit')
    rawinput.pressKey('Tab')
    time.sleep(0.8)
    shoot(app.window, 'shortlists')

    # The editor, showing the rule a bad TRL range breaks.
    page = app.show_page('Challenges')
    challenge = sorted(app.cli_json('list', 'challenges'), key=lambda c: c['title'].casefold())[0]
    label = app.label(challenge['title'], parent=page)
    app.click_at(label)
    rawinput.pressKey('Return')
    dialog = app.dialog('Edit Challenge')
    app.set_number(dialog, 'Lowest TRL', 7)
    app.set_number(dialog, 'Highest TRL', 3)
    app.click('push button', 'Save', parent=dialog)
    app.label(lambda name: name is not None and 'lowest TRL' in name, parent=dialog)
    frame = app.find(None, 'Edit Challenge', parent=app.app)
    shoot(frame, 'editor')
    app.click('push button', 'Cancel', parent=dialog)


def dark(app):
    page = app.show_page('Challenges')
    app.label(lambda name: name is not None and name.endswith(' challenges'), parent=page)
    shoot(app.window, 'challenges-dark')
    open_matches(app, '-dark')
    page = app.show_page('Shortlists')
    entries = app.find('list', app.starts_with('Entries of '), parent=page)
    ictest.wait_for('the entries', lambda: app.find_all('list item', parent=entries))
    shoot(app.window, 'shortlists-dark')


def main(app):
    light(app)
    app.stop()
    gsettings('color-scheme', "'dark'")
    app.start()
    dark(app)


ictest.run(main, setup=setup)

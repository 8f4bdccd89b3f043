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

import json
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


def add_event(app):
    """A morning of meetings between the owners of three challenges and
    the SMEs that match them best, scheduled."""
    challenges = sorted([c for c in app.cli_json('list', 'challenges') if c['status'] == 'open'],
                        key=lambda c: c['title'].casefold())
    owners, smes = [], []
    for challenge in challenges:
        if challenge['organisation_id'] in owners:
            continue
        ranked = app.cli_json('match', '--challenge', challenge['id'], '--top', '8')['results']
        found = [r['organisation_id'] for r in ranked
                 if r['organisation_id'] not in smes and r['organisation_id'] not in owners]
        if len(found) >= 3:
            owners.append(challenge['organisation_id'])
            smes.extend(found[:3])
        if len(owners) == 3:
            break
    event = {
        'name': 'Creative Industries Supplier Morning', 'date': '2026-03-12',
        'slots': [{'start': '%02d:%02d' % (9 + (20 * i) // 60, (20 * i) % 60), 'minutes': 20}
                  for i in range(4)],
        'tables': 3,
        'participants': [{'organisation_id': o} for o in owners + smes],
        'requests': [{'from': smes[0], 'to': owners[0]}], 'forbidden': [],
    }
    path = os.path.join(ictest.WORK, 'event.json')
    with open(path, 'w') as f:
        json.dump(event, f)
    event_id = app.cli('event', 'add', '--json', path).strip()
    app.cli('schedule', event_id)


def setup(app):
    os.makedirs(OUT, exist_ok=True)
    app.cli('demo')
    add_event(app)
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
    expander = ictest.wait_for('a shortlist', lambda: app.find_all('list item', parent=page))
    app.click_at(expander[0])
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

    page = workshop(app)
    event_editor(app, page)


def workshop(app, suffix=''):
    page = app.show_page('Workshop')
    grid = app.find('panel', 'Schedule grid', parent=page)
    ictest.wait_for('meetings in the grid',
                    lambda: [b for b in app.find_all('push button', parent=grid) if ' meets ' in b.name])
    shoot(app.window, 'workshop' + suffix)

    app.click('push button', 'Facilitator view', parent=page)
    view = app.find('frame', 'Facilitator View', parent=app.app)
    results = app.find('list', 'Live shortlist', parent=view)
    ictest.wait_for('the live shortlist', lambda: app.find_all('list item', parent=results))
    shoot(view, 'facilitator' + suffix)
    app.click('push button', 'Leave Full Screen', parent=view)
    app.gone('frame', 'Facilitator View', parent=app.app)
    return page


def event_editor(app, page):
    app.click('push button', 'Edit Event', parent=page)
    dialog = app.find('frame', 'Edit Event', parent=app.app)
    app.find('text', 'Start of slot 1', parent=dialog).queryEditableText().setTextContents('9:60')
    app.click('push button', 'Save', parent=dialog)
    app.label(lambda name: name is not None and name.startswith('Start of slot 1'), parent=dialog)
    shoot(dialog, 'event-editor')
    app.click('push button', 'Cancel', parent=dialog)


def dark(app):
    page = app.show_page('Challenges')
    app.label(lambda name: name is not None and name.endswith(' challenges'), parent=page)
    shoot(app.window, 'challenges-dark')
    open_matches(app, '-dark')
    workshop(app, '-dark')


def main(app):
    light(app)
    app.stop()
    gsettings('color-scheme', "'dark'")
    app.start()
    dark(app)


ictest.run(main, setup=setup)

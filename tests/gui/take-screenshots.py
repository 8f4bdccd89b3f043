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

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'integration'))

import ictest  # noqa: E402
from ictest import log, rawinput  # noqa: E402
import feedlib  # noqa: E402

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


# A partner's spreadsheet of SMEs as it comes: a BOM, CRLF, columns
# Interchange has no use for, a row without a company name, sectors and
# TRLs in their own words.
IMPORT_SHEET = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data',
                            'partner-smes.csv')


def import_dialog(app, name, summary=None):
    """Opens the partner's sheet in the import dialog and shoots it once
    the dry run has listed what it cannot read; with @summary, maps
    "Digital", imports, shoots the summary and undoes the import."""
    path = os.path.join(ictest.WORK, 'Partner SMEs November.csv')
    shutil.copyfile(IMPORT_SHEET, path)
    app.stop()
    app.args = [path]
    app.start()
    dialog = app.dialog('Import')
    app.label('row 8: the company name is empty', parent=dialog)
    app.label('Cluster, in 5 rows', parent=dialog)
    shoot(app.find(None, 'Import', parent=app.app), name)
    if summary is not None:
        app.choose(dialog, 'Digital', 'Creative')
        switch = app.find('check box', 'Skip bad rows', parent=dialog)
        app.click_at(switch)
        ictest.wait_for('the switch to be on',
                        lambda: switch.getState().contains(ictest.pyatspi.STATE_CHECKED))
        button = app.find('push button', 'Import', parent=dialog)
        ictest.wait_for('Import to be sensitive', lambda: button.sensitive)
        app.click('push button', 'Import', parent=dialog)
        app.label('Imported 30 capabilities', parent=dialog)
        shoot(app.find(None, 'Import', parent=app.app), summary)
        app.click('push button', lambda label: label is not None and
                  'Undo Import' in label.replace('_', ''), parent=dialog)
        app.label('Import Undone', parent=dialog)
    app.args = []


FEED = {}


def retitle(show, run, folder, record_id, title, description, where):
    current = show(record_id)
    path = os.path.join(folder, 'edit-%s.csv' % where)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('id,organisation_id,title,description\n%s,%s,%s,%s\n' %
                (record_id, current['organisation_id'], title, description))
    run('import', 'challenges', path)


def set_up_feed(app):
    """A feed on 127.0.0.1 and a second laptop that edits the same
    challenge, so that the window opens with one conflict to resolve."""
    folder = tempfile.mkdtemp(prefix='feed-', dir=ictest.WORK)
    server = feedlib.FeedServer(folder)
    FEED['server'] = server
    token = server.token('expert')
    server.start()
    other = feedlib.Client(folder, 'other')
    other.use_token(token)
    org = other.add('organisation', feedlib.organisation('Tamebridge Test Works Ltd'))
    shared = other.add('challenge', feedlib.challenge(org, 'Hydrogen refuelling at the depot'))
    other.sync(server.url)
    app.cli('sync', '--feed', server.url, '--token-file', other.token_file)
    retitle(other.show, other.cli_ok, folder, shared, 'Hydrogen refuelling for the bus depot',
            'Overnight refuelling of 40 buses', 'there')
    retitle(lambda i: app.cli_json('show', i), app.cli, folder, shared,
            'Hydrogen refuelling at the Tyseley depot', 'Overnight refuelling of 60 buses and vans', 'here')
    other.sync(server.url)
    app.cli('sync', '--feed', server.url, '--token-file', other.token_file)

    # The token where the token keeper's file fallback keeps it.
    path = os.path.join(os.environ['XDG_CONFIG_HOME'], 'interchange', 'feed-tokens')
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    group = 'feed ' + hashlib.sha256(server.url.encode()).hexdigest()[:16]
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 'w') as f:
        f.write('[%s]\nurl=%s\ntoken=%s\n' % (group, server.url, token))
    gsettings('feed-url', "'%s'" % server.url)


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
    # Today, with the second slot on now, so the facilitator view shows
    # its clock (a fixed morning when the day would wrap at midnight).
    now = datetime.datetime.now()
    first = (now - datetime.timedelta(minutes=25)).replace(second=0, microsecond=0)
    first -= datetime.timedelta(minutes=first.minute % 5)
    if first.date() != now.date() or now.hour >= 22:
        first = now.replace(hour=9, minute=0)
    event = {
        'name': 'Creative Industries Supplier Morning', 'date': now.strftime('%Y-%m-%d'),
        'venue': 'The Custard Factory, Birmingham',
        'slots': [{'start': (first + datetime.timedelta(minutes=20 * i)).strftime('%H:%M'), 'minutes': 20}
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
    set_up_feed(app)


def sync_views(app, suffix=''):
    """The indicator's popover, then the conflicts window it leads to."""
    node = app.find(None, 'Sync Status', parent=app.window)
    ictest.wait_for('the sync at start', lambda: node.description.startswith('Synced'), timeout=60)
    app.click_at(node)
    review = app.find('push button', app.starts_with('Review Conflicts'), parent=node)
    time.sleep(0.5)
    shoot(app.window, 'sync-popover' + suffix)
    review.doActionNamed('click')
    frame = app.find(None, 'Sync Conflicts', parent=app.app)
    app.find('push button', app.starts_with('Keep Mine'), parent=frame)
    shoot(frame, 'conflicts' + suffix)
    app.click('push button', 'Close', parent=frame)


def open_matches(app, suffix=''):
    page = app.show_page('Matches')
    challenges = [c for c in app.cli_json('list', 'challenges') if c['status'] == 'open']
    wanted = [c for c in challenges if c['title'].startswith('Affordable virtual production')]
    challenge = wanted[0] if wanted else sorted(challenges, key=lambda c: c['title'])[0]
    app.choose(page, 'Challenge', challenge['title'], dropdown=True)
    results = app.find('list', 'Ranked capabilities', parent=page)
    ictest.wait_for('results', lambda: app.find_all('list item', parent=results))
    shoot(app.window, 'matches' + suffix)
    # A match in full, over the ranking.
    best = app.find_all('list item', parent=results)[0].name
    app.click('push button', 'About “%s”' % best, parent=results)
    body = app.label(lambda name: name is not None and 'Contact:' in name, parent=app.app)
    time.sleep(1)
    shoot(app.window, 'matches-capability' + suffix)
    rawinput.pressKey('Escape')
    time.sleep(0.5)
    # The weights, open over the ranking.
    button = [b for b in app.find_all('push button', 'Weights', parent=page) if 'click' in b.actions][-1]
    button.doActionNamed('click')
    app.find('slider', 'Place', parent=page)
    shoot(app.window, 'matches-weights' + suffix)
    rawinput.pressKey('Escape')
    time.sleep(0.5)
    return page, results


def open_foresight(app, suffix=''):
    """The Foresight page with the tags in rising demand, then with one
    item chosen."""
    page = app.show_page('Foresight')
    items = app.find('list', 'Foresight items', parent=page)
    ictest.wait_for('foresight items', lambda: app.find_all('list item', parent=items))
    shoot(app.window, 'foresight-rising' + suffix)
    app.find('list item', lambda name: name is not None and name.startswith('Regional call: hydrogen'),
             parent=items).select()
    app.find('push button', 'Create Challenge from Item', parent=page)
    shoot(app.window, 'foresight' + suffix)


def open_consortium(app, page, suffix=''):
    """The Consortium tab for the challenge the Matches page shows."""
    tab = app.find('page tab', 'Consortium', parent=page)
    app.click_at(tab)
    members = app.find('list', 'Consortium members', parent=page, timeout=60)
    ictest.wait_for('consortium members', lambda: app.find_all('list item', parent=members))
    shoot(app.window, 'consortium' + suffix)
    app.click_at(app.find('page tab', 'Ranking', parent=page))


def not_a_match(app, results, suffix=''):
    """The toast that Not a Match shows, with its Undo; then undone."""
    title = app.find_all('list item', parent=results)[0].name
    app.click('push button', '“%s” is not a match' % title, parent=results)
    # Not a Match asks why; the first reason on its list will do.
    dialog = app.dialog('Not a Match')
    confirm = app.find('push button', lambda name: name is not None and 'Not a Match' in name.replace('_', ''),
                       parent=dialog)
    ictest.wait_for('a reason chosen', lambda: confirm.sensitive or None)
    confirm.doActionNamed('click')
    app.toast('“%s” will not be proposed for this challenge again' % title)
    shoot(app.window, 'matches-not-a-match' + suffix)
    app.click_toast_button('Undo')
    ictest.wait_for('the pair included again', lambda: app.cli_json('match', 'excluded') == [])
    ictest.wait_for('“%s” ranked again' % title,
                    lambda: [row.name for row in app.find_all('list item', parent=results)][:1] == [title])
    time.sleep(1.0)


def changed_elsewhere(app, page, entries, suffix=''):
    """A shortlist written by another connection, as a sync does, while
    the window edits it: the view says so and offers Reload or Keep
    Mine; Keep Mine puts the window's version back."""
    name = app.find('list', app.starts_with('Entries of '), parent=page).name[len('Entries of “'):-1]
    with sqlite3.connect(app.db, timeout=30) as db:
        db.execute('UPDATE shortlist SET rev = rev + 1 WHERE name = ?', (name,))
    db.close()
    title = app.find_all('list item', parent=entries)[-1].name
    note = app.find('text', 'Note on “%s”' % title, parent=entries)
    app.click_at(note)
    # A note of its own per run, so that it is a change to save.
    note.queryEditableText().setTextContents('Ask about a second site' + (' in April' if suffix else ''))
    rawinput.pressKey('Return')
    app.toast('“%s” was changed elsewhere: the change was not saved' % name)
    shoot(app.window, 'shortlists-changed' + suffix)
    app.click('push button', app.starts_with('Keep this version of “%s”' % name), parent=page)
    time.sleep(1.0)


def editor_changed(app):
    """The editor, told on Save that its record was changed elsewhere."""
    page = app.show_page('Organisations')
    org = sorted(app.cli_json('list', 'organisations'), key=lambda o: o['name'].casefold())[0]
    app.click_at(app.label(org['name'], parent=page))
    rawinput.pressKey('Return')
    dialog = app.edit_record('Organisation')
    # Not the address curation_setup() stored: the form must have a change.
    app.fill(dialog, 'Website', 'https://www.example.com/soft-grippers')
    path = os.path.join(ictest.WORK, 'organisation.csv')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('id,name,kind,notes\n%s,%s,%s,Visited in March\n' % (org['id'], org['name'], org['kind']))
    app.cli('import', 'organisations', path)
    app.click('push button', 'Save', parent=dialog)
    app.label(lambda name: name is not None and 'was changed elsewhere' in name, parent=dialog)
    shoot(app.find(None, 'Edit Organisation', parent=app.app), 'editor-changed')
    app.click('push button', 'Cancel', parent=dialog)
    discard(app)


def discard(app):
    """Answers Discard to the question a form with changes asks on closing."""
    ask = app.dialog('Save Changes?')
    app.find('push button', lambda name: name is not None and name.replace('_', '').startswith('Discard'),
             parent=ask).doActionNamed('click')
    app.gone(None, 'Save Changes?')


def light(app):
    sync_views(app)

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
    not_a_match(app, results)
    open_consortium(app, page)
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
    changed_elsewhere(app, page, entries)

    open_foresight(app)
    # The glossary window's six hundred rows can take longer than the
    # wait on a loaded machine; the other pictures are still worth taking.
    try:
        glossary(app)
    except ictest.TestFailure as failure:
        log('glossary not retaken: %s' % failure)
        rawinput.pressKey('Escape')
        time.sleep(0.5)

    # The editor, showing the rule a bad TRL range breaks.
    page = app.show_page('Challenges')
    challenge = sorted(app.cli_json('list', 'challenges'), key=lambda c: c['title'].casefold())[0]
    label = app.label(challenge['title'], parent=page)
    app.click_at(label)
    rawinput.pressKey('Return')
    # A stored record opens as text first.
    dialog = app.record_view('Challenge')
    app.label(challenge['title'], parent=dialog)
    time.sleep(0.5)
    shoot(dialog, 'record-view')
    app.edit_record(dialog)
    app.set_number(dialog, 'Lowest TRL', 7)
    app.set_number(dialog, 'Highest TRL', 3)
    app.click('push button', 'Save', parent=dialog)
    app.label(lambda name: name is not None and 'lowest TRL' in name, parent=dialog)
    frame = app.find(None, 'Edit Challenge', parent=app.app)
    shoot(frame, 'editor')
    app.click('push button', 'Cancel', parent=dialog)
    # Closing a form with changes asks first.
    ask = app.dialog('Save Changes?')
    time.sleep(0.5)
    shoot(ask, 'editor-close')
    discard(app)
    editor_changed(app)

    page = workshop(app)
    event_editor(app, page)


def glossary(app, suffix=''):
    """The Glossary and Learning window, over the main window."""
    window = None
    for attempt in range(3):
        rawinput.pressKey('Escape')
        time.sleep(0.5)
        rawinput.keyCombo('<Control><Shift>g')
        try:
            window = app.dialog('Glossary and Learning')
            break
        except ictest.TestFailure:
            continue
    app.find('push button', app.starts_with('Add Glossary Entry'), parent=window, timeout=30)
    time.sleep(3)  # six hundred rows
    shoot(window, 'glossary' + suffix)
    rawinput.pressKey('Escape')
    time.sleep(0.5)


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


def impact(app, suffix=''):
    page = app.show_page('Impact')
    app.find(None, app.starts_with('Collaborations brokered: '), parent=page)
    shoot(app.window, 'impact' + suffix)


def needs_attention(app, suffix=''):
    page = app.show_page('Needs Attention')
    app.find('push button', app.starts_with('Open '), parent=page, timeout=30)
    shoot(app.window, 'needs-attention' + suffix)


def curation_setup(app):
    """A record with a few changes behind it, and a conflict-of-interest rule."""
    organisations = sorted(app.cli_json('list', 'organisations'), key=lambda o: o['name'].casefold())
    org = organisations[0]
    for change in ({'website': 'https://www.example.com/robotics'},
                   {'employees': 14, 'notes': 'Visited in March; two grippers in trials.'}):
        path = os.path.join(ictest.WORK, 'update.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(change, f)
        app.cli('update', org['id'], '--json', path)
    large = [o for o in organisations if o['kind'] == 'large-firm']
    smes = [o for o in organisations if o['kind'] == 'sme' and o['id'] != org['id']]
    app.cli('conflict-rule', 'add', large[0]['id'], smes[0]['id'], '--reason', 'Same group of companies')
    app.cli('conflict-rule', 'add', large[1]['id'], smes[1]['id'], '--reason', 'A live dispute over a contract')
    return org


def history_panel(app, org, suffix=''):
    """The editor scrolled down to its History panel, the first change open."""
    page = app.show_page('Organisations')
    app.click_at(app.label(org['name'], parent=page))
    rawinput.pressKey('Return')
    dialog = app.record_view('Organisation')
    history = app.find('list', 'History', parent=dialog)
    rows = ictest.wait_for('the history rows', lambda: [
        row for row in app.find_all('list item', parent=history)
        if row.parent is not None and row.parent == history] or None, timeout=20)
    # Scroll the form down to the panel with the wheel, then open the
    # newest change.
    x, y, width, height = dialog.queryComponent().getExtents(ictest.pyatspi.DESKTOP_COORDS)
    rawinput.absoluteMotion(x + width // 2, y + height // 2)
    for _ in range(30):
        rawinput.click(x + width // 2, y + height // 2, 5)
    time.sleep(1.0)
    app.click_at(rows[0])
    time.sleep(0.5)
    shoot(dialog, 'history' + suffix)
    app.click('push button', 'Close', parent=dialog)
    app.gone(None, 'Organisation')


def conflict_rules(app, suffix=''):
    app.show_page('Challenges')
    rawinput.keyCombo('<Control><Shift>i')
    window = app.dialog('Conflicts of Interest')
    app.find('push button', app.starts_with('Remove the rule between'), parent=window, timeout=20)
    shoot(app.find(None, 'Conflicts of Interest', parent=app.app), 'conflict-rules' + suffix)
    rawinput.pressKey('Escape')
    app.gone(None, 'Conflicts of Interest')


def curation(app, suffix=''):
    needs_attention(app, suffix)
    history_panel(app, CURATION['org'], suffix)
    conflict_rules(app, suffix)


CURATION = {}


def dark(app):
    page = app.show_page('Challenges')
    app.label(lambda name: name is not None and name.endswith(' challenges'), parent=page)
    shoot(app.window, 'challenges-dark')
    page, results = open_matches(app, '-dark')
    not_a_match(app, results, '-dark')
    open_consortium(app, page, '-dark')
    open_foresight(app, '-dark')
    sync_views(app, '-dark')
    page = app.show_page('Shortlists')
    entries = app.find('list', app.starts_with('Entries of '), parent=page)
    ictest.wait_for('the entries', lambda: app.find_all('list item', parent=entries))
    shoot(app.window, 'shortlists-dark')
    changed_elsewhere(app, page, entries, '-dark')
    workshop(app, '-dark')
    impact(app, '-dark')


def main(app):
    CURATION['org'] = curation_setup(app)
    # SCREENSHOT_ONLY=curation takes Needs Attention, the History panel
    # and the Conflicts of Interest window alone.
    if os.environ.get('SCREENSHOT_ONLY') == 'curation':
        curation(app)
        return
    # SCREENSHOT_ONLY=impact takes the Impact page alone, light and dark.
    if os.environ.get('SCREENSHOT_ONLY') == 'impact':
        impact(app)
        app.stop()
        gsettings('color-scheme', "'dark'")
        app.start()
        impact(app, '-dark')
        return
    # SCREENSHOT_ONLY=workshop takes the Workshop page and the event
    # editor, and the page dark.
    if os.environ.get('SCREENSHOT_ONLY') == 'workshop':
        event_editor(app, workshop(app))
        app.stop()
        gsettings('color-scheme', "'dark'")
        app.start()
        workshop(app, '-dark')
        return
    light(app)
    impact(app)
    curation(app)
    import_dialog(app, 'import', summary='import-summary')
    app.stop()
    gsettings('color-scheme', "'dark'")
    app.start()
    dark(app)
    import_dialog(app, 'import-dark')


try:
    ictest.run(main, setup=setup)
finally:
    if 'server' in FEED:
        FEED['server'].stop()

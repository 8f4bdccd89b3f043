# The Workshop page: an event made with interchange-cli event add and
# changed once through the form (a bad slot time is refused in words),
# scheduled with the page's own run, its meetings found in the grid; a
# move onto a taken table is refused with the reason, a move to a free
# place is saved (checked with interchange-cli schedule --json); the
# agendas print to a file, a page per participant; the facilitator view
# ranks a challenge as interchange-cli match does, re-ranks when a slider
# moves, and closes with Escape and its button.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess

import ictest
from ictest import check, log, rawinput, wait_for

EVENT_NAME = 'Low Carbon Supplier Day'


def make_event(app):
    """Two challenge owners (at most two meetings each) and four SMEs
    that match their challenges, three slots at two tables."""
    app.cli('demo')
    challenges = sorted([c for c in app.cli_json('list', 'challenges') if c['status'] == 'open'],
                        key=lambda c: c['title'].casefold())
    owners, smes = [], []
    for challenge in challenges:
        if challenge['organisation_id'] in owners:
            continue
        ranked = app.cli_json('match', '--challenge', challenge['id'], '--top', '6')['results']
        found = [r['organisation_id'] for r in ranked
                 if r['organisation_id'] not in smes and r['organisation_id'] not in owners]
        if len(found) < 2:
            continue
        owners.append(challenge['organisation_id'])
        smes.extend(found[:2])
        if len(owners) == 2:
            break
    event = {
        'name': EVENT_NAME,
        'date': '2026-03-12',
        'slots': [{'start': '09:00', 'minutes': 20}, {'start': '09:20', 'minutes': 20},
                  {'start': '09:40', 'minutes': 20}],
        'tables': 2,
        'participants': [{'organisation_id': o, 'max_meetings': 2} for o in owners] +
                        [{'organisation_id': o} for o in smes],
        'requests': [{'from': smes[0], 'to': owners[0]}],
        'forbidden': [],
    }
    path = os.path.join(ictest.WORK, 'event.json')
    with open(path, 'w') as f:
        json.dump(event, f)
    app.event_id = app.cli('event', 'add', '--json', path).strip()
    log('event %s with %d participants' % (app.event_id, len(owners) + len(smes)))


def meeting_buttons(app, grid):
    return [b for b in app.find_all('push button', parent=grid) if ' meets ' in (b.name or '')]


def edit_event(app, page):
    app.click('push button', 'Edit Event', parent=page)
    dialog = app.find('frame', 'Edit Event', parent=app.app)
    start = app.find('text', 'Start of slot 1', parent=dialog)
    start.queryEditableText().setTextContents('25:00')
    app.click('push button', 'Save', parent=dialog)
    app.label(lambda name: name is not None and 'Start of slot 1' in name and '25:00' in name,
              parent=dialog)
    check(True, 'a slot starting at 25:00 is refused, naming the slot')
    start.queryEditableText().setTextContents('09:00')
    app.set_number(dialog, 'Tables', 3)
    app.click('push button', 'Save', parent=dialog)
    app.gone('frame', 'Edit Event', parent=app.app)
    event = app.cli_json('event', 'show', app.event_id)
    check(event['tables'] == 3 and event['slots'][0]['start'] == '09:00',
          'the form saved three tables, as the command line shows')


def place(meetings, names):
    """{(slot, table): meeting} and each organisation's busy slots."""
    cells = {(m['slot'], m['table']): m for m in meetings}
    busy = {}
    for m in meetings:
        for org in (m['challenge_organisation_id'], m['capability_organisation_id']):
            busy.setdefault(org, set()).add(m['slot'])
    return cells, busy


def test_workshop(app):
    names = {o['id']: o['name'] for o in app.cli_json('list', 'organisations')}
    page = app.show_page('Workshop')
    app.find('list item', EVENT_NAME, parent=page)
    app.label(lambda name: name is not None and name.startswith('Not scheduled yet'), parent=page)
    edit_event(app, page)

    # Schedule, with the page's own run.
    app.click('push button', 'Schedule', parent=page)
    grid = app.find('panel', 'Schedule grid', parent=page)
    buttons = wait_for('meetings in the grid', lambda: meeting_buttons(app, grid), timeout=40)
    saved = app.cli_json('schedule', app.event_id)
    meetings = saved['meetings']
    check(len(buttons) == len(meetings) and len(meetings) > 0,
          'the grid shows the %d meetings the saved schedule holds' % len(meetings))
    for m in meetings:
        label = 'table %d: %s meets %s' % (m['table'] + 1, names[m['challenge_organisation_id']],
                                           names[m['capability_organisation_id']])
        check(any(label in b.name and b.name.startswith('Slot %d,' % (m['slot'] + 1)) for b in buttons),
              'the grid shows slot %d, %s' % (m['slot'] + 1, label))

    cells, busy = place(meetings, names)

    # A move onto a table that is taken is refused, with the reason.
    first, second = meetings[0], [m for m in meetings if m['slot'] != meetings[0]['slot']][0]
    a, b = names[first['challenge_organisation_id']], names[first['capability_organisation_id']]
    move(app, page, grid, first, second['slot'], second['table'])
    refusal = app.label(lambda name: name is not None and
                        name.startswith('Cannot move the meeting of %s and %s' % (a, b)), parent=page)
    log('refusal: %s' % refusal.name)
    check('table' in refusal.name.split(':', 1)[1], 'the refusal says the table is taken')
    after = app.cli_json('schedule', app.event_id)['meetings']
    check(any(m['slot'] == first['slot'] and m['table'] == first['table'] and
              m['challenge_organisation_id'] == first['challenge_organisation_id'] for m in after),
          'the refused meeting stays where it was')

    # A move to a free place where both are free is saved; a challenge
    # owner keeps one table all day.
    home = {m['challenge_organisation_id']: m['table'] for m in meetings}
    target = None
    for m in meetings:
        for slot in range(3):
            for table in [home[m['challenge_organisation_id']]]:
                if (slot, table) in cells or slot == m['slot'] and table == m['table']:
                    continue
                others = [s for s in busy[m['challenge_organisation_id']] | busy[m['capability_organisation_id']]
                          if s != m['slot']]
                if slot not in others and (slot == m['slot'] or slot not in busy[m['challenge_organisation_id']]
                                           and slot not in busy[m['capability_organisation_id']]):
                    # Another slot first: the more the move has to respect.
                    if target is None or target[1] == target[0]['slot'] and slot != m['slot']:
                        target = (m, slot, table)
    check(target is not None, 'some meeting has a free place to go to')
    m, slot, table = target
    a, b = names[m['challenge_organisation_id']], names[m['capability_organisation_id']]
    move(app, page, grid, m, slot, table)
    wait_for('the moved meeting in the grid',
             lambda: any(x.name.startswith('Slot %d,' % (slot + 1)) and
                         'table %d: %s meets %s' % (table + 1, a, b) in x.name
                         for x in meeting_buttons(app, grid)))
    check(True, 'the grid shows %s and %s in slot %d at table %d' % (a, b, slot + 1, table + 1))
    app.gone('label', lambda name: name is not None and name.startswith('Cannot move'), parent=page)
    moved = app.cli_json('schedule', app.event_id)['meetings']
    check(any(x['slot'] == slot and x['table'] == table and
              x['challenge_organisation_id'] == m['challenge_organisation_id'] and
              x['capability_organisation_id'] == m['capability_organisation_id'] for x in moved),
          'the command line finds them there in the saved schedule')

    print_agendas(app, page, len(set(names[x['challenge_organisation_id']] for x in moved) |
                                 set(names[x['capability_organisation_id']] for x in moved)))

    # Per participant.
    app.click_at(app.find('page tab', 'Per Participant', parent=page))
    people = app.find('list', 'Meetings per participant', parent=page)
    app.label(a, parent=people)
    check(True, 'the per-participant view lists %s' % a)

    facilitator(app, page)


SLOT_LABELS = ['Slot 1, 09:00–09:20', 'Slot 2, 09:20–09:40', 'Slot 3, 09:40–10:00']


def move(app, page, grid, meeting, slot, table):
    """Moves @meeting through its button and the Move Meeting dialog."""
    button = [x for x in meeting_buttons(app, grid)
              if x.name.startswith('Slot %d,' % (meeting['slot'] + 1)) and
              'table %d:' % (meeting['table'] + 1) in x.name][0]
    log('move “%s” to slot %d, table %d' % (button.name, slot + 1, table + 1))
    button.doActionNamed('click')
    dialog = app.dialog('Move Meeting')
    app.choose(dialog, 'Slot', SLOT_LABELS[slot], dropdown=True)
    app.choose(dialog, 'Table', 'Table %d' % (table + 1), dropdown=True)
    app.click('push button', lambda name: name is not None and 'Move' in name.replace('_', ' ').split(),
              parent=dialog)
    app.gone(None, 'Move Meeting', parent=app.app)


def print_agendas(app, page, n_meeting_participants):
    """Prints to a file through the print dialog: a page per participant."""
    outputs = [os.path.join(folder, 'output.pdf') for folder in (os.getcwd(), os.environ['HOME'])]
    for path in outputs:
        if os.path.exists(path):
            os.remove(path)
    app.click('push button', 'Print agendas', parent=page)
    dialog = app.find('dialog', 'Print', parent=app.app)
    app.click_at(app.label('Print to File', parent=dialog))
    app.click('push button', lambda name: name is not None and 'Print' in name.replace('_', ' ').split(),
              parent=dialog)
    app.gone('dialog', 'Print', parent=app.app)
    # The file printer writes output.pdf in the folder the application
    # started in when it has no documents folder.
    found = wait_for('the printed PDF', lambda: [path for path in outputs if os.path.exists(path)])
    info = wait_for('a whole PDF', lambda: subprocess.run(['pdfinfo', found[0]], capture_output=True,
                                                           text=True).stdout or None)
    pages = int([line.split()[-1] for line in info.splitlines() if line.startswith('Pages:')][0])
    participants = len(app.cli_json('event', 'show', app.event_id)['participants'])
    for path in found:
        os.remove(path)
    check(pages == participants and n_meeting_participants <= participants,
          'the agendas print as %d pages, one per participant' % pages)


def ranking(app, view):
    results = app.find('list', 'Live shortlist', parent=view)
    rows = app.find_all('list item', parent=results)
    return [row.name.split('. ', 1)[1].rsplit(', ', 1)[0] for row in rows] or None


def facilitator(app, page):
    challenges = sorted([c for c in app.cli_json('list', 'challenges') if c['status'] == 'open'],
                        key=lambda c: c['title'])
    challenge = challenges[0]

    def expected(*options):
        ranked = app.cli_json('match', '--challenge', challenge['id'], '--top', '8', *options)['results']
        return [r['capability_title'] if 'capability_title' in r else
                app.cli_json('show', r['capability_id'])['title'] for r in ranked]

    # A pair the user said is not a match is not proposed to the room.
    excluded = expected()[0]
    best = app.cli_json('match', '--challenge', challenge['id'], '--top', '1')['results'][0]
    app.cli('match', 'exclude', challenge['id'], best['capability_id'])
    balanced = expected()

    app.click('push button', 'Facilitator view', parent=page)
    view = app.find('frame', 'Facilitator View', parent=app.app)
    app.label(challenge['title'], parent=view)
    check(excluded not in balanced, 'the command line no longer ranks “%s”' % excluded)
    wait_for('the live shortlist', lambda: ranking(app, view) == balanced)
    check(True, 'the facilitator view ranks “%s” first, as the command line does, and not '
          '“%s”, which is not a match' % (balanced[0], excluded))

    # The presets of the Matches page are here too, in a side panel the
    # facilitator opens on the laptop.
    app.click_at(app.find(None, 'Weights', parent=view))
    app.choose(view, 'Weights preset', 'Local First', dropdown=True)
    preset = expected('--preset', 'local-first')
    wait_for('the local-first ranking', lambda: ranking(app, view) == preset)
    check(preset != balanced, 'the Local First preset re-ranks (%s first), as the command line '
          'does' % preset[0])

    app.find('slider', 'Text', parent=view).value = 0.0
    app.find('slider', 'Place', parent=view).value = 1.0
    local = expected('--preset', 'local-first', '--weights', 'text=0,place=1')
    wait_for('the ranking with text 0 and place 1', lambda: ranking(app, view) == local)
    check(local != preset, 'moving Text to 0 and Place to 1 re-ranks live (%s first), as the '
          'command line does' % local[0])
    # What the room tries is not kept as the saved weights.
    check(expected() == balanced, 'the saved weights are still the balanced ones')

    rawinput.pressKey('Escape')
    app.gone('frame', 'Facilitator View', parent=app.app)
    check(True, 'Escape leaves the facilitator view')
    app.click('push button', 'Facilitator view', parent=page)
    view = app.find('frame', 'Facilitator View', parent=app.app)
    app.click('push button', 'Leave Full Screen', parent=view)
    app.gone('frame', 'Facilitator View', parent=app.app)
    check(True, 'its button leaves it too')


ictest.run(test_workshop, setup=make_event)

# The Workshop page on the day: an event scheduled with interchange-cli,
# then, in the page, an SME marked absent from slot 2 on (their later
# meetings go, nothing else announced changes, and the page says what
# changed), two meetings of one challenge owner swapped (saved, as
# interchange-cli schedule --json shows); the summary speaks in words
# and percentages, never of a "total score".  (A swap that breaks the
# rules is refused with every clash named: test_workshop_swap_export.py
# and tests/test-cli-workshop-day.py; a walk-in: test_workshop_walk_in.py,
# which use this file's event.)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import re

import ictest
from ictest import check, log, wait_for

EVENT_NAME = 'Advanced Manufacturing Meet the Buyer'
# Today, with the second slot on now: the facilitator view's clock is
# the real one.  Near midnight the day would wrap: then a fixed morning,
# and the view says the meetings are over, or in some hours.
NOW = datetime.datetime.now()
FIRST = NOW - datetime.timedelta(minutes=20)
if FIRST.date() != NOW.date() or NOW.hour >= 22:
    FIRST = NOW.replace(hour=9, minute=0)
    TODAY = False
else:
    TODAY = True
SLOTS = [(FIRST + datetime.timedelta(minutes=15 * i)).strftime('%H:%M') for i in range(4)]


def make_event(app):
    """Three challenge owners and six SMEs, four slots at four tables."""
    app.cli('demo')
    owners = sorted({c['organisation_id'] for c in app.cli_json('list', 'challenges')})[:3]
    smes = [o['id'] for o in app.cli_json('list', 'organisations') if o['id'] not in owners][:6]
    event = {
        'name': EVENT_NAME,
        'date': NOW.strftime('%Y-%m-%d'),
        'slots': [{'start': s, 'minutes': 15} for s in SLOTS],
        'tables': 4,
        'participants': [{'organisation_id': o, 'max_meetings': 4} for o in owners] +
                        [{'organisation_id': o, 'max_meetings': 2} for o in smes],
        'requests': [],
        'forbidden': [],
    }
    path = os.path.join(ictest.WORK, 'event.json')
    with open(path, 'w') as f:
        json.dump(event, f)
    app.event_id = app.cli('event', 'add', '--json', path).strip()
    app.cli('schedule', app.event_id)


def saved(app):
    """The saved schedule, read without running the scheduler (the
    schedule command would repair it)."""
    return app.cli_json('event', 'show', app.event_id)['schedule']['meetings']


def key(m):
    return (m['slot'], m['table'], m['challenge_organisation_id'], m['capability_organisation_id'])


def slot_label(slot):
    start = SLOTS[slot]
    h, m = map(int, start.split(':'))
    end = '%02d:%02d' % ((h + (m + 15) // 60) % 24, (m + 15) % 60)
    return 'Slot %d, %s–%s' % (slot + 1, start, end)


def meeting_label(names, m):
    return '%s, table %d: %s meets %s' % (slot_label(m['slot']), m['table'] + 1,
                                          names[m['challenge_organisation_id']],
                                          names[m['capability_organisation_id']])


def test_workshop_day(app):
    # The times the event was made with (setup may run in its own process).
    SLOTS[:] = [x['start'] for x in app.cli_json('event', 'show', app.event_id)['slots']]
    names = {o['id']: o['name'] for o in app.cli_json('list', 'organisations')}
    page = app.show_page('Workshop')
    app.find('list item', EVENT_NAME, parent=page)
    summary = app.label(lambda name: name is not None and 'average match of' in name, parent=page)
    check('total score' not in summary.name.lower() and '%' in summary.name,
          'the summary speaks in words and percentages: “%s”' % summary.name.split('.')[0])

    # Absent from slot 2 on: the SME with a meeting latest in the day.
    before = saved(app)
    latest = max((m for m in before), key=lambda m: m['slot'])
    who = latest['capability_organisation_id']
    # The dialog offers the slots still to come: from slot 2 on, today.
    slot = max(1, latest['slot'])
    app.click('push button', 'Absent…', parent=page)
    dialog = app.dialog('Absent')
    app.choose(dialog, 'Participant', names[who], dropdown=True)
    app.choose(dialog, 'Absent from', slot_label(slot), dropdown=True)
    app.click('push button', lambda name: name is not None and 'Mark Absent' in name.replace('_', ''),
              parent=dialog)
    app.gone(None, 'Absent', parent=app.app)
    changes = app.label(lambda name: name is not None and
                        name.startswith('%s is absent from slot %d on' % (names[who], slot + 1)),
                        parent=page)
    log('changes: %s' % changes.name)
    check('Cancelled: ' in changes.name and names[who] in changes.name,
          'the page says which meetings of %s were cancelled' % names[who])
    after = wait_for('the re-schedule saved', lambda: (lambda s: s if all(
        not (m['capability_organisation_id'] == who and m['slot'] >= slot) for m in s) else None)(
        saved(app)))
    kept = {key(m) for m in after}
    check(all(key(m) in kept for m in before
              if m['capability_organisation_id'] != who or m['slot'] < slot),
          'every other announced meeting stays where it was')
    shown = app.cli_json('event', 'show', app.event_id)
    available = [p for p in shown['participants'] if p['organisation_id'] == who][0]['available']
    check(available == list(range(slot)), 'the event keeps %s to slots 1 to %d' % (names[who], slot))

    # Swap two meetings of one owner whose SMEs are free at the other time.
    busy = {(m['capability_organisation_id'], m['slot']) for m in after}
    pairs = [(a, b) for a in after for b in after
             if a['challenge_organisation_id'] == b['challenge_organisation_id'] and a['slot'] < b['slot']
             and (a['capability_organisation_id'], b['slot']) not in busy
             and (b['capability_organisation_id'], a['slot']) not in busy]
    check(pairs, 'some owner has two meetings that can change times')
    a, b = pairs[0]
    app.click('push button', 'Swap…', parent=page)
    dialog = app.dialog('Swap Meetings')
    app.choose(dialog, 'First meeting', meeting_label(names, a), dropdown=True)
    app.choose(dialog, 'Second meeting', meeting_label(names, b), dropdown=True)
    app.click('push button', lambda name: name is not None and 'Swap' in name.replace('_', ' ').split(),
              parent=dialog)
    app.gone(None, 'Swap Meetings', parent=app.app)
    app.label(lambda name: name is not None and name.startswith('Two meetings swapped') and
              'Moved: ' in name, parent=page)
    swapped = wait_for('the swap saved', lambda: (lambda s: s if any(
        m['capability_organisation_id'] == a['capability_organisation_id'] and m['slot'] == b['slot']
        for m in s) else None)(saved(app)))
    check(any(m['capability_organisation_id'] == b['capability_organisation_id'] and
              m['slot'] == a['slot'] for m in swapped),
          '%s and %s changed times, as the command line shows' %
          (names[a['capability_organisation_id']], names[b['capability_organisation_id']]))

    facilitator(app, page, names, swapped)


def facilitator(app, page, names, meetings):
    """The facilitator view opens on the event: now, next, the tables."""
    app.click('push button', 'Facilitator view', parent=page)
    view = app.find('frame', 'Facilitator View', parent=app.app)
    if not TODAY:
        # 09:00 today: over when run late in the evening, hours away just
        # after midnight.
        said = app.label(lambda name: name is not None and (name.startswith('The meetings are') or
                                                            name.startswith('Now: a break · slot 1 starts in')),
                         parent=view)
        check(True, 'near midnight: the view says when the meetings are: “%s” (now/next not checked)' % said.name)
    else:
        now = app.label(lambda name: name is not None and name.startswith('Now: slot 2, ' + SLOTS[1]),
                        parent=view)
        check(re.search(r'\d+:\d\d left', now.name) is not None,
              'the view shows the slot on now with a countdown: “%s”' % now.name)
        app.label('Next: slot 3, ' + slot_label(2).split(', ', 1)[1], parent=view)
        check(True, 'and the next slot')
        tables = app.find(None, 'Tables now', parent=view)
        for m in meetings:
            if m['slot'] == 1:
                app.label('Table %d: %s — %s' % (m['table'] + 1, names[m['challenge_organisation_id']],
                                                 names[m['capability_organisation_id']]), parent=tables)
        check(True, 'the tables of slot 2 are on screen')
    # The challenges are the event's own: the first listed belongs to one of its owners.
    # Projection: no controls; Escape brings them back, then leaves.
    app.find(None, 'Weights', parent=view)
    app.click('push button', 'Present', parent=view)
    app.gone('push button', 'Leave Full Screen', parent=view)
    check(True, 'Present hides every control')
    from ictest import rawinput
    rawinput.pressKey('Escape')
    app.find('push button', 'Leave Full Screen', parent=view)
    rawinput.pressKey('Escape')
    app.gone('frame', 'Facilitator View', parent=app.app)
    check(True, 'Escape brings the controls back, then leaves')


if __name__ == '__main__':
    ictest.run(test_workshop_day, setup=make_event)

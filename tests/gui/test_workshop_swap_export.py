# The Workshop page refuses a swap that breaks the event's rules and
# names the clash (a table taken, a participant already busy), changing
# nothing; and Export agendas writes the event's calendar (.ics) through
# the file chooser, read back with python3-icalendar: one entry per
# meeting, each naming its pair and table.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import time

import ictest
from ictest import check, log, wait_for
from test_workshop_day import EVENT_NAME, SLOTS, make_event, meeting_label, saved

try:
    import icalendar
except ImportError:  # the package is in build-aux/debian-packages.txt
    icalendar = None


def refused_swap(app, page, names):
    before = saved(app)
    x = before[0]
    y = next(m for m in before if m['slot'] != x['slot'] and
             m['challenge_organisation_id'] != x['challenge_organisation_id'])
    app.click('push button', 'Swap…', parent=page)
    dialog = app.dialog('Swap Meetings')
    app.choose(dialog, 'First meeting', meeting_label(names, x), dropdown=True)
    app.choose(dialog, 'Second meeting', meeting_label(names, y), dropdown=True)
    app.click('push button', lambda name: name is not None and 'Swap' in name.replace('_', ' ').split(),
              parent=dialog)
    app.gone(None, 'Swap Meetings', parent=app.app)
    refusal = app.label(lambda name: name is not None and name.startswith('Cannot swap the meetings of'),
                        parent=page)
    log('refusal: %s' % refusal.name)
    # Challenge owners keep their tables: x's table in y's slot is y's
    # owner's, taken; and whoever already meets at the other time is named.
    check('Table %d is taken in slot %d' % (x['table'] + 1, y['slot'] + 1) in refusal.name or
          'Table %d is taken in slot %d' % (y['table'] + 1, x['slot'] + 1) in refusal.name or
          'keeps table' in refusal.name,
          'the refusal names the table that clashes')
    busy = {(m['challenge_organisation_id'], m['slot']): m for m in before}
    busy.update({(m['capability_organisation_id'], m['slot']): m for m in before})
    for mover, slot in ((x, y['slot']), (y, x['slot'])):
        for who in (mover['challenge_organisation_id'], mover['capability_organisation_id']):
            other = busy.get((who, slot))
            if other is not None and other is not x and other is not y:
                check(names[who] in refusal.name and 'already meet' in refusal.name,
                      'the refusal names %s, busy in slot %d' % (names[who], slot + 1))
    time.sleep(1)
    check(saved(app) == before, 'the saved schedule is as it was')


def export_agendas(app, page, names):
    meetings = saved(app)
    path = os.path.join(ictest.WORK, 'agendas.ics')
    app.click('push button', 'Export agendas', parent=page)
    chooser = wait_for('the window “Export Agendas”',
                       lambda: [w for w in app.app.children if w.name == 'Export Agendas'][0])
    field = app.find('text', lambda n: n in ('Name', 'Name:', 'File name'), parent=chooser)
    if field.text:  # (GTK 4.8 does not always expose an entry's text)
        check(field.text.endswith('.ics'), 'the proposed file is a calendar: %s' % field.text)
    field.queryEditableText().setTextContents(path)
    time.sleep(0.5)
    app.click('push button', lambda n: n is not None and 'Export' in n.replace('_', ''), parent=chooser)
    app.toast('Agendas exported')
    check(os.path.exists(path), 'Export agendas wrote %s' % os.path.basename(path))
    with open(path, 'rb') as f:
        raw = f.read()
    check(raw.startswith(b'BEGIN:VCALENDAR\r\n'), 'the file is an iCalendar file')
    if icalendar is None:
        log('python3-icalendar is not installed: the entries are not read back')
        return
    calendar = icalendar.Calendar.from_ical(raw)
    entries = [e for e in calendar.walk('VEVENT')]
    check(len(entries) == len(meetings), 'one entry per meeting (%d)' % len(meetings))
    summaries = {str(e['SUMMARY']) for e in entries}
    for m in meetings:
        summary = '%s meets %s, table %d' % (names[m['challenge_organisation_id']],
                                             names[m['capability_organisation_id']], m['table'] + 1)
        check(summary in summaries, 'the calendar has “%s”' % summary)
    first = min(meetings, key=lambda m: (m['slot'], m['table']))
    starts = sorted(e['DTSTART'].dt.strftime('%H:%M') for e in entries)
    check(starts[0] == SLOTS[first['slot']], 'the first entry starts at %s' % SLOTS[first['slot']])


def test_workshop_swap_export(app):
    SLOTS[:] = [x['start'] for x in app.cli_json('event', 'show', app.event_id)['slots']]
    names = {o['id']: o['name'] for o in app.cli_json('list', 'organisations')}
    page = app.show_page('Workshop')
    app.find('list item', EVENT_NAME, parent=page)
    refused_swap(app, page, names)
    export_agendas(app, page, names)


ictest.run(test_workshop_swap_export, setup=make_event)

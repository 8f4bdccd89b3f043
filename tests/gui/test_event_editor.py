# The event editor on a 1,024 × 700 screen (run with that screen, see
# tests/gui/meson.build): the form fits, its headings have room (none
# squeezed to "Mee…" beside pickers), no organisation is chosen for the
# user, availability is clicked in a row of slot buttons, participants
# are added in bulk (every challenge owner, every SME, and, through Add
# From…, the SMEs of a shortlist), and all is saved,
# as interchange-cli event list confirms.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import time

import pyatspi

import ictest
from ictest import check, log, wait_for


def extents(node):
    return node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)


def test_event_editor(app):
    organisations = app.cli_json('list', 'organisations')
    owner_ids = {c['organisation_id'] for c in app.cli_json('list', 'challenges')}
    smes = [o for o in organisations if o['id'] not in owner_ids and o['kind'] == 'sme']
    check(owner_ids and smes, 'the sample data has challenge owners and SMEs')

    page = app.show_page('Workshop')
    app.click('push button', 'New event', parent=page)
    dialog = app.find('frame', 'New Event', parent=app.app)
    x, y, width, height = extents(dialog)
    log('editor at %d,%d, %d × %d' % (x, y, width, height))
    check(x >= 0 and y >= 0 and x + width <= 1024 and y + height <= 700,
          'the editor fits a 1,024 × 700 screen (%d × %d)' % (width, height))

    # Headings keep their room: none is squeezed beside a picker.
    for heading in ('Time Slots', 'Participants', 'Meeting Requests', 'Must Not Meet'):
        label = app.label(heading, parent=dialog)
        lx, ly, lwidth, lheight = extents(label)
        log('%s: %d px wide' % (heading, lwidth))
        check(lwidth >= 8 * len(heading), 'the heading “%s” is shown whole (%d px)' % (heading, lwidth))

    # Nothing is chosen for the user.
    picker = app.find('combo box', 'Organisation to add', parent=dialog)
    button = app.find('push button', None, parent=picker)
    shown = [label.name for label in app.find_all('label', parent=button) if label.name]
    check(not any(o['name'] in shown for o in organisations),
          'no organisation is chosen before the user chooses one')

    app.fill(dialog, 'Name', 'Bulk Added Supplier Day')

    # One organisation added by hand; its availability is clicked in its
    # row of slot buttons: a second slot, and that organisation only in it.
    first = sorted(organisations, key=lambda o: o['name'].casefold())[0]
    app.choose(dialog, 'Organisation to add', first['name'], dropdown=True)
    app.click('push button', 'Add participant', parent=dialog)
    app.click('push button', 'Add slot', parent=dialog)
    slot1 = app.find(None, 'Slot 1 for ' + first['name'], parent=dialog)
    app.find(None, 'Slot 2 for ' + first['name'], parent=dialog)
    log('slot 1 button at %s' % (extents(slot1),))
    app.click_at(slot1)
    # (GTK 4.8 does not expose an entry's text: the saved event shows it.)
    time.sleep(0.5)
    app.click('push button', 'Add Challenge Owners', parent=dialog)
    app.click('push button', 'Add SMEs', parent=dialog)
    names = {o['id']: o['name'] for o in organisations}
    app.click('push button', 'Save', parent=dialog)
    app.gone('frame', 'New Event', parent=app.app)

    # A window busy with 155 new rows can read as gone before it saves:
    # wait for the event itself.
    events = wait_for('the event saved', lambda: [e for e in app.cli_json('event', 'list')
                                                  if e['name'] == 'Bulk Added Supplier Day'])
    check(len(events) == 1, 'the event is saved')
    participants = {p['organisation_id'] for p in events[0]['participants']}
    check(participants == owner_ids | {o['id'] for o in smes} | {first['id']},
          'its %d participants are every challenge owner and every SME' % len(participants))
    mine = [p for p in events[0]['participants'] if p['organisation_id'] == first['id']][0]
    check(mine.get('available') == [1], 'the event keeps %s to slot 2' % first['name'])

    from_shortlist(app, page)


def from_shortlist(app, page):
    """Add From… → SMEs of a Shortlist…: the organisations whose
    capabilities are on the chosen shortlist, nobody else."""
    shortlist = sorted(app.cli_json('list', 'shortlists'), key=lambda s: s['name'].casefold())[0]
    owner_of = {c['id']: c['organisation_id'] for c in app.cli_json('list', 'capabilities')}
    wanted = {owner_of[e['capability_id']] for e in shortlist['entries'] if e['capability_id'] in owner_of}
    check(wanted, 'the shortlist “%s” holds capabilities of %d organisations' % (shortlist['name'], len(wanted)))

    app.click('push button', 'New event', parent=page)
    dialog = app.find('frame', 'New Event', parent=app.app)
    app.fill(dialog, 'Name', 'Shortlist Supplier Day')
    app.click_at(app.find('push button', 'Add From…', parent=dialog))
    app.find('menu item', 'SMEs of a Shortlist…', parent=app.app).doActionNamed('click')
    chooser = app.dialog('SMEs of a Shortlist')
    add = app.find('push button', lambda name: name is not None and 'Add SMEs' in name.replace('_', ''),
                   parent=chooser)
    check(not add.sensitive, 'no shortlist is chosen for the user')
    app.choose(chooser, 'Shortlist', shortlist['name'], dropdown=True)
    app.click('push button', lambda name: name is not None and 'Add SMEs' in name.replace('_', ''),
              parent=chooser)
    app.gone(None, 'SMEs of a Shortlist', parent=app.app)
    app.click('push button', 'Save', parent=dialog)
    app.gone('frame', 'New Event', parent=app.app)
    events = wait_for('the event saved', lambda: [e for e in app.cli_json('event', 'list')
                                                  if e['name'] == 'Shortlist Supplier Day'])
    check(len(events) == 1, 'the event is saved')
    participants = {p['organisation_id'] for p in events[0]['participants']}
    check(participants == wanted,
          'its %d participants are the organisations of the shortlist’s capabilities' % len(participants))


ictest.run(test_event_editor, setup=lambda app: app.cli('demo'))

# A walk-in on the Workshop page: an organisation that was not expected
# is chosen in the Walk-in… dialog (nobody is chosen for the user) and
# joins the event from slot 3; the rest of the day is re-scheduled
# keeping the announced meetings, the page says what changed, and the
# event and schedule are saved as interchange-cli shows them.  Then a
# new organisation, named in the dialog, walks in too.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ictest
from ictest import check, log, wait_for
from test_workshop_day import EVENT_NAME, SLOTS, key, make_event, saved, slot_label


def test_workshop_walk_in(app):
    SLOTS[:] = [x['start'] for x in app.cli_json('event', 'show', app.event_id)['slots']]
    names = {o['id']: o['name'] for o in app.cli_json('list', 'organisations')}
    taking_part = {p['organisation_id'] for p in app.cli_json('event', 'show', app.event_id)['participants']}
    bringing = sorted({c['organisation_id'] for c in app.cli_json('list', 'capabilities')} - taking_part,
                      key=lambda o: names[o])
    check(bringing, 'some organisation with capabilities does not take part yet')
    who = bringing[0]
    page = app.show_page('Workshop')
    app.find('list item', EVENT_NAME, parent=page)
    before = saved(app)

    app.click('push button', 'Walk-in…', parent=page)
    dialog = app.dialog('Walk-in')
    add = app.find('push button', lambda name: name is not None and 'Add Walk-in' in name.replace('_', ''),
                   parent=dialog)
    check(not add.sensitive, 'nothing is chosen for the user: Add Walk-in waits for a choice')
    app.choose(dialog, 'Organisation', names[who], dropdown=True)
    app.choose(dialog, 'Arrives for', slot_label(2), dropdown=True)
    wait_for('Add Walk-in to be on', lambda: add.sensitive)
    app.click('push button', lambda name: name is not None and 'Add Walk-in' in name.replace('_', ''),
              parent=dialog)
    app.gone(None, 'Walk-in', parent=app.app)
    changes = app.label(lambda name: name is not None and
                        name.startswith('%s walks in for slot 3' % names[who]), parent=page)
    log('changes: %s' % changes.name)

    # The job saved the event and the schedule before the page showed them.
    shown = app.cli_json('event', 'show', app.event_id)
    walk_in = [p for p in shown['participants'] if p['organisation_id'] == who]
    check(walk_in and walk_in[0]['available'] == [2, 3], 'the event has %s from slot 3 on' % names[who])
    after = saved(app)
    kept = {key(m) for m in after}
    lost = [m for m in before if key(m) not in kept]
    check(len(lost) <= 1, 'the announced meetings stay but at most one (%d changed)' % len(lost))
    check(all(m['slot'] >= 2 for m in after if who in (m['capability_organisation_id'],
                                                       m['challenge_organisation_id'])),
          'the walk-in meets nobody before slot 3')
    if any(who in (m['capability_organisation_id'], m['challenge_organisation_id']) for m in after):
        check('New: ' in changes.name and changes.name.count(names[who]) >= 2,
              'the page names the walk-in’s new meeting')
    if lost:
        check('Cancelled: ' in changes.name or 'Moved: ' in changes.name,
              'the page names the meeting that changed')
    else:
        check('No announced meeting changes' in changes.name or 'New: ' in changes.name,
              'the page says no announced meeting changed')

    # A new organisation, named in the dialog.
    app.click('push button', 'Walk-in…', parent=page)
    dialog = app.dialog('Walk-in')
    app.fill(dialog, 'New organisation', 'Riverside Robotics')
    app.click('push button', lambda name: name is not None and 'Add Walk-in' in name.replace('_', ''),
              parent=dialog)
    app.gone(None, 'Walk-in', parent=app.app)
    app.label(lambda name: name is not None and name.startswith('Riverside Robotics walks in for slot'),
              parent=page)
    made = [o for o in app.cli_json('list', 'organisations') if o['name'] == 'Riverside Robotics']
    check(len(made) == 1, 'one organisation Riverside Robotics was made')
    event = app.cli_json('event', 'show', app.event_id)
    check(any(p['organisation_id'] == made[0]['id'] for p in event['participants']),
          'Riverside Robotics was made and takes part in the event')


ictest.run(test_workshop_walk_in, setup=make_event)

# The Workshop page says which pairs conflict-of-interest rules keep
# apart: a rule between two participants of an event, added with
# interchange-cli conflict-rule add, is named under the schedule's
# summary, and the schedule the page makes never seats them together.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os

import ictest
from ictest import check, log, wait_for

EVENT_NAME = 'Supplier Day With Rules'


def setup(app):
    app.cli('demo')
    organisations = sorted(app.cli_json('list', 'organisations'), key=lambda o: o['name'].casefold())
    challenges = [c for c in app.cli_json('list', 'challenges') if c['status'] == 'open']
    owner = challenges[0]['organisation_id']
    smes = [o['id'] for o in organisations if o['kind'] == 'sme' and o['id'] != owner][:3]
    event = {
        'name': EVENT_NAME,
        'date': '2026-03-12',
        'slots': [{'start': '09:00', 'minutes': 20}, {'start': '09:20', 'minutes': 20},
                  {'start': '09:40', 'minutes': 20}],
        'tables': 1,
        'participants': [{'organisation_id': owner}] + [{'organisation_id': o} for o in smes],
        'requests': [{'from': smes[0], 'to': owner}],
        'forbidden': [],
    }
    path = os.path.join(ictest.WORK, 'event.json')
    with open(path, 'w') as f:
        json.dump(event, f)
    app.event_id = app.cli('event', 'add', '--json', path).strip()
    app.cli('conflict-rule', 'add', owner, smes[0], '--reason', 'Same group')
    names = {o['id']: o['name'] for o in organisations}
    app.pair = (owner, smes[0])
    app.pair_names = (names[owner], names[smes[0]])
    log('event %s, rule between %s and %s' % (app.event_id, *app.pair_names))


def test_workshop_conflicts(app):
    page = app.show_page('Workshop')
    app.find('list item', EVENT_NAME, parent=page)
    summary = app.label(lambda name: name is not None and 'kept apart' in name, parent=page, timeout=30)
    log('summary: %s' % summary.name.replace('\n', ' / '))
    first, second = app.pair_names
    check('1 pair kept apart by a conflict-of-interest rule' in summary.name,
          'the page says how many pairs a rule keeps apart')
    check(first in summary.name and second in summary.name and 'Same group' in summary.name,
          'and names them with the reason')

    app.click('push button', 'Schedule', parent=page)
    wait_for('a saved schedule', lambda: app.cli_json('schedule', app.event_id)['meetings'] or None,
             timeout=40)
    meetings = app.cli_json('schedule', app.event_id)['meetings']
    owner, sme = app.pair
    check(not any({m['challenge_organisation_id'], m['capability_organisation_id']} == {owner, sme}
                  for m in meetings), 'the two never meet, though one asked to')
    summary = app.label(lambda name: name is not None and 'kept apart' in name and
                        not name.startswith('Not scheduled yet'), parent=page, timeout=30)
    log('summary: %s' % summary.name.replace('\n', ' / '))
    check(True, 'the summary still says so once scheduled')


ictest.run(test_workshop_conflicts, setup=setup)

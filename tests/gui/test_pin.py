# Pin on a ranked capability asks why, then keeps it shown for the
# challenge, marked as pinned with the reason; the command line lists
# the pin and ranks it pinned too.  Unpin takes it back.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ictest
from ictest import check, log, wait_for


def load_sample_data(app):
    app.cli('demo')


def pick_challenge(app):
    challenges = [c for c in app.cli_json('list', 'challenges') if c['status'] == 'open']
    for challenge in sorted(challenges, key=lambda c: c['title'].casefold()):
        ranked = app.cli_json('match', '--challenge', challenge['id'], '--top', '3')['results']
        if len(ranked) == 3:
            return challenge, ranked
    raise ictest.TestFailure('no sample challenge has three ranked capabilities')


def test_pin(app):
    challenge, ranked = pick_challenge(app)
    second = ranked[1]
    title = app.cli_json('show', second['capability_id'])['title']

    page = app.show_page('Matches')
    app.choose(page, 'Challenge', challenge['title'], dropdown=True)
    results = app.find('list', 'Ranked capabilities', parent=page)
    app.click('push button', 'Pin “%s” to this challenge' % title, parent=results, timeout=30)
    dialog = app.dialog('Pin')
    confirm = app.find('push button', lambda name: name is not None and name.replace('_', '').split()[:1] == ['Pin'],
                       parent=dialog)
    check(not confirm.sensitive, 'a pin needs a reason first')
    app.fill(dialog, 'In your words', 'The buyer asked to meet them')
    wait_for('the Pin button enabled', lambda: confirm.sensitive or None, timeout=5)
    confirm.doActionNamed('click')

    pins = wait_for('the pin stored', lambda: app.cli_json('match', 'pinned') or None, timeout=10)
    log('pins: %s' % pins)
    check([(p['challenge_id'], p['capability_id'], p['reason']) for p in pins] ==
          [(challenge['id'], second['capability_id'], 'The buyer asked to meet them')],
          'the command line lists the pin with its reason')
    after = app.cli_json('match', '--challenge', challenge['id'], '--top', '3')['results']
    check([r['pinned'] for r in after] == [False, True, False], 'and ranks it pinned')
    app.label(lambda name: name is not None and name.startswith('Pinned: The buyer asked to meet them'),
              parent=results, timeout=20)
    check(True, 'the row says it is pinned, and why')

    app.click('push button', 'Unpin “%s”' % title, parent=results, timeout=20)
    wait_for('the pin taken back', lambda: app.cli_json('match', 'pinned') == [] or None, timeout=10)
    check(True, 'Unpin takes it back')


ictest.run(test_pin, setup=load_sample_data)

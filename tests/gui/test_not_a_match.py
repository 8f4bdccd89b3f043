# "Not a Match" on a ranked capability asks why (here "Other", in the
# person's words, which it needs before it goes on), then excludes the
# pair with that reason: the row goes,
# the rest move up (as interchange-cli match ranks without it), the
# command line lists the pair as excluded; Undo in the toast brings it
# back, first again.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ictest
from ictest import check, log, wait_for


def load_sample_data(app):
    app.cli('demo')


def cli_ranking(app, challenge_id):
    ranked = app.cli_json('match', '--challenge', challenge_id, '--top', '5')['results']
    return [app.cli_json('show', result['capability_id'])['title'] for result in ranked]


def shown_ranking(app, results):
    rows = app.find_all('list item', parent=results)
    return [row.name for row in rows]


def pick_challenge(app):
    """An open challenge with five ranked capabilities of distinct titles."""
    challenges = [c for c in app.cli_json('list', 'challenges') if c['status'] == 'open']
    for challenge in sorted(challenges, key=lambda c: c['title'].casefold()):
        ranked = app.cli_json('match', '--challenge', challenge['id'], '--top', '6')['results']
        titles = [app.cli_json('show', r['capability_id'])['title'] for r in ranked]
        if len(ranked) == 6 and len(set(titles)) == 6:
            return challenge, ranked[0]['capability_id']
    raise ictest.TestFailure('no sample challenge has six ranked capabilities')


def test_not_a_match(app):
    challenge, best_id = pick_challenge(app)
    before = cli_ranking(app, challenge['id'])

    page = app.show_page('Matches')
    app.choose(page, 'Challenge', challenge['title'], dropdown=True)
    results = app.find('list', 'Ranked capabilities', parent=page)
    wait_for('the ranking of “%s”' % challenge['title'],
             lambda: shown_ranking(app, results)[:5] == before, timeout=20)
    check(True, 'the page ranks %s first' % before[0])

    app.click('push button', '“%s” is not a match' % before[0], parent=results)
    dialog = app.dialog('Not a Match')
    confirm = app.find('push button', lambda name: name is not None and 'Not a Match' in name.replace('_', ''),
                       parent=dialog)
    app.choose(dialog, 'Reason', 'Other')
    check(not confirm.sensitive, '“Other” needs words before the pair can go')
    app.fill(dialog, 'In your words', 'Same group as the buyer')
    wait_for('the confirm button enabled', lambda: confirm.sensitive or None, timeout=5)
    confirm.doActionNamed('click')
    app.toast('“%s” will not be proposed for this challenge again' % before[0])
    excluded = app.cli_json('match', 'excluded')
    log('excluded: %s' % excluded)
    check([(p['challenge_id'], p['capability_id']) for p in excluded] == [(challenge['id'], best_id)],
          'the command line lists the pair as excluded')
    check(excluded[0]['reason'] == 'other' and excluded[0]['reason_text'] == 'Same group as the buyer',
          'with the reason given: %s' % excluded[0]['reason_text'])
    after = cli_ranking(app, challenge['id'])
    check(before[0] not in after and after[:4] == before[1:5],
          'the command line ranks without it, the rest moved up')
    wait_for('the ranking without “%s”' % before[0],
             lambda: shown_ranking(app, results)[:5] == after, timeout=20)
    check(True, 'the page re-ranks the same way: %s first' % after[0])

    app.click_toast_button('Undo')
    wait_for('the pair included again', lambda: app.cli_json('match', 'excluded') == [], timeout=10)
    check(True, 'after Undo the command line lists no excluded pair')
    wait_for('the ranking with “%s” again' % before[0],
             lambda: shown_ranking(app, results)[:5] == before, timeout=20)
    check(True, 'and the page ranks %s first again' % before[0])


ictest.run(test_not_a_match, setup=load_sample_data)

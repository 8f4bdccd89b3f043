# The Matches page ranks capabilities for a chosen challenge exactly as
# interchange-cli match does; choosing another preset re-ranks; "Add to
# Shortlist" puts the best one on the challenge's shortlist.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ictest
from ictest import check, log, wait_for


def load_sample_data(app):
    app.cli('demo')


def cli_ranking(app, challenge_id, *options):
    ranked = app.cli_json('match', '--challenge', challenge_id, '--top', '5', *options)['results']
    return [app.cli_json('show', result['capability_id'])['title'] for result in ranked]


def shown_ranking(app, results):
    def titles():
        rows = app.find_all('list item', parent=results)
        names = [row.name for row in rows]
        return names if names else None
    return wait_for('ranked capabilities', titles)


def pick_challenge(app):
    """An open challenge whose top five differ between the balanced and
    the local-first weights, so that re-ranking shows."""
    challenges = [c for c in app.cli_json('list', 'challenges') if c['status'] == 'open']
    for challenge in sorted(challenges, key=lambda c: c['title'].casefold()):
        ranked = app.cli_json('match', '--challenge', challenge['id'], '--top', '5')['results']
        local = app.cli_json('match', '--challenge', challenge['id'], '--top', '5',
                             '--preset', 'local-first')['results']
        if len(ranked) == 5 and [r['capability_id'] for r in ranked] != [r['capability_id'] for r in local]:
            return challenge
    raise ictest.TestFailure('no sample challenge re-ranks under local-first weights')


def test_matches(app):
    challenge = pick_challenge(app)
    others = [c for c in app.cli_json('list', 'challenges')
              if c['status'] == 'open' and c['id'] != challenge['id']]
    other = sorted(others, key=lambda c: c['title'].casefold())[0]
    other_before = cli_ranking(app, other['id'])

    page = app.show_page('Matches')
    app.label('Choose a Challenge', parent=page)
    app.choose(page, 'Challenge', challenge['title'], dropdown=True)

    results = app.find('list', 'Ranked capabilities', parent=page)
    expected = cli_ranking(app, challenge['id'])
    wait_for('the ranking of “%s”' % challenge['title'],
             lambda: shown_ranking(app, results)[:5] == expected, timeout=20)
    check(True, 'the page ranks %s first, as the command line does' % expected[0])
    app.label(lambda name: name is not None and name.startswith('The best '), parent=page)

    # Another preset re-ranks, again as the command line does.
    app.choose(page, 'Weights preset', 'Local First', dropdown=True)
    expected_local = cli_ranking(app, challenge['id'], '--preset', 'local-first')
    wait_for('the local-first ranking',
             lambda: shown_ranking(app, results)[:5] == expected_local, timeout=20)
    check(expected_local != expected, 'with Local First the order changes to %s' % ', '.join(expected_local[:3]))

    # A slider re-ranks too: Place counts for everything.
    weights = [button for button in app.find_all('push button', 'Weights', parent=page)
               if 'click' in button.actions]
    weights[-1].doActionNamed('click')
    slider = app.find('slider', 'Place', parent=page)
    slider.value = 1.0
    expected_place = cli_ranking(app, challenge['id'], '--preset', 'local-first', '--weights', 'place=1')
    wait_for('the ranking with place weighted 1',
             lambda: shown_ranking(app, results)[:5] == expected_place, timeout=20)
    check(True, 'moving the Place slider to 1 ranks %s as the command line does' % ', '.join(expected_place[:3]))
    expected_local = expected_place

    # The weights are this challenge's: another challenge ranks as before.
    wait_for('the weights kept for the challenge', lambda: cli_ranking(app, challenge['id']) == expected_place,
             timeout=10)
    check(cli_ranking(app, other['id']) == other_before,
          'the weights moved are kept for this challenge alone: “%s” ranks as before' % other['title'])

    # Add the best to the shortlist.
    app.click('push button', 'Add “%s” to the shortlist' % expected_local[0], parent=results)
    app.toast('Added “%s” to the shortlist' % expected_local[0])
    # The sample data has shortlists of its own, for other challenges.
    shortlists = [s for s in app.cli_json('shortlist', 'list') if s['challenge_id'] == challenge['id']]
    log('shortlists: %s' % shortlists)
    check(len(shortlists) == 1, 'the command line lists one shortlist for the challenge')
    shortlist = app.cli_json('shortlist', 'show', shortlists[0]['id'])
    check(shortlist['challenge_id'] == challenge['id'], 'it is for the chosen challenge')
    titles = [app.cli_json('show', entry['capability_id'])['title'] for entry in shortlist['entries']]
    check(titles == [expected_local[0]], 'it holds “%s”' % expected_local[0])

    page = app.show_page('Shortlists')
    app.label(lambda name: name is not None and challenge['title'] in name, parent=page)
    check(True, 'the Shortlists page shows it')


ictest.run(test_matches, setup=load_sample_data)

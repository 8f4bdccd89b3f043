# The Matches page's "Not a Match" tab lists the capabilities excluded
# from the chosen challenge (and only that challenge), each with the
# reason, who excluded it and when; Restore ranks the capability again
# (the command line no longer lists the pair) and the toast's Undo
# excludes it again for the same reason.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os

import ictest
from ictest import check, log, wait_for

AUTHOR = 'Priya Shah'


def pick_challenge(app):
    """An open challenge with three ranked capabilities of distinct titles."""
    challenges = [c for c in app.cli_json('list', 'challenges') if c['status'] == 'open']
    for challenge in sorted(challenges, key=lambda c: c['title'].casefold()):
        ranked = app.cli_json('match', '--challenge', challenge['id'], '--top', '3')['results']
        titles = [app.cli_json('show', r['capability_id'])['title'] for r in ranked]
        if len(ranked) == 3 and len(set(titles)) == 3:
            return challenge, [r['capability_id'] for r in ranked], titles, challenges
    raise ictest.TestFailure('no sample challenge has three ranked capabilities')


def setup(app):
    app.cli('demo')
    challenge, ids, titles, challenges = pick_challenge(app)
    other = next(c for c in challenges if c['id'] != challenge['id'])
    os.environ['INTERCHANGE_AUTHOR'] = AUTHOR
    try:
        app.cli('match', 'exclude', challenge['id'], ids[0], '--reason', 'no-capacity')
        app.cli('match', 'exclude', challenge['id'], ids[1], '--reason', 'Same group as the buyer')
        # Another challenge's exclusion stays off this challenge's list.
        other_best = app.cli_json('match', '--challenge', other['id'], '--top', '1')['results'][0]
        app.cli('match', 'exclude', other['id'], other_best['capability_id'], '--reason', 'too-early')
    finally:
        del os.environ['INTERCHANGE_AUTHOR']
    app.picked = (challenge, ids, titles, other_best['capability_id'])


def open_tab(app, page, title):
    def tab():
        for role in ('page tab', 'toggle button', 'radio button'):
            node = app.find(role, title, parent=page, timeout=None)
            if node is not None:
                return node
        return None
    node = wait_for('the “%s” tab' % title, tab)
    log('open the %s tab (%s)' % (title, node.roleName))
    app.click_at(node)


def excluded_pairs(app, challenge_id):
    return {p['capability_id']: p for p in app.cli_json('match', 'excluded', '--challenge', challenge_id)}


def shown_rows(app, listing, titles):
    """Each row by the capability title its name starts with (GTK 4.8
    reads a row's name as its label, the title, then the row's own
    title, "Title — Organisation"), with its description."""
    rows = {}
    for row in app.find_all('list item', parent=listing):
        key = next((t for t in titles if row.name.startswith(t + ' ')), row.name)
        rows[key] = row.description
    return rows


def test_not_a_match_list(app):
    challenge, ids, titles, other_id = app.picked
    other_title = app.cli_json('show', other_id)['title']
    all_titles = titles + [other_title]
    before = excluded_pairs(app, challenge['id'])
    check(set(before) == set(ids[:2]), 'the command line lists the two excluded pairs')

    page = app.show_page('Matches')
    app.choose(page, 'Challenge', challenge['title'], dropdown=True)
    open_tab(app, page, 'Not a Match')
    listing = app.find('list', 'Capabilities that are not a match', parent=page, timeout=30)
    wait_for('the two excluded capabilities', lambda: len(shown_rows(app, listing, all_titles)) == 2 or None, timeout=20)
    rows = shown_rows(app, listing, all_titles)
    log('rows: %s' % rows)
    check(set(rows) == set(titles[:2]), 'the tab lists exactly the two capabilities excluded for this challenge')
    check(other_title not in rows or other_title in titles[:2],
          'the pair excluded for another challenge is not listed')
    date = before[ids[0]]['excluded_at'][:10]
    check(rows[titles[0]].startswith('No capacity · by %s · ' % AUTHOR),
          'the first says why and who: %s' % rows[titles[0]])
    check(rows[titles[1]].startswith('Same group as the buyer · by %s' % AUTHOR),
          'the second says why in the person’s words: %s' % rows[titles[1]])
    year = date[:4]
    check(rows[titles[0]].endswith(year), 'and when (%s)' % date)

    # The name is the label given, then the button's own "_Restore".
    restore = 'Restore “%s” to the matches' % titles[0]
    app.click('push button', lambda name: name is not None and name.startswith(restore), parent=listing)
    app.toast('“%s” is proposed for this challenge again' % titles[0])
    wait_for('the pair included again', lambda: ids[0] not in excluded_pairs(app, challenge['id']) or None,
             timeout=10)
    check(set(excluded_pairs(app, challenge['id'])) == {ids[1]}, 'the command line lists only the other pair')
    wait_for('the restored capability off the list',
             lambda: set(shown_rows(app, listing, all_titles)) == {titles[1]} or None, timeout=20)
    check(True, 'the tab lists only “%s” now' % titles[1])
    ranked = [r['capability_id'] for r in
              app.cli_json('match', '--challenge', challenge['id'], '--top', '20')['results']]
    check(ids[0] in ranked, 'the command line ranks the restored capability again')

    app.click_toast_button('Undo')
    wait_for('the pair excluded again', lambda: ids[0] in excluded_pairs(app, challenge['id']) or None,
             timeout=10)
    again = excluded_pairs(app, challenge['id'])[ids[0]]
    check(again['reason'] == 'no-capacity', 'Undo excludes it again for the same reason')
    wait_for('the capability back on the list',
             lambda: set(shown_rows(app, listing, all_titles)) == set(titles[:2]) or None, timeout=20)
    check(True, 'and the tab lists both again')
    everywhere = app.cli_json('match', 'excluded')
    check(any(p['capability_id'] == other_id for p in everywhere),
          'the other challenge’s pair was left alone')


ictest.run(test_not_a_match_list, setup=setup)

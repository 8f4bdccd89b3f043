# The Matches page's Consortium tab proposes the same group as
# interchange-cli consortium, says what each member brings, and puts the
# whole group on the challenge's shortlist.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import io

import ictest
from ictest import check, log, wait_for


def load_sample_data(app):
    app.cli('demo')


def pick_challenge(app):
    """An open challenge whose best consortium has two members or more."""
    challenges = [c for c in app.cli_json('list', 'challenges') if c['status'] == 'open']
    for challenge in sorted(challenges, key=lambda c: c['title'].casefold()):
        found = app.cli_json('consortium', '--challenge', challenge['id'], '--json')['consortia']
        if found and len(found[0]['members']) >= 2:
            return challenge, found[0]
    raise ictest.TestFailure('no sample challenge has a consortium of two or more')


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


def test_consortium(app):
    challenge, best = pick_challenge(app)
    expected = [app.cli_json('show', m['capability_id'])['title'] for m in best['members']]
    log('the command line proposes %s' % ', '.join(expected))

    page = app.show_page('Matches')
    app.choose(page, 'Challenge', challenge['title'], dropdown=True)
    app.find('list', 'Ranked capabilities', parent=page)
    open_tab(app, page, 'Consortium')

    members = app.find('list', 'Consortium members', parent=page, timeout=30)

    def shown():
        names = [row.name for row in app.find_all('list item', parent=members)]
        return names if names else None
    names = wait_for('the consortium members', shown, timeout=30)
    check(names == expected, 'the tab shows the members %s as the command line does' % ', '.join(names))

    # What each brings, and the coverage, in words.
    for member, title in zip(best['members'], expected):
        row = app.find('list item', title, parent=members)
        brings = ', '.join(member['tags'])
        check(row.description.endswith('brings: ' + brings),
              '“%s” brings %s (%s)' % (title, brings, row.description))
    coverage = '%d members cover %d of %d required tags' % (
        len(best['members']), len(best['covered_tags']),
        len(best['covered_tags']) + len(best['missing_tags']))
    app.label(lambda name: name is not None and name.startswith(coverage), parent=page)
    check(True, 'the coverage reads “%s…”' % coverage)
    app.label(lambda name: name is not None and ' brings ' in name, parent=page)

    # The whole group goes on the shortlist.
    app.click('push button', 'Add the consortium to the shortlist', parent=page)
    app.toast('Added %d consortium members to the shortlist' % len(expected))
    # The sample data has shortlists of its own, for other challenges.
    shortlists = [s for s in app.cli_json('shortlist', 'list') if s['challenge_id'] == challenge['id']]
    check(len(shortlists) == 1, 'the command line lists one shortlist for the challenge')
    shortlist = app.cli_json('shortlist', 'show', shortlists[0]['id'])
    check(shortlist['challenge_id'] == challenge['id'], 'it is for the chosen challenge')
    ids = [entry['capability_id'] for entry in shortlist['entries']]
    check(ids == [m['capability_id'] for m in best['members']], 'it holds every member, in order')

    # Exported, each member has its criteria and terms, as a shortlist
    # made by the command line does.
    text = app.cli('export', 'shortlist', shortlists[0]['id'], '--format', 'csv', '-o', '-')
    rows = list(csv.DictReader(io.StringIO(text.lstrip('\ufeff'))))
    for row in rows:
        check(all(row[c] != '' for c in ('text', 'trl', 'cluster', 'place', 'scale', 'foresight')),
              '“%s” exports its criterion scores' % row['capability'])
        check(row['matched_tags'] != '' and row['why'].startswith('Consortium member: brings '),
              'and its matched tags (%s) and why: %s' % (row['matched_tags'], row['why'][:60]))


ictest.run(test_consortium, setup=load_sample_data)

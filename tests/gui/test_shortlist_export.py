# A shortlist made in the window exports as one made by the command
# line does: the same columns, each criterion's score and the matched
# terms filled in.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import io

import ictest
from ictest import check, log, wait_for

STATE = {}


def setup(app):
    app.cli('demo')
    challenges = sorted([c for c in app.cli_json('list', 'challenges') if c['status'] == 'open'],
                        key=lambda c: c['title'].casefold())
    STATE['window'] = challenges[0]
    STATE['cli'] = challenges[1]
    STATE['cli_shortlist'] = app.cli('shortlist', 'create', '--challenge', challenges[1]['id'],
                                     '--top', '3').strip()


def exported(app, shortlist_id):
    text = app.cli('export', 'shortlist', shortlist_id, '--format', 'csv', '-o', '-')
    return list(csv.DictReader(io.StringIO(text.lstrip('\ufeff'))))


def test_shortlist_export(app):
    challenge = STATE['window']
    page = app.show_page('Matches')
    app.choose(page, 'Challenge', challenge['title'], dropdown=True)
    results = app.find('list', 'Ranked capabilities', parent=page)
    best = wait_for('a ranking', lambda: [row.name for row in app.find_all('list item', parent=results)])[0]
    app.click('push button', 'Add “%s” to the shortlist' % best, parent=results)
    app.toast('Added “%s” to the shortlist' % best)
    shortlist = [s for s in app.cli_json('shortlist', 'list') if s['challenge_id'] == challenge['id']][0]

    window_rows = exported(app, shortlist['id'])
    cli_rows = exported(app, STATE['cli_shortlist'])
    log('window row: %s' % window_rows[0])
    check(list(window_rows[0].keys()) == list(cli_rows[0].keys()),
          'the window’s shortlist has the command line’s columns')
    for column in ('text', 'trl', 'cluster', 'place', 'scale', 'foresight', 'score'):
        check(window_rows[0].get(column, '') != '', 'its “%s” column is filled: %s' % (column, window_rows[0].get(column)))
    check(window_rows[0]['matched_terms'] != '' or window_rows[0]['matched_tags'] != '',
          'its matched terms or tags are filled: %s / %s' % (window_rows[0]['matched_terms'], window_rows[0]['matched_tags']))
    check(window_rows[0]['why'] != '', 'and it says why')


ictest.run(test_shortlist_export, setup)

# An SME answers a public challenge on the feed server's board; the
# laptop's sync brings the response in, the Matches page shows it on the
# challenge's Responses tab, "Create Capability from Response" makes an
# SME and a capability the command line then lists, and "Add to
# Shortlist" puts it on the challenge's shortlist.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'integration'))

import ictest  # noqa: E402
from ictest import TestFailure, check, log, wait_for  # noqa: E402
import feedlib  # noqa: E402

folder = tempfile.mkdtemp(prefix='board-', dir=ictest.WORK)
server = feedlib.FeedServer(folder)
chosen = {}
ANSWER = 'We cast lightweight magnesium brackets and can prototype in six weeks.'


def answer_on_the_board(app):
    app.cli('demo')
    challenges = [c for c in app.cli_json('list', 'challenges') if c['status'] == 'open']
    for challenge in sorted(challenges, key=lambda c: c['title'].casefold()):
        if app.cli_json('match', '--challenge', challenge['id'], '--top', '3')['results']:
            chosen.update(challenge)
            break
    else:
        raise TestFailure('no sample challenge has a match')
    token_file = os.path.join(folder, 'token')
    with open(token_file, 'w') as f:
        f.write(server.token('expert'))
    server.start()
    app.cli('update', chosen['id'], '--visibility', 'public', '--public-label', 'A foundry group')
    app.cli('sync', '--feed', server.url, '--token-file', token_file)

    page_url = server.url + '/challenges/' + chosen['id']
    status, _, page = feedlib.http('GET', page_url)
    if status != 200:
        raise TestFailure('the board answered %d for the public challenge' % status)
    page = page.decode()
    form = {'ts': re.search(r'name="ts" value="(\d+)"', page).group(1),
            'token': re.search(r'name="token" value="([0-9a-f]+)"', page).group(1),
            'organisation': 'Quiet Castings Ltd', 'contact_name': 'Ana Lee',
            'email': 'ana@quietcastings.example', 'answer': ANSWER, 'consent': 'yes', 'website': ''}
    status, _, _ = feedlib.http('POST', page_url, body=urllib.parse.urlencode(form),
                                headers={'Content-Type': 'application/x-www-form-urlencoded'})
    if status != 200:
        raise TestFailure('the answer was refused: %d' % status)
    app.cli('sync', '--feed', server.url, '--token-file', token_file)
    listed = app.cli_json('list', 'responses', '--challenge', chosen['id'])
    log('the laptop holds %d response(s)' % len(listed))
    if len(listed) != 1:
        raise TestFailure('the sync brought %s' % listed)


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


def test_board_responses(app):
    try:
        page = app.show_page('Matches')
        app.choose(page, 'Challenge', chosen['title'], dropdown=True)
        app.find('list', 'Ranked capabilities', parent=page)
        open_tab(app, page, 'Responses')
        responses = app.find('list', 'Responses from the board', parent=page, timeout=30)
        app.label('1 response from the board', parent=page)
        check(app.find(None, 'Quiet Castings Ltd', parent=responses) is not None,
              'the response shows on the challenge')
        app.label(ANSWER, parent=responses)
        check(True, 'with its answer')

        before = len(app.cli_json('list', 'capabilities'))
        app.click('push button', 'Create a capability from the response of “Quiet Castings Ltd”',
                  parent=responses)
        app.toast('Capability created from the response; it can now be matched and shortlisted')
        capabilities = app.cli_json('list', 'capabilities')
        made = [c for c in capabilities if c.get('description') == ANSWER]
        check(len(capabilities) == before + 1 and len(made) == 1, 'the command line lists one new capability')
        check(made[0]['contact'] == 'Ana Lee <ana@quietcastings.example>', 'with the response’s contact')
        organisation = app.cli_json('show', made[0]['organisation_id'])
        check(organisation['name'] == 'Quiet Castings Ltd' and organisation['kind'] == 'sme',
              'made by a new SME of the response’s name')
        check(json.dumps(made[0]).count(ANSWER) >= 1, 'the answer is its description')

        app.click('push button', 'Add the capability from “Quiet Castings Ltd” to the shortlist',
                  parent=responses)
        app.toast('Added “Quiet Castings Ltd” to the shortlist')
        shortlists = [s for s in app.cli_json('list', 'shortlists') if s['challenge_id'] == chosen['id']]
        check(len(shortlists) == 1, 'the challenge has a shortlist')
        entries = app.cli_json('shortlist', 'show', shortlists[0]['id'])['entries']
        check([e['capability_id'] for e in entries] == [made[0]['id']],
              'holding the capability made from the response')
    finally:
        server.kill()


ictest.run(test_board_responses, setup=answer_on_the_board)

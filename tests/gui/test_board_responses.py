# An SME answers a public challenge on the feed server's board; the
# laptop's sync brings the response in, the Matches page shows it on the
# challenge's Responses tab, "Create Capability from Response" makes an
# SME and a capability the command line then lists, and "Add to
# Shortlist" puts it on the challenge's shortlist.  "Erase Contact
# Details…" then asks first, is refused in words offline and for a
# read-only token, and with the team's token erases the name and email
# on the feed; the app's sync brings that back.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import json
import os
import subprocess
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
tokens = {}
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
    tokens['expert'] = server.token('expert')
    tokens['reader'] = server.token('reader', read_only=True)
    with open(token_file, 'w') as f:
        f.write(tokens['expert'])
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
    # The window syncs with the same feed, its token where the token
    # keeper's file fallback keeps it; not at start (the command line
    # pulled everything), so only the erasure makes it sync.
    keep_token(tokens['expert'])
    for key, value in (('feed-url', "'%s'" % server.url), ('feed-sync-at-start', 'false')):
        subprocess.run(['gsettings', 'set', 'io.github.wmvit.Interchange', key, value], check=True)


def keep_token(token):
    path = os.path.join(os.environ['XDG_CONFIG_HOME'], 'interchange', 'feed-tokens')
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    group = 'feed ' + hashlib.sha256(server.url.encode()).hexdigest()[:16]
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 'w') as f:
        f.write('[%s]\nurl=%s\ntoken=%s\n' % (group, server.url, token))


def mnemonic(label):
    # A mnemonic label reads "_Erase Erase" in GTK 4.8's accessible name.
    return lambda name: name is not None and label in name.replace('_', ' ').split()


def erase_contact(app, responses, answer):
    app.click('push button', 'Erase the contact details of “Quiet Castings Ltd”', parent=responses)
    dialog = app.dialog('Erase Contact Details')
    app.label('Erase the contact details of “Quiet Castings Ltd”?', parent=dialog)
    app.label('The answer stays; the name and email are removed for the whole team.', parent=dialog)
    app.click('push button', mnemonic(answer), parent=dialog)
    app.gone(None, 'Erase Contact Details', parent=app.app)


def erase_on_request(app, page, responses):
    response_id = app.cli_json('list', 'responses')[0]['id']

    erase_contact(app, responses, 'Cancel')
    check(app.cli_json('list', 'responses')[0]['email'] == 'ana@quietcastings.example',
          'Cancel erases nothing')
    status, _, body = feedlib.http('GET', server.url + '/v1/changes?since=0&limit=1000', tokens['expert'])
    check(b'ana@quietcastings.example' in body, 'nor on the feed')

    server.stop()
    erase_contact(app, responses, 'Erase')
    app.toast(lambda text: text is not None and text.startswith('The contact details were not erased: ')
              and 'cannot be reached' in text, timeout=60)
    check(True, 'offline, the toast says so in words')
    app.find('push button', 'Erase the contact details of “Quiet Castings Ltd”', parent=responses)
    wait_for('the button to come back', lambda: app.find(
        'push button', 'Erase the contact details of “Quiet Castings Ltd”', parent=responses).sensitive)
    server.start()

    keep_token(tokens['reader'])
    erase_contact(app, responses, 'Erase')
    app.toast(lambda text: text is not None and text.startswith('The contact details were not erased: ')
              and 'may only read' in text)
    check(app.find('push button', 'Erase the contact details of “Quiet Castings Ltd”',
                   parent=responses).sensitive, 'a read-only token is refused in words, and the button comes back')

    keep_token(tokens['expert'])
    erase_contact(app, responses, 'Erase')
    app.toast('Contact details erased')
    erased = wait_for('the erased revision on the laptop',
                      lambda: next((r for r in app.cli_json('list', 'responses')
                                    if r['id'] == response_id and r['contact_erased']), None), timeout=60)
    check((erased['contact_name'], erased['email'], erased['answer']) == ('', '', ANSWER),
          'after the app’s sync the laptop keeps the answer without the name and email')
    responses = app.find('list', 'Responses from the board', parent=page, timeout=30)
    app.label('Contact details erased on request', parent=responses, timeout=30)
    app.gone('push button', 'Erase the contact details of “Quiet Castings Ltd”', parent=responses)
    check(True, 'the response shows the erasure, with nothing left to erase')


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

        erase_on_request(app, page, responses)
    finally:
        server.kill()


ictest.run(test_board_responses, setup=answer_on_the_board)

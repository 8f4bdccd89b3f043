# Declining a shortlist entry asks why: a reason from the list (and
# words for “Other”) or Cancel, which leaves the stage as it was.  Each
# entry's timeline shows its dated changes with their author and
# reason, and the command line reads the same changes back.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ictest
from ictest import check, log, wait_for

STATE = {}


def setup(app):
    app.cli('demo')
    challenges = [c for c in app.cli_json('list', 'challenges') if c['status'] == 'open']
    challenge = sorted(challenges, key=lambda c: c['title'].casefold())[0]
    STATE['id'] = app.cli('shortlist', 'create', '--challenge', challenge['id'], '--top', '2').strip()


def button(word):
    # GTK 4.8 reads a button's label after its accessible name.
    return lambda n: n is not None and word in n.replace('_', '').split()


def shown(app):
    return app.cli_json('shortlist', 'show', STATE['id'])


def test_decline_reason(app):
    record = shown(app)
    name = record['name']
    first, second = (app.cli_json('show', e['capability_id'])['title'] for e in record['entries'])

    page = app.show_page('Shortlists')
    entries = app.open_shortlist(page, name)

    # Cancel: nothing changes.
    app.choose(entries, 'Stage of “%s”' % second, 'Declined', dropdown=True)
    app.dialog('Decline “%s”?' % second)
    app.click('push button', button('Cancel'), parent=app.app)
    app.gone(None, 'Decline “%s”?' % second)
    stage = app.find('combo box', 'Stage of “%s”' % second, parent=entries)
    wait_for('the stage shown again', lambda: 'Proposed' in [l.name for l in app.find_all('label', parent=stage)])
    check(shown(app)['entries'][1]['stage'] == 'proposed', 'Cancel left “%s” proposed' % second)

    # A reason that needs no words.
    app.choose(entries, 'Stage of “%s”' % first, 'Declined', dropdown=True)
    app.dialog('Decline “%s”?' % first)
    app.choose(app.app, 'Reason for declining', 'Too costly', dropdown=True)
    app.fill(app.app, 'Details of the reason', 'Over the pilot budget')
    app.click('push button', button('Decline'), parent=app.app)
    record = wait_for('the decline to be saved',
                      lambda: (lambda r: r if r['entries'][0]['stage'] == 'declined' else None)(shown(app)),
                      timeout=15)
    last = record['entries'][0]['stages'][-1]
    check(last['reason'] == 'too-costly' and last['reason_text'] == 'Over the pilot budget'
          and last['author'] and last['at'].endswith('Z'),
          'the decline is saved with its reason, words, author and time (%s)' % last)

    # The timeline shows the changes.
    timeline = app.find(None, 'Timeline of “%s”' % first, parent=entries)
    log('the timeline is a %s' % timeline.roleName)
    app.click_at(timeline)
    text = wait_for('the timeline text',
                    lambda: [l.name for l in app.find_all('label', parent=entries)
                             if l.name and 'Too costly' in l.name])[0]
    check('Proposed' in text and 'Declined' in text and 'Over the pilot budget' in text,
          'the timeline lists the proposal and the decline with its reason: %r' % text)


ictest.run(test_decline_reason, setup=setup)

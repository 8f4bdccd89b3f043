# Deleting a challenge with the Delete key hides it everywhere; Undo in
# the toast brings it back, live again for the command line too.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import time

import ictest
from ictest import check, rawinput


def load_sample_data(app):
    app.cli('demo')


def test_delete_undo(app):
    challenges = app.cli_json('list', 'challenges')
    victim = sorted(challenges, key=lambda record: record['title'].casefold())[0]
    n = len(challenges)

    page = app.show_page('Challenges')
    app.label('%d challenges' % n, parent=page)
    app.label(victim['title'], parent=page)

    # Select the row and press Delete; a click that lands while the table
    # is still being laid out is tried again.
    toast = None
    for attempt in range(3):
        app.click_at(app.label(victim['title'], parent=page))
        time.sleep(0.5)
        rawinput.pressKey('Delete')
        try:
            toast = app.toast('“%s” deleted' % victim['title'], timeout=6)
            break
        except ictest.TestFailure:
            if app.cli_json('show', victim['id'])['deleted']:
                raise
    check(toast is not None, 'Delete deletes the selected row')
    check(True, 'a toast says “%s”' % toast.name)
    app.label('%d challenges' % (n - 1), parent=page)
    listed = [record['id'] for record in app.cli_json('list', 'challenges')]
    check(victim['id'] not in listed and len(listed) == n - 1, 'the command line no longer lists it')
    check(app.cli_json('show', victim['id'])['deleted'] is True, 'the command line shows it deleted')

    app.click_toast_button('Undo')
    app.label('%d challenges' % n, parent=page)
    listed = [record['id'] for record in app.cli_json('list', 'challenges')]
    check(victim['id'] in listed and len(listed) == n, 'after Undo the command line lists it again')
    check(app.cli_json('show', victim['id'])['deleted'] is False, 'and it is live again')
    app.label(victim['title'], parent=page)


ictest.run(test_delete_undo, setup=load_sample_data)

# An empty database shows "Load Sample Data"; loading it fills the pages
# and says how much it loaded, and the command line sees the same rows.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ictest
from ictest import check, log, wait_for


def test_sample_data(app):
    page = app.show_page('Challenges')
    app.find('label', 'No Challenges Yet', parent=page)
    app.click('push button', 'Load Sample Data', parent=page)

    # The load runs in a worker thread; the toast says when it is done.
    toast = app.toast(lambda name: name.startswith('Loaded '), timeout=60)
    log('toast: ' + toast.name)

    challenges = app.cli_json('list', 'challenges')
    capabilities = app.cli_json('list', 'capabilities')
    check(len(challenges) >= 40, 'the command line lists %d challenges' % len(challenges))
    check(len(capabilities) >= 150, 'the command line lists %d capabilities' % len(capabilities))
    check(toast.name == 'Loaded %d challenges and %d capabilities' % (len(challenges), len(capabilities)),
          'the toast counts what the command line lists')

    count = app.label('%d challenges' % len(challenges), parent=page)
    check(count is not None, 'the page counts %d challenges' % len(challenges))

    # Rows are sorted by title, so the first title is on screen.
    first = sorted(challenges, key=lambda record: record['title'].casefold())[0]
    app.label(first['title'], parent=page)
    check(True, 'the first challenge, “%s”, is a row of the table' % first['title'])

    # A click on a column header sorts by it, in the database.
    header = app.label('Place', parent=page)
    app.click_at(header)
    table = app.find('list', 'GtkColumnListView', parent=page)

    def first_title():
        labels = app.find_all('label', parent=table)
        return labels[0].name if labels else None

    def place(record):
        return (record['local_authority'] is not None, (record['local_authority'] or '').casefold())

    by_id = sorted(challenges, key=lambda c: c['id'])
    ascending = sorted(by_id, key=place)[0]['title']
    descending = sorted(by_id, key=place, reverse=True)
    # Ties keep the id order when descending too.
    descending = [c for c in by_id if place(c) == place(descending[0])][0]['title']
    wait_for('“%s” at the top' % ascending, lambda: first_title() == ascending)
    check(True, 'sorted by place, “%s” comes first' % ascending)
    app.click_at(header)
    wait_for('“%s” at the top' % descending, lambda: first_title() == descending)
    check(True, 'sorted the other way, “%s” comes first' % descending)

    # Search as you type, through the full-text index.
    app.click('push button', 'Search', parent=app.window)
    entry = app.find('entry', 'Search challenges…', parent=page)
    entry.queryEditableText().setTextContents('drone')
    found = app.cli_json('list', 'challenges', '--search', 'drone')
    check(0 < len(found) < len(challenges), 'the command line finds %d challenges for “drone”' % len(found))
    app.label('%d challenge%s' % (len(found), '' if len(found) == 1 else 's'), parent=page)
    for record in found:
        app.label(record['title'], parent=page)
    check(True, 'the page shows the same %d' % len(found))
    entry.queryEditableText().setTextContents('')
    app.label('%d challenges' % len(challenges), parent=page)

    page = app.show_page('Capabilities')
    app.label('%d capabilities' % len(capabilities), parent=page)
    check(True, 'the Capabilities page counts %d capabilities' % len(capabilities))


ictest.run(test_sample_data)

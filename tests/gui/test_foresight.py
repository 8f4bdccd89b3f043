# The Foresight page: its empty state says where items come from; with the
# sample data it lists the items, filters them by kind, search and tag,
# shows the tags in rising demand (the set the matcher uses), and makes a
# challenge from an item through the record editor, which the command
# line then reads back.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime

import ictest
from ictest import check, rawinput

ITEM = 'Regional call: hydrogen and electrification for hard-to-decarbonise industrial heat'
HORIZON_DAYS = 730


def rising_from_cli(items):
    """The rule of src/model/ic-rising-demand.c, from the outside."""
    now = datetime.datetime.now(datetime.timezone.utc)
    tags = set()
    for item in items:
        if item['kind'] not in ('demand-signal', 'challenge-call'):
            continue
        published = item.get('published')
        if published:
            when = datetime.datetime.fromisoformat(published.replace('Z', '+00:00'))
            if now > when + datetime.timedelta(days=HORIZON_DAYS):
                continue
        tags.update(item['tags'])
    return tags


def shown_items(app, items_list):
    # The list box holds a row for each item the filters let through.
    return sorted(row.name for row in app.find_all('list item', parent=items_list))


def wait_items(app, items_list, expected, what):
    expected = sorted(expected)
    try:
        ictest.wait_for(what, lambda: shown_items(app, items_list) == expected, timeout=10)
    except ictest.TestFailure:
        ictest.log('listed: %s' % shown_items(app, items_list))
        raise
    check(True, '%s: %d items' % (what, len(expected)))


def test_foresight(app):
    page = app.show_page('Foresight')
    app.label('No Foresight Items Yet', parent=page)
    app.label(lambda name: name is not None and 'interchange-cli add foresight' in name, parent=page)
    check(True, 'the empty page says how foresight items arrive')
    app.click('push button', 'Load Sample Data', parent=page)

    items = ictest.wait_for('the sample items', lambda: app.cli_json('list', 'foresight'))
    check(len(items) == 16, 'the command line lists the 16 sample items')
    items_list = app.find('list', 'Foresight items', parent=page)
    wait_items(app, items_list, [i['title'] for i in items], 'every item is listed')

    # The tags in rising demand: exactly the rule's set.
    rising = rising_from_cli(items)
    rising_box = app.find(None, 'Tags in rising demand', parent=page)
    buttons = ictest.wait_for('the rising tags', lambda: app.find_all('push button', parent=rising_box))
    check({b.name for b in buttons} == rising,
          'the page shows the %d tags of recent demand signals and calls' % len(rising))

    # Kind, then search as you type, then tag.
    app.choose(page, 'Kind', 'Challenge Calls', dropdown=True)
    calls = [i['title'] for i in items if i['kind'] == 'challenge-call']
    wait_items(app, items_list, calls, 'the kind filter keeps the challenge calls')

    search = app.find('entry', 'Search foresight items', parent=page)
    app.click_at(search)
    rawinput.typeText('hydro')
    wait_items(app, items_list, [ITEM], 'typing “hydro” leaves the hydrogen call')
    rawinput.keyCombo('<Control>a')
    rawinput.pressKey('BackSpace')
    wait_items(app, items_list, calls, 'clearing the search brings the calls back')

    app.choose(page, 'Kind', 'All Kinds', dropdown=True)
    app.choose(page, 'Tag', 'hydrogen', dropdown=True)
    tagged = [i['title'] for i in items if 'hydrogen' in i['tags']]
    check(len(tagged) == 2, 'two sample items carry the tag hydrogen')
    wait_items(app, items_list, tagged, 'the tag filter keeps the items tagged hydrogen')

    # The item, with its rising tags marked.
    item = next(i for i in items if i['title'] == ITEM)
    app.find('list item', ITEM, parent=items_list).select()
    detail = app.find(None, 'Foresight item', parent=page)
    app.label(ITEM, parent=detail)
    app.label(lambda name: name is not None and item['source'] in name, parent=detail)
    for tag in item['tags']:
        app.label(tag + ' ↑', parent=detail)
    check(True, 'the item shows its tags, each marked as rising demand')

    # A challenge from it, through the editor.
    organisations = app.cli_json('list', 'organisations')
    organisation = sorted((o['name'] for o in organisations), key=str.casefold)[0]
    app.click('push button', 'Create Challenge from Item', parent=page)
    dialog = app.dialog('New Challenge')
    # Nothing is typed but the organisation: what the command line reads
    # back below came from the item.
    app.choose(dialog, 'Organisation', organisation, dropdown=True)
    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'New Challenge')

    challenges = [c for c in app.cli_json('list', 'challenges') if c['title'] == ITEM]
    check(len(challenges) == 1, 'the command line lists one challenge with the item’s title, filled in from it')
    challenge = challenges[0]
    org_id = next(o['id'] for o in organisations if o['name'] == organisation)
    check(challenge['organisation_id'] == org_id, 'it belongs to %s' % organisation)
    check(challenge['tags'] == item['tags'], 'it has the item’s tags: %s' % challenge['tags'])
    check(challenge['description'].startswith(item['summary']), 'its description starts with the summary')
    check(item['url'] in challenge['description'], 'its description names where the item came from')
    check(challenge['status'] == 'open', 'it is open')

    # The matcher sees the same rising tags as the page.
    ranked = app.cli_json('match', '--challenge', challenge['id'], '--top', '10')
    check(ranked['results'], 'the new challenge has matches')
    for result in ranked['results']:
        check(set(result['rising_tags']) == set(result['matched_tags']) & rising,
              'the match with %s counts exactly the rising tags it shares' % result['capability_id'])
    best = ranked['results'][0]
    check(best['criteria']['foresight']['score'] > 0,
          'the best match scores on foresight (%s)' % best['rising_tags'])


ictest.run(test_foresight)

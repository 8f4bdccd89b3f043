# Create an organisation, a challenge of it and two capabilities through
# the forms (the second capability's tag typed with completion from the
# tags stored); the command line reads back exactly what was entered.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ictest
from ictest import check

ORGANISATION = 'Tipton Precision Castings Ltd'
CHALLENGE = 'Lighter brake callipers for regional trains'


def test_create_records(app):
    page = app.show_page('Organisations')
    app.click('push button', 'Add Organisation', parent=page)
    dialog = app.dialog('New Organisation')
    app.fill(dialog, 'Name', ORGANISATION)
    app.choose(dialog, 'Kind', 'Large firm')
    app.set_number(dialog, 'Employees', 420)
    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'New Organisation')

    app.label(ORGANISATION, parent=page)
    organisations = app.cli_json('list', 'organisations')
    check(len(organisations) == 1, 'the command line lists one organisation')
    organisation = organisations[0]
    check(organisation['name'] == ORGANISATION, 'its name is “%s”' % ORGANISATION)
    check(organisation['kind'] == 'large-firm', 'it is a large firm')
    check(organisation['employees'] == 420, 'it has 420 employees')

    page = app.show_page('Challenges')
    app.click('push button', 'Add Challenge', parent=page)
    dialog = app.dialog('New Challenge')
    app.fill(dialog, 'Title', CHALLENGE)
    app.fill(dialog, 'Description', 'Cast aluminium callipers that weigh a third less.')
    app.choose(dialog, 'Organisation', ORGANISATION, dropdown=True)
    app.fill(dialog, 'Required Tags', 'Casting, aluminium, rail')
    app.set_number(dialog, 'Lowest TRL', 4)
    app.set_number(dialog, 'Highest TRL', 7)
    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'New Challenge')

    app.label(CHALLENGE, parent=page)
    challenges = app.cli_json('list', 'challenges')
    check(len(challenges) == 1, 'the command line lists one challenge')
    challenge = challenges[0]
    check(challenge['title'] == CHALLENGE, 'its title is “%s”' % CHALLENGE)
    check(challenge['organisation_id'] == organisation['id'], 'it belongs to the new organisation')
    check(challenge['description'] == 'Cast aluminium callipers that weigh a third less.',
          'its description is as typed')
    check(challenge['tags'] == ['casting', 'aluminium', 'rail'], 'its tags are normalised: %s' % challenge['tags'])
    check((challenge['trl_min'], challenge['trl_max']) == (4, 7), 'its TRL range is 4–7')
    check(challenge['status'] == 'open', 'it is open')


    # Two capabilities of the organisation.
    page = app.show_page('Capabilities')
    app.click('push button', 'Add Capability', parent=page)
    dialog = app.dialog('New Capability')
    app.fill(dialog, 'Title', 'High-pressure die casting of aluminium parts')
    app.choose(dialog, 'Organisation', ORGANISATION, dropdown=True)
    app.fill(dialog, 'Tags', 'casting, aluminium')
    app.set_number(dialog, 'TRL', 8)
    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'New Capability')
    app.label('1 capability', parent=page)

    # Ctrl+N makes a record of the page's kind.
    app.click_at(app.label('1 capability', parent=page))
    ictest.rawinput.keyCombo('<Control>n')
    dialog = app.dialog('New Capability')
    check(True, 'Ctrl+N opens a new capability')
    app.fill(dialog, 'Title', 'Brake component testing rigs')
    app.choose(dialog, 'Organisation', ORGANISATION, dropdown=True)
    # Type the start of a stored tag and take the suggestion.
    tags_row = app.find('text', app.starts_with('Tags'), parent=dialog)
    app.click_at(tags_row)
    ictest.time.sleep(0.3)
    ictest.rawinput.typeText('rai')
    suggestions = app.find('list', 'Suggested tags', parent=dialog)
    app.find('label', 'rail', parent=suggestions)
    check(True, 'typing “rai” suggests the stored tag “rail”')
    ictest.rawinput.pressKey('Down')
    ictest.rawinput.pressKey('Return')
    ictest.time.sleep(0.3)
    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'New Capability')
    app.label('2 capabilities', parent=page)

    capabilities = {c['title']: c for c in app.cli_json('list', 'capabilities')}
    check(sorted(capabilities) == ['Brake component testing rigs', 'High-pressure die casting of aluminium parts'],
          'the command line lists both capabilities')
    check(all(c['organisation_id'] == organisation['id'] for c in capabilities.values()),
          'both belong to the organisation')
    check(capabilities['High-pressure die casting of aluminium parts']['trl'] == 8, 'the first has TRL 8')
    check(capabilities['Brake component testing rigs']['tags'] == ['rail'],
          'the second has the completed tag: %s' % capabilities['Brake component testing rigs']['tags'])


ictest.run(test_create_records)

# "New Organisation…" in the challenge form's organisation picker opens
# an organisation form over the challenge's, showing contact, email,
# phone and postcode; once saved, the organisation is chosen.  The command line reads back both records.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import time

import ictest
from ictest import check, rawinput, wait_for
from test_organisation_picker import listed, new_challenge, open_picker, search, setup, shows

NEW_ORGANISATION = 'Quillbrook Anodising Works'


def test_organisation_new(app):
    # The Organisations page is open before, so that it has a list to
    # bring up to date.
    n_before = len(app.cli_json('list', 'organisations'))
    page = app.show_page('Organisations')
    app.label('{:,} organisations'.format(n_before), parent=page)
    dialog = new_challenge(app, 'Coatings that pass the salt-spray test')
    picker = open_picker(app, dialog)
    search(app, picker, NEW_ORGANISATION)
    wait_for('only New Organisation… listed', lambda: listed(app, picker) == ['New Organisation…'] or None,
             timeout=10)
    check(True, 'a name no organisation holds lists only New Organisation…')
    time.sleep(0.5)
    rawinput.pressKey('Return')
    form = app.dialog('New Organisation')
    app.fill(form, 'Name', NEW_ORGANISATION)
    app.fill(form, 'Contact', 'Priya Raman')
    app.fill(form, 'Email', 'priya@quillbrook.example')
    app.fill(form, 'Phone', '0121 496 0000')
    app.fill(form, 'Postcode', 'B70 9AA')
    app.click('push button', 'Save', parent=form)
    app.gone(None, 'New Organisation')
    wait_for('the picker to show the new organisation', lambda: shows(app, picker, NEW_ORGANISATION), timeout=10)
    check(True, 'the new organisation is chosen in the challenge form')
    # The main window's list counts it at once, with the challenge form
    # still open.
    page = app.show_page('Organisations')
    app.label('{:,} organisations'.format(n_before + 1), parent=page, timeout=10)
    check(True, 'the Organisations page lists the new organisation before the challenge is saved')
    app.click('push button', 'Save', parent=dialog)
    app.gone(None, 'New Challenge')

    made = [o for o in app.cli_json('list', 'organisations') if o['name'] == NEW_ORGANISATION]
    check(len(made) == 1, 'the command line lists “%s”' % NEW_ORGANISATION)
    check((made[0].get('contact'), made[0].get('email'), made[0].get('phone'), made[0].get('postcode')) ==
          ('Priya Raman', 'priya@quillbrook.example', '0121 496 0000', 'B70 9AA'),
          'with the contact, email, phone and postcode typed')
    challenge = [c for c in app.cli_json('list', 'challenges')
                 if c['title'] == 'Coatings that pass the salt-spray test'][0]
    check(challenge['organisation_id'] == made[0]['id'], 'and the second challenge names it')



ictest.run(test_organisation_new, setup)

# Files that cannot be imported open in the import dialog with the
# reason in words: an empty file, one saved as UTF-16, and one that is
# not there.  Nothing is written.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os

import ictest
from ictest import check


def setup(app):
    app.cli('init')
    empty = os.path.join(ictest.WORK, 'empty.csv')
    open(empty, 'w').close()
    utf16 = os.path.join(ictest.WORK, 'utf16.csv')
    with open(utf16, 'w', encoding='utf-16') as f:
        f.write('Company,Capability\nAcme Ltd,Laser cutting\n')
    app.args = [empty, utf16, os.path.join(ictest.WORK, 'missing.csv')]


def test_import_errors(app):
    app.label('Cannot Read “empty.csv”')
    app.label('The file is empty; its first row should name the columns')
    check(True, 'an empty file is named and the reason given')

    app.label('Cannot Read “utf16.csv”')
    app.label(app.starts_with('The file is in UTF-16; save it as “CSV UTF-8”'))
    check(True, 'a UTF-16 file is named and the way out given')

    app.label('Cannot Read “missing.csv”')
    message = app.label(lambda name: name is not None and 'missing.csv' in name and
                        'No such file' in name)
    check(True, 'a missing file says so: %s' % message.name)

    buttons = app.find_all('push button', 'Import')
    check(len(buttons) == 3 and not any(button.sensitive for button in buttons),
          'no dialog offers to import')
    # GTK 4.8 may put the mnemonic's underscore in the name too.
    choose = [button for button in app.find_all('push button')
              if 'Choose Another File…' in button.name.replace('_', '')]
    check(len(choose) == 3, 'each offers to choose another file')
    check(app.cli_json('list', 'capabilities') == [] and app.cli_json('list', 'organisations') == [],
          'nothing was written')


ictest.run(test_import_errors, setup=setup)

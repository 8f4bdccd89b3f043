# The Conflicts of Interest window adds a rule between two organisations
# with its reason (interchange-cli conflict-rule list sees it) and
# removes it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ictest
from ictest import check, wait_for


def setup(app):
    app.cli('demo')


def test_conflict_rules(app):
    organisations = app.cli_json('list', 'organisations')
    ictest.rawinput.keyCombo('<Control><Shift>i')
    window = app.dialog('Conflicts of Interest')
    app.fill(window, 'Reason', 'Same group')
    app.click('push button', lambda name: name is not None and 'Add Rule' in name.replace('_', ''), parent=window)
    rules = wait_for('the rule stored', lambda: app.cli_json('conflict-rule', 'list') or None, timeout=15)
    check(len(rules) == 1 and rules[0]['reason'] == 'Same group', 'the command line lists the rule')
    ids = {rules[0]['organisation_id'], rules[0]['other_organisation_id']}
    check(ids <= {o['id'] for o in organisations} and len(ids) == 2, 'between two organisations')
    app.click('push button', lambda name: name is not None and name.startswith('Remove the rule between'),
              parent=window, timeout=15)
    wait_for('the rule removed', lambda: app.cli_json('conflict-rule', 'list') == [] or None, timeout=15)
    check(True, 'Remove takes it away')


ictest.run(test_conflict_rules, setup=setup)

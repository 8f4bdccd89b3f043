# The Impact page on the sample data: its six figures, read through the
# accessibility tree, are the ones `interchange-cli report impact` gives
# for the same period, for every cluster and for one; each chart names
# its numbers for a screen reader.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json

import ictest
from ictest import check, log, wait_for

FIGURES = [('Collaborations brokered', 'collaborations'), ('Across sectors', 'cross_sector'),
           ('SMEs assisted', 'smes_assisted'), ('Large organisations engaged', 'organisations_engaged'),
           ('Events held', 'events'), ('Meetings scheduled', 'meetings')]


def setup(app):
    app.cli('demo')


def figures_shown(app, page):
    shown = {}
    for title, _ in FIGURES:
        node = app.find(None, app.starts_with(title + ': '), parent=page)
        shown[title] = int(node.name.rsplit(': ', 1)[1])
    return shown


def wait_figures(app, page, expected):
    want = {title: expected[key] for title, key in FIGURES}
    return wait_for('the figures %s' % want, lambda: figures_shown(app, page) == want, timeout=30)


def test_impact(app):
    page = app.show_page('Impact')
    to = datetime.date.today().isoformat()
    start = (datetime.date.today() - datetime.timedelta(days=540)).isoformat()
    app.fill(page, 'First day of the period', start)
    app.fill(page, 'Last day of the period', to)
    app.click('push button', lambda n: n is not None and 'Show' in n.replace('_', '').split(), parent=page)

    expected = json.loads(app.cli('report', 'impact', '--from', start, '--to', to))
    log('the command line counts %s' % {k: expected[k] for _, k in FIGURES})
    check(expected['collaborations'] > 0, 'the sample data has collaborations in the last 18 months')
    wait_figures(app, page, expected)
    check(True, 'the page shows the same six figures as the command line')

    chart = app.find('image', app.starts_with('Collaborations per quarter'), parent=page)
    description = chart.description
    first = expected['by_quarter'][-1]
    check('%s: %d collaborations, %d across sectors' % (first['quarter'], first['collaborations'],
                                                      first['cross_sector']) in description,
          'the bar chart describes its numbers: %r' % description.splitlines()[-1])
    heat = app.find('image', app.starts_with('Collaborations by cluster'), parent=page)
    check('Challenge ' in heat.description, 'the heat map describes its cells')

    # One cluster.
    cluster = expected['by_cluster_pair'][0]['challenge_cluster']
    name = [c for c in app.cli_json('taxonomy', 'list')['clusters'] if c['id'] == cluster][0]['name']
    app.choose(page, 'Cluster', name, dropdown=True)
    one = json.loads(app.cli('report', 'impact', '--from', start, '--to', to, '--cluster', cluster))
    wait_figures(app, page, one)
    check(one['collaborations'] <= expected['collaborations'],
          'the figures for %s match the command line' % name)


ictest.run(test_impact, setup=setup)

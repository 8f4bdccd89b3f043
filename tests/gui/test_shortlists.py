# The Shortlists page as a working tool: a shortlist made from the
# command line is edited in the window — a stage, a note, the order, an
# entry removed and brought back with Undo, one removed for good — and
# every change is read back through interchange-cli --json.  Then the
# shortlist goes out as CSV and PDF through the Export menu and the file
# chooser, is printed to a file through the print dialog, and is
# deleted and restored.  A PDF leaves the private note and the stages
# out unless they are ticked; Print Preview with no viewer says so.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import os
import shutil
import subprocess
import time

import ictest
from ictest import check, log, rawinput, wait_for

STATE = {}


def setup(app):
    app.cli('demo')
    challenges = [c for c in app.cli_json('list', 'challenges') if c['status'] == 'open']
    challenge = sorted(challenges, key=lambda c: c['title'].casefold())[0]
    STATE['id'] = app.cli('shortlist', 'create', '--challenge', challenge['id'], '--top', '5').strip()


def shown(app):
    return app.cli_json('shortlist', 'show', STATE['id'])


def capability_ids(app):
    return [entry['capability_id'] for entry in shown(app)['entries']]


def wait_cli(what, check_fn, app, timeout=15):
    """Waits until the shortlist as the command line reads it passes check_fn."""
    return wait_for(what, lambda: check_fn(shown(app)), timeout=timeout)


def row_titles(app, entries):
    return [item.name for item in app.find_all('list item', parent=entries)]


def top_level(app, title):
    """A window of the application's by its title (the file chooser
    reads as a filler in GTK 4.8, so the role is not asked)."""
    return wait_for('the window “%s”' % title,
                    lambda: [w for w in app.app.children if w.name == title][0])


def export(app, page, name, item, path, expect_error=False, include=None, expect_include=None):
    """Exports through the menu and the file chooser; @include ticks or
    clears its "Include notes" and "Include stages" boxes, after checking
    they read @expect_include."""
    app.click_at(app.find('push button', 'Export…', parent=page))
    node = app.find('menu item', item, parent=app.app)
    node.doActionNamed('click')
    dialog = top_level(app, 'Export “%s”' % name)
    for label, wanted in (expect_include or {}).items():
        box = app.find('check box', label, parent=dialog)
        check(box.checked == wanted, '“%s” is %s at first' % (label, 'ticked' if wanted else 'clear'))
    for label, wanted in (include or {}).items():
        box = app.find('check box', label, parent=dialog)
        if box.checked != wanted:
            app.click_at(box)
        wait_for('“%s” to be %s' % (label, wanted), lambda: box.checked == wanted, timeout=5)
    field = app.find('text', lambda n: n in ('Name', 'Name:', 'File name'), parent=dialog)
    suggested = field.text
    if suggested:
        check(not any(q in suggested for q in '“”‘’"'), 'the proposed file name has no quotation marks: %s' % suggested)
    field.queryEditableText().setTextContents(path)
    time.sleep(0.5)
    app.click('push button', lambda n: n is not None and 'Export' in n.replace('_', ''), parent=dialog)
    if expect_error:
        toast = app.toast(lambda text: text.startswith('Cannot export “%s” to %s: ' % (name, path)))
        check(not os.path.exists(path), 'a failed export says why (“%s”) and leaves no file' % toast.name)
        return
    app.toast('Exported “%s” to %s' % (name, os.path.basename(path)))
    check(os.path.exists(path), 'the export wrote %s' % os.path.basename(path))
    app.near_top('push button', lambda n: n.replace('_', '') in ('Open', 'Open Open'), 'the toast’s Open')
    app.near_top('push button', lambda n: n.replace('_', '').startswith('Show in Folder'), 'the toast’s Show in Folder')
    check(True, 'the toast offers Open and Show in Folder')


def print_to_file(app, page, name, path, tick=()):
    """Prints the shown shortlist with Print to File (which proposes the
    shortlist's name in the home folder: there is no Documents folder
    here), ticking @tick on the Private Details tab first; the text of
    the printed PDF, whitespace squeezed."""
    app.click('push button', 'Print “%s”' % name, parent=page)
    dialog = app.find('dialog', 'Print', parent=app.app)
    app.click_at(app.find('label', 'Print to File', parent=dialog))
    time.sleep(1)
    if tick:
        app.click_at(app.find('label', 'Private Details', parent=dialog))
        time.sleep(1)
        for label in tick:
            # GTK 4.8's check boxes take clicks, not accessible actions
            # (as in the export chooser); the tab's nodes are found afresh.
            box = app.find('check box', label, parent=dialog)
            check(not box.checked, '“%s” is not ticked to begin with' % label)
            app.click_at(box)
            wait_for('“%s” ticked' % label,
                     lambda: app.find('check box', label, parent=dialog).checked or None, timeout=5)
    app.click('push button', lambda n: n is not None and n.replace('_', '').split()[:1] == ['Print'],
              parent=dialog)
    wait_for('the printed file', lambda: os.path.exists(path) and os.path.getsize(path) > 0, timeout=30)
    time.sleep(1)
    return ' '.join(subprocess.run(['pdftotext', path, '-'], capture_output=True, text=True,
                                   check=True).stdout.split())


def test_shortlists(app):
    record = shown(app)
    name = record['name']
    ids = capability_ids(app)
    titles = {c: app.cli_json('show', c)['title'] for c in ids}
    check(len(ids) == 5, 'the command line made a shortlist of five')

    page = app.show_page('Shortlists')
    # A list of every shortlist with a search; the chosen one beside it.
    listed = app.cli_json('shortlist', 'list')
    shortlists = app.find('list', 'Shortlists', parent=page)
    wait_for('every shortlist in the list',
             lambda: len(app.find_all('list item', parent=shortlists)) == len(listed))
    check(len(listed) > 10, 'the Shortlists page lists all %d shortlists' % len(listed))
    # The longest word of the name: found in its own and a few others.
    word = max(name.replace(':', ' ').split(), key=len)
    search = app.find('entry', 'Search Shortlists', parent=page)
    search.queryEditableText().setTextContents(word.upper())
    challenge_titles = {s['challenge_id']: app.cli_json('show', s['challenge_id'])['title']
                        for s in listed if s.get('challenge_id')}
    matching = sorted(s['name'] for s in listed
                      if word.casefold() in (s['name'] + '\n' + challenge_titles.get(s.get('challenge_id'), '')).casefold())

    def shown_rows():
        return sorted(row.name for row in app.find_all('list item', parent=shortlists))
    wait_for('the search to leave the matching shortlists', lambda: shown_rows() == matching)
    check(len(matching) < len(listed),
          'searching “%s” leaves the %d of %d shortlists that name it' % (word.upper(), len(matching), len(listed)))
    entries = app.open_shortlist(page, name)
    others = [e.name for e in app.find_all('list', parent=page) if (e.name or '').startswith('Entries of ')]
    check(others == ['Entries of “%s”' % name], 'only the chosen shortlist is shown beside the list')
    wait_for('five rows', lambda: len(row_titles(app, entries)) == 5)
    check(row_titles(app, entries) == [titles[c] for c in ids], 'the rows are in shortlist order')
    first, second, third, fourth, fifth = (titles[c] for c in ids)

    # Stage, changed in place.
    app.choose(entries, 'Stage of “%s”' % first, 'Contacted', dropdown=True)
    wait_cli('the stage to be saved', lambda r: r['entries'][0]['stage'] == 'contacted', app)
    check(True, 'the command line shows “%s” as contacted' % first)

    # A note, typed and confirmed with Enter.
    note = app.find('text', 'Note on “%s”' % second, parent=entries)
    app.click_at(note)
    rawinput.typeText('Call Priya in March')
    rawinput.pressKey('Return')
    wait_cli('the note to be saved', lambda r: r['entries'][1].get('note') == 'Call Priya in March', app)
    check(True, 'the command line shows the note on “%s”' % second)

    # Moving: the third up by its button, then up again from the keyboard.
    app.click('push button', 'Move “%s” up' % third, parent=entries)
    wait_cli('the new order', lambda r: [e['capability_id'] for e in r['entries']][:3] ==
             [ids[0], ids[2], ids[1]], app)
    check(row_titles(app, entries)[:3] == [first, third, second], 'the button moved the row up one place')
    app.click_at(app.find('text', 'Note on “%s”' % third, parent=entries))
    rawinput.keyCombo('<Alt>Up')
    wait_cli('the order after Alt+Up', lambda r: [e['capability_id'] for e in r['entries']][:3] ==
             [ids[2], ids[0], ids[1]], app)
    wait_for('the rows in the new order', lambda: row_titles(app, entries)[:3] == [third, first, second])
    check(True, 'Alt+Up moved the row to the top, on screen and in the database')
    order = [ids[2], ids[0], ids[1], ids[3], ids[4]]

    # Removing with Undo.
    app.click('push button', 'Remove “%s” from the shortlist' % fourth, parent=entries)
    app.toast('“%s” removed from the shortlist' % fourth)
    wait_cli('the entry to go', lambda r: ids[3] not in [e['capability_id'] for e in r['entries']], app)
    check(fourth not in row_titles(app, entries), 'the removed row is gone from the window')
    app.click_toast_button('Undo')
    wait_cli('the entry to come back', lambda r: [e['capability_id'] for e in r['entries']] == order, app)
    wait_for('the row to come back', lambda: row_titles(app, entries) == [titles[c] for c in order])
    check(True, 'Undo put “%s” back in its place' % fourth)

    # Removing for good.
    app.click('push button', 'Remove “%s” from the shortlist' % fifth, parent=entries)
    order.remove(ids[4])
    wait_cli('the fifth to go', lambda r: [e['capability_id'] for e in r['entries']] == order, app)
    wait_for('four rows', lambda: row_titles(app, entries) == [titles[c] for c in order])
    record = shown(app)
    check(record['entries'][1]['stage'] == 'contacted' and record['entries'][2].get('note') == 'Call Priya in March',
          'the stage and the note moved with their entries')

    # Export as CSV and as PDF.
    out = os.path.join(ictest.WORK, 'out')
    os.makedirs(out)
    csv_path = os.path.join(out, 'shortlist.csv')
    export(app, page, name, 'CSV Spreadsheet…', csv_path,
           expect_include={'Include notes': True, 'Include stages': True})
    with open(csv_path, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.DictReader(f))
    log('CSV columns: %s' % ', '.join(rows[0].keys()))
    check(len(rows) == 4, 'the CSV has a row per entry')
    check([row['capability_id'] for row in rows] == order, 'the CSV lists the entries in the new order')
    check(rows[1]['stage'].casefold() == 'contacted' and rows[2]['note'] == 'Call Priya in March'
          and all(row['note'] == '' for i, row in enumerate(rows) if i != 2),
          'the CSV carries the stage and the note on the right rows')

    # A folder no one can write in, even root: the export fails in words.
    export(app, page, name, 'JSON…', '/proc/shortlist.json', expect_error=True)

    # A PDF is what is sent: the notes and stages stay out unless ticked.
    pdf_path = os.path.join(out, 'shortlist.pdf')
    export(app, page, name, 'PDF Report…', pdf_path,
           expect_include={'Include notes': False, 'Include stages': False})
    pdf_text = subprocess.run(['pdftotext', '-layout', pdf_path, '-'], capture_output=True, text=True,
                              check=True).stdout
    squeezed = ' '.join(pdf_text.split())
    check(first.split()[0] in squeezed and 'Call Priya in March' not in squeezed and 'Stage:' not in squeezed,
          'by default the PDF shows the entries without the note or the stages')
    pdf_path = os.path.join(out, 'shortlist-noted.pdf')
    export(app, page, name, 'PDF Report…', pdf_path, include={'Include notes': True})
    pdf_text = subprocess.run(['pdftotext', '-layout', pdf_path, '-'], capture_output=True, text=True,
                              check=True).stdout
    squeezed = ' '.join(pdf_text.split())
    check('Call Priya in March' in squeezed and 'Stage:' not in squeezed,
          'with Include notes ticked it shows the note, still without stages')

    # Print Preview with no document viewer installed says so.
    if not shutil.which('evince'):
        app.click('push button', 'Print “%s”' % name, parent=page)
        dialog = app.find('dialog', 'Print', parent=app.app)
        app.click('push button', lambda n: n is not None and n.replace('_', '').startswith('Preview'), parent=dialog)
        toast = app.toast(lambda text: text.startswith('Cannot show a print preview of “%s”' % name))
        check('no document viewer' in toast.name, 'Print Preview with no viewer says why: %s' % toast.name)
        app.gone('dialog', 'Print', parent=app.app)

    # Print, to a file through the print dialog: like the PDF, the
    # private note and the stages stay out unless ticked on the
    # dialog's Private Details tab.
    home = os.environ['HOME']
    printed_path = os.path.join(home, name.replace(':', '-') + '.pdf')
    printed_text = print_to_file(app, page, name, printed_path)
    check(first.split()[0] in printed_text, 'printing drew the same report')
    check('Call Priya in March' not in printed_text and 'Stage:' not in printed_text,
          'by default the printed copy has neither the private note nor the stages')
    os.remove(printed_path)
    printed_text = print_to_file(app, page, name, printed_path, tick=['Include notes', 'Include stages'])
    check('Call Priya in March' in printed_text and 'Stage:' in printed_text,
          'with Include notes and Include stages ticked the printed copy has both')

    # Deleting the whole shortlist, and Undo.
    app.click('push button', 'Delete “%s”' % name, parent=page)
    app.toast('“%s” deleted' % name)
    wait_cli('the shortlist to be deleted', lambda r: r['deleted'] is True, app)
    check(STATE['id'] not in [s['id'] for s in app.cli_json('shortlist', 'list')],
          'the command line no longer lists the shortlist')
    app.click_toast_button('Undo')
    wait_cli('the shortlist to be restored', lambda r: r['deleted'] is False, app)
    entries = app.find('list', 'Entries of “%s”' % name, parent=page)
    wait_for('the rows again', lambda: row_titles(app, entries) == [titles[c] for c in order])
    check(True, 'Undo brought the shortlist back with its four entries')


ictest.run(test_shortlists, setup=setup)

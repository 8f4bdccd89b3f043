# ictest.py — what the GUI tests share: starting interchange on a fresh
# database under run-gui-test, finding widgets in the accessibility tree
# with a deadline, and asking interchange-cli about the same database.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys
import time

WORK = os.environ.get('INTERCHANGE_GUI_WORK')
if WORK is None:
    sys.stderr.write('Run this test through tests/gui/run-gui-test.\n')
    sys.exit(2)

try:
    from dogtail import config as dogtail_config
    dogtail_config.config.logDebugToStdOut = False
    dogtail_config.config.logDebugToFile = False
    dogtail_config.config.checkForA11y = False
    dogtail_config.config.searchShowingOnly = False
    dogtail_config.config.defaultDelay = 0.2
    dogtail_config.config.actionDelay = 0.2
    dogtail_config.config.typingDelay = 0.02
    dogtail_config.config.childrenLimit = 2000
    from dogtail import predicate, rawinput, tree
    import pyatspi
except Exception as error:  # a missing module or no accessibility bus
    sys.stderr.write('dogtail cannot start: %s\n' % error)
    sys.exit(1)

# How long a step may wait for the window.  A healthy step takes a second
# or two; the sanitizer build on a shared, busy machine can take twenty.
DEFAULT_TIMEOUT = 40


class TestFailure(Exception):
    pass


_START = time.monotonic()


def log(message):
    # The seconds since the test began show where a slow test spends its time.
    sys.stdout.write('# [%5.1f] %s\n' % (time.monotonic() - _START, message))
    sys.stdout.flush()


def wait_for(what, check, timeout=DEFAULT_TIMEOUT, interval=0.2):
    """Calls check() until it returns something true; fails after timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            result = check()
            if result:
                return result
        except TestFailure:
            raise
        except Exception as error:  # the tree changes under us while we look
            last_error = error
        time.sleep(interval)
    raise TestFailure('timed out after %ss waiting for %s%s' %
                      (timeout, what, ' (%s)' % last_error if last_error else ''))


class Interchange:
    """The application under test, on the database WORK/db."""

    def __init__(self):
        self.db = os.path.join(WORK, 'db', 'interchange.db')
        self.binary = os.environ['INTERCHANGE_BIN']
        self.cli_binary = os.environ['INTERCHANGE_CLI']
        self.process = None
        self.app = None
        # Further arguments, such as files to open.
        self.args = []
        self.log_path = os.path.join(WORK, 'interchange.log')

    # Life cycle

    def start(self):
        log('starting %s --db %s' % (self.binary, self.db))
        self.log_file = open(self.log_path, 'w')
        self.process = subprocess.Popen(os.environ.get('INTERCHANGE_WRAPPER', '').split() + [self.binary, '--db', self.db] + self.args,
                                        stdout=self.log_file, stderr=subprocess.STDOUT)
        self.app = wait_for('interchange in the accessibility tree', self._find_app, timeout=40)
        self.window = wait_for('the main window', lambda: self.find('frame', 'Interchange', parent=self.app,
                                                               timeout=None))
        return self

    def _find_app(self):
        if self.process.poll() is not None:
            raise TestFailure('interchange exited with status %s:\n%s' %
                              (self.process.returncode, self.read_log()))
        for app in tree.root.applications():
            try:
                if app.name in ('interchange', 'Interchange') and app.get_process_id() == self.process.pid:
                    return app
            except Exception:
                continue
        for app in tree.root.applications():
            if app.name in ('interchange', 'Interchange'):
                return app
        return None

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log_file.close()
        self.process = None

    def read_log(self):
        try:
            with open(self.log_path) as f:
                return f.read()
        except OSError:
            return ''

    def __enter__(self):
        return self.start()

    def __exit__(self, exc_type, exc, tb):
        if exc is not None:
            # A failed wait says only what did not come; whether the
            # application was still running tells a hang from a crash.
            status = self.process.poll() if self.process is not None else None
            try:
                log('windows open: %s' % ', '.join('“%s”' % w.name for w in self.app.children))
            except Exception as error:
                log('windows open: unknown (%s)' % error)
            log('interchange %s; its log:\n%s' %
                ('still running' if status is None else 'exited with status %s' % status, self.read_log()))
        self.stop()
        return False

    # Finding widgets

    def find(self, role, name, parent=None, timeout=DEFAULT_TIMEOUT, showing=None):
        """The first node with @role and @name (a string, or a function of
        the name) under @parent, waiting up to @timeout seconds."""
        parent = parent or self.app

        def match(node):
            try:
                if role is not None and node.roleName != role:
                    return False
                if callable(name):
                    return name(node.name)
                return name is None or node.name == name
            except Exception:
                return False

        def look():
            node = parent.findChild(match, retry=False, requireResult=False)
            if node is not None and showing is not None and node.showing != showing:
                return None
            return node

        if timeout is None:
            return look()
        return wait_for('%s “%s”' % (role, name if not callable(name) else '…'), look, timeout=timeout)

    def find_all(self, role, name=None, parent=None):
        parent = parent or self.app

        def match(node):
            try:
                return node.roleName == role and (name is None or node.name == name)
            except Exception:
                return False
        return parent.findChildren(match)

    def gone(self, role, name, parent=None, timeout=DEFAULT_TIMEOUT):
        wait_for('%s “%s” to go away' % (role, name),
                 lambda: self.find(role, name, parent=parent, timeout=None) is None, timeout=timeout)

    def click(self, role, name, parent=None, timeout=DEFAULT_TIMEOUT):
        node = self.find(role, name, parent=parent, timeout=timeout)
        wait_for('“%s” to be sensitive' % name, lambda: node.sensitive)
        log('click %s “%s”' % (role, name))
        node.doActionNamed('click')
        return node

    def dump(self, node=None, depth=0, max_depth=40):
        node = node or self.app
        try:
            sys.stdout.write('# %s%s “%s”%s\n' % ('  ' * depth, node.roleName, node.name,
                                                '' if node.showing else ' (hidden)'))
            if depth < max_depth:
                for child in node.children:
                    self.dump(child, depth + 1, max_depth)
        except Exception as error:
            sys.stdout.write('# %s(gone: %s)\n' % ('  ' * depth, error))

    # Pages and forms

    def show_page(self, title):
        """Selects @title in the sidebar and returns the page's panel."""
        log('show page %s' % title)
        self.find('list item', title, parent=self.window).select()
        return self.find('panel', title, parent=self.window)

    def open_shortlist(self, page, name):
        """On the Shortlists page, finds @name with the search entry and
        chooses it; returns its list of entries."""
        log('open shortlist %s' % name)
        search = self.find('entry', 'Search Shortlists', parent=page)
        search.queryEditableText().setTextContents(name)
        shortlists = self.find('list', 'Shortlists', parent=page)
        row = self.find('list item', name, parent=shortlists)
        row.select()
        return self.find('list', 'Entries of “%s”' % name, parent=page)

    def dialog(self, title, timeout=DEFAULT_TIMEOUT):
        """The window or dialog called @title: a top-level window first,
        else anything of that name inside a window other than the main
        one.  A tab or button of the main window with the same name (the
        Matches page's "Not a Match") is never it, even while the dialog
        is still opening."""
        def look():
            try:
                windows = [w for w in self.app.children if w is not None]
            except Exception:
                return None
            for window in windows:
                try:
                    if window.name == title:
                        return window
                except Exception:
                    continue
            def match(node):
                try:
                    return node.name == title and node.roleName != 'page tab'
                except Exception:
                    return False
            for window in windows:
                # A window closed a moment ago may still be listed; its
                # going must not hide the one asked for.
                try:
                    if window != self.window:
                        node = window.findChild(match, retry=False, requireResult=False)
                        if node is not None:
                            return node
                except Exception:
                    continue
            return None
        return wait_for('the dialog “%s”' % title, look, timeout=timeout)

    def record_view(self, kind, timeout=DEFAULT_TIMEOUT):
        """The window showing a stored record of @kind ("Organisation"),
        as it opens: the record as text, with Edit.  Only top-level
        windows count (a column or group may have the same name)."""
        def look():
            try:
                for window in self.app.children:
                    if window is not None and window.name == kind:
                        return window
            except Exception:
                pass
            return None
        return wait_for('the record window “%s”' % kind, look, timeout=timeout)

    def edit_record(self, kind, timeout=DEFAULT_TIMEOUT):
        """Opens the form of the stored record of @kind just opened:
        presses Edit in its window, which then reads "Edit @kind".
        Returns the window."""
        window = kind if not isinstance(kind, str) else self.record_view(kind, timeout=timeout)
        edit = self.find('push button', lambda name: name is not None and
                         name.replace('_', '') in ('Edit', 'Edit Edit'), parent=window)
        log('press Edit in “%s”' % window.name)
        edit.doActionNamed('click')
        wait_for('the form to open', lambda: (window.name or '').startswith('Edit '))
        return window

    def starts_with(self, prefix):
        return lambda name: name is not None and name.startswith(prefix)

    def fill(self, dialog, title, text):
        """Types @text into the text row or text view called @title."""
        log('fill “%s” with “%s”' % (title, text))
        node = self.find('text', self.starts_with(title), parent=dialog)
        node.queryEditableText().setTextContents(text)
        return node

    def set_number(self, dialog, title, value):
        log('set “%s” to %s' % (title, value))
        node = self.find('spin button', self.starts_with(title), parent=dialog)
        node.value = value
        wait_for('“%s” to read %s' % (title, value), lambda: abs(node.value - value) < 1e-6)
        return node

    def choose(self, parent, title, item, dropdown=False):
        """Picks @item in the combo row (or, with @dropdown, the
        GtkDropDown) @title.  Neither takes accessible actions in GTK 4.8
        and libadwaita 1.2, so this clicks it (windows sit at the origin
        of a bare Xvfb screen, so window and screen coordinates agree) and
        moves through the popover's list with the keyboard."""
        log('choose “%s” in “%s”' % (item, title))
        if dropdown:
            node = self.find('combo box', title, parent=parent)
        else:
            node = self.find('combo box', self.starts_with(title), parent=parent)

        def labels(container):
            return [label.name for label in self.find_all('label', parent=container)]

        def shown():
            # What the closed row or drop-down displays.
            if dropdown:
                return labels(self.find('push button', None, parent=node, timeout=None))
            return labels(self.find_all('list', 'GtkListView', parent=node)[0])

        def open_list():
            lists = self.find_all('list', 'GtkListView', parent=node)
            if not dropdown and len(lists) < 2:
                return None
            return lists[-1] if lists else None

        def popover_list():
            popover = open_list()
            return popover if popover is not None and item in labels(popover) else None

        popover = None
        # A loaded machine can take seconds to open a popover, or drop a
        # click that arrives while the window is busy: try a few times.
        for attempt in range(6):
            self.click_at(node)
            try:
                wait_for('the list of “%s”' % title, open_list, timeout=5)
                break
            except TestFailure:
                continue
        else:
            raise TestFailure('“%s” does not open' % title)
        search = None
        if dropdown and popover_list() is None:
            search = self.find('entry', None, parent=node, timeout=None)
        if search is not None:
            # A long list shows only its first rows: search, as a person would.
            log('search “%s” for “%s”' % (title, item))
            search.queryEditableText().setTextContents(item)
        popover = wait_for('“%s” in the list of “%s”' % (item, title), popover_list, timeout=10)
        time.sleep(0.3)

        choices = labels(popover)
        current = [name for name in shown() if name in choices][:1]
        steps = choices.index(item) - (choices.index(current[0]) if current else 0)
        for _ in range(abs(steps)):
            rawinput.pressKey('Down' if steps > 0 else 'Up')
        rawinput.pressKey('Return')
        wait_for('“%s” to show “%s”' % (title, item), lambda: item in shown(), timeout=DEFAULT_TIMEOUT)
        return node

    def click_at(self, node):
        x, y, width, height = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        rawinput.click(x + width // 2, y + height // 2)

    def near_top(self, role, text, what, timeout=DEFAULT_TIMEOUT, window=None):
        """A node of @role named @text (or whose name satisfies it) in the
        first levels of the window, where toasts are.  Toasts go in a few
        seconds, so this does not walk the whole tree."""
        def matches(name):
            return name is not None and (text(name) if callable(text) else name == text)

        def look():
            level = [window or self.window]
            for _ in range(6):
                following = []
                for node in level:
                    for child in node.children:
                        if child.roleName == role and matches(child.name):
                            return child
                        following.append(child)
                level = following
            return None
        return wait_for(what, look, timeout=timeout, interval=0.1)

    def toast(self, text, timeout=DEFAULT_TIMEOUT, window=None):
        """A toast in the main window, or in @window (a dialog's own)."""
        return self.near_top('label', text, 'a toast', timeout=timeout, window=window)

    def click_toast_button(self, label, timeout=DEFAULT_TIMEOUT, window=None):
        # A mnemonic label reads "_Undo Undo" in GTK 4.8's accessible name.
        button = self.near_top('push button', lambda name: label in name.replace('_', '').split(),
                               'the toast button “%s”' % label, timeout=timeout, window=window)
        log('click the toast button “%s”' % label)
        button.doActionNamed('click')
        return button

    def label(self, text, parent=None, timeout=DEFAULT_TIMEOUT):
        return self.find('label', text, parent=parent, timeout=timeout)

    # The same database, through the command line

    def cli(self, *args):
        for attempt in range(5):
            try:
                result = subprocess.run([self.cli_binary, '--db', self.db] + list(args),
                                        capture_output=True, text=True, timeout=60)
                break
            except (PermissionError, FileNotFoundError):
                # The binary is being linked again by a build running now.
                if attempt == 4:
                    raise
                time.sleep(2)
        if result.returncode != 0:
            raise TestFailure('interchange-cli %s failed (%d): %s' %
                              (' '.join(args), result.returncode, result.stderr))
        return result.stdout

    def cli_json(self, *args):
        return json.loads(self.cli(*(list(args) + ['--json'])))


def check(condition, message):
    if not condition:
        raise TestFailure(message)
    log('ok: ' + message)


def run(test, setup=None):
    """Runs test(app) on a fresh database (after setup(app), which may fill
    it through the command line before the window opens), prints TAP-like
    lines and exits with 0 on success, 1 on failure."""
    name = getattr(test, '__name__', 'test')
    try:
        app = Interchange()
        if setup is not None:
            setup(app)
        with app:
            test(app)
        # A sanitizer's report or a warning from the application fails
        # the test even when everything on screen was right.
        problems = [line for line in app.read_log().splitlines()
                    if 'runtime error:' in line or 'AddressSanitizer' in line
                    or '-CRITICAL **' in line or '-WARNING **' in line
                    and 'Screen coordinates not supported' not in line]
        if problems:
            raise TestFailure('interchange reported problems:\n' + '\n'.join(problems))
    except TestFailure as failure:
        sys.stdout.write('not ok - %s: %s\n' % (name, failure))
        sys.exit(1)
    except Exception:
        import traceback
        traceback.print_exc()
        sys.stdout.write('not ok - %s: unexpected error\n' % name)
        sys.exit(1)
    sys.stdout.write('ok - %s\n' % name)
    sys.exit(0)

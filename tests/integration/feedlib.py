"""Shared helpers for the feed's integration tests: the real
interchange-feed-server on 127.0.0.1, client databases driven through
interchange-cli, plain HTTP, and a fake misbehaving server.

Every process a test starts is stopped in its clean-up, even when the
test fails; every wait is bounded."""

from http.server import BaseHTTPRequestHandler, HTTPServer
import json
import os
import queue
import shutil
import signal
import socket
import socketserver
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request

CLI = os.environ.get("INTERCHANGE_CLI", "interchange-cli")
SERVER = os.environ.get("INTERCHANGE_FEED_SERVER", "interchange-feed-server")
GEN_DATA = os.environ.get("INTERCHANGE_GEN_DATA")

# A sync against a misbehaving server must give up quickly.
FAST = ["--timeout", "1", "--retries", "1"]


def test_env():
    env = dict(os.environ)
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY", "INTERCHANGE_DB", "INTERCHANGE_FEED_TOKEN"):
        env.pop(name, None)
    env.update({
        "LC_ALL": "C.UTF-8",
        "INTERCHANGE_AUTHOR": "Test Expert",
        "INTERCHANGE_NO_KEYRING": "1",
        "GIO_USE_PROXY_RESOLVER": "dummy",
    })
    return env


def http(method, url, token=None, body=None, headers=None, timeout=10):
    """(status, headers, body bytes); never raises for an HTTP status."""
    data = body.encode() if isinstance(body, str) else body
    request = urllib.request.Request(url, data=data, method=method)
    if token is not None:
        request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class FeedServer:
    """The real interchange-feed-server, on a port of its choosing."""

    def __init__(self, folder, name="server"):
        self.db = os.path.join(folder, name + ".db")
        self.process = None
        self.port = 0
        self.url = None
        self.log = []
        self._log_lock = threading.Lock()

    def run(self, *args):
        return subprocess.run([SERVER, "--db", self.db, *args], capture_output=True, text=True,
                              env=test_env(), timeout=30)

    def token(self, name, read_only=False):
        result = self.run("token", "add", name, *(["--read-only"] if read_only else []))
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def start(self, *extra):
        """Starts the server (on the port it had before, if any)."""
        assert self.process is None
        self.process = subprocess.Popen(
            [SERVER, "--db", self.db, "--listen", "127.0.0.1:%d" % self.port, *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=test_env(),
            start_new_session=True)
        lines = queue.Queue()
        threading.Thread(target=self._read_stdout, args=(self.process, lines), daemon=True).start()
        threading.Thread(target=self._read_stderr, args=(self.process,), daemon=True).start()
        try:
            first = lines.get(timeout=15)
        except queue.Empty:
            self.kill()
            raise AssertionError("the server did not say where it listens")
        assert first.startswith("Listening on "), first
        self.url = first.split()[-1].rstrip("/")
        self.port = int(self.url.rsplit(":", 1)[1])
        return self

    @staticmethod
    def _read_stdout(process, lines):
        for line in process.stdout:
            lines.put(line.strip())

    def _read_stderr(self, process):
        for line in process.stderr:
            with self._log_lock:
                self.log.append(line.rstrip("\n"))

    def log_lines(self):
        with self._log_lock:
            return list(self.log)

    def wait_for_log(self, fragment, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(fragment in line for line in self.log_lines()):
                return True
            time.sleep(0.02)
        return False

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def _forget(self):
        self.process.wait(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            try:
                stream.close()
            except OSError:
                pass
        self.process = None

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self._forget()

    def kill(self):
        """SIGKILL: no chance to finish anything."""
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self._forget()

    def changes(self, token, since=0):
        """Every change of the server's log after @since, all pages."""
        found = []
        for _ in range(100000):
            status, _, body = http("GET", "%s/v1/changes?since=%d&limit=1000" % (self.url, since), token)
            assert status == 200, body
            page = json.loads(body)
            found.extend(page["changes"])
            since = page["last_seq"]
            if not page["more"]:
                return found
        raise AssertionError("the log did not end")


class Client:
    """One laptop: a database driven through interchange-cli."""

    def __init__(self, folder, name):
        self.folder = folder
        self.name = name
        self.db = os.path.join(folder, name + ".db")
        self.token_file = os.path.join(folder, name + ".token")
        self.cli_ok("init")

    def use_token(self, token):
        with open(self.token_file, "w") as f:
            f.write(token + "\n")

    def cli(self, *args, timeout=180):
        return subprocess.run([CLI, "--db", self.db, *args], capture_output=True, text=True,
                              env=test_env(), timeout=timeout)

    def cli_ok(self, *args, **kwargs):
        result = self.cli(*args, **kwargs)
        assert result.returncode == 0, "%s %s: %s" % (self.name, args, result.stderr)
        return result

    def sync(self, url, *extra, ok=True):
        result = self.cli("sync", "--feed", url, "--token-file", self.token_file, "--json", *extra)
        if ok:
            assert result.returncode == 0, "%s sync: %s" % (self.name, result.stderr)
        else:
            assert result.returncode == 1, "%s sync should fail: %s %s" % (
                self.name, result.returncode, result.stdout)
        counts = json.loads(result.stdout) if result.stdout.strip() else {}
        counts["stderr"] = result.stderr
        return counts

    def status(self):
        return json.loads(self.cli_ok("sync", "--status", "--json").stdout)

    def add(self, kind, record):
        path = os.path.join(self.folder, "%s-record.json" % self.name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(record, f)
        return self.cli_ok("add", kind, "--json", path).stdout.strip()

    def show(self, record_id):
        return json.loads(self.cli_ok("show", record_id, "--json").stdout)

    def records(self, kind):
        return sorted(json.loads(self.cli_ok("list", kind, "--json").stdout), key=lambda r: r["id"])

    def update(self, record_id, fields):
        """interchange-cli update: the fields given replace the record's."""
        path = os.path.join(self.folder, "%s-update.json" % self.name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(fields, f)
        return self.cli_ok("update", record_id, "--json", path).stdout.strip()

    def delete(self, record_id):
        self.cli_ok("delete", record_id)

    def retitle_challenge(self, record_id, title):
        """An edit, through the CSV import (a row with an id updates)."""
        current = self.show(record_id)
        path = os.path.join(self.folder, "%s-edit.csv" % self.name)
        with open(path, "w", encoding="utf-8") as f:
            f.write("id,organisation_id,title\n%s,%s,%s\n" % (record_id, current["organisation_id"], title))
        self.cli_ok("import", "challenges", path)

    def cli_background(self, *args):
        """Starts a command; finish() waits for it (bounded)."""
        return subprocess.Popen([CLI, "--db", self.db, *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=test_env())

    @staticmethod
    def finish(process, timeout=120):
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate(timeout=10)
        return process.returncode, out, err

    def team_records(self, kind):
        return [r for r in self.records(kind) if r["visibility"] == "team"]

    def waiting_ids(self):
        return {c["record_id"] for c in self.status()["conflict_copies"] if c["type"] == "waiting"}

    def fill(self, seed, organisations, challenges, capabilities):
        """Many records at once, queued in the outbox, by the benchmark generator."""
        os.unlink(self.db)
        result = subprocess.run([GEN_DATA, "--seed", str(seed), "--organisations", str(organisations),
                                 "--challenges", str(challenges), "--capabilities", str(capabilities),
                                 "--db", self.db], capture_output=True, text=True, env=test_env(),
                                timeout=300)
        assert result.returncode == 0, result.stderr


def organisation(name):
    return {"name": name, "kind": "large-firm", "cluster": "automotive", "local_authority": "sandwell"}


def challenge(organisation_id, title):
    return {"organisation_id": organisation_id, "title": title,
            "description": "A need for the integration tests", "cluster": "automotive",
            "tags": ["hydrogen", "testing"], "trl_min": 3, "trl_max": 7}


def foresight(title, kind="demand-signal", tags=("hydrogen",)):
    return {"title": title, "kind": kind, "summary": "Signal: " + title, "tags": list(tags),
            "url": "https://example.org/" + title.replace(" ", "-").lower(),
            "published": "2024-04-01T09:00:00Z", "source": "Test desk"}


class FeedTestCase(unittest.TestCase):
    """A fresh folder per test, and clean-up of every server it started."""

    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="ic-feed-it-")
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)

    def server(self, *extra, name="server"):
        server = FeedServer(self.folder, name)
        self.addCleanup(server.kill)
        self.token = server.token("expert")
        server.start(*extra)
        return server

    def client(self, name, token=None):
        client = Client(self.folder, name)
        client.use_token(token or self.token)
        return client


class FakeFeed:
    """A misbehaving feed server on 127.0.0.1, in a thread of the test.
    @behaviour(handler) answers each request; stalls end at close()."""

    def __init__(self, behaviour):
        self.behaviour = behaviour
        self.requests = []
        self.released = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                fake.requests.append(("GET", self.path))
                fake.behaviour(self)

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                self.body = self.rfile.read(length)
                fake.requests.append(("POST", self.path))
                fake.behaviour(self)

        class Server(socketserver.ThreadingMixIn, HTTPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    def close(self):
        self.released.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


def send(handler, status, body, content_type="application/json", headers=None, length=None):
    data = body.encode() if isinstance(body, str) else body
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(data) if length is None else length))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(data)
    handler.wfile.flush()


class LoopbackProxy:
    """A listener on 127.0.0.1 in front of the server on @port: each
    connection goes to handle() on a thread of its own.  Subclasses say
    what crosses it."""

    def __init__(self, port):
        self.port = port
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.listener.settimeout(0.2)
        self.url = "http://127.0.0.1:%d" % self.listener.getsockname()[1]
        self.closing = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.closing.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self.handle, args=(conn,), daemon=True).start()

    def handle(self, conn):
        raise NotImplementedError

    def upstream(self):
        return socket.create_connection(("127.0.0.1", self.port), timeout=20)

    @staticmethod
    def read_message(sock):
        """One HTTP message, its head and as much body as Content-Length says."""
        data = b""
        deadline = time.monotonic() + 20
        while b"\r\n\r\n" not in data and time.monotonic() < deadline:
            chunk = sock.recv(65536)
            if not chunk:
                return data
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(rest) < length and time.monotonic() < deadline:
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
        return head + b"\r\n\r\n" + rest

    def close(self):
        self.closing.set()
        self.listener.close()
        self.thread.join(timeout=10)


class CountingRelay(LoopbackProxy):
    """A plain TCP relay that counts the bytes that cross it each way:
    what travels on the wire."""

    def __init__(self, port):
        self.sent = 0       # client to server
        self.received = 0   # server to client
        self._lock = threading.Lock()
        super().__init__(port)

    def reset(self):
        with self._lock:
            self.sent = self.received = 0

    def handle(self, conn):
        try:
            upstream = self.upstream()
        except OSError:
            conn.close()
            return
        threading.Thread(target=self._pump, args=(conn, upstream, "sent"), daemon=True).start()
        threading.Thread(target=self._pump, args=(upstream, conn, "received"), daemon=True).start()

    def _pump(self, source, target, counter):
        source.settimeout(30)
        try:
            while True:
                chunk = source.recv(65536)
                if not chunk:
                    break
                with self._lock:
                    setattr(self, counter, getattr(self, counter) + len(chunk))
                target.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

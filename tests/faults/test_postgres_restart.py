"""PostgreSQL restarted while requests run: a clean 503, recovery by itself, nothing half-stored.

The machine's own PostgreSQL is never touched: the test starts a private throwaway cluster
(initdb into a temporary folder, its own port, trust on loopback), runs the app on it under
gunicorn with production settings (debug off), and lets a few clients answer statements of a
live session and open pages while the cluster is restarted (`pg_ctl restart -m fast`), and then
stopped for a second and started again. Then:

- every response was a success or the Dutch 503 page with Retry-After; never a 500, never a
  request left hanging;
- once the database is back the app serves again within seconds without being restarted
  (CONN_HEALTH_CHECKS drops the dead connections);
- the answers stored are exactly the answer posts that were told "saved": none half-stored.
"""

import contextlib
import glob
import http.client
import itertools
import json
import os
import pwd
import random
import secrets
import shutil
import string
import subprocess
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest

from tests.faults.conftest import ROOT, free_port, needs_postgres, python

PARTICIPANTS = 60
CLIENTS = 4
REQUEST_TIMEOUT = 10
# The app must serve again this many seconds after PostgreSQL is back.
RECOVERY_SECONDS = 5
OK = {200, 302}


def _postgres_bin() -> Path | None:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4])
    )
    return Path(found[-1]).parent if found else None


class Cluster:
    """A throwaway PostgreSQL cluster in a temporary folder, on a port of its own."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="lp-faults-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "postgres.log"
        self.as_postgres: list[str] = []
        if os.geteuid() == 0:
            # initdb refuses to run as root: run the cluster as the postgres user.
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            self.as_postgres = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str, timeout: int = 30) -> None:
        subprocess.run([*self.as_postgres, *args], check=True, capture_output=True, timeout=timeout)

    def init(self) -> None:
        self._run(
            str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres",
            "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip

    def ctl(self, action: str, *extra: str) -> None:
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        self._run(
            str(self.bindir / "pg_ctl"), action, "-D", str(self.data), "-l", str(self.log),
            "-o", options, "-w", "-t", "20", *extra,
        )  # fmt: skip

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def connect(self, name: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname=name, autocommit=True
        )

    def remove(self) -> None:
        with contextlib.suppress(Exception):
            self._run(str(self.bindir / "pg_ctl"), "stop", "-D", str(self.data), "-m", "immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def cluster():
    bindir = _postgres_bin()
    if bindir is None:
        pytest.skip("needs PostgreSQL's server binaries (/usr/lib/postgresql/*/bin/initdb)")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("runs as root and there is no postgres user to run initdb as")
        if not shutil.which("runuser"):
            pytest.skip("runs as root and runuser is missing")
    cluster = Cluster(bindir)
    try:
        cluster.init()
        cluster.ctl("start")
        with cluster.connect() as conn:
            conn.execute("CREATE DATABASE lp")
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def app_server(cluster, tmp_path):
    """gunicorn with production settings on the private cluster; yields (port, setup data)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.faults.server_settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_HSTS_SECONDS="0",
        DJANGO_LOG_FORMAT="json",
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=cluster.url("lp"),
        EMAIL_URL="console://",
    )
    log = tmp_path / "server.log"

    def run(*args: str) -> str:
        result = subprocess.run(
            [python(), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    run("manage.py", "migrate", "--no-input")
    setup = json.loads(run("-m", "tests.faults.server_setup", str(PARTICIPANTS)).splitlines()[-1])
    with log.open("w") as fh:
        server = subprocess.Popen(
            [
                python(), "-m", "gunicorn", "config.wsgi:application",
                "--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "30",
                "--graceful-timeout", "2", "--log-level", "warning",
            ],
            cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while _get_status(port, "/healthz/") != 200:
            assert server.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.2)
        yield port, setup, log
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)


def _get_status(port: int, path: str) -> int | None:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", path)
        return conn.getresponse().status
    except OSError:
        return None


@dataclass
class Result:
    kind: str  # "answer" or "page"
    path: str
    started: float
    seconds: float
    status: int | None  # None: no answer within REQUEST_TIMEOUT, or the connection failed
    body: str = ""
    retry_after: str | None = None
    answer: tuple[int, int, int | None] | None = None  # (deelnemer, stelling, score)
    error: str = ""


@dataclass
class Load:
    """A few clients answering statements and opening pages until stopped: every participant
    and statement in turn, from the start again once all were sent (with the same score, so
    that what is stored can be compared with what was answered "saved"). Until session 8 each
    pair was sent once: the app got fast enough to send them all before the recovery window."""

    port: int
    setup: dict
    results: list[Result] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        pairs = [
            (d, s) for d in self.setup["deelnemers"] for s in self.setup["stellingen"]
        ]  # fmt: skip
        random.Random(7).shuffle(pairs)
        self._pairs = itertools.cycle(pairs)
        self._lock = threading.Lock()

    def _request(self, method: str, path: str, session: str, form: dict | None = None) -> Result:
        headers = {
            "Cookie": f"sessionid={session}; csrftoken={self.csrf}",
            "X-CSRFToken": self.csrf,
            "HX-Request": "true",
        }
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            conn.close()
            return Result(
                kind="answer" if form else "page",
                path=path,
                started=started,
                seconds=time.monotonic() - started,
                status=response.status,
                body=text,
                retry_after=response.getheader("Retry-After"),
            )
        except OSError as error:  # includes timeouts
            return Result(
                kind="answer" if form else "page",
                path=path,
                started=started,
                seconds=time.monotonic() - started,
                status=None,
                error=repr(error),
            )

    def _next_pair(self):
        with self._lock:
            return next(self._pairs)

    def client(self, number: int) -> None:
        code, slug = self.setup["code"], self.setup["slug"]
        pages = [
            (f"/doe-mee/{code}/vragen/", None),
            (f"/p/{slug}/", self.setup["member"]),
            ("/doe-mee/", None),
        ]
        turn = 0
        while not self.stop.is_set():
            deelnemer, stelling = self._next_pair()
            score = (deelnemer["id"] + stelling) % 6  # 0 stands for "weet ik niet"
            result = self._request(
                "POST",
                f"/doe-mee/{code}/antwoord/",
                deelnemer["session"],
                {f"s{stelling}": str(score) if score else "?"},
            )
            result.answer = (deelnemer["id"], stelling, score or None)
            page, member = pages[turn % len(pages)]
            turn += 1
            page_result = self._request("GET", page, member or deelnemer["session"])
            with self._lock:
                self.results += [result, page_result]
            time.sleep(0.01)

    def __enter__(self):
        self._threads = [
            threading.Thread(target=self.client, args=(n,), daemon=True) for n in range(CLIENTS)
        ]
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self._threads:
            thread.join(timeout=REQUEST_TIMEOUT + 5)


@needs_postgres
def test_requests_during_a_restart_fail_cleanly_and_the_app_recovers(cluster, app_server):
    port, setup, server_log = app_server
    with Load(port, setup) as load:
        time.sleep(1)
        cluster.ctl("restart", "-m", "fast")
        time.sleep(1.5)
        # And once more with a second without any database at all.
        cluster.ctl("stop", "-m", "fast")
        down_until = time.monotonic() + 1
        while time.monotonic() < down_until:
            time.sleep(0.05)
        cluster.ctl("start")
        back = time.monotonic()
        time.sleep(RECOVERY_SECONDS + 2)
    results = load.results
    first_success = min(
        (r.started + r.seconds for r in results if r.started > back and r.status in OK),
        default=float("inf"),
    )
    print(
        f"{len(results)} requests, {sum(r.status == 503 for r in results)} answered 503 "
        f"({sorted({r.path for r in results if r.status == 503})}), "
        f"{sum(r.kind == 'answer' and r.status == 200 for r in results)} answers saved, "
        f"first success {first_success - back:.2f} s after the database was back, "
        f"slowest request {max(r.seconds for r in results):.2f} s"
    )

    # Every request got an answer in time: a success or the clean 503 page, never a 500.
    assert not [r for r in results if r.status is None], [r.error for r in results if r.error][:5]
    assert max(r.seconds for r in results) < REQUEST_TIMEOUT
    statuses = {r.status for r in results}
    assert statuses <= OK | {503}, (statuses, server_log.read_text()[-3000:])
    unavailable = [r for r in results if r.status == 503]
    assert unavailable, "no request ran into the outage; the test proved nothing"
    for result in unavailable:
        assert "Even niet beschikbaar" in result.body
        assert result.retry_after == "5"
    assert {r.kind for r in unavailable} == {"answer", "page"}

    # Once the database is back, the app serves again by itself within seconds.
    later = [r for r in results if r.started > back + RECOVERY_SECONDS]
    assert later, "no requests after the recovery window"
    assert {r.status for r in later} <= OK

    # Stored answers are exactly those whose post was answered "saved".
    saved = {r.answer for r in results if r.kind == "answer" and r.status == 200}
    with cluster.connect("lp") as conn:
        stored = set(
            conn.execute(
                "SELECT a.deelnemer_id, a.stelling_id, a.score FROM condities_antwoord a "
                "JOIN condities_deelnemer d ON d.id = a.deelnemer_id WHERE d.sessie_id = %s",
                [setup["sessie"]],
            ).fetchall()
        )
        total = conn.execute("SELECT count(*) FROM condities_antwoord").fetchone()[0]
    assert total == len(stored) == len(saved)
    assert stored == saved
    assert all(score is None or 1 <= score <= 5 for _, _, score in stored)

    # The server logged the outage as JSON lines, and no secret of a participant.
    lines = [line for line in server_log.read_text().splitlines() if line.startswith("{")]
    logged = [json.loads(line) for line in lines]
    assert any(entry.get("status") == 503 for entry in logged)
    assert setup["code"] not in server_log.read_text()

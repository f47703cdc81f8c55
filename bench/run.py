"""`make bench` / `python -m bench.run`: the live workshop under load (issue 4, "Speed").

Creates its own PostgreSQL database, migrates, collects static files, loads the demo and opens a
session over all five conditions; starts gunicorn on a free loopback port; lets locust play
BENCH_USERS participants (join, then rate every statement with a think time) while two presenters
poll the live fragment every 3 s; then measures the throughput of a bare Django view and of the
presenter fragment in the same run. Prints a table with the targets, stops everything it started
and drops its database. Exits 1 when a request failed or stored answers differ from those sent.

Environment (all optional):
  DATABASE_URL              postgres://postgres@127.0.0.1:5432/lp_bench (created and dropped:
                            its name must contain "bench")
  REDIS_URL                 redis://127.0.0.1:6379/3
  BENCH_USERS               participants (300)
  BENCH_RUN_TIME            upper bound of the live scenario, e.g. 90s or 4m (4m); it ends by
                            itself when every participant has finished
  BENCH_THINK               think time between answers in seconds, "min-max" (2-6)
  BENCH_SPAWN_RATE          participants started per second (10)
  BENCH_THROUGHPUT_TIME     length of each throughput run (20s)
  BENCH_THROUGHPUT_USERS    concurrent clients in the throughput runs (16)
  BENCH_WORKERS, BENCH_WORKER_CLASS, BENCH_THREADS
                            gunicorn (3, sync, 1)
  BENCH_OUT                 a folder to keep locust's CSV and JSON files and the log in
"""

import contextlib
import csv
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import psutil
import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
LOCUSTFILE = ROOT / "bench" / "locustfile_sessie.py"

TARGET_P95_MS = 150
TARGET_RATIO = 0.4

# Request names, as the locustfile reports them.
ANSWER = "answer (htmx)"
PRESENTER_FRAGMENT = "presenter fragment"
FINISH = "finish page"
BARE = "bare view"


def _seconds(value: str) -> int:
    """'90', '90s', '4m', '1m30s' -> seconds."""
    value = value.strip().lower()
    if value.isdigit():
        return int(value)
    total, number = 0, ""
    for char in value:
        if char.isdigit():
            number += char
        elif char in "hms" and number:
            total += int(number) * {"h": 3600, "m": 60, "s": 1}[char]
            number = ""
        else:
            raise SystemExit(f"Not a duration: {value!r} (use e.g. 90s or 4m).")
    return total + int(number or 0)


@dataclass
class Config:
    database_url: str = os.environ.get(
        "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lp_bench"
    )
    redis_url: str = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3")
    users: int = int(os.environ.get("BENCH_USERS", "300"))
    run_time: int = _seconds(os.environ.get("BENCH_RUN_TIME", "4m"))
    think: str = os.environ.get("BENCH_THINK", "2-6")
    spawn_rate: int = int(os.environ.get("BENCH_SPAWN_RATE", "10"))
    throughput_time: int = _seconds(os.environ.get("BENCH_THROUGHPUT_TIME", "20s"))
    throughput_users: int = int(os.environ.get("BENCH_THROUGHPUT_USERS", "16"))
    workers: int = int(os.environ.get("BENCH_WORKERS", "3"))
    worker_class: str = os.environ.get("BENCH_WORKER_CLASS", "sync")
    threads: int = int(os.environ.get("BENCH_THREADS", "1"))
    out: str = os.environ.get("BENCH_OUT", "")


@dataclass
class Stats:
    """One row of locust's `_stats.csv`."""

    requests: int = 0
    failures: int = 0
    p50: float = 0
    p95: float = 0
    p99: float = 0
    rps: float = 0


@dataclass
class Run:
    rows: dict[str, Stats] = field(default_factory=dict)
    exceptions: int = 0
    failure_lines: list[str] = field(default_factory=list)

    @property
    def total(self) -> Stats:
        return self.rows.get("Aggregated", Stats())


def say(message: str) -> None:
    print(f"[bench] {message}", flush=True)


# --- The database: only the bench's own, created here and dropped at the end. ---------------


def _db(url: str) -> tuple[str, dict]:
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise SystemExit(
            "DATABASE_URL must be a postgres:// URL: the benchmark runs on PostgreSQL."
        )
    name = unquote(parts.path.lstrip("/"))
    if "bench" not in name:
        raise SystemExit(
            f"Refusing to use the database {name!r}: the benchmark drops its database at the end, "
            "so its name must contain 'bench' (for example lp_bench)."
        )
    server = {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 5432,
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "dbname": "postgres",
        "connect_timeout": 5,
    }
    return name, server


def db_create(url: str) -> None:
    name, server = _db(url)
    with psycopg.connect(**server, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def db_drop(url: str) -> None:
    name, server = _db(url)
    with psycopg.connect(**server, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def db_counts(url: str, sessie: int) -> dict[str, int]:
    name, server = _db(url)
    with psycopg.connect(**{**server, "dbname": name}) as conn:
        antwoorden = conn.execute(
            "SELECT count(*) FROM condities_antwoord a "
            "JOIN condities_deelnemer d ON d.id = a.deelnemer_id WHERE d.sessie_id = %s",
            [sessie],
        ).fetchone()[0]
        deelnemers = conn.execute(
            "SELECT count(*) FROM condities_deelnemer WHERE sessie_id = %s", [sessie]
        ).fetchone()[0]
    return {"antwoorden": antwoorden, "deelnemers": deelnemers}


# --- Processes: Django commands, gunicorn, locust. -------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def django_env(config: Config, port: int, static_root: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": config.database_url,
        "REDIS_URL": config.redis_url,
        "EMAIL_URL": "console://",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "BENCH_STATIC_ROOT": str(static_root),
        "BENCH_CACHE_PREFIX": f"lp-bench-{secrets.token_hex(4)}",
    }


def command(cmd: list[str], *, env: dict, log: Path, timeout: int, check: bool = True) -> None:
    """Run one of our own fixed commands (never user input), its output into the log."""
    with log.open("a") as fh:
        fh.write(f"\n$ {' '.join(cmd)}\n")
        fh.flush()
        subprocess.run(  # noqa: S603
            cmd, cwd=ROOT, env=env, stdout=fh, stderr=fh, check=check, timeout=timeout
        )


def manage(env: dict, *args: str, log: Path) -> None:
    command([PY, "manage.py", *args], env=env, log=log, timeout=300)


def gunicorn_start(config: Config, env: dict, port: int, log: Path) -> subprocess.Popen:
    cmd = [
        PY, "-m", "gunicorn", "config.wsgi:application",
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(config.workers),
        "--worker-class", config.worker_class,
        "--threads", str(config.threads),
        "--timeout", "30",
        "--graceful-timeout", "5",
        "--log-level", "warning",
    ]  # fmt: skip
    fh = log.open("a")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=fh, stderr=fh)  # noqa: S603
    url = f"http://127.0.0.1:{port}/bench/bare/"
    for _attempt in range(60):
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn stopped at start; see {log}:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return proc
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer on {url} within 30 s; see {log}.")


def _get(url: str, headers: dict[str, str]) -> None:
    """GET from our own server; `url` is always http://127.0.0.1:<port>/..."""
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        response.read()


def warm_up(host: str, setup: dict, workers: int) -> None:
    """Read-only requests so that each worker has loaded its templates before it is measured."""
    cookie = {"Cookie": f"{setup['session_cookie_name']}={setup['presenter_sessions'][0]}"}
    fragment = f"{host}/p/{setup['slug']}/sessies/{setup['sessie']}/presentatie/"
    for _round in range(4 * workers):
        _get(f"{host}/doe-mee/{setup['code']}/", {})
        _get(fragment, cookie)
        _get(fragment, {**cookie, "HX-Request": "true"})


def gunicorn_stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


class Sampler(threading.Thread):
    """Once a second: the peak memory of each gunicorn worker, and the CPU time used by the web
    workers, PostgreSQL, locust and everything else on the machine (other work skews figures)."""

    def __init__(self, master_pid: int) -> None:
        super().__init__(daemon=True)
        self.master = psutil.Process(master_pid)
        self.me = psutil.Process()
        self.peak: dict[int, int] = {}
        self.cpu: dict[tuple[str, int], float] = {}  # (kind, pid) -> last seen CPU seconds
        self.done = threading.Event()
        self.lock = threading.Lock()

    def _busy(self) -> float:
        times = psutil.cpu_times()
        return sum(times) - times.idle - getattr(times, "iowait", 0.0)

    def _sample(self) -> None:
        seen: list[tuple[str, psutil.Process]] = [
            ("web", child) for child in self.master.children()
        ]
        seen += [
            ("locust", child)
            for child in self.me.children()
            if "locust" in " ".join(child.cmdline())
        ]
        seen += [
            ("postgres", p) for p in psutil.process_iter(["name"]) if p.info["name"] == "postgres"
        ]
        with self.lock:
            for kind, process in seen:
                try:
                    times = process.cpu_times()
                    if kind == "web":
                        rss = process.memory_info().rss
                        self.peak[process.pid] = max(self.peak.get(process.pid, 0), rss)
                except psutil.Error:
                    continue
                self.cpu[(kind, process.pid)] = times.user + times.system

    def mark(self) -> dict[str, float]:
        """CPU seconds so far, per kind, and the whole machine's busy time."""
        with contextlib.suppress(psutil.Error):
            self._sample()
        with self.lock:
            totals = {"web": 0.0, "postgres": 0.0, "locust": 0.0}
            for (kind, _pid), seconds in self.cpu.items():
                totals[kind] += seconds
        totals["machine"] = self._busy()
        return totals

    def run(self) -> None:
        while not self.done.wait(1):
            with contextlib.suppress(psutil.Error):
                self._sample()


def locust_run(
    *,
    classes: list[str],
    users: int,
    rate: int,
    run_time: int,
    prefix: Path,
    env: dict,
    host: str,
    log: Path,
) -> Run:
    cmd = [
        PY, "-m", "locust", "-f", str(LOCUSTFILE), "--headless",
        "-u", str(users), "-r", str(rate), "--run-time", f"{run_time}s",
        "--stop-timeout", "15", "--host", host, "--only-summary", "--loglevel", "WARNING",
        "--csv", str(prefix), "--json-file", str(prefix), *classes,
    ]  # fmt: skip
    # locust exits 1 when a request failed: the statistics say which, so no check here.
    command(cmd, env=env, log=log, timeout=run_time + 120, check=False)
    return _read_run(prefix)


def _percentile(response_times: dict[int, int], total: int, share: float) -> float:
    """Locust's own way: the response time below which `share` of the requests fell."""
    wanted = int(total * share)
    seen = 0
    for ms in sorted(response_times, reverse=True):
        seen += response_times[ms]
        if total - seen <= wanted:
            return ms
    return 0


def _stats(entries: list[dict], window: float) -> Stats:
    """One row of figures over these entries; requests/s over the whole run's `window`."""
    times: dict[int, int] = {}
    for entry in entries:
        for ms, count in entry["response_times"].items():
            times[int(ms)] = times.get(int(ms), 0) + count
    requests = sum(entry["num_requests"] for entry in entries)
    return Stats(
        requests=requests,
        failures=sum(entry["num_failures"] for entry in entries),
        p50=_percentile(times, requests, 0.50),
        p95=_percentile(times, requests, 0.95),
        p99=_percentile(times, requests, 0.99),
        rps=requests / max(window, 1),
    )


def _read_run(prefix: Path) -> Run:
    """Figures from the JSON that locust writes at exit (its CSV lags up to a second behind);
    failure messages from the CSV."""
    run = Run()
    path = Path(f"{prefix}.json")
    if not path.exists():
        raise SystemExit(f"locust wrote no statistics ({path}); see the log.")
    entries = json.loads(path.read_text())
    if entries:
        start = min(entry["start_time"] for entry in entries)
        last = max(entry["last_request_timestamp"] or start for entry in entries)
        for entry in entries:
            run.rows[entry["name"]] = _stats([entry], last - start)
        run.rows["Aggregated"] = _stats(entries, last - start)
    exceptions = Path(f"{prefix}_exceptions.csv")
    if exceptions.exists():
        with exceptions.open(newline="") as fh:
            for row in csv.DictReader(fh):
                run.exceptions += int(row.get("Count") or 1)
                run.failure_lines.append(f"exception x{row.get('Count')}: {row.get('Message')}")
    failures = Path(f"{prefix}_failures.csv")
    if failures.exists():
        with failures.open(newline="") as fh:
            for row in csv.DictReader(fh):
                run.failure_lines.append(
                    f"{row['Method']} {row['Name']} x{row['Occurrences']}: {row['Error']}"
                )
    return run


# --- The report. -----------------------------------------------------------------------------


def _ms(value: float) -> str:
    return f"{value:.0f}"


def _yes(ok: bool) -> str:
    return "yes" if ok else "NO"


def report(
    config: Config,
    *,
    live: Run,
    bare: Run,
    fragment: Run,
    counts: dict[str, int],
    setup: dict,
    memory: dict[int, int],
    duration: float,
    load: tuple[float, float],
    cpu: dict[str, float],
) -> bool:
    """Print the table; True when nothing failed and every answer sent was stored."""
    runs = (live, bare, fragment)
    answers = live.rows.get(ANSWER, Stats())
    presenter = live.rows.get(PRESENTER_FRAGMENT, Stats())
    sent = answers.requests - answers.failures
    finish = live.rows.get(FINISH, Stats())
    finished = finish.requests - finish.failures
    errors = sum(run.total.failures + run.exceptions for run in runs)
    bare_rps = bare.rows.get(BARE, Stats()).rps
    fragment_rps = fragment.rows.get(PRESENTER_FRAGMENT, Stats()).rps
    ratio = fragment_rps / bare_rps if bare_rps else 0.0
    workers = f"{config.workers} {config.worker_class} workers"
    if config.worker_class == "gthread":
        workers += f" x {config.threads} threads"

    def p95_met(stats: Stats) -> str:
        return _yes(stats.requests > 0 and stats.p95 < TARGET_P95_MS)

    rows = [
        ("requests (all runs)", f"{sum(run.total.requests for run in runs):,}", "", ""),
        ("  of which live scenario", f"{live.total.requests:,}", "", ""),
        ("errors", f"{errors:,}", "0", _yes(errors == 0)),
        ("participants joined (rows)", f"{counts['deelnemers']:,}", "", ""),
        (
            "participants who finished",
            f"{finished:,}",
            f"{config.users:,}",
            _yes(finished == config.users),
        ),
        ("answers sent (successful POSTs)", f"{sent:,}", "", ""),
        (
            "answers stored (Antwoord rows)",
            f"{counts['antwoorden']:,}",
            "= sent",
            _yes(counts["antwoorden"] == sent),
        ),
        (
            "save an answer p50 / p95 (ms)",
            f"{_ms(answers.p50)} / {_ms(answers.p95)}",
            f"p95 < {TARGET_P95_MS}",
            p95_met(answers),
        ),
        (
            "presenter fragment p50 / p95 (ms)",
            f"{_ms(presenter.p50)} / {_ms(presenter.p95)}",
            f"p95 < {TARGET_P95_MS}",
            p95_met(presenter),
        ),
        ("requests/s, live scenario", f"{live.total.rps:.1f}", "", ""),
        ("throughput bare view (req/s)", f"{bare_rps:.1f}", "", ""),
        ("throughput presenter fragment (req/s)", f"{fragment_rps:.1f}", "", ""),
        (
            "ratio fragment / bare view",
            f"{ratio:.2f}",
            f">= {TARGET_RATIO}",
            _yes(ratio >= TARGET_RATIO),
        ),
    ]
    if memory:
        rows.append(("peak RSS per web worker (MB)", f"{max(memory.values()) / 2**20:.0f}", "", ""))

    print()
    print(
        f"Live workshop: {config.users} participants + 2 presenters, "
        f"{len(setup['stellingen'])} statements, think time {config.think} s, "
        f"{duration:.0f} s live; throughput runs {config.throughput_time} s each with "
        f"{config.throughput_users} clients"
    )
    print(
        f"gunicorn {workers}, PostgreSQL + Redis, locust (1 process), all on this machine: "
        f"{os.cpu_count()} CPUs ({_cpu_model()}), Python {platform.python_version()}, "
        f"load average {load[0]:.1f} before / {load[1]:.1f} after"
    )
    other = cpu["machine"] - cpu["web"] - cpu["postgres"] - cpu["locust"]
    print(
        f"CPU seconds in the live scenario: web workers {cpu['web']:.0f}, PostgreSQL "
        f"{cpu['postgres']:.0f}, locust {cpu['locust']:.0f}, everything else {max(other, 0):.0f} "
        f"(the machine had {(os.cpu_count() or 1) * duration:.0f})"
    )
    print()
    header = f"{'':40}{'figure':>14}  {'target':<12}{'met'}"
    print(header)
    print("-" * (len(header) + 2))
    for label, figure, target, met in rows:
        print(f"{label:40}{figure:>14}  {target:<12}{met}".rstrip())

    print()
    columns = ("count", "errors", "p50 ms", "p95 ms", "p99 ms", "req/s")
    print(f"{'request':36}" + "".join(f"{column:>8}" for column in columns))
    for title, run in (("", live), (" (throughput)", bare), (" (throughput)", fragment)):
        for name, stats in sorted(run.rows.items()):
            if name != "Aggregated":
                print(
                    f"{name + title:36}{stats.requests:>8,}{stats.failures:>8,}"
                    f"{_ms(stats.p50):>8}{_ms(stats.p95):>8}{_ms(stats.p99):>8}{stats.rps:>8.1f}"
                )
    problems = [text for run in runs for text in run.failure_lines]
    if problems:
        print()
        print("Failures:")
        for problem in problems[:20]:
            print(f"  {problem}")
    ok = errors == 0 and counts["antwoorden"] == sent
    print()
    print("Result: " + ("OK" if ok else "FAILED (errors, or stored answers differ from sent)"))
    return ok


def _cpu_model() -> str:
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                return text.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


# --- The whole run. --------------------------------------------------------------------------


def main() -> int:
    config = Config()
    tmp = Path(tempfile.mkdtemp(prefix="lp-bench-"))
    log = tmp / "bench.log"
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    env = django_env(config, port, tmp / "static")
    gunicorn = None
    sampler = None
    ok = False
    load_before = os.getloadavg()[0]
    try:
        say(f"database {_db(config.database_url)[0]}: create; log in {log}")
        db_create(config.database_url)
        say("migrate, collectstatic, demo, open a session")
        manage(env, "migrate", "--no-input", log=log)
        manage(env, "collectstatic", "--no-input", log=log)
        manage(env, "demo", log=log)
        setup_file = tmp / "setup.json"
        command([PY, "-m", "bench.setup", str(setup_file)], env=env, log=log, timeout=120)
        setup = json.loads(setup_file.read_text())
        say(
            f"session {setup['code']}: {len(setup['stellingen'])} statements, "
            f"{len(setup['organisaties'])} organisations in the network"
        )
        say(f"gunicorn: {config.workers} {config.worker_class} workers on {host}")
        gunicorn = gunicorn_start(config, env, port, log)
        warm_up(host, setup, config.workers)
        sampler = Sampler(gunicorn.pid)
        sampler.start()
        locust_env = {
            **os.environ,
            "BENCH_SETUP": str(setup_file),
            "BENCH_USERS": str(config.users),
            "BENCH_THINK": config.think,
        }
        common = {"env": locust_env, "host": host, "log": log}

        say(
            f"live scenario: {config.users} participants + 2 presenters "
            f"(at most {config.run_time} s)"
        )
        started = time.monotonic()
        cpu_before = sampler.mark()
        # The scenario ends when everyone finished, or at the deadline once no answer is in
        # flight; locust's own --run-time is only a backstop.
        deadline = {"BENCH_DEADLINE": str(time.time() + config.run_time)}
        live = locust_run(
            classes=["Deelnemer", "Presentator"],
            users=config.users + 2,
            rate=config.spawn_rate,
            run_time=config.run_time + 60,
            prefix=tmp / "live",
            **{**common, "env": {**locust_env, **deadline}},
        )
        duration = time.monotonic() - started
        cpu_after = sampler.mark()
        cpu = {kind: cpu_after[kind] - cpu_before.get(kind, 0.0) for kind in cpu_after}
        counts = db_counts(config.database_url, setup["sessie"])
        say(f"throughput: bare view, then presenter fragment ({config.throughput_time} s each)")
        throughput = {
            "users": config.throughput_users,
            "rate": config.throughput_users,
            "run_time": config.throughput_time,
            **common,
        }
        bare = locust_run(classes=["Kaal"], prefix=tmp / "bare", **throughput)
        fragment = locust_run(classes=["Fragment"], prefix=tmp / "fragment", **throughput)
        sampler.done.set()
        ok = report(
            config,
            live=live,
            bare=bare,
            fragment=fragment,
            counts=counts,
            setup=setup,
            memory=sampler.peak,
            duration=duration,
            load=(load_before, os.getloadavg()[0]),
            cpu=cpu,
        )
    except subprocess.CalledProcessError as exc:
        say(f"a step failed: {' '.join(map(str, exc.cmd))}")
        print(log.read_text()[-3000:] if log.exists() else "", file=sys.stderr)
    finally:
        if sampler is not None:
            sampler.done.set()
        if gunicorn is not None:
            gunicorn_stop(gunicorn)
        try:
            db_drop(config.database_url)
            say("cleaned up: gunicorn stopped, database dropped")
        except psycopg.Error as exc:
            say(f"could not drop the bench database: {exc}")
        if config.out:
            out = Path(config.out)
            out.mkdir(parents=True, exist_ok=True)
            for path in [*tmp.glob("*.csv"), *tmp.glob("*.json")]:
                shutil.copy(path, out)
            if log.exists():
                shutil.copy(log, out)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""`make bench` / `python -m bench.run`: the app under load (issues 4 and 6, "Speed").

Creates its own PostgreSQL database, migrates, collects static files, loads the demo, opens a
session over all five conditions and adds member accounts; starts gunicorn on a free loopback
port and a Celery worker; then runs the selected scenarios one after the other with locust:

- live: BENCH_USERS participants join and rate every statement with a think time while two
  room's screens (on the first condition) poll their stage every 3 s (bench/locustfile_sessie.py);
  then every condition is revealed, as a facilitator does once the room has answered;
- members: BENCH_MEMBERS members log in and browse the dashboard, the social map and its live
  search, the experiments and the meetings for BENCH_MEMBERS_TIME (bench/locustfile_leden.py);
- carers: BENCH_CARERS carers arrive within BENCH_CARERS_TIME and each send the public feedback
  form once (bench/locustfile_mantelzorg.py), the Celery worker processing the notifications;

and measures the throughput of a bare Django view and of each scenario's main page in the same
run. Prints one table (figures per scenario, ratios to the bare view, the peak memory of each web
worker and of the Celery worker, the integrity checks with their targets), stops everything it
started and drops its database. Exits 1 when a request or a Celery task failed, or when stored
answers or feedback differ from those sent.

The load itself is shaped in the locustfiles (bench.locust_common: a LoadTestShape for the
ramp-up and steady phases, the thresholds checked when locust quits, and the figures from
locust's own statistics), which this script reads back and prints.

Environment (all optional; DATABASE_URL, REDIS_URL and BENCH_*): see the table in
bench/README.md. For a short check, make the scenarios small, e.g. BENCH_USERS=10
BENCH_RUN_TIME=20s BENCH_THROUGHPUT_TIME=3s (bench/README.md, "A short check").
"""

import json
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field, replace
from pathlib import Path

import psycopg

from bench import db
from bench.processes import (
    Sampler,
    Tasks,
    celery_start,
    celery_tasks,
    celery_wait,
    gunicorn_start,
    process_stop,
)
from bench.thresholds import (
    TARGET_DASHBOARD_RATIO,
    TARGET_P95_MS,
    TARGET_RATIO,
    TARGET_RSS_MB,
)

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
LOCUSTFILE = ROOT / "bench" / "locustfile_sessie.py"
LOCUSTFILE_MEMBERS = ROOT / "bench" / "locustfile_leden.py"
LOCUSTFILE_CARERS = ROOT / "bench" / "locustfile_mantelzorg.py"
SCENARIOS = ("live", "members", "carers")

# Request names, as the locustfiles report them.
ANSWER = "answer (htmx)"
SCREEN_FRAGMENT = "screen fragment"
FINISH = "finish page"
BARE = "bare view"
DASHBOARD = "dashboard"
SEARCH = "social map search (htmx)"
FORM = "carers' form"
SEND = "carers' form: send"
THANKS = "carers' thanks page"

# The throughput runs: (scenario, locustfile, user class, request name), bare view first. A
# scenario's ratio in the table is that of its first page here.
THROUGHPUT = [
    ("", LOCUSTFILE, "Kaal", BARE),
    ("live", LOCUSTFILE, "Fragment", SCREEN_FRAGMENT),
    ("members", LOCUSTFILE_MEMBERS, "Dashboard", DASHBOARD),
    ("members", LOCUSTFILE_MEMBERS, "KaartZoeken", SEARCH),
    ("carers", LOCUSTFILE_CARERS, "Formulier", FORM),
]
NOTIFY_TASK = "mantelzorg.tasks.notifications_send_task"


def _seconds(value: str) -> int:
    """'90', '90s', '4m', '1m30s' -> seconds."""
    parts = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?", value.strip().lower())
    if not parts or not value.strip():
        raise SystemExit(f"Not a duration: {value!r} (use e.g. 90s or 4m).")
    hours, minutes, seconds = (int(part or 0) for part in parts.groups())
    return hours * 3600 + minutes * 60 + seconds


def _scenarios(value: str) -> tuple[str, ...]:
    chosen = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = sorted(set(chosen) - set(SCENARIOS))
    if unknown or not chosen:
        raise SystemExit(
            f"BENCH_SCENARIOS: {', '.join(unknown) or 'none given'}; choose from "
            f"{','.join(SCENARIOS)}."
        )
    return tuple(name for name in SCENARIOS if name in chosen)


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
    workers: int = int(os.environ.get("BENCH_WORKERS", "4"))
    worker_class: str = os.environ.get("BENCH_WORKER_CLASS", "sync")
    threads: int = int(os.environ.get("BENCH_THREADS", "1"))
    # Seconds an idle connection stays open (gthread; sync workers close after each request).
    keep_alive: int = int(os.environ.get("BENCH_KEEPALIVE", "2"))
    server: str = os.environ.get("BENCH_SERVER", "gunicorn")  # or granian (bench only)
    out: str = os.environ.get("BENCH_OUT", "")
    scenarios: tuple[str, ...] = _scenarios(os.environ.get("BENCH_SCENARIOS", ",".join(SCENARIOS)))
    members: int = int(os.environ.get("BENCH_MEMBERS", "50"))
    members_time: int = _seconds(os.environ.get("BENCH_MEMBERS_TIME", "60s"))
    members_think: str = os.environ.get("BENCH_MEMBERS_THINK", "1-3")
    members_spawn_rate: float = float(os.environ.get("BENCH_MEMBERS_SPAWN_RATE", "5"))
    carers: int = int(os.environ.get("BENCH_CARERS", "100"))
    carers_time: int = _seconds(os.environ.get("BENCH_CARERS_TIME", "60s"))
    carers_fill: str = os.environ.get("BENCH_CARERS_FILL", "4-10")
    celery_concurrency: int = int(os.environ.get("BENCH_CELERY_CONCURRENCY", "1"))


@dataclass
class Stats:
    """One row of the table, as locust computed it (bench.locust_common.figures)."""

    requests: int = 0
    failures: int = 0
    p50: float = 0
    p95: float = 0
    p99: float = 0
    rps: float = 0


@dataclass
class Run:
    """One locust run: its rows by request name, its totals, and whether it kept its thresholds
    (locust's exit status, set when it quits: bench.locust_common)."""

    rows: dict[str, Stats] = field(default_factory=dict)
    total: Stats = field(default_factory=Stats)
    exceptions: int = 0
    problems: list[str] = field(default_factory=list)
    exit_code: int = 0


def say(message: str) -> None:
    print(f"[bench] {message}", flush=True)


# --- The database: only the bench's own, created here and dropped at the end. ---------------


def db_counts(url: str, sessie: int, praktijk: int) -> dict[str, int]:
    """Answers and participants of the session; the practice's carers' feedback."""
    name, server = db.server_and_name(url, marker="bench")
    with psycopg.connect(**{**server, "dbname": name}) as conn:
        antwoorden = conn.execute(
            "SELECT count(*) FROM condities_antwoord a "
            "JOIN condities_deelnemer d ON d.id = a.deelnemer_id WHERE d.sessie_id = %s",
            [sessie],
        ).fetchone()[0]
        deelnemers = conn.execute(
            "SELECT count(*) FROM condities_deelnemer WHERE sessie_id = %s", [sessie]
        ).fetchone()[0]
        reacties = conn.execute(
            "SELECT count(*) FROM condities_reactie WHERE praktijk_id = %s", [praktijk]
        ).fetchone()[0]
    return {"antwoorden": antwoorden, "deelnemers": deelnemers, "reacties": reacties}


# --- Django commands, warming up and locust (gunicorn and Celery: bench/processes.py). --


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


def command(
    cmd: list[str], *, env: dict, log: Path, timeout: int, check: bool = True
) -> subprocess.CompletedProcess:
    """Run one of our own fixed commands (never user input), its output into the log."""
    with log.open("a") as fh:
        fh.write(f"\n$ {' '.join(cmd)}\n")
        fh.flush()
        return subprocess.run(  # noqa: S603
            cmd, cwd=ROOT, env=env, stdout=fh, stderr=fh, check=check, timeout=timeout
        )


def manage(env: dict, *args: str, log: Path) -> None:
    command([PY, "manage.py", *args], env=env, log=log, timeout=300)


def _get(url: str, headers: dict[str, str]) -> None:
    """GET from our own server; `url` is always http://127.0.0.1:<port>/..."""
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        response.read()


def warm_up(host: str, setup: dict, workers: int) -> None:
    """Read-only requests so that each worker has loaded its templates before it is measured."""
    cookie = {"Cookie": f"{setup['session_cookie_name']}={setup['screen_sessions'][0]}"}
    fragment = f"{host}/p/{setup['slug']}/sessies/{setup['sessie']}/scherm/"
    member = {"Cookie": f"{setup['session_cookie_name']}={setup['member_session']}"}
    praktijk = f"{host}/p/{setup['slug']}"
    for _round in range(4 * workers):
        _get(f"{host}/doe-mee/{setup['code']}/", {})
        _get(fragment, cookie)
        _get(fragment, {**cookie, "HX-Request": "true"})
        _get(f"{praktijk}/", member)
        _get(f"{praktijk}/sociale-kaart/?q=zorg", {**member, "HX-Request": "true"})
        _get(f"{praktijk}/mantelzorg/", {})


def locust_run(
    *,
    classes: list[str],
    users: int,
    rate: float,
    run_time: int,
    prefix: Path,
    env: dict,
    host: str,
    log: Path,
    locustfile: Path = LOCUSTFILE,
    extra_env: dict[str, str] | None = None,
) -> Run:
    """One headless locust run. The load shape (bench.locust_common.Phases) ramps up to `users`
    at `rate`, holds, and stops when the scenario is done or at `run_time`; at its end locust
    checks the thresholds (its exit status) and writes its figures to `<prefix>.summary.json`."""
    summary = Path(f"{prefix}.summary.json")
    cmd = [
        PY, "-m", "locust", "-f", str(locustfile), "--headless",
        "-u", str(users), "-r", f"{rate:g}", "--run-time", f"{run_time}s",
        "--stop-timeout", "15", "--host", host, "--only-summary", "--loglevel", "WARNING",
        "--csv", str(prefix), "--json-file", str(prefix), *classes,
    ]  # fmt: skip
    # locust exits 1 when a threshold broke: the figures say which, so no check here.
    done = command(
        cmd,
        env={**env, **(extra_env or {}), "BENCH_SUMMARY": str(summary)},
        log=log,
        timeout=run_time + 120,
        check=False,
    )
    if not summary.exists():
        raise SystemExit(f"locust wrote no statistics ({summary}); see {log}.")
    data = json.loads(summary.read_text())
    return Run(
        rows={name: Stats(**row) for name, row in data["rows"].items()},
        total=Stats(**data["total"]),
        exceptions=data["exceptions"],
        problems=data["problems"],
        exit_code=done.returncode,
    )


# --- The report. -----------------------------------------------------------------------------


def _ms(value: float) -> str:
    return f"{value:.0f}"


def _yes(ok: bool) -> str:
    return "yes" if ok else "NO"


@dataclass
class Results:
    """Everything one run measured."""

    scenarios: dict[str, Run]  # scenario -> its locust run
    throughput: dict[str, Run]  # request name -> its throughput run
    durations: dict[str, float]  # scenario -> seconds
    cpu: dict[str, dict[str, float]]  # scenario -> CPU seconds per kind
    counts_before: dict[str, int]
    counts: dict[str, int]
    memory: dict[tuple[str, int], int]  # (kind, pid) -> peak RSS
    celery_pid: int
    tasks: Tasks
    load: tuple[float, float]


def _ratio(results: Results, name: str) -> float:
    bare = results.throughput.get(BARE, Run()).rows.get(BARE, Stats()).rps
    page = results.throughput.get(name, Run()).rows.get(name, Stats()).rps
    return page / bare if bare else 0.0


def _stats_line(label: str, stats: Stats, ratio: str = "") -> str:
    return (
        f"{label:38}{stats.requests:>9,}{stats.failures:>8,}{_ms(stats.p50):>8}{_ms(stats.p95):>8}"
        f"{_ms(stats.p99):>8}{stats.rps:>8.1f}  {ratio}"
    ).rstrip()


def _describe(config: Config, setup: dict, results: Results) -> list[str]:
    parts = {
        "live": (
            f"live: {config.users} participants + 2 screens, {len(setup['stellingen'])} "
            f"statements, think time {config.think} s"
        ),
        "members": (
            f"members: {config.members} logged in, think time {config.members_think} s, "
            f"logging in {config.members_spawn_rate:g}/s"
        ),
        "carers": (
            f"carers: {config.carers} arriving within {config.carers_time} s, "
            f"{config.carers_fill} s to fill in the form"
        ),
    }
    return [f"{parts[name]}; {results.durations[name]:.0f} s" for name in results.scenarios]


def report(config: Config, *, setup: dict, results: Results) -> bool:
    """Print the table; True when nothing failed and everything sent was stored."""
    runs = {
        **{f"{name} scenario": run for name, run in results.scenarios.items()},
        **{f"throughput: {name}": run for name, run in results.throughput.items()},
    }
    errors = sum(run.total.failures + run.exceptions for run in runs.values())
    # Each locust run checked its thresholds when it quit (bench.locust_common): its exit status.
    broken = [
        f"locust exited {run.exit_code} ({name})" for name, run in runs.items() if run.exit_code
    ]
    workers = f"gunicorn {config.workers} {config.worker_class} workers"
    if config.worker_class == "gthread":
        workers += f" x {config.threads} threads, keep-alive {config.keep_alive} s"
    if config.server == "granian":
        workers = f"granian {config.workers} workers x {config.threads} blocking threads"
    live = results.scenarios.get("live")
    members = results.scenarios.get("members")
    carers = results.scenarios.get("carers")

    print()
    print("Scenarios, one after the other:")
    for line in _describe(config, setup, results):
        print(f"  {line}")
    print(
        f"Throughput runs: {config.throughput_time} s each with {config.throughput_users} "
        "clients without think time"
    )
    print(
        f"{workers}, Celery worker (prefork x {config.celery_concurrency}), "
        f"PostgreSQL + Redis, locust (1 process), all on this machine: {os.cpu_count()} CPUs "
        f"({_cpu_model()}), Python {platform.python_version()}, load average "
        f"{results.load[0]:.1f} before / {results.load[1]:.1f} after"
    )
    for name, cpu in results.cpu.items():
        other = cpu["machine"] - sum(cpu[kind] for kind in Sampler.KINDS)
        print(
            f"CPU seconds in the {name} scenario: web workers {cpu['web']:.0f}, Celery "
            f"{cpu['celery']:.0f}, PostgreSQL {cpu['postgres']:.0f}, Redis {cpu['redis']:.0f}, "
            f"locust {cpu['locust']:.0f}, everything else {max(other, 0):.0f} (the machine had "
            f"{(os.cpu_count() or 1) * results.durations[name]:.0f})"
        )

    # One table: each scenario, then each throughput run, with the ratio to the bare view.
    main_page = {"live": SCREEN_FRAGMENT, "members": DASHBOARD, "carers": FORM}
    print()
    columns = ("requests", "errors", "p50 ms", "p95 ms", "p99 ms", "req/s")
    header = f"{'scenario':38}{columns[0]:>9}" + "".join(f"{c:>8}" for c in columns[1:]) + "  ratio"
    print(header)
    print("-" * (len(header) + 24))
    titles = {
        "live": f"live ({config.users} + 2 screens)",
        "members": f"members ({config.members})",
        "carers": f"carers ({config.carers} in {config.carers_time} s)",
    }
    for name, run in results.scenarios.items():
        stats = replace(run.total, failures=run.total.failures + run.exceptions)
        page = main_page[name]
        print(_stats_line(titles[name], stats, f"{_ratio(results, page):.2f} ({page})"))
    for name, run in results.throughput.items():
        stats = run.rows.get(name, Stats())
        print(_stats_line(f"throughput: {name}", stats, f"{_ratio(results, name):.2f}"))

    print()
    print(f"peak memory (RSS){'':22}{'MB':>9}  target")
    for (kind, pid), rss in sorted(
        results.memory.items(), key=lambda item: (item[0][0] != "web", item[0][1])
    ):
        megabytes = rss / 2**20
        if kind == "web":
            label = f"web worker pid {pid}"
            target = f"< {TARGET_RSS_MB}  {_yes(megabytes < TARGET_RSS_MB)}"
        else:
            role = "main" if pid == results.celery_pid else "pool"
            label, target = f"Celery worker pid {pid} ({role})", ""
        print(f"  {label:37}{megabytes:>9.0f}  {target}".rstrip())

    rows: list[tuple[str, str, str, str]] = [
        ("errors (all runs)", f"{errors:,}", "0", _yes(errors == 0 and not broken))
    ]
    ok = errors == 0 and not broken

    def p95_row(label: str, stats: Stats) -> tuple[str, str, str, str]:
        return (
            f"{label} p50 / p95 (ms)",
            f"{_ms(stats.p50)} / {_ms(stats.p95)}",
            f"p95 <= {TARGET_P95_MS}",
            _yes(stats.requests > 0 and stats.p95 <= TARGET_P95_MS),
        )

    if live is not None:
        answers = live.rows.get(ANSWER, Stats())
        sent = answers.requests - answers.failures
        finish = live.rows.get(FINISH, Stats())
        finished = finish.requests - finish.failures
        stored = results.counts["antwoorden"]
        ratio = _ratio(results, SCREEN_FRAGMENT)
        rows += [
            ("participants joined (rows)", f"{results.counts['deelnemers']:,}", "", ""),
            (
                "participants who finished",
                f"{finished:,}",
                f"{config.users:,}",
                _yes(finished == config.users),
            ),
            ("answers sent (successful POSTs)", f"{sent:,}", "", ""),
            ("answers stored (Antwoord rows)", f"{stored:,}", "= sent", _yes(stored == sent)),
            p95_row("save an answer", answers),
            (
                "web CPU per answer (ms; all requests)",
                f"{1000 * results.cpu.get('live', {}).get('web', 0.0) / max(sent, 1):.1f}",
                "",
                "",
            ),
            p95_row("screen fragment", live.rows.get(SCREEN_FRAGMENT, Stats())),
            ("ratio fragment / bare view", f"{ratio:.2f}", f">= {TARGET_RATIO}", _yes(
                ratio >= TARGET_RATIO
            )),
        ]  # fmt: skip
        ok = ok and stored == sent
    if members is not None:
        logins = members.rows.get("members: log in", Stats())
        dashboard = _ratio(results, DASHBOARD)
        rows += [
            (
                "members logged in",
                f"{logins.requests - logins.failures:,}",
                f"{config.members:,}",
                _yes(logins.requests - logins.failures == config.members),
            ),
            (
                "ratio dashboard / bare view",
                f"{dashboard:.2f}",
                f">= {TARGET_DASHBOARD_RATIO}",
                _yes(dashboard >= TARGET_DASHBOARD_RATIO),
            ),
        ]
    if carers is not None:
        send = carers.rows.get(SEND, Stats())
        sent = send.requests - send.failures
        thanks = carers.rows.get(THANKS, Stats())
        thanked = thanks.requests - thanks.failures
        stored = results.counts["reacties"] - results.counts_before["reacties"]
        notified = results.tasks.succeeded.get(NOTIFY_TASK, 0)
        rows += [
            ("feedback sent (successful POSTs)", f"{sent:,}", "", ""),
            ("feedback stored (new Reactie rows)", f"{stored:,}", "= sent", _yes(stored == sent)),
            (
                "carers who reached the thanks page",
                f"{thanked:,}",
                f"{config.carers:,}",
                _yes(thanked == config.carers),
            ),
            (
                "notifications processed by Celery",
                f"{notified:,}",
                "= sent",
                _yes(notified == sent),
            ),
            p95_row("send the carers' form", send),
        ]
        ok = ok and stored == sent
    rows.append(
        ("Celery tasks failed or retried", f"{results.tasks.failed:,}", "0", _yes(
            results.tasks.failed == 0
        ))
    )  # fmt: skip
    ok = ok and results.tasks.failed == 0

    print()
    header = f"{'check':40}{'figure':>14}  {'target':<12}{'met'}"
    print(header)
    print("-" * (len(header) + 2))
    for label, figure, target, met in rows:
        print(f"{label:40}{figure:>14}  {target:<12}{met}".rstrip())

    print()
    print(f"{'request':38}{'count':>9}" + "".join(f"{c:>8}" for c in columns[1:]))
    for title, run in [
        *((f" ({name})", run) for name, run in results.scenarios.items()),
        *((" (throughput)", run) for run in results.throughput.values()),
    ]:
        for name, stats in sorted(run.rows.items()):
            print(_stats_line(name + title, stats))
    problems = broken + [text for run in runs.values() for text in run.problems]
    if problems:
        print()
        print("Failures:")
        for problem in problems[:20]:
            print(f"  {problem}")
    print()
    print(
        "Result: "
        + ("OK" if ok else "FAILED (errors, failed tasks, or stored rows differ from sent)")
    )
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


def scenario_load(config: Config, name: str) -> tuple[str, dict]:
    """What the scenario's locust run is told, and a line saying so. Its load shape ramps up to
    `users` at `rate` and holds; live and carers end by themselves when everyone has finished
    (live also at BENCH_RUN_TIME once no answer is in flight), so there `run_time` is a backstop."""
    if name == "live":
        deadline = {"BENCH_DEADLINE": str(time.time() + config.run_time)}
        return (
            f"{config.users} participants + 2 screens (at most {config.run_time} s)",
            {
                "classes": ["Deelnemer", "Scherm"],
                "users": config.users + 2,
                "rate": config.spawn_rate,
                "run_time": config.run_time + 60,
                "extra_env": deadline,
            },
        )
    if name == "members":
        return (
            f"{config.members} members browsing for {config.members_time} s",
            {
                "classes": ["Lid"],
                "users": config.members,
                "rate": config.members_spawn_rate,
                "run_time": config.members_time,
                "locustfile": LOCUSTFILE_MEMBERS,
            },
        )
    fill_max = float(config.carers_fill.split("-")[-1])
    return (
        f"{config.carers} carers within {config.carers_time} s, Celery notifying",
        {
            "classes": ["Mantelzorger"],
            "users": config.carers,
            "rate": config.carers / max(config.carers_time, 1),
            "run_time": config.carers_time + int(fill_max) + 60,
            "locustfile": LOCUSTFILE_CARERS,
        },
    )


def main() -> int:
    config = Config()
    tmp = Path(tempfile.mkdtemp(prefix="lp-bench-"))
    log = tmp / "bench.log"
    celery_log = tmp / "celery.log"
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    env = django_env(config, port, tmp / "static")
    gunicorn = None
    celery = None
    sampler = None
    ok = False
    load_before = os.getloadavg()[0]
    try:
        name = db.server_and_name(config.database_url, marker="bench")[0]
        say(f"database {name}: create; log in {log}")
        db.create(config.database_url, marker="bench")
        say("migrate, collectstatic, demo, open a session, add members")
        manage(env, "migrate", "--no-input", log=log)
        manage(env, "collectstatic", "--no-input", log=log)
        manage(env, "demo", log=log)
        setup_file = tmp / "setup.json"
        command(
            [PY, "-m", "bench.setup", str(setup_file)],
            env={**env, "BENCH_MEMBERS": str(config.members)},
            log=log,
            timeout=120,
        )
        setup = json.loads(setup_file.read_text())
        say(
            f"session {setup['code']}: {len(setup['stellingen'])} statements, "
            f"{len(setup['organisaties'])} organisations in the network"
        )
        say(f"{config.server}: {config.workers} workers on {host}")
        gunicorn = gunicorn_start(config, env, port, log)
        say(f"Celery worker: prefork x {config.celery_concurrency}; log in {celery_log}")
        celery = celery_start(config, env, celery_log)
        warm_up(host, setup, config.workers)
        sampler = Sampler(gunicorn.pid, celery.pid)
        sampler.start()
        locust_env = {
            **os.environ,
            "BENCH_SETUP": str(setup_file),
            "BENCH_USERS": str(config.users),
            "BENCH_THINK": config.think,
            "BENCH_MEMBERS_THINK": config.members_think,
            "BENCH_CARERS": str(config.carers),
            "BENCH_CARERS_FILL": config.carers_fill,
        }
        common = {"env": locust_env, "host": host, "log": log}
        counts_before = db_counts(config.database_url, setup["sessie"], setup["praktijk"])
        scenarios: dict[str, Run] = {}
        durations: dict[str, float] = {}
        cpu: dict[str, dict[str, float]] = {}
        for name in config.scenarios:
            text, load = scenario_load(config, name)
            say(f"{name} scenario: {text}")
            started = time.monotonic()
            cpu_before = sampler.mark()
            scenarios[name] = locust_run(prefix=tmp / name, **load, **common)
            if name == "carers":
                # Every feedback sent queued a notification: let the worker finish them.
                send = scenarios[name].rows.get(SEND, Stats())
                celery_wait(celery_log, NOTIFY_TASK, send.requests - send.failures)
            durations[name] = time.monotonic() - started
            cpu_after = sampler.mark()
            cpu[name] = {kind: cpu_after[kind] - cpu_before.get(kind, 0.0) for kind in cpu_after}
        counts = db_counts(config.database_url, setup["sessie"], setup["praktijk"])
        if "live" in config.scenarios:
            say("reveal every condition, now that the room has answered (bench/setup.py)")
            command(
                [PY, "-m", "bench.setup", "--reveal", str(setup_file)],
                env=env,
                log=log,
                timeout=120,
            )

        pages = [row for row in THROUGHPUT if not row[0] or row[0] in config.scenarios]
        say(f"throughput: {', '.join(row[3] for row in pages)} ({config.throughput_time} s each)")
        throughput: dict[str, Run] = {}
        for _scenario, locustfile, user_class, name in pages:
            throughput[name] = locust_run(
                classes=[user_class],
                users=config.throughput_users,
                rate=config.throughput_users,
                run_time=config.throughput_time,
                prefix=tmp / f"throughput-{user_class.lower()}",
                locustfile=locustfile,
                **common,
            )
        sampler.done.set()
        results = Results(
            scenarios=scenarios,
            throughput=throughput,
            durations=durations,
            cpu=cpu,
            counts_before=counts_before,
            counts=counts,
            memory=sampler.peak,
            celery_pid=celery.pid,
            tasks=celery_tasks(celery_log),
            load=(load_before, os.getloadavg()[0]),
        )
        ok = report(config, setup=setup, results=results)
    except subprocess.CalledProcessError as exc:
        say(f"a step failed: {' '.join(map(str, exc.cmd))}")
        print(log.read_text()[-3000:] if log.exists() else "", file=sys.stderr)
    finally:
        if sampler is not None:
            sampler.done.set()
        if celery is not None:
            process_stop(celery)
        if gunicorn is not None:
            process_stop(gunicorn)
        try:
            db.drop(config.database_url, marker="bench")
            say("cleaned up: gunicorn and the Celery worker stopped, database dropped")
        except psycopg.Error as exc:
            say(f"could not drop the bench database: {exc}")
        if config.out:
            out = Path(config.out)
            out.mkdir(parents=True, exist_ok=True)
            for path in [*tmp.glob("*.csv"), *tmp.glob("*.json"), *tmp.glob("*.log")]:
                if path.name != "setup.json":
                    shutil.copy(path, out)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

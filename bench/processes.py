"""The processes a load run starts and watches (bench.run): gunicorn, the Celery worker, and a
sampler of their memory and of the CPU time of everything on the machine."""

import contextlib
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import psutil

if TYPE_CHECKING:
    from bench.run import Config

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def server_command(config: "Config", port: int) -> list[str]:
    """The web server: gunicorn (as in production), or granian (`BENCH_SERVER=granian`: a WSGI
    server with its HTTP handling in Rust, to measure what the server's own work costs; the
    threads are its blocking threads per worker). Both run config.wsgi's application."""
    if config.server == "granian":
        return [
            PY, "-m", "granian", "--interface", "wsgi", "config.wsgi:application",
            "--host", "127.0.0.1", "--port", str(port),
            "--workers", str(config.workers),
            "--blocking-threads", str(config.threads),
            # A kept-alive connection holds one of granian's places: room for a whole room.
            "--backlog", "4096", "--backpressure", "2048",
            "--log-level", "warning", "--no-access-log",
        ]  # fmt: skip
    return [
        PY, "-m", "gunicorn", "config.wsgi:application",
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(config.workers),
        "--worker-class", config.worker_class,
        "--threads", str(config.threads),
        "--keep-alive", str(config.keep_alive),
        "--timeout", "30",
        "--graceful-timeout", "5",
        "--log-level", "warning",
    ]  # fmt: skip


def gunicorn_start(config: "Config", env: dict, port: int, log: Path) -> subprocess.Popen:
    """Start the web server (`server_command`) and wait until its bare view answers."""
    cmd = server_command(config, port)
    fh = log.open("a")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=fh, stderr=fh)  # noqa: S603
    url = f"http://127.0.0.1:{port}/bench/bare/"
    for _attempt in range(60):
        if proc.poll() is not None:
            raise SystemExit(f"{cmd[2]} stopped at start; see {log}:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return proc
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{cmd[2]} did not answer on {url} within 30 s; see {log}.")


def process_stop(proc: subprocess.Popen) -> None:
    """Stop a process this run started (gunicorn, the Celery worker): warm, then by force, its
    own children too."""
    if proc.poll() is None:
        try:
            children = psutil.Process(proc.pid).children(recursive=True)
        except psutil.Error:
            children = []
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        for child in children:
            with contextlib.suppress(psutil.Error):
                if child.is_running():
                    child.kill()


def celery_start(config: "Config", env: dict, log: Path) -> subprocess.Popen:
    """`celery -A config worker` with the bench's settings; its log (INFO, one line per task)
    is where the run counts the tasks it processed."""
    cmd = [
        PY, "-m", "celery", "-A", "config", "worker",
        "--pool", "prefork", "--concurrency", str(config.celery_concurrency),
        "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
        "--hostname", f"bench-{os.getpid()}@%h",
    ]  # fmt: skip
    worker_env = {**env, "DJANGO_LOG_LEVEL": "INFO", "DJANGO_LOG_FORMAT": "plain"}
    fh = log.open("a")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=worker_env, stdout=fh, stderr=fh)  # noqa: S603
    for _attempt in range(120):
        if proc.poll() is not None:
            raise SystemExit(f"the Celery worker stopped at start; see {log}.")
        if " ready." in log.read_text():
            return proc
        time.sleep(0.5)
    raise SystemExit(f"the Celery worker was not ready within 60 s; see {log}.")


@dataclass
class Tasks:
    """What the Celery worker logged: tasks that succeeded (per task name) and that failed."""

    succeeded: dict[str, int] = field(default_factory=dict)
    failed: int = 0


def celery_tasks(log: Path) -> Tasks:
    tasks = Tasks()
    text = log.read_text() if log.exists() else ""
    for name in re.findall(r"Task ([\w.]+)\[[^\]]+\] succeeded", text):
        tasks.succeeded[name] = tasks.succeeded.get(name, 0) + 1
    tasks.failed = len(re.findall(r"Task [\w.]+\[[^\]]+\] (?:raised|failed|retry)", text))
    return tasks


def celery_wait(log: Path, name: str, count: int, timeout: int = 60) -> None:
    """Wait until the worker has processed `count` tasks `name` (or the timeout)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if celery_tasks(log).succeeded.get(name, 0) >= count:
            return
        time.sleep(0.5)


class Sampler(threading.Thread):
    """Once a second: the peak memory of each gunicorn worker and Celery process, and the CPU
    time used by the web workers, the Celery worker, PostgreSQL, Redis, locust and everything
    else on the machine (other work skews figures)."""

    KINDS = ("web", "celery", "postgres", "redis", "locust")

    def __init__(self, master_pid: int, celery_pid: int | None) -> None:
        super().__init__(daemon=True)
        self.master = psutil.Process(master_pid)
        self.celery = psutil.Process(celery_pid) if celery_pid else None
        self.me = psutil.Process()
        self.peak: dict[tuple[str, int], int] = {}  # (kind, pid) -> peak RSS in bytes
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
        if self.celery is not None:
            seen += [("celery", p) for p in [self.celery, *self.celery.children(recursive=True)]]
        seen += [
            ("locust", child)
            for child in self.me.children()
            if "locust" in " ".join(child.cmdline())
        ]
        names = {"postgres": "postgres", "redis-server": "redis"}
        seen += [
            (names[p.info["name"]], p)
            for p in psutil.process_iter(["name"])
            if p.info["name"] in names
        ]
        with self.lock:
            for kind, process in seen:
                try:
                    times = process.cpu_times()
                    if kind in {"web", "celery"}:
                        rss = process.memory_info().rss
                        key = (kind, process.pid)
                        self.peak[key] = max(self.peak.get(key, 0), rss)
                except psutil.Error:
                    continue
                self.cpu[(kind, process.pid)] = times.user + times.system

    def mark(self) -> dict[str, float]:
        """CPU seconds so far, per kind, and the whole machine's busy time."""
        with contextlib.suppress(psutil.Error):
            self._sample()
        with self.lock:
            totals = dict.fromkeys(self.KINDS, 0.0)
            for (kind, _pid), seconds in self.cpu.items():
                totals[kind] += seconds
        totals["machine"] = self._busy()
        return totals

    def run(self) -> None:
        while not self.done.wait(1):
            with contextlib.suppress(psutil.Error):
                self._sample()

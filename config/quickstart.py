"""`make run`: the web app (runserver) and a Celery worker with beat, started and stopped together.

Production runs Celery beat and workers on Redis (docker-compose.yml, deploy/kubernetes). The
quick start has no Redis: with LP_QUICKSTART set, the settings give Celery a broker that needs no
server (kombu's filesystem transport, in folders under .run/celery/), and this launcher starts
`celery -A config worker -B` next to runserver, so the periodic tasks of CELERY_BEAT_SCHEDULE
(reminders, the social map's confirmation requests, retention removal, sweeps) run as they do in
production. Ctrl+C (or SIGTERM) stops both; when one of them stops by itself, the other is
stopped too.

    python -m config.quickstart 127.0.0.1:8000
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOP_SECONDS = 10


def folders(base: Path) -> None:
    """Create the broker's folders (the filesystem transport does not create them itself)."""
    for name in ("queue", "control"):
        (base / "celery" / name).mkdir(parents=True, exist_ok=True)


def worker_command() -> list[str]:
    """The Celery worker with embedded beat, one task at a time, in this process group."""
    return [
        sys.executable, "-m", "celery", "-A", "config", "worker", "-B",
        "--pool=solo", "--concurrency=1", "--loglevel=INFO",
        "--without-mingle", "--without-gossip", "--without-heartbeat",
    ]  # fmt: skip


def web_command(address: str) -> list[str]:
    return [sys.executable, str(ROOT / "manage.py"), "runserver", address]


def commands(address: str) -> list[list[str]]:
    """What `make run` starts, in order."""
    return [worker_command(), web_command(address)]


def _stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv: list[str]) -> int:
    address = argv[0] if argv else "127.0.0.1:8000"
    os.environ["LP_QUICKSTART"] = "1"
    if os.environ.get("REDIS_URL"):
        # With Redis the settings use it as the broker and tasks queue as in production: the
        # worker started here serves them (beat included).
        print("REDIS_URL is set: the worker below uses Redis as its broker.")
    folders(Path(os.environ.get("LP_QUICKSTART_DIR", ROOT / ".run")))

    stopping = False

    def _on_signal(_signum, _frame) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)

    # Our own commands with fixed arguments (the address is runserver's, from the Makefile).
    processes = [subprocess.Popen(command, cwd=ROOT) for command in commands(address)]  # noqa: S603
    ended: subprocess.Popen | None = None
    try:
        while not stopping and ended is None:
            time.sleep(0.2)
            ended = next((process for process in processes if process.poll() is not None), None)
    finally:
        _stop(processes)
    if stopping or ended is None:
        return 0
    name = "The Celery worker" if ended is processes[0] else "The web server"
    print(f"{name} stopped (exit code {ended.returncode}); the other was stopped too.")
    return ended.returncode or 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

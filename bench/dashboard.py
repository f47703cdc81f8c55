"""The practice dashboard in-process: web CPU per page against a bare view, its statements, and
where the time goes (issue #13: the dashboard at a quarter of a bare view's throughput or more).

Run: `make bench-dashboard` (or `.venv/bin/python -m bench.dashboard`). It creates its own
PostgreSQL database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/lp_bench_dashboard; the name must contain `bench`, it is
dropped at the end), migrates, loads the demo and logs in Stein's member (lid@stein.example).
Then, through the whole middleware stack with production settings (debug off; the local-memory
cache, or Redis when REDIS_URL is set), it requests the bare view and the dashboard
BENCH_DASHBOARD_REQUESTS (300) times each, in turns of 50 so that a busy moment of the machine
falls on both. It prints the statements of one dashboard, the web tier's CPU-milliseconds per
request of each (this process only: PostgreSQL's own CPU is not in it), their ratio (the bare
view's CPU over the dashboard's: what the throughput ratio would be if the web tier's CPU were the
only limit) and the functions that take the most time. No server, no network: compare its
figures only with another run of this script on the same machine.
"""

import cProfile
import io
import os
import pstats
import sys
import time

from bench import db

URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lp_bench_dashboard")
REQUESTS = int(os.environ.get("BENCH_DASHBOARD_REQUESTS", "300"))
TURN = 50
MEMBER = "lid@stein.example"


def _setup_django() -> None:
    os.environ["DATABASE_URL"] = URL
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-dashboard-" + "x" * 50)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost")
    os.environ.setdefault("DJANGO_LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False  # plain http in-process, as behind the proxy
    settings.ROOT_URLCONF = "bench.urls"  # the project's URLs and /bench/bare/
    # No collectstatic: file names without the manifest (no static file is requested).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def main() -> int:
    db.create(URL, marker="bench")
    try:
        _setup_django()
        return _run()
    finally:
        from django.db import connections

        connections.close_all()
        db.drop(URL, marker="bench")


def _run() -> int:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from netwerk.models import User

    call_command("migrate", verbosity=0)
    call_command("demo", stdout=io.StringIO())
    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(email=MEMBER))

    def get(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    pages = {"bare view": "/bench/bare/", "dashboard": "/p/stein/"}
    for url in pages.values():  # warm up: imports, templates, connections
        for _ in range(20):
            get(url)
    with CaptureQueriesContext(connection) as statements:
        get(pages["dashboard"])
    print(f"Statements per dashboard: {len(statements)}")
    for statement in statements.captured_queries:
        print("  ", " ".join(statement["sql"].split())[:110])

    cpu = dict.fromkeys(pages, 0.0)
    wall = dict.fromkeys(pages, 0.0)
    for _ in range(REQUESTS // TURN):
        for name, url in pages.items():
            c, w = time.process_time(), time.perf_counter()
            for _ in range(TURN):
                get(url)
            cpu[name] += time.process_time() - c
            wall[name] += time.perf_counter() - w
    gedaan = REQUESTS // TURN * TURN
    print(f"Requests: {gedaan} of each, in turns of {TURN}")
    for name in pages:
        print(
            f"{name:<10} web CPU {cpu[name] / gedaan * 1000:6.2f} ms,"
            f" wall {wall[name] / gedaan * 1000:6.2f} ms per request"
        )
    print(f"Ratio (bare view's CPU / dashboard's CPU): {cpu['bare view'] / cpu['dashboard']:.3f}")

    profiel = cProfile.Profile()
    profiel.enable()
    for _ in range(min(REQUESTS, 200)):
        get(pages["dashboard"])
    profiel.disable()
    for order in ["tottime", "cumulative"]:
        uit = io.StringIO()
        pstats.Stats(profiel, stream=uit).sort_stats(order).print_stats(25)  # wall-clock
        print(uit.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())

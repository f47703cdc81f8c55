"""`make bench-scale` / `python -m bench.scale`: the data-scale run (issue #6).

Creates its own PostgreSQL database, migrates and builds the SMALL installation (the demo and an
open session in Stein). Measures the pages below for Stein's facilitator. Then grows the database
to the LARGE installation (50 practices, 500,000 answers, ...; one ordinary practice of 100
organisations and 40 sessions among 49 others that hold the rest), so the figures show whether
other practices' data slows a practice down. After VACUUM ANALYZE the pages are measured again,
for that practice and, as a control, for Stein (whose own data did not change), and a table of
all three is printed. The database is dropped at the end. Building both installations (bulk
inserts and COPY) is bench/scale_data.py's; this module only measures and reports.

Pages, each requested N times after a warm-up, in-process through Django's test client (https,
debug off, no cache: see bench/settings_scale.py), logged in as a facilitator of the practice:
the practice dashboard, the social map's live search (htmx, with a search term), the room's
screen's fragment (its poll, htmx) of an open session on its first condition with all results
revealed (30 participants small, 300 large), that session's CSV and XLSX export, the practice's
condition export (CSV and XLSX) and the carers' feedback inbox.

Environment (all optional):
  DATABASE_URL     postgres://postgres@127.0.0.1:5432/lp_scale (created and dropped: its name
                   must contain "scale")
  BENCH_KEEP       1: keep the database at the end (to run EXPLAIN on it)
  BENCH_REQUESTS   measured requests per page (30); BENCH_WARMUP before them (3)
  BENCH_SCALE      a factor on the large totals, e.g. 0.1 for a quick try (1); the measured
                   practice keeps its size
  BENCH_EXPLAIN    1: after the large measurement, EXPLAIN ANALYZE the slowest queries per page
  BENCH_RANDOM_PAGE_COST
                   set PostgreSQL's random_page_cost for the run's database (e.g. 1.1; the
                   server's default, 4, suits spinning disks)
"""

import os
import platform
import random
import secrets
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import psycopg
from psycopg import sql

from bench import db
from bench.scale_data import Gemeten, build_large, build_small, practice_counts, row_counts, say

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/lp_scale"
SEARCH_TERM = "dementie"


# --- The database: only the run's own, created here and dropped at the end. -----------------


def _db(url: str) -> tuple[str, dict]:
    return db.server_and_name(url, marker="scale")


def db_create(url: str) -> None:
    db.create(url, marker="scale")


def db_drop(url: str) -> None:
    db.drop(url, marker="scale")


def setup_django(url: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings_scale",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_LOG_LEVEL": "ERROR",
            "DATABASE_URL": url,
            "EMAIL_URL": "console://",
        }
    )
    os.environ.pop("REDIS_URL", None)  # no broker: tasks run eagerly, as in the tests
    import django

    django.setup()


# --- Measuring. --------------------------------------------------------------------------------


@dataclass
class Pagina:
    naam: str
    url: Callable[[Gemeten], str]
    htmx: bool = False


def _pages() -> list[Pagina]:
    from django.urls import reverse

    return [
        Pagina("practice dashboard", lambda g: reverse("overzicht:dashboard", args=[g.slug])),
        Pagina(
            f"social map search (htmx, q={SEARCH_TERM})",
            lambda g: reverse("netwerk:kaart", args=[g.slug]) + f"?q={SEARCH_TERM}",
            htmx=True,
        ),
        Pagina(
            "screen fragment (htmx)",
            lambda g: reverse("condities:scherm", args=[g.slug, g.sessie]),
            htmx=True,
        ),
        Pagina(
            "session export CSV",
            lambda g: reverse("condities:sessie_export_csv", args=[g.slug, g.sessie]),
        ),
        Pagina(
            "session export XLSX",
            lambda g: reverse("condities:sessie_export_xlsx", args=[g.slug, g.sessie]),
        ),
        Pagina(
            "practice export CSV",
            lambda g: reverse("condities:praktijk_export_csv", args=[g.slug]),
        ),
        Pagina(
            "practice export XLSX",
            lambda g: reverse("condities:praktijk_export_xlsx", args=[g.slug]),
        ),
        Pagina(
            "carers' feedback inbox",
            lambda g: reverse("mantelzorg:inbox", args=[g.slug]),
        ),
    ]


@dataclass
class Meting:
    queries: int
    p50: float
    p95: float
    bytes: int
    langzaamste: list[tuple[float, str]]


def measure(gemeten: Gemeten, *, requests: int, warmup: int) -> dict[str, Meting]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from netwerk.models import User

    client = Client()
    client.force_login(User.objects.get(email=gemeten.email))
    results = {}
    for page in _pages():
        url = page.url(gemeten)
        headers = {"HX-Request": "true"} if page.htmx else {}

        def get(url=url, headers=headers):
            response = client.get(url, headers=headers, secure=True)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}, not 200.")
            return response

        for _ in range(warmup):
            get()
        with CaptureQueriesContext(connection) as captured:
            response = get()
        # Read now: each request clears the connection's query log (request_started).
        queries = list(captured.captured_queries)
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            get()
            times.append((time.perf_counter() - start) * 1000)
        quantiles = statistics.quantiles(times, n=100, method="inclusive")
        langzaamste = sorted(
            ((float(q["time"]) * 1000, q["sql"]) for q in queries),
            reverse=True,
        )[:3]
        results[page.naam] = Meting(
            queries=len(queries),
            p50=statistics.median(times),
            p95=quantiles[94],
            bytes=len(response.content),
            langzaamste=langzaamste,
        )
    return results


def explain(results: dict[str, Meting]) -> None:
    """EXPLAIN ANALYZE the slowest captured queries of each page (BENCH_EXPLAIN=1)."""
    from django.db import connection

    for naam, meting in results.items():
        for ms, query in meting.langzaamste[:2]:
            if ms < 2:
                continue
            print(f"\n--- {naam}: {ms:.1f} ms when captured\n{query}\n")
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query}")
                print("\n".join(row[0] for row in cursor.fetchall()))


def table(small: dict[str, Meting], large: dict[str, Meting], control: dict[str, Meting]) -> str:
    """The figures side by side; queries as small/large when they differ."""
    kop = (
        f"{'page':<38} {'queries':>7} {'p50 small':>9} {'p95 small':>9} {'p50 large':>9} "
        f"{'p95 large':>9} {'p50 S@L':>8} {'p95 S@L':>8}"
    )
    lines = [kop, "-" * len(kop)]
    for naam, s in small.items():
        g, c = large[naam], control[naam]
        queries = f"{s.queries}" if s.queries == g.queries else f"{s.queries}/{g.queries}"
        lines.append(
            f"{naam:<38} {queries:>7} {s.p50:>9.1f} {s.p95:>9.1f} {g.p50:>9.1f} {g.p95:>9.1f} "
            f"{c.p50:>8.1f} {c.p95:>8.1f}"
        )
    lines.append(
        "S@L: the small practice again, in the large installation (other practices' data only)."
    )
    return "\n".join(lines)


def machine() -> str:
    from django.db import connection

    cpu = platform.processor() or "?"
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
        cursor.execute("SHOW random_page_cost")
        random_page_cost = cursor.fetchone()[0]
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, PostgreSQL {pg} "
        f"(random_page_cost {random_page_cost})"
    )


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    url = os.environ.get("DATABASE_URL", DEFAULT_URL)
    requests = int(os.environ.get("BENCH_REQUESTS", "30"))
    warmup = int(os.environ.get("BENCH_WARMUP", "3"))
    factor = float(os.environ.get("BENCH_SCALE", "1"))
    keep = os.environ.get("BENCH_KEEP") == "1"
    rng = random.Random(6)  # noqa: S311 - generated test data, not security
    random_page_cost = os.environ.get("BENCH_RANDOM_PAGE_COST", "")
    name, server = _db(url)
    load_start = load()
    say(f"database {name}: creating; load average {load_start}")
    db_create(url)
    if random_page_cost:
        with psycopg.connect(**server, autocommit=True) as conn:
            conn.execute(
                sql.SQL("ALTER DATABASE {} SET random_page_cost = {}").format(
                    sql.Identifier(name), sql.Literal(float(random_page_cost))
                )
            )
    try:
        setup_django(url)
        from django.core.management import call_command
        from django.db import connections

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        klein = build_small(rng)
        say(f"small installation (migrate, demo, session): {time.perf_counter() - started:.1f} s")
        say(f"  measured practice {klein.slug}: {practice_counts(klein.slug)}")
        small = measure(klein, requests=requests, warmup=warmup)
        say(f"small measured ({requests} requests per page after {warmup} warm-up)")

        say(f"growing to the large installation (factor {factor:g})")
        started = time.perf_counter()
        groot, _stappen = build_large(rng, factor)
        build_time = time.perf_counter() - started
        counts = row_counts()
        say(f"large installation built in {build_time:.1f} s")
        say(f"  measured practice {groot.slug}: {practice_counts(groot.slug)}")
        large = measure(groot, requests=requests, warmup=warmup)
        control = measure(klein, requests=requests, warmup=warmup)
        load_end = load()

        print()
        print(
            f"Data scale (issue #6): {requests} requests per page after {warmup} warm-up, "
            "in-process (django.test.Client), debug off, no cache; times in ms"
        )
        print(f"Machine: {machine()}")
        print(f"Load average (1, 5, 15 min): {load_start} at the start, {load_end} at the end")
        print(f"Large build: {build_time:.1f} s (bulk inserts, COPY, VACUUM ANALYZE)")
        print("Rows: " + ", ".join(f"{naam} {n:,}" for naam, n in counts))
        print(f"Small: practice {klein.slug}: {practice_counts(klein.slug)}")
        print(f"Large: practice {groot.slug}: {practice_counts(groot.slug)}")
        print()
        print(table(small, large, control))
        if os.environ.get("BENCH_EXPLAIN") == "1":
            explain(large)
        connections.close_all()
    finally:
        if keep:
            say(f"database {_db(url)[0]} kept (BENCH_KEEP=1)")
        else:
            db_drop(url)
            say(f"database {_db(url)[0]} dropped")


if __name__ == "__main__":
    main()

"""The answer click in-process: web CPU per answer, database statements per answer, and where the
time goes (issue #13: "profile the answer path before changing it").

Run: `make bench-antwoord` (or `.venv/bin/python -m bench.antwoord`). It creates its own
PostgreSQL database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/lp_bench_antwoord;
the name must contain `bench`, it is dropped at the end), migrates, loads the demo, opens a
workshop over the five conditions, lets BENCH_ANTWOORD_DEELNEMERS (20) phones join and then sends
BENCH_ANTWOORDEN (1000) answers as htmx does, through the whole middleware stack with production
settings (debug off, Redis as cache when REDIS_URL is set). It prints the statements of one
answer, the web tier's CPU-milliseconds per answer (this process only: PostgreSQL's own CPU is
not in it) and the functions that take the most time. No server, no network: compare its figures
only with another run of this script on the same machine.
"""

import cProfile
import io
import os
import pstats
import sys
import time

from bench import db

URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lp_bench_antwoord")
DEELNEMERS = int(os.environ.get("BENCH_ANTWOORD_DEELNEMERS", "20"))
ANTWOORDEN = int(os.environ.get("BENCH_ANTWOORDEN", "1000"))


def _setup_django() -> None:
    os.environ["DATABASE_URL"] = URL
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-antwoord-" + "x" * 50)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost")
    import django

    django.setup()
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False  # plain http in-process, as behind the proxy


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

    from condities import services
    from condities.models import Antwoord, Conditie, Stelling
    from netwerk.models import User
    from praktijken.models import Praktijk

    call_command("migrate", verbosity=0)
    call_command("demo", stdout=io.StringIO())
    praktijk = Praktijk.objects.get(slug="stein")
    facilitator = User.objects.get(email="adviseur@stein.example")
    sessie = services.sessie_create(
        praktijk=praktijk,
        titel="Bench",
        datum="2026-12-06",
        modus="live",
        condities=list(Conditie.values),
        by=facilitator,
    )
    sessie = services.sessie_open(sessie=sessie, by=facilitator)
    stellingen = list(Stelling.objects.filter(set=sessie.stellingenset))
    telefoons = []
    for _ in range(DEELNEMERS):
        telefoon = Client(HTTP_HOST="localhost")
        response = telefoon.post(
            f"/doe-mee/{sessie.code}/", {"naam": "", "organisatie": "mantelzorger", "email": ""}
        )
        assert response.status_code == 302, response.status_code
        telefoons.append(telefoon)

    def antwoord(k: int) -> None:
        stelling = stellingen[k % len(stellingen)]
        response = telefoons[k % DEELNEMERS].post(
            f"/doe-mee/{sessie.code}/antwoord/",
            {f"s{stelling.pk}": str(1 + k % 5)},
            headers={"HX-Request": "true"},
        )
        assert response.status_code == 200, response.status_code

    for k in range(100):  # warm up: imports, templates, connections
        antwoord(k)
    with CaptureQueriesContext(connection) as statements:
        antwoord(0)
    print(f"Statements per answer: {len(statements)}")
    for statement in statements.captured_queries:
        print("  ", " ".join(statement["sql"].split())[:110])

    cpu, wall = time.process_time(), time.perf_counter()
    for k in range(ANTWOORDEN):
        antwoord(k)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"Answers: {ANTWOORDEN} from {DEELNEMERS} phones")
    print(f"Web CPU per answer: {cpu / ANTWOORDEN * 1000:.2f} ms")
    print(f"Wall time per answer (one at a time): {wall / ANTWOORDEN * 1000:.2f} ms")
    stored = Antwoord.objects.filter(deelnemer__sessie=sessie).count()
    print(f"Answer rows stored (one per participant and statement, the last score wins): {stored}")

    print()
    print("The other pages of a participant's run (web CPU per request, ms):")
    for naam, ms in _paginas(sessie, stellingen, telefoons):
        print(f"  {naam:<34} {ms:6.2f}")
    print()

    profiel = cProfile.Profile()
    profiel.enable()
    for k in range(min(ANTWOORDEN, 300)):
        antwoord(k)
    profiel.disable()
    uit = io.StringIO()
    pstats.Stats(profiel, stream=uit).sort_stats("tottime").print_stats(15)  # wall-clock
    print(uit.getvalue())
    return 0


PAGINA_HERHALINGEN = int(os.environ.get("BENCH_PAGINA_HERHALINGEN", "100"))


def _cpu_ms(stap, herhalingen: int = PAGINA_HERHALINGEN) -> float:
    """CPU-milliseconds per call of `stap(k)`, after a few calls to warm up."""
    for k in range(5):
        stap(k)
    begin = time.process_time()
    for k in range(herhalingen):
        stap(k)
    return (time.process_time() - begin) / herhalingen * 1000


def _paginas(sessie, stellingen, telefoons) -> list[tuple[str, float]]:
    """What a participant requests besides answers (bench/locustfile_sessie.py): the
    join form and its post (a new phone each time), the questions page of a condition, the
    thank-you page; and one poll of the room's screen by its presenter."""
    from django.test import Client

    from condities.models import Sessie

    code = sessie.code
    conditie = stellingen[0].conditie
    # A new phone is a client without cookies; one client, emptied each time, since every new
    # test client loads the middleware again (whitenoise reads every static file): not a cost
    # a server pays per request.
    nieuw = Client(HTTP_HOST="localhost")

    def formulier(k: int) -> None:
        nieuw.cookies.clear()
        response = nieuw.get(f"/doe-mee/{code}/")
        assert response.status_code == 200, response.status_code

    def aanmelden(k: int) -> None:
        nieuw.cookies.clear()
        response = nieuw.post(
            f"/doe-mee/{code}/", {"naam": "", "organisatie": "mantelzorger", "email": ""}
        )
        assert response.status_code == 302, response.status_code

    def vragen(k: int) -> None:
        response = telefoons[k % len(telefoons)].get(
            f"/doe-mee/{code}/vragen/", {"conditie": conditie}
        )
        assert response.status_code == 200, response.status_code

    def klaar(k: int) -> None:
        response = telefoons[k % len(telefoons)].get(f"/doe-mee/{code}/klaar/")
        assert response.status_code == 200, response.status_code

    metingen = [
        ("join: form (GET, a new phone)", _cpu_ms(formulier)),
        ("join: post (a new phone)", _cpu_ms(aanmelden)),
        ("questions page (one condition)", _cpu_ms(vragen)),
        ("finish page (GET)", _cpu_ms(klaar)),
    ]
    assert Sessie.objects.filter(pk=sessie.pk, status=Sessie.Status.OPEN).exists()
    return metingen


if __name__ == "__main__":
    sys.exit(main())

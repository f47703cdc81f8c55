"""Two tabs or a double click at the same moment: one answer row, the last score wins, none lost."""

import threading

import pytest
from django.db import connection, connections

from condities import services
from condities.models import Antwoord, Deelnemer

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL for real concurrent writers"
    ),
]


def run_together(*functions) -> list:
    """Start the functions in threads at the same instant; return what each raised, if anything."""
    barrier = threading.Barrier(len(functions))
    errors: list = []

    def wrap(function):
        def target():
            try:
                barrier.wait()
                function()
            except Exception as error:  # collected and asserted on by the test
                errors.append(error)
            finally:
                connections.close_all()

        return target

    threads = [threading.Thread(target=wrap(f)) for f in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def test_two_simultaneous_answers_make_one_row(sessie, stellingen, maak_deelnemers):
    (deelnemer,) = maak_deelnemers(1)
    stelling = stellingen["relatie"][0]
    for _round in range(10):
        errors = run_together(
            lambda: services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=2),
            lambda: services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=4),
        )
        assert errors == []
        assert Antwoord.objects.filter(deelnemer=deelnemer, stelling=stelling).count() == 1
        assert Antwoord.objects.get(deelnemer=deelnemer, stelling=stelling).score in {2, 4}


def test_many_answers_at_once_are_all_stored(sessie, stellingen, maak_deelnemers):
    deelnemers = maak_deelnemers(8)
    stelling = stellingen["proces"][0]
    errors = run_together(
        *[
            (lambda d=d: services.antwoord_save(deelnemer=d, stelling=stelling, score=3))
            for d in deelnemers
        ]
    )
    assert errors == []
    assert Antwoord.objects.filter(stelling=stelling).count() == 8


def test_a_member_joining_in_two_tabs_gets_one_place(sessie, lid):
    errors = run_together(
        lambda: services.deelnemer_join(sessie=sessie, user=lid),
        lambda: services.deelnemer_join(sessie=sessie, user=lid),
    )
    assert errors == []
    assert Deelnemer.objects.filter(sessie=sessie, user=lid).count() == 1

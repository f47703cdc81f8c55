"""The worker's own cache keeps the objects themselves: no copy to unpickle on every click."""

import time

import pytest
from django.core.cache import caches

from config.cache import ProcesCache


@pytest.fixture
def proces():
    cache = ProcesCache("test-proces", {"OPTIONS": {"MAX_ENTRIES": 3}})
    cache.clear()
    yield cache
    cache.clear()


def test_the_settings_use_it_for_the_proces_alias():
    assert isinstance(caches["proces"], ProcesCache)


def test_get_returns_the_object_that_was_set_not_a_copy(proces):
    stellingen = [object(), object()]
    proces.set("stellingen", stellingen, 60)
    assert proces.get("stellingen") is stellingen
    assert proces.get("onbekend", "standaard") == "standaard"


def test_add_keeps_the_first_value_and_values_expire(proces, monkeypatch):
    assert proces.add("k", "eerste", 60) is True
    assert proces.add("k", "tweede", 60) is False
    assert proces.get("k") == "eerste"
    nu = time.time()
    monkeypatch.setattr(time, "time", lambda: nu + 61)
    assert proces.get("k") is None
    assert proces.add("k", "derde", 60) is True


def test_incr_and_culling(proces):
    proces.set("teller", 1)
    assert proces.incr("teller", 2) == 3
    with pytest.raises(ValueError):
        proces.incr("weg")
    for i in range(5):
        proces.set(f"n{i}", i)
    assert proces.get("n4") == 4  # the newest stays when the oldest are culled
    assert sum(proces.get(f"n{i}") is not None for i in range(5)) <= 3

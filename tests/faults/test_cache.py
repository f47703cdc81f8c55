"""The Redis cache while Redis is away: an empty cache that keeps nothing, quickly."""

import logging
import os
import time

import pytest

from config import cache as cache_module
from config import ratelimit
from config.cache import ResilientRedisCache
from tests.faults.conftest import UNREACHABLE_REDIS


@pytest.fixture(autouse=True)
def _fresh_outage_memory(monkeypatch):
    # Each test starts as if Redis had never failed in this process.
    monkeypatch.setattr(cache_module, "_down_until", {})


@pytest.fixture
def away():
    return ResilientRedisCache(
        UNREACHABLE_REDIS, {"OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}
    )


def test_it_answers_like_an_empty_cache(away):
    assert away.get("sleutel") is None
    assert away.get("sleutel", "standaard") == "standaard"
    assert away.get_or_set("sleutel", 3) == 3
    assert away.add("sleutel", 1) is True
    away.set("sleutel", 1)
    assert away.has_key("sleutel") is False
    assert away.get_many(["a", "b"]) == {}
    assert away.set_many({"a": 1}) == ["a"]
    assert away.delete("sleutel") is False
    away.delete_many(["a"])
    assert away.touch("sleutel") is False
    away.clear()
    with pytest.raises(ValueError, match="not found"):
        away.incr("teller")


def test_it_warns_once_and_then_skips_redis_for_a_while(away, caplog):
    with caplog.at_level(logging.WARNING, logger="config.cache"):
        started = time.monotonic()
        for _ in range(200):
            away.get("sleutel")
        elapsed = time.monotonic() - started
    assert elapsed < 1
    assert [r.getMessage() for r in caplog.records].count(
        "cache unavailable (ConnectionError during get): working without it for 5 s"
    ) == 1


def test_rate_limits_let_people_through_while_it_is_away(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "config.cache.ResilientRedisCache", "LOCATION": UNREACHABLE_REDIS},
    }
    for _ in range(30):
        ratelimit.hit(scope="code", ident="1.2.3.4", window=60)
    assert ratelimit.is_limited(scope="code", ident="1.2.3.4", limit=5) is False


def test_a_version_write_is_tried_even_while_redis_is_skipped(away):
    """A new version (config.versies) must not be dropped because another call timed out a
    moment ago: `set_always` asks Redis anyway, and says when it could not store."""
    away.get("sleutel")  # fails: Redis is skipped from now on
    assert cache_module._down_until  # positive control: the skip is on
    assert away.set_always("sleutel", "v1") is False


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (a real Redis)")
def test_a_version_write_reaches_a_redis_that_is_back(monkeypatch):
    echt = ResilientRedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": "lp-test-versie"})
    echt.delete("sleutel")
    monkeypatch.setitem(cache_module._down_until, echt._location, time.monotonic() + 60)
    echt.set("sleutel", "gewoon")  # dropped while skipped
    assert echt.set_always("sleutel", "v2") is True
    monkeypatch.setitem(cache_module._down_until, echt._location, 0.0)
    assert echt.get("sleutel") == "v2"
    echt.delete("sleutel")

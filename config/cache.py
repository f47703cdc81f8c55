"""The caches: Redis, made to forget instead of fail while Redis is away (ResilientRedisCache),
and each worker's own memory, keeping objects as they are (ProcesCache).

Django's RedisCache raises when Redis cannot be reached. Everything we keep in the cache can be
lost without harm (rate-limit counters, a session's statements, the screen's results for two
seconds), so an outage behaves like an empty cache that keeps nothing: reads miss, writes are
dropped, and `add` reports success so that callers that take a lock or count a hit (allauth's
login rate limits, config.ratelimit) let the request through. Sessions live in the database (the
cache holds a copy to read from), so nobody is logged out.

After a failure the cache is skipped for a few seconds (per process), so that a Redis host that
does not answer costs one connect timeout now and then, not one per cache call.
"""

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis import ConnectionPool, Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
# Seconds the cache is skipped after Redis failed to answer.
SKIP_SECONDS = 5.0

# Per server location: until when (time.monotonic()) Redis is taken to be away.
_down_until: dict[str, float] = {}
_lock = threading.Lock()


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client builds a new redis.Redis object for every cache call (a noticeable part of
    a cheap request, such as the screen's poll); one per connection pool does the same work,
    as a redis.Redis object may be shared between threads."""

    if TYPE_CHECKING:
        # Django's own (private) parts this builds on, which django-stubs leaves out.
        _client: type[Redis]

        def _get_connection_pool_index(self, write: bool) -> int: ...
        def _get_connection_pool(self, write: bool) -> ConnectionPool: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Redis] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Redis:
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """RedisCache that behaves as an empty cache while Redis is unreachable."""

    _servers: list[str]  # set by Django's RedisCache (private, so not in django-stubs)

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._location = ",".join(self._servers)

    def _call(self, name: str, call: Callable[[], Any], fallback: Callable[[], Any]) -> Any:
        """Run `call` against Redis; while Redis is away, return `fallback()` instead."""
        if _down_until.get(self._location, 0.0) > time.monotonic():
            return fallback()
        try:
            return call()
        except OUTAGE_ERRORS as error:
            with _lock:
                first = _down_until.get(self._location, 0.0) <= time.monotonic()
                _down_until[self._location] = time.monotonic() + SKIP_SECONDS
            if first:
                logger.warning(
                    "cache unavailable (%s during %s): working without it for %.0f s",
                    type(error).__name__,
                    name,
                    SKIP_SECONDS,
                )
            return fallback()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # Success while away: a lock or a first hit must not lock everyone out.
        return self._call("add", partial(super().add, key, value, timeout, version), _true)

    def set_always(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        """`set`, tried even while Redis is taken to be away (for a rare write that must not be
        dropped because another call timed out a moment ago: config.versies); False when it
        failed."""
        try:
            super().set(key, value, timeout, version)
        except OUTAGE_ERRORS:
            return False
        return True

    def get(self, key, default=None, version=None):
        return self._call("get", partial(super().get, key, default, version), lambda: default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", partial(super().set, key, value, timeout, version), _none)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", partial(super().touch, key, timeout, version), _false)

    def delete(self, key, version=None):
        return self._call("delete", partial(super().delete, key, version), _false)

    def get_many(self, keys, version=None):
        return self._call("get_many", partial(super().get_many, keys, version), dict)

    def has_key(self, key, version=None):
        return self._call("has_key", partial(super().has_key, key, version), _false)

    def incr(self, key, delta=1, version=None):
        def missing():
            # An empty cache has no such key: Django's answer for a missing key.
            raise ValueError(f"Key {key!r} not found (the cache is unavailable).")

        return self._call("incr", partial(super().incr, key, delta, version), missing)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # RedisCache returns the keys it could not store: all of them.
        return self._call(
            "set_many", partial(super().set_many, data, timeout, version), lambda: list(data)
        )

    def delete_many(self, keys, version=None):
        return self._call("delete_many", partial(super().delete_many, keys, version), _none)

    def clear(self):
        return self._call("clear", super().clear, _false)


def _true() -> bool:
    return True


def _false() -> bool:
    return False


def _none() -> None:
    return None


class ProcesCache(LocMemCache):
    """LocMemCache that keeps the objects themselves instead of pickles of them.

    For what never changes once made and is read on every click of a room full of phones (a
    session's statements, issue #13): Django's LocMemCache unpickles a copy on each read, which
    cost more than the rest of the lookup. The objects are shared by every request of the
    process, so whoever reads a value must not change it; the values kept here are lists of
    model instances that the pages only read."""

    if TYPE_CHECKING:  # LocMemCache's own parts, which django-stubs leaves out
        _lock: threading.Lock
        _cache: OrderedDict[str, Any]

        def _has_expired(self, key: str) -> bool: ...
        def _delete(self, key: str) -> bool: ...
        def _set(self, key: str, value: Any, timeout: float | None = ...) -> None: ...

    def add(
        self,
        key: str,
        value: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> bool:
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._set(key, value, timeout)
                return True
            return False

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                return default
            value = self._cache[key]
            self._cache.move_to_end(key, last=False)
        return value

    def set(
        self,
        key: str,
        value: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> None:
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            self._set(key, value, timeout)

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                raise ValueError(f"Key '{key}' not found")
            value = self._cache[key] + delta
            self._cache[key] = value
            self._cache.move_to_end(key, last=False)
        return value

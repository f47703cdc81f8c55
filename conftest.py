"""Shared fixtures: a clean cache per test and the people who use the app."""

import contextlib

import pytest
from django.core.cache import cache

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _clean_cache():
    # Rate limits and other cached state must not leak from one test into the next.
    _clear_cache()
    yield
    _clear_cache()


def _clear_cache() -> None:
    # A test that takes Redis away must still be able to finish.
    with contextlib.suppress(Exception):
        cache.clear()


@pytest.fixture
def user(db):
    return UserFactory(email="gebruiker@voorbeeld.example")

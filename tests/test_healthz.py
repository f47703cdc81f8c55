"""/healthz/ tells a load balancer whether the app can serve, and nothing more."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

from tests.pages import rendered

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


def test_healthy_app_answers_200_with_only_the_states(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"status", "database", "cache", "broker"}
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["cache"] == "ok"
    assert body["broker"] in {"ok", "eager"}


def test_it_needs_no_login_and_is_never_cached(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


def test_unreachable_database_gives_503(client):
    with mock.patch.object(
        BaseDatabaseWrapper, "cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["database"] == "down"
    assert response.json()["status"] == "down"
    assert "connection refused" not in response.text


def test_unreachable_redis_is_reported_down_without_a_500(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": UNREACHABLE_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    settings.REDIS_URL = UNREACHABLE_REDIS
    settings.CELERY_BROKER_URL = UNREACHABLE_REDIS
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "down",
        "broker": "down",
    }


def test_it_leaks_no_settings_or_versions(client):
    response = client.get("/healthz/")
    # The real answer, states and all: an error page would lack these names too.
    text = rendered(response, '"status"', '"database"', '"cache"', '"broker"').lower()
    assert response.json()["status"] == "ok"
    for secret in ("django", "python", "postgres", "sqlite", "redis://", "version"):
        assert secret not in text


def test_from_outside_only_the_overall_status_is_told(client):
    response = client.get("/healthz/", REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_with_the_token_the_components_are_told_from_anywhere(client, settings):
    settings.HEALTHZ_TOKEN = "geheim-genoeg-voor-de-monitor"
    verkeerd = client.get(
        "/healthz/", REMOTE_ADDR="203.0.113.7", headers={"X-Healthz-Token": "raden"}
    )
    assert verkeerd.json() == {"status": "ok"}
    goed = client.get(
        "/healthz/",
        REMOTE_ADDR="203.0.113.7",
        headers={"X-Healthz-Token": "geheim-genoeg-voor-de-monitor"},
    )
    assert goed.status_code == 200
    assert set(goed.json()) == {"status", "database", "cache", "broker"}


def test_the_machine_itself_sees_the_components_also_over_ipv6(client):
    response = client.get("/healthz/", REMOTE_ADDR="::1")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"

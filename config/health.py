"""`/healthz/`: is the app able to serve? For load balancers and monitoring."""

import logging

import redis
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

OK, DOWN, EAGER = "ok", "down", "eager"


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("healthz: database unreachable")
        return DOWN
    return OK


def _cache_state() -> str:
    try:
        cache.set("healthz-probe", "1", timeout=10)
        return OK if cache.get("healthz-probe") == "1" else DOWN
    except Exception:
        logger.warning("healthz: cache unreachable", exc_info=True)
        return DOWN


def _broker_state() -> str:
    if not settings.REDIS_URL:
        return EAGER
    try:
        client = redis.Redis.from_url(
            settings.CELERY_BROKER_URL, socket_connect_timeout=1, socket_timeout=1
        )
        client.ping()
    except Exception:
        logger.warning("healthz: broker unreachable", exc_info=True)
        return DOWN
    return OK


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Report database, cache and broker; 200 while the database answers, 503 otherwise."""
    checks = {"database": _database_state(), "cache": _cache_state(), "broker": _broker_state()}
    healthy = checks["database"] == OK
    return JsonResponse(
        {"status": OK if healthy else DOWN, **checks}, status=200 if healthy else 503
    )

"""`/healthz/`: is the app able to serve? For load balancers and monitoring.

Anyone gets the overall status (and 503 when the database is away); the state of each component
only goes to the machine itself (loopback) or to whoever sends the `HEALTHZ_TOKEN` in an
`X-Healthz-Token` header, so that the world does not learn which part is down.
"""

import hmac
import ipaddress
import logging

import redis
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from config.ratelimit import client_address

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


def _may_see_details(request: HttpRequest) -> bool:
    token = settings.HEALTHZ_TOKEN
    sent = request.headers.get("X-Healthz-Token", "")
    if token and sent and hmac.compare_digest(sent.encode(), token.encode()):
        return True
    try:
        return ipaddress.ip_address(client_address(request)).is_loopback
    except ValueError:
        return False


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 while the database answers, 503 otherwise; database, cache and broker each for the
    machine itself or with the token."""
    checks = {"database": _database_state(), "cache": _cache_state(), "broker": _broker_state()}
    healthy = checks["database"] == OK
    body = {"status": OK if healthy else DOWN}
    if _may_see_details(request):
        body.update(checks)
    return JsonResponse(body, status=200 if healthy else 503)

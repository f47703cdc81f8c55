"""Settings for the benchmark: the production settings, served over plain http on 127.0.0.1.

Only what a plain-http loopback run needs differs from production: cookies without the Secure
flag (the load tool talks http), static files collected into the run's own folder, cache keys of
the run's own, a URLconf that adds the bare view the throughput ratio is measured against, and
the client address taken from X-Forwarded-For as behind the production proxy (see below).
"""

import os
from pathlib import Path

from config.settings import *  # noqa: F403
from config.settings import BASE_DIR, CACHES

ROOT_URLCONF = "bench.urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT") or BASE_DIR / "staticfiles")
# Each run has its own cache keys: the database is new each time, so a run must never read what
# an earlier one cached (a session's statements, rate limits) under the same ids.
CACHES["default"]["KEY_PREFIX"] = os.environ.get("BENCH_CACHE_PREFIX", "lp-bench")
# As in production behind its proxy (DJANGO_BEHIND_PROXY): the client's address is the one the
# proxy forwards in X-Forwarded-For. gunicorn listens on 127.0.0.1 only, so only the load tool on
# this machine can set it; it gives each simulated carer and member an address of their own, so
# the per-address limits of the carers' form (config.ratelimit.client_ip) and of allauth's login
# apply per person, as they would in reality, with their production values.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
ALLAUTH_TRUSTED_PROXY_COUNT = 1

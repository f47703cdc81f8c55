"""Settings for the benchmark: the production settings, served over plain http on 127.0.0.1.

Only what a plain-http loopback run needs differs from production: cookies without the Secure
flag (the load tool talks http), static files collected into the run's own folder, cache keys of
the run's own, and a URLconf that adds the bare view the throughput ratio is measured against.
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

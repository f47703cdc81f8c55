"""Settings for the data-scale run (`python -m bench.scale`): production settings, in-process.

The run talks to Django through its test client (host `testserver`, https), so only three things
differ from production: the allowed host, no cache (every request pays for its own queries, so the
figures show the database work, not a cache hit), and static file names without the manifest
(collectstatic is not run: no static file is requested, and a manifest look-up costs microseconds).
"""

import tempfile
from pathlib import Path

from config.settings import *  # noqa: F403
from config.settings import STORAGES

ALLOWED_HOSTS = ["testserver"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "proces": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# An empty folder, so WhiteNoise does not warn about a missing one (no static file is requested).
STATIC_ROOT = Path(tempfile.gettempdir()) / "lp-scale-static"
STATIC_ROOT.mkdir(exist_ok=True)

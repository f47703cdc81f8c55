"""Settings for the app server that test_postgres_restart runs: production, minus one thing.

Static files are not collected for a test run, so templates link them unhashed; everything else
(debug off, the 503 handler, the database settings with CONN_HEALTH_CHECKS) is production's.
"""

from config.settings import *  # noqa: F403
from config.settings import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

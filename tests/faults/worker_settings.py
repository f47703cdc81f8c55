"""Settings for the Celery worker that test_worker_killed starts in its own process.

The test settings, plus: a short visibility timeout, so that Redis hands a message whose worker
died to the next worker within seconds (production waits an hour), and mail written to files
(EMAIL_URL=file://…) through a backend that holds every message after the first until the test
opens its gate, so the test can kill the worker at a known point. The worker is killed while a
mail is marked "being sent" (config.mail.mail_once): a one-second MAIL_BEZIG_TIMEOUT (production
waits half an hour) lets the next worker send it.
"""

import datetime
import os

from config.settings_test import *  # noqa: F403
from config.settings_test import MAILERS

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 2,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
MAILERS = {
    "default": {
        **MAILERS["default"],
        "BACKEND": "tests.faults.gated_mail.GatedFileBackend",
    }
}
MAIL_BEZIG_TIMEOUT = datetime.timedelta(seconds=1)
LP_FAULTS_MAIL_GATE = os.environ.get("LP_FAULTS_MAIL_GATE", "")

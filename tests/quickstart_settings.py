"""Settings for the quick-start worker test (tests/test_quickstart.py): the real settings with
the retention removal every second instead of every night."""

from config.settings import *  # noqa: F403

CELERY_BEAT_SCHEDULE = {
    "mantelzorg-contact-opruimen": {
        "task": "mantelzorg.tasks.contact_expired_delete_task",
        "schedule": 1.0,
    },
}

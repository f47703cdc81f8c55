"""Test settings: the real settings with development defaults, a fast hasher and eager tasks."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")

from config.settings import *  # noqa: F403

# Hashing a password costs almost a second with the real hasher; tests create many users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tasks run in the test's own process; the Celery worker test switches this off for itself.
CELERY_TASK_ALWAYS_EAGER = True

"""The settings read the environment, and refuse to start unsafely."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import database_from_url, env_bool, mailer_from_url

ROOT = Path(__file__).resolve().parent.parent
SCHEDULE = Path(tempfile.gettempdir()) / "lp-test-celerybeat-schedule"

PRINT_SETTINGS = """
import json
from django.conf import settings
from config.celery import app
db = settings.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "name": str(db["NAME"]), "host": db.get("HOST"),
    "port": db.get("PORT"), "user": db.get("USER"),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "broker": app.conf.broker_url, "eager": app.conf.task_always_eager,
    "mailer": settings.MAILERS["default"]["BACKEND"],
    "debug": settings.DEBUG, "secure_cookies": settings.SESSION_COOKIE_SECURE,
    "hsts": settings.SECURE_HSTS_SECONDS,
}))
"""


def _clean_env(**env: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    clean.pop("REDIS_URL", None)
    clean.pop("EMAIL_URL", None)
    clean.update({"DJANGO_SETTINGS_MODULE": "config.settings", **env})
    return clean


def run_settings(**env: str) -> subprocess.CompletedProcess:
    code = "import django; django.setup();" + PRINT_SETTINGS
    return run_python("-c", code, **env)


def run_python(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=_clean_env(**env), capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "start",
    [
        ["-c", "import config.wsgi"],  # gunicorn
        ["-c", "import config.asgi"],
        ["-m", "celery", "-A", "config", "worker", "--pool", "solo"],
        # The schedule file goes to the temporary folder, not into the checkout.
        ["-m", "celery", "-A", "config", "beat", "--schedule", str(SCHEDULE)],
    ],
    ids=["wsgi", "asgi", "worker", "beat"],
)
def test_missing_secret_key_with_debug_off_gives_a_clear_error(start):
    result = run_python(*start, DJANGO_DEBUG="false")
    assert result.returncode != 0
    # Celery beat sends what is written on stderr through its logging, which writes to stdout.
    output = result.stderr + result.stdout
    assert "DJANGO_SECRET_KEY is not set" in output
    assert "DJANGO_DEBUG=true" in output


def test_commands_that_sign_nothing_work_without_a_secret_key():
    """A bare checkout (no environment at all) can check its migrations, as the hooks do."""
    result = run_python("manage.py", "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout
    # ... but a deployment check fails on it.
    deploy = run_python(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ALLOWED_HOSTS="lerendepraktijk.example",
    )
    assert deploy.returncode != 0
    assert "security.W009" in deploy.stderr


def test_debug_off_with_secret_key_turns_on_secure_cookies_and_hsts():
    result = run_settings(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 60)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["secure_cookies"] is True
    assert values["hsts"] >= 31_536_000


def test_defaults_are_sqlite_local_memory_eager_tasks_and_console_mail():
    values = json.loads(run_settings(DJANGO_DEBUG="true").stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(ROOT / "db.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["eager"] is True
    assert values["mailer"].endswith("console.EmailBackend")


def test_database_url_and_redis_url_are_honoured():
    result = run_settings(
        DJANGO_DEBUG="true",
        DATABASE_URL="postgres://lp:geheim@db.example:6543/lerende_praktijk",
        REDIS_URL="redis://cache.example:6380/2",
        EMAIL_URL="smtp://mail.example:587?tls=1",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["host"], values["port"], values["name"], values["user"]) == (
        "db.example",
        "6543",
        "lerende_praktijk",
        "lp",
    )
    assert values["cache"].endswith("RedisCache")
    assert values["cache_location"] == "redis://cache.example:6380/2"
    assert values["broker"] == "redis://cache.example:6380/2"
    assert values["eager"] is False
    assert values["mailer"].endswith("smtp.EmailBackend")


def test_sqlite_url_may_be_relative_or_absolute(tmp_path):
    assert database_from_url("sqlite:///data/lp.db", base_dir=tmp_path)["NAME"] == str(
        tmp_path / "data/lp.db"
    )
    assert database_from_url("sqlite:////srv/lp.db", base_dir=tmp_path)["NAME"] == "/srv/lp.db"


def test_unknown_database_scheme_is_refused():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url("mysql://db/lp", base_dir=Path("."))


def test_smtp_url_becomes_a_mailer_with_its_credentials():
    mailer = mailer_from_url("smtp://user%40x:p%2Fw@mail.example:2525?tls=true")
    assert mailer["OPTIONS"]["username"] == "user@x"
    assert mailer["OPTIONS"]["password"] == "p/w"
    assert mailer["OPTIONS"]["port"] == 2525
    assert mailer["OPTIONS"]["use_tls"] is True


def test_a_boolean_that_is_not_one_is_refused(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "misschien")
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG"):
        env_bool("DJANGO_DEBUG")

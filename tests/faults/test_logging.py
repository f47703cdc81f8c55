"""Structured logs: JSON lines in production, readable lines in development, no secrets."""

import json
import logging
import os
import secrets
import subprocess
import sys

import pytest
from django.test import RequestFactory

from config.logging import JsonFormatter, redact
from tests.faults.conftest import ROOT

PRINT_LOGGING = """
import django, json, logging
django.setup()
from django.conf import settings
handler = logging.getLogger().handlers[0]
print(json.dumps({
    "format": settings.LOGGING["handlers"]["console"]["formatter"],
    "formatter": type(handler.formatter).__name__,
    "stream": handler.stream.name,
    "celery_hijacks": settings.CELERY_WORKER_HIJACK_ROOT_LOGGER,
}))
"""


def logging_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update({"DJANGO_SETTINGS_MODULE": "config.settings", **env})
    return subprocess.run(
        [sys.executable, "-c", PRINT_LOGGING], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def record(message: str, *args, level=logging.WARNING, **extra) -> logging.LogRecord:
    rec = logging.LogRecord("django.request", level, __file__, 1, message, args, None)
    rec.__dict__.update(extra)
    return rec


def test_production_logs_json_lines_on_stdout_and_celery_uses_them_too():
    result = logging_settings(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 60)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.splitlines()[-1])
    assert values == {
        "format": "json",
        "formatter": "JsonFormatter",
        "stream": "<stdout>",
        "celery_hijacks": False,
    }


def test_development_logs_plain_lines_and_the_choice_can_be_made():
    plain = json.loads(logging_settings(DJANGO_DEBUG="true").stdout.splitlines()[-1])
    assert plain["format"] == "plain"
    chosen = logging_settings(DJANGO_DEBUG="true", DJANGO_LOG_FORMAT="JSON")
    assert json.loads(chosen.stdout.splitlines()[-1])["format"] == "json"


def test_an_unknown_log_format_is_refused():
    result = logging_settings(DJANGO_DEBUG="true", DJANGO_LOG_FORMAT="xml")
    assert result.returncode != 0
    assert "DJANGO_LOG_FORMAT must be json or plain" in result.stderr


def test_a_request_line_has_time_level_logger_message_method_path_and_status():
    request = RequestFactory().post("/p/stein/netwerk/?q=geheim")
    line = json.loads(
        JsonFormatter().format(
            record("Forbidden: %s", request.path, request=request, status_code=403)
        )
    )
    assert set(line) == {"time", "level", "logger", "message", "method", "path", "status"}
    assert line["time"].endswith("+00:00")
    assert (line["level"], line["logger"]) == ("WARNING", "django.request")
    assert (line["method"], line["path"], line["status"]) == ("POST", "/p/stein/netwerk/", 403)
    assert "geheim" not in json.dumps(line)


def test_an_exception_is_one_field_of_the_same_line():
    try:
        raise ValueError("kapot")
    except ValueError:
        rec = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", (), sys.exc_info())
    text = JsonFormatter().format(rec)
    assert "\n" not in text
    assert "ValueError: kapot" in json.loads(text)["exception"]


@pytest.mark.parametrize(
    "path",
    [
        "/uitnodiging/{token}/",
        "/checkin/{token}/",
        "/bevestigen/{token}/",
        "/doe-mee/K7QX2M/vragen/",
    ],
)
def test_secret_links_and_join_codes_are_masked(path):
    token = secrets.token_urlsafe(32)
    request = RequestFactory().get(path.format(token=token))
    text = JsonFormatter().format(
        record("Not Found: %s", request.path, request=request, status_code=404)
    )
    assert token not in text
    assert "K7QX2M" not in text
    assert "***" in json.loads(text)["path"]


def test_tokens_elsewhere_are_masked_but_code_names_stay_readable():
    token = secrets.token_urlsafe(32)
    assert redact(f"link {token} sent") == "link *** sent"
    readable = "ContentSecurityPolicyMiddleware stellingen_for_sessie_cached /p/stein/mantelzorg/"
    assert redact(readable) == readable

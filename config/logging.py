"""Structured logs: one JSON object per line on stdout (DJANGO_LOG_FORMAT=json).

Each line has `time` (UTC, ISO 8601), `level`, `logger` and `message`; when the record is about
a request (Django's request logging passes it along) also `method`, `path` and `status`; and
`exception` with the traceback when there was one.

Nothing secret goes into a line: secret links and join codes in paths and messages are masked
(the tokens of invitation, check-in and confirmation links, and the code of a live session),
query strings are never logged, and the app never logs what people typed (passwords, login
codes, carers' text). Keep it that way when adding a log call: log ids, never content.
"""

import datetime
import json
import logging
import re

MASK = "***"

# The value after these path parts is a secret (a link token) or a session's join code.
_SECRET_IN_PATH = re.compile(
    r"(/(?:doe-mee|uitnodiging|checkin|bevestigen|password/reset/key)/)([^/?#\s]+)"
)
# Anything that looks like a token (secrets.token_urlsafe): a long run of URL-safe characters
# with a digit in it, or a very long one. Code names in tracebacks stay readable.
_TOKEN = re.compile(
    r"(?<![A-Za-z0-9_-])"
    r"(?:(?=[A-Za-z_-]*[0-9])[A-Za-z0-9_-]{32,}|[A-Za-z0-9_-]{40,})"
    r"(?![A-Za-z0-9_-])"
)
_TRACEBACK_LIMIT = 8000


def redact(text: str) -> str:
    """Mask secret path parts and anything that looks like a token."""
    text = _SECRET_IN_PATH.sub(lambda m: m.group(1) + MASK, text)
    return _TOKEN.sub(MASK, text)


def _request_fields(record: logging.LogRecord) -> dict:
    fields: dict = {}
    request = getattr(record, "request", None)
    method = getattr(request, "method", None)
    path = getattr(request, "path", None)
    if isinstance(method, str):
        fields["method"] = method
    if isinstance(path, str):
        fields["path"] = redact(path)
    status = getattr(record, "status_code", None)
    if isinstance(status, int):
        fields["status"] = status
    return fields


class JsonFormatter(logging.Formatter):
    """Format a record as one line of JSON."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            **_request_fields(record),
        }
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))[-_TRACEBACK_LIMIT:]
        elif record.exc_text:
            entry["exception"] = redact(record.exc_text)[-_TRACEBACK_LIMIT:]
        return json.dumps(entry, ensure_ascii=False, default=str)

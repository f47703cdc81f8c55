"""gunicorn's access log never writes a secret link, a join code or a query string."""

import datetime
import types

from gunicorn.config import Config

from config.gunicorn import MaskedAccessLogger


def access_line(path: str, query: str = "", referer: str = "-") -> str:
    logger = MaskedAccessLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path + ("?" + query if query else ""),
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.1",
        "HTTP_REFERER": referer,
    }
    resp = types.SimpleNamespace(status="200 OK", sent=10, headers=[])
    req = types.SimpleNamespace(headers=[("REFERER", referer)])
    atoms = logger.atoms(resp, req, environ, datetime.timedelta(milliseconds=5))
    return logger.cfg.access_log_format % atoms


def test_an_invitation_link_is_masked_in_the_access_log():
    token = "Zq8xK2-p0_lm3NbVtR7aW9cY1dE4fG6hJ"
    line = access_line(f"/uitnodiging/{token}/")
    assert '"GET /uitnodiging/***/ HTTP/1.1" 200' in line
    assert token not in line


def test_password_reset_keys_check_in_links_and_join_codes_are_masked():
    for path, secret in [
        ("/accounts/password/reset/key/3-abc123-def456/", "3-abc123-def456"),
        ("/checkin/Hk2n8sLq0Pz5vXw3yRt1uE7iO9aS4dF6g/", "Hk2n8sLq0Pz5vXw3yRt1uE7iO9aS4dF6g"),
        ("/doe-mee/K7P4QX/vragen/", "K7P4QX"),
    ]:
        line = access_line(path)
        assert secret not in line, path
        assert "***" in line


def test_query_strings_and_referrers_are_left_out():
    line = access_line(
        "/p/stein/kaart/", query="q=steunpunt", referer="https://x.example/checkin/geheim/"
    )
    assert "steunpunt" not in line
    assert "geheim" not in line
    assert '"GET /p/stein/kaart/?*** HTTP/1.1" 200' in line

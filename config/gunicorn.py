"""gunicorn's access log without secrets (`--logger-class config.gunicorn.MaskedAccessLogger`).

The access log is written by gunicorn, not by Django, so the app's masked JSON logs do not cover
it: this logger masks the same secret path parts (invitation, check-in, confirmation and
password-reset links, join codes) and leaves query strings and referrers out altogether.
"""

from gunicorn.glogging import Logger

from config.logging import MASK, redact


class MaskedAccessLogger(Logger):
    """gunicorn's standard logger whose access-log atoms carry no link token or query string."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = redact(environ.get("PATH_INFO", "") or "")
        query = MASK if environ.get("QUERY_STRING") else ""
        atoms["U"] = path
        atoms["q"] = query
        atoms["r"] = f"{atoms['m']} {path}{'?' + query if query else ''} {atoms['H']}"
        atoms["f"] = MASK if atoms.get("f", "-") != "-" else "-"
        for key in [k for k in atoms if k.startswith("{") and k.endswith("}i")]:
            if key in ("{referer}i", "{cookie}i", "{authorization}i", "{x-healthz-token}i"):
                atoms[key] = MASK
        for key in [k for k in atoms if k.startswith("{") and k.endswith("}e")]:
            if key in ("{raw_uri}e", "{query_string}e", "{http_referer}e", "{http_cookie}e"):
                atoms[key] = MASK
        return atoms

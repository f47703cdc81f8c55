"""Reading a page before asserting what is *not* on it: an error page lacks everything."""


def rendered(response, *present: str, status: int = 200) -> str:
    """The response's text, once its status and the things that must be on it are checked.

    An absence check (`assert "X" not in text`) passes on a 403, a 404 or a 500 page too; call
    this first so such a check says something about the real page.
    """
    assert response.status_code == status, (response.status_code, status)
    text = response.content.decode()
    for expected in present:
        assert expected in text, expected
    return text


def login_queries(*, first: bool = False) -> int:
    """The queries a logged-in request spends on its login: the session (none where it comes
    from Redis: cached_db) and the account (none where the worker keeps it: netwerk.backends,
    AUTH_USERS_KEPT; but always on the `first` request after logging in, which loads it)."""
    from django.conf import settings

    sessie = 0 if settings.SESSION_ENGINE.endswith("cached_db") else 1
    return sessie + (0 if settings.AUTH_USERS_KEPT and not first else 1)


def praktijk_queries(*, first: bool = False) -> int:
    """The queries of a practice's page for the access check (the practice with the viewer's
    role): one; none where the worker keeps what it found (praktijken.access, AUTH_USERS_KEPT),
    but two on the `first` request that finds it (the practice, then again after reading its
    version)."""
    from django.conf import settings

    if not settings.AUTH_USERS_KEPT:
        return 1
    return 2 if first else 0

"""Browser tests in Debian's Chromium, driven by Playwright; skipped with a notice without it."""

import os
import shutil
import threading
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).exists()
NOTICE = (
    "Browser tests skipped: no Chromium at /usr/bin/chromium. Get them with "
    "'apt-get install -y --no-install-recommends chromium' (or set CHROMIUM_PATH)."
)


def pytest_report_header(config):
    return None if HAVE_CHROMIUM else NOTICE


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if not HAVE_CHROMIUM:
                item.add_marker(pytest.mark.skip(reason=NOTICE))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL"}


class _OpenRequests:
    """Counts the live server's connection threads, so a test can wait for them to end."""

    def __init__(self, httpd) -> None:
        self.ended = threading.Condition()
        self.open = 0
        process_request = httpd.process_request
        process_request_thread = httpd.process_request_thread

        def counted_process_request(request, client_address):
            with self.ended:
                self.open += 1
            try:
                process_request(request, client_address)
            except BaseException:
                self._end()
                raise

        def counted_process_request_thread(request, client_address):
            try:
                process_request_thread(request, client_address)
            finally:
                self._end()

        httpd.process_request = counted_process_request
        httpd.process_request_thread = counted_process_request_thread

    def _end(self) -> None:
        with self.ended:
            self.open -= 1
            self.ended.notify_all()

    def wait(self, timeout: float) -> bool:
        with self.ended:
            return self.ended.wait_for(lambda: self.open <= 0, timeout=timeout)


@pytest.fixture(autouse=True)
def _server_quiet_before_flush(request):
    """Let the live server finish its requests before the test's data is flushed.

    A poll still running while the next test empties the database shares SQLite's one
    in-memory connection with it (content types were inserted twice). Every browser context
    still open is closed first, so no new requests come and kept-alive connections end.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")
    httpd = request.getfixturevalue("live_server").thread.httpd
    if not hasattr(httpd, "open_requests"):
        httpd.open_requests = _OpenRequests(httpd)
    yield
    for context in request.getfixturevalue("browser").contexts:
        context.close()
    assert httpd.open_requests.wait(timeout=10), "the live server still answers requests"


@pytest.fixture
def log_in(live_server):
    """Log a browser context in as `user`, by giving it a fresh session cookie."""
    from django.test import Client

    def _log_in(context, user) -> None:
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )

    return _log_in


@pytest.fixture
def standaardset(transactional_db):
    """The default statement set: a transactional test may run after another one emptied the
    tables its migration filled."""
    from condities.models import OpenVraag, Stelling, Stellingenset
    from condities.standaardset import standaardset_create

    if not Stellingenset.objects.filter(praktijk__isnull=True).exists():
        standaardset_create(
            stellingenset_model=Stellingenset, stelling_model=Stelling, open_vraag_model=OpenVraag
        )


@pytest.fixture
def werkvorm(praktijk, facilitator, standaardset):
    """Return a function that creates and opens a live session of Ambitie and Relatie."""
    from condities import services

    def _werkvorm(titel: str = "Werkvorm vijf condities", datum: str = "2026-11-22"):
        sessie = services.sessie_create(
            praktijk=praktijk,
            titel=titel,
            datum=datum,
            modus="live",
            condities=["ambitie", "relatie"],
            by=facilitator,
        )
        return services.sessie_open(sessie=sessie, by=facilitator)

    return _werkvorm


@pytest.fixture
def open_sessie(werkvorm):
    return werkvorm()

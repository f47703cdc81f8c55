"""Browser tests in Debian's Chromium, driven by Playwright; skipped with a notice without it."""

import os
import shutil
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
def werkvorm(praktijk, facilitator):
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

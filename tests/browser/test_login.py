"""A person opens the app in Chromium and logs in with a code from their email."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_open_home_page_and_log_in_by_code(page, live_server, mailoutbox):
    person = UserFactory(email="mantelzorgconsulent@stein.example", name="Marloes Jansen")

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lerende Praktijk")
    assert_accessible(page)

    page.get_by_role("main").get_by_role("link", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert_accessible(page)

    page.get_by_role("link", name="Stuur mij een inlogcode").click()
    page.get_by_label("E-mailadres").fill(person.email)
    page.get_by_label("E-mailadres").press("Enter")

    expect(page.get_by_label("Code")).to_be_visible()
    assert_accessible(page)
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", mailoutbox[-1].body).group(0)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Bevestigen").click()

    expect(page.get_by_text("Je bent ingelogd als Marloes Jansen.")).to_be_visible()
    assert_accessible(page)


def test_htmx_runs_under_the_csp_without_violations(page, live_server):
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(live_server.url + "/")
    assert page.evaluate("typeof htmx") == "object"
    assert page.evaluate("htmx.config.includeIndicatorStyles") is False
    assert not [e for e in errors if "Content Security Policy" in e]

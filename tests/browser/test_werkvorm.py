"""A live workshop in two browsers: a participant answers, the room's screen follows live."""

import pytest
from playwright.sync_api import expect

from condities import services
from condities.models import Antwoord
from tests.browser.axe import assert_accessible


@pytest.mark.django_db(transaction=True)
def test_participant_answers_and_the_screen_changes_live(
    browser, live_server, log_in, facilitator, open_sessie
):
    presenter = browser.new_context(locale="nl-NL")
    log_in(presenter, facilitator)
    scherm = presenter.new_page()
    scherm.goto(f"{live_server.url}/p/stein/sessies/{open_sessie.pk}/scherm/")
    with scherm.expect_navigation():
        scherm.keyboard.press("ArrowRight")
    expect(scherm.get_by_role("heading", level=1)).to_have_text("Ambitie")
    ambitie = scherm.locator("#stap")
    expect(ambitie).to_contain_text("0 mensen hebben geantwoord.")
    assert_accessible(scherm)

    deelnemer = browser.new_context(locale="nl-NL", viewport={"width": 360, "height": 740})
    telefoon = deelnemer.new_page()
    telefoon.goto(f"{live_server.url}/doe-mee/")
    assert_accessible(telefoon)
    telefoon.get_by_label("Code").fill(open_sessie.code.lower())
    telefoon.get_by_role("button", name="Verder").click()
    telefoon.get_by_label("Je doet mee namens").select_option(label="Mantelzorger of vrijwilliger")
    assert_accessible(telefoon)
    telefoon.get_by_role("button", name="Beginnen").click()

    expect(telefoon.get_by_role("heading", level=1)).to_contain_text("Ambitie")
    eerste = telefoon.locator("fieldset").first
    eerste.get_by_label("5 · helemaal wel").check()
    expect(telefoon.locator("fieldset").first.get_by_role("status")).to_have_text("Opgeslagen")
    expect(telefoon.locator("#voortgang")).to_contain_text("1 van 10 beantwoord")
    assert_accessible(telefoon)

    # The screen polls: the count changes without a reload, the score stays hidden.
    expect(ambitie).to_contain_text("1 persoon heeft geantwoord.", timeout=10_000)
    expect(ambitie).not_to_contain_text("5,0")
    # Two more people in the room answer the same; with three the score may be shown.
    stelling = Antwoord.objects.get().stelling
    for naam in ("Anna", "Bert"):
        ander = services.deelnemer_join(sessie=open_sessie, naam=naam, mantelzorger=True)
        services.antwoord_save(deelnemer=ander, stelling=stelling, score=5)
    expect(ambitie).to_contain_text("3 mensen hebben geantwoord.", timeout=10_000)
    with scherm.expect_navigation():
        scherm.get_by_role("button", name="Uitkomsten tonen").click()
    expect(scherm.locator("#stap")).to_contain_text("5,0")
    assert_accessible(scherm)
    assert Antwoord.objects.filter(score=5).count() == 3

"""Open answers in the room: a phone writes one, the facilitator shows it, it appears on the
screen, another phone votes for it, and one click writes it down as an agreed step."""

import pytest
from playwright.sync_api import expect

from condities.models import Actie, Inbreng, Sessie
from tests.browser.axe import assert_accessible

SMAL = {"width": 320, "height": 640}


def _join(context, live_server, sessie):
    page = context.new_page()
    page.goto(f"{live_server.url}/doe-mee/{sessie.code}/")
    page.get_by_label("Je doet mee namens").select_option(label="Mantelzorger of vrijwilliger")
    page.get_by_role("button", name="Beginnen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ambitie")
    return page


@pytest.mark.django_db(transaction=True)
def test_an_open_answer_goes_from_phone_to_screen_to_an_agreed_step(
    browser, live_server, log_in, facilitator, open_sessie
):
    sessie = open_sessie
    mies_context = browser.new_context(locale="nl-NL", viewport=SMAL, has_touch=True)
    mies = _join(mies_context, live_server, sessie)
    mies.get_by_role("button", name="Schrijf je antwoord en zie wat anderen schreven").click()
    expect(mies.get_by_role("heading", level=1)).to_have_text("Ambitie: het gesprek")
    breedte = mies.evaluate("() => document.documentElement.scrollWidth")
    assert breedte <= SMAL["width"], breedte
    assert_accessible(mies)

    stap = mies.locator("#formulier-stap")
    stap.get_by_label("Jouw antwoord").fill("Samen een folder maken")
    stap.get_by_role("button", name="Versturen").click()
    # htmx: the same page, the form empty again and a word of thanks for screen readers too.
    expect(mies.locator("#formulier-stap").get_by_role("status")).to_have_text(
        "Verstuurd. De begeleider zet het op het scherm."
    )
    expect(mies.locator("#formulier-stap").get_by_label("Jouw antwoord")).to_have_value("")
    expect(mies.get_by_text("Samen een folder maken")).to_have_count(0)  # not approved yet

    # The facilitator's control page: the answer waits, without a name.
    laptop = browser.new_context(locale="nl-NL")
    log_in(laptop, facilitator)
    bediening = laptop.new_page()
    bediening.goto(f"{live_server.url}/p/stein/sessies/{sessie.pk}/bediening/")
    inbreng = bediening.locator("#inbreng")
    expect(inbreng.get_by_text("Samen een folder maken")).to_be_visible()
    assert_accessible(bediening)
    inbreng.get_by_role("button", name="Op het scherm zetten").click()
    expect(
        bediening.locator("#inbreng").get_by_role("heading", name="Op het scherm")
    ).to_be_visible()

    # The screen, on the conversation about Ambitie (two steps on: Ambitie, its conversation).
    scherm_context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 720})
    log_in(scherm_context, facilitator)
    scherm = scherm_context.new_page()
    scherm.goto(f"{live_server.url}/p/stein/sessies/{sessie.pk}/scherm/")
    scherm.keyboard.press("ArrowRight")
    expect(scherm.locator("#stap")).to_have_attribute("data-stap", "ambitie")
    scherm.keyboard.press("ArrowRight")
    expect(scherm.get_by_role("heading", level=1)).to_have_text("Ambitie: het gesprek")
    expect(scherm.get_by_text("Samen een folder maken")).to_be_visible()
    expect(scherm.get_by_text("0 stemmen")).to_be_visible()
    maat = scherm.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    assert maat[0] <= 1280 and maat[1] <= 720, maat
    assert_accessible(scherm)

    # Another phone votes for it; the screen's poll shows the vote.
    joop = _join(browser.new_context(locale="nl-NL", viewport=SMAL), live_server, sessie)
    joop.goto(f"{live_server.url}/doe-mee/{sessie.code}/gesprek/?conditie=ambitie")
    eens = joop.get_by_role("button", name="Eens 0 stemmen")
    eens.click()
    expect(joop.get_by_role("button", name="Eens 1 stemmen")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(scherm.get_by_text("1 stem", exact=True)).to_be_visible(timeout=8000)

    # One click: an agreed step of the session.
    bediening.reload()
    bediening.locator("#inbreng").get_by_role("button", name="Opschrijven als afspraak").click()
    expect(bediening.get_by_text("Opgeschreven als afgesproken stap.")).to_be_visible()
    actie = Actie.objects.get()
    assert (actie.conditie, actie.soort, actie.tekst) == (
        "ambitie",
        "stap",
        "Samen een folder maken",
    )
    assert Inbreng.objects.get().stemmen == 1
    assert Sessie.objects.get(pk=sessie.pk).scherm == "gesprek-ambitie"

    # The room kept together and the screen on the overview: the phone says to look up.
    Sessie.objects.filter(pk=sessie.pk).update(samen_op=True, scherm="overzicht")
    mies.goto(f"{live_server.url}/doe-mee/{sessie.code}/vragen/")
    expect(mies.get_by_role("heading", level=1)).to_have_text("Kijk naar het scherm")
    assert_accessible(mies)

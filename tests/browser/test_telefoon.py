"""A participant on a 320 px phone: the task without the app around it, five scores on one row."""

import pytest
from playwright.sync_api import expect

from condities.models import Antwoord
from tests.browser.axe import assert_accessible

SMAL = {"width": 320, "height": 640}


def geen_horizontale_scroll(page) -> None:
    breedte = page.evaluate("() => document.documentElement.scrollWidth")
    assert breedte <= SMAL["width"], f"the page is {breedte} px wide"


def zonder_app_chrome(page) -> None:
    expect(page.get_by_role("navigation")).to_have_count(0)
    expect(page.get_by_label("Taal")).to_have_count(0)
    expect(page.get_by_role("link", name="Inloggen", exact=True)).to_have_count(0)


@pytest.mark.django_db(transaction=True)
def test_a_participant_rates_on_a_320_px_phone(browser, live_server, open_sessie):
    context = browser.new_context(locale="nl-NL", viewport=SMAL, has_touch=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/doe-mee/")
    zonder_app_chrome(page)
    geen_horizontale_scroll(page)
    page.get_by_label("Code").fill(open_sessie.code)
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(open_sessie.titel)
    zonder_app_chrome(page)
    geen_horizontale_scroll(page)
    page.get_by_label("Je doet mee namens").select_option(label="Mantelzorger of vrijwilliger")
    page.get_by_role("button", name="Beginnen").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Ambitie")
    zonder_app_chrome(page)
    geen_horizontale_scroll(page)
    eerste = page.locator("fieldset.lp-stelling").first
    # The statement sits inside its card, not across its border.
    kaart, tekst = eerste.bounding_box(), eerste.locator("legend").bounding_box()
    assert tekst["y"] >= kaart["y"] and tekst["x"] >= kaart["x"]
    assert tekst["x"] + tekst["width"] <= kaart["x"] + kaart["width"]

    knoppen = eerste.locator(".lp-schaal__rij .lp-schaal__keuze")
    expect(knoppen).to_have_count(5)
    vakken = [knoppen.nth(i).bounding_box() for i in range(5)]
    assert len({round(v["y"]) for v in vakken}) == 1, f"not on one row: {vakken}"
    assert all(v["x"] >= 0 and v["x"] + v["width"] <= SMAL["width"] for v in vakken), vakken
    assert all(v["width"] >= 44 and v["height"] >= 44 for v in vakken), vakken
    assert len({round(v["width"]) for v in vakken}) == 1, f"not equal: {vakken}"
    # The ends beneath the row, at its two ends; "weet ik niet" a button of its own below.
    links, rechts = eerste.locator(".lp-schaal__uitersten span").all()
    expect(links).to_have_text("helemaal niet")
    expect(rechts).to_have_text("helemaal wel")
    assert links.bounding_box()["y"] >= vakken[0]["y"] + vakken[0]["height"]
    assert abs(links.bounding_box()["x"] - vakken[0]["x"]) <= 2
    einde = vakken[4]["x"] + vakken[4]["width"]
    assert abs(rechts.bounding_box()["x"] + rechts.bounding_box()["width"] - einde) <= 2
    weet_niet = eerste.locator(".lp-schaal__keuze--weet-niet").bounding_box()
    assert weet_niet["y"] > links.bounding_box()["y"] and weet_niet["height"] >= 44
    assert_accessible(page)

    # A tap saves it; after a reload the score is still chosen.
    knoppen.nth(3).tap()
    expect(eerste.get_by_role("status")).to_have_text("Opgeslagen")
    expect(page.locator("#voortgang")).to_contain_text("1 van 10 beantwoord")
    page.reload()
    expect(page.locator("fieldset.lp-stelling").first.get_by_label("4", exact=True)).to_be_checked()
    assert list(Antwoord.objects.values_list("score", flat=True)) == [4]
    geen_horizontale_scroll(page)
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_the_chosen_score_shows_without_colour_alone(browser, live_server, open_sessie):
    """Chosen: a tick in the corner (and underlined), not only a filled colour."""
    context = browser.new_context(locale="nl-NL", viewport=SMAL, has_touch=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/doe-mee/{open_sessie.code}/")
    page.get_by_label("Je doet mee namens").select_option(label="Mantelzorger of vrijwilliger")
    page.get_by_role("button", name="Beginnen").click()
    radio = page.locator("fieldset.lp-stelling").first.get_by_label("2", exact=True)
    vink = "el => getComputedStyle(el, '::after').content"
    assert radio.evaluate(vink) in ("none", "normal")
    page.locator("fieldset.lp-stelling").first.locator(".lp-schaal__keuze").nth(1).tap()
    expect(radio).to_be_checked()
    assert radio.evaluate(vink) == '""'


@pytest.mark.django_db(transaction=True)
def test_a_phone_set_to_english_gets_dutch(browser, live_server, open_sessie):
    context = browser.new_context(locale="en-US", viewport=SMAL)
    page = context.new_page()
    page.goto(f"{live_server.url}/doe-mee/{open_sessie.code}/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("button", name="Beginnen")).to_be_visible()
    assert page.evaluate("navigator.language") == "en-US"  # the browser did ask for English

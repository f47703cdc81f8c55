"""A carer fills in the public form with the keyboard alone, on a screen and on a small phone."""

import pytest
from playwright.sync_api import expect

from experimenten.models import Experiment
from mantelzorg.models import Reactie, Relatie
from tests.browser.axe import assert_accessible
from tests.factories import ExperimentFactory, OntwerpvraagFactory, PraktijkFactory


def tab_to(page, element_id: str, limit: int = 80) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= 320")


@pytest.mark.django_db(transaction=True)
def test_a_carer_fills_in_the_form_with_the_keyboard_only(page, live_server, settings):
    settings.MANTELZORG_MIN_SECONDEN = 0
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    ExperimentFactory(
        ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk),
        titel="Tien minuten samen",
        status=Experiment.Status.LOOPT,
    )
    page.goto(live_server.url + "/p/stein/mantelzorg/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vertel hoe het gaat")
    assert_accessible(page)  # empty

    tab_to(page, "id_wat_gaat_goed")
    page.keyboard.type("De wijkverpleegkundige belde me <b>terug</b>.")
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_meer_van"
    page.keyboard.type("Meer koffie-ochtenden.")
    tab_to(page, "id_keer_verteld")
    page.keyboard.type("4")
    # The topic: a select, chosen with the arrow key.
    tab_to(page, "id_experiment")
    page.keyboard.press("ArrowDown")
    # Radio buttons: Tab into the group, Space chooses, an arrow moves the choice.
    tab_to(page, "id_relatie_0")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert focused_id(page) == "id_relatie_1"
    # Consent given, but no way to reach the carer: a mistake the form explains.
    tab_to(page, "id_contact_toestemming")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_naam"
    page.keyboard.type("Anna")
    page.keyboard.press("Enter")

    expect(page).to_have_title(
        "Fout: Vertel hoe het gaat · Lerende praktijk Stein · Lerende Praktijk"
    )
    samenvatting = page.locator(".lp-error-summary")
    expect(samenvatting).to_contain_text("Vul je e-mailadres of telefoonnummer in")
    link = samenvatting.get_by_role("link", name="Je e-mailadres")
    expect(link).to_have_attribute("href", "#id_email")
    # What was typed is still there.
    expect(page.locator("#id_wat_gaat_goed")).to_have_value(
        "De wijkverpleegkundige belde me <b>terug</b>."
    )
    expect(page.locator("#id_relatie_1")).to_be_checked()
    expect(page.locator("#id_contact_toestemming")).to_be_checked()
    assert_accessible(page)  # with errors

    # From the summary to the field, by keyboard: follow the link, then type.
    tab_to(page, "")  # start from the top of the page
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "#id_email":
            break
    page.keyboard.press("Enter")
    assert page.url.endswith("#id_email")
    assert focused_id(page) == "id_email"
    page.keyboard.type("anna@voorbeeld.example")
    assert_accessible(page)  # filled in
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je reactie")
    expect(page.get_by_role("heading", level=2).first).to_have_text("Wat gebeurt er nu?")
    assert_accessible(page)  # thanks

    reactie = Reactie.objects.get()
    assert reactie.wat_gaat_goed == "De wijkverpleegkundige belde me <b>terug</b>."
    assert reactie.keer_verteld == 4
    assert reactie.relatie == Relatie.OUDER
    assert reactie.experiment.titel == "Tien minuten samen"
    assert (reactie.naam, reactie.email) == ("Anna", "anna@voorbeeld.example")


@pytest.mark.django_db(transaction=True)
def test_the_form_fits_a_320_pixel_wide_phone(page, live_server, settings):
    settings.MANTELZORG_MIN_SECONDEN = 0
    PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/p/stein/mantelzorg/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert no_horizontal_scroll(page)
    assert_accessible(page)

    # With errors, still no sideways scrolling; sent with the keyboard from the first field.
    tab_to(page, "id_keer_verteld")
    page.keyboard.type("99")
    tab_to(page, "id_naam")
    page.keyboard.press("Enter")
    expect(page.locator(".lp-error-summary")).to_be_visible()
    assert no_horizontal_scroll(page)
    assert_accessible(page)

    tab_to(page, "id_wat_gaat_goed")
    page.keyboard.type("Fijn dat jullie het vragen.")
    tab_to(page, "id_keer_verteld")
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    tab_to(page, "id_naam")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je reactie")
    assert no_horizontal_scroll(page)
    assert_accessible(page)
    assert Reactie.objects.get().keer_verteld == 2


@pytest.mark.django_db(transaction=True)
def test_a_carer_opens_a_marked_term_of_the_form_by_a_plain_link(browser, live_server):
    # A plain link to the glossary: nothing to run (axe itself needs JavaScript, so it stays on).
    PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    context = browser.new_context(locale="nl-NL", viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/p/stein/mantelzorg/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Vertel hoe het gaat")
        begrip = page.locator("#id_keer_verteld_helptext a.lp-begrip")
        expect(begrip).to_have_text("wijkverpleegkundige")
        expect(begrip).to_have_attribute("href", "/p/stein/begrippen/#begrip-wijkverpleegkundige")
        assert no_horizontal_scroll(page)
        assert_accessible(page)

        begrip.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Woordenlijst")
        expect(page.locator("#begrip-wijkverpleegkundige")).to_contain_text(
            "verpleegkundige die bij mensen thuis komt"
        )
        assert_accessible(page)
    finally:
        context.close()

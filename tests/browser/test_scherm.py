"""The room's screen on a beamer and a projector: every stage fits, keys move it, the control
page and the screen stay in step, and the overview's outlines and legend can be read."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from condities import services
from condities.models import Conditie, Sessie, Stelling
from tests.browser.axe import assert_accessible
from tests.factories import (
    ConditieScoreFactory,
    DeelnameFactory,
    OrganisatieFactory,
    SessieFactory,
)

GROOTTES = [(1280, 720), (1920, 1080)]


def _fits(page) -> None:
    maat = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight,"
        " window.innerWidth, window.innerHeight]"
    )
    assert maat[0] <= maat[2] and maat[1] <= maat[3], maat


def _antwoorden(sessie, praktijk, groep: str = "ontwerpgroep", n: int = 5, score=None) -> None:
    organisatie = OrganisatieFactory()
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie, groep=groep)
    stellingen = list(
        Stelling.objects.filter(set=sessie.stellingenset, conditie__in=sessie.condities)
    )
    for i in range(n):
        deelnemer = services.deelnemer_join(sessie=sessie, naam=f"D{i}", organisatie=organisatie)
        for stelling in stellingen:
            services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=score or 2 + i % 4)


# The smallest text on the overview as the room sees it, in CSS pixels: the axis labels (SVG
# units times the chart's scale) and the legend.
KLEINSTE_TEKST = """
Math.min(
  ...[...document.querySelectorAll('.lp-radar__label')]
    .map(e => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a),
  ...[...document.querySelectorAll('.lp-legenda__item')]
    .map(e => parseFloat(getComputedStyle(e).fontSize)),
)
"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("breedte", "hoogte"), GROOTTES)
def test_every_stage_fits_the_screen_and_the_keys_move_it(
    page, live_server, log_in, facilitator, praktijk, open_sessie, breedte, hoogte
):
    _antwoorden(open_sessie, praktijk)
    log_in(page.context, facilitator)
    page.set_viewport_size({"width": breedte, "height": hoogte})
    page.goto(f"{live_server.url}/p/stein/sessies/{open_sessie.pk}/scherm/")

    expect(page.get_by_text(open_sessie.code, exact=True).first).to_be_visible()
    expect(page.get_by_role("img", name="QR-code", exact=False).first).to_be_visible()
    qr = page.locator(".lp-scherm__qr").first.bounding_box()
    assert qr["height"] >= hoogte / 3
    assert page.get_by_role("navigation", name="Hoofdmenu").count() == 0
    _fits(page)
    assert_accessible(page)

    with page.expect_navigation():
        page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ambitie")
    expect(page.get_by_text("5 mensen hebben geantwoord.")).to_be_visible()
    _fits(page)
    with page.expect_navigation():
        page.keyboard.press("r")
    expect(page.get_by_text("gemiddelde van 5 mensen, 1 tot 5")).to_be_visible()
    _fits(page)
    # Labels readable from the back of the room, and a table of the same counts for screen readers.
    grootte = page.evaluate(
        "Math.min(...[...document.querySelectorAll('.lp-scherm__balk-aantal,"
        " .lp-scherm__balk-score, .lp-scherm__stelling-tekst')]"
        ".map(e => parseFloat(getComputedStyle(e).fontSize)))"
    )
    assert grootte >= 24, grootte
    expect(page.get_by_role("table", name="Antwoorden per stelling: Ambitie")).to_have_count(1)
    assert_accessible(page)

    page.keyboard.press("q")
    expect(page.locator("#qr-overlay")).to_be_visible()
    page.keyboard.press("q")
    expect(page.locator("#qr-overlay")).to_be_hidden()

    # Ambitie's conversation, Relatie, its conversation, the overview, the end.
    for _ in range(5):
        with page.expect_navigation():
            page.keyboard.press("ArrowRight")
        _fits(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor het meedoen!")
    assert Sessie.objects.get(pk=open_sessie.pk).scherm == "einde"


@pytest.mark.django_db(transaction=True)
def test_the_control_page_and_the_screen_stay_in_step(
    browser, live_server, log_in, facilitator, open_sessie
):
    scherm = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 720})
    laptop = browser.new_context(locale="nl-NL")
    log_in(scherm, facilitator)
    log_in(laptop, facilitator)
    projector, bediening = scherm.new_page(), laptop.new_page()
    projector.goto(f"{live_server.url}/p/stein/sessies/{open_sessie.pk}/scherm/")
    bediening.goto(f"{live_server.url}/p/stein/sessies/{open_sessie.pk}/bediening/")
    expect(bediening.get_by_text("Stap 1 van 7:")).to_be_visible()
    assert_accessible(bediening)

    bediening.get_by_role("button", name="Verder").click()

    expect(bediening.get_by_text("Stap 2 van 7:")).to_be_visible()
    # The projector follows by its own poll, without anyone touching it.
    expect(projector.get_by_role("heading", level=1)).to_have_text("Ambitie", timeout=8000)
    scherm.close()
    laptop.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("breedte", "hoogte"), GROOTTES)
def test_the_overview_shows_the_previous_workshop_and_the_groups_readably(
    page, live_server, log_in, facilitator, praktijk, standaardset, breedte, hoogte
):
    sessie = services.sessie_create(
        praktijk=praktijk,
        titel="Werkvorm vijf condities",
        datum="2026-11-22",
        modus="live",
        condities=Conditie.values,
        by=facilitator,
    )
    sessie = services.sessie_open(sessie=sessie, by=facilitator)
    vorige = SessieFactory(
        praktijk=praktijk,
        gesloten=True,
        datum=datetime.date(2026, 9, 1),
        stellingenset=sessie.stellingenset,
    )
    for code, gemiddelde in zip(
        Conditie.values, ("3.10", "2.40", "3.80", "2.00", "2.90"), strict=True
    ):
        ConditieScoreFactory(sessie=vorige, conditie=code, gemiddelde=Decimal(gemiddelde))
    _antwoorden(sessie, praktijk, groep="kerngroep", n=3, score=4)
    _antwoorden(sessie, praktijk, groep="ontwerpgroep", n=4, score=2)
    services.sessie_reveal(sessie=sessie, condities=Conditie.values, by=facilitator)
    Sessie.objects.filter(pk=sessie.pk).update(scherm="overzicht")
    log_in(page.context, facilitator)
    page.set_viewport_size({"width": breedte, "height": hoogte})
    page.goto(f"{live_server.url}/p/stein/sessies/{sessie.pk}/scherm/")

    expect(page.get_by_role("heading", level=1)).to_have_text("De condities in één oogopslag")
    legenda = page.get_by_role("list", name="Legenda")
    expect(legenda.get_by_role("listitem")).to_have_text(
        ["Deze werkvorm", "Vorige werkvorm (1 sep 2026)"]
    )
    expect(page.locator(".lp-radar__svg .lp-reeks--vorige .lp-reeks__marker")).to_have_count(5)
    _fits(page)
    assert page.evaluate(KLEINSTE_TEKST) >= 24
    assert_accessible(page)

    with page.expect_navigation():
        page.keyboard.press("g")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kerngroep en ontwerpgroep")
    expect(legenda.get_by_role("listitem")).to_have_text(["Iedereen", "Kerngroep", "Ontwerpgroep"])
    for groep in ("kerngroep", "ontwerpgroep"):
        markers = page.locator(f".lp-radar__svg .lp-reeks--{groep} .lp-reeks__marker")
        expect(markers).to_have_count(5)
    _fits(page)
    assert page.evaluate(KLEINSTE_TEKST) >= 24
    assert_accessible(page)

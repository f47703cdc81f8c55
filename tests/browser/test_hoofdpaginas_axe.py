"""Every main page, with realistic content, passes axe-core at WCAG 2.1 AA; two fit a phone.

The data is built once with the factories, and the pages are visited in one browser run: a
page with violations is named in the failure with axe's report, and the scan goes on, so one
run shows every page that needs work.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from condities import selectors, services
from condities.models import Antwoord
from experimenten.models import Experiment, Fase, Niveau
from mantelzorg import services as mantelzorg_services
from mantelzorg.models import Relatie
from netwerk.models import Groep, Organisatie
from praktijken.models import Rol
from tests.browser.axe import assert_accessible
from tests.factories import (
    BijeenkomstFactory,
    DeelnameFactory,
    ExperimentFactory,
    LidmaatschapFactory,
    OntwerpvraagFactory,
    OpbrengstFactory,
    OrganisatieFactory,
    PersoonFactory,
    PraktijkFactory,
    TussenstapFactory,
    UserFactory,
)

PHONE = {"width": 375, "height": 740}
SCREEN = {"width": 1280, "height": 900}


def _beantwoord(sessie, namen: list[str], score) -> None:
    """Guests join the session and rate every statement: `score(index)` gives each score."""
    stellingen = selectors.stellingen_for_sessie(sessie=sessie)
    for naam in namen:
        deelnemer = services.deelnemer_join(sessie=sessie, naam=naam, mantelzorger=True)
        for index, stelling in enumerate(stellingen):
            services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=score(index))


@pytest.fixture
def stein(db):
    """A practice in full swing: network, experiments, a meeting, a closed and an open session."""
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein", gemeente="Stein")
    facilitator = UserFactory(email="adviseur@stein.example", name="Anouk Adviseur")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    organisaties = []
    for naam, soort, functie, groep in [
        ("Thuiszorg Westelijke Mijnstreek", "wijkverpleging", "Wijkverpleegkundige", "kerngroep"),
        ("Huisartsenpraktijk Berg", "huisartsenpraktijk", "Praktijkondersteuner", "ontwerpgroep"),
        ("Steunpunt Mantelzorg Stein", "mantelzorgsteunpunt", "Mantelzorgconsulent", "kerngroep"),
    ]:
        organisatie = OrganisatieFactory(naam=naam, soort=Organisatie.Soort(soort))
        DeelnameFactory(praktijk=praktijk, organisatie=organisatie, groep=Groep(groep))
        PersoonFactory(organisatie=organisatie, naam=f"Contact {functie}", functie=functie)
        organisaties.append(organisatie)

    vraag = OntwerpvraagFactory(
        praktijk=praktijk, vraag="Hoe kunnen we huisartsen bewust maken van mantelzorgers?"
    )
    experiment = ExperimentFactory(
        ontwerpvraag=vraag,
        titel="Huisartsen en mantelzorg",
        niveau=Niveau.TUSSEN_PROFESSIONALS,
        fase=Fase.VERWEZENLIJKEN,
    )
    experiment.organisaties.add(*organisaties[:2])
    TussenstapFactory(
        experiment=experiment, datum=datetime.date(2026, 1, 12), wat="Kennismaking met de POH"
    )
    OpbrengstFactory(experiment=experiment)
    ExperimentFactory(
        ontwerpvraag=vraag,
        titel="Mantelzorgers in de buurt",
        niveau=Niveau.BUURT,
        status=Experiment.Status.LOOPT,
    )
    BijeenkomstFactory(
        praktijk=praktijk,
        titel="Ontwerpgroep maart",
        begint_op=timezone.now() + datetime.timedelta(days=9),
    )
    mantelzorg_services.reactie_create(
        praktijk=praktijk,
        wat_gaat_goed="De wijkverpleegkundige belde me zelf op.",
        keer_verteld=3,
        relatie=Relatie.PARTNER,
    )

    # An earlier session, closed: the dashboard shows its scores.
    eerder = services.sessie_create(
        praktijk=praktijk,
        titel="Werkvorm voorjaar",
        datum="2026-03-10",
        modus="live",
        condities=["ambitie", "relatie"],
        by=facilitator,
    )
    services.sessie_open(sessie=eerder, by=facilitator)
    _beantwoord(eerder, ["Anna", "Bert", "Carla"], lambda i: 2 + i % 3)
    services.sessie_close(sessie=eerder, by=facilitator)

    # Today's session: three people have answered everything already.
    sessie = services.sessie_open(
        sessie=services.sessie_create(
            praktijk=praktijk,
            titel="Werkvorm vijf condities",
            datum="2026-11-22",
            modus="live",
            condities=["ambitie", "relatie"],
            by=facilitator,
        ),
        by=facilitator,
    )
    _beantwoord(sessie, ["Daan", "Eva", "Fatima"], lambda i: [5, 4, 3, None][i % 4])
    return {
        "praktijk": praktijk,
        "facilitator": facilitator,
        "experiment": experiment,
        "sessie": sessie,
    }


@pytest.mark.django_db(transaction=True)
def test_every_main_page_passes_axe_at_wcag_21_aa(browser, live_server, log_in, settings, stein):
    settings.MANTELZORG_MIN_SECONDEN = 0
    url = live_server.url
    sessie = stein["sessie"]
    problemen: list[str] = []

    def scan(page, naam: str) -> None:
        try:
            assert_accessible(page)
        except AssertionError as fout:
            problemen.append(f"--- {naam} ({page.url})\n{fout}")

    def past(page, naam: str) -> None:
        breed = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if breed[0] > breed[1]:
            problemen.append(f"--- {naam}: scrolls sideways at {PHONE['width']} px: {breed}")

    # Someone who is not logged in: the front page, logging in, the public carers' form.
    gast = browser.new_context(locale="nl-NL", viewport=SCREEN)
    page = gast.new_page()
    page.goto(url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lerende Praktijk")
    scan(page, "home, anonymous")
    page.goto(url + "/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    scan(page, "login")
    page.get_by_role("link", name="Stuur mij een inlogcode").click()
    expect(page.get_by_label("E-mailadres")).to_be_visible()
    scan(page, "login by code")

    page.goto(url + "/p/stein/mantelzorg/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vertel hoe het gaat")
    scan(page, "carers' form, empty")
    page.locator("#id_keer_verteld").fill("99")
    page.locator("#id_keer_verteld").press("Enter")
    expect(page.locator(".lp-error-summary")).to_be_visible()
    scan(page, "carers' form, with errors")
    page.locator("#id_wat_gaat_goed").fill("Fijn dat jullie het vragen.")
    page.locator("#id_keer_verteld").fill("2")
    page.locator("#id_keer_verteld").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je reactie")
    scan(page, "carers' thanks page")

    # The same form on a phone: nothing scrolls sideways, empty and with errors.
    page.set_viewport_size(PHONE)
    page.goto(url + "/p/stein/mantelzorg/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    past(page, "carers' form on a phone, empty")
    scan(page, "carers' form on a phone, empty")
    page.locator("#id_keer_verteld").fill("99")
    page.locator("#id_keer_verteld").press("Enter")
    expect(page.locator(".lp-error-summary")).to_be_visible()
    past(page, "carers' form on a phone, with errors")
    scan(page, "carers' form on a phone, with errors")
    gast.close()

    # A participant joins as a guest and answers some statements.
    deelnemer = browser.new_context(locale="nl-NL", viewport=SCREEN)
    page = deelnemer.new_page()
    page.goto(url + "/doe-mee/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Doe mee")
    scan(page, "join, code")
    page.get_by_label("Code").fill("ZZZZZZ")
    page.get_by_role("button", name="Verder").click()
    expect(page.locator(".lp-error")).to_be_visible()
    scan(page, "join, unknown code")
    page.goto(f"{url}/doe-mee/{sessie.code}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvorm vijf condities")
    scan(page, "join, session")
    page.get_by_label("Je naam").fill("Gerrit")
    page.get_by_label("Je doet mee namens").select_option(label="Huisartsenpraktijk Berg")
    page.get_by_role("button", name="Beginnen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ambitie")
    stellingen = page.locator("fieldset.lp-stelling")
    stellingen.nth(0).get_by_label("5 · helemaal wel").check()
    expect(stellingen.nth(0).get_by_role("status")).to_have_text("Opgeslagen")
    stellingen.nth(1).get_by_label("weet ik niet").check()
    expect(stellingen.nth(1).get_by_role("status")).to_have_text("Opgeslagen")
    expect(page.locator("#voortgang")).to_contain_text("2 van ")
    scan(page, "questions, some answered")
    page.set_viewport_size(PHONE)
    page.reload()
    expect(
        page.locator("fieldset.lp-stelling").first.get_by_label("5 · helemaal wel")
    ).to_be_checked()
    past(page, "questions on a phone")
    scan(page, "questions on a phone")
    page.set_viewport_size(SCREEN)
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Relatie")
    page.get_by_role("button", name="Opslaan en afronden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor het meedoen")
    scan(page, "participant's thanks page")
    deelnemer.close()
    assert Antwoord.objects.filter(deelnemer__naam="Gerrit").count() == 2

    # The facilitator: home, dashboard, social map, an experiment, the room's screen.
    lid = browser.new_context(locale="nl-NL", viewport=SCREEN)
    log_in(lid, stein["facilitator"])
    page = lid.new_page()
    page.goto(url + "/")
    expect(
        page.get_by_role("main").get_by_role("link", name="Lerende praktijk Stein")
    ).to_be_visible()
    scan(page, "home, logged in")
    page.goto(url + "/p/stein/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lerende praktijk Stein")
    expect(page.get_by_text("Ontwerpgroep maart")).to_be_visible()
    scan(page, "practice dashboard")

    page.goto(url + "/p/stein/sociale-kaart/")
    resultaten = page.locator("#kaart-resultaten")
    expect(resultaten.get_by_text("Huisartsenpraktijk Berg")).to_be_visible()
    page.get_by_role("searchbox", name=re.compile("^Zoeken")).press_sequentially(
        "wijkverpleeg", delay=30
    )
    expect(resultaten.get_by_text("Contact Wijkverpleegkundige")).to_be_visible()
    expect(resultaten.get_by_text("Huisartsenpraktijk Berg")).to_have_count(0)
    scan(page, "social map, searched")

    page.goto(f"{url}/p/stein/experimenten/{stein['experiment'].pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Huisartsen en mantelzorg")
    expect(page.get_by_text("Kennismaking met de POH")).to_be_visible()
    scan(page, "experiment")

    # The room's screen on its first condition, its results shown (key R).
    page.goto(f"{url}/p/stein/sessies/{sessie.pk}/scherm/")
    with page.expect_navigation():
        page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ambitie")
    expect(page.get_by_text("4 mensen hebben geantwoord.")).to_be_visible()
    with page.expect_navigation():
        page.keyboard.press("r")
    expect(page.locator(".lp-scherm__gemiddelde")).to_be_visible()
    expect(page.locator("svg.lp-scherm__balk-svg").first).to_be_visible()
    scan(page, "room's screen, revealed")
    lid.close()

    assert not problemen, "\n\n".join(problemen)

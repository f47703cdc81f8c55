"""A member reads the practice's conditions over time and a session report; both accessible."""

import datetime

import pytest
from django.test import Client
from playwright.sync_api import expect

from condities import services
from condities.models import Actie, OpenVraag, Stelling, Stellingenset
from condities.standaardset import standaardset_create
from praktijken.models import Rol
from tests.browser.axe import assert_accessible
from tests.condities.rapport_data import actie, deelnemers, eerste_stellingen, gesloten_sessie
from tests.factories import LidmaatschapFactory, PraktijkFactory, UserFactory


def log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _standaardset() -> None:
    # A transactional test may run after another one emptied the tables the migration filled.
    if not Stellingenset.objects.filter(praktijk__isnull=True).exists():
        standaardset_create(
            stellingenset_model=Stellingenset, stelling_model=Stelling, open_vraag_model=OpenVraag
        )


@pytest.mark.django_db(transaction=True)
def test_member_reads_the_conditions_overview_and_a_session_report(page, live_server):
    _standaardset()
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    facilitator = UserFactory(email="facilitator@stein.example")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    lid = UserFactory(email="lid@stein.example", name="Lotte Lid")
    LidmaatschapFactory(praktijk=praktijk, user=lid, rol=Rol.LID)

    gesloten_sessie(
        praktijk, facilitator, datum=datetime.date(2026, 3, 5), score=3, titel="Werkvorm maart"
    )
    juni = gesloten_sessie(
        praktijk, facilitator, datum=datetime.date(2026, 6, 4), score=4, titel="Werkvorm juni"
    )
    stellingen = eerste_stellingen(juni)
    actie(juni, "We bellen elkaar nu gewoon op", soort=Actie.Soort.GOED)
    actie(
        juni,
        "Een kennismakingsronde langs de huisartsen",
        wie="Steunpunt Mantelzorg",
        wanneer=datetime.date(2026, 9, 1),
    )
    # A session still open: its report says the numbers can still change.
    open_sessie = services.sessie_open(
        sessie=services.sessie_create(
            praktijk=praktijk,
            titel="Check-in september",
            datum=datetime.date(2026, 9, 15),
            modus="online",
            condities=["relatie", "proces", "ambitie"],
            by=facilitator,
            soort="checkin",
        ),
        by=facilitator,
    )
    for deelnemer in deelnemers(open_sessie, 3, groep="kerngroep"):
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["relatie"], score=5)

    log_in(page, live_server, lid)
    page.goto(live_server.url + "/p/stein/")
    sectie = page.get_by_role("region", name="Condities voor samenwerking")
    expect(sectie.get_by_role("heading", name="Laatste scores")).to_be_visible()
    expect(sectie.get_by_text("Een kennismakingsronde langs de huisartsen")).to_be_visible()
    assert_accessible(page)

    sectie.get_by_role("link", name="Alle resultaten en acties door de tijd").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Condities voor samenwerking")
    expect(page.get_by_role("img", name="Condities door de tijd")).to_be_visible()
    expect(page.get_by_role("link", name="Werkvorm maart")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Werkvorm juni").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvorm juni")
    expect(page.get_by_role("img", name="Gemiddelde per conditie")).to_be_visible()
    expect(page.get_by_role("heading", name="Relatie", level=2)).to_be_visible()
    expect(page.get_by_text("We bellen elkaar nu gewoon op")).to_be_visible()
    expect(page.get_by_role("link", name="Downloaden als Excel")).to_be_visible()
    assert_accessible(page)

    # On a 320 px phone the page does not scroll sideways; wide tables scroll on their own.
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + f"/p/stein/sessies/{open_sessie.pk}/verslag/")
    expect(page.get_by_text("Deze werkvorm is nog open")).to_be_visible()
    # Not revealed yet: no figures, for nobody, until the facilitator shows them or closes.
    expect(
        page.get_by_text("De facilitator heeft de cijfers van deze conditie nog niet laten zien")
    ).to_have_count(3)
    assert_accessible(page)

    page.goto(live_server.url + "/p/stein/condities/stellingen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stellingen")
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_facilitator_adjusts_the_statements_and_gets_a_new_version(page, live_server):
    _standaardset()
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    facilitator = UserFactory(email="facilitator@stein.example")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    log_in(page, live_server, facilitator)

    page.goto(live_server.url + "/p/stein/condities/stellingen/")
    page.get_by_role("link", name="Stellingen aanpassen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stellingen aanpassen")
    assert_accessible(page)

    relatie = page.get_by_role("group", name="Stellingen over Relatie")
    for nummer in (3, 4, 5):
        relatie.get_by_label(f"Stelling {nummer}").fill("")
    page.get_by_role("button", name="Stellingen opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Geef 4 tot 6 stellingen voor Relatie. Nu zijn het er 2."
    )
    assert_accessible(page)

    relatie = page.get_by_role("group", name="Stellingen over Relatie")
    relatie.get_by_label("Stelling 3").fill("We weten wie we kunnen bellen.")
    relatie.get_by_label("Stelling 4").fill("We helpen elkaar uit de brand.")
    page.get_by_role("button", name="Stellingen opslaan").click()
    expect(page.get_by_text("De stellingen zijn opgeslagen als versie 1.")).to_be_visible()
    expect(page.get_by_text("We helpen elkaar uit de brand.")).to_be_visible()
    assert_accessible(page)

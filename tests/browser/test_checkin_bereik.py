"""A check-in to a person of the social map without an account: sent at 1280 px, answered by
the personal link on a 320 px phone."""

import re

import pytest
from playwright.sync_api import expect

from praktijken.models import Rol
from tests.browser.axe import assert_accessible
from tests.browser.test_checkin import _standaardset, log_in
from tests.factories import (
    DeelnameFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    PraktijkFactory,
    UserFactory,
)

BREED = {"width": 1280, "height": 900}
SMAL = {"width": 320, "height": 640}


@pytest.mark.django_db(transaction=True)
def test_a_person_without_an_account_gets_the_check_in_and_answers_on_a_phone(
    page, browser, live_server, mailoutbox, settings
):
    settings.SITE_URL = live_server.url
    _standaardset()
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    organisatie = OrganisatieFactory(naam="Welzijn Stein", eigenaar=praktijk)
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    facilitator = UserFactory(email="adviseur@stein.example", name="Anouk Adviseur")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    PersoonFactory(organisatie=organisatie, naam="Gerda Gast", email="gerda@welzijn.example")
    page.set_viewport_size(BREED)
    log_in(page, live_server, facilitator)

    page.goto(live_server.url + "/p/stein/checkins/nieuw/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe check-in")
    expect(page.get_by_text("Welzijn Stein")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Check-in voor iedereen")
    page.get_by_role("checkbox", name=re.compile("Anouk Adviseur")).uncheck()
    page.get_by_role("checkbox", name=re.compile("Gerda Gast")).check()
    page.get_by_label("Hoeveel herinneringen?").fill("2")
    page.get_by_role("button", name="Check-in versturen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Reacties: Check-in voor iedereen")
    expect(page.get_by_text("De check-in is onderweg naar 1 persoon.")).to_be_visible()
    expect(page.get_by_role("button", name="Herinner 1 persoon nu")).to_be_visible()
    assert_accessible(page)

    mail = next(m for m in mailoutbox if m.to == ["gerda@welzijn.example"])
    link = re.search(r"https?://\S+/checkin/[\w-]+/", mail.body).group(0)

    context = browser.new_context(locale="nl-NL", viewport=SMAL, has_touch=True)
    try:
        telefoon = context.new_page()
        telefoon.goto(link)
        expect(telefoon.get_by_role("heading", level=1)).to_contain_text("Ambitie")
        assert_accessible(telefoon)
        eerste = telefoon.locator("fieldset.lp-stelling").first
        eerste.get_by_label("4", exact=True).check()
        expect(eerste.get_by_role("status")).to_have_text("Opgeslagen")
        # Nothing sticks out sideways on a 320 px phone.
        assert telefoon.evaluate("document.documentElement.scrollWidth") <= 320
        assert_accessible(telefoon)
    finally:
        context.close()


@pytest.mark.django_db(transaction=True)
def test_the_response_page_shows_the_response_per_group_on_a_phone(page, live_server):
    from condities.models import Respondentgroep, Sessie
    from tests.factories.condities import DeelnemerFactory, SessieFactory

    _standaardset()
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    facilitator = UserFactory(email="adviseur@stein.example", name="Anouk Adviseur")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    sessie = SessieFactory(
        praktijk=praktijk, soort=Sessie.Soort.CHECKIN, open=True, titel="Check-in najaar"
    )
    for groep, aantal in [(Respondentgroep.KERNGROEP, 3), (Respondentgroep.ONTWERPGROEP, 4)]:
        DeelnemerFactory.create_batch(aantal, sessie=sessie, groep=groep)
    page.set_viewport_size(SMAL)
    log_in(page, live_server, facilitator)

    page.goto(f"{live_server.url}/p/stein/checkins/{sessie.pk}/respons/")
    expect(page.get_by_role("heading", name="Reactie per groep")).to_be_visible()
    tabel = page.locator("table.lp-respons-per-groep")
    expect(tabel.get_by_role("rowheader", name="Kerngroep")).to_be_visible()
    expect(tabel.get_by_role("rowheader", name="Ontwerpgroep")).to_be_visible()
    expect(tabel.get_by_role("cell", name="0%")).to_have_count(2)
    assert_accessible(page)

"""A member states their organisation's interests and sees them beside the others' (issue #15):
on a screen and on a 320 px phone, axe on every page."""

import re

import pytest
from playwright.sync_api import expect

from netwerk.models import Groep
from praktijken.models import Rol
from tests.browser.axe import assert_accessible
from tests.browser.test_checkin import log_in
from tests.factories import (
    DeelnameFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    PraktijkFactory,
    UserFactory,
)

SMAL = {"width": 320, "height": 640}


@pytest.mark.django_db(transaction=True)
def test_a_member_revisits_their_organisations_interests(page, live_server):
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    steunpunt = OrganisatieFactory(naam="Steunpunt Mantelzorg Stein", eigenaar=praktijk)
    DeelnameFactory(
        praktijk=praktijk, organisatie=steunpunt, groep=Groep.KERNGROEP, belangen="Bereik"
    )
    huisartsen = OrganisatieFactory(naam="Huisartsen Stein", eigenaar=praktijk)
    DeelnameFactory(praktijk=praktijk, organisatie=huisartsen, belangen="Minder losse eindjes")
    lid = UserFactory(email="lid@stein.example", name="Luuk Lid")
    LidmaatschapFactory(praktijk=praktijk, user=lid, rol=Rol.LID)
    PersoonFactory(organisatie=steunpunt, user=lid, naam="Luuk Lid", email=lid.email)
    log_in(page, live_server, lid)

    page.goto(live_server.url + "/p/stein/netwerk/")
    expect(page.get_by_text("De belangen zijn nog niet besproken in de app.")).to_be_visible()
    page.get_by_role("link", name="Alle belangen naast elkaar, met hun geschiedenis").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Belangen naast elkaar")
    expect(page.get_by_role("rowheader", name="Huisartsen Stein Ontwerpgroep")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("geschiedenis van Steunpunt Mantelzorg Stein")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Steunpunt Mantelzorg Stein")
    assert_accessible(page)
    page.get_by_role("link", name="Belangen bekijken en bijwerken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Belangen van Steunpunt Mantelzorg Stein"
    )
    assert_accessible(page)
    page.get_by_label("Wat wil je organisatie uit de samenwerking halen?").fill(
        "Mantelzorgers eerder bereiken"
    )
    page.get_by_label("Hoeveel tijd kan je organisatie erin steken?").fill("6 uur per maand")
    page.get_by_label("Wat verwacht je eigen organisatie ervoor terug?").fill("Meer verwijzingen")
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_text("zijn opgeslagen als nieuwe versie")).to_be_visible()
    expect(page.locator(".lp-belangen-versie")).to_have_count(1)
    expect(page.get_by_text("Door Luuk Lid")).to_be_visible()
    assert_accessible(page)

    # On a phone, the side-by-side table scrolls within its own region, not the page.
    page.set_viewport_size(SMAL)
    page.goto(live_server.url + "/p/stein/netwerk/belangen/")
    expect(page.get_by_role("cell", name="Meer verwijzingen")).to_be_attached()
    assert page.evaluate("document.documentElement.scrollWidth") <= SMAL["width"]
    assert_accessible(page)
    page.goto(live_server.url + "/p/stein/netwerk/")
    expect(page.get_by_text("Belangen voor het laatst besproken op")).to_be_visible()

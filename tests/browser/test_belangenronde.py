"""A facilitator starts an interests round from the interests page; a contact person reviews
their organisation's interests on a 320 px phone by the personal link, without an account; the
network page then says when the interests were last discussed (axe on every page)."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from netwerk.models import Groep
from praktijken.models import Rol
from tests.browser.axe import assert_accessible
from tests.browser.test_relatieronde import log_in
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
def test_an_interests_round_is_answered_on_a_phone_and_the_network_sees_when(
    page, browser, live_server, mailoutbox, settings
):
    settings.SITE_URL = live_server.url
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    steunpunt = OrganisatieFactory(naam="Steunpunt Mantelzorg Stein")
    DeelnameFactory(
        praktijk=praktijk,
        organisatie=steunpunt,
        groep=Groep.KERNGROEP,
        belangen="Mantelzorgers eerder bereiken",
        tijdsinvestering="4 uur per maand",
    )
    huisartsen = OrganisatieFactory(naam="Huisartsen Stein")
    DeelnameFactory(praktijk=praktijk, organisatie=huisartsen, groep=Groep.ONTWERPGROEP)
    sanne = PersoonFactory(
        organisatie=steunpunt,
        naam="Sanne Steunpunt",
        email="sanne@s.example",
        is_contactpersoon=True,
    )
    PersoonFactory(
        organisatie=huisartsen, naam="Hans Huisarts", email="hans@s.example", is_contactpersoon=True
    )
    PersoonFactory(organisatie=huisartsen, naam="Ine Invaller", email="ine@s.example")
    facilitator = UserFactory(email="adviseur@stein.example", name="Anouk Adviseur")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    log_in(page, live_server, facilitator)

    page.goto(live_server.url + "/p/stein/netwerk/belangen/")
    page.get_by_role("link", name=re.compile("Belangenrondes")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Belangenrondes")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe belangenronde").click()
    # The contact persons are chosen to begin with; the stand-in is not.
    expect(page.get_by_role("checkbox", name=re.compile("Sanne Steunpunt"))).to_be_checked()
    expect(page.get_by_role("checkbox", name=re.compile("Hans Huisarts"))).to_be_checked()
    expect(page.get_by_role("checkbox", name=re.compile("Ine Invaller"))).not_to_be_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Ronde versturen").click()
    expect(page.get_by_text("De belangenronde gaat naar 2 mensen.")).to_be_visible()
    expect(page.get_by_text("0 van 2 organisaties hebben hun belangen bekeken.")).to_be_visible()
    assert_accessible(page)

    mail = next(m for m in mailoutbox if m.to == [sanne.email])
    link = re.search(r"https?://\S+/belangenronde/[\w-]+/", mail.body).group(0)

    context = browser.new_context(locale="en-GB", viewport=SMAL, has_touch=True)
    try:
        phone = context.new_page()
        phone.goto(link)
        # Dutch, whatever the phone's language.
        expect(phone.get_by_role("heading", level=1)).to_have_text(
            "Belangen van Steunpunt Mantelzorg Stein"
        )
        veld = phone.get_by_label("Wat wil je organisatie uit de samenwerking halen?")
        expect(veld).to_have_value("Mantelzorgers eerder bereiken")
        assert_accessible(phone)
        breed = phone.evaluate("document.documentElement.scrollWidth")
        assert breed <= 320, f"the page scrolls sideways ({breed} px)"
        veld.fill("Mantelzorgers eerder bereiken, ook via de huisarts")
        phone.get_by_role("button", name="Onze belangen opslaan").click()
        expect(phone.get_by_role("heading", level=1)).to_have_text("Dank je wel!")
        expect(phone.get_by_text("Het hele netwerk kan ze lezen.")).to_be_visible()
        assert_accessible(phone)
    finally:
        context.close()

    page.reload()
    expect(page.get_by_text("1 van 2 organisaties hebben hun belangen bekeken.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Sanne Steunpunt"))).to_contain_text("klaar")
    page.goto(live_server.url + "/p/stein/netwerk/")
    vandaag = timezone.localdate()
    expect(page.get_by_text("Belangen voor het laatst besproken op")).to_contain_text(
        str(vandaag.year)
    )
    page.goto(live_server.url + "/p/stein/netwerk/belangen/")
    expect(page.get_by_role("cell", name=re.compile("ook via de huisarts"))).to_be_visible()
    assert_accessible(page)

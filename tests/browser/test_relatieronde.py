"""A facilitator sends a relationship round; a member answers it on a 320 px phone by the
personal link; after closing, the network page shows the new ties (axe on every page)."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from netwerk.models import Groep
from praktijken.models import Rol
from relaties import rondes
from relaties.models import Relatieronde
from tests.browser.axe import assert_accessible
from tests.factories import (
    DeelnameFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    PraktijkFactory,
    UserFactory,
)

SMAL = {"width": 320, "height": 640}


def log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.django_db(transaction=True)
def test_a_round_is_answered_on_a_phone_and_shows_on_the_network_page(
    page, browser, live_server, mailoutbox, settings
):
    settings.SITE_URL = live_server.url
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    namen = ["Gemeente Stein", "Steunpunt Mantelzorg", "Huisartsen Stein", "Bibliotheek"]
    organisaties = []
    for i, naam in enumerate(namen):
        organisatie = OrganisatieFactory(naam=naam)
        DeelnameFactory(
            praktijk=praktijk,
            organisatie=organisatie,
            groep=Groep.KERNGROEP if i < 2 else Groep.ONTWERPGROEP,
        )
        organisaties.append(organisatie)
    lotte = PersoonFactory(organisatie=organisaties[1], naam="Lotte Lid", email="lotte@s.example")
    PersoonFactory(organisatie=organisaties[0], naam="Gert Gemeente", email="gert@s.example")
    # Last year's round: nobody knew anybody yet.
    vorig_jaar = Relatieronde.objects.create(
        praktijk=praktijk,
        titel="Vorig jaar",
        geopend_op=timezone.now() - datetime.timedelta(days=365),
        sluit_op=timezone.now() - datetime.timedelta(days=350),
    )
    rondes.ronde_close(ronde=vorig_jaar, by=None)
    facilitator = UserFactory(email="adviseur@stein.example", name="Anouk Adviseur")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    log_in(page, live_server, facilitator)

    page.goto(live_server.url + "/p/stein/relaties/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Relatierondes")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe relatieronde").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Relatieronde najaar")
    page.get_by_role("checkbox", name=re.compile("Lotte Lid")).check()
    page.get_by_role("checkbox", name=re.compile("Gert Gemeente")).check()
    page.get_by_role("button", name="Ronde versturen").click()
    expect(page.get_by_text("De relatieronde gaat naar 2 mensen.")).to_be_visible()
    assert_accessible(page)

    mail = next(m for m in mailoutbox if m.to == [lotte.email])
    link = re.search(r"https?://\S+/relatieronde/[\w-]+/", mail.body).group(0)

    context = browser.new_context(locale="nl-NL", viewport=SMAL, has_touch=True)
    try:
        phone = context.new_page()
        phone.goto(link)
        expect(phone.get_by_role("heading", level=1)).to_contain_text("Kerngroep")
        assert_accessible(phone)
        gemeente = phone.get_by_role("group", name="Gemeente Stein", exact=True)
        # Trust and value appear once "we work together now" is chosen.
        expect(gemeente.get_by_role("group", name=re.compile("Vertrouwen"))).to_be_hidden()
        gemeente.get_by_label("Wij werken nu samen").check()
        expect(gemeente.get_by_role("group", name=re.compile("Vertrouwen"))).to_be_visible()
        gemeente.get_by_role("group", name=re.compile("Vertrouwen")).get_by_label("4").check()
        assert_accessible(phone)
        breed = phone.evaluate("document.documentElement.scrollWidth")
        assert breed <= 320, f"the page scrolls sideways ({breed} px)"
        phone.get_by_role("button", name="Opslaan en verder").click()
        expect(phone.get_by_role("heading", level=1)).to_contain_text("Ontwerpgroep")
        phone.get_by_role("group", name="Bibliotheek", exact=True).get_by_label(
            "Wij hebben contact gehad"
        ).check()
        assert_accessible(phone)
        phone.get_by_role("button", name="Opslaan en afronden").click()
        expect(phone.get_by_role("heading", level=1)).to_have_text("Dank je wel!")
        assert_accessible(phone)
    finally:
        context.close()

    page.goto(live_server.url + "/p/stein/relaties/")
    page.get_by_role("link", name="wie heeft ingevuld").first.click()
    expect(page.get_by_role("row", name=re.compile("Lotte Lid"))).to_contain_text("klaar")
    page.get_by_role("button", name="Ronde sluiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Netwerk: Relatieronde najaar")
    rij = page.get_by_role("row", name=re.compile("Gemeente Stein – Steunpunt Mantelzorg"))
    expect(rij).to_contain_text("Wij werken nu samen")
    expect(
        page.get_by_role("row", name=re.compile("Steunpunt Mantelzorg – Bibliotheek"))
    ).to_contain_text("Wij hebben contact gehad")
    expect(rij).to_contain_text("nieuw")
    # The map: the two new ties, drawn as new.
    expect(page.get_by_role("img", name=re.compile("Kaart van het netwerk"))).to_be_visible()
    expect(page.locator("line.lp-kaart__lijn--nieuw")).to_have_count(2)
    assert_accessible(page)
    # Last year's network, by the list of rounds (htmx swaps the region): no ties yet.
    page.get_by_role("link", name="Vorig jaar").click()
    expect(page.get_by_text("Nog geen banden in deze ronde.")).to_be_visible()
    expect(page.locator("line")).to_have_count(0)
    assert page.url.endswith(f"/relaties/{vorig_jaar.pk}/")
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_the_map_is_a_stage_on_the_projector_stepping_through_the_rounds(page, live_server):
    """1280×720 and 1920×1080: the stage fits without scrolling; the arrow keys go from this
    year's network back to last year's and forward again; axe on both."""
    from relaties import demo

    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    for i in range(12):
        organisatie = OrganisatieFactory(naam=f"Organisatie {i:02d}", eigenaar=praktijk)
        DeelnameFactory(
            praktijk=praktijk,
            organisatie=organisatie,
            groep=Groep.KERNGROEP if i < 4 else Groep.ONTWERPGROEP,
        )
        PersoonFactory(organisatie=organisatie, email=f"p{i}@s.example")
    demo.rondes_load(praktijken={"stein": praktijk})
    facilitator = UserFactory(email="adviseur@stein.example")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    log_in(page, live_server, facilitator)
    nu, toen = Relatieronde.objects.filter(praktijk=praktijk).order_by("-geopend_op")

    for grootte in ({"width": 1280, "height": 720}, {"width": 1920, "height": 1080}):
        page.set_viewport_size(grootte)
        page.goto(live_server.url + f"/p/stein/relaties/{nu.pk}/")
        page.get_by_role("link", name="Op de beamer tonen: zo zijn we gegroeid").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Ons netwerk: {nu.titel}")
        # The keys work once the page's deferred scripts ran (a click waits for less).
        page.wait_for_load_state("load")
        expect(page.get_by_text(re.compile(r"nieuwe banden? sinds"))).to_be_visible()
        assert page.locator("line.lp-kaart__lijn--nieuw").count() > 0
        hoogte = page.evaluate("document.documentElement.scrollHeight")
        assert hoogte <= grootte["height"], f"the stage scrolls ({hoogte} px)"
        kaart = page.locator(".lp-kaart-scherm .lp-kaart__svg").bounding_box()
        assert kaart["height"] > grootte["height"] * 0.5  # the map is the stage
        assert_accessible(page)

        page.keyboard.press("ArrowLeft")
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Ons netwerk: {toen.titel}")
        assert page.url.endswith(f"/relaties/{toen.pk}/scherm/")
        expect(page.locator("line.lp-kaart__lijn--nieuw")).to_have_count(0)
        assert_accessible(page)
        page.keyboard.press("ArrowRight")
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Ons netwerk: {nu.titel}")
        page.keyboard.press("Escape")
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Netwerk: {nu.titel}")

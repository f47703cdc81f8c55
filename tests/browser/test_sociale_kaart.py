"""A member looks up a district nurse on the social map: results appear while typing."""

import re

import pytest
from playwright.sync_api import expect

from netwerk.models import Groep, Organisatie
from praktijken.models import Rol
from tests.browser.axe import assert_accessible
from tests.factories import (
    DeelnameFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    PraktijkFactory,
    UserFactory,
)


@pytest.mark.django_db(transaction=True)
def test_member_finds_the_district_nurse_while_typing(page, live_server, log_in):
    stein = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein", gemeente="Stein")
    member = UserFactory(email="lid@stein.example", name="Luuk Lid")
    LidmaatschapFactory(praktijk=stein, user=member, rol=Rol.LID)
    for naam, soort, functie, groep in [
        (
            "Thuiszorg Westelijke Mijnstreek",
            "wijkverpleging",
            "Wijkverpleegkundige",
            "ontwerpgroep",
        ),
        ("Huisartsenpraktijk Berg", "huisartsenpraktijk", "Praktijkondersteuner", "kerngroep"),
        ("Steunpunt Mantelzorg Stein", "mantelzorgsteunpunt", "Mantelzorgconsulent", "kerngroep"),
    ]:
        organisatie = OrganisatieFactory(naam=naam, soort=Organisatie.Soort(soort))
        DeelnameFactory(praktijk=stein, organisatie=organisatie, groep=Groep(groep))
        PersoonFactory(
            organisatie=organisatie,
            naam=f"Contact {functie}",
            functie=functie,
            telefoon="06 12345678",
        )

    log_in(page.context, member)
    page.goto(live_server.url + "/p/stein/sociale-kaart/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sociale kaart")
    results = page.locator("#kaart-resultaten")
    expect(results.get_by_text("Huisartsenpraktijk Berg")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("searchbox", name=re.compile("^Zoeken")).press_sequentially(
        "wijkverpleeg", delay=40
    )

    expect(results.get_by_text("Contact Wijkverpleegkundige")).to_be_visible()
    expect(results.get_by_role("link", name="Thuiszorg Westelijke Mijnstreek")).to_be_visible()
    expect(results.get_by_text("Huisartsenpraktijk Berg")).to_have_count(0)
    expect(results.get_by_text("Steunpunt Mantelzorg Stein")).to_have_count(0)
    expect(results.get_by_role("link", name="06 12345678")).to_have_attribute(
        "href", "tel:0612345678"
    )
    # The address shows the search, so it can be shared or bookmarked.
    expect(page).to_have_url(re.compile(r"q=wijkverpleeg"))
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_network_pages_are_accessible(page, live_server, log_in):
    from netwerk import services

    stein = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein", gemeente="Stein")
    facilitator = UserFactory(email="adviseur@stein.example", name="Anouk Adviseur")
    LidmaatschapFactory(praktijk=stein, user=facilitator, rol=Rol.FACILITATOR)
    organisatie = OrganisatieFactory(naam="Thuiszorg Westelijke Mijnstreek", wijken="Stein")
    deelname = DeelnameFactory(praktijk=stein, organisatie=organisatie, groep=Groep.ONTWERPGROEP)
    services.deelname_update(
        deelname=deelname,
        by=facilitator,
        groep=Groep.KERNGROEP,
        belangen="Eerder in beeld",
        bijdrage="",
        tijdsinvestering="4 uur per maand",
    )
    PersoonFactory(organisatie=organisatie, naam="Wendy Verbeek", bel_mij_voor="Zorg thuis")
    services.afspraak_save(
        praktijk=stein,
        by=facilitator,
        onderwerp="planning",
        afspraak="De gemeente plant.",
        wie="",
        instance=None,
    )
    log_in(page.context, facilitator)
    for path in [
        "/p/stein/netwerk/",
        "/p/stein/netwerk/deelnemen/",
        f"/p/stein/organisaties/{organisatie.pk}/",
        f"/p/stein/organisaties/{organisatie.pk}/bewerken/",
        "/p/stein/sociale-kaart/?q=" + "x" * 300,
    ]:
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
    token = services.bevestiging_token_make(organisatie=organisatie)
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/bevestigen/{token}/")
    assert_accessible(page)
    page.get_by_role("button", name="Ja, het klopt nog").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank je wel!")
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_member_pages_through_a_large_map_and_a_new_search_starts_at_page_one(
    page, live_server, log_in
):
    stein = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein", gemeente="Stein")
    member = UserFactory(email="lid@stein.example", name="Luuk Lid")
    LidmaatschapFactory(praktijk=stein, user=member, rol=Rol.LID)
    for i in range(1, 31):
        organisatie = OrganisatieFactory(naam=f"Buurtorganisatie {i:02}", wijken="Stein")
        DeelnameFactory(praktijk=stein, organisatie=organisatie, groep=Groep.ONTWERPGROEP)
    wijkverpleging = OrganisatieFactory(naam="Thuiszorg Westelijke Mijnstreek")
    DeelnameFactory(praktijk=stein, organisatie=wijkverpleging, groep=Groep.ONTWERPGROEP)
    PersoonFactory(organisatie=wijkverpleging, naam="Wendy", functie="Wijkverpleegkundige")

    log_in(page.context, member)
    page.goto(live_server.url + "/p/stein/sociale-kaart/")
    results = page.locator("#kaart-resultaten")
    nav = results.get_by_role("navigation", name="Pagina's van de sociale kaart")
    expect(nav.get_by_role("link", name="Pagina 1", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    expect(results.get_by_role("link", name="Buurtorganisatie 25")).to_be_visible()
    expect(results.get_by_role("link", name="Buurtorganisatie 26")).to_have_count(0)
    assert_accessible(page)

    # "Next" says which page it goes to.
    nav.get_by_role("link", name=re.compile(r"^Volgende\s*\(pagina 2\)$")).click()
    expect(page).to_have_url(re.compile(r"pagina=2"))
    expect(nav.get_by_role("link", name="Pagina 2", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    expect(results.get_by_role("link", name="Buurtorganisatie 26")).to_be_visible()
    expect(results.get_by_role("link", name="Thuiszorg Westelijke Mijnstreek")).to_be_visible()
    assert_accessible(page)

    # Typing a search shows its first page, and the address no longer says page 2.
    page.get_by_role("searchbox", name=re.compile("^Zoeken")).press_sequentially(
        "buurtorganisatie", delay=20
    )
    expect(page).to_have_url(re.compile(r"q=buurtorganisatie"))
    assert "pagina=" not in page.url
    expect(results.get_by_role("link", name="Buurtorganisatie 01")).to_be_visible()
    expect(nav.get_by_role("link", name="Pagina 1", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    nav.get_by_role("link", name="Pagina 2", exact=True).click()
    expect(page).to_have_url(re.compile(r"q=buurtorganisatie.*pagina=2"))
    expect(results.get_by_role("link", name="Buurtorganisatie 30")).to_be_visible()
    expect(results.get_by_role("link", name="Thuiszorg Westelijke Mijnstreek")).to_have_count(0)
    expect(page.get_by_role("searchbox", name=re.compile("^Zoeken"))).to_have_value(
        "buurtorganisatie"
    )

    # Back: the first page of the search again.
    page.go_back()
    expect(page).to_have_url(re.compile(r"q=buurtorganisatie"))
    expect(results.get_by_role("link", name="Buurtorganisatie 01")).to_be_visible()

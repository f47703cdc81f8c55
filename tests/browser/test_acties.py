"""A facilitator moves an action along on a 320 px phone: busy (htmx swaps the row), then done,
edits it, captures one from a meeting, and the dashboard celebrates what is done. Axe on each."""

import datetime

import pytest
from playwright.sync_api import expect

from condities.models import Actie
from praktijken.models import Rol
from tests.browser.axe import assert_accessible
from tests.factories import (
    ActieFactory,
    BijeenkomstFactory,
    DeelnameFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    PraktijkFactory,
    SessieFactory,
    UserFactory,
)

PHONE = {"width": 320, "height": 800}


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.django_db(transaction=True)
def test_facilitator_marks_an_action_busy_then_done_on_a_phone(page, live_server, log_in):
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    organisatie = OrganisatieFactory(naam="Steunpunt Mantelzorg Stein")
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    anja = PersoonFactory(organisatie=organisatie, naam="Anja de Vries")
    sessie = SessieFactory(praktijk=praktijk, titel="Werkvorm najaar")
    actie = ActieFactory(
        sessie=sessie,
        tekst="Kennismaken met de POH",
        eigenaar=anja,
        wanneer=datetime.date(2027, 1, 15),
    )
    bijeenkomst = BijeenkomstFactory(praktijk=praktijk, titel="Kerngroep december")
    facilitator = UserFactory(email="facilitator@stein.example", name="Fiona Facilitator")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    log_in(page.context, facilitator)
    page.set_viewport_size(PHONE)

    page.goto(live_server.url + "/p/stein/acties/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Acties")
    rij = page.locator(f"#actie-{actie.pk}")
    expect(rij).to_contain_text("Wie: Anja de Vries")
    expect(rij).to_contain_text("Status: Open")
    _no_sideways_scroll(page)
    assert_accessible(page)

    # htmx swaps the row in place: the page does not reload.
    page.evaluate("window.zelfdePagina = true")
    rij.get_by_role("button", name="Zet op “Bezig”").click()
    expect(page.locator(f"#actie-{actie.pk}")).to_contain_text("Status: Bezig")
    assert page.evaluate("window.zelfdePagina === true")
    _no_sideways_scroll(page)
    assert_accessible(page)

    page.locator(f"#actie-{actie.pk}").get_by_role("button", name="Zet op “Gedaan”").click()
    expect(page.locator(f"#actie-{actie.pk}")).to_contain_text("Kleine stappen tellen!")
    actie.refresh_from_db()
    assert actie.status == Actie.Status.GEDAAN

    # Edit it: the owner and due date stay, the words change.
    page.locator(f"#actie-{actie.pk}").get_by_role("link", name="Bewerken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Actie wijzigen")
    _no_sideways_scroll(page)
    assert_accessible(page)
    page.get_by_label("Wat").fill("Kennismaken met de POH van Stein-Noord")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De actie is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Kennismaken met de POH van Stein-Noord", exact=True)).to_be_visible()

    # Capture a step from a meeting's minutes.
    page.goto(live_server.url + f"/p/stein/bijeenkomsten/{bijeenkomst.pk}/")
    page.get_by_role("link", name="Actie uit het verslag toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Actie toevoegen")
    _no_sideways_scroll(page)
    assert_accessible(page)
    page.get_by_label("Wat").fill("Folder naar de huisartsen")
    page.get_by_label("Trekker").select_option(label="Anja de Vries (Steunpunt Mantelzorg Stein)")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De actie is toegevoegd.")).to_be_visible()

    # The dashboard: the open one, and the done one celebrated. On a desktop: at 320 px the
    # dashboard's experiments table (not part of this change) scrolls without being focusable.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/p/stein/")
    expect(page.get_by_text("Folder naar de huisartsen")).to_be_visible()
    expect(page.get_by_role("heading", name="Gedaan!")).to_be_visible()
    expect(page.get_by_text("Kleine stappen tellen!")).to_be_visible()
    assert_accessible(page)

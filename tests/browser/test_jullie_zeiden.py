"""A carer on a small phone: the thanks page with the support point, and "You said, we did"."""

import pytest
from playwright.sync_api import expect

from experimenten.models import Experiment
from netwerk.models import Organisatie
from tests.browser.axe import assert_accessible
from tests.factories import (
    ActieFactory,
    DeelnameFactory,
    ExperimentFactory,
    OntwerpvraagFactory,
    OrganisatieFactory,
    PraktijkFactory,
    ReactieFactory,
    SessieFactory,
)


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= 320")


@pytest.mark.django_db(transaction=True)
def test_thanks_page_and_public_page_at_320_pixels(page, live_server):
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    steunpunt = OrganisatieFactory(
        naam="Steunpunt Mantelzorg Stein",
        soort=Organisatie.Soort.MANTELZORGSTEUNPUNT,
        telefoon="046 433 00 00",
        email="info@steunpunt-mantelzorg-stein.example",
        website="https://www.steunpunt-mantelzorg-stein.example/contact-en-openingstijden/",
        eigenaar=praktijk,
    )
    DeelnameFactory(praktijk=praktijk, organisatie=steunpunt)
    ReactieFactory(
        praktijk=praktijk,
        deelbaar=True,
        wat_gaat_goed="De dagbesteding belde mij elke week even. Dat gaf mij echt rust.",
    )
    ReactieFactory(praktijk=praktijk, deelbaar=False, wat_gaat_goed="Niet om te delen.")
    ActieFactory(
        sessie=SessieFactory(praktijk=praktijk),
        soort="stap",
        tekst="Een vast belmoment met de praktijkondersteuner",
        gedaan=True,
    )
    ExperimentFactory(
        ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk),
        titel="Tien-minutencheck",
        status=Experiment.Status.AFGEROND,
        resultaat="Huisartsen vragen nu standaard naar de mantelzorger.",
    )
    page.set_viewport_size({"width": 320, "height": 800})

    page.goto(live_server.url + "/p/stein/mantelzorg/bedankt/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je reactie")
    expect(page.get_by_text("Steunpunt Mantelzorg Stein")).to_be_visible()
    expect(page.get_by_role("link", name="046 433 00 00")).to_have_attribute(
        "href", "tel:0464330000"
    )
    assert no_horizontal_scroll(page)
    assert_accessible(page)

    page.get_by_role("link", name="Lees wat mantelzorgers zeiden en wat wij ermee deden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jullie zeiden — wij deden")
    expect(page.get_by_text("De dagbesteding belde mij elke week even.")).to_be_visible()
    expect(page.get_by_text("Een vast belmoment met de praktijkondersteuner")).to_be_visible()
    expect(page.get_by_text("Tien-minutencheck")).to_be_visible()
    expect(page.get_by_text("Niet om te delen.")).to_have_count(0)
    assert no_horizontal_scroll(page)
    assert_accessible(page)

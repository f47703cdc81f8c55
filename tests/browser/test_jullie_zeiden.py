"""A carer on a small phone: the thanks page with the support point, and "You said, we did";
a facilitator passing feedback on, replying, and seeing it on the experiment."""

import datetime

import pytest
from django.utils import timezone
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
    PersoonFactory,
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
        status="gedaan",
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


@pytest.mark.django_db(transaction=True)
def test_a_facilitator_passes_on_and_replies_and_sees_it_on_the_experiment(
    page, live_server, praktijk, facilitator, log_in, mailoutbox
):
    welzijn = OrganisatieFactory(naam="Welzijn Stein", eigenaar=praktijk)
    DeelnameFactory(praktijk=praktijk, organisatie=welzijn)
    PersoonFactory(
        organisatie=welzijn,
        naam="Wim Welzijn",
        email="wim@welzijn.example",
        is_contactpersoon=True,
    )
    experiment = ExperimentFactory(
        ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk), titel="Tien-minutencheck"
    )
    reactie = ReactieFactory(
        praktijk=praktijk,
        experiment=experiment,
        wat_gaat_goed="De POH nam echt de tijd.",
        contact_toestemming=True,
        naam="Anna de Vries",
        email="anna@voorbeeld.example",
        contact_bewaren_tot=timezone.localdate() + datetime.timedelta(days=100),
    )
    log_in(page.context, facilitator)

    page.goto(f"{live_server.url}/p/stein/mantelzorg/inbox/{reactie.pk}/")
    page.get_by_label("Doorgegeven aan").select_option(label="Welzijn Stein")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#doorgeven-status")).to_contain_text(
        "verstuurd naar Wim Welzijn (Welzijn Stein)"
    )
    assert_accessible(page)

    page.get_by_label("Je antwoord").fill("Dank je wel, we bellen de POH.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Je antwoord is naar de mantelzorger gestuurd.")).to_be_visible()
    expect(page.get_by_role("button", name="Antwoord versturen")).to_have_count(0)
    assert_accessible(page)
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@voorbeeld.example", "wim@welzijn.example"]

    page.goto(f"{live_server.url}/p/stein/experimenten/{experiment.pk}/")
    sectie = page.locator("#mantelzorgers")
    expect(sectie).to_contain_text("De POH nam echt de tijd.")
    expect(sectie).not_to_contain_text("Anna")
    assert_accessible(page)

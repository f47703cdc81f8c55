"""The public page "You said, we did" and the thanks page's carer support point."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import PERSONAS
from experimenten.models import Experiment
from netwerk.models import Organisatie
from tests.factories import (
    ActieFactory,
    DeelnameFactory,
    ExperimentFactory,
    OrganisatieFactory,
    PersoonFactory,
    ReactieFactory,
    SessieFactory,
)
from tests.mantelzorg.helpers import url
from tests.permissions import assert_matrix

pytestmark = pytest.mark.django_db

IEDEREEN = dict.fromkeys(PERSONAS, 200)


def _pagina(slug: str = "stein") -> str:
    return reverse("overzicht:jullie_zeiden", kwargs={"slug": slug})


@pytest.fixture
def gevuld(praktijk):
    ReactieFactory(
        praktijk=praktijk,
        deelbaar=True,
        wat_gaat_goed="De dagbesteding belde mij elke week even.",
        kan_beter="Interne klacht over de thuiszorg.",
        contact_toestemming=True,
        naam="Anna de Vries",
        email="anna@voorbeeld.example",
        telefoon="06 98765432",
        contact_bewaren_tot=timezone.localdate() + datetime.timedelta(days=100),
    )
    ReactieFactory(praktijk=praktijk, deelbaar=False, wat_gaat_goed="Niet om te delen.")
    sessie = SessieFactory(praktijk=praktijk)
    ActieFactory(
        sessie=sessie, soort="stap", tekst="Een vast belmoment met de POH", status="gedaan"
    )
    ActieFactory(sessie=sessie, soort="stap", tekst="Nog niet gedaan: folder", status="open")
    ExperimentFactory(
        ontwerpvraag__praktijk=praktijk,
        titel="Tien-minutencheck",
        status=Experiment.Status.AFGEROND,
        resultaat="Huisartsen vragen nu standaard naar de mantelzorger.",
    )
    ExperimentFactory(ontwerpvraag__praktijk=praktijk, titel="Nog maar een idee", status="idee")


def test_everyone_may_read_it_without_logging_in(login_as, praktijk):
    assert_matrix(login_as, _pagina(), IEDEREEN)


def test_it_shows_shareable_quotes_next_to_what_the_network_did(client, gevuld):
    response = client.get(_pagina())
    assert response.status_code == 200
    text = response.content.decode()
    assert "Jullie zeiden — wij deden" in text
    assert "De dagbesteding belde mij elke week even." in text
    assert "Een vast belmoment met de POH" in text
    assert "Tien-minutencheck" in text
    assert "Huisartsen vragen nu standaard naar de mantelzorger." in text
    # Never an unshareable quote, the other answers, who wrote it, undone steps or mere ideas.
    for niet in [
        "Niet om te delen.",
        "Interne klacht",
        "Anna",
        "anna@voorbeeld.example",
        "98765432",
        "Nog niet gedaan",
        "Nog maar een idee",
    ]:
        assert niet not in text


def test_another_practices_quotes_do_not_show(client, praktijk, andere_praktijk):
    ReactieFactory(praktijk=andere_praktijk, deelbaar=True, wat_gaat_goed="Uit Ede")
    ReactieFactory(praktijk=praktijk, deelbaar=True, wat_gaat_goed="Uit Stein")
    text = client.get(_pagina()).content.decode()
    assert "Uit Stein" in text
    assert "Uit Ede" not in text


def test_an_unknown_practice_gives_404(client, praktijk):
    assert client.get(_pagina("bestaat-niet")).status_code == 404


def test_the_browser_may_keep_it_a_few_minutes_but_no_shared_cache(client, gevuld):
    response = client.get(_pagina())
    assert response.status_code == 200
    assert "max-age=300" in response["Cache-Control"]
    # It sets the CSRF cookie (the language switch): a proxy must not hand that on.
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


@pytest.mark.parametrize("n", [1, 15])
def test_its_queries_do_not_grow_with_the_content(client, praktijk, n, django_assert_num_queries):
    sessie = SessieFactory(praktijk=praktijk)
    ReactieFactory.create_batch(n, praktijk=praktijk, deelbaar=True)
    ActieFactory.create_batch(n, sessie=sessie, soort="stap", status="gedaan")
    ExperimentFactory.create_batch(n, ontwerpvraag__praktijk=praktijk)
    # One of them reads the glossary terms that mark the practice's name (begrippen).
    with django_assert_num_queries(5):
        client.get(_pagina())


# The thanks page -----------------------------------------------------------------------------


def test_the_thanks_page_links_to_it_and_gives_the_support_points_contact(client, praktijk):
    steunpunt = OrganisatieFactory(
        naam="Steunpunt Mantelzorg Stein",
        soort=Organisatie.Soort.MANTELZORGSTEUNPUNT,
        telefoon="046 433 00 00",
        email="info@steunpunt.example",
        website="https://steunpunt.example/",
        eigenaar=praktijk,
    )
    DeelnameFactory(praktijk=praktijk, organisatie=steunpunt)
    PersoonFactory(
        organisatie=steunpunt, naam="Carla Consulent", email="carla@prive.example", telefoon="0611"
    )
    text = client.get(url("bedankt")).content.decode()
    assert f'href="{_pagina()}"' in text
    for publiek in [
        "Steunpunt Mantelzorg Stein",
        "046 433 00 00",
        "info@steunpunt.example",
        "https://steunpunt.example/",
    ]:
        assert publiek in text
    assert "Carla" not in text
    assert "carla@prive.example" not in text


def test_without_a_support_point_the_thanks_page_says_where_to_look(
    client, praktijk, andere_praktijk
):
    # Another practice's support point is not this one's.
    ede = OrganisatieFactory(
        naam="Steunpunt Ede", soort=Organisatie.Soort.MANTELZORGSTEUNPUNT, eigenaar=andere_praktijk
    )
    DeelnameFactory(praktijk=andere_praktijk, organisatie=ede)
    text = client.get(url("bedankt")).content.decode()
    assert "Bedankt voor je reactie" in text
    assert "Neem contact op met het steunpunt mantelzorg in je gemeente." in text
    assert "Steunpunt Ede" not in text

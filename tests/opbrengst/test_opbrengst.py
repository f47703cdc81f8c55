"""What it yields: the organisation's and the practice's yield pages and their PDFs (#15)."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from condities.models import Conditie, Respondentgroep
from experimenten.models import Opbrengst
from mantelzorg.models import Reactie
from tests.factories import (
    ConditieScoreFactory,
    ExperimentFactory,
    IndicatorFactory,
    MetingFactory,
    OpbrengstFactory,
    OrganisatieFactory,
    ReactieFactory,
    SessieFactory,
    TussenstapFactory,
)
from tests.pages import rendered

pytestmark = pytest.mark.django_db


def org_url(organisatie, pdf: bool = False) -> str:
    naam = "overzicht:opbrengst_organisatie_pdf" if pdf else "overzicht:opbrengst_organisatie"
    return reverse(naam, args=["stein", organisatie.pk])


def praktijk_url(pdf: bool = False) -> str:
    return reverse("overzicht:opbrengst_pdf" if pdf else "overzicht:opbrengst", args=["stein"])


def pdf_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def als_lid(client, lid):
    client.force_login(lid)
    return client


@pytest.fixture
def wereld(praktijk, eigen_organisatie):
    """stein's support point with its interests, an experiment it took part in (steps, outcomes,
    an indicator) and one it did not."""
    deelname = eigen_organisatie.deelnames.get()
    deelname.belangen = "Mantelzorgers eerder in beeld."
    deelname.tijdsinvestering = "4 uur per maand"
    deelname.save()
    experiment = ExperimentFactory(
        ontwerpvraag__praktijk=praktijk, titel="Huisartsen en mantelzorg"
    )
    experiment.organisaties.add(eigen_organisatie)
    TussenstapFactory(experiment=experiment, wat="Eerste overleg met de huisartsen.")
    OpbrengstFactory(
        experiment=experiment,
        soort=Opbrengst.Soort.WERKWIJZE,
        beschrijving="Een vaste verwijsroute naar het steunpunt.",
    )
    indicator = IndicatorFactory(experiment=experiment, naam="Verwijzingen per kwartaal")
    MetingFactory(indicator=indicator, waarde=Decimal("17"))
    ander = ExperimentFactory(ontwerpvraag__praktijk=praktijk, titel="Van thuis naar verpleeghuis")
    ander.organisaties.add(OrganisatieFactory(naam="Verpleeghuis De Hoge Berg"))
    return {"experiment": experiment, "ander": ander, "organisatie": eigen_organisatie}


def test_the_organisation_page_shows_what_taking_part_yielded(als_lid, wereld):
    text = rendered(
        als_lid.get(org_url(wereld["organisatie"])),
        "Steunpunt Mantelzorg Stein",
        "Mantelzorgers eerder in beeld.",
        "4 uur per maand",
        "Huisartsen en mantelzorg",
        "Eerste overleg met de huisartsen.",
        "Een vaste verwijsroute naar het steunpunt.",
        "Verwijzingen per kwartaal",
        "lp-indicator__svg",
        'id="opbrengst-banden"',  # the slot for the relationship rounds
        'id="opbrengst-pdf"',
    )
    assert "Van thuis naar verpleeghuis" not in text  # not this organisation's experiment


def test_members_see_only_shared_feedback_and_never_contact_details(
    client, lid, facilitator, praktijk, wereld
):
    organisatie = wereld["organisatie"]
    ReactieFactory(
        praktijk=praktijk,
        wat_gaat_goed="Gedeeld met de leden.",
        doorgegeven_aan=organisatie,
        gedeeld_met_leden=True,
        status=Reactie.Status.AFGEHANDELD,
        contact_toestemming=True,
        naam="Mevrouw Jansen",
        email="jansen@voorbeeld.example",
    )
    ReactieFactory(
        praktijk=praktijk, wat_gaat_goed="Alleen in de inbox.", doorgegeven_aan=organisatie
    )
    ReactieFactory(praktijk=praktijk, wat_gaat_goed="Niet doorgegeven.", gedeeld_met_leden=True)
    client.force_login(lid)
    text = rendered(client.get(org_url(organisatie)), "Gedeeld met de leden.")
    assert "Alleen in de inbox." not in text and "Niet doorgegeven." not in text
    assert "Mevrouw Jansen" not in text and "jansen@" not in text
    client.force_login(facilitator)
    text = rendered(
        client.get(org_url(organisatie)), "Gedeeld met de leden.", "Alleen in de inbox."
    )
    assert "Niet doorgegeven." not in text and "Mevrouw Jansen" not in text


def test_scores_show_the_organisations_group_only_where_released(als_lid, praktijk, wereld):
    deelname = wereld["organisatie"].deelnames.get()
    sessie = SessieFactory(praktijk=praktijk, datum=datetime.date(2026, 5, 1), gesloten=True)
    ConditieScoreFactory(sessie=sessie, conditie=Conditie.RELATIE, gemiddelde=Decimal("3.10"))
    text = rendered(als_lid.get(org_url(wereld["organisatie"])), "3,1")
    assert "De scores van de hele praktijk" in text
    # The design group's own figure, released at closing: now that one shows, not the practice's.
    ConditieScoreFactory(
        sessie=sessie,
        conditie=Conditie.RELATIE,
        groep=Respondentgroep(deelname.groep),
        gemiddelde=Decimal("4.20"),
    )
    text = rendered(als_lid.get(org_url(wereld["organisatie"])), "4,2", "Ontwerpgroep")
    assert "3,1" not in text


def test_the_organisation_pdf_reads_back_with_name_and_experiment(als_lid, wereld):
    response = als_lid.get(org_url(wereld["organisatie"], pdf=True))
    assert response["Content-Disposition"].startswith("attachment;")
    text = pdf_text(response)
    assert "Steunpunt Mantelzorg Stein" in text
    assert "Huisartsen en mantelzorg" in text
    assert "Lerende praktijk Stein" in text  # the practice's name on the page


def test_the_practice_page_rolls_up_outcomes_and_feedback(als_lid, praktijk, wereld):
    OpbrengstFactory(
        experiment=wereld["ander"],
        soort=Opbrengst.Soort.SOCIALE_KAART,
        beschrijving="Een kaart van de respijtzorg.",
    )
    ReactieFactory(
        praktijk=praktijk,
        doorgegeven_aan=wereld["organisatie"],
        gedeeld_met_leden=True,
        status=Reactie.Status.AFGEHANDELD,
    )
    text = rendered(
        als_lid.get(praktijk_url()),
        "Een vaste verwijsroute naar het steunpunt.",
        "Een kaart van de respijtzorg.",
        "Sociale kaart",
        "Huisartsen en mantelzorg",
        "Van thuis naar verpleeghuis",
        "Verwijzingen per kwartaal",
        "Mantelzorgers eerder in beeld.",
        'id="opbrengst-banden"',
    )
    assert "1 reactie is doorgegeven" in text


def test_the_practice_pdf_reads_back(als_lid, wereld):
    text = pdf_text(als_lid.get(praktijk_url(pdf=True)))
    assert "Huisartsen en mantelzorg" in text and "Steunpunt Mantelzorg Stein" in text


def test_the_pdf_fetches_nothing_from_user_text(als_lid, praktijk, wereld):
    """A link or image in what users typed never makes the server fetch it."""
    wereld["experiment"].resultaat = '<img src="http://169.254.169.254/x"> file:///etc/passwd'
    wereld["experiment"].save()
    text = pdf_text(als_lid.get(org_url(wereld["organisatie"], pdf=True)))
    assert "Huisartsen en mantelzorg" in text


def _maak(praktijk, organisatie, n: int) -> None:
    for i in range(n):
        experiment = ExperimentFactory(ontwerpvraag__praktijk=praktijk)
        experiment.organisaties.add(organisatie)
        TussenstapFactory(experiment=experiment)
        OpbrengstFactory(experiment=experiment)
        MetingFactory(indicator=IndicatorFactory(experiment=experiment))
        ReactieFactory(
            praktijk=praktijk,
            doorgegeven_aan=organisatie,
            gedeeld_met_leden=True,
            created_at=timezone.now(),
        )
        ConditieScoreFactory(
            sessie=SessieFactory(praktijk=praktijk, gesloten=True), conditie=Conditie.AMBITIE
        )
        del i


@pytest.mark.parametrize("pagina", ["organisatie", "praktijk"])
def test_queries_do_not_grow_with_experiments_and_feedback(
    als_lid, praktijk, eigen_organisatie, pagina, django_assert_max_num_queries
):
    url = org_url(eigen_organisatie) if pagina == "organisatie" else praktijk_url()
    _maak(praktijk, eigen_organisatie, 2)
    with django_assert_max_num_queries(25) as twee:
        rendered(als_lid.get(url))
    _maak(praktijk, eigen_organisatie, 8)
    with django_assert_max_num_queries(len(twee.captured_queries)):
        rendered(als_lid.get(url))

"""The dashboard: the practice at a glance, in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from condities.models import Actie, Conditie
from experimenten.models import Fase, Niveau
from netwerk.models import Groep
from tests.factories import (
    ActieFactory,
    BijeenkomstFactory,
    ConditieScoreFactory,
    DeelnameFactory,
    ExperimentFactory,
    OntwerpvraagFactory,
    OrganisatieFactory,
    ReactieFactory,
    SessieFactory,
)
from tests.pages import login_queries, rendered

pytestmark = pytest.mark.django_db


def dashboard(client, slug: str = "stein"):
    return client.get(reverse("overzicht:dashboard", kwargs={"slug": slug}))


def test_dashboard_shows_the_theme_and_the_ambition(client, lid, praktijk):
    client.force_login(lid)
    page = dashboard(client).text
    assert "Samen sterk op eigen wijze" in page
    assert "Over vijf jaar hoeft geen mantelzorger zijn verhaal twee keer te doen." in page
    assert "Ambitie: het lonkend perspectief" in page


def test_dashboard_shows_core_group_and_design_group_separately(client, lid, praktijk):
    DeelnameFactory(
        praktijk=praktijk,
        organisatie=OrganisatieFactory(naam="Gemeente Stein"),
        groep=Groep.KERNGROEP,
    )
    DeelnameFactory(
        praktijk=praktijk,
        organisatie=OrganisatieFactory(naam="Huisartsen Stein"),
        groep=Groep.ONTWERPGROEP,
    )
    client.force_login(lid)
    page = rendered(dashboard(client), praktijk.naam, 'id="kerngroep-kop"', 'id="ontwerpgroep-kop"')
    kerngroep = page.split('id="kerngroep-kop"')[1].split("</section>")[0]
    ontwerpgroep = page.split('id="ontwerpgroep-kop"')[1].split("</section>")[0]
    assert "Gemeente Stein" in kerngroep and "Huisartsen Stein" not in kerngroep
    assert "Huisartsen Stein" in ontwerpgroep and "Gemeente Stein" not in ontwerpgroep


def test_dashboard_counts_experiments_by_level_and_phase(client, lid, praktijk):
    vraag = OntwerpvraagFactory(praktijk=praktijk)
    for _ in range(2):
        ExperimentFactory(ontwerpvraag=vraag, niveau=Niveau.ACHTER_DE_VOORDEUR, fase=Fase.VORMGEVEN)
    ExperimentFactory(ontwerpvraag=vraag, niveau=Niveau.BUURT, fase=Fase.VERKENNEN)
    client.force_login(lid)
    page = rendered(dashboard(client), praktijk.naam)

    assert "3 experimenten, per niveau van samenwerking en fase" in page
    assert '<th class="utrecht-table__header-cell" scope="row">Achter de voordeur</th>' in page
    lijst = reverse("experimenten:lijst", kwargs={"slug": "stein"})
    assert f'href="{lijst}?niveau=achter_de_voordeur&amp;fase=vormgeven">2<' in page
    assert f'href="{lijst}?niveau=buurt&amp;fase=verkennen">1<' in page
    # An empty cell shows a plain 0, not a link to an empty list.
    assert "fase=verbeelden" not in page


def test_dashboard_shows_the_next_meeting_not_a_past_or_later_one(client, lid, praktijk):
    now = timezone.now()
    BijeenkomstFactory(
        praktijk=praktijk, titel="Al geweest", begint_op=now - datetime.timedelta(days=3)
    )
    BijeenkomstFactory(
        praktijk=praktijk, titel="Later", begint_op=now + datetime.timedelta(days=30)
    )
    volgende = BijeenkomstFactory(
        praktijk=praktijk,
        titel="Ontwerpgroep december",
        begint_op=now + datetime.timedelta(days=2),
        locatie="Bibliotheek Stein",
    )
    client.force_login(lid)
    page = rendered(dashboard(client), praktijk.naam, 'id="volgende-kop"')
    sectie = page.split('id="volgende-kop"')[1].split("</section>")[0]
    assert "Ontwerpgroep december" in sectie
    assert "Bibliotheek Stein" in sectie
    assert "Ontwerpgroep" in sectie  # the kind
    detail = reverse("praktijken:bijeenkomst_detail", kwargs={"slug": "stein", "pk": volgende.pk})
    assert detail in sectie
    assert "Al geweest" not in sectie and "Later" not in sectie


def test_dashboard_without_a_meeting_says_so(client, kerngroeplid, praktijk):
    client.force_login(kerngroeplid)
    page = dashboard(client).text
    assert "Er is nog geen bijeenkomst gepland." in page
    assert reverse("praktijken:bijeenkomst_nieuw", kwargs={"slug": "stein"}) in page


def test_dashboard_leaves_clear_places_for_conditions_and_carers(client, lid, praktijk):
    client.force_login(lid)
    page = dashboard(client).text
    assert "Condities voor samenwerking" in page
    for conditie in ["Ambitie", "Belangen", "Relatie", "Organisatie", "Proces"]:
        assert conditie in page
    assert "Na de eerste werkvorm" in page
    assert "Wat mantelzorgers zeggen" in page


def test_dashboard_lists_design_questions_with_their_number_of_experiments(client, lid, praktijk):
    vraag = OntwerpvraagFactory(praktijk=praktijk, vraag="Hoe kunnen we huisartsen bereiken?")
    ExperimentFactory.create_batch(2, ontwerpvraag=vraag)
    OntwerpvraagFactory(praktijk=praktijk, vraag="Hoe kunnen we de buurt betrekken?")
    client.force_login(lid)
    page = dashboard(client).text
    assert "Hoe kunnen we huisartsen bereiken?" in page
    assert "(2 experimenten)" in page
    assert "(0 experimenten)" in page


def test_only_facilitators_see_the_edit_link(client, lid, facilitator, praktijk):
    bewerken = reverse("praktijken:bewerken", kwargs={"slug": "stein"})
    client.force_login(lid)
    assert bewerken not in rendered(dashboard(client), praktijk.naam)
    client.force_login(facilitator)
    assert bewerken in dashboard(client).text


def test_dashboard_never_shows_another_practices_data(client, lid, praktijk, andere_praktijk):
    DeelnameFactory(praktijk=andere_praktijk, organisatie=OrganisatieFactory(naam="Alleen in Ede"))
    BijeenkomstFactory(praktijk=andere_praktijk, titel="Bijeenkomst Ede")
    ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=andere_praktijk, vraag="Ede?"))
    client.force_login(lid)
    page = rendered(dashboard(client), praktijk.naam)
    assert "Alleen in Ede" not in page
    assert "Bijeenkomst Ede" not in page
    assert "Ede?" not in page
    assert "0 experimenten" in page


def _fill(praktijk, n: int) -> None:
    """n of everything the dashboard lists or counts, the sections of other apps included."""
    for i in range(n):
        groep = Groep.KERNGROEP if i % 3 == 0 else Groep.ONTWERPGROEP
        DeelnameFactory(praktijk=praktijk, groep=groep)
        vraag = OntwerpvraagFactory(praktijk=praktijk)
        ExperimentFactory(ontwerpvraag=vraag, niveau=Niveau.values[i % 3], fase=Fase.values[i % 4])
        BijeenkomstFactory(praktijk=praktijk, begint_op=timezone.now() + datetime.timedelta(days=i))
        sessie = SessieFactory(
            praktijk=praktijk,
            gesloten=True,
            datum=datetime.date(2026, 1, 1) + datetime.timedelta(i),
        )
        for conditie in Conditie.values:
            ConditieScoreFactory(sessie=sessie, conditie=conditie)
        ActieFactory(sessie=sessie, wie="Anouk", wanneer=datetime.date(2027, 1, 1))
        ActieFactory(
            sessie=sessie,
            tekst=f"Gedaan {i}",
            status=Actie.Status.GEDAAN,
            gedaan_op=timezone.now(),
        )
        ReactieFactory(praktijk=praktijk, deelbaar=True)


def _queries(client) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = dashboard(client)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.usefixtures("login_read_every_time")
@pytest.mark.parametrize("persona", ["lid", "facilitator"])
def test_dashboard_takes_the_same_eleven_queries_for_3_or_30_of_everything(
    client, praktijk, persona, request
):
    """Session, user, the practice with the role; the groups; the design questions with the
    experiments matrix; the next meeting; the scores, the open next steps and the ones done
    lately; the reactions per
    month and the shareable quotes. Nothing per organisation, question, score, step or quote."""
    client.force_login(request.getfixturevalue(persona))
    _fill(praktijk, 3)
    klein, _response = _queries(client)
    _fill(praktijk, 27)
    groot, response = _queries(client)
    # The login's queries (tests.pages.login_queries) and the page's nine.
    assert klein == groot == login_queries() + 9
    page = response.text
    assert page.count('class="utrecht-ordered-list__item"') == 30
    assert page.count('class="utrecht-unordered-list__item lp-stap"') == 5  # the latest five
    assert page.count('class="utrecht-unordered-list__item lp-stap lp-stap--gedaan"') == 5
    assert "30 experimenten" in page
    assert page.count('class="lp-mz-citaat"') == 3

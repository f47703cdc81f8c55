"""The programme's overview: each practice's theme, status, experiments and the figures the
disclosure rules release; never a practice's people, a carer's words or a figure below k."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from condities.models import ConditieScore, Sessie
from experimenten.models import Fase, Niveau
from mantelzorg.models import Reactie
from programma import selectors
from tests.condities.rapport_data import gesloten_sessie
from tests.factories import (
    ExperimentFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    PraktijkFactory,
    ProgrammaTeamlidFactory,
    ReactieFactory,
    SessieFactory,
    UserFactory,
)
from tests.permissions import assert_matrix, programme_team

pytestmark = pytest.mark.django_db


def overzicht_url(programma) -> str:
    return reverse("programma:overzicht", args=[programma.slug])


def vorig_kwartaal(n: int = 1) -> datetime.datetime:
    """A moment in the middle of the quarter n quarters before the current one."""
    vandaag = timezone.localdate()
    maanden = vandaag.year * 12 + (vandaag.month - 1) // 3 * 3 - 3 * n + 1
    datum = datetime.date(maanden // 12, maanden % 12 + 1, 15)
    return timezone.make_aware(datetime.datetime.combine(datum, datetime.time(12)))


def reactie_op(praktijk, moment: datetime.datetime, keer: int | None, **extra) -> Reactie:
    reactie = ReactieFactory(praktijk=praktijk, keer_verteld=keer, **extra)
    Reactie.objects.filter(pk=reactie.pk).update(created_at=moment)
    return reactie


def test_permissions_of_the_overview(
    login_as, programma, programmateam, lid, kerngroeplid, facilitator, staff, outsider
):
    # The practice's own members (facilitator included) are no team: 404, like outsiders.
    assert_matrix(login_as, overzicht_url(programma), programme_team())


def test_another_programmes_team_gets_404(client, programma):
    ander = ProgrammaTeamlidFactory(programma__slug="ander-programma")
    client.force_login(ander.user)
    assert client.get(overzicht_url(programma)).status_code == 404
    assert client.get(overzicht_url(ander.programma)).status_code == 200


def test_the_team_gets_404_on_the_practice_it_oversees(client, praktijk, programmateam):
    client.force_login(programmateam)
    assert client.get(reverse("overzicht:dashboard", args=[praktijk.slug])).status_code == 404
    assert client.get(overzicht_url(praktijk.programma)).status_code == 200


def test_the_overview_shows_each_practice_and_no_person_or_feedback(
    client, praktijk, programma, programmateam, facilitator
):
    praktijk.kernthema = "Samen sterk op eigen wijze"
    praktijk.save()
    ExperimentFactory(
        ontwerpvraag__praktijk=praktijk, niveau=Niveau.BUURT, fase=Fase.VERWEZENLIJKEN
    )
    ExperimentFactory(ontwerpvraag__praktijk=praktijk, niveau=Niveau.BUURT)
    organisatie = OrganisatieFactory(naam="Zorggroep Zonnebloem-Zuid")
    PersoonFactory(
        organisatie=organisatie, naam="Zwaantje Zichtbaar", email="zwaan@voorbeeld.example"
    )
    LidmaatschapFactory(praktijk=praktijk, user=UserFactory(name="Kees Kerngroep-Uniek"))
    reactie_op(
        praktijk,
        vorig_kwartaal(),
        4,
        wat_gaat_goed="Alleen hier: de buurvrouw met de blauwe fiets.",
        naam="Mevrouw Mantelzorg-Uniek",
        email="mantel@voorbeeld.example",
        contact_toestemming=True,
    )
    buiten = PraktijkFactory(naam="Praktijk buiten het programma")

    client.force_login(programmateam)
    page = client.get(overzicht_url(programma)).text

    assert "In voor mantelzorg-thuis" in page
    assert "Lerende praktijk Stein" in page and "Samen sterk op eigen wijze" in page
    assert "2 experimenten" in page
    assert buiten.naam not in page
    for persoonlijk in [
        "Zwaantje Zichtbaar",
        "zwaan@voorbeeld.example",
        "Zorggroep Zonnebloem-Zuid",
        "Kees Kerngroep-Uniek",
        facilitator.email,
        "blauwe fiets",
        "Mevrouw Mantelzorg-Uniek",
        "mantel@voorbeeld.example",
    ]:
        assert persoonlijk not in page
    # No link into the practice: its pages are 404 for the team.
    assert f'href="/p/{praktijk.slug}/' not in page


def test_experiments_are_counted_per_level_and_phase():
    praktijk = PraktijkFactory(programma=ProgrammaTeamlidFactory().programma)
    ExperimentFactory(ontwerpvraag__praktijk=praktijk, niveau=Niveau.BUURT, fase=Fase.VORMGEVEN)
    ExperimentFactory(ontwerpvraag__praktijk=praktijk, niveau=Niveau.BUURT, fase=Fase.VERKENNEN)
    ExperimentFactory(
        ontwerpvraag__praktijk=praktijk, niveau=Niveau.ACHTER_DE_VOORDEUR, fase=Fase.VORMGEVEN
    )
    ExperimentFactory()  # another practice's

    [rij] = selectors.programma_overzicht(programma=praktijk.programma)

    assert rij.experimenten == 3
    assert [n for _label, n in rij.niveaus] == [1, 0, 2]
    assert [n for _label, n in rij.fasen] == [1, 0, 2, 0]


def test_only_released_condition_scores_are_shown(
    client, praktijk, programma, programmateam, facilitator
):
    client.force_login(programmateam)
    # Two people answered: below k, the closing writes no score back, the page has none.
    gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, 3, 1), score=2, n=2)
    page = client.get(overzicht_url(programma)).text
    assert "Condities voor samenwerking" in page
    assert "Nog geen cijfers." in page
    assert "2,0" not in page

    # Three people: released, and the latest one is shown with its date.
    gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, 6, 1), score=4, n=3)
    page = client.get(overzicht_url(programma)).text
    assert "4,0" in page and "1 juni 2026" in page
    assert "2,0" not in page


def test_an_open_sessions_answers_never_show(
    client, praktijk, programma, programmateam, facilitator, sessie
):
    from condities import services
    from tests.condities.rapport_data import deelnemers, eerste_stellingen

    for deelnemer in deelnemers(sessie, 4):
        for stelling in eerste_stellingen(sessie).values():
            services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=5)
    client.force_login(programmateam)
    page = client.get(overzicht_url(programma)).text
    assert "Lerende praktijk Stein" in page
    assert "5,0" not in page and "Nog geen cijfers." in page


def test_the_told_my_story_trend_shows_only_quarters_with_k_forms(
    client, praktijk, programma, programmateam, settings
):
    settings.MIN_RESPONDENTEN = 3
    ede = PraktijkFactory(naam="Lerende praktijk Leusden", programma=programma)
    for keer in (2, 3, 7):  # last quarter: 3 forms, average 4.0
        reactie_op(praktijk, vorig_kwartaal(1), keer)
    reactie_op(praktijk, vorig_kwartaal(1), None)  # "don't know": no respondent
    for keer in (9, 9):  # the quarter before: 2 forms, hidden
        reactie_op(praktijk, vorig_kwartaal(2), keer)
    for keer in (1, 1, 1):  # this quarter is not over: not shown yet
        reactie_op(praktijk, timezone.now(), keer)
    for keer in (8, 8):  # Leusden: 2 forms
        reactie_op(ede, vorig_kwartaal(1), keer)

    rijen = {rij.praktijk.pk: rij for rij in selectors.programma_overzicht(programma=programma)}
    stein = rijen[praktijk.pk].verteld
    assert [k.cijfer and (k.cijfer.respondenten, k.cijfer.gemiddelde) for k in stein] == [
        None,
        None,
        None,
        (3, 4.0),
    ]
    assert all(k.cijfer is None for k in rijen[ede.pk].verteld)

    client.force_login(programmateam)
    page = client.get(overzicht_url(programma)).text
    assert "4,0" in page and "3 formulieren" in page
    assert "9,0" not in page and "8,0" not in page and "2 formulieren" not in page
    assert "1,0" not in page


def test_a_higher_threshold_hides_more(client, praktijk, programma, programmateam, settings):
    settings.MIN_RESPONDENTEN = 4
    for keer in (2, 3, 7):
        reactie_op(praktijk, vorig_kwartaal(1), keer)
    client.force_login(programmateam)
    page = client.get(overzicht_url(programma)).text
    assert "Lerende praktijk Stein" in page
    assert "4,0" not in page and "3 formulieren" not in page
    assert "minstens 4 mensen" in page


@pytest.mark.parametrize("n", [2, 10])
def test_the_overview_queries_do_not_grow_with_practices(
    client, programma, programmateam, n, django_assert_max_num_queries
):
    for i in range(n):
        praktijk = PraktijkFactory(programma=programma)
        ExperimentFactory(ontwerpvraag__praktijk=praktijk)
        sessie = SessieFactory(praktijk=praktijk, gesloten=True)
        ConditieScore.objects.create(
            praktijk=praktijk,
            sessie=sessie,
            bron=Sessie.Soort.WERKVORM,
            datum=datetime.date(2026, 5, 1),
            conditie="relatie",
            gemiddelde=Decimal("3.50"),
            respondenten=5,
        )
        for _ in range(3):
            reactie_op(praktijk, vorig_kwartaal(1), i + 1)
    client.force_login(programmateam)
    # session, user, programme, team check, practices, experiments, scores, carers' forms
    with django_assert_max_num_queries(8):
        response = client.get(overzicht_url(programma))
    assert response.status_code == 200
    assert response.text.count("lp-programma-praktijk") == n + 1  # the fixture's stein too


def test_the_team_finds_its_programme_on_the_start_page(client, programma, programmateam):
    ProgrammaTeamlidFactory(programma__naam="Een ander programma")
    client.force_login(programmateam)
    page = client.get(reverse("overzicht:home")).text
    assert "Jouw programma’s" in page
    assert f'href="{overzicht_url(programma)}"' in page and "In voor mantelzorg-thuis" in page
    assert "Een ander programma" not in page
    # No empty "your practices" list for a team member who is in no practice.
    assert "Jouw praktijken" not in page


def test_a_practice_member_sees_no_programme_on_the_start_page(client, programma, facilitator):
    client.force_login(facilitator)
    page = client.get(reverse("overzicht:home")).text
    assert "Jouw praktijken" in page and "Lerende praktijk Stein" in page
    assert "Jouw programma’s" not in page

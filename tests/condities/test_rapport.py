"""The report of a session and the practice's overview over time: every member reads them."""

import datetime

import pytest
from django.urls import reverse

from condities import services
from condities.models import Actie, Conditie, Inbreng, Sessie
from tests.condities.rapport_data import actie, deelnemers, eerste_stellingen, gesloten_sessie
from tests.factories import ExperimentFactory, OntwerpvraagFactory
from tests.permissions import assert_matrix, readers

pytestmark = pytest.mark.django_db


def rapport_url(sessie: Sessie) -> str:
    return reverse("condities:sessie_rapport", args=[sessie.praktijk.slug, sessie.pk])


def test_session_report_permissions(
    login_as, sessie, lid, kerngroeplid, facilitator, staff, outsider
):
    assert_matrix(login_as, rapport_url(sessie), readers())


def test_practice_report_permissions(
    login_as, praktijk, lid, kerngroeplid, facilitator, staff, outsider
):
    assert_matrix(login_as, reverse("condities:praktijk_rapport", args=["stein"]), readers())


def test_report_of_a_session_of_another_praktijk_is_404(client, sessie, andere_praktijk, outsider):
    client.force_login(outsider)
    url = reverse("condities:sessie_rapport", args=[andere_praktijk.slug, sessie.pk])
    assert client.get(url).status_code == 404


def test_unknown_session_is_404(client, praktijk, lid):
    client.force_login(lid)
    assert (
        client.get(reverse("condities:sessie_rapport", args=["stein", 999999])).status_code == 404
    )


def test_report_shows_every_condition_even_when_none_was_revealed(client, sessie, lid, facilitator):
    ontwerp = deelnemers(sessie, 3)
    for deelnemer in ontwerp:
        for stelling in eerste_stellingen(sessie).values():
            services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=4)
    assert sessie.onthuld == []
    client.force_login(facilitator)
    page = client.get(rapport_url(sessie)).text
    for label in ["Ambitie", "Belangen", "Relatie", "Organisatie", "Proces"]:
        assert f">{label}</h2>" in page
    assert "Deze werkvorm is nog open" in page
    # Nothing is released before the room saw it, not even to the facilitator.
    assert "nog niet laten zien" in page and "4,0" not in page
    services.sessie_reveal(sessie=sessie, condities=list(Conditie.values), by=facilitator)
    page = client.get(rapport_url(sessie)).text
    assert 'role="img"' in page and "<title" in page
    assert "4,0" in page


def test_a_member_sees_the_figures_of_an_open_session_only_once_revealed(
    client, sessie, lid, facilitator
):
    for deelnemer in deelnemers(sessie, 3):
        for stelling in eerste_stellingen(sessie).values():
            services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=4)
    client.force_login(lid)
    page = client.get(rapport_url(sessie)).text
    assert ">Ambitie</h2>" in page  # the report rendered, every condition named
    assert "nog niet laten zien" in page
    assert "4,0" not in page
    csv = client.get(reverse("condities:sessie_export_csv", args=["stein", sessie.pk])).text
    assert "Titel;" in csv and "4,0" not in csv

    services.sessie_reveal(sessie=sessie, condities=["ambitie"], by=facilitator)
    page = client.get(rapport_url(sessie)).text
    assert "4,0" in page
    csv = client.get(reverse("condities:sessie_export_csv", args=["stein", sessie.pk])).text
    assert "Ambitie;Iedereen;4,00" in csv and "Belangen;Iedereen" not in csv


def test_report_shows_group_averages_only_for_three_or_more(client, sessie, facilitator):
    stelling = eerste_stellingen(sessie)["proces"]
    for deelnemer in deelnemers(sessie, 2, groep="kerngroep"):
        services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=1)
    (anders,) = deelnemers(sessie, 1, groep="anders")  # with the core group: three in the rest
    services.antwoord_save(deelnemer=anders, stelling=stelling, score=3)
    for deelnemer in deelnemers(sessie, 3, groep="ontwerpgroep"):
        services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=5)
    services.sessie_reveal(sessie=sessie, condities=["proces"], by=facilitator)
    client.force_login(facilitator)
    response = client.get(rapport_url(sessie))
    assert response.status_code == 200
    page = response.text
    assert "Ontwerpgroep" in page
    assert "Kerngroep</th>" not in page  # no column for a group that is never big enough


def test_report_shows_the_largest_gaps_between_organisations(client, sessie, facilitator):
    stelling = eerste_stellingen(sessie)["belangen"]
    for deelnemer in deelnemers(sessie, 3, naam="Thuiszorg Hoog"):
        services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=5)
    for deelnemer in deelnemers(sessie, 3, naam="Welzijn Laag"):
        services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=2)
    for deelnemer in deelnemers(sessie, 2, naam="Huisarts Klein"):
        services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=1)
    (los,) = deelnemers(sessie, 1, naam="Wijkteam Los")  # with "Huisarts": three in the rest
    services.antwoord_save(deelnemer=los, stelling=stelling, score=3)
    services.sessie_reveal(sessie=sessie, condities=["belangen"], by=facilitator)
    client.force_login(facilitator)
    response = client.get(rapport_url(sessie))
    assert response.status_code == 200
    page = response.text
    assert "een verschil van 3,0 tussen Thuiszorg Hoog (5,0) en Welzijn Laag (2,0)" in page
    assert "Huisarts Klein" not in page


def test_report_never_shows_a_participants_name(client, sessie, lid):
    (deelnemer,) = deelnemers(sessie, 1)
    services.antwoord_save(
        deelnemer=deelnemer, stelling=eerste_stellingen(sessie)["ambitie"], score=2
    )
    client.force_login(lid)
    response = client.get(rapport_url(sessie))
    assert response.status_code == 200
    assert ">Ambitie</h2>" in response.text  # the report itself rendered
    assert deelnemer.naam not in response.text


def test_report_shows_the_discussion(client, sessie, praktijk, lid):
    experiment = ExperimentFactory(
        ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk), titel="Koffie-uur"
    )
    actie(sessie, "We kennen elkaars namen", soort=Actie.Soort.GOED)
    actie(
        sessie,
        "Kennismakingsronde bij de huisartsen",
        wie="Anouk",
        wanneer=datetime.date(2026, 11, 1),
        experiment=experiment,
    )
    client.force_login(lid)
    page = client.get(rapport_url(sessie)).text
    assert "We kennen elkaars namen" in page
    assert "Kennismakingsronde bij de huisartsen" in page
    assert "Wie: Anouk" in page and "1 november 2026" in page
    assert "Koffie-uur" in page


def test_a_session_without_answers_says_so(client, sessie, lid):
    client.force_login(lid)
    assert "Er zijn nog geen cijfers om te laten zien." in client.get(rapport_url(sessie)).text


def test_practice_report_lists_sessions_trend_and_actions(client, praktijk, facilitator, lid):
    eerste = gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, 3, 1), score=2)
    tweede = gesloten_sessie(
        praktijk,
        facilitator,
        datum=datetime.date(2026, 6, 1),
        score=4,
        soort="checkin",
        titel="Juni",
    )
    actie(tweede, "Samen de sociale kaart bijwerken", wie="Gemeente")
    client.force_login(lid)
    page = client.get(reverse("condities:praktijk_rapport", args=["stein"])).text
    assert rapport_url(eerste) in page and rapport_url(tweede) in page
    assert "lp-trend__svg" in page
    assert "2,0" in page and "4,0" in page
    assert "(check-in)" in page
    assert "Samen de sociale kaart bijwerken" in page
    assert reverse("condities:praktijk_export_xlsx", args=["stein"]) in page


def test_practice_report_without_sessions(client, praktijk, lid):
    client.force_login(lid)
    page = client.get(reverse("condities:praktijk_rapport", args=["stein"])).text
    assert "Er zijn nog geen scores" in page
    assert "Nog geen werkvormen of check-ins." in page


def test_practice_report_query_count_does_not_grow(
    client, praktijk, facilitator, lid, django_assert_max_num_queries
):
    client.force_login(lid)
    url = reverse("condities:praktijk_rapport", args=["stein"])
    gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, 1, 1))
    with django_assert_max_num_queries(6):
        client.get(url)
    for maand in range(2, 8):
        sessie = gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, maand, 1))
        actie(sessie, f"Stap {maand}")
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_session_report_does_a_fixed_number_of_queries(
    client, sessie, lid, n, django_assert_max_num_queries
):
    stellingen = eerste_stellingen(sessie)
    for deelnemer in deelnemers(sessie, n):
        for stelling in stellingen.values():
            services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=3)
    for i in range(n // 3):
        actie(sessie, f"Stap {i}")
        Inbreng.objects.create(
            sessie=sessie, conditie="ambitie", soort="goed", tekst=f"Idee {i}", status="goedgekeurd"
        )
    client.force_login(lid)
    # As before, plus the released state of the open session (read; on a step: savepoint, row
    # lock, write, release), plus the open answers from the room (one).
    with django_assert_max_num_queries(16):
        assert client.get(rapport_url(sessie)).status_code == 200

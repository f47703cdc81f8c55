"""Exports of a session and of a practice: aggregates only, safe in a spreadsheet, for members."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from condities import services
from condities.models import Actie
from condities.selectors import sessie_resultaten
from tests.condities.rapport_data import actie, deelnemers, eerste_stellingen, gesloten_sessie
from tests.permissions import assert_matrix, readers

pytestmark = pytest.mark.django_db

INJECTIE = '=HYPERLINK("https://kwaad.example","klik")'


def sessie_urls(sessie):
    return [
        reverse(f"condities:sessie_export_{soort}", args=[sessie.praktijk.slug, sessie.pk])
        for soort in ("csv", "xlsx")
    ]


def praktijk_urls():
    return [
        reverse(f"condities:praktijk_export_{soort}", args=["stein"]) for soort in ("csv", "xlsx")
    ]


def secties(response) -> dict[str, list[list[str]]]:
    """The CSV's tables by name: each table's rows, its header row first."""
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    tabellen, huidige = {}, None
    for row in rows:
        if not row:
            huidige = None
        elif huidige is None:
            huidige = tabellen.setdefault(row[0], [])
        else:
            huidige.append(row)
    return tabellen


@pytest.fixture
def beantwoord(sessie):
    """Four ontwerpgroep members (one says "weet ik niet") and three kerngroep members answered;
    ambitie is revealed; one action per kind."""
    stellingen = eerste_stellingen(sessie)
    for deelnemer, score in zip(
        deelnemers(sessie, 4, naam="Welzijn Stein"), [5, 4, 4, None], strict=True
    ):
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["ambitie"], score=score)
    for deelnemer, score in zip(
        deelnemers(sessie, 3, groep="kerngroep", naam="Gemeente Stein"), [1, 1, 2], strict=True
    ):
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["ambitie"], score=score)
    services.sessie_reveal(sessie=sessie, condities=["ambitie"], by=sessie.created_by)
    actie(sessie, "Elke maand samen koffie", soort=Actie.Soort.GOED, conditie="ambitie")
    actie(sessie, INJECTIE, wie="@Anouk", wanneer=datetime.date(2026, 12, 1), conditie="ambitie")
    return sessie


def test_session_export_permissions(
    login_as, sessie, lid, kerngroeplid, facilitator, staff, outsider
):
    for url in sessie_urls(sessie):
        assert_matrix(login_as, url, readers())


def test_practice_export_permissions(
    login_as, praktijk, lid, kerngroeplid, facilitator, staff, outsider
):
    for url in praktijk_urls():
        assert_matrix(login_as, url, readers())


def test_export_of_a_session_of_another_praktijk_is_404(client, sessie, andere_praktijk, outsider):
    client.force_login(outsider)
    for soort in ("csv", "xlsx"):
        url = reverse(f"condities:sessie_export_{soort}", args=["ede", sessie.pk])
        assert client.get(url).status_code == 404


def test_session_csv_while_open_has_the_numbers_of_the_report(client, beantwoord, lid):
    client.force_login(lid)
    csv_url, _xlsx = sessie_urls(beantwoord)
    response = client.get(csv_url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="condities-stein-2026-10-01-sessie-{beantwoord.pk}.csv"'
    )
    tabellen = secties(response)
    assert set(tabellen) == {
        "Werkvorm",
        "Scores",
        "Stellingen",
        "Organisaties",
        "Verschillen tussen organisaties",
        "Acties",
    }

    scores = tabellen["Scores"]
    assert scores[0] == [
        "Conditie",
        "Groep",
        "Gemiddelde",
        "Spreiding",
        "Respondenten",
        "Weet ik niet (antwoorden)",
    ]
    ambitie = next(c for c in sessie_resultaten(sessie=beantwoord).condities if c.code == "ambitie")
    iedereen = next(r for r in scores if r[:2] == ["Ambitie", "Iedereen"])
    assert iedereen == [
        "Ambitie",
        "Iedereen",
        f"{ambitie.totaal.gemiddelde:.2f}".replace(".", ","),
        f"{ambitie.totaal.spreiding:.2f}".replace(".", ","),
        "6",
        "1",
    ]
    assert iedereen[2] == "2,83"  # (5 + 4 + 4 + 1 + 1 + 2) / 6
    assert ["Ambitie", "Ontwerpgroep", "4,33", "0,47", "3", "1"] in scores
    assert ["Ambitie", "Kerngroep", "1,33", "0,47", "3", "0"] in scores
    # Only the conditions revealed so far: a member sees nothing of the others while it is open.
    assert {r[0] for r in scores[1:]} == {"Ambitie"}

    stellingen = tabellen["Stellingen"]
    assert stellingen[0][2:] == [
        "Score 1",
        "Score 2",
        "Score 3",
        "Score 4",
        "Score 5",
        "Weet ik niet",
        "Antwoorden",
        "Gemiddelde",
    ]
    eerste = next(r for r in stellingen if r[1] == eerste_stellingen(beantwoord)["ambitie"].tekst)
    assert eerste[2:] == ["2", "1", "0", "2", "1", "1", "6", "2,83"]
    assert ["Ambitie", "Welzijn Stein", "4,33", "0,47", "3"] in tabellen["Organisaties"]


def test_exports_never_contain_per_person_data(client, beantwoord, lid):
    client.force_login(lid)
    csv_url, xlsx_url = sessie_urls(beantwoord)
    csv_response, xlsx_response = client.get(csv_url), client.get(xlsx_url)
    assert csv_response.status_code == 200 and xlsx_response.status_code == 200
    text = csv_response.content.decode()
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_response.content))
    cellen = " ".join(
        str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row
    )
    # Positive control: the exports do hold this session's aggregate, and by group.
    stelling = eerste_stellingen(beantwoord)["ambitie"].tekst
    assert stelling in text and stelling in cellen
    assert "ontwerpgroep" in text.lower() and "ontwerpgroep" in cellen.lower()
    for deelnemer in beantwoord.deelnemers.all():
        assert deelnemer.naam not in text and deelnemer.naam not in cellen
    # Organisations only with their released figures, never with a person.
    assert "Welzijn Stein" in text and "Welzijn Stein" in cellen


def test_csv_cells_that_look_like_formulas_are_neutralised(client, beantwoord, lid):
    client.force_login(lid)
    tabellen = secties(client.get(sessie_urls(beantwoord)[0]))
    acties = tabellen["Acties"]
    assert acties[0][:6] == ["Conditie", "Soort", "Wat", "Trekker", "Status", "Klaar op"]
    stap = next(r for r in acties if r[1] == "Volgende stap")
    assert stap[2] == "'" + INJECTIE
    assert stap[3] == "'@Anouk"  # an older action: its free "who"
    assert stap[5] == "2026-12-01"


def test_session_xlsx_opens_with_the_expected_sheets_and_text_never_a_formula(
    client, beantwoord, lid
):
    client.force_login(lid)
    response = client.get(sessie_urls(beantwoord)[1])
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Werkvorm",
        "Scores",
        "Stellingen",
        "Organisaties",
        "Verschillen tussen organisaties",
        "Acties",
    ]

    rows = list(workbook["Scores"].iter_rows(values_only=True))
    iedereen = next(r for r in rows if r[:2] == ("Ambitie", "Iedereen"))
    assert iedereen[2] == 2.83 and iedereen[3] == pytest.approx(1.57, abs=0.01)
    assert iedereen[4:] == (6, 1)

    acties = workbook["Acties"]
    cel = next(c for row in acties.iter_rows() for c in row if c.value == INJECTIE)
    assert cel.data_type == "s"  # stored as text: Excel shows it, never runs it
    assert cel.quotePrefix


def test_practice_exports_have_all_scores_over_time_and_all_actions(
    client, praktijk, facilitator, lid
):
    maart = gesloten_sessie(
        praktijk, facilitator, datum=datetime.date(2026, 3, 1), score=2, titel="Maart"
    )
    juni = gesloten_sessie(
        praktijk,
        facilitator,
        datum=datetime.date(2026, 6, 1),
        score=4,
        soort="checkin",
        titel="Juni",
    )
    actie(maart, "Een gezamenlijke agenda", wie="Kerngroep")
    actie(juni, "Wat goed ging", soort=Actie.Soort.GOED)
    client.force_login(lid)
    csv_url, xlsx_url = praktijk_urls()

    response = client.get(csv_url)
    assert response["Content-Disposition"].startswith('attachment; filename="condities-stein-')
    tabellen = secties(response)
    scores = tabellen["Scores"]
    assert scores[0] == [
        "Datum",
        "Werkvorm",
        "Bron",
        "Conditie",
        "Groep",
        "Gemiddelde",
        "Spreiding",
        "Respondenten",
    ]
    assert ["2026-03-01", "Maart", "Werkvorm", "Ambitie", "Iedereen", "2,00", "0,00", "3"] in scores
    assert [
        "2026-06-01",
        "Juni",
        "Check-in",
        "Proces",
        "Ontwerpgroep",
        "4,00",
        "0,00",
        "3",
    ] in scores
    assert [r[0] for r in scores[1:]] == sorted(r[0] for r in scores[1:])
    acties = tabellen["Acties"]
    assert acties[0][:3] == ["Datum werkvorm", "Werkvorm", "Conditie"]
    assert [r[1] for r in acties[1:]] == ["Maart", "Juni"]

    workbook = openpyxl.load_workbook(io.BytesIO(client.get(xlsx_url).content))
    assert workbook.sheetnames == ["Scores", "Acties"]
    eerste = next(workbook["Scores"].iter_rows(min_row=2, values_only=True))
    assert eerste[0] == datetime.datetime(2026, 3, 1)
    assert eerste[5] == 2.0


def test_practice_export_of_another_practice_is_404(client, praktijk, outsider):
    client.force_login(outsider)
    for url in praktijk_urls():
        assert client.get(url).status_code == 404


def test_the_actions_export_names_owner_status_due_date_and_done_date(
    client, praktijk, facilitator, lid, eigen_organisatie
):
    from django.utils import timezone

    from tests.factories.netwerk import PersoonFactory

    sessie = gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, 3, 1), score=2)
    gerda = PersoonFactory(organisatie=eigen_organisatie, naam="Gerda Eigenaar")
    actie(
        sessie,
        "Samen een folder maken",
        eigenaar=gerda,
        wanneer=datetime.date(2026, 4, 1),
        status=Actie.Status.GEDAAN,
        gedaan_op=timezone.make_aware(datetime.datetime(2026, 3, 20, 10)),
    )
    actie(sessie, "Een agenda", eigenaar=gerda, status=Actie.Status.BEZIG)
    client.force_login(lid)
    for url, titel in [(praktijk_urls()[0], "Samen"), (sessie_urls(sessie)[0], "Samen")]:
        acties = secties(client.get(url))["Acties"]
        kop = acties[0]
        assert {"Trekker", "Status", "Klaar op", "Gedaan op"} <= set(kop)
        rijen = [dict(zip(kop, r, strict=True)) for r in acties[1:]]
        gedaan = next(r for r in rijen if r["Wat"].startswith(titel))
        assert gedaan["Trekker"] == "Gerda Eigenaar"
        assert gedaan["Status"] == "Gedaan"
        assert gedaan["Klaar op"] == "2026-04-01"
        assert gedaan["Gedaan op"] == "2026-03-20"
        bezig = next(r for r in rijen if r["Wat"] == "Een agenda")
        assert (bezig["Status"], bezig["Klaar op"], bezig["Gedaan op"]) == ("Bezig", "", "")
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(praktijk_urls()[1]).content))
    cellen = [c for row in workbook["Acties"].iter_rows(values_only=True) for c in row]
    assert "Gerda Eigenaar" in cellen and "Gedaan" in cellen

"""Exports for the practice's report: CSV and XLSX, contact details and notes left out."""

import io

import pytest
from openpyxl import load_workbook

from condities.models import Conditie
from tests.factories import (
    ExperimentFactory,
    OntwerpvraagFactory,
    ReactieConditieFactory,
    ReactieFactory,
)
from tests.mantelzorg.helpers import url

pytestmark = pytest.mark.django_db

GEHEIM = ["Anna de Vries", "anna@voorbeeld.example", "06 12345678", "Interne notitie"]


@pytest.fixture
def reacties(praktijk, andere_praktijk):
    experiment = ExperimentFactory(
        ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk), titel="Tien minuten samen"
    )
    met_contact = ReactieFactory(
        praktijk=praktijk,
        wat_gaat_goed='=HYPERLINK("http://spam.example")',
        meer_van="+31 belletje",
        kan_beter="@SUM(A1)",
        keer_verteld=None,
        experiment=experiment,
        relatie="ouder",
        contact_toestemming=True,
        naam="Anna de Vries",
        email="anna@voorbeeld.example",
        telefoon="06 12345678",
        interne_notitie="Interne notitie",
    )
    ReactieConditieFactory(reactie=met_contact, conditie=Conditie.RELATIE)
    ReactieFactory(praktijk=praktijk, wat_gaat_goed="Gewoon goed", keer_verteld=4, deelbaar=True)
    ReactieFactory(praktijk=andere_praktijk, wat_gaat_goed="Alleen Ede")


def test_the_csv_has_every_reaction_without_contact_details(client, facilitator, reacties):
    client.force_login(facilitator)
    response = client.get(url("export_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    assert 'filename="mantelzorgers-stein-' in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = text.strip().split("\r\n")
    assert rows[0].startswith("Datum;Status;Wat gaat goed;")
    assert len(rows) == 3
    for geheim in GEHEIM:
        assert geheim not in text
    assert "Alleen Ede" not in text
    assert "Tien minuten samen" in text and "Relatie" in text and "weet ik niet" in text
    assert "Mijn vader of moeder" in text


def test_the_csv_neutralises_formulas(client, facilitator, reacties):
    client.force_login(facilitator)
    text = client.get(url("export_csv")).content.decode("utf-8-sig")
    assert ';"\'=HYPERLINK(""http://spam.example"")";' in text
    assert ";'+31 belletje;" in text
    assert ";'@SUM(A1);" in text


def test_the_xlsx_has_every_reaction_as_text_without_contact_details(client, facilitator, reacties):
    client.force_login(facilitator)
    response = client.get(url("export_xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    waarden = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert waarden[0][:3] == ["Datum", "Status", "Wat gaat goed"]
    assert len(waarden) == 3
    platte_tekst = " ".join(str(v) for row in waarden for v in row if v is not None)
    for geheim in GEHEIM:
        assert geheim not in platte_tekst
    formule = sheet.cell(row=2, column=3)
    assert formule.data_type == "s" and formule.quotePrefix
    assert sheet.cell(row=3, column=6).value == 4

"""A member opens what taking part yielded for their organisation, on a phone and on a wide
screen, with the indicator's chart, and finds the PDF to hand to a manager; then adds a
measurement on the experiment's page."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.factories import (
    ExperimentFactory,
    IndicatorFactory,
    MetingFactory,
    OpbrengstFactory,
    TussenstapFactory,
)


@pytest.fixture
def experiment(praktijk, eigen_organisatie):
    experiment = ExperimentFactory(
        ontwerpvraag__praktijk=praktijk, titel="Huisartsen en mantelzorg"
    )
    experiment.organisaties.add(eigen_organisatie)
    TussenstapFactory(experiment=experiment, wat="Kennismaking met de POH")
    OpbrengstFactory(experiment=experiment, beschrijving="De POH belt het steunpunt direct.")
    indicator = IndicatorFactory(experiment=experiment, naam="Verwijzingen per kwartaal")
    MetingFactory(indicator=indicator, datum=datetime.date(2026, 3, 31), waarde=Decimal("12"))
    MetingFactory(indicator=indicator, datum=datetime.date(2026, 6, 30), waarde=Decimal("18"))
    return experiment


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("breedte", [320, 1280])
def test_member_opens_the_organisations_yield_page(
    page, live_server, lid, eigen_organisatie, experiment, log_in, breedte
):
    page.set_viewport_size({"width": breedte, "height": 900})
    log_in(page.context, lid)
    page.goto(f"{live_server.url}/p/stein/organisaties/{eigen_organisatie.pk}/")
    page.get_by_role("link", name="Wat meedoen deze organisatie oplevert").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Wat levert het op: Steunpunt Mantelzorg Stein"
    )
    expect(page.get_by_role("heading", name="Huisartsen en mantelzorg")).to_be_visible()
    expect(page.get_by_text("De POH belt het steunpunt direct.")).to_be_visible()
    expect(page.get_by_role("img", name="Verwijzingen per kwartaal")).to_be_visible()
    expect(page.get_by_role("heading", name="Banden toen en nu")).to_be_visible()
    pdf = page.get_by_role("link", name="Downloaden als pdf")
    expect(pdf).to_have_attribute(
        "href", f"/p/stein/organisaties/{eigen_organisatie.pk}/opbrengst.pdf"
    )
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= breedte
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_member_adds_a_measurement_and_sees_it_in_the_table(
    page, live_server, lid, experiment, log_in
):
    log_in(page.context, lid)
    page.goto(f"{live_server.url}/p/stein/experimenten/{experiment.pk}/")
    page.get_by_role("link", name="Meting toevoegen bij “Verwijzingen per kwartaal”").click()
    assert_accessible(page)
    page.get_by_label("Datum").fill("2026-09-30")
    page.get_by_label("Waarde").fill("23")
    page.get_by_label("Toelichting").fill("Na de folder")
    page.get_by_role("button", name="Meting toevoegen").click()
    tabel = page.get_by_role("table", name="Metingen van “Verwijzingen per kwartaal”")
    expect(tabel).to_contain_text("30 september 2026")
    expect(tabel).to_contain_text("Na de folder")
    assert_accessible(page)

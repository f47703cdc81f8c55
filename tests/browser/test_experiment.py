"""A member whose organisation takes part opens an experiment and adds a small step, live."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from experimenten.models import Fase, Niveau
from tests.browser.axe import assert_accessible
from tests.factories import ExperimentFactory, OntwerpvraagFactory, TussenstapFactory


@pytest.fixture
def experiment(praktijk, eigen_organisatie):
    vraag = OntwerpvraagFactory(
        praktijk=praktijk, vraag="Hoe kunnen we huisartsen bewust maken van mantelzorgers?"
    )
    experiment = ExperimentFactory(
        ontwerpvraag=vraag,
        titel="Huisartsen en mantelzorg",
        niveau=Niveau.TUSSEN_PROFESSIONALS,
        fase=Fase.VERWEZENLIJKEN,
    )
    experiment.organisaties.add(eigen_organisatie)
    TussenstapFactory(
        experiment=experiment, datum=datetime.date(2026, 1, 12), wat="Kennismaking met de POH"
    )
    ExperimentFactory(ontwerpvraag=vraag, titel="Mantelzorgers in de buurt", niveau=Niveau.BUURT)
    return experiment


@pytest.mark.django_db(transaction=True)
def test_lid_adds_a_small_step_that_appears_on_top_without_reload(
    page, live_server, client, lid, experiment, log_in
):
    log_in(page.context, lid)

    page.goto(f"{live_server.url}/p/stein/experimenten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Experimenten")
    assert_accessible(page)

    # The filter updates the results in place and puts the choice in the address.
    page.get_by_label("Niveau").select_option(Niveau.BUURT)
    resultaten = page.locator("#resultaten")
    expect(resultaten.get_by_role("link", name="Mantelzorgers in de buurt")).to_be_visible()
    expect(resultaten.get_by_role("link", name="Huisartsen en mantelzorg")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/p/stein/experimenten/\?(.*&)?niveau=buurt"))
    page.get_by_label("Niveau").select_option("")
    resultaten.get_by_role("link", name="Huisartsen en mantelzorg").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Huisartsen en mantelzorg")
    expect(page.locator('[aria-current="step"]')).to_contain_text("Verwezenlijken")
    assert_accessible(page)

    page.evaluate("window.geenHerlaad = true")
    page.get_by_label("Wat er gebeurde").fill("Alle huisartsen hebben de folder gekregen")
    page.get_by_label("Wie").fill("Lotte")
    page.get_by_role("button", name="Tussenstapje toevoegen").click()

    eerste = page.locator("#tijdlijn li").first
    expect(eerste).to_contain_text("Alle huisartsen hebben de folder gekregen")
    expect(page.locator("#tijdlijn li")).to_have_count(2)
    expect(page.locator("#tijdlijn li").nth(1)).to_contain_text("Kennismaking met de POH")
    # Same page: no reload happened, and the small form is empty for the next step.
    assert page.evaluate("window.geenHerlaad") is True
    expect(page.get_by_label("Wat er gebeurde")).to_have_value("")
    assert experiment.stappen.count() == 2
    assert_accessible(page)

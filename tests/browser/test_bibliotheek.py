"""The library of lessons: Stein's core group shares an experiment from its page; a member of Ede,
in the same programme, finds it by filtering on level, on a 320 px phone and a 1280 px screen
(htmx swaps the results in place), and opens it. Axe on each page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from experimenten.models import Experiment, Niveau
from praktijken.models import Rol
from tests.browser.axe import assert_accessible
from tests.factories import (
    ExperimentFactory,
    LidmaatschapFactory,
    OntwerpvraagFactory,
    OrganisatieFactory,
    PersoonFactory,
    PraktijkFactory,
    ProgrammaFactory,
    UserFactory,
)


def _no_sideways_scroll(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.django_db(transaction=True)
def test_a_member_of_another_practice_finds_a_shared_lesson_by_level(
    page, live_server, log_in, width
):
    programma = ProgrammaFactory(slug="in-voor-mantelzorg-thuis", naam="In voor mantelzorg-thuis")
    stein = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein", programma=programma)
    ede = PraktijkFactory(slug="ede", naam="Lerende praktijk Ede", programma=programma)
    vraag = OntwerpvraagFactory(praktijk=stein, vraag="Hoe zien huisartsen de mantelzorger?")
    les = ExperimentFactory(
        ontwerpvraag=vraag,
        titel="Huisartsen zien de mantelzorger",
        niveau=Niveau.TUSSEN_PROFESSIONALS,
        status=Experiment.Status.AFGEROND,
        resultaat="Twee praktijken doen mee.",
        lessen="Begin bij de praktijkondersteuner.",
        tip="Nodig uit voor koffie, niet voor een vergadering.",
        eigenaar=PersoonFactory(organisatie=OrganisatieFactory(), naam="Anja Eigenaar"),
    )
    ExperimentFactory(
        ontwerpvraag=vraag,
        titel="Koffie in de buurt",
        niveau=Niveau.BUURT,
        lessen="Een vaste tafel werkt.",
        gedeeld_op=timezone.now(),
    )
    kern = UserFactory(email="kern@stein.example")
    LidmaatschapFactory(praktijk=stein, user=kern, rol=Rol.KERNGROEPLID)
    lid = UserFactory(email="lid@ede.example")
    LidmaatschapFactory(praktijk=ede, user=lid, rol=Rol.LID)
    page.set_viewport_size({"width": width, "height": 900})

    # Stein's core group shares the experiment from its own page.
    log_in(page.context, kern)
    page.goto(live_server.url + f"/p/stein/experimenten/{les.pk}/")
    paneel = page.locator("#delen")
    expect(paneel).to_contain_text("Zij zien nooit:")
    _no_sideways_scroll(page, width)
    assert_accessible(page)
    paneel.get_by_role("button", name="Delen met het programma").click()
    expect(
        page.get_by_text("Het experiment staat nu in de bibliotheek van het programma.")
    ).to_be_visible()
    expect(page.locator("#delen")).to_contain_text("Gedeeld met de andere praktijken")
    les.refresh_from_db()
    assert les.gedeeld_op is not None

    # A member of Ede finds it in the library by its level.
    page.context.clear_cookies()
    log_in(page.context, lid)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Bibliotheek van lessen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bibliotheek van lessen")
    resultaten = page.locator("#resultaten")
    expect(resultaten).to_contain_text("Koffie in de buurt")
    expect(resultaten).to_contain_text("Huisartsen zien de mantelzorger")
    _no_sideways_scroll(page, width)
    assert_accessible(page)

    page.evaluate("window.zelfdePagina = true")
    page.get_by_label("Niveau").select_option(Niveau.TUSSEN_PROFESSIONALS)
    expect(resultaten).not_to_contain_text("Koffie in de buurt")
    expect(resultaten).to_contain_text("Huisartsen zien de mantelzorger")
    assert page.evaluate("window.zelfdePagina === true")  # htmx: no reload
    assert "niveau=tussen_professionals" in page.url  # the address keeps the filter
    _no_sideways_scroll(page, width)
    assert_accessible(page)

    resultaten.get_by_role("link", name="Huisartsen zien de mantelzorger").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Huisartsen zien de mantelzorger")
    expect(page.get_by_text("Begin bij de praktijkondersteuner.")).to_be_visible()
    expect(page.get_by_text("Nodig uit voor koffie, niet voor een vergadering.")).to_be_visible()
    expect(page.get_by_text("Een experiment van Lerende praktijk Stein")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Anja Eigenaar")
    _no_sideways_scroll(page, width)
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_the_level_filter_works_without_javascript(browser, live_server, log_in):
    programma = ProgrammaFactory(slug="in-voor-mantelzorg-thuis")
    stein = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein", programma=programma)
    vraag = OntwerpvraagFactory(praktijk=stein)
    nu = timezone.now()
    ExperimentFactory(
        ontwerpvraag=vraag,
        titel="Aan de keukentafel",
        niveau=Niveau.ACHTER_DE_VOORDEUR,
        gedeeld_op=nu,
    )
    ExperimentFactory(
        ontwerpvraag=vraag, titel="Koffie in de buurt", niveau=Niveau.BUURT, gedeeld_op=nu
    )
    lid = UserFactory(email="lid@stein.example")
    LidmaatschapFactory(praktijk=stein, user=lid, rol=Rol.LID)
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    log_in(context, lid)
    page = context.new_page()
    page.goto(live_server.url + "/bibliotheek/")
    page.get_by_label("Niveau").select_option(Niveau.BUURT)
    page.get_by_role("button", name="Tonen").click()
    resultaten = page.locator("#resultaten")
    expect(resultaten).to_contain_text("Koffie in de buurt")
    expect(resultaten).not_to_contain_text("Aan de keukentafel")
    context.close()

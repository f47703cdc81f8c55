"""The programme team logs in, reads the overview across its practices on a 320 px phone and
on a projector-wide screen, starts a practice and invites its first facilitator, who sets up an
account from the email and runs the practice. Axe on each page."""

import re

import pytest
from playwright.sync_api import expect

from praktijken.models import Lidmaatschap, Praktijk, Rol
from tests.browser.axe import assert_accessible
from tests.factories import (
    ExperimentFactory,
    PraktijkFactory,
    ProgrammaFactory,
    ProgrammaTeamlidFactory,
    UserFactory,
)
from tests.factories.netwerk import PASSWORD

PHONE = {"width": 320, "height": 800}
WIDE = {"width": 1280, "height": 800}


def _no_sideways_scroll(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.django_db(transaction=True)
def test_team_reads_the_overview_and_starts_a_practice_with_its_facilitator(
    page, browser, browser_context_args, live_server, mailoutbox, settings
):
    settings.SITE_URL = live_server.url
    programma = ProgrammaFactory(slug="in-voor-mantelzorg-thuis", naam="In voor mantelzorg-thuis")
    stein = PraktijkFactory(
        slug="stein",
        naam="Lerende praktijk Stein",
        kernthema="Samen sterk op eigen wijze",
        programma=programma,
    )
    ExperimentFactory(ontwerpvraag__praktijk=stein)
    team = UserFactory(email="team@invoormantelzorg.example", name="Tessa Terpstra")
    ProgrammaTeamlidFactory(programma=programma, user=team)

    # The team member logs in and finds the programme on the start page.
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("textbox", name=re.compile(r"^E-mail")).fill(team.email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Jouw programma’s")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="In voor mantelzorg-thuis").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("In voor mantelzorg-thuis")
    expect(page.get_by_role("heading", name="Lerende praktijk Stein")).to_be_visible()
    expect(page.get_by_text("Samen sterk op eigen wijze")).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Programma")
    ).to_be_visible()
    _no_sideways_scroll(page, PHONE["width"])
    assert_accessible(page)
    page.set_viewport_size(WIDE)
    _no_sideways_scroll(page, WIDE["width"])
    assert_accessible(page)

    # Starting a practice: a short name in use gets a clear message, the rest is kept.
    page.set_viewport_size(PHONE)
    page.get_by_role("link", name="Een praktijk starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Een praktijk starten")
    _no_sideways_scroll(page, PHONE["width"])
    assert_accessible(page)
    page.get_by_label("Naam", exact=True).fill("Lerende praktijk Leusden")
    page.get_by_label("Korte naam in het webadres").fill("stein")
    page.get_by_label("Gemeente").fill("Leusden")
    page.get_by_label("Kernthema").fill("Samen zorgen, samen sterk")
    page.get_by_label("E-mailadres van de eerste facilitator").fill("fenna@leusden.example")
    page.get_by_label("Naam van de eerste facilitator").fill("Fenna Facilitator")
    page.get_by_role("button", name="Praktijk starten en uitnodiging versturen").click()
    expect(page.get_by_text("Een andere praktijk heeft deze korte naam al.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Korte naam in het webadres").fill("leusden")
    page.get_by_role("button", name="Praktijk starten en uitnodiging versturen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("In voor mantelzorg-thuis")
    expect(page.get_by_text("Lerende praktijk Leusden is gestart.")).to_be_visible()
    expect(page.get_by_role("heading", name="Lerende praktijk Leusden")).to_be_visible()
    assert_accessible(page)
    assert Praktijk.objects.get(slug="leusden").programma == programma

    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/uitnodiging/\S+/", mailoutbox[0].body).group(0)

    # The facilitator opens the link in their own browser and runs the new practice.
    context = browser.new_context(**browser_context_args)
    try:
        facilitator = context.new_page()
        facilitator.goto(link)
        expect(facilitator.get_by_role("heading", level=1)).to_have_text(
            "Uitnodiging voor Lerende praktijk Leusden"
        )
        assert_accessible(facilitator)
        facilitator.get_by_label("Je naam").fill("Fenna Facilitator")
        facilitator.get_by_label("Wachtwoord", exact=True).fill("Samen-zorgen-in-Leusden-1")
        facilitator.get_by_label("Wachtwoord nog een keer").fill("Samen-zorgen-in-Leusden-1")
        facilitator.get_by_role("button", name="Account maken en meedoen").click()
        expect(facilitator.get_by_role("heading", level=1)).to_have_text("Lerende praktijk Leusden")
        assert_accessible(facilitator)
    finally:
        context.close()

    lidmaatschap = Lidmaatschap.objects.get(praktijk__slug="leusden")
    assert lidmaatschap.rol == Rol.FACILITATOR
    assert lidmaatschap.user.email == "fenna@leusden.example"
    # The team member who started it is no member of it.
    assert not Lidmaatschap.objects.filter(user=team).exists()


@pytest.mark.django_db(transaction=True)
def test_team_invites_the_first_facilitator_of_a_practice_without_one(
    page, live_server, log_in, mailoutbox, settings
):
    settings.SITE_URL = live_server.url
    programma = ProgrammaFactory(slug="in-voor-mantelzorg-thuis", naam="In voor mantelzorg-thuis")
    PraktijkFactory(slug="ede", naam="Lerende praktijk Ede", programma=programma)
    team = UserFactory(email="team@invoormantelzorg.example")
    ProgrammaTeamlidFactory(programma=programma, user=team)
    log_in(page.context, team)
    page.set_viewport_size(PHONE)

    page.goto(live_server.url + "/programma/in-voor-mantelzorg-thuis/")
    expect(page.get_by_text("Nog geen facilitator.")).to_be_visible()
    page.get_by_role("link", name="De eerste facilitator uitnodigen (Lerende praktijk Ede)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("De eerste facilitator uitnodigen")
    _no_sideways_scroll(page, PHONE["width"])
    assert_accessible(page)
    page.get_by_label("E-mailadres van de eerste facilitator").fill("bram@ede.example")
    page.get_by_label("Naam van de eerste facilitator").fill("Bram de Vries")
    page.get_by_role("button", name="Uitnodiging versturen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("In voor mantelzorg-thuis")
    expect(
        page.get_by_text("De eerste facilitator van Lerende praktijk Ede is uitgenodigd.")
    ).to_be_visible()
    expect(page.get_by_text("is uitgenodigd en heeft zich nog niet aangemeld")).to_be_visible()
    assert_accessible(page)
    assert [m.to for m in mailoutbox] == [["bram@ede.example"]]

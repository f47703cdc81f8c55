"""A facilitator invites a district nurse, who sets up an account from the email and joins."""

import re

import pytest
from playwright.sync_api import expect

from netwerk.models import Persoon
from praktijken.models import Lidmaatschap, Rol
from tests.browser.axe import assert_accessible
from tests.factories import (
    DeelnameFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PraktijkFactory,
    UserFactory,
)
from tests.factories.netwerk import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_facilitator_invites_a_district_nurse_who_sets_a_password_and_joins(
    page, browser, browser_context_args, live_server, mailoutbox, settings
):
    settings.SITE_URL = live_server.url
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    DeelnameFactory(praktijk=praktijk, organisatie=OrganisatieFactory(naam="Wijkverpleging Stein"))
    facilitator = UserFactory(email="adviseur@stein.example", name="Anouk Adviseur")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)

    # The facilitator logs in with a password and lands on the practice.
    page.goto(live_server.url + "/accounts/login/")
    # allauth's label is "E-mail" or "E-mailadres", depending on the catalogue.
    page.get_by_role("textbox", name=re.compile(r"^E-mail")).fill(facilitator.email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lerende praktijk Stein")
    assert_accessible(page)

    page.get_by_role("navigation", name="Menu van de praktijk").get_by_role(
        "link", name="Leden"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leden")
    assert_accessible(page)

    page.get_by_role("link", name="Iemand uitnodigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Iemand uitnodigen")
    assert_accessible(page)
    page.get_by_label("E-mailadres").fill("wijkverpleegkundige@zorg.example")
    page.get_by_label("Naam").fill("Wendy Wijk")
    page.get_by_role("radio", name="Lid", exact=True).check()
    page.get_by_label("Organisatie").select_option(label="Wijkverpleging Stein")
    page.get_by_role("button", name="Uitnodiging versturen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Leden")
    expect(
        page.get_by_text("De uitnodiging is onderweg naar wijkverpleegkundige@zorg.example.")
    ).to_be_visible()
    expect(
        page.get_by_role("row", name=re.compile("wijkverpleegkundige@zorg.example"))
    ).to_contain_text("Open")
    assert_accessible(page)

    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/uitnodiging/\S+/", mailoutbox[0].body).group(0)
    assert link.startswith(live_server.url)

    # The invitee opens the link in their own browser.
    context = browser.new_context(**browser_context_args)
    try:
        invitee = context.new_page()
        invitee.goto(link)
        expect(invitee.get_by_role("heading", level=1)).to_have_text(
            "Uitnodiging voor Lerende praktijk Stein"
        )
        expect(invitee.get_by_text("Anouk Adviseur")).to_be_visible()
        assert_accessible(invitee)

        invitee.get_by_label("Je naam").fill("Wendy de Wijkverpleegkundige")
        invitee.get_by_label("Wachtwoord", exact=True).fill("Samen-zorgen-in-Stein-1")
        invitee.get_by_label("Wachtwoord nog een keer").fill("Samen-zorgen-in-Stein-1")
        invitee.get_by_role("button", name="Account maken en meedoen").click()

        expect(invitee).to_have_url(live_server.url + praktijk.get_absolute_url())
        expect(invitee.get_by_role("heading", level=1)).to_have_text("Lerende praktijk Stein")
        expect(invitee.get_by_text("Welkom bij Lerende praktijk Stein.")).to_be_visible()
        assert_accessible(invitee)

        # As a member of the design group she keeps her own organisation's entry up to date.
        invitee.get_by_role("main").get_by_role("link", name="Wijkverpleging Stein").click()
        invitee.get_by_role("link", name="Gegevens aanpassen").click()
        assert_accessible(invitee)
        invitee.get_by_label("Telefoon").first.fill("046 123 99 88")
        invitee.get_by_role("button", name="Opslaan").click()
        expect(invitee.get_by_role("heading", level=1)).to_have_text("Wijkverpleging Stein")
        expect(invitee.get_by_role("main")).to_contain_text("046 123 99 88")
    finally:
        context.close()

    lidmaatschap = Lidmaatschap.objects.get(user__email="wijkverpleegkundige@zorg.example")
    assert lidmaatschap.rol == Rol.LID
    persoon = Persoon.objects.get(user=lidmaatschap.user)
    assert persoon.organisatie.naam == "Wijkverpleging Stein"

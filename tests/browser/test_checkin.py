"""A facilitator sends a check-in; a member answers by the personal link from the email."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from condities.models import OpenVraag, Stelling, Stellingenset
from condities.standaardset import standaardset_create
from praktijken.models import Rol
from tests.browser.axe import assert_accessible
from tests.factories import (
    DeelnameFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    PraktijkFactory,
    UserFactory,
)


def log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _standaardset() -> None:
    # A transactional test may run after another one emptied the tables the migration filled.
    if not Stellingenset.objects.filter(praktijk__isnull=True).exists():
        standaardset_create(
            stellingenset_model=Stellingenset, stelling_model=Stelling, open_vraag_model=OpenVraag
        )


@pytest.mark.django_db(transaction=True)
def test_facilitator_sends_a_check_in_and_sees_who_answered(
    page, browser, browser_context_args, live_server, mailoutbox, settings
):
    settings.SITE_URL = live_server.url
    _standaardset()
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    organisatie = OrganisatieFactory(naam="Steunpunt Mantelzorg Stein")
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    facilitator = UserFactory(email="adviseur@stein.example", name="Anouk Adviseur")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    lid = UserFactory(email="consulent@stein.example", name="Lotte Lid")
    LidmaatschapFactory(praktijk=praktijk, user=lid, rol=Rol.LID)
    PersoonFactory(user=lid, organisatie=organisatie, naam="Lotte Lid", email=lid.email)
    log_in(page, live_server, facilitator)

    page.goto(live_server.url + "/p/stein/sessies/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvormen over de vijf condities")
    assert_accessible(page)

    page.get_by_role("link", name="Nieuwe check-in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe check-in")
    expect(page.get_by_role("checkbox", name=re.compile("Lotte Lid"))).to_be_checked()
    assert_accessible(page)
    page.get_by_text("Alleen een paar stellingen vragen").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Check-in na de zomer")
    page.get_by_label("Hoeveel dagen tussen de herinneringen?").fill("5")
    page.get_by_role("button", name="Check-in versturen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Reacties: Check-in na de zomer")
    expect(page.get_by_text("De check-in is onderweg naar 2 mensen.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Lotte Lid"))).to_contain_text("nog niet")
    assert_accessible(page)

    mail = next(m for m in mailoutbox if m.to == [lid.email])
    link = re.search(r"https?://\S+/checkin/[\w-]+/", mail.body).group(0)
    assert link.startswith(live_server.url)

    # The member opens the link in their own browser, without logging in.
    context = browser.new_context(**browser_context_args)
    try:
        member = context.new_page()
        member.goto(link)
        expect(member.get_by_role("heading", level=1)).to_contain_text("Ambitie")
        assert_accessible(member)
        eerste = member.locator("fieldset.lp-stelling").first
        eerste.get_by_label("4", exact=True).check()
        expect(eerste.get_by_role("status")).to_have_text("Opgeslagen")
        expect(member.get_by_text(re.compile(r"1 van \d+ beantwoord"))).to_be_visible()
        assert_accessible(member)
    finally:
        context.close()

    page.reload()
    expect(page.get_by_role("row", name=re.compile("Lotte Lid"))).to_contain_text("beantwoord")
    expect(page.get_by_role("row", name=re.compile("Anouk Adviseur"))).to_contain_text("nog niet")
    assert_accessible(page)

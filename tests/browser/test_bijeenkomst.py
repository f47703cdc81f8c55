"""A core group member plans a meeting and sees it on the dashboard as the next one."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from netwerk.models import Groep
from praktijken.models import Rol
from tests.browser.axe import assert_accessible
from tests.factories import (
    BijeenkomstFactory,
    DeelnameFactory,
    ExperimentFactory,
    LidmaatschapFactory,
    OntwerpvraagFactory,
    OrganisatieFactory,
    PersoonFactory,
    PraktijkFactory,
    UserFactory,
)


@pytest.mark.django_db(transaction=True)
def test_core_group_member_plans_a_meeting_and_sees_it_on_the_dashboard(page, live_server, log_in):
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    DeelnameFactory(
        praktijk=praktijk,
        organisatie=OrganisatieFactory(naam="Gemeente Stein"),
        groep=Groep.KERNGROEP,
    )
    DeelnameFactory(praktijk=praktijk, organisatie=OrganisatieFactory(naam="Huisartsen Stein"))
    ExperimentFactory(
        ontwerpvraag=OntwerpvraagFactory(
            praktijk=praktijk, vraag="Hoe kunnen we huisartsen bewust maken van mantelzorgers?"
        )
    )
    kerngroeplid = UserFactory(email="kerngroep@stein.example", name="Karin Kerngroep")
    LidmaatschapFactory(praktijk=praktijk, user=kerngroeplid, rol=Rol.KERNGROEPLID)
    log_in(page.context, kerngroeplid)

    page.goto(live_server.url + "/p/stein/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lerende praktijk Stein")
    expect(page.get_by_text("Er is nog geen bijeenkomst gepland.")).to_be_visible()
    expect(page.get_by_role("table")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("main").get_by_role("link", name="Bijeenkomst plannen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijeenkomst plannen")
    assert_accessible(page)

    dag = timezone.localdate() + datetime.timedelta(days=7)
    page.get_by_label("Titel").fill("Ontwerpgroep: experimenten kiezen")
    page.get_by_label("Soort").select_option(label="Ontwerpgroep")
    page.get_by_label("Begint om").fill(f"{dag.isoformat()}T14:00")
    page.get_by_label("Eindigt om").fill(f"{dag.isoformat()}T12:00")  # a slip: before the start
    page.get_by_label("Locatie").fill("Gemeentehuis Stein")
    page.get_by_label("Wie plant de bijeenkomst").fill("Karin (gemeente)")
    page.get_by_label("Wie maakt het verslag").fill("Marloes (steunpunt)")
    page.get_by_label("Agenda").fill("Opening\nDrie experimenten kiezen")
    page.get_by_role("button", name="Opslaan").click()

    expect(
        page.get_by_text("De bijeenkomst kan niet eindigen voordat hij begint.").first
    ).to_be_visible()
    expect(page.get_by_label("Wie maakt het verslag")).to_have_value("Marloes (steunpunt)")
    assert_accessible(page)

    page.get_by_label("Eindigt om").fill(f"{dag.isoformat()}T16:00")
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ontwerpgroep: experimenten kiezen")
    expect(page.get_by_text("De bijeenkomst is gepland.")).to_be_visible()
    expect(page.get_by_text("Karin (gemeente)")).to_be_visible()
    expect(page.get_by_text("Marloes (steunpunt)")).to_be_visible()
    expect(page.get_by_role("link", name="Zet in mijn agenda (.ics)")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Menu van de praktijk").get_by_role(
        "link", name="Overzicht"
    ).click()
    volgende = page.get_by_role("region", name="Volgende bijeenkomst")
    expect(volgende.get_by_role("link", name="Ontwerpgroep: experimenten kiezen")).to_be_visible()
    expect(volgende.get_by_text("Gemeentehuis Stein")).to_be_visible()
    expect(volgende.get_by_text("Ontwerpgroep", exact=True)).to_be_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_member_tells_a_story_and_every_practice_page_is_accessible(page, live_server, log_in):
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    vraag = OntwerpvraagFactory(
        praktijk=praktijk, vraag="Hoe kunnen we huisartsen bewust maken van mantelzorgers?"
    )
    ExperimentFactory(ontwerpvraag=vraag, titel="Huisartsen en mantelzorg")
    lid = UserFactory(email="lid@stein.example", name="Lotte Lid")
    LidmaatschapFactory(praktijk=praktijk, user=lid, rol=Rol.LID)
    log_in(page.context, lid)

    page.goto(live_server.url + "/p/stein/bijeenkomsten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijeenkomsten")
    assert_accessible(page)

    page.goto(live_server.url + "/p/stein/ontwerpvragen/")
    assert_accessible(page)
    page.get_by_role("link", name=vraag.vraag).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(vraag.vraag)
    assert_accessible(page)

    page.get_by_role("link", name="Vertel een verhaal bij deze vraag").click()
    expect(page.get_by_label("Ontwerpvraag")).to_have_value(str(vraag.pk))
    assert_accessible(page)
    page.get_by_label("Titel").fill("De POH belde de mantelzorger")
    page.get_by_label("Wat werkte").fill(
        "De praktijkondersteuner belde zelf, zonder dat erom gevraagd werd."
    )
    page.get_by_label("Verteld door").fill("een mantelzorger")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("De POH belde de mantelzorger")
    expect(page.get_by_role("link", name="Verhaal wijzigen")).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + "/p/stein/verhalen/")
    page.get_by_label("Ontwerpvraag").select_option(label=vraag.vraag)
    lijst = page.locator("#verhalen-lijst")
    expect(lijst).to_contain_text("1 verhaal bij")  # swapped in by htmx, no reload
    expect(lijst).to_contain_text("De POH belde de mantelzorger")
    expect(page).to_have_url(f"{live_server.url}/p/stein/verhalen/?ontwerpvraag={vraag.pk}")
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_facilitator_invites_people_of_the_map_and_publishes_the_minutes(
    page, live_server, log_in, mailoutbox
):
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    steunpunt = OrganisatieFactory(naam="Steunpunt Stein")
    DeelnameFactory(praktijk=praktijk, organisatie=steunpunt, groep=Groep.KERNGROEP)
    PersoonFactory(organisatie=steunpunt, naam="Anouk Adviseur", email="anouk@x.example")
    PersoonFactory(organisatie=steunpunt, naam="Marloes Maas", email="marloes@x.example")
    PersoonFactory(organisatie=steunpunt, naam="Wendy Wijk", email="wendy@x.example")
    begin = timezone.now() + datetime.timedelta(days=7)
    bijeenkomst = BijeenkomstFactory(
        praktijk=praktijk, titel="Kerngroep: plannen", begint_op=begin, eindigt_op=None
    )
    facilitator = UserFactory(email="facilitator@stein.example", name="Fien Facilitator")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    log_in(page.context, facilitator)

    page.goto(f"{live_server.url}/p/stein/bijeenkomsten/{bijeenkomst.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kerngroep: plannen")
    expect(page.get_by_text("Er is nog niemand uitgenodigd.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Kiezen wie meedoet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie doet mee")
    assert_accessible(page)
    page.get_by_label("Wie plant de bijeenkomst").select_option(
        label="Anouk Adviseur (Steunpunt Stein)"
    )
    page.get_by_label("Wie maakt het verslag").select_option(label="Marloes Maas (Steunpunt Stein)")
    page.get_by_label("Wendy Wijk (Steunpunt Stein)").check()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_text("Wie meedoet is opgeslagen.")).to_be_visible()
    genodigden = page.locator("#genodigden")
    expect(genodigden).to_contain_text("Wendy Wijk (Steunpunt Stein) – nog niet uitgenodigd")
    assert_accessible(page)

    page.get_by_role("button", name="Uitnodiging versturen (3 personen)").click()
    expect(page.get_by_text("De uitnodiging wordt verstuurd")).to_be_visible()
    expect(genodigden).to_contain_text("Wendy Wijk (Steunpunt Stein) – uitnodiging verstuurd")
    assert sorted(m.to[0] for m in mailoutbox) == [
        "anouk@x.example",
        "marloes@x.example",
        "wendy@x.example",
    ]
    assert all(m.attachments for m in mailoutbox)
    assert_accessible(page)

    page.get_by_role("link", name="Verslag schrijven en publiceren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verslag")
    assert_accessible(page)
    page.get_by_label("Verslag").fill("Afgesproken: Wendy belt de huisarts.")
    page.get_by_role("button", name="Publiceren", exact=True).click()
    expect(page.get_by_text("Het verslag is gepubliceerd en wordt gemaild.")).to_be_visible()
    expect(page.get_by_text("Afgesproken: Wendy belt de huisarts.")).to_be_visible()
    assert len(mailoutbox) == 6
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_facilitator_calls_off_a_meeting_on_a_phone_and_the_invitees_hear_of_it(
    page, live_server, log_in, mailoutbox
):
    praktijk = PraktijkFactory(slug="stein", naam="Lerende praktijk Stein")
    steunpunt = OrganisatieFactory(naam="Steunpunt Stein")
    DeelnameFactory(praktijk=praktijk, organisatie=steunpunt, groep=Groep.KERNGROEP)
    PersoonFactory(organisatie=steunpunt, naam="Wendy Wijk", email="wendy@x.example")
    bijeenkomst = BijeenkomstFactory(
        praktijk=praktijk,
        titel="Ontwerpgroep april",
        begint_op=timezone.now() + datetime.timedelta(days=9),
        eindigt_op=None,
    )
    facilitator = UserFactory(email="facilitator@stein.example", name="Fien Facilitator")
    LidmaatschapFactory(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    log_in(page.context, facilitator)
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto(f"{live_server.url}/p/stein/bijeenkomsten/{bijeenkomst.pk}/mensen/")
    page.get_by_label("Wendy Wijk (Steunpunt Stein)").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("button", name=re.compile("Uitnodiging versturen")).click()
    expect(page.get_by_text("De uitnodiging wordt verstuurd")).to_be_visible()
    assert [m.to for m in mailoutbox] == [["wendy@x.example"]]

    page.get_by_role("button", name="Bijeenkomst afzeggen").click()
    expect(page.get_by_text("De bijeenkomst is afgezegd.")).to_be_visible()
    expect(page.get_by_text(re.compile("Deze bijeenkomst is op .* afgezegd"))).to_be_visible()
    expect(page.get_by_role("link", name="Bijeenkomst bewerken")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    assert [m.subject for m in mailoutbox][-1].startswith("Afgezegd: Ontwerpgroep april")
    page.get_by_role("link", name="Alle bijeenkomsten").click()
    expect(page.get_by_role("row", name=re.compile("Ontwerpgroep april"))).to_contain_text(
        "afgezegd"
    )
    assert_accessible(page)

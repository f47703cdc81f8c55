"""Actions that get done (issue #14): from a workshop to a reminder to done, who may change them,
and the list's query count."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from condities.models import Actie, Inbreng
from condities.services import acties as acties_services
from condities.services.inbreng import inbreng_to_actie
from condities.tasks import actie_reminders_task
from praktijken.models import Gebeurtenis
from tests.factories import (
    ActieFactory,
    BijeenkomstFactory,
    DeelnameFactory,
    OrganisatieFactory,
    PersoonFactory,
)
from tests.pages import login_queries

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date(2026, 12, 7)


@pytest.fixture
def anja(lid):
    """The `lid` persona's person in stein's network, with an address."""
    persoon = lid.persoon
    persoon.naam, persoon.email = "Anja de Vries", "anja@example.org"
    persoon.save()
    return persoon


@pytest.fixture
def stap(sessie, facilitator):
    inbreng = Inbreng.objects.create(
        sessie=sessie,
        conditie="relatie",
        soort="stap",
        tekst="Kennismaken met de POH",
        status=Inbreng.Status.GOEDGEKEURD,
    )
    return inbreng_to_actie(inbreng=inbreng, by=facilitator)


def _url(name: str, actie: Actie, slug: str = "stein") -> str:
    return reverse(f"condities:{name}", kwargs={"slug": slug, "actie_pk": actie.pk})


def test_an_action_from_workshop_to_reminder_to_done(client, facilitator, lid, anja, stap):
    # The facilitator gives the step from the screen an owner and a due date.
    client.force_login(facilitator)
    response = client.post(
        _url("actie_bewerken", stap),
        {
            "tekst": stap.tekst,
            "eigenaar": anja.pk,
            "wanneer": "2026-12-10",
            "status": "open",
            "conditie": "relatie",
        },
    )
    assert response.status_code == 302
    stap.refresh_from_db()
    assert stap.eigenaar == anja and stap.praktijk.slug == "stein"

    # Four days before: no reminder yet. Three days before: one, and only one.
    assert acties_services.actie_reminders_send(today=VANDAAG - datetime.timedelta(days=1)) == 0
    assert acties_services.actie_reminders_send(today=VANDAAG) == 1
    assert acties_services.actie_reminders_send(today=VANDAAG) == 0
    assert actie_reminders_task.apply().get() == 0  # the beat task: nothing due any more
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["anja@example.org"]
    assert "Herinnering" in bericht.subject and "Kennismaken met de POH" in bericht.subject
    assert "Hallo Anja de Vries" in bericht.body
    assert f"/p/stein/mijn-acties/#actie-{stap.pk}" in bericht.body
    stap.refresh_from_db()
    assert stap.herinnerd_op is not None

    # The owner marks it done on their own page, without JavaScript.
    client.force_login(lid)
    mijn = client.get(reverse("condities:mijn_acties", args=["stein"]))
    assert "Kennismaken met de POH" in mijn.text
    response = client.post(
        _url("actie_status", stap), {"status": "gedaan", "terug": "mijn"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("condities:mijn_acties", args=["stein"])
    assert "Gedaan! Kleine stappen tellen." in response.text
    stap.refresh_from_db()
    assert stap.status == Actie.Status.GEDAAN and stap.gedaan_op is not None
    assert Gebeurtenis.objects.filter(actie="actie.status.gedaan", object_id=stap.pk).exists()

    # The dashboard celebrates it and no longer lists it as open.
    page = client.get(reverse("overzicht:dashboard", args=["stein"])).text
    assert "Gedaan!" in page and "Kleine stappen tellen!" in page
    gedaan = page.split('id="gedaan"')[1]
    assert "Kennismaken met de POH" in gedaan
    open_deel = page.split("Afgesproken volgende stappen")[1].split('id="gedaan"')[0]
    assert "Kennismaken met de POH" not in open_deel

    # A done action is never reminded, even with a new due date.
    stap.herinnerd_op = None
    stap.save()
    assert acties_services.actie_reminders_send(today=VANDAAG) == 0
    assert len(mail.outbox) == 1


def test_no_reminder_without_an_address_or_owner(sessie, eigen_organisatie):
    zonder = PersoonFactory(organisatie=eigen_organisatie, email="")
    ActieFactory(sessie=sessie, eigenaar=zonder, wanneer=VANDAAG)
    ActieFactory(sessie=sessie, wie="Anja", wanneer=VANDAAG)
    assert acties_services.actie_reminders_send(today=VANDAAG) == 0
    assert mail.outbox == []


def test_a_new_due_date_makes_the_reminder_due_again(facilitator, sessie, anja):
    actie = ActieFactory(sessie=sessie, eigenaar=anja, wanneer=VANDAAG)
    assert acties_services.actie_reminders_send(today=VANDAAG) == 1
    actie.wanneer = VANDAAG + datetime.timedelta(days=14)
    acties_services.actie_update(actie=actie, by=facilitator)
    later = VANDAAG + datetime.timedelta(days=12)
    assert acties_services.actie_reminders_send(today=later) == 1
    assert len(mail.outbox) == 2


def test_old_free_text_who_is_shown_when_there_is_no_owner(client, lid, sessie):
    ActieFactory(sessie=sessie, tekst="Agenda delen", wie="Gemeente")
    client.force_login(lid)
    page = client.get(reverse("condities:acties", args=["stein"])).text
    assert "Agenda delen" in page and "Wie: Gemeente" in page


def test_the_same_step_typed_in_again_is_one_step_on_the_dashboard(
    client, facilitator, sessie, stap
):
    """The duplicates of issue #14: the step from the screen, typed in again with who and when."""
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:actie_nieuw", args=["stein", sessie.pk]),
        {
            "conditie": "relatie",
            "soort": "stap",
            "tekst": "Kennismaken met de POH",
            "wie": "Anja",
            "wanneer": "2027-01-15",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("overzicht:dashboard", args=["stein"])).text
    assert page.count("Kennismaken met de POH") == 1
    assert "Wie: Anja" in page and "15 januari 2027" in page


def test_the_owner_must_be_of_the_practice(client, facilitator, stap, andere_praktijk):
    vreemde = PersoonFactory(organisatie=OrganisatieFactory(naam="Ede welzijn"))
    DeelnameFactory(praktijk=andere_praktijk, organisatie=vreemde.organisatie)
    client.force_login(facilitator)
    data = {"tekst": stap.tekst, "eigenaar": vreemde.pk, "status": "open", "conditie": ""}
    response = client.post(_url("actie_bewerken", stap), data)
    assert response.status_code == 422
    assert "Ede welzijn" not in response.text and "Actie wijzigen" in response.text
    stap.refresh_from_db()
    assert stap.eigenaar is None
    stap.eigenaar = vreemde
    with pytest.raises(acties_services.EigenaarNietVanPraktijk):
        acties_services.actie_update(actie=stap, by=facilitator)


@pytest.mark.parametrize("name", ["actie_bewerken", "actie_verwijderen", "actie_status"])
def test_another_practices_action_is_404(client, outsider, facilitator, stap, name):
    """Ede's facilitator (the outsider) reaches stein's action neither through stein nor ede."""
    client.force_login(outsider)
    for slug in ("stein", "ede"):
        assert client.get(_url(name, stap, slug)).status_code in (404, 405)
        assert client.post(_url(name, stap, slug), {"status": "gedaan"}).status_code == 404
    stap.refresh_from_db()
    assert stap.status == Actie.Status.OPEN
    client.force_login(facilitator)  # the positive control
    expected = 302 if name != "actie_bewerken" else 422  # the edit form wants its fields
    assert client.post(_url(name, stap), {"status": "gedaan"}).status_code == expected


def test_a_member_may_change_only_their_own_actions_status(client, lid, anja, sessie):
    eigen = ActieFactory(sessie=sessie, eigenaar=anja, tekst="Eigen stap")
    andermans = ActieFactory(sessie=sessie, tekst="Andermans stap")
    client.force_login(lid)
    assert client.post(_url("actie_status", andermans), {"status": "bezig"}).status_code == 403
    assert client.post(_url("actie_status", eigen), {"status": "bezig"}).status_code == 302
    assert client.post(_url("actie_bewerken", eigen), {"tekst": "x"}).status_code == 403
    eigen.refresh_from_db()
    andermans.refresh_from_db()
    assert (eigen.status, andermans.status) == ("bezig", "open")
    page = client.get(reverse("condities:acties", args=["stein"])).text
    assert page.count("Zet op") == 2  # the two other statuses of their own step only


def test_status_with_htmx_swaps_the_row(client, facilitator, stap):
    client.force_login(facilitator)
    response = client.post(_url("actie_status", stap), {"status": "bezig"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<li class="utrecht-unordered-list__item lp-stap"')
    assert f'id="actie-{stap.pk}"' in response.text and "Status: Bezig" in response.text


def test_remove_asks_first_then_removes(client, facilitator, stap):
    client.force_login(facilitator)
    confirm = client.get(_url("actie_verwijderen", stap))
    assert "Kennismaken met de POH" in confirm.text and "ongedaan maken" in confirm.text
    assert Actie.objects.filter(pk=stap.pk).exists()
    assert client.post(_url("actie_verwijderen", stap)).status_code == 302
    assert not Actie.objects.filter(pk=stap.pk).exists()
    assert Gebeurtenis.objects.filter(actie="actie.remove", object_id=stap.pk).exists()


def test_an_action_captured_from_a_meetings_minutes(client, facilitator, praktijk, anja):
    bijeenkomst = BijeenkomstFactory(praktijk=praktijk, titel="Kerngroep december")
    client.force_login(facilitator)
    detail = client.get(reverse("praktijken:bijeenkomst_detail", args=["stein", bijeenkomst.pk]))
    nieuw = reverse("condities:bijeenkomst_actie_nieuw", args=["stein", bijeenkomst.pk])
    assert nieuw in detail.text
    response = client.post(
        nieuw, {"tekst": "Folder naar de huisartsen", "eigenaar": anja.pk, "wanneer": "2027-01-10"}
    )
    assert response.status_code == 302
    actie = Actie.objects.get(tekst="Folder naar de huisartsen")
    assert (actie.praktijk, actie.bijeenkomst, actie.sessie, actie.soort) == (
        praktijk,
        bijeenkomst,
        None,
        "stap",
    )
    lijst = client.get(reverse("condities:acties", args=["stein"])).text
    assert "Folder naar de huisartsen" in lijst and "Kerngroep december" in lijst
    dashboard = client.get(reverse("overzicht:dashboard", args=["stein"])).text
    assert "Folder naar de huisartsen" in dashboard


def test_the_list_filters_by_status(client, lid, sessie):
    ActieFactory(sessie=sessie, tekst="Nog te doen")
    ActieFactory(
        sessie=sessie, tekst="Al klaar", status=Actie.Status.GEDAAN, gedaan_op=timezone.now()
    )
    client.force_login(lid)
    url = reverse("condities:acties", args=["stein"])
    gedaan = client.get(url, {"status": "gedaan"}).text
    assert "Al klaar" in gedaan and "Nog te doen" not in gedaan
    alles = client.get(url, {"status": "onzin"}).text  # an unknown value: everything
    assert "Al klaar" in alles and "Nog te doen" in alles


def test_my_actions_without_a_linked_person(client, kerngroeplid, sessie):
    ActieFactory(sessie=sessie, tekst="Van iemand anders")
    client.force_login(kerngroeplid)
    page = client.get(reverse("condities:mijn_acties", args=["stein"])).text
    assert "niet gekoppeld" in page and "Van iemand anders" not in page


@pytest.mark.usefixtures("login_read_every_time")
@pytest.mark.parametrize("aantal", [2, 20])
def test_the_list_takes_the_same_queries_for_2_or_20_actions(
    client, facilitator, sessie, eigen_organisatie, aantal, django_assert_num_queries
):
    bijeenkomst = BijeenkomstFactory(praktijk=sessie.praktijk)
    for i in range(aantal):
        ActieFactory(
            sessie=sessie if i % 2 else None,
            praktijk=sessie.praktijk,
            bijeenkomst=None if i % 2 else bijeenkomst,
            eigenaar=PersoonFactory(organisatie=eigen_organisatie),
            tekst=f"Stap {i}",
        )
    client.force_login(facilitator)
    url = reverse("condities:acties", args=["stein"])
    client.get(url)  # warm the session
    # The login's (tests.pages.login_queries), the practice with the role, the actions with
    # owner, session and meeting.
    with django_assert_num_queries(login_queries() + 3):
        response = client.get(url)
    assert response.text.count('class="utrecht-unordered-list__item lp-stap"') == aantal


def test_the_next_meeting_shows_the_open_actions_under_its_agenda(
    client, lid, praktijk, sessie, anja
):
    volgende = BijeenkomstFactory(
        praktijk=praktijk, begint_op=timezone.now() + datetime.timedelta(days=3)
    )
    later = BijeenkomstFactory(
        praktijk=praktijk, begint_op=timezone.now() + datetime.timedelta(days=30)
    )
    ActieFactory(sessie=sessie, tekst="Open stap", eigenaar=anja)
    ActieFactory(sessie=sessie, tekst="Klaar", status=Actie.Status.GEDAAN)
    client.force_login(lid)
    page = client.get(reverse("praktijken:bijeenkomst_detail", args=["stein", volgende.pk])).text
    onder_agenda = page.split('id="agenda-kop"')[1].split('id="verslag-kop"')[0]
    assert "Open acties" in onder_agenda
    assert "Open stap" in onder_agenda and "Wie: Anja de Vries" in onder_agenda
    assert "Klaar" not in onder_agenda
    page = client.get(reverse("praktijken:bijeenkomst_detail", args=["stein", later.pk])).text
    assert 'id="agenda-kop"' in page and "Open stap" not in page


def test_the_session_page_links_a_step_to_its_owner_date_and_status(
    client, facilitator, sessie, stap
):
    client.force_login(facilitator)
    page = client.get(reverse("condities:sessie_detail", args=["stein", sessie.pk])).text
    assert "Kennismaken met de POH" in page and "Open" in page
    assert _url("actie_bewerken", stap) in page

"""Check-ins that reach everyone: persons of the social map without an account get the link."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from condities import selectors, services
from condities.models import Antwoord, Conditie, Deelnemer, Sessie
from condities.tasks import checkin_invitations_send_task
from praktijken.models import Gebeurtenis
from tests.factories import UserFactory
from tests.factories.netwerk import DeelnameFactory, OrganisatieFactory, PersoonFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/checkin/[\w-]+/")


@pytest.fixture
def organisatie(praktijk, eigen_organisatie):
    eigen_organisatie.eigenaar = praktijk
    eigen_organisatie.save()
    return eigen_organisatie


@pytest.fixture
def gast(organisatie):
    """A person on the social map without an account."""
    return PersoonFactory(organisatie=organisatie, naam="Gerda Gast", email="gerda@welzijn.example")


@pytest.fixture
def zonder_email(organisatie):
    return PersoonFactory(organisatie=organisatie, naam="Zonder Mail", email="")


@pytest.fixture
def vreemde(andere_praktijk):
    """A person at an organisation of another practice: never a recipient here."""
    organisatie = OrganisatieFactory(naam="Elders", eigenaar=andere_praktijk)
    DeelnameFactory(praktijk=andere_praktijk, organisatie=organisatie)
    return PersoonFactory(organisatie=organisatie, naam="Vera Vreemd", email="vera@elders.example")


def form_data(**overrides):
    data = {
        "titel": "Check-in na de zomer",
        "datum": "2026-09-01",
        "condities": Conditie.values,
        "herinnering_na_dagen": "5",
        "herinneringen_aantal": "1",
        "sluit_op": (datetime.datetime.now() + datetime.timedelta(days=14)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
    }
    return {**data, **overrides}


def test_the_form_lists_the_practices_persons_with_an_email_per_organisation(
    client, facilitator, gast, zonder_email, vreemde, lid
):
    client.force_login(facilitator)
    response = client.get(reverse("condities:checkin_nieuw", args=["stein"]))
    assert response.status_code == 200
    vinkjes = re.findall(r'<input[^>]*name="personen"[^>]*value="(\d+)"', response.text)
    # Gerda; not the one without an address, not another practice's, and not the person of
    # `lid`: a member is listed once, with the accounts.
    assert vinkjes == [str(gast.pk)]
    assert re.search(rf'<input[^>]*name="ontvangers"[^>]*value="{lid.pk}"', response.text)
    assert "gerda@welzijn.example" in response.text
    assert "Steunpunt Mantelzorg Stein" in response.text
    assert "Vera Vreemd" not in response.text
    assert "Zonder Mail" not in response.text


def test_a_person_without_an_account_gets_the_link_and_answers_by_it(
    client, facilitator, gast, organisatie, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("condities:checkin_nieuw", args=["stein"]),
            form_data(personen=[str(gast.pk)]),
        )
    assert response.status_code == 302
    sessie = Sessie.objects.get(soort=Sessie.Soort.CHECKIN)
    deelnemer = Deelnemer.objects.get(sessie=sessie)
    assert (deelnemer.user, deelnemer.naam, deelnemer.email) == (None, "Gerda Gast", gast.email)
    assert deelnemer.organisatie == organisatie
    assert deelnemer.groep == "ontwerpgroep"
    assert [m.to for m in mailoutbox] == [[gast.email]]
    assert "onderweg naar 1 persoon" in client.get(response["Location"]).text

    client.logout()
    path = LINK.search(mailoutbox[0].body)[0].removeprefix(settings.SITE_URL)
    page = client.get(path, follow=True)
    assert page.status_code == 200
    stelling = selectors.stellingen_for_sessie(sessie=sessie)[0]
    assert stelling.tekst in page.text
    response = client.post(
        reverse("condities:antwoord", args=[sessie.code]),
        {f"s{stelling.pk}": "4"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    antwoord = Antwoord.objects.get()
    assert (antwoord.deelnemer, antwoord.score) == (deelnemer, 4)


def test_a_person_linked_to_a_chosen_account_is_one_recipient(praktijk, facilitator, lid, gast):
    sessie = checkin_voor(praktijk, facilitator, [lid.persoon, gast], ontvangers=[lid])
    deelnemers = {d.user: d for d in Deelnemer.objects.filter(sessie=sessie)}
    assert Deelnemer.objects.filter(sessie=sessie).count() == 2
    assert set(deelnemers) == {None, lid}
    assert deelnemers[None].naam == "Gerda Gast"


def test_a_person_with_an_account_outside_the_practice_answers_as_that_account(
    client, facilitator, organisatie, django_capture_on_commit_callbacks
):
    account = UserFactory(email="koppel@welzijn.example")
    persoon = PersoonFactory(organisatie=organisatie, user=account, email=account.email)
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("condities:checkin_nieuw", args=["stein"]),
            form_data(personen=[str(persoon.pk)]),
        )
    assert response.status_code == 302
    assert Deelnemer.objects.get().user == account


def test_a_person_of_another_practice_is_refused(client, facilitator, vreemde):
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:checkin_nieuw", args=["stein"]), form_data(personen=[str(vreemde.pk)])
    )
    assert response.status_code == 422
    assert "personen" in response.context["form"].errors
    assert not Sessie.objects.filter(soort=Sessie.Soort.CHECKIN).exists()


def test_nobody_chosen_is_a_form_error(client, facilitator, gast):
    client.force_login(facilitator)
    response = client.post(reverse("condities:checkin_nieuw", args=["stein"]), form_data())
    assert response.status_code == 422
    assert "Kies minstens één persoon" in response.text
    assert not Sessie.objects.filter(soort=Sessie.Soort.CHECKIN).exists()


# Deadline and reminders, run at simulated times (`now=`).


def checkin_voor(praktijk, facilitator, personen, **kwargs):
    defaults = {
        "titel": "Check-in najaar",
        "datum": datetime.date(2026, 9, 1),
        "condities": Conditie.values,
        "stellingen": [],
        "herinnering_na_dagen": 3,
        "herinneringen_aantal": 2,
        "sluit_op": timezone.now() + datetime.timedelta(days=20),
    }
    return services.checkin_create(
        praktijk=praktijk, by=facilitator, personen=personen, **{**defaults, **kwargs}
    )


def begin(deelnemer, sessie) -> None:
    stelling = selectors.stellingen_for_sessie(sessie=sessie)[0]
    services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=3)


def at(days: float, minutes: int = 1) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days, minutes=minutes)


def test_a_person_who_started_is_reminded_twice_spaced_never_a_third_time(
    praktijk, facilitator, gast, mailoutbox
):
    sessie = checkin_voor(praktijk, facilitator, [gast])
    assert checkin_invitations_send_task.delay(sessie.pk).get() == 1
    deelnemer = Deelnemer.objects.get(sessie=sessie)
    begin(deelnemer, sessie)
    mailoutbox.clear()

    assert services.checkin_reminders_send(now=at(2)) == 0
    assert services.checkin_reminders_send(now=at(3)) == 1
    assert services.checkin_reminders_send(now=at(3, 5)) == 0  # the same run again: nothing
    assert services.checkin_reminders_send(now=at(5)) == 0  # not yet 3 days after the first
    assert services.checkin_reminders_send(now=at(6, 2)) == 1
    assert services.checkin_reminders_send(now=at(12)) == 0  # never a third
    assert services.checkin_reminders_send(now=at(19)) == 0
    assert [m.to for m in mailoutbox] == [[gast.email], [gast.email]]
    assert all("Je bent begonnen" in m.body for m in mailoutbox)
    assert "laatste herinnering" not in mailoutbox[0].body
    assert "laatste herinnering" in mailoutbox[1].body
    deelnemer.refresh_from_db()
    assert deelnemer.herinneringen == 2


def test_no_reminder_after_finishing(praktijk, facilitator, gast, mailoutbox):
    sessie = checkin_voor(praktijk, facilitator, [gast])
    checkin_invitations_send_task.delay(sessie.pk)
    mailoutbox.clear()
    assert services.checkin_reminders_send(now=at(3)) == 1
    assert "nog niet gezien" in mailoutbox[0].body  # did nothing yet: the plain reminder
    services.deelnemer_finish(deelnemer=Deelnemer.objects.get(sessie=sessie))
    assert services.checkin_reminders_send(now=at(6, 2)) == 0
    assert len(mailoutbox) == 1


def test_no_reminder_after_the_deadline(praktijk, facilitator, gast, mailoutbox):
    sessie = checkin_voor(praktijk, facilitator, [gast], herinneringen_aantal=3, sluit_op=at(4, 0))
    checkin_invitations_send_task.delay(sessie.pk)
    mailoutbox.clear()
    assert services.checkin_reminders_send(now=at(3)) == 1
    assert services.checkin_reminders_send(now=at(6, 2)) == 0  # past the deadline, not closed yet
    assert len(mailoutbox) == 1


def test_zero_reminders_means_none(praktijk, facilitator, gast, mailoutbox):
    sessie = checkin_voor(praktijk, facilitator, [gast], herinneringen_aantal=0)
    checkin_invitations_send_task.delay(sessie.pk)
    assert services.checkin_reminders_send(now=at(10)) == 0


def test_the_task_closes_the_check_in_at_its_deadline_and_the_link_says_so(
    client, praktijk, facilitator, gast, mailoutbox, django_capture_on_commit_callbacks
):
    sluit_op = at(7, 0)
    sessie = checkin_voor(praktijk, facilitator, [gast], sluit_op=sluit_op)
    deelnemer = Deelnemer.objects.get(sessie=sessie)
    link = reverse("condities:checkin_link", args=[deelnemer.token])
    assert client.get(link).status_code == 302  # open: on to the statements

    assert services.checkins_close_due(now=sluit_op - datetime.timedelta(minutes=1)) == 0
    sessie.refresh_from_db()
    assert sessie.status == Sessie.Status.OPEN
    with django_capture_on_commit_callbacks(execute=True):
        assert services.checkins_close_due(now=sluit_op + datetime.timedelta(minutes=1)) == 1
    sessie.refresh_from_db()
    assert sessie.status == Sessie.Status.GESLOTEN
    # Idempotent: a second run closes nothing and records nothing.
    assert services.checkins_close_due(now=sluit_op + datetime.timedelta(minutes=11)) == 0
    assert Gebeurtenis.objects.filter(actie="sessie.close").count() == 1

    response = client.get(link)
    assert response.status_code == 410
    assert "gesloten" in response.text
    assert "Check-in najaar" in response.text
    # Invited, answered nothing: the address is not kept after closing.
    deelnemer.refresh_from_db()
    assert deelnemer.email == ""


def test_past_its_deadline_the_link_says_closed_before_the_task_ran(
    client, praktijk, facilitator, gast
):
    sessie = checkin_voor(praktijk, facilitator, [gast])
    deelnemer = Deelnemer.objects.get(sessie=sessie)
    Sessie.objects.filter(pk=sessie.pk).update(
        sluit_op=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = client.get(reverse("condities:checkin_link", args=[deelnemer.token]))
    assert response.status_code == 410
    assert "gesloten" in response.text


def test_beat_closes_due_check_ins_every_ten_minutes():
    entry = settings.CELERY_BEAT_SCHEDULE["condities-checkins-sluiten"]
    assert entry["task"] == "condities.tasks.checkins_close_due_task"
    assert entry["schedule"].minute == set(range(0, 60, 10))


@pytest.mark.parametrize(
    ("overrides", "veld", "melding"),
    [
        ({"sluit_op": "2020-01-01T10:00"}, "sluit_op", "in de toekomst"),
        ({"sluit_op": "2099-01-01T10:00"}, "sluit_op", "hoogstens 90 dagen"),
        ({"sluit_op": ""}, "sluit_op", "verplicht"),
        ({"herinneringen_aantal": "4"}, "herinneringen_aantal", "hoogstens 3"),
        ({"herinneringen_aantal": "-1"}, "herinneringen_aantal", "minstens 0"),
    ],
)
def test_deadline_and_reminders_are_checked(client, facilitator, gast, overrides, veld, melding):
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:checkin_nieuw", args=["stein"]),
        form_data(personen=[str(gast.pk)], **overrides),
    )
    assert response.status_code == 422
    assert veld in response.context["form"].errors
    assert melding in response.text
    assert not Sessie.objects.filter(soort=Sessie.Soort.CHECKIN).exists()


def test_the_form_saves_deadline_and_reminders(client, facilitator, gast):
    client.force_login(facilitator)
    sluit_op = timezone.localtime() + datetime.timedelta(days=10)
    response = client.post(
        reverse("condities:checkin_nieuw", args=["stein"]),
        form_data(
            personen=[str(gast.pk)],
            sluit_op=sluit_op.strftime("%Y-%m-%dT%H:%M"),
            herinneringen_aantal="3",
            herinnering_na_dagen="2",
        ),
    )
    assert response.status_code == 302
    sessie = Sessie.objects.get(soort=Sessie.Soort.CHECKIN)
    assert (sessie.herinneringen_aantal, sessie.herinnering_na_dagen) == (3, 2)
    assert sessie.sluit_op == sluit_op.replace(second=0, microsecond=0)


# "Remind now" on the response page.


def herinneren_url(sessie) -> str:
    return reverse("condities:checkin_herinneren", args=["stein", sessie.pk])


def test_remind_now_permissions(login_as, praktijk, facilitator, gast, mailoutbox):
    sessie = checkin_voor(praktijk, facilitator, [gast])
    checkin_invitations_send_task.delay(sessie.pk)
    assert login_as("outsider").post(herinneren_url(sessie)).status_code == 404
    assert login_as("lid").post(herinneren_url(sessie)).status_code == 403
    assert login_as("lid").get(herinneren_url(sessie)).status_code == 405
    assert Deelnemer.objects.get(sessie=sessie).herinneringen == 0
    assert login_as("facilitator").post(herinneren_url(sessie)).status_code == 302


def test_remind_now_reaches_who_has_not_finished_once_an_hour(
    client, praktijk, facilitator, gast, lid, mailoutbox, django_capture_on_commit_callbacks
):
    sessie = checkin_voor(praktijk, facilitator, [gast, lid.persoon])
    checkin_invitations_send_task.delay(sessie.pk)
    services.deelnemer_finish(deelnemer=Deelnemer.objects.get(sessie=sessie, user=lid))
    mailoutbox.clear()
    client.force_login(facilitator)
    pagina = client.get(reverse("condities:checkin_respons", args=["stein", sessie.pk]))
    assert "Herinner 1 persoon nu" in pagina.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(herinneren_url(sessie), follow=True)
    assert "Er gaat een herinnering naar 1 persoon" in response.text
    assert [m.to for m in mailoutbox] == [[gast.email]]
    assert Deelnemer.objects.get(sessie=sessie, user=None).herinneringen == 1

    # Again within the hour: refused, nothing sent.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(herinneren_url(sessie), follow=True)
    assert "minder dan een uur geleden" in response.text
    assert len(mailoutbox) == 1
    # After the hour it may again.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.checkin_remind_now(sessie=sessie, by=facilitator, now=at(0, 61)) == 1
    assert len(mailoutbox) == 2

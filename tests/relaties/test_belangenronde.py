"""The interests round (belangenronde): every organisation reviews its interests by personal
link, with the relationship round's invitations, reminders and closing."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netwerk.models import BelangenVersie, Deelname
from praktijken.models import Gebeurtenis
from relaties import belangenronde as services
from relaties import rondes, tasks
from relaties.models import BelangenDeelnemer
from tests.factories import DeelnameFactory, OrganisatieFactory, PersoonFactory, UserFactory

pytestmark = pytest.mark.django_db

VELDEN = {
    "belangen": "Minder dubbele intakes",
    "bijdrage": "Onze wijkteams",
    "tijdsinvestering": "4 uur per maand",
    "verwachting": "Cijfers over doorverwijzingen",
}


@pytest.fixture
def belangenronde(praktijk, facilitator, netwerk, mailoutbox, django_capture_on_commit_callbacks):
    _organisaties, personen = netwerk
    with django_capture_on_commit_callbacks(execute=True):
        return services.belangenronde_create(
            praktijk=praktijk,
            by=facilitator,
            titel="Belangen 2027",
            sluit_op=timezone.now() + datetime.timedelta(days=14),
            personen=personen,
        )


def _link(ronde, organisatie):
    deelnemer = BelangenDeelnemer.objects.get(ronde=ronde, organisatie=organisatie)
    return reverse("relaties:belangen_invullen", args=[deelnemer.token])


def test_the_form_chooses_the_contact_persons_and_sends_each_a_link(
    client, facilitator, praktijk, netwerk, mailoutbox, django_capture_on_commit_callbacks
):
    organisaties, personen = netwerk
    contact = PersoonFactory(
        organisatie=organisaties[0], email="contact@org.example", is_contactpersoon=True
    )
    client.force_login(facilitator)
    pagina = client.get(reverse("relaties:belangenronde_nieuw", args=["stein"])).content.decode()
    assert f'value="{contact.pk}"' in pagina
    vinkje = pagina.split(f'value="{contact.pk}"')[1].split(">")[0]
    assert "checked" in vinkje  # the contact person is chosen to begin with
    assert "checked" not in pagina.split(f'value="{personen[1].pk}"')[1].split(">")[0]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("relaties:belangenronde_nieuw", args=["stein"]),
            {
                "titel": "Belangen voorjaar",
                "sluit_op": (timezone.now() + datetime.timedelta(days=7)).strftime(
                    "%Y-%m-%dT%H:%M"
                ),
                "personen": [contact.pk, personen[1].pk],
            },
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == sorted([contact.email, personen[1].email])
    assert "/belangenronde/" in mailoutbox[0].body
    assert "Belangen voorjaar" in mailoutbox[0].subject
    assert Gebeurtenis.objects.filter(actie="belangenronde.create").count() == 1
    overzicht = client.get(response["Location"]).content.decode()
    assert "0 van 4 organisaties hebben hun belangen bekeken." in overzicht


def test_an_empty_send_is_refused_with_what_it_lacks_and_sends_nothing(
    client, facilitator, praktijk, netwerk, mailoutbox
):
    client.force_login(facilitator)
    response = client.post(reverse("relaties:belangenronde_nieuw", args=["stein"]), {})
    assert response.status_code == 422
    assert "Dit veld is verplicht." in response.content.decode()
    assert not BelangenDeelnemer.objects.exists() and mailoutbox == []


def test_a_person_reviews_the_interests_by_link_and_the_network_sees_when(
    client, facilitator, belangenronde, netwerk
):
    organisaties, _personen = netwerk
    deelname = Deelname.objects.get(praktijk=belangenronde.praktijk, organisatie=organisaties[0])
    deelname.belangen = "Oude belangen"
    deelname.save()
    url = _link(belangenronde, organisaties[0])

    pagina = client.get(url)
    assert pagina.status_code == 200
    assert "Oude belangen" in pagina.content.decode()  # what the organisation said before

    response = client.post(url, VELDEN)
    assert response.status_code == 200
    assert "zijn opgeslagen" in response.content.decode()
    deelname.refresh_from_db()
    assert deelname.belangen == "Minder dubbele intakes"
    versie = BelangenVersie.objects.get(deelname=deelname)
    deelnemer = BelangenDeelnemer.objects.get(ronde=belangenronde, organisatie=organisaties[0])
    assert versie.door is None and versie.door_naam == deelnemer.naam != ""  # no account
    assert deelnemer.klaar_op is not None

    client.force_login(facilitator)
    netwerkpagina = client.get(reverse("netwerk:netwerk", args=["stein"])).content.decode()
    vandaag = timezone.localdate()
    assert "Belangen voor het laatst besproken op" in netwerkpagina
    assert str(vandaag.year) in netwerkpagina.split("Belangen voor het laatst besproken op")[1]
    geschiedenis = client.get(
        reverse("netwerk:belangen_geschiedenis", args=["stein", deelname.pk])
    ).content.decode()
    assert f"Door {versie.door_naam}, in een belangenronde" in geschiedenis
    overzicht = client.get(
        reverse("relaties:belangenronde", args=["stein", belangenronde.pk])
    ).content.decode()
    assert "1 van 4 organisaties hebben hun belangen bekeken." in overzicht


def test_saving_unchanged_interests_counts_as_discussed(client, belangenronde, netwerk):
    organisaties, _personen = netwerk
    deelname = Deelname.objects.get(praktijk=belangenronde.praktijk, organisatie=organisaties[1])
    Deelname.objects.filter(pk=deelname.pk).update(**VELDEN)
    response = client.post(_link(belangenronde, organisaties[1]), VELDEN)
    assert response.status_code == 200
    versie = BelangenVersie.objects.get(deelname=deelname)
    assert versie.belangen == VELDEN["belangen"]


def test_the_answer_can_be_changed_until_the_round_closes_and_not_after(
    client, facilitator, belangenronde, netwerk
):
    organisaties, _personen = netwerk
    url = _link(belangenronde, organisaties[0])
    assert client.post(url, VELDEN).status_code == 200
    assert client.post(url, {**VELDEN, "bijdrage": "Ook de dagbesteding"}).status_code == 200
    deelname = Deelname.objects.get(praktijk=belangenronde.praktijk, organisatie=organisaties[0])
    assert deelname.bijdrage == "Ook de dagbesteding"
    assert BelangenVersie.objects.filter(deelname=deelname).count() == 2

    client.force_login(facilitator)
    client.post(reverse("relaties:belangenronde_sluiten", args=["stein", belangenronde.pk]))
    client.logout()
    na = client.post(url, {**VELDEN, "bijdrage": "Te laat"})
    assert na.status_code == 410
    assert "is gesloten" in na.content.decode()
    deelname.refresh_from_db()
    assert deelname.bijdrage == "Ook de dagbesteding"
    assert client.get(url).status_code == 410


def test_a_round_past_its_deadline_takes_nothing_even_before_the_task_closed_it(
    client, belangenronde, netwerk
):
    organisaties, _personen = netwerk
    url = _link(belangenronde, organisaties[0])
    assert client.get(url).status_code == 200
    type(belangenronde).objects.filter(pk=belangenronde.pk).update(
        sluit_op=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert client.post(url, VELDEN).status_code == 410
    assert not BelangenVersie.objects.exists()
    assert rondes.rondes_close_due() == 1  # the beat task closes it (both kinds of round)
    belangenronde.refresh_from_db()
    assert belangenronde.gesloten_op is not None


def test_an_unknown_link_says_so(client, belangenronde):
    response = client.get(reverse("relaties:belangen_invullen", args=["x" * 43]))
    assert response.status_code == 404
    assert "Deze link kennen we niet" in response.content.decode()


def test_an_organisation_that_left_the_practice_is_told_so(client, belangenronde, netwerk):
    organisaties, _personen = netwerk
    url = _link(belangenronde, organisaties[2])
    assert client.get(url).status_code == 200
    Deelname.objects.filter(organisatie=organisaties[2]).delete()
    response = client.get(url)
    assert response.status_code == 410
    assert "doet niet meer mee" in response.content.decode()


def test_too_long_interests_are_refused_and_nothing_is_saved(client, belangenronde, netwerk):
    organisaties, _personen = netwerk
    response = client.post(
        _link(belangenronde, organisaties[0]), {**VELDEN, "tijdsinvestering": "x" * 201}
    )
    assert response.status_code == 422
    assert "Minder dubbele intakes" in response.content.decode()  # what was typed stays
    assert not BelangenVersie.objects.exists()


def test_remind_now_reaches_who_has_not_reviewed_once_an_hour(
    client, facilitator, belangenronde, netwerk, mailoutbox, django_capture_on_commit_callbacks
):
    organisaties, _personen = netwerk
    client.post(_link(belangenronde, organisaties[0]), VELDEN)
    mailoutbox.clear()
    client.force_login(facilitator)
    url = reverse("relaties:belangenronde_herinneren", args=["stein", belangenronde.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "Er gaat een herinnering naar 3 mensen" in response.content.decode()
    assert len(mailoutbox) == 3
    assert all("/belangenronde/" in m.body for m in mailoutbox)
    assert "Herinnering" in mailoutbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "minder dan een uur geleden" in response.content.decode()
    assert len(mailoutbox) == 3


def test_the_automatic_reminder_goes_once_after_five_days(
    belangenronde, netwerk, mailoutbox, client
):
    organisaties, _personen = netwerk
    client.post(_link(belangenronde, organisaties[0]), VELDEN)
    mailoutbox.clear()
    later = timezone.now() + datetime.timedelta(days=6)
    assert rondes.herinneringen_due() == 0  # too early
    assert rondes.herinneringen_due(now=later) == 3  # not the one who reviewed
    assert rondes.herinneringen_due(now=later) == 0  # once
    assert {m.to[0] for m in mailoutbox} == {
        d.email
        for d in BelangenDeelnemer.objects.filter(ronde=belangenronde, klaar_op__isnull=True)
    }


def test_the_sweep_sends_invitations_a_failed_run_left_behind(
    praktijk, facilitator, netwerk, mailoutbox
):
    _organisaties, personen = netwerk
    # Not run after commit: as if the queue was down when the round was sent.
    ronde = services.belangenronde_create(
        praktijk=praktijk,
        by=facilitator,
        titel="Belangen",
        sluit_op=timezone.now() + datetime.timedelta(days=14),
        personen=personen,
    )
    assert mailoutbox == []
    tasks.rondes_close_due_task.apply()
    assert len(mailoutbox) == 4
    assert BelangenDeelnemer.objects.filter(ronde=ronde, uitgenodigd_op__isnull=True).count() == 0


def test_members_do_not_run_interests_rounds(client, lid, belangenronde):
    client.force_login(lid)
    assert client.get(reverse("relaties:belangenrondes", args=["stein"])).status_code == 403
    eigen = client.get(reverse("netwerk:belangen", args=["stein"]))
    assert eigen.status_code == 200  # positive control: the member sees the interests
    assert reverse("relaties:belangenrondes", args=["stein"]) not in eigen.content.decode()


def test_the_rounds_page_lists_the_rounds_and_links_from_the_interests(
    client, facilitator, belangenronde
):
    client.force_login(facilitator)
    pagina = client.get(reverse("relaties:belangenrondes", args=["stein"])).content.decode()
    assert "Belangen 2027" in pagina
    belangen = client.get(reverse("netwerk:belangen", args=["stein"])).content.decode()
    assert reverse("relaties:belangenrondes", args=["stein"]) in belangen


@pytest.mark.usefixtures("login_read_every_time")
def test_the_response_page_costs_the_same_queries_for_more_organisations(
    client, facilitator, praktijk, belangenronde
):
    client.force_login(facilitator)
    url = reverse("relaties:belangenronde", args=["stein", belangenronde.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as weinig:
        assert client.get(url).status_code == 200
    for i in range(6):
        organisatie = OrganisatieFactory(naam=f"Extra {i}")
        DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
        persoon = PersoonFactory(organisatie=organisatie, email=f"extra{i}@org.example")
        BelangenDeelnemer.objects.create(
            ronde=belangenronde,
            persoon=persoon,
            organisatie=organisatie,
            naam=persoon.naam,
            email=persoon.email,
            token=f"extra-token-{i}",
        )
    with CaptureQueriesContext(connection) as veel:
        pagina = client.get(url)
    assert "Extra 5" in pagina.content.decode()
    assert len(veel) == len(weinig)


def test_the_admin_shows_both_kinds_of_round_but_never_a_link(client, belangenronde, ronde):
    client.force_login(UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True))
    for model, obj in (("belangenronde", belangenronde), ("relatieronde", ronde)):
        lijst = client.get(reverse(f"admin:relaties_{model}_changelist"))
        assert lijst.status_code == 200 and obj.titel in lijst.text
        pagina = client.get(reverse(f"admin:relaties_{model}_change", args=[obj.pk]))
        assert pagina.status_code == 200
        deelnemer = obj.deelnemers.first()
        assert deelnemer.naam in pagina.text
        assert deelnemer.token not in pagina.text

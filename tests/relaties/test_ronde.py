"""The relationship round end to end: invitations, answering by link, changing, closing."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from praktijken.models import Gebeurtenis
from relaties import rondes, services, tasks
from relaties.models import RelatieAntwoord, RondeDeelnemer

pytestmark = pytest.mark.django_db


def test_each_person_gets_a_personal_link_by_mail_once(ronde, mailoutbox):
    assert len(mailoutbox) == 4
    assert "Relatieronde 2026" in mailoutbox[0].subject
    assert "/relatieronde/" in mailoutbox[0].body
    assert RondeDeelnemer.objects.filter(ronde=ronde, uitgenodigd_op__isnull=False).count() == 4
    assert rondes.uitnodigingen_send(ronde_id=ronde.pk) == 0  # a second run sends nothing
    assert len(mailoutbox) == 4
    assert Gebeurtenis.objects.filter(actie="relatieronde.create").count() == 1


def test_the_facilitator_sends_a_round_through_the_form(
    client, facilitator, netwerk, mailoutbox, django_capture_on_commit_callbacks
):
    _organisaties, personen = netwerk
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("relaties:ronde_nieuw", args=["stein"]),
            {
                "titel": "Voorjaar",
                "sluit_op": (timezone.now() + datetime.timedelta(days=7)).strftime(
                    "%Y-%m-%dT%H:%M"
                ),
                "personen": [p.pk for p in personen[:2]],
            },
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 2
    pagina = client.get(response["Location"])
    assert "Voorjaar" in pagina.content.decode()


def test_the_form_refuses_a_deadline_in_the_past(client, facilitator, netwerk):
    client.force_login(facilitator)
    response = client.post(
        reverse("relaties:ronde_nieuw", args=["stein"]),
        {"titel": "Te laat", "sluit_op": "2020-01-01T10:00", "personen": [netwerk[1][0].pk]},
    )
    assert response.status_code == 422


def _deelnemer(ronde, organisatie):
    return RondeDeelnemer.objects.get(ronde=ronde, organisatie=organisatie)


def test_answering_saves_the_step_and_ratings_per_screen(client, ronde, netwerk):
    organisaties, _personen = netwerk
    deelnemer = _deelnemer(ronde, organisaties[0])
    url = reverse("relaties:invullen", args=[deelnemer.token])
    # Screen 1: the core group (organisaties 0 and 1; its own left out).
    pagina = client.get(url)
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Organisatie 01" in tekst and "Organisatie 00" not in tekst.split("<h1")[1]
    response = client.post(
        url + "?scherm=1",
        {
            f"stap_{organisaties[1].pk}": "werken_samen",
            f"vertrouwen_{organisaties[1].pk}": "4",
            f"waarde_{organisaties[1].pk}": "5",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("?scherm=2")
    pagina = client.get(response["Location"])
    assert "Organisatie 02" in pagina.content.decode()
    # Screen 2 (last): the design group; a rating with a lower step is not kept.
    response = client.post(
        url + "?scherm=2",
        {
            f"stap_{organisaties[2].pk}": "contact_gehad",
            f"vertrouwen_{organisaties[2].pk}": "2",
            f"stap_{organisaties[3].pk}": "kennen_niet",
        },
    )
    assert response.status_code == 200
    assert "Je antwoorden zijn opgeslagen" in response.text
    opgeslagen = {
        a.over_id: (a.stap, a.vertrouwen, a.waarde)
        for a in RelatieAntwoord.objects.filter(deelnemer=deelnemer)
    }
    assert opgeslagen == {
        organisaties[1].pk: ("werken_samen", 4, 5),
        organisaties[2].pk: ("contact_gehad", None, None),
        organisaties[3].pk: ("kennen_niet", None, None),
    }
    deelnemer.refresh_from_db()
    assert deelnemer.klaar_op is not None


def test_answers_can_be_changed_until_the_round_closes_then_are_refused(
    client, ronde, netwerk, facilitator
):
    organisaties, _personen = netwerk
    deelnemer = _deelnemer(ronde, organisaties[0])
    url = reverse("relaties:invullen", args=[deelnemer.token]) + "?scherm=1"
    veld = f"stap_{organisaties[1].pk}"
    client.post(url, {veld: "weten_wie"})
    client.post(url, {veld: "werken_samen", f"vertrouwen_{organisaties[1].pk}": "3"})
    antwoord = RelatieAntwoord.objects.get(deelnemer=deelnemer)
    assert (antwoord.stap, antwoord.vertrouwen) == ("werken_samen", 3)
    # The page shows the answer given so far.
    gekozen = re.search(rf'<input[^>]*name="{veld}"[^>]*checked[^>]*>', client.get(url).text)
    assert gekozen and 'value="werken_samen"' in gekozen.group(0)

    rondes.ronde_close(ronde=ronde, by=facilitator)
    response = client.post(url, {veld: "kennen_niet"})
    assert response.status_code == 410
    assert "Relatieronde 2026" in response.text and "ronde is gesloten" in response.text
    assert RelatieAntwoord.objects.get(deelnemer=deelnemer).stap == "werken_samen"
    assert client.get(url).status_code == 410


def test_answers_are_refused_past_the_deadline_before_any_task_closed_it(client, ronde, netwerk):
    organisaties, _personen = netwerk
    deelnemer = _deelnemer(ronde, organisaties[0])
    ronde.sluit_op = timezone.now() - datetime.timedelta(minutes=1)
    ronde.save()
    with pytest.raises(rondes.RondeGesloten):
        services.antwoorden_save(
            deelnemer=deelnemer, antwoorden={organisaties[1].pk: ("weten_wie", None, None)}
        )
    url = reverse("relaties:invullen", args=[deelnemer.token])
    assert client.post(url, {f"stap_{organisaties[1].pk}": "weten_wie"}).status_code == 410
    assert not RelatieAntwoord.objects.exists()
    assert rondes.rondes_close_due() == 1
    ronde.refresh_from_db()
    assert ronde.gesloten_op is not None


def test_an_unknown_link_gets_a_friendly_404(client, db):
    response = client.get(reverse("relaties:invullen", args=["onbekend"]))
    assert response.status_code == 404
    assert "link" in response.content.decode()


def test_nobody_answers_about_their_own_organisation(ronde, netwerk):
    organisaties, _personen = netwerk
    deelnemer = _deelnemer(ronde, organisaties[0])
    services.antwoorden_save(
        deelnemer=deelnemer, antwoorden={organisaties[0].pk: ("werken_samen", 5, 5)}
    )
    assert not RelatieAntwoord.objects.exists()


def test_remind_now_reaches_who_has_not_finished_once_an_hour(
    client, ronde, netwerk, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    organisaties, _personen = netwerk
    services.antwoorden_save(
        deelnemer=_deelnemer(ronde, organisaties[0]),
        antwoorden={organisaties[1].pk: ("weten_wie", None, None)},
        klaar=True,
    )
    client.force_login(facilitator)
    url = reverse("relaties:herinneren", args=["stein", ronde.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert len(mailoutbox) == 4 + 3
    assert "Herinnering" in mailoutbox[-1].subject
    assert "3" in response.content.decode()
    client.post(url)
    assert len(mailoutbox) == 7  # not again within the hour


def test_the_response_page_shows_who_answered_never_what(client, ronde, netwerk, facilitator):
    organisaties, _personen = netwerk
    services.antwoorden_save(
        deelnemer=_deelnemer(ronde, organisaties[0]),
        antwoorden={organisaties[1].pk: ("werken_samen", 1, 1)},
        klaar=True,
    )
    client.force_login(facilitator)
    tekst = client.get(reverse("relaties:respons", args=["stein", ronde.pk])).content.decode()
    assert "Organisatie 00" in tekst
    assert "werken_samen" not in tekst and "Wij werken nu samen" not in tekst


def test_the_sweep_reminds_once_after_five_days_and_closes_at_the_deadline(
    ronde, netwerk, mailoutbox
):
    organisaties, _personen = netwerk
    services.antwoorden_save(
        deelnemer=_deelnemer(ronde, organisaties[0]),
        antwoorden={organisaties[1].pk: ("weten_wie", None, None)},
        klaar=True,
    )
    assert rondes.herinneringen_due() == 0  # too early
    later = timezone.now() + datetime.timedelta(days=6)
    assert rondes.herinneringen_due(now=later) == 3  # not the one who finished
    assert all("Herinnering" in m.subject for m in mailoutbox[4:])
    assert rondes.herinneringen_due(now=later) == 0  # once
    RondeDeelnemer.objects.filter(ronde=ronde).update(uitgenodigd_op=None)
    assert tasks.rondes_close_due_task.delay().get() == 0  # still open: invitations again
    assert len(mailoutbox) == 4 + 3 + 4
    ronde.sluit_op = timezone.now() - datetime.timedelta(minutes=1)
    ronde.save()
    assert tasks.rondes_close_due_task.delay().get() == 1
    ronde.refresh_from_db()
    assert ronde.gesloten_op is not None
    assert ronde.posities.count() == 4  # the map is stored at closing

"""Keeping the map current: the daily request to check an entry, and the one-click link."""

import datetime
import re
import time

import pytest
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from netwerk import services
from netwerk.models import Organisatie
from netwerk.tasks import bevestiging_mail_task, bevestigingen_sweep_task
from tests.factories import DeelnameFactory, OrganisatieFactory, PersoonFactory

pytestmark = pytest.mark.django_db


def dagen_geleden(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


def link(mail, naam: str) -> str:
    url = re.search(rf"http\S+/{naam}/\S*", mail.body).group(0)
    return url.removeprefix(settings.SITE_URL)


def test_the_task_is_scheduled_daily_by_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["netwerk-bevestiging-vragen"]
    assert entry["task"] == "netwerk.tasks.bevestigingen_sweep_task"


def test_contact_person_is_asked_once_with_a_confirm_and_an_edit_link(
    praktijk, wijkverpleging, mailoutbox
):
    PersoonFactory(organisatie=wijkverpleging, email="geen-contact@thuiszorg.example")
    assert bevestigingen_sweep_task.delay().get() == 1
    [mail] = mailoutbox
    assert mail.to == ["wendy@thuiszorg.example"]
    assert mail.subject == (
        "Kloppen de gegevens van Thuiszorg Westelijke Mijnstreek op de sociale kaart nog?"
    )
    assert "Wendy Verbeek" in mail.body
    assert link(mail, "bevestigen").startswith("/bevestigen/")
    assert link(mail, "p") == reverse(
        "netwerk:organisatie_bewerken", args=["stein", wijkverpleging.pk]
    )
    wijkverpleging.refresh_from_db()
    assert wijkverpleging.bevestiging_gevraagd_op is not None
    assert wijkverpleging.bevestigd_op is None


def test_asking_twice_in_a_day_sends_once(praktijk, wijkverpleging, mailoutbox):
    bevestigingen_sweep_task.delay()
    bevestigingen_sweep_task.delay()
    bevestiging_mail_task.delay(wijkverpleging.pk)  # a redelivered task
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    ("bevestigd", "gevraagd", "gevraagd_nu"),
    [
        (None, None, True),
        (dagen_geleden(100), None, True),
        (dagen_geleden(10), None, False),  # recently confirmed
        (dagen_geleden(100), dagen_geleden(30), False),  # asked lately, no answer yet
        (None, dagen_geleden(91), True),  # asked long ago, still no answer
    ],
)
def test_only_old_entries_that_were_not_asked_lately_are_asked(
    praktijk, wijkverpleging, mailoutbox, bevestigd, gevraagd, gevraagd_nu
):
    Organisatie.objects.filter(pk=wijkverpleging.pk).update(
        bevestigd_op=bevestigd, bevestiging_gevraagd_op=gevraagd
    )
    bevestigingen_sweep_task.delay()
    assert len(mailoutbox) == (1 if gevraagd_nu else 0)


def test_without_a_contact_person_the_organisation_address_is_used(praktijk, mailoutbox):
    organisatie = OrganisatieFactory(email="info@buurtzorg.example")
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    PersoonFactory(organisatie=organisatie, is_contactpersoon=True, email="")
    bevestigingen_sweep_task.delay()
    assert [m.to for m in mailoutbox] == [["info@buurtzorg.example"]]


def test_organisations_outside_any_practice_or_without_address_are_not_asked(praktijk, mailoutbox):
    OrganisatieFactory(email="ergens@buiten.example")  # takes part nowhere
    zonder_adres = OrganisatieFactory(email="")
    DeelnameFactory(praktijk=praktijk, organisatie=zonder_adres)
    assert bevestigingen_sweep_task.delay().get() == 0
    assert mailoutbox == []
    zonder_adres.refresh_from_db()
    assert zonder_adres.bevestiging_gevraagd_op is None


def test_a_failed_mail_is_not_marked_as_asked(praktijk, wijkverpleging, monkeypatch):
    def kapot(self, *args, **kwargs):
        raise OSError("mail server away")

    monkeypatch.setattr(EmailMessage, "send", kapot)
    with pytest.raises(OSError, match="mail server away"):
        services.bevestiging_mail_send(organisatie_id=wijkverpleging.pk)
    wijkverpleging.refresh_from_db()
    assert wijkverpleging.bevestiging_gevraagd_op is None


def test_the_link_shows_a_button_and_only_a_post_confirms(
    client, praktijk, wijkverpleging, mailoutbox
):
    bevestigingen_sweep_task.delay()
    url = link(mailoutbox[0], "bevestigen")
    response = client.get(url)
    assert response.status_code == 200
    assert "Thuiszorg Westelijke Mijnstreek" in response.content.decode()
    assert "Ja, het klopt nog" in response.content.decode()
    wijkverpleging.refresh_from_db()
    assert wijkverpleging.bevestigd_op is None

    response = client.post(url)
    assert response.status_code == 200
    assert "Dank je wel!" in response.content.decode()
    wijkverpleging.refresh_from_db()
    assert wijkverpleging.bevestigd_op is not None
    assert wijkverpleging.personen.get().bevestigd_op == wijkverpleging.bevestigd_op
    # Confirmed: not asked again tomorrow.
    Organisatie.objects.filter(pk=wijkverpleging.pk).update(bevestiging_gevraagd_op=None)
    bevestigingen_sweep_task.delay()
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    "token",
    ["niet-geldig", "1:abc:def", "x" * 5000, "%00", "12"],
)
def test_a_bad_link_gets_a_friendly_page(client, praktijk, wijkverpleging, token):
    url = reverse("netwerk:bevestigen", args=[token])
    for response in [client.get(url), client.post(url)]:
        assert response.status_code == 400
        assert "Deze link werkt niet meer" in response.content.decode()
    wijkverpleging.refresh_from_db()
    assert wijkverpleging.bevestigd_op is None


def test_a_link_for_another_purpose_is_refused(client, wijkverpleging):
    ander_doel = signing.TimestampSigner(salt="iets anders").sign(str(wijkverpleging.pk))
    assert client.get(reverse("netwerk:bevestigen", args=[ander_doel])).status_code == 400


def test_an_expired_link_gets_a_friendly_page(client, praktijk, wijkverpleging, monkeypatch):
    token = services.bevestiging_token_make(organisatie=wijkverpleging)
    nu = time.time()
    monkeypatch.setattr(time, "time", lambda: nu + 61 * 24 * 3600)
    response = client.post(reverse("netwerk:bevestigen", args=[token]))
    assert response.status_code == 400
    wijkverpleging.refresh_from_db()
    assert wijkverpleging.bevestigd_op is None


def test_a_link_for_a_removed_organisation_gets_a_friendly_page(client, wijkverpleging):
    token = services.bevestiging_token_make(organisatie=wijkverpleging)
    wijkverpleging.delete()
    assert client.get(reverse("netwerk:bevestigen", args=[token])).status_code == 400

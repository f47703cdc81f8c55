"""A meeting's people: planner, minute-taker and invitees chosen from the practice's network;
the invitation with its calendar file, the update when it changes, and the published minutes."""

import datetime
import importlib
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.urls import reverse

from netwerk import services
from netwerk.models import Genodigde
from praktijken.ics import ics_domein
from praktijken.models import Bijeenkomst, Gebeurtenis
from tests.factories import BijeenkomstFactory, DeelnameFactory, OrganisatieFactory, PersoonFactory
from tests.pages import rendered

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def url(name: str, pk: int, slug: str = "stein") -> str:
    return reverse(name, kwargs={"slug": slug, "pk": pk})


def unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def ics_of(mail) -> list[str]:
    (attachment,) = mail.attachments
    naam, inhoud, soort = attachment[0], attachment[1], attachment[2]
    assert naam.endswith(".ics") and soort == "text/calendar; method=REQUEST"
    return unfold(inhoud if isinstance(inhoud, str) else inhoud.decode("utf-8"))


@pytest.fixture
def bijeenkomst(praktijk):
    return BijeenkomstFactory(
        praktijk=praktijk,
        titel="Kerngroep maart",
        soort=Bijeenkomst.Soort.KERNGROEP,
        begint_op=datetime.datetime(2030, 3, 10, 14, 0, tzinfo=AMSTERDAM),
        eindigt_op=datetime.datetime(2030, 3, 10, 16, 0, tzinfo=AMSTERDAM),
        locatie="Gemeentehuis Stein",
        agenda="Opening",
    )


@pytest.fixture
def mensen(praktijk, andere_praktijk, eigen_organisatie):
    """Three people of stein's network (one without an email address) and one of ede's."""
    anouk = PersoonFactory(
        organisatie=eigen_organisatie, naam="Anouk Adviseur", email="anouk@x.example"
    )
    marloes = PersoonFactory(
        organisatie=eigen_organisatie, naam="Marloes Maas", email="marloes@x.example"
    )
    zonder = PersoonFactory(organisatie=eigen_organisatie, naam="Zeno Zonder", email="")
    ede_org = OrganisatieFactory(naam="Welzijn Ede")
    DeelnameFactory(praktijk=andere_praktijk, organisatie=ede_org)
    elders = PersoonFactory(organisatie=ede_org, naam="Eva Elders", email="eva@ede.example")
    return {"anouk": anouk, "marloes": marloes, "zonder": zonder, "elders": elders}


def choose(client, bijeenkomst, *, planner, notulist, genodigden):
    return client.post(
        url("netwerk:bijeenkomst_mensen", bijeenkomst.pk),
        {
            "planner": planner.pk if planner else "",
            "notulist": notulist.pk if notulist else "",
            "genodigden": [p.pk for p in genodigden],
        },
    )


def test_invitation_update_and_minutes_reach_the_invitees(
    client,
    facilitator,
    bijeenkomst,
    mensen,
    outsider,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(facilitator)
    response = choose(
        client,
        bijeenkomst,
        planner=mensen["anouk"],
        notulist=mensen["marloes"],
        genodigden=[mensen["zonder"]],
    )
    assert response.status_code == 302
    page = rendered(client.get(url("praktijken:bijeenkomst_detail", bijeenkomst.pk)))
    assert "Anouk Adviseur (Steunpunt Mantelzorg Stein)" in page
    assert "Marloes Maas (Steunpunt Mantelzorg Stein)" in page
    assert "Zeno Zonder" in page
    assert mailoutbox == []  # choosing people mails nobody yet

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("netwerk:bijeenkomst_uitnodigen", bijeenkomst.pk))
    assert response.status_code == 302
    # Two with an email address; the one without and the person of ede get nothing.
    assert sorted(m.to[0] for m in mailoutbox) == ["anouk@x.example", "marloes@x.example"]
    mail = next(m for m in mailoutbox if m.to == ["marloes@x.example"])
    assert mail.subject == "Uitnodiging: Kerngroep maart op 10 maart"
    assert "Beste Marloes Maas" in mail.body
    assert "Gemeentehuis Stein" in mail.body
    lines = ics_of(mail)
    assert "METHOD:REQUEST" in lines
    uid = next(line for line in lines if line.startswith("UID:"))
    assert uid == f"UID:bijeenkomst-{bijeenkomst.pk}@{ics_domein()}"
    # The download names the same event, so a calendar does not hold it twice.
    download = unfold(
        client.get(url("praktijken:bijeenkomst_ics", bijeenkomst.pk)).content.decode()
    )
    assert uid in download
    # ... and names the people chosen, not the old free text.
    beschrijving = next(line for line in download if line.startswith("DESCRIPTION:"))
    assert "Anouk Adviseur" in beschrijving and "Marloes Maas" in beschrijving
    assert "SEQUENCE:0" in lines
    assert "DTSTART:20300310T130000Z" in lines
    assert "ORGANIZER:mailto:anouk@x.example" in lines
    assert any(
        line.startswith("ATTENDEE;") and "mailto:marloes@x.example" in line for line in lines
    )
    assert Genodigde.objects.filter(uitgenodigd_op__isnull=False).count() == 2

    # A new time: everyone invited gets the update, with the same UID and SEQUENCE 1.
    mailoutbox.clear()
    form = {
        "titel": "Kerngroep maart",
        "soort": "kerngroep",
        "begint_op": "2030-03-10T15:00",
        "eindigt_op": "2030-03-10T17:00",
        "locatie": "Gemeentehuis Stein",
        "agenda": "Opening",
        "planner": "",
        "notulist": "",
        "verslag": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("praktijken:bijeenkomst_bewerken", bijeenkomst.pk), form)
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == ["anouk@x.example", "marloes@x.example"]
    mail = mailoutbox[0]
    assert mail.subject == "Gewijzigd: Kerngroep maart op 10 maart"
    lines = ics_of(mail)
    assert uid in lines
    assert "SEQUENCE:1" in lines
    assert "DTSTART:20300310T140000Z" in lines

    # Only the agenda changes: no calendar news, no mail.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("praktijken:bijeenkomst_bewerken", bijeenkomst.pk),
            {**form, "agenda": "Opening\nRondvraag"},
        )
    assert mailoutbox == []

    # Publishing the minutes mails them once; saving afterwards mails nobody; again does.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("netwerk:bijeenkomst_verslag", bijeenkomst.pk),
            {"verslag": "Afgesproken: Anouk belt de huisarts.", "publiceren": "1"},
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == ["anouk@x.example", "marloes@x.example"]
    assert mailoutbox[0].subject == "Verslag: Kerngroep maart"
    assert "Afgesproken: Anouk belt de huisarts." in mailoutbox[0].body
    assert mailoutbox[0].attachments == []
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("netwerk:bijeenkomst_verslag", bijeenkomst.pk), {"verslag": "Aangevuld."})
    assert mailoutbox == []
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.verslag == "Aangevuld."
    assert services.bijeenkomst_mails_send(bijeenkomst_id=bijeenkomst.pk) == 0  # nothing due
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("netwerk:bijeenkomst_verslag", bijeenkomst.pk),
            {"verslag": "Aangevuld.", "publiceren": "1"},
        )
    assert len(mailoutbox) == 2 and "Aangevuld." in mailoutbox[0].body

    acties = set(
        Gebeurtenis.objects.filter(object_id=bijeenkomst.pk).values_list("actie", flat=True)
    )
    assert {
        "bijeenkomst.mensen",
        "bijeenkomst.uitnodigen",
        "bijeenkomst.update",
        "bijeenkomst.verslag",
        "bijeenkomst.verslag_publiceren",
    } <= acties


def test_someone_invited_later_gets_the_invitation_once_they_are_added(
    client, facilitator, bijeenkomst, mensen, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    choose(client, bijeenkomst, planner=mensen["anouk"], notulist=None, genodigden=[])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("netwerk:bijeenkomst_uitnodigen", bijeenkomst.pk))
    assert [m.to for m in mailoutbox] == [["anouk@x.example"]]
    with django_capture_on_commit_callbacks(execute=True):
        choose(
            client, bijeenkomst, planner=mensen["anouk"], notulist=mensen["marloes"], genodigden=[]
        )
    assert [m.to for m in mailoutbox] == [["anouk@x.example"], ["marloes@x.example"]]
    assert mailoutbox[1].subject.startswith("Uitnodiging:")
    # The mail task may run twice: nothing goes out twice.
    assert services.bijeenkomst_mails_send(bijeenkomst_id=bijeenkomst.pk) == 0


def test_a_person_of_another_practice_is_refused_as_planner(
    client, facilitator, bijeenkomst, mensen, mailoutbox
):
    client.force_login(facilitator)
    response = choose(
        client, bijeenkomst, planner=mensen["elders"], notulist=None, genodigden=[mensen["elders"]]
    )
    assert response.status_code == 422  # the form again, with what was typed
    page = rendered(response, status=422)
    assert "Anouk Adviseur" in page  # the form, with stein's people to choose from
    assert "Eva Elders" not in page
    assert not Genodigde.objects.exists()
    # The service refuses as well, whoever calls it.
    with pytest.raises(services.PersoonElders):
        services.bijeenkomst_mensen_save(
            bijeenkomst=bijeenkomst,
            by=facilitator,
            planner=mensen["elders"],
            notulist=None,
            genodigden=[],
        )
    assert not Genodigde.objects.exists()
    assert mailoutbox == []


def test_the_minute_taker_with_an_account_publishes_the_minutes(
    client, lid, praktijk, bijeenkomst, mensen, mailoutbox, django_capture_on_commit_callbacks
):
    lotte = lid.persoon
    services.bijeenkomst_mensen_save(
        bijeenkomst=bijeenkomst, by=None, planner=mensen["anouk"], notulist=lotte, genodigden=[]
    )
    client.force_login(lid)
    page = rendered(client.get(url("praktijken:bijeenkomst_detail", bijeenkomst.pk)))
    assert "Verslag schrijven en publiceren" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("netwerk:bijeenkomst_verslag", bijeenkomst.pk),
            {"verslag": "Kort verslag.", "publiceren": "1"},
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == ["anouk@x.example", "lid@stein.example"]


def test_a_plain_member_who_is_not_the_minute_taker_gets_403(client, lid, bijeenkomst, mensen):
    services.bijeenkomst_mensen_save(
        bijeenkomst=bijeenkomst, by=None, planner=None, notulist=mensen["marloes"], genodigden=[]
    )
    client.force_login(lid)
    page = rendered(client.get(url("praktijken:bijeenkomst_detail", bijeenkomst.pk)))
    assert "Marloes Maas" in page
    assert client.get(url("netwerk:bijeenkomst_verslag", bijeenkomst.pk)).status_code == 403
    assert client.post(url("netwerk:bijeenkomst_uitnodigen", bijeenkomst.pk)).status_code == 403
    assert client.get(url("netwerk:bijeenkomst_mensen", bijeenkomst.pk)).status_code == 403


def test_a_member_of_another_practice_gets_404(client, outsider, bijeenkomst):
    client.force_login(outsider)
    for name in ("netwerk:bijeenkomst_verslag", "netwerk:bijeenkomst_mensen"):
        assert client.get(url(name, bijeenkomst.pk)).status_code == 404
    assert client.post(url("netwerk:bijeenkomst_uitnodigen", bijeenkomst.pk)).status_code == 404


def test_the_old_free_text_shows_when_no_person_is_chosen(client, facilitator, praktijk):
    bijeenkomst = BijeenkomstFactory(praktijk=praktijk, planner="Anouk (gemeente)", notulist="")
    client.force_login(facilitator)
    page = rendered(client.get(url("praktijken:bijeenkomst_detail", bijeenkomst.pk)))
    assert "Anouk (gemeente)" in page


@pytest.mark.parametrize("aantal", [2, 10])
def test_meeting_pages_take_a_fixed_number_of_queries(
    client, facilitator, bijeenkomst, eigen_organisatie, aantal, django_assert_max_num_queries
):
    personen = [PersoonFactory(organisatie=eigen_organisatie) for _ in range(aantal)]
    services.bijeenkomst_mensen_save(
        bijeenkomst=bijeenkomst,
        by=None,
        planner=personen[0],
        notulist=personen[1],
        genodigden=personen,
    )
    client.force_login(facilitator)
    with django_assert_max_num_queries(14):
        page = rendered(client.get(url("praktijken:bijeenkomst_detail", bijeenkomst.pk)))
    assert personen[-1].naam in page
    with django_assert_max_num_queries(12):
        page = rendered(client.get(url("netwerk:bijeenkomst_mensen", bijeenkomst.pk)))
    assert personen[-1].naam in page
    with django_assert_max_num_queries(10):
        response = client.get(url("netwerk:bijeenkomst_verslag", bijeenkomst.pk))
    assert response.status_code == 200


def test_the_migration_links_names_that_match_one_person_of_the_practice(
    praktijk, eigen_organisatie, mensen
):
    PersoonFactory(organisatie=eigen_organisatie, naam="Twee Keer")
    PersoonFactory(organisatie=eigen_organisatie, naam="Twee Keer")
    gekoppeld = BijeenkomstFactory(
        praktijk=praktijk, planner="Anouk Adviseur", notulist="Eva Elders"
    )
    dubbel = BijeenkomstFactory(praktijk=praktijk, planner="Twee Keer", notulist="Anouk Adviseur ")
    migratie = importlib.import_module("netwerk.migrations.0008_genodigde_data")
    migratie.link_names(apps, None)
    (g,) = Genodigde.objects.filter(bijeenkomst=gekoppeld)
    assert g.persoon == mensen["anouk"] and g.is_planner and not g.is_notulist  # Eva is of ede
    (g,) = Genodigde.objects.filter(bijeenkomst=dubbel)
    assert g.persoon == mensen["anouk"] and g.is_notulist and not g.is_planner
    assert g.volgnummer_verstuurd is None  # linked, not mailed


def test_the_sweep_sends_what_the_queue_missed(facilitator, bijeenkomst, mensen, mailoutbox):
    from netwerk.tasks import bijeenkomst_mails_sweep_task

    services.bijeenkomst_mensen_save(
        bijeenkomst=bijeenkomst,
        by=facilitator,
        planner=mensen["anouk"],
        notulist=None,
        genodigden=[],
    )
    assert services.bijeenkomsten_mails_due() == []  # not sent yet: nothing is due
    # "Send the invitation" was pressed while the queue was away: only the meeting was marked.
    services.bijeenkomst_uitnodigen(bijeenkomst=bijeenkomst, by=facilitator)
    assert mailoutbox == []
    assert services.bijeenkomsten_mails_due() == [bijeenkomst.pk]
    assert bijeenkomst_mails_sweep_task() == 1
    assert [m.to for m in mailoutbox] == [["anouk@x.example"]]
    assert services.bijeenkomsten_mails_due() == []


def test_a_whole_group_is_invited_at_once(client, facilitator, praktijk, bijeenkomst, mensen):
    from netwerk.models import Groep

    kerngroep = OrganisatieFactory(naam="Gemeente Stein")
    DeelnameFactory(praktijk=praktijk, organisatie=kerngroep, groep=Groep.KERNGROEP)
    karin = PersoonFactory(organisatie=kerngroep, naam="Karin Kern")
    client.force_login(facilitator)
    response = client.post(
        url("netwerk:bijeenkomst_mensen", bijeenkomst.pk),
        {"planner": mensen["anouk"].pk, "groepen": ["kerngroep"]},
    )
    assert response.status_code == 302
    assert set(
        Genodigde.objects.filter(bijeenkomst=bijeenkomst).values_list("persoon_id", flat=True)
    ) == {mensen["anouk"].pk, karin.pk}  # stein's design group is not added, nor ede's people


def test_an_id_no_row_can_have_is_a_refused_choice_not_an_error(
    client, facilitator, bijeenkomst, mensen
):
    """Found by the fuzz test on SQLite: a 20-digit id raised OverflowError (a 500)."""
    client.force_login(facilitator)
    te_groot = str(2**70)
    response = client.post(
        url("netwerk:bijeenkomst_mensen", bijeenkomst.pk),
        {"planner": te_groot, "notulist": "", "genodigden": [te_groot]},
    )
    page = rendered(response, status=422)
    assert "Anouk Adviseur" in page  # the form again, with stein's people to choose from
    assert not Genodigde.objects.exists()


def test_calling_off_a_meeting_takes_it_out_of_the_invitees_calendars(
    client, facilitator, bijeenkomst, mensen, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    choose(client, bijeenkomst, planner=mensen["anouk"], notulist=None, genodigden=[])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("netwerk:bijeenkomst_uitnodigen", bijeenkomst.pk))
    # Marloes is added after the invitations went out, but only once it is called off.
    mailoutbox.clear()
    detail = rendered(client.get(url("praktijken:bijeenkomst_detail", bijeenkomst.pk)))
    assert "Bijeenkomst afzeggen" in detail

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("praktijken:bijeenkomst_afzeggen", bijeenkomst.pk), follow=True)
    assert "De bijeenkomst is afgezegd. Wie de uitnodiging kreeg" in response.text
    assert "Deze bijeenkomst is op" in response.text and "afgezegd" in response.text
    assert "Bijeenkomst afzeggen" not in response.text
    (mail,) = mailoutbox
    assert mail.to == ["anouk@x.example"]
    assert mail.subject == "Afgezegd: Kerngroep maart op 10 maart"
    assert "gaat niet door" in mail.body
    (naam, inhoud, soort) = mail.attachments[0]
    assert naam == "afzegging.ics" and soort == "text/calendar; method=CANCEL"
    lines = unfold(inhoud if isinstance(inhoud, str) else inhoud.decode("utf-8"))
    assert "METHOD:CANCEL" in lines and "STATUS:CANCELLED" in lines and "SEQUENCE:1" in lines
    assert f"UID:bijeenkomst-{bijeenkomst.pk}@{ics_domein()}" in lines  # the same event

    # Someone added afterwards never had it: no cancellation for them, no invitation either.
    with django_capture_on_commit_callbacks(execute=True):
        choose(
            client, bijeenkomst, planner=mensen["anouk"], notulist=mensen["marloes"], genodigden=[]
        )
        client.post(url("netwerk:bijeenkomst_uitnodigen", bijeenkomst.pk))
    assert len(mailoutbox) == 1
    assert services.bijeenkomst_mails_send(bijeenkomst_id=bijeenkomst.pk) == 0
    assert bijeenkomst.pk not in services.bijeenkomsten_mails_due()
    # Called off twice: nothing more happens; it can no longer be changed.
    client.post(url("praktijken:bijeenkomst_afzeggen", bijeenkomst.pk))
    assert len(mailoutbox) == 1
    bewerken = client.get(url("praktijken:bijeenkomst_bewerken", bijeenkomst.pk), follow=True)
    assert "je kunt haar niet meer veranderen" in bewerken.text
    download = unfold(
        client.get(url("praktijken:bijeenkomst_ics", bijeenkomst.pk)).content.decode()
    )
    assert "STATUS:CANCELLED" in download
    lijst = rendered(client.get(reverse("praktijken:bijeenkomsten", args=["stein"])))
    assert "afgezegd" in lijst and "Kerngroep maart" in lijst
    assert Gebeurtenis.objects.filter(actie="bijeenkomst.cancel").count() == 1


def test_a_meeting_called_off_before_the_invitations_mails_nobody_and_is_not_next(
    client, facilitator, praktijk, bijeenkomst, mailoutbox, django_capture_on_commit_callbacks
):
    from praktijken.selectors import volgende_bijeenkomst

    assert volgende_bijeenkomst(praktijk=praktijk) == bijeenkomst
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("praktijken:bijeenkomst_afzeggen", bijeenkomst.pk), follow=True)
    assert "De bijeenkomst is afgezegd." in response.text
    assert mailoutbox == []
    assert volgende_bijeenkomst(praktijk=praktijk) is None


def test_members_cannot_call_a_meeting_off(client, lid, bijeenkomst):
    client.force_login(lid)
    detail = rendered(client.get(url("praktijken:bijeenkomst_detail", bijeenkomst.pk)))
    assert "Kerngroep maart" in detail and "Bijeenkomst afzeggen" not in detail
    assert client.post(url("praktijken:bijeenkomst_afzeggen", bijeenkomst.pk)).status_code == 403
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.afgezegd_op is None

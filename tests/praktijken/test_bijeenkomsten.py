"""Meetings: planning them, agreeing who plans and who writes the minutes, and the .ics file."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from praktijken.models import Bijeenkomst
from tests.factories import BijeenkomstFactory
from tests.pages import rendered

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def url(name: str, pk: int | None = None, slug: str = "stein") -> str:
    kwargs: dict = {"slug": slug}
    if pk is not None:
        kwargs["pk"] = pk
    return reverse(name if ":" in name else f"praktijken:{name}", kwargs=kwargs)


def data(**overrides) -> dict:
    return {
        "titel": "Ontwerpgroep januari",
        "soort": "ontwerpgroep",
        "begint_op": "2030-01-14T14:00",
        "eindigt_op": "2030-01-14T16:30",
        "locatie": "Gemeentehuis Stein",
        "planner": "Anouk (gemeente)",
        "notulist": "Marloes (steunpunt)",
        "agenda": "Opening\nStand van de experimenten",
        **overrides,
    }


def test_core_group_member_plans_a_meeting_in_local_time(client, kerngroeplid, praktijk):
    client.force_login(kerngroeplid)
    response = client.post(url("bijeenkomst_nieuw"), data())
    bijeenkomst = Bijeenkomst.objects.get(praktijk=praktijk)
    assert response.status_code == 302
    assert response["Location"] == url("bijeenkomst_detail", bijeenkomst.pk)
    assert bijeenkomst.begint_op == datetime.datetime(2030, 1, 14, 14, 0, tzinfo=AMSTERDAM)
    assert bijeenkomst.planner == "Anouk (gemeente)"
    assert bijeenkomst.notulist == "Marloes (steunpunt)"


def test_meeting_that_ends_before_it_starts_is_refused_next_to_the_field(client, kerngroeplid):
    client.force_login(kerngroeplid)
    response = client.post(url("bijeenkomst_nieuw"), data(eindigt_op="2030-01-14T12:00"))
    assert response.status_code == 200
    assert "De bijeenkomst kan niet eindigen voordat hij begint." in response.text
    assert 'value="Ontwerpgroep januari"' in response.text  # what was typed stays
    assert not Bijeenkomst.objects.exists()


def test_meeting_without_title_or_start_gets_dutch_errors(client, kerngroeplid):
    client.force_login(kerngroeplid)
    response = client.post(url("bijeenkomst_nieuw"), data(titel="", begint_op="morgen"))
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.text
    assert "Voer een geldige datum/tijd in." in response.text


def test_over_long_agenda_gets_a_clear_answer(client, kerngroeplid):
    client.force_login(kerngroeplid)
    response = client.post(url("bijeenkomst_nieuw"), data(agenda="x" * 10_000))
    assert response.status_code == 200
    assert "niet meer dan 5000 tekens" in response.text


def test_editing_a_meeting_adds_the_minutes(client, kerngroeplid, bijeenkomst):
    client.force_login(kerngroeplid)
    response = client.post(
        url("bijeenkomst_bewerken", bijeenkomst.pk),
        data(verslag="We kiezen drie experimenten.", begint_op="2026-01-14T14:00", eindigt_op=""),
    )
    assert response.status_code == 302
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.verslag == "We kiezen drie experimenten."
    page = client.get(url("bijeenkomst_detail", bijeenkomst.pk)).text
    assert "We kiezen drie experimenten." in page


def test_the_meeting_page_shows_who_plans_and_who_writes_the_minutes(client, lid, bijeenkomst):
    client.force_login(lid)
    page = rendered(client.get(url("bijeenkomst_detail", bijeenkomst.pk)), bijeenkomst.titel)
    assert "Wie plant de bijeenkomst" in page and "Anouk (gemeente)" in page
    assert "Wie maakt het verslag" in page and "Marloes (steunpunt)" in page
    assert url("bijeenkomst_ics", bijeenkomst.pk) in page
    assert url("bijeenkomst_bewerken", bijeenkomst.pk) not in page  # a lid does not edit


def test_a_meeting_without_agreements_asks_to_make_them(client, lid, praktijk):
    bijeenkomst = BijeenkomstFactory(praktijk=praktijk, planner="", notulist="")
    client.force_login(lid)
    page = client.get(url("bijeenkomst_detail", bijeenkomst.pk)).text
    assert "Nog niet afgesproken" in page
    assert "Spreek duidelijk af wie deze bijeenkomst plant" in page


def test_meetings_are_split_into_upcoming_and_past(client, lid, praktijk):
    now = timezone.now()
    BijeenkomstFactory(
        praktijk=praktijk, titel="Straks", begint_op=now + datetime.timedelta(days=1)
    )
    BijeenkomstFactory(
        praktijk=praktijk,
        titel="Vorige maand",
        begint_op=now - datetime.timedelta(days=30),
        verslag="Klaar.",
    )
    BijeenkomstFactory(  # started an hour ago, still going: upcoming
        praktijk=praktijk,
        titel="Nu bezig",
        begint_op=now - datetime.timedelta(hours=1),
        eindigt_op=now + datetime.timedelta(hours=1),
    )
    client.force_login(lid)
    page = rendered(client.get(url("bijeenkomsten")), ">Bijeenkomsten</h1>", 'id="geweest-kop"')
    komend, geweest = page.split('id="geweest-kop"')
    assert "Straks" in komend and "Nu bezig" in komend and "Vorige maand" not in komend
    assert "Vorige maand" in geweest and "verslag klaar" in geweest


def test_a_meeting_of_another_practice_is_404_and_never_listed(
    client, facilitator, andere_bijeenkomst
):
    client.force_login(facilitator)
    for name in ["bijeenkomst_detail", "bijeenkomst_bewerken", "bijeenkomst_ics"]:
        assert client.get(url(name, andere_bijeenkomst.pk)).status_code == 404, name
    response = client.post(url("bijeenkomst_bewerken", andere_bijeenkomst.pk), data())
    assert response.status_code == 404
    page = rendered(client.get(url("bijeenkomsten")), ">Bijeenkomsten</h1>")
    assert "Geheime bijeenkomst Ede" not in page
    andere_bijeenkomst.refresh_from_db()
    assert andere_bijeenkomst.titel == "Geheime bijeenkomst Ede"


def test_unknown_meeting_is_404(client, lid, praktijk):
    client.force_login(lid)
    assert client.get(url("bijeenkomst_detail", 999999)).status_code == 404


@pytest.mark.parametrize("n", [3, 30])
def test_meeting_list_takes_a_fixed_number_of_queries(
    client, lid, praktijk, n, django_assert_max_num_queries
):
    now = timezone.now()
    for i in range(n):
        BijeenkomstFactory(praktijk=praktijk, begint_op=now + datetime.timedelta(days=i - n // 2))
    client.force_login(lid)
    with django_assert_max_num_queries(5):
        response = client.get(url("bijeenkomsten"))
    assert response.text.count('<th class="utrecht-table__header-cell" scope="row">') == n


# The iCalendar file


def unfold(ics: str) -> list[str]:
    """The content lines of an iCalendar text, with folded lines joined again."""
    return ics.replace("\r\n ", "").split("\r\n")


def test_ics_is_a_calendar_file_with_one_event_in_utc(client, lid, praktijk):
    bijeenkomst = BijeenkomstFactory(
        praktijk=praktijk,
        titel="Kerngroep; planning, evaluatie",
        begint_op=datetime.datetime(2026, 3, 10, 14, 0, tzinfo=AMSTERDAM),  # winter: UTC+1
        eindigt_op=datetime.datetime(2026, 6, 10, 16, 0, tzinfo=AMSTERDAM),  # summer: UTC+2
        locatie="Raadzaal, Stadhuisplein 1; Stein",
        agenda="1. Opening\n2. Terugblik\\evaluatie",
    )
    client.force_login(lid)
    response = client.get(url("bijeenkomst_ics", bijeenkomst.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.ics"')
    ics = response.content.decode("utf-8")
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert "\n" not in ics.replace("\r\n", "")  # every line ends with CRLF
    lines = unfold(ics)
    assert "BEGIN:VEVENT" in lines and "END:VEVENT" in lines
    assert "VERSION:2.0" in lines
    assert "DTSTART:20260310T130000Z" in lines
    assert "DTEND:20260610T140000Z" in lines
    assert "SUMMARY:Kerngroep\\; planning\\, evaluatie" in lines
    assert "LOCATION:Raadzaal\\, Stadhuisplein 1\\; Stein" in lines
    assert any(line.startswith(f"UID:bijeenkomst-{bijeenkomst.pk}@") for line in lines)
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in lines)
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "1. Opening\\n2. Terugblik\\\\evaluatie" in description
    assert "Wie plant: Anouk" not in description  # the factory agrees nothing
    assert url("bijeenkomst_detail", bijeenkomst.pk) in description


def test_ics_without_an_end_lasts_two_hours(client, lid, praktijk):
    bijeenkomst = BijeenkomstFactory(
        praktijk=praktijk, begint_op=datetime.datetime(2026, 3, 10, 14, 0, tzinfo=AMSTERDAM)
    )
    client.force_login(lid)
    lines = unfold(client.get(url("bijeenkomst_ics", bijeenkomst.pk)).content.decode())
    assert "DTEND:20260310T150000Z" in lines


def test_ics_folds_long_lines_at_75_octets(client, lid, praktijk):
    bijeenkomst = BijeenkomstFactory(
        praktijk=praktijk,
        titel="Ontmoeting " + "één café " * 20,
        agenda="Wie plant, wie notuleert; " * 20,
        planner="Anouk",
    )
    client.force_login(lid)
    ics = client.get(url("bijeenkomst_ics", bijeenkomst.pk)).content
    physical = ics.split(b"\r\n")
    assert max(len(line) for line in physical) <= 75
    assert any(line.startswith(b" ") for line in physical)  # something was folded
    for line in physical:
        line.decode("utf-8")  # no character was cut in half
    lines = unfold(ics.decode())
    summary = next(line for line in lines if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:" + bijeenkomst.titel.replace(",", "\\,")
    assert "Wie plant: Anouk" in next(line for line in lines if line.startswith("DESCRIPTION:"))

"""Around the workshop: the session page's counts, the order of session lists, closing with
confirmation and paper sessions without a live code."""

import datetime
import io

import pytest
import qrcode
import qrcode.image.svg
from django.urls import reverse

from condities import services
from condities.models import Actie, ConditieScore, Sessie
from condities.selectors import sessies_for_praktijk, stellingen_for_sessie

pytestmark = pytest.mark.django_db


def url(name, sessie):
    return reverse(f"condities:{name}", kwargs={"slug": sessie.praktijk.slug, "pk": sessie.pk})


def test_the_session_page_counts_participants_not_answers(
    client, facilitator, sessie, stellingen, maak_deelnemers
):
    deelnemers = maak_deelnemers(3)
    for deelnemer in deelnemers:
        for stelling in stellingen["ambitie"] + stellingen["relatie"]:
            services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=3)
    services.deelnemer_finish(deelnemer=deelnemers[0])
    services.deelnemer_finish(deelnemer=deelnemers[1])
    client.force_login(facilitator)
    page = client.get(url("sessie_detail", sessie))
    assert "3 doen mee, 2 zijn klaar." in page.text


def _sessie(praktijk, facilitator, titel, datum):
    return services.sessie_create(
        praktijk=praktijk,
        titel=titel,
        datum=datum,
        modus="live",
        condities=["relatie"],
        by=facilitator,
    )


@pytest.fixture
def drie_sessies(praktijk, facilitator):
    # Created out of date order, so neither the id nor the creation time gives the order away.
    _sessie(praktijk, facilitator, "Middel", datetime.date(2026, 5, 1))
    _sessie(praktijk, facilitator, "Oudste", datetime.date(2026, 1, 1))
    _sessie(praktijk, facilitator, "Nieuwste", datetime.date(2026, 9, 1))


def _volgorde(text: str) -> list[str]:
    titels = ["Nieuwste", "Middel", "Oudste"]
    return sorted(titels, key=text.index)


def test_the_sessions_page_lists_the_newest_first(client, facilitator, drie_sessies):
    client.force_login(facilitator)
    page = client.get(reverse("condities:sessies", args=["stein"]))
    assert "nieuwste eerst" in page.text
    assert _volgorde(page.text) == ["Nieuwste", "Middel", "Oudste"]


def test_the_practice_report_lists_sessions_newest_first(client, facilitator, drie_sessies):
    client.force_login(facilitator)
    page = client.get(reverse("condities:praktijk_rapport", args=["stein"]))
    assert "nieuwste eerst" in page.text
    assert _volgorde(page.text) == ["Nieuwste", "Middel", "Oudste"]


def test_sessions_of_one_day_list_the_last_created_first(praktijk, facilitator):
    eerste = _sessie(praktijk, facilitator, "Ochtend", datetime.date(2026, 5, 1))
    tweede = _sessie(praktijk, facilitator, "Middag", datetime.date(2026, 5, 1))
    sessies = sessies_for_praktijk(praktijk=praktijk)
    assert [s.pk for s in sessies] == [tweede.pk, eerste.pk]


# The join address: the request's own (allowed) host, or SITE_URL when it is set.


def _qr_svg(address: str) -> bytes:
    image = qrcode.make(address, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def lan(settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "192.168.1.20", "testserver"]
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.SITE_URL_FROM_ENV = False


def test_the_join_address_and_qr_use_the_host_the_page_was_asked_on(
    client, facilitator, sessie, lan
):
    client.force_login(facilitator)
    address = f"http://192.168.1.20:8000/doe-mee/{sessie.code}/"
    assert reverse("condities:doe_mee_code", args=[sessie.code]) in address
    page = client.get(url("sessie_detail", sessie), headers={"Host": "192.168.1.20:8000"})
    assert address in page.text
    assert "127.0.0.1" not in page.text
    qr = client.get(url("qr", sessie), headers={"Host": "192.168.1.20:8000"})
    assert qr.content == _qr_svg(address)
    scherm = client.get(url("scherm", sessie), headers={"Host": "192.168.1.20:8000"})
    assert address in scherm.text


def test_a_site_url_that_is_set_wins_over_the_host(client, facilitator, sessie, lan, settings):
    settings.SITE_URL = "https://lerendepraktijk.example"
    settings.SITE_URL_FROM_ENV = True
    client.force_login(facilitator)
    address = f"https://lerendepraktijk.example/doe-mee/{sessie.code}/"
    page = client.get(url("sessie_detail", sessie), headers={"Host": "192.168.1.20:8000"})
    assert address in page.text
    qr = client.get(url("qr", sessie), headers={"Host": "192.168.1.20:8000"})
    assert qr.content == _qr_svg(address)


def test_a_host_that_is_not_allowed_gets_no_join_address(client, facilitator, sessie, lan):
    client.force_login(facilitator)
    page = client.get(url("sessie_detail", sessie), headers={"Host": "evil.example"})
    assert page.status_code == 400
    assert sessie.code not in page.text
    qr = client.get(url("qr", sessie), headers={"Host": "evil.example"})
    assert qr.status_code == 400


# Closing asks for confirmation.


def test_closing_without_confirmation_changes_nothing(
    client, facilitator, sessie, stellingen, maak_deelnemers
):
    for deelnemer in maak_deelnemers(3):
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["relatie"][0], score=4)
    client.force_login(facilitator)
    page = client.get(url("sessie_detail", sessie))
    assert 'name="zeker"' in page.text
    response = client.post(url("sessie_sluiten", sessie), follow=True)
    sessie.refresh_from_db()
    assert sessie.status == Sessie.Status.OPEN
    assert not ConditieScore.objects.filter(sessie=sessie).exists()
    assert "Er is niets veranderd" in response.text


def test_closing_with_confirmation_closes(client, facilitator, sessie, stellingen, maak_deelnemers):
    for deelnemer in maak_deelnemers(3):
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["relatie"][0], score=4)
    client.force_login(facilitator)
    response = client.post(url("sessie_sluiten", sessie), {"zeker": "on"})
    assert response.status_code == 302
    sessie.refresh_from_db()
    assert sessie.status == Sessie.Status.GESLOTEN
    assert ConditieScore.objects.filter(sessie=sessie).exists()


def test_closing_is_post_only(client, facilitator, sessie):
    client.force_login(facilitator)
    assert client.get(url("sessie_sluiten", sessie), {"zeker": "on"}).status_code == 405
    sessie.refresh_from_db()
    assert sessie.status == Sessie.Status.OPEN


# A paper session: tallies and closing without a live code.


@pytest.fixture
def papier_sessie(praktijk, facilitator):
    return services.sessie_create(
        praktijk=praktijk,
        titel="Op papier",
        datum=datetime.date(2026, 10, 1),
        modus="papier",
        condities=["relatie"],
        by=facilitator,
    )


def test_a_paper_session_gets_its_tallies_and_closes_without_a_code(
    client, facilitator, papier_sessie
):
    client.force_login(facilitator)
    page = client.get(url("sessie_detail", papier_sessie))
    assert url("papier", papier_sessie) in page.text
    assert url("formulier", papier_sessie) in page.text
    assert url("sessie_sluiten", papier_sessie) in page.text
    assert url("sessie_openen", papier_sessie) not in page.text

    stelling = stellingen_for_sessie(sessie=papier_sessie)[0]
    saved = client.post(
        url("papier", papier_sessie), {"formulieren": "3", f"s{stelling.pk}_4": "3"}
    )
    assert saved.status_code == 302
    client.post(url("sessie_sluiten", papier_sessie), {"zeker": "on"})
    papier_sessie.refresh_from_db()
    assert papier_sessie.status == Sessie.Status.GESLOTEN
    assert papier_sessie.code == ""
    score = ConditieScore.objects.get(sessie=papier_sessie, conditie="relatie", groep="")
    assert score.respondenten == 3


def test_a_live_session_that_is_not_open_offers_opening_not_paper(client, facilitator, praktijk):
    live = _sessie(praktijk, facilitator, "Live", datetime.date(2026, 10, 1))
    client.force_login(facilitator)
    page = client.get(url("sessie_detail", live))
    assert url("sessie_openen", live) in page.text
    assert url("papier", live) not in page.text


# Words: Django's empty choice in Dutch, one name for the workshop.


def test_the_empty_choice_of_a_select_is_dutch(client, kerngroeplid, sessie):
    stap = services.actie_create(
        sessie=sessie,
        actie=Actie(conditie="proces", soort="stap", tekst="Samen oefenen"),
        by=kerngroeplid,
    )
    client.force_login(kerngroeplid)
    page = client.get(reverse("condities:actie_experiment", args=["stein", sessie.pk, stap.pk]))
    assert '<option value="" selected>- Kies een optie -</option>' in page.text
    assert "Select an option" not in page.text


def test_the_workshop_is_a_werkvorm_in_menu_heading_and_buttons(client, facilitator, sessie):
    client.force_login(facilitator)
    lijst = client.get(reverse("condities:sessies", args=["stein"]))
    assert "Nieuwe werkvorm" in lijst.text
    assert "Werkvormen" in lijst.text
    detail = client.get(url("sessie_detail", sessie))
    assert "Werkvorm sluiten" in detail.text
    for page in (lijst, detail):
        assert "sessie" not in page.text.lower().replace("/sessies/", "")


def test_required_fields_are_marked_not_the_optional_ones(client, kerngroeplid, sessie):
    client.force_login(kerngroeplid)
    page = client.get(url("sessie_detail", sessie)).text
    required = '<span class="lp-required" aria-hidden="true">*</span>'
    # Outside the label: the field's name stays "Wat" (Playwright's get_by_label reads the text).
    assert f'for="id_tekst">Wat</label> {required}' in page
    assert 'for="id_wie">Wie</label>' in page  # optional: no mark
    assert page.count("Velden met een * moet je invullen.") == 1
    assert "niet verplicht" not in page

"""The room's screen: stages, keys' actions, the control page, and nothing of the app around it."""

import pytest
from django.urls import reverse

from condities import services
from condities.models import Sessie
from condities.services import scherm as scherm_services
from praktijken.models import Gebeurtenis

pytestmark = pytest.mark.django_db


def url(naam, sessie):
    return reverse(f"condities:{naam}", args=["stein", sessie.pk])


def actie(client, sessie, actie, terug="scherm"):
    return client.post(url("scherm_actie", sessie), {"actie": actie, "terug": terug})


def test_the_screen_has_no_app_around_it_and_shows_code_and_qr(client, sessie, facilitator):
    client.force_login(facilitator)
    response = client.get(url("scherm", sessie))
    assert response.status_code == 200
    page = response.text
    assert sessie.code in page and url("qr", sessie) in page
    assert "Doe mee met je telefoon" in page
    assert "Uitloggen" not in page and "Sociale kaart" not in page and "Taal" not in page
    assert 'src="/static/js/scherm.js"' in page and 'nonce="' in page


def test_next_and_previous_walk_the_stages(client, sessie, facilitator):
    client.force_login(facilitator)
    stappen = scherm_services.scherm_stappen(sessie=sessie)
    assert stappen[0] == "wachten" and stappen[-2:] == ["overzicht", "einde"]
    for verwacht in stappen[1:]:
        assert actie(client, sessie, "volgende").status_code == 302
        sessie.refresh_from_db()
        assert sessie.scherm == verwacht
    actie(client, sessie, "volgende")  # at the end it stays there
    sessie.refresh_from_db()
    assert sessie.scherm == "einde"
    actie(client, sessie, "vorige")
    sessie.refresh_from_db()
    assert sessie.scherm == "overzicht"
    actie(client, sessie, "wachten")
    sessie.refresh_from_db()
    assert sessie.scherm == "wachten"


def test_key_g_switches_the_overview_to_the_groups_and_back(client, sessie, facilitator):
    client.force_login(facilitator)
    actie(client, sessie, "volgende")  # Ambitie: nothing to switch
    actie(client, sessie, "groepen")
    sessie.refresh_from_db()
    assert sessie.scherm == "ambitie"

    sessie.scherm = "overzicht"
    sessie.save(update_fields=["scherm"])
    actie(client, sessie, "groepen", terug="bediening")
    sessie.refresh_from_db()
    assert sessie.scherm == "overzicht-groepen"
    assert scherm_services.scherm_stap(sessie=sessie) == "overzicht"
    assert scherm_services.telefoon_stap(sessie=sessie) is None  # own pace still
    bediening = client.get(url("bediening", sessie)).text
    assert "Stap 12 van 13" in bediening and "overzicht: kerngroep en ontwerpgroep" in bediening

    actie(client, sessie, "groepen")
    sessie.refresh_from_db()
    assert sessie.scherm == "overzicht"
    actie(client, sessie, "groepen")
    actie(client, sessie, "volgende")  # on from either view of the overview: the end
    sessie.refresh_from_db()
    assert sessie.scherm == "einde"
    assert 'aria-keyshortcuts="G"' in client.get(url("scherm", sessie)).text


def test_reveal_and_hide_act_on_the_condition_on_the_screen(
    client, sessie, facilitator, stellingen, maak_deelnemers
):
    for deelnemer in maak_deelnemers(3):
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["ambitie"][0], score=4)
    client.force_login(facilitator)
    actie(client, sessie, "volgende")  # Ambitie
    page = client.get(url("scherm", sessie)).text
    assert "3 mensen hebben geantwoord." in page and "4,0" not in page

    actie(client, sessie, "onthul")
    sessie.refresh_from_db()
    assert sessie.onthuld == ["ambitie"]
    page = client.get(url("scherm", sessie), headers={"HX-Request": "true"}).text
    assert "4,0" in page and "<html" not in page  # the poll gets the stage alone

    actie(client, sessie, "verberg")
    sessie.refresh_from_db()
    assert sessie.onthuld == []
    assert Gebeurtenis.objects.filter(actie="sessie.hide").count() == 1
    assert "4,0" not in client.get(url("scherm", sessie)).text


def test_the_control_page_moves_the_same_screen(client, sessie, facilitator):
    client.force_login(facilitator)
    response = actie(client, sessie, "volgende", terug="bediening")
    assert response.status_code == 302 and response["Location"] == url("bediening", sessie)
    bediening = client.get(url("bediening", sessie)).text
    assert "Stap 2 van 13" in bediening and "Ambitie" in bediening
    assert client.get(url("scherm", sessie)).text.count("Ambitie") >= 1


def test_an_unknown_action_changes_nothing(client, sessie, facilitator):
    client.force_login(facilitator)
    response = client.post(url("scherm_actie", sessie), {"actie": "sluit", "terug": "scherm"})
    assert response.status_code == 400
    sessie.refresh_from_db()
    assert sessie.scherm == "wachten" and sessie.status == Sessie.Status.OPEN


def test_another_practice_cannot_see_or_move_the_screen(client, sessie, outsider):
    client.force_login(outsider)
    assert client.get(url("scherm", sessie)).status_code == 404
    assert actie(client, sessie, "volgende").status_code == 404
    sessie.refresh_from_db()
    assert sessie.scherm == "wachten"


def test_phones_follow_the_screen_when_the_room_is_kept_together(
    client, sessie, facilitator, stellingen
):
    telefoon = client_class()
    telefoon.post(
        reverse("condities:doe_mee_code", args=[sessie.code]),
        {"naam": "", "organisatie": "mantelzorger", "email": ""},
    )
    vragen = reverse("condities:vragen", args=[sessie.code])
    stap = reverse("condities:stap", args=[sessie.code])
    eigen_tempo = telefoon.get(vragen).text
    assert "<h1" in eigen_tempo and "Ambitie" in eigen_tempo
    assert stap not in eigen_tempo  # at their own pace, phones do not poll
    assert telefoon.get(stap, {"tempo": "eigen"}).status_code == 204  # own pace: nothing to do

    client.force_login(facilitator)
    actie(client, sessie, "samen", terug="bediening")
    for _ in range(5):  # wachten -> ambitie -> its conversation -> belangen -> ... -> relatie
        actie(client, sessie, "volgende")

    poll = telefoon.get(stap, {"tempo": "eigen"})
    assert poll.status_code == 200 and poll["HX-Redirect"] == vragen
    page = telefoon.get(vragen).text
    assert "je telefoon laat de conditie zien die op het scherm staat" in page
    assert f"{stap}?tempo=relatie" in page  # now the phone asks whether the screen moved on
    assert ">Relatie <" in page
    assert telefoon.get(stap, {"tempo": "relatie"}).status_code == 204

    actie(client, sessie, "volgende")  # the conversation about Relatie
    poll = telefoon.get(stap, {"tempo": "relatie"})
    gesprek = reverse("condities:gesprek", args=[sessie.code])
    assert poll.status_code == 200 and poll["HX-Redirect"] == vragen
    assert telefoon.get(vragen)["Location"] == gesprek
    page = telefoon.get(gesprek).text
    assert "Relatie: het gesprek" in page and f"{stap}?tempo=gesprek-relatie" in page
    assert telefoon.get(stap, {"tempo": "gesprek-relatie"}).status_code == 204

    for _ in range(5):  # organisatie ... proces, its conversation, overzicht
        actie(client, sessie, "volgende")
    assert "Kijk naar het scherm" in telefoon.get(vragen).text

    actie(client, sessie, "los", terug="bediening")
    assert ">Ambitie <" in telefoon.get(vragen).text  # back to their own pace


def test_the_pace_poll_is_for_participants_only(client, sessie):
    response = client.get(reverse("condities:stap", args=[sessie.code]), {"tempo": "eigen"})
    assert response.status_code == 404
    assert client.get(reverse("condities:doe_mee_code", args=[sessie.code])).status_code == 200


def client_class():
    from django.test import Client

    return Client()

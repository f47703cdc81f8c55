"""The programme team starts a practice in its programme and invites its first facilitator;
the facilitator accepts and runs it; the team member never becomes a member of it."""

import pytest
from django.urls import reverse

from netwerk.models import Uitnodiging
from praktijken.models import Gebeurtenis, Lidmaatschap, Praktijk, Rol
from tests.factories import PraktijkFactory, ProgrammaTeamlidFactory
from tests.permissions import assert_matrix, programme_team

pytestmark = pytest.mark.django_db

WACHTWOORD = "Mantelzorg-in-Leusden-2026"
GELDIG = {
    "naam": "Lerende praktijk Leusden",
    "slug": "leusden",
    "gemeente": "Leusden",
    "kernthema": "Samen zorgen, samen sterk",
    "ambitie": "Elke mantelzorger in Leusden weet bij wie hij terecht kan.",
    "facilitator_email": "Fenna.Facilitator@Leusden.example",
    "facilitator_naam": "Fenna Facilitator",
}


def starten_url(programma) -> str:
    return reverse("programma:praktijk_starten", args=[programma.slug])


def test_permissions_of_the_start_page(
    login_as, programma, programmateam, lid, kerngroeplid, facilitator, staff, outsider
):
    assert_matrix(login_as, starten_url(programma), programme_team())


def test_posting_is_for_the_team_and_staff_only(
    login_as, programma, programmateam, lid, kerngroeplid, facilitator, staff, outsider
):
    # Invalid data on purpose: the team and staff get the form back (200), nothing is made.
    assert_matrix(
        login_as, starten_url(programma), programme_team(), method="post", data={"naam": ""}
    )
    assert not Praktijk.objects.filter(slug="leusden").exists()


def test_another_programmes_team_cannot_start_a_practice_here(client, programma):
    ander = ProgrammaTeamlidFactory()
    client.force_login(ander.user)
    assert client.post(starten_url(programma), GELDIG).status_code == 404
    assert not Praktijk.objects.filter(slug="leusden").exists()
    assert not Uitnodiging.objects.exists()


def test_the_team_starts_a_practice_and_the_facilitator_gets_the_invitation(
    client, programma, programmateam, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(programmateam)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(starten_url(programma), GELDIG)

    assert response.status_code == 302
    assert response["Location"] == reverse("programma:overzicht", args=[programma.slug])
    praktijk = Praktijk.objects.get(slug="leusden")
    assert praktijk.programma == programma
    assert praktijk.kernthema == "Samen zorgen, samen sterk"
    uitnodiging = Uitnodiging.objects.get(praktijk=praktijk)
    assert uitnodiging.rol == Rol.FACILITATOR
    assert uitnodiging.email == "fenna.facilitator@leusden.example"
    assert uitnodiging.uitgenodigd_door == programmateam
    # The team member is no member of the practice it started.
    assert not Lidmaatschap.objects.filter(praktijk=praktijk).exists()
    # Recorded in the practice's audit trail.
    assert set(Gebeurtenis.objects.filter(praktijk=praktijk).values_list("actie", flat=True)) == {
        "praktijk.create",
        "uitnodiging.create",
    }

    [mail] = mailoutbox
    assert mail.to == ["fenna.facilitator@leusden.example"]
    assert "Lerende praktijk Leusden" in mail.body and "facilitator" in mail.body
    assert f"/uitnodiging/{uitnodiging.token}/" in mail.body

    overzicht = client.get(response["Location"])
    assert "Lerende praktijk Leusden is gestart" in overzicht.text
    assert (
        "Lerende praktijk Leusden" in overzicht.text
        and "Samen zorgen, samen sterk" in overzicht.text
    )
    # The overview names no person, not even the facilitator just invited.
    assert "Fenna" not in overzicht.text and "leusden.example" not in overzicht.text
    assert client.get(praktijk.get_absolute_url()).status_code == 404

    # The facilitator sets up an account with the link and runs the practice.
    client.logout()
    response = client.post(
        reverse("netwerk:uitnodiging_accepteren", args=[uitnodiging.token]),
        {"naam": "Fenna Facilitator", "password1": WACHTWOORD, "password2": WACHTWOORD},
    )
    assert response.status_code == 302
    lidmaatschap = Lidmaatschap.objects.get(praktijk=praktijk)
    assert lidmaatschap.rol == Rol.FACILITATOR
    assert lidmaatschap.user.email == "fenna.facilitator@leusden.example"
    assert client.get(reverse("praktijken:bewerken", args=["leusden"])).status_code == 200


def test_a_short_name_in_use_gets_a_clear_dutch_message(
    client, programma, programmateam, mailoutbox
):
    PraktijkFactory(slug="leusden", naam="Een andere praktijk")
    client.force_login(programmateam)
    response = client.post(starten_url(programma), {**GELDIG, "slug": "Leusden"})
    assert response.status_code == 200
    assert "Een andere praktijk heeft deze korte naam al." in response.text
    assert 'value="Lerende praktijk Leusden"' in response.text  # the rest is kept
    assert Praktijk.objects.filter(slug="leusden").count() == 1
    assert not Uitnodiging.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"slug": "leus den!"}, "geldige"),
        ({"facilitator_email": "geen-adres"}, "e-mailadres"),
        ({"kernthema": ""}, "Dit veld is verplicht."),
        ({"naam": "x" * 201}, "niet meer dan 200"),
        ({"ambitie": "x" * 2001}, "niet meer dan 2000"),
    ],
)
def test_invalid_input_is_refused_in_dutch(client, programma, programmateam, data, message):
    client.force_login(programmateam)
    response = client.post(starten_url(programma), {**GELDIG, **data})
    assert response.status_code == 200
    assert message in response.text
    assert not Praktijk.objects.filter(programma=programma).exclude(slug="stein").exists()


def test_the_invitation_stops_working_when_its_sender_leaves_the_team(
    client, programma, programmateam
):
    client.force_login(programmateam)
    client.post(starten_url(programma), GELDIG)
    uitnodiging = Uitnodiging.objects.get(praktijk__slug="leusden")
    client.logout()
    link = reverse("netwerk:uitnodiging_accepteren", args=[uitnodiging.token])
    assert client.get(link).status_code == 200
    programma.team.filter(user=programmateam).delete()
    assert client.get(link).status_code == 410

"""The team invites the first facilitator of a practice of its programme that has none yet, or
again when the link expired; once the practice has a facilitator, that is theirs to do."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from netwerk.models import Uitnodiging
from praktijken.models import Rol
from tests.factories import (
    LidmaatschapFactory,
    PraktijkFactory,
    ProgrammaTeamlidFactory,
    UitnodigingFactory,
)
from tests.permissions import assert_matrix, programme_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def leusden(programma):
    return PraktijkFactory(slug="leusden", naam="Lerende praktijk Leusden", programma=programma)


def uitnodigen_url(programma, praktijk) -> str:
    return reverse("programma:facilitator_uitnodigen", args=[programma.slug, praktijk.slug])


def test_permissions_for_a_practice_without_facilitator(
    login_as, programma, leusden, programmateam, lid, kerngroeplid, facilitator, staff, outsider
):
    assert_matrix(login_as, uitnodigen_url(programma, leusden), programme_team())


def test_a_practice_outside_the_programme_is_not_found(client, programma, programmateam):
    elders = PraktijkFactory(slug="elders")
    client.force_login(programmateam)
    assert client.get(uitnodigen_url(programma, elders)).status_code == 404
    ander = ProgrammaTeamlidFactory().programma
    assert client.get(uitnodigen_url(ander, elders)).status_code == 404


def test_the_overview_offers_to_invite_where_there_is_no_facilitator(
    client, programma, leusden, programmateam, facilitator
):
    client.force_login(programmateam)
    page = client.get(reverse("programma:overzicht", args=[programma.slug])).text
    assert uitnodigen_url(programma, leusden) in page and "Nog geen facilitator." in page
    # stein has its facilitator: no offer there.
    assert reverse("programma:facilitator_uitnodigen", args=[programma.slug, "stein"]) not in page


def test_the_team_invites_the_first_facilitator(
    client, programma, leusden, programmateam, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(programmateam)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            uitnodigen_url(programma, leusden),
            {"email": " Fenna@Leusden.example ", "naam": "Fenna Facilitator"},
        )
    assert response.status_code == 302
    uitnodiging = Uitnodiging.objects.get(praktijk=leusden)
    assert (uitnodiging.email, uitnodiging.rol) == ("fenna@leusden.example", Rol.FACILITATOR)
    assert [m.to for m in mailoutbox] == [["fenna@leusden.example"]]
    page = client.get(response["Location"]).text
    assert "De eerste facilitator van Lerende praktijk Leusden is uitgenodigd." in page
    assert "is uitgenodigd en heeft zich nog niet aangemeld" in page
    assert "Fenna" not in page.replace("De eerste facilitator", "")


def test_an_expired_invitation_goes_out_again_with_a_new_link(
    client, programma, leusden, programmateam, mailoutbox, django_capture_on_commit_callbacks
):
    oud = UitnodigingFactory(
        praktijk=leusden,
        email="fenna@leusden.example",
        rol=Rol.FACILITATOR,
        uitgenodigd_door=programmateam,
        verloopt_op=timezone.now() - datetime.timedelta(days=1),
    )
    oude_token = oud.token
    client.force_login(programmateam)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            uitnodigen_url(programma, leusden),
            {"email": "fenna@leusden.example", "naam": "Fenna"},
        )
    assert response.status_code == 302
    oud.refresh_from_db()
    assert Uitnodiging.objects.filter(praktijk=leusden).count() == 1
    assert oud.token != oude_token and oud.verloopt_op > timezone.now()
    assert len(mailoutbox) == 1 and oud.token in mailoutbox[0].body


def test_once_the_practice_has_a_facilitator_the_team_gets_403(
    client, programma, leusden, programmateam
):
    LidmaatschapFactory(praktijk=leusden, rol=Rol.FACILITATOR)
    client.force_login(programmateam)
    assert client.get(uitnodigen_url(programma, leusden)).status_code == 403
    response = client.post(
        uitnodigen_url(programma, leusden), {"email": "x@leusden.example", "naam": "X"}
    )
    assert response.status_code == 403
    assert not Uitnodiging.objects.filter(praktijk=leusden).exists()

"""The Members page: who may open it, changing roles, removing members, and the last facilitator."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from praktijken.models import Lidmaatschap, Rol
from tests.factories import (
    LidmaatschapFactory,
    PersoonFactory,
    UitnodigingFactory,
    UserFactory,
)
from tests.pages import rendered
from tests.permissions import assert_matrix, managers

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"netwerk:{name}", args=args)


def lidmaatschap_of(user, praktijk) -> Lidmaatschap:
    return Lidmaatschap.objects.get(user=user, praktijk=praktijk)


# Who may do what -------------------------------------------------------------------------------


def test_members_page_is_for_facilitators_and_staff_only(login_as, praktijk, lid, kerngroeplid):
    assert_matrix(login_as, url("leden", "stein"), managers())


def test_changing_a_role_is_for_facilitators_and_staff_only(
    login_as, praktijk, lid, kerngroeplid, facilitator
):
    target = lidmaatschap_of(lid, praktijk)
    assert_matrix(
        login_as,
        url("lid_rol", "stein", target.pk),
        managers(302),
        method="post",
        data={"rol": Rol.KERNGROEPLID},
    )
    target.refresh_from_db()
    assert target.rol == Rol.KERNGROEPLID


def test_removing_a_member_is_for_facilitators_and_staff_only(
    login_as, praktijk, lid, kerngroeplid, facilitator
):
    # The target is the only facilitator: allowed people get the page back with the refusal,
    # so the same request can be made by each persona.
    target = lidmaatschap_of(facilitator, praktijk)
    assert_matrix(
        login_as, url("lid_verwijderen", "stein", target.pk), managers(200), method="post"
    )
    assert Lidmaatschap.objects.filter(pk=target.pk).exists()


def test_an_outsider_gets_404_not_403_on_every_members_url(client, outsider, praktijk, lid):
    client.force_login(outsider)
    target = lidmaatschap_of(lid, praktijk)
    invitation = UitnodigingFactory(praktijk=praktijk)
    for name, args, method in [
        ("leden", (), "get"),
        ("uitnodigen", (), "get"),
        ("uitnodigen", (), "post"),
        ("lid_rol", (target.pk,), "post"),
        ("lid_verwijderen", (target.pk,), "post"),
        ("uitnodiging_opnieuw", (invitation.pk,), "post"),
        ("uitnodiging_intrekken", (invitation.pk,), "post"),
    ]:
        response = getattr(client, method)(url(name, "stein", *args), {"rol": Rol.LID})
        assert response.status_code == 404, name
    assert Lidmaatschap.objects.filter(pk=target.pk).exists()


def test_a_membership_of_another_praktijk_gets_404(client, facilitator, andere_praktijk, outsider):
    client.force_login(facilitator)
    theirs = lidmaatschap_of(outsider, andere_praktijk)

    response = client.post(url("lid_rol", "stein", theirs.pk), {"rol": Rol.LID})
    assert response.status_code == 404
    response = client.post(url("lid_verwijderen", "stein", theirs.pk))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.rol == Rol.FACILITATOR


def test_get_on_a_post_only_url_is_refused(client, facilitator, praktijk, lid):
    client.force_login(facilitator)
    response = client.get(url("lid_verwijderen", "stein", lidmaatschap_of(lid, praktijk).pk))
    assert response.status_code == 405


def test_members_menu_entry_only_for_managers(client, praktijk, facilitator, lid):
    leden_url = url("leden", "stein")
    client.force_login(facilitator)
    assert leden_url in client.get(praktijk.get_absolute_url()).text
    client.force_login(lid)
    assert leden_url not in rendered(client.get(praktijk.get_absolute_url()), praktijk.naam)


# What the page shows ---------------------------------------------------------------------------


def test_members_page_lists_accounts_roles_and_organisation(
    client, praktijk, facilitator, lid, kerngroeplid
):
    client.force_login(facilitator)
    page = client.get(url("leden", "stein")).text
    assert "Leden" in page
    assert lid.email in page
    assert kerngroeplid.email in page
    assert "Steunpunt Mantelzorg Stein" in page  # the lid's organisation
    assert "Kerngroeplid" in page


def test_members_page_shows_each_invitation_state(client, praktijk, facilitator):
    now = timezone.now()
    UitnodigingFactory(praktijk=praktijk, email="open@zorg.example")
    UitnodigingFactory(
        praktijk=praktijk,
        email="verlopen@zorg.example",
        verloopt_op=now - datetime.timedelta(days=1),
    )
    UitnodigingFactory(praktijk=praktijk, email="gebruikt@zorg.example", gebruikt_op=now)
    UitnodigingFactory(praktijk=praktijk, email="ingetrokken@zorg.example", ingetrokken_op=now)
    client.force_login(facilitator)

    page = client.get(url("leden", "stein")).text

    for state in ("lp-staat--open", "lp-staat--verlopen", "lp-staat--gebruikt"):
        assert state in page
    assert "lp-staat--ingetrokken" in page
    assert ">Verlopen<" in page and ">Ingetrokken<" in page and ">Gebruikt<" in page
    # Only open and expired invitations can be sent again or revoked.
    assert page.count("Opnieuw sturen") == 2


def test_invitations_of_another_praktijk_are_not_listed(
    client, facilitator, praktijk, andere_praktijk
):
    UitnodigingFactory(praktijk=andere_praktijk, email="geheim@ede.example")
    client.force_login(facilitator)
    page = rendered(client.get(url("leden", "stein")), ">Leden</h1>", facilitator.email)
    assert "geheim@ede.example" not in page


@pytest.mark.parametrize("size", [3, 30])
def test_members_page_makes_a_fixed_number_of_queries(
    client, praktijk, facilitator, size, django_assert_max_num_queries
):
    for _ in range(size):
        user = UserFactory()
        LidmaatschapFactory(praktijk=praktijk, user=user)
        PersoonFactory(user=user)
        UitnodigingFactory(praktijk=praktijk)
    client.force_login(facilitator)
    with django_assert_max_num_queries(8):
        response = client.get(url("leden", "stein"))
    assert response.status_code == 200


# Changing roles --------------------------------------------------------------------------------


def test_facilitator_makes_a_member_core_group_member(client, praktijk, facilitator, lid):
    client.force_login(facilitator)
    target = lidmaatschap_of(lid, praktijk)

    response = client.post(url("lid_rol", "stein", target.pk), {"rol": Rol.KERNGROEPLID})

    assert response.status_code == 302
    target.refresh_from_db()
    assert target.rol == Rol.KERNGROEPLID
    assert "is nu kerngroeplid" in client.get(response["Location"]).text


def test_an_unknown_role_is_refused_in_dutch(client, praktijk, facilitator, lid):
    client.force_login(facilitator)
    target = lidmaatschap_of(lid, praktijk)

    response = client.post(url("lid_rol", "stein", target.pk), {"rol": "baas" * 3000})

    assert response.status_code == 200
    assert "Kies een van de rollen." in response.text
    target.refresh_from_db()
    assert target.rol == Rol.LID


def test_the_last_facilitator_cannot_be_demoted(client, praktijk, facilitator):
    client.force_login(facilitator)
    own = lidmaatschap_of(facilitator, praktijk)

    response = client.post(url("lid_rol", "stein", own.pk), {"rol": Rol.LID})

    assert response.status_code == 200
    assert "laatste facilitator" in response.text
    own.refresh_from_db()
    assert own.rol == Rol.FACILITATOR


def test_a_facilitator_can_step_down_when_there_is_another(client, praktijk, facilitator):
    tweede = UserFactory()
    LidmaatschapFactory(praktijk=praktijk, user=tweede, rol=Rol.FACILITATOR)
    client.force_login(facilitator)
    own = lidmaatschap_of(facilitator, praktijk)

    response = client.post(url("lid_rol", "stein", own.pk), {"rol": Rol.KERNGROEPLID})

    assert response.status_code == 302
    own.refresh_from_db()
    assert own.rol == Rol.KERNGROEPLID
    # No longer a manager: the members page is closed now.
    assert client.get(url("leden", "stein")).status_code == 403


def test_role_change_with_htmx_returns_only_the_member_list(client, praktijk, facilitator, lid):
    client.force_login(facilitator)
    target = lidmaatschap_of(lid, praktijk)

    response = client.post(
        url("lid_rol", "stein", target.pk),
        {"rol": Rol.FACILITATOR},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert "<h1" not in response.text
    assert "is nu facilitator" in response.text
    assert lid.email in response.text


def test_last_facilitator_refusal_with_htmx_is_shown_in_the_list(client, praktijk, facilitator):
    client.force_login(facilitator)
    own = lidmaatschap_of(facilitator, praktijk)

    response = client.post(
        url("lid_rol", "stein", own.pk), {"rol": Rol.LID}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert "laatste facilitator" in response.text
    assert 'aria-invalid="true"' in response.text


# Removing members ------------------------------------------------------------------------------


def test_facilitator_removes_a_member(client, praktijk, facilitator, lid):
    client.force_login(facilitator)
    target = lidmaatschap_of(lid, praktijk)

    response = client.post(url("lid_verwijderen", "stein", target.pk))

    assert response.status_code == 302
    assert not Lidmaatschap.objects.filter(pk=target.pk).exists()
    assert "is geen lid meer" in client.get(response["Location"]).text
    # The removed member no longer sees the practice.
    client.force_login(lid)
    assert client.get(praktijk.get_absolute_url()).status_code == 404


def test_staff_removes_a_member(client, praktijk, staff, lid):
    client.force_login(staff)
    target = lidmaatschap_of(lid, praktijk)
    response = client.post(url("lid_verwijderen", "stein", target.pk))
    assert response.status_code == 302
    assert not Lidmaatschap.objects.filter(pk=target.pk).exists()


def test_the_last_facilitator_cannot_be_removed(client, praktijk, facilitator, staff):
    own = lidmaatschap_of(facilitator, praktijk)
    for person in (facilitator, staff):
        client.force_login(person)
        response = client.post(url("lid_verwijderen", "stein", own.pk))
        assert response.status_code == 200
        assert "laatste facilitator" in response.text
    assert Lidmaatschap.objects.filter(pk=own.pk).exists()


def test_a_facilitator_who_removes_themselves_goes_to_the_start_page(client, praktijk, facilitator):
    LidmaatschapFactory(praktijk=praktijk, rol=Rol.FACILITATOR)
    client.force_login(facilitator)
    own = lidmaatschap_of(facilitator, praktijk)

    response = client.post(url("lid_verwijderen", "stein", own.pk))
    assert response.status_code == 302
    assert response["Location"] == reverse("overzicht:home")

    response = client.post(url("lid_verwijderen", "stein", own.pk), headers={"HX-Request": "true"})
    assert response.status_code == 404  # not a member any more


def test_removing_with_htmx_returns_the_updated_list(client, praktijk, facilitator, lid):
    client.force_login(facilitator)
    target = lidmaatschap_of(lid, praktijk)

    response = client.post(
        url("lid_verwijderen", "stein", target.pk), headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert "is geen lid meer" in response.text
    assert f'<td class="utrecht-table__cell">{lid.email}</td>' not in response.text

"""The network page: the two groups with their interests, moves between them, and agreements."""

import pytest
from django.urls import reverse

from netwerk import services
from netwerk.models import Afspraak, Deelname, DeelnameWijziging, Groep, Organisatie
from tests.factories import AfspraakFactory, DeelnameFactory, OrganisatieFactory
from tests.pages import rendered

pytestmark = pytest.mark.django_db


def netwerk_url() -> str:
    return reverse("netwerk:netwerk", args=["stein"])


def test_page_shows_both_groups_with_interests_and_the_agreements(
    client, lid, huisarts, wijkverpleging, afspraak
):
    huisarts.deelnames.update(
        belangen="Minder dubbele vragen", bijdrage="Spreekuur", tijdsinvestering="2 uur per maand"
    )
    client.force_login(lid)
    response = client.get(netwerk_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert [d.organisatie.naam for d in response.context["kerngroep"]] == [huisarts.naam]
    assert wijkverpleging.naam in [d.organisatie.naam for d in response.context["ontwerpgroep"]]
    for tekst in ["Minder dubbele vragen", "Spreekuur", "2 uur per maand", afspraak.afspraak]:
        assert tekst in html
    # A member reads, but gets no edit buttons.
    assert reverse("netwerk:deelname_nieuw", args=["stein"]) not in html


def test_editor_sees_the_edit_links(client, kerngroeplid, huisarts, afspraak):
    client.force_login(kerngroeplid)
    html = client.get(netwerk_url()).content.decode()
    assert reverse("netwerk:deelname_nieuw", args=["stein"]) in html
    assert reverse("netwerk:afspraak_bewerken", args=["stein", afspraak.pk]) in html


def test_organisation_of_another_practice_is_not_on_the_network_page(
    client, lid, huisarts, ede_organisatie
):
    client.force_login(lid)
    page = rendered(client.get(netwerk_url()), ">Netwerk</h1>", huisarts.naam)
    assert ede_organisatie.naam not in page


def test_adding_an_existing_organisation_records_that_it_joined(client, facilitator, praktijk):
    organisatie = OrganisatieFactory(naam="Zorgcentrum De Beukenhof")
    client.force_login(facilitator)
    response = client.post(
        reverse("netwerk:deelname_nieuw", args=["stein"]),
        {"organisatie": organisatie.pk, "groep": Groep.ONTWERPGROEP, "belangen": "Doorstroom"},
    )
    assert response.status_code == 302
    # It joins as the practice's own entry, copied from the one in the list.
    deelname = Deelname.objects.get(praktijk=praktijk, organisatie__bron=organisatie)
    assert deelname.organisatie.naam == "Zorgcentrum De Beukenhof"
    assert deelname.organisatie.eigenaar == praktijk
    assert deelname.belangen == "Doorstroom"
    wijziging = deelname.wijzigingen.get()
    assert (wijziging.van_groep, wijziging.naar_groep, wijziging.door) == (
        "",
        Groep.ONTWERPGROEP,
        facilitator,
    )


def test_adding_a_new_organisation_by_name_and_kind(client, facilitator, praktijk):
    client.force_login(facilitator)
    response = client.post(
        reverse("netwerk:deelname_nieuw", args=["stein"]),
        {
            "nieuwe_naam": "Zonnebloem Stein",
            "nieuwe_soort": "vrijwilligersorganisatie",
            "groep": Groep.KERNGROEP,
        },
    )
    assert response.status_code == 302
    organisatie = Organisatie.objects.get(naam="Zonnebloem Stein")
    assert organisatie.soort == "vrijwilligersorganisatie"
    assert organisatie.deelnames.get().groep == Groep.KERNGROEP


def test_the_select_offers_only_organisations_that_do_not_take_part(
    client, facilitator, huisarts, ede_organisatie
):
    client.force_login(facilitator)
    form = client.get(reverse("netwerk:deelname_nieuw", args=["stein"])).context["form"]
    keuzes = [label for _value, label in form.fields["organisatie"].widget.choices]
    assert ede_organisatie.naam in keuzes
    assert huisarts.naam not in keuzes


def test_duplicate_participation_is_a_dutch_form_error(client, facilitator, huisarts):
    client.force_login(facilitator)
    response = client.post(
        reverse("netwerk:deelname_nieuw", args=["stein"]),
        {"organisatie": huisarts.pk, "groep": Groep.ONTWERPGROEP, "belangen": "Nog eens"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["organisatie"] == ["Deze organisatie doet al mee."]
    assert "Deze organisatie doet al mee." in response.content.decode()
    assert huisarts.deelnames.count() == 1
    assert (
        'value="Nog eens"' in response.content.decode() or "Nog eens" in response.content.decode()
    )


def test_new_organisation_with_the_name_of_a_participant_is_refused(client, facilitator, huisarts):
    client.force_login(facilitator)
    response = client.post(
        reverse("netwerk:deelname_nieuw", args=["stein"]),
        {
            "nieuwe_naam": huisarts.naam.upper(),
            "nieuwe_soort": "welzijn",
            "groep": Groep.ONTWERPGROEP,
        },
    )
    assert response.status_code == 200
    assert "nieuwe_naam" in response.context["form"].errors
    assert Organisatie.objects.filter(naam__iexact=huisarts.naam).count() == 1


def test_choose_or_name_an_organisation(client, facilitator, praktijk):
    client.force_login(facilitator)
    leeg = client.post(
        reverse("netwerk:deelname_nieuw", args=["stein"]), {"groep": Groep.KERNGROEP}
    )
    assert leeg.status_code == 200
    assert "organisatie" in leeg.context["form"].errors
    zonder_soort = client.post(
        reverse("netwerk:deelname_nieuw", args=["stein"]),
        {"nieuwe_naam": "Iets nieuws", "groep": Groep.KERNGROEP},
    )
    assert zonder_soort.status_code == 200
    assert "nieuwe_soort" in zonder_soort.context["form"].errors
    assert not Organisatie.objects.filter(naam="Iets nieuws").exists()


def test_the_service_refuses_a_duplicate_even_when_the_form_was_passed(praktijk, huisarts):
    before = list(Deelname.objects.order_by("pk").values())
    wijzigingen = DeelnameWijziging.objects.count()
    with pytest.raises(services.DeelnameBestaatAl):
        services.deelname_create(
            praktijk=praktijk, organisatie=huisarts, groep=Groep.KERNGROEP, by=None
        )
    # The existing participation keeps its group, and no second one or change was written.
    assert list(Deelname.objects.order_by("pk").values()) == before
    assert Deelname.objects.filter(praktijk=praktijk, organisatie=huisarts).count() == 1
    assert DeelnameWijziging.objects.count() == wijzigingen


def test_moving_between_groups_keeps_the_history(client, kerngroeplid, wijkverpleging):
    deelname = wijkverpleging.deelnames.get()
    client.force_login(kerngroeplid)
    edit = reverse("netwerk:deelname_bewerken", args=["stein", deelname.pk])
    client.post(edit, {"groep": Groep.KERNGROEP, "belangen": "Eerder signaleren"})
    client.post(edit, {"groep": Groep.KERNGROEP, "belangen": "Alleen tekst gewijzigd"})
    client.post(edit, {"groep": Groep.ONTWERPGROEP, "belangen": "Terug"})
    deelname.refresh_from_db()
    assert deelname.groep == Groep.ONTWERPGROEP
    assert deelname.belangen == "Terug"
    moves = [
        (w.van_groep, w.naar_groep, w.door)
        for w in DeelnameWijziging.objects.filter(deelname=deelname).order_by("pk")
    ]
    assert moves == [
        (Groep.ONTWERPGROEP, Groep.KERNGROEP, kerngroeplid),
        (Groep.KERNGROEP, Groep.ONTWERPGROEP, kerngroeplid),
    ]
    # The history shows on the network page and on the organisation's page.
    page = client.get(netwerk_url()).content.decode()
    assert "verhuisde van de kerngroep naar de ontwerpgroep" in page
    detail = client.get(
        reverse("netwerk:organisatie_detail", args=["stein", wijkverpleging.pk])
    ).content.decode()
    assert "verhuisde van de ontwerpgroep naar de kerngroep" in detail


def test_participation_form_refuses_an_unknown_group_and_overlong_text(
    client, kerngroeplid, wijkverpleging
):
    deelname = wijkverpleging.deelnames.get()
    client.force_login(kerngroeplid)
    response = client.post(
        reverse("netwerk:deelname_bewerken", args=["stein", deelname.pk]),
        {"groep": "bestuur", "belangen": "x" * 10_000},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"groep", "belangen"}


def test_agreements_can_be_added_changed_and_removed(client, kerngroeplid, praktijk):
    client.force_login(kerngroeplid)
    client.post(
        reverse("netwerk:afspraak_nieuw", args=["stein"]),
        {"onderwerp": "besluitvorming", "afspraak": "Wij besluiten samen.", "wie": "Kerngroep"},
    )
    afspraak = Afspraak.objects.get(praktijk=praktijk)
    client.post(
        reverse("netwerk:afspraak_bewerken", args=["stein", afspraak.pk]),
        {"onderwerp": "besluitvorming", "afspraak": "Wij besluiten bij meerderheid.", "wie": ""},
    )
    afspraak.refresh_from_db()
    assert afspraak.afspraak == "Wij besluiten bij meerderheid."
    response = client.post(reverse("netwerk:afspraak_verwijderen", args=["stein", afspraak.pk]))
    assert response.status_code == 302
    assert not Afspraak.objects.filter(praktijk=praktijk).exists()


def test_an_agreement_needs_text(client, kerngroeplid, praktijk):
    client.force_login(kerngroeplid)
    response = client.post(
        reverse("netwerk:afspraak_nieuw", args=["stein"]),
        {"onderwerp": "planning", "afspraak": "", "wie": "Anouk"},
    )
    assert response.status_code == 200
    assert "afspraak" in response.context["form"].errors
    assert 'value="Anouk"' in response.content.decode()


def test_removing_an_agreement_needs_post(client, kerngroeplid, afspraak):
    client.force_login(kerngroeplid)
    response = client.get(reverse("netwerk:afspraak_verwijderen", args=["stein", afspraak.pk]))
    assert response.status_code == 405
    assert Afspraak.objects.filter(pk=afspraak.pk).exists()


def _vul_netwerk(praktijk, n: int) -> None:
    for i in range(n):
        deelname = DeelnameFactory(
            praktijk=praktijk, groep=Groep.KERNGROEP if i % 3 == 0 else Groep.ONTWERPGROEP
        )
        services.deelname_update(
            deelname=deelname,
            by=None,
            groep=Groep.KERNGROEP,
            belangen="",
            bijdrage="",
            tijdsinvestering="",
        )
        AfspraakFactory(praktijk=praktijk)


@pytest.mark.parametrize("n", [3, 30])
def test_network_page_makes_a_fixed_number_of_queries(
    client, kerngroeplid, praktijk, django_assert_max_num_queries, n
):
    _vul_netwerk(praktijk, n)
    client.force_login(kerngroeplid)
    # 7: the seventh is when the interests were last discussed (one query, any size).
    with django_assert_max_num_queries(7):
        response = client.get(netwerk_url())
    assert len(response.context["kerngroep"]) == n

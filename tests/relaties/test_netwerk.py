"""The network of a round: ties at the highest step, known ties, what is new, released figures,
query counts, and the selector the yield pages read."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from condities.models import Actie
from relaties import rondes, selectors, services
from relaties.models import Relatieronde, RondeDeelnemer
from tests.factories import ExperimentFactory, OntwerpvraagFactory, ReactieFactory
from tests.relaties.conftest import netwerk_maken

pytestmark = pytest.mark.django_db


def ronde_maken(praktijk, personen, *, dagen_geleden: int = 0, titel: str = "Ronde"):
    ronde = Relatieronde.objects.create(
        praktijk=praktijk,
        titel=titel,
        geopend_op=timezone.now() - datetime.timedelta(days=dagen_geleden),
        sluit_op=timezone.now() + datetime.timedelta(days=7),
    )
    for i, persoon in enumerate(personen):
        RondeDeelnemer.objects.create(
            ronde=ronde,
            persoon=persoon,
            organisatie=persoon.organisatie,
            naam=persoon.naam,
            email=persoon.email,
            token=f"{titel}-{i}",
        )
    return ronde


def antwoord(ronde, persoon, over, stap, vertrouwen=None, waarde=None):
    deelnemer = RondeDeelnemer.objects.get(ronde=ronde, persoon=persoon)
    services.antwoorden_save(deelnemer=deelnemer, antwoorden={over.pk: (stap, vertrouwen, waarde)})


def test_a_pair_shows_the_highest_step_either_side_gave_and_what_is_new(
    client, praktijk, lid, kerngroeplid
):
    organisaties, personen = netwerk_maken(praktijk, 4)
    a, b, c, _d = organisaties
    vorige = ronde_maken(praktijk, personen, dagen_geleden=365, titel="Vorig jaar")
    antwoord(vorige, personen[0], b, "contact_gehad")
    rondes.ronde_close(ronde=vorige, by=None)
    ronde = ronde_maken(praktijk, personen, titel="Dit jaar")
    antwoord(ronde, personen[0], b, "weten_wie")
    antwoord(ronde, personen[1], a, "werken_samen")
    antwoord(ronde, personen[0], c, "contact_gehad")
    beeld = selectors.netwerkbeeld(ronde=ronde)
    banden = {(band.a.pk, band.b.pk): band for band in beeld.banden}
    assert banden[(a.pk, b.pk)].stap == "werken_samen" and not banden[(a.pk, b.pk)].nieuw
    assert banden[(a.pk, c.pk)].stap == "contact_gehad" and banden[(a.pk, c.pk)].nieuw
    assert [o.naam for o in beeld.zonder_band] == ["Organisatie 03", "Steunpunt Mantelzorg Stein"]
    client.force_login(lid)
    tekst = client.get(reverse("relaties:netwerk", args=["stein", ronde.pk])).text
    assert "Organisatie 00 – Organisatie 02" in tekst and "nieuw" in tekst
    assert "Wij werken nu samen" in tekst


def test_ties_the_app_knows_are_added_and_marked(praktijk, facilitator):
    organisaties, personen = netwerk_maken(praktijk, 5)
    a, b, c, d, e = organisaties
    experiment = ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk))
    experiment.organisaties.add(a, b)
    ReactieFactory(
        praktijk=praktijk,
        experiment=experiment,
        doorgegeven_naar=c,
        doorgegeven_aan=c,
        doorgegeven_op=timezone.now(),
    )
    for persoon in (personen[3], personen[4]):
        Actie.objects.create(
            praktijk=praktijk, soort="stap", tekst="Samen", eigenaar=persoon, experiment=experiment
        )
    bekend = selectors.bekende_banden(praktijk=praktijk)
    assert bekend[(a.pk, b.pk)] == {"experiment"}
    assert bekend[(a.pk, c.pk)] == {"mantelzorg"} == bekend[(b.pk, c.pk)]
    assert bekend[(d.pk, e.pk)] == {"actie"}
    ronde = ronde_maken(praktijk, personen)
    banden = {(x.a.pk, x.b.pk): x for x in selectors.netwerkbeeld(ronde=ronde).banden}
    assert banden[(a.pk, b.pk)].stap == "" and banden[(a.pk, b.pk)].bronnen == ["experiment"]


def _beoordeeld(praktijk, aantal):
    """A round in which everybody works with everybody and rates them 4 (trust) and 3 (value)."""
    organisaties, personen = netwerk_maken(praktijk, aantal, personen_per_organisatie=2)
    ronde = ronde_maken(praktijk, personen)
    for persoon in personen:
        deelnemer = RondeDeelnemer.objects.get(ronde=ronde, persoon=persoon)
        services.antwoorden_save(
            deelnemer=deelnemer,
            antwoorden={o.pk: ("werken_samen", 4, 3) for o in organisaties},
        )
    return ronde


def test_trust_and_value_are_shown_only_after_closing(client, praktijk, lid):
    ronde = _beoordeeld(praktijk, 4)
    client.force_login(lid)
    url = reverse("relaties:netwerk", args=["stein", ronde.pk])
    assert "4,0" not in client.get(url).text
    rondes.ronde_close(ronde=ronde, by=None)
    tekst = client.get(url).text
    assert "Hoe het netwerk elke organisatie waardeert" in tekst
    assert "4,0" in tekst and "3,0" in tekst


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _beoordelen(ronde, organisaties, personen):
    for persoon in personen:
        deelnemer = RondeDeelnemer.objects.filter(ronde=ronde, persoon=persoon).first()
        if deelnemer is None:
            deelnemer = RondeDeelnemer.objects.create(
                ronde=ronde,
                persoon=persoon,
                organisatie=persoon.organisatie,
                token=f"t-{persoon.pk}",
            )
        services.antwoorden_save(
            deelnemer=deelnemer,
            antwoorden={o.pk: ("werken_samen", 4, 3) for o in organisaties},
        )


@pytest.mark.usefixtures("login_read_every_time")
def test_the_network_page_takes_as_many_queries_for_20_organisations_as_for_5(
    client, praktijk, lid
):
    organisaties, personen = netwerk_maken(praktijk, 5, personen_per_organisatie=2)
    ronde = ronde_maken(praktijk, personen)
    _beoordelen(ronde, organisaties, personen)
    url = reverse("relaties:netwerk", args=["stein", ronde.pk])
    client.force_login(lid)
    vijf = _queries(client, url)
    meer, meer_personen = netwerk_maken(praktijk, 15, personen_per_organisatie=2)
    for i, organisatie in enumerate(meer):
        organisatie.naam = f"Extra {i:02d}"
        organisatie.save()
    _beoordelen(ronde, organisaties + meer, personen + meer_personen)
    Relatieronde.objects.filter(pk=ronde.pk).update(gesloten_op=timezone.now())
    # Closed: the figures are computed too, and the count still does not grow.
    twintig = _queries(client, url)
    assert "Extra 14" in client.get(url).text
    assert twintig <= vijf + 1  # + the released figures' one read of the ratings
    Relatieronde.objects.filter(pk=ronde.pk).update(gesloten_op=None)
    assert _queries(client, url) == vijf


def test_the_answer_screen_takes_as_many_queries_for_20_organisations_as_for_5(client, praktijk):
    _organisaties, personen = netwerk_maken(praktijk, 5)
    ronde_maken(praktijk, personen)
    url = reverse("relaties:invullen", args=["Ronde-0"])
    vijf = _queries(client, url)
    netwerk_maken(praktijk, 15)
    assert _queries(client, url) == vijf
    assert client.get(url).text.count('<fieldset class="utrecht-form-fieldset lp-relatie"') > 5


def test_the_htmx_request_gets_only_the_region(client, praktijk, lid):
    _organisaties, personen = netwerk_maken(praktijk, 3)
    ronde = ronde_maken(praktijk, personen)
    client.force_login(lid)
    response = client.get(
        reverse("relaties:netwerk", args=["stein", ronde.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert 'id="beeld"' in response.text and "<html" not in response.text


def test_another_practices_round_is_not_found(client, praktijk, andere_praktijk, facilitator):
    _organisaties, personen = netwerk_maken(andere_praktijk, 2)
    ronde = ronde_maken(andere_praktijk, personen)
    client.force_login(facilitator)
    for naam in ["relaties:netwerk", "relaties:respons"]:
        assert client.get(reverse(naam, args=["stein", ronde.pk])).status_code == 404
    assert client.post(reverse("relaties:sluiten", args=["stein", ronde.pk])).status_code == 404
    ronde.refresh_from_db()
    assert ronde.gesloten_op is None


def test_a_member_may_not_close_or_remind(client, praktijk, lid):
    _organisaties, personen = netwerk_maken(praktijk, 2)
    ronde = ronde_maken(praktijk, personen)
    client.force_login(lid)
    assert client.post(reverse("relaties:sluiten", args=["stein", ronde.pk])).status_code == 403
    assert client.post(reverse("relaties:herinneren", args=["stein", ronde.pk])).status_code == 403
    ronde.refresh_from_db()
    assert ronde.gesloten_op is None


def test_banden_van_gives_an_organisations_steps_per_round(praktijk):
    organisaties, personen = netwerk_maken(praktijk, 3)
    a, b, c = organisaties
    vorige = ronde_maken(praktijk, personen, dagen_geleden=365, titel="Toen")
    antwoord(vorige, personen[1], a, "weten_wie")
    nu = ronde_maken(praktijk, personen, titel="Nu")
    antwoord(nu, personen[0], b, "werken_samen", 5, 5)
    antwoord(nu, personen[2], a, "contact_gehad")
    rondes = selectors.banden_van(organisatie=a, praktijk=praktijk)
    assert [(r.ronde.titel, r.stappen) for r in rondes] == [
        ("Toen", {b.pk: "weten_wie"}),
        ("Nu", {b.pk: "werken_samen", c.pk: "contact_gehad"}),
    ]


@pytest.mark.usefixtures("login_read_every_time")
def test_the_response_page_and_the_list_take_as_many_queries_for_10_rounds_as_for_2(
    client, praktijk, facilitator
):
    _organisaties, personen = netwerk_maken(praktijk, 2)
    ronde = ronde_maken(praktijk, personen, titel="Eerste")
    ronde_maken(praktijk, personen, titel="Tweede", dagen_geleden=30)
    client.force_login(facilitator)
    respons = reverse("relaties:respons", args=["stein", ronde.pk])
    lijst = reverse("relaties:rondes", args=["stein"])
    voor = _queries(client, respons), _queries(client, lijst)
    _meer, meer_personen = netwerk_maken(praktijk, 8)
    for i in range(8):
        ronde_maken(praktijk, personen, titel=f"Ronde {i}", dagen_geleden=60 + i)
    for i, persoon in enumerate(meer_personen):
        RondeDeelnemer.objects.create(
            ronde=ronde, persoon=persoon, organisatie=persoon.organisatie, token=f"extra-{i}"
        )
    assert (_queries(client, respons), _queries(client, lijst)) == voor
    assert "Ronde 7" in client.get(lijst).text


def test_the_yield_pages_show_the_ties_then_and_now_of_closed_rounds(client, praktijk, lid):
    """The organisation's and the practice's yield pages (overzicht): steps of pairs in the
    first and the last closed round, whom it works with now and who is new; no trust or value."""
    organisaties, personen = netwerk_maken(praktijk, 3)
    a, b, _c = organisaties
    toen = ronde_maken(praktijk, personen, dagen_geleden=365, titel="Ronde toen")
    antwoord(toen, personen[1], a, "weten_wie")
    rondes.ronde_close(ronde=toen, by=None)
    client.force_login(lid)
    url = reverse("overzicht:opbrengst_organisatie", args=["stein", a.pk])
    pagina = client.get(url).text
    assert "Banden toen en nu" in pagina
    assert "Werkt nu samen met" not in pagina  # one round: nobody yet

    nu = ronde_maken(praktijk, personen, titel="Ronde nu")
    antwoord(nu, personen[0], b, "werken_samen", 2, 2)
    antwoord(nu, personen[2], a, "contact_gehad")
    pagina = client.get(url).text
    assert "Ronde nu" not in pagina  # still open: the yield page waits for its closing
    rondes.ronde_close(ronde=nu, by=None)
    pagina = client.get(url).text
    assert "Ronde toen" in pagina and "Ronde nu" in pagina
    assert "Werkt nu samen met: Organisatie 01" in pagina
    assert "Organisatie 01, Organisatie 02" in pagina  # new contact since the first round
    assert "Vertrouwen" not in pagina.split("Banden toen en nu")[1].split("</section>")[0]
    praktijk_pagina = client.get(reverse("overzicht:opbrengst", args=["stein"])).text
    assert "Banden toen en nu" in praktijk_pagina and "Paren van organisaties" in praktijk_pagina


def test_the_projector_stage_shows_one_round_with_its_new_ties_and_the_rounds_around_it(
    client, praktijk, lid
):
    organisaties, personen = netwerk_maken(praktijk, 4)
    _a, b, c, _d = organisaties
    toen = ronde_maken(praktijk, personen, dagen_geleden=365, titel="Vorig jaar")
    antwoord(toen, personen[0], b, "contact_gehad")
    rondes.ronde_close(ronde=toen, by=None)
    nu = ronde_maken(praktijk, personen, titel="Dit jaar")
    antwoord(nu, personen[0], b, "werken_samen")
    antwoord(nu, personen[0], c, "werken_samen")
    antwoord(nu, personen[1], c, "contact_gehad")
    rondes.ronde_close(ronde=nu, by=None)
    client.force_login(lid)

    pagina = client.get(reverse("relaties:scherm", args=["stein", nu.pk]))
    assert pagina.status_code == 200
    tekst = pagina.text
    assert "Ons netwerk: Dit jaar" in tekst
    assert "2 paren werken samen" in tekst and "1 paar heeft contact gehad" in tekst
    assert "2 nieuwe banden sinds „Vorig jaar”" in tekst  # a–c and b–c; a–b only got closer
    assert tekst.count("lp-kaart__lijn--nieuw") == 2
    vorige = reverse("relaties:scherm", args=["stein", toen.pk])
    assert f'data-toets="ArrowLeft" href="{vorige}"' in tekst
    assert 'data-toets="ArrowRight"' not in tekst  # the newest round: nothing after it
    assert "lp-header" not in tekst and "lp-scherm-body" in tekst  # no app chrome

    # The round before, as htmx swaps it in: only the stage, with the way forward.
    eerder = client.get(vorige, headers={"HX-Request": "true"}).text
    assert "<html" not in eerder and "Ons netwerk: Vorig jaar" in eerder
    assert (
        f'data-toets="ArrowRight" href="{reverse("relaties:scherm", args=["stein", nu.pk])}"'
        in eerder
    )
    assert "nieuwe band" not in eerder  # the first round: nothing to compare with

    netwerkpagina = client.get(reverse("relaties:netwerk", args=["stein", nu.pk])).text
    assert reverse("relaties:scherm", args=["stein", nu.pk]) in netwerkpagina
    assert "lp-header" in netwerkpagina  # the app's own pages do have the header

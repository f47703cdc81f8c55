"""Open answers from the room: phone → approval → screen → votes → a point of the discussion."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from condities import services
from condities.models import Actie, Deelnemer, Inbreng, Sessie, Stem
from condities.services import inbreng as inbreng_services
from praktijken.models import Gebeurtenis

pytestmark = pytest.mark.django_db


def url(naam, sessie, *args):
    return reverse(f"condities:{naam}", args=["stein", sessie.pk, *args])


def telefoon(sessie, naam="Mies") -> Client:
    """A participant's phone that joined the session as a carer."""
    client = Client()
    response = client.post(
        reverse("condities:doe_mee_code", args=[sessie.code]),
        {"naam": naam, "organisatie": "mantelzorger", "email": ""},
    )
    assert response.status_code == 302
    return client


def schrijf(client, sessie, tekst, *, conditie="ambitie", soort="goed", htmx=False):
    return client.post(
        reverse("condities:inbreng", args=[sessie.code]),
        {"conditie": conditie, "soort": soort, "tekst": tekst},
        headers={"HX-Request": "true"} if htmx else {},
    )


def stap(client, sessie, inbreng, actie, **extra):
    return client.post(url("inbreng_actie", sessie, inbreng.pk), {"actie": actie, **extra})


def gesprek(client, sessie, conditie="ambitie"):
    return client.get(reverse("condities:gesprek", args=[sessie.code]), {"conditie": conditie})


def andere_sessie(praktijk, facilitator):
    """A second workshop of the same practice (not opened)."""
    return services.sessie_create(
        praktijk=praktijk,
        titel="Andere",
        datum=datetime.date(2026, 11, 1),
        modus="live",
        condities=["ambitie"],
        by=facilitator,
    )


def naar_gesprek(client, sessie, conditie="ambitie"):
    """Move the screen to the conversation about `conditie`."""
    sessie.scherm = f"gesprek-{conditie}"
    sessie.save(update_fields=["scherm"])
    return client.get(url("scherm", sessie)).text


def test_an_answer_reaches_the_screen_only_after_approval(client, sessie, facilitator):
    mies = telefoon(sessie, naam="Mies Mantelzorger")
    page = gesprek(mies, sessie).text
    assert "Ambitie: het gesprek" in page
    assert "Waar merk je dat we hetzelfde willen bereiken?" in page  # the set's open question
    response = schrijf(mies, sessie, "  We weten\nelkaar te vinden. ")
    assert response.status_code == 302
    assert "Verstuurd. De begeleider zet het op het scherm." in mies.get(response["Location"]).text
    inbreng = Inbreng.objects.get()
    assert inbreng.tekst == "We weten elkaar te vinden." and inbreng.status == "nieuw"

    client.force_login(facilitator)
    assert "We weten elkaar te vinden." not in naar_gesprek(client, sessie)
    assert "We weten elkaar te vinden." not in gesprek(mies, sessie).text
    bediening = client.get(url("bediening", sessie)).text
    assert "1 open antwoord wacht op jou." in bediening
    assert "We weten elkaar te vinden." in bediening
    assert "Mies Mantelzorger" not in bediening  # anonymous: no name with the answer

    assert stap(client, sessie, inbreng, "toon").status_code == 302
    scherm = naar_gesprek(client, sessie)
    assert "Ambitie: het gesprek" in scherm and "We weten elkaar te vinden." in scherm
    assert "0 stemmen" in scherm
    assert "We weten elkaar te vinden." in gesprek(mies, sessie).text
    assert Gebeurtenis.objects.filter(actie="inbreng.approve", omschrijving="").count() == 1

    assert stap(client, sessie, inbreng, "verberg").status_code == 302
    assert "We weten elkaar te vinden." not in naar_gesprek(client, sessie)
    assert "Nog niets op het scherm" in gesprek(mies, sessie).text


def test_votes_count_once_per_participant_and_can_be_taken_back(client, sessie, facilitator):
    inbreng = Inbreng.objects.create(
        sessie=sessie, conditie="ambitie", soort="goed", tekst="Korte lijnen", status="goedgekeurd"
    )
    stem = reverse("condities:stem", args=[sessie.code, inbreng.pk])
    mies, joop = telefoon(sessie, "Mies"), telefoon(sessie, "Joop")
    response = mies.post(stem, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert 'aria-pressed="true"' in response.text and ">1<" in response.text
    joop.post(stem)
    inbreng.refresh_from_db()
    assert inbreng.stemmen == 2
    client.force_login(facilitator)
    assert "2 stemmen" in naar_gesprek(client, sessie)

    response = mies.post(stem, headers={"HX-Request": "true"})  # a second tap: taken back
    assert 'aria-pressed="false"' in response.text and ">1<" in response.text
    inbreng.refresh_from_db()
    assert inbreng.stemmen == 1 and Stem.objects.count() == 1


def test_an_answer_not_on_the_screen_cannot_be_voted_for(sessie):
    inbreng = Inbreng.objects.create(sessie=sessie, conditie="ambitie", soort="goed", tekst="x")
    mies = telefoon(sessie)
    response = mies.post(reverse("condities:stem", args=[sessie.code, inbreng.pk]))
    assert response.status_code == 409 and "Niet meer op het scherm" in response.text
    assert Stem.objects.count() == 0
    # Someone who did not join cannot vote at all.
    stranger = Client().post(reverse("condities:stem", args=[sessie.code, inbreng.pk]))
    assert stranger.status_code == 404


def test_a_duplicate_is_merged_with_its_votes_counted_once(client, sessie, facilitator):
    doel = Inbreng.objects.create(
        sessie=sessie, conditie="ambitie", soort="goed", tekst="Korte lijnen", status="goedgekeurd"
    )
    dubbel = Inbreng.objects.create(
        sessie=sessie,
        conditie="ambitie",
        soort="goed",
        tekst="Lijnen zijn kort",
        status="goedgekeurd",
    )
    mies, joop = telefoon(sessie, "Mies"), telefoon(sessie, "Joop")
    for phone, gekozen in ((mies, doel), (mies, dubbel), (joop, dubbel)):
        phone.post(reverse("condities:stem", args=[sessie.code, gekozen.pk]))

    client.force_login(facilitator)
    response = stap(client, sessie, dubbel, "samenvoegen", doel=doel.pk)
    assert response.status_code == 302
    doel.refresh_from_db()
    dubbel.refresh_from_db()
    assert dubbel.status == "samengevoegd" and dubbel.samengevoegd_met == doel
    assert doel.keer_genoemd == 2 and doel.stemmen == 2  # Mies once, Joop once
    scherm = naar_gesprek(client, sessie)
    assert "Korte lijnen" in scherm and "Lijnen zijn kort" not in scherm
    assert "(2 keer geschreven)" in gesprek(mies, sessie).text


def test_merging_into_an_answer_to_another_question_is_refused(client, sessie, facilitator):
    doel = Inbreng.objects.create(
        sessie=sessie, conditie="ambitie", soort="stap", tekst="Bellen", status="goedgekeurd"
    )
    nieuw = Inbreng.objects.create(sessie=sessie, conditie="ambitie", soort="goed", tekst="x")
    client.force_login(facilitator)
    response = client.post(
        url("inbreng_actie", sessie, nieuw.pk),
        {"actie": "samenvoegen", "doel": doel.pk},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422 and 'id="inbreng"' in response.text
    nieuw.refresh_from_db()
    assert nieuw.status == "nieuw"


def test_one_click_makes_an_answer_a_point_of_the_discussion(client, sessie, facilitator):
    goed = Inbreng.objects.create(
        sessie=sessie,
        conditie="relatie",
        soort="goed",
        tekst="We kennen elkaar",
        status="goedgekeurd",
    )
    stap_ = Inbreng.objects.create(
        sessie=sessie, conditie="relatie", soort="stap", tekst="Samen lunchen", status="goedgekeurd"
    )
    client.force_login(facilitator)
    stap(client, sessie, goed, "afspraak")
    stap(client, sessie, stap_, "afspraak")
    stap(client, sessie, stap_, "afspraak")  # twice: still one
    assert list(Actie.objects.values_list("soort", "tekst", "conditie").order_by("soort")) == [
        ("goed", "We kennen elkaar", "relatie"),
        ("stap", "Samen lunchen", "relatie"),
    ]
    detail = client.get(url("sessie_detail", sessie)).text
    assert "Relatie · Volgende stap:</strong> Samen lunchen" in detail
    assert "Opgeschreven als afgesproken stap." in client.get(url("bediening", sessie)).text


def test_an_answer_from_paper_goes_on_the_screen_at_once(client, sessie, facilitator):
    client.force_login(facilitator)
    response = client.post(
        url("inbreng_papier", sessie),
        {"papier-conditie": "proces", "papier-soort": "stap", "papier-tekst": "Agenda vooraf"},
    )
    assert response.status_code == 302
    inbreng = Inbreng.objects.get()
    assert inbreng.van_papier and inbreng.status == "goedgekeurd"
    assert "Agenda vooraf" in naar_gesprek(client, sessie, "proces")
    # Nothing typed: the form again, with a message, and nothing stored.
    response = client.post(
        url("inbreng_papier", sessie),
        {"papier-conditie": "proces", "papier-soort": "stap", "papier-tekst": "  "},
    )
    assert response.status_code == 422 and "Typ eerst je antwoord." in response.text
    assert Inbreng.objects.count() == 1


def test_a_refused_answer_keeps_what_was_typed(sessie):
    mies = telefoon(sessie)
    lang = "x" * 281
    response = schrijf(mies, sessie, lang, soort="stap")
    assert response.status_code == 422
    assert lang in response.text and 'aria-invalid="true"' in response.text
    response = schrijf(mies, sessie, "", htmx=True)
    assert response.status_code == 422 and "Typ eerst je antwoord." in response.text
    assert schrijf(mies, sessie, "x", conditie="geen").status_code == 400
    assert Inbreng.objects.count() == 0
    # Positive control: a good answer by htmx gets the empty form back with thanks.
    response = schrijf(mies, sessie, "Goed zo", htmx=True)
    assert response.status_code == 200 and "Verstuurd." in response.text
    assert "<html" not in response.text and Inbreng.objects.count() == 1


def test_one_phone_cannot_flood_the_facilitator(sessie, monkeypatch):
    monkeypatch.setattr(inbreng_services, "INBRENG_PER_DEELNEMER", 3)
    mies = telefoon(sessie)
    for n in range(3):
        assert schrijf(mies, sessie, f"Idee {n}").status_code == 302
    response = schrijf(mies, sessie, "Idee 4")
    assert response.status_code == 422 and "Je hebt al veel antwoorden gestuurd" in response.text
    assert Inbreng.objects.count() == 3
    assert schrijf(telefoon(sessie, "Joop"), sessie, "Idee 5").status_code == 302


def test_closing_forgets_who_voted_and_what_never_was_shown(client, sessie, facilitator):
    getoond = Inbreng.objects.create(
        sessie=sessie, conditie="ambitie", soort="goed", tekst="Getoond", status="goedgekeurd"
    )
    Inbreng.objects.create(sessie=sessie, conditie="ambitie", soort="goed", tekst="Wacht")
    Inbreng.objects.create(
        sessie=sessie, conditie="ambitie", soort="goed", tekst="Verborgen", status="verborgen"
    )
    mies = telefoon(sessie)
    mies.post(reverse("condities:stem", args=[sessie.code, getoond.pk]))
    services.sessie_close(sessie=sessie, by=facilitator)

    assert list(Inbreng.objects.values_list("tekst", "stemmen")) == [("Getoond", 1)]
    assert Stem.objects.count() == 0
    client.force_login(facilitator)
    verslag = client.get(reverse("condities:sessie_rapport", args=["stein", sessie.pk])).text
    assert (
        "Open antwoorden uit de zaal" in verslag and "Getoond" in verslag and "(1 stem)" in verslag
    )
    te_laat = schrijf(mies, sessie, "Te laat")
    assert te_laat.status_code == 409 and "gesloten" in te_laat.text
    assert Inbreng.objects.count() == 1


def test_a_participant_removed_as_stuffing_takes_their_votes_along(sessie, facilitator):
    inbreng = Inbreng.objects.create(
        sessie=sessie, conditie="ambitie", soort="goed", tekst="Korte lijnen", status="goedgekeurd"
    )
    telefoon(sessie, "Mies").post(reverse("condities:stem", args=[sessie.code, inbreng.pk]))
    telefoon(sessie, "Joop").post(reverse("condities:stem", args=[sessie.code, inbreng.pk]))
    services.deelnemers_remove(
        sessie=sessie, deelnemers=[Deelnemer.objects.get(naam="Joop")], by=facilitator
    )
    inbreng.refresh_from_db()
    assert inbreng.stemmen == 1


def test_another_practice_cannot_touch_the_answers(client, sessie, outsider, praktijk, facilitator):
    inbreng = Inbreng.objects.create(sessie=sessie, conditie="ambitie", soort="goed", tekst="x")
    client.force_login(outsider)
    assert stap(client, sessie, inbreng, "toon").status_code == 404
    assert client.post(url("inbreng_papier", sessie), {}).status_code == 404
    # Nor an answer of one session through another session of the same practice.
    andere = andere_sessie(praktijk, facilitator)
    client.force_login(facilitator)
    assert stap(client, andere, inbreng, "toon").status_code == 404
    inbreng.refresh_from_db()
    assert inbreng.status == "nieuw"
    assert stap(client, sessie, inbreng, "toon").status_code == 302  # positive control


def test_a_phone_cannot_vote_for_another_sessions_answer(sessie, praktijk, facilitator):
    andere = services.sessie_open(sessie=andere_sessie(praktijk, facilitator), by=facilitator)
    elders = Inbreng.objects.create(
        sessie=andere, conditie="ambitie", soort="goed", tekst="x", status="goedgekeurd"
    )
    mies = telefoon(sessie)
    assert mies.post(reverse("condities:stem", args=[sessie.code, elders.pk])).status_code == 404
    assert Stem.objects.count() == 0


def test_the_conversation_pages_query_count_does_not_grow(client, sessie, facilitator):
    mies = telefoon(sessie)
    client.force_login(facilitator)

    def vul(n):
        Inbreng.objects.bulk_create(
            Inbreng(
                sessie=sessie, conditie="ambitie", soort=soort, tekst=f"Idee {i}", status=status
            )
            for i in range(n)
            for soort in ("goed", "stap")
            for status in ("goedgekeurd", "nieuw")
        )

    def tel():
        counts = []
        for request in (
            lambda: gesprek(mies, sessie),
            lambda: naar_gesprek(client, sessie),
            lambda: client.get(url("bediening", sessie)),
        ):
            request()  # the released state exists from here on
            cache.clear()  # the screen's shared results expire after seconds: never cached here
            with CaptureQueriesContext(connection) as queries:
                request()
            counts.append(len(queries))
        return counts

    vul(1)
    weinig = tel()
    vul(20)
    assert tel() == weinig


def test_closed_session_refuses_new_answers_in_the_service(sessie, facilitator):
    deelnemer = Deelnemer.objects.create(sessie=sessie, groep="mantelzorger", token="t" * 20)
    Sessie.objects.filter(pk=sessie.pk).update(status=Sessie.Status.GESLOTEN)
    with pytest.raises(services.SessieGesloten):
        inbreng_services.inbreng_add(
            deelnemer=deelnemer, conditie="ambitie", soort="goed", tekst="x"
        )
    deelnemer.refresh_from_db()
    assert deelnemer.inbreng_aantal == 0 and Inbreng.objects.count() == 0


def test_staff_find_open_answers_in_the_admin_but_cannot_add_one(client, sessie, staff):
    inbreng = Inbreng.objects.create(
        sessie=sessie, conditie="ambitie", soort="goed", tekst="Korte lijnen", status="goedgekeurd"
    )
    staff.is_superuser = True
    staff.save(update_fields=["is_superuser"])
    client.force_login(staff)
    lijst = client.get(reverse("admin:condities_inbreng_changelist"))
    assert lijst.status_code == 200 and "Korte lijnen" in lijst.text
    change = client.get(reverse("admin:condities_inbreng_change", args=[inbreng.pk]))
    assert change.status_code == 200
    assert client.get(reverse("admin:condities_inbreng_add")).status_code == 403


def test_guessing_codes_through_the_conversation_page_meets_the_limit(client, sessie):
    from condities.views_doe_mee import CODE_LIMIT

    gesprek_url = reverse("condities:gesprek", args=["ZZZZZZ"])
    statuses = [client.get(gesprek_url).status_code for _ in range(CODE_LIMIT + 1)]
    assert statuses[0] == 404 and statuses[-1] == 429
    # The real code, from the same browser, is refused too until the window passes.
    assert client.get(reverse("condities:gesprek", args=[sessie.code])).status_code == 429

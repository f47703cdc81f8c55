"""Check-ins: a facilitator sends one out, members answer by personal link, nobody sees answers."""

import datetime
import re

import pytest
from django.urls import reverse

from condities import selectors, services
from condities.models import Antwoord, Conditie, ConditieScore, Deelnemer, Sessie, Stelling
from praktijken.models import Lidmaatschap, Rol
from tests.factories import LidmaatschapFactory, UserFactory
from tests.permissions import assert_matrix, managers

pytestmark = pytest.mark.django_db


def maak_checkin(praktijk, by, ontvangers, **kwargs):
    """A check-in of the practice, opened, with a place for each recipient (no mail sent)."""
    defaults = {
        "titel": "Check-in voorjaar",
        "datum": datetime.date(2026, 3, 1),
        "condities": Conditie.values,
        "stellingen": [],
        "herinnering_na_dagen": 7,
    }
    return services.checkin_create(
        praktijk=praktijk, by=by, ontvangers=list(ontvangers), **{**defaults, **kwargs}
    )


@pytest.fixture
def leden(praktijk, facilitator, kerngroeplid, lid):
    return [facilitator, kerngroeplid, lid]


@pytest.fixture
def checkin(praktijk, facilitator, leden):
    return maak_checkin(praktijk, facilitator, leden)


def deelnemer_of(checkin, user) -> Deelnemer:
    return Deelnemer.objects.get(sessie=checkin, user=user)


def link(checkin, user) -> str:
    return reverse("condities:checkin_link", args=[deelnemer_of(checkin, user).token])


def form_data(praktijk, **overrides):
    data = {
        "titel": "Check-in na de zomer",
        "datum": "2026-09-01",
        "condities": Conditie.values,
        "herinnering_na_dagen": "5",
        "herinneringen_aantal": "1",
        "sluit_op": (datetime.datetime.now() + datetime.timedelta(days=14)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "ontvangers": [
            str(pk)
            for pk in Lidmaatschap.objects.filter(praktijk=praktijk).values_list("user", flat=True)
        ],
    }
    return {**data, **overrides}


def stellingen_van(praktijk, conditie) -> list[Stelling]:
    stellingenset = services.stellingenset_for_praktijk(praktijk=praktijk)
    return list(stellingenset.stellingen.filter(conditie=conditie).order_by("volgorde", "pk"))


# Who may do what.


def test_permission_matrix_of_the_new_check_in_form(login_as, praktijk, leden):
    assert_matrix(login_as, reverse("condities:checkin_nieuw", args=["stein"]), managers())


def test_permission_matrix_of_sending_a_check_in(login_as, praktijk, leden):
    assert_matrix(
        login_as,
        reverse("condities:checkin_nieuw", args=["stein"]),
        managers(302),
        method="post",
        data=form_data(praktijk),
    )
    # Only the facilitator and staff sent one.
    assert Sessie.objects.filter(soort="checkin").count() == 2


def test_permission_matrix_of_the_response_page(login_as, checkin):
    assert_matrix(
        login_as, reverse("condities:checkin_respons", args=["stein", checkin.pk]), managers()
    )


def test_permission_matrix_of_a_personal_link(login_as, checkin, lid):
    # The link is public; a logged-in account may only use its own.
    assert_matrix(
        login_as,
        link(checkin, lid),
        {
            "anonymous": 302,
            "outsider": 403,
            "lid": 302,
            "kerngroeplid": 403,
            "facilitator": 403,
            "staff": 403,
            "programmateam": 403,
        },
    )


def test_the_response_page_of_a_workshop_is_not_found(client, praktijk, facilitator):
    werkvorm = services.sessie_create(
        praktijk=praktijk,
        titel="Werkvorm",
        datum=datetime.date(2026, 3, 1),
        modus="live",
        condities=Conditie.values,
        by=facilitator,
    )
    client.force_login(facilitator)
    response = client.get(reverse("condities:checkin_respons", args=["stein", werkvorm.pk]))
    assert response.status_code == 404


def test_a_facilitator_of_another_practice_gets_404_on_the_response_page(
    client, checkin, andere_praktijk
):
    facilitator_ede = UserFactory()
    LidmaatschapFactory(praktijk=andere_praktijk, user=facilitator_ede, rol=Rol.FACILITATOR)
    client.force_login(facilitator_ede)
    response = client.get(reverse("condities:checkin_respons", args=["ede", checkin.pk]))
    assert response.status_code == 404


# Sending a check-in.


def test_the_sessions_list_offers_check_ins_to_managers_only(client, checkin, leden, lid):
    url = reverse("condities:sessies", args=["stein"])
    nieuw = reverse("condities:checkin_nieuw", args=["stein"])
    respons = reverse("condities:checkin_respons", args=["stein", checkin.pk])
    client.force_login(leden[0])
    response = client.get(url)
    assert response.status_code == 200
    html = response.text
    assert nieuw in html and respons in html
    client.force_login(lid)
    response = client.get(url)
    assert response.status_code == 200
    html = response.text
    assert "Check-in voorjaar" in html
    assert nieuw not in html and respons not in html


def test_the_form_lists_every_member_ticked(client, praktijk, facilitator, leden):
    client.force_login(facilitator)
    response = client.get(reverse("condities:checkin_nieuw", args=["stein"]))
    assert response.status_code == 200
    vinkjes = {
        re.search(r'value="(\d+)"', tag)[1]: tag
        for tag in re.findall(r'<input[^>]*name="ontvangers"[^>]*>', response.text)
    }
    assert set(vinkjes) == {str(user.pk) for user in leden}
    assert all("checked" in tag for tag in vinkjes.values())
    for user in leden:
        assert user.email in response.text
    # A date input only understands ISO dates, also in Dutch.
    assert re.search(r'name="datum" value="\d{4}-\d{2}-\d{2}"', response.text)
    # The statements of the practice's set, grouped per condition.
    assert "Stellingen over Ambitie" in response.text
    assert stellingen_van(praktijk, "ambitie")[0].tekst in response.text


def test_sending_opens_an_online_check_in_with_a_place_per_member(
    client,
    praktijk,
    facilitator,
    leden,
    lid,
    eigen_organisatie,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("condities:checkin_nieuw", args=["stein"]), form_data(praktijk)
        )
    sessie = Sessie.objects.get(soort=Sessie.Soort.CHECKIN)
    assert response.status_code == 302
    assert response["Location"] == reverse("condities:checkin_respons", args=["stein", sessie.pk])
    assert (sessie.modus, sessie.status, sessie.herinnering_na_dagen) == ("online", "open", 5)
    assert sessie.code
    deelnemers = {d.user: d for d in Deelnemer.objects.filter(sessie=sessie)}
    assert set(deelnemers) == set(leden)
    assert deelnemers[lid].organisatie == eigen_organisatie
    assert deelnemers[lid].groep == "ontwerpgroep"
    assert deelnemers[lid].email == lid.email
    assert len({d.token for d in deelnemers.values()}) == 3
    assert all(len(d.token) >= 40 for d in deelnemers.values())
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in leden)
    assert "onderweg naar 3 mensen" in client.get(response["Location"]).text


def test_unticked_members_get_nothing(
    client, praktijk, facilitator, leden, lid, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("condities:checkin_nieuw", args=["stein"]),
            form_data(praktijk, ontvangers=[str(lid.pk)]),
        )
    assert Deelnemer.objects.get().user == lid
    assert [m.to for m in mailoutbox] == [[lid.email]]


def test_a_short_subset_asks_only_the_ticked_statements(client, praktijk, facilitator, leden):
    ambitie = stellingen_van(praktijk, "ambitie")
    relatie = stellingen_van(praktijk, "relatie")
    client.force_login(facilitator)
    client.post(
        reverse("condities:checkin_nieuw", args=["stein"]),
        form_data(
            praktijk,
            condities=["ambitie", "relatie"],
            stellingen_ambitie=[str(ambitie[0].pk), str(ambitie[2].pk)],
        ),
    )
    sessie = Sessie.objects.get(soort="checkin")
    gevraagd = selectors.stellingen_for_sessie(sessie=sessie)
    # Ticked ones of Ambitie; all of Relatie, where nothing was ticked.
    assert gevraagd == [ambitie[0], ambitie[2], *relatie]
    assert sessie.condities == ["ambitie", "relatie"]


def test_without_a_subset_the_check_in_asks_every_statement(client, praktijk, facilitator, leden):
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:checkin_nieuw", args=["stein"]),
        form_data(praktijk, condities=["proces"]),
    )
    assert response.status_code == 302
    sessie = Sessie.objects.get(soort="checkin")
    assert sessie.condities == ["proces"]
    assert not sessie.stellingen.exists()
    assert selectors.stellingen_for_sessie(sessie=sessie) == stellingen_van(praktijk, "proces")


@pytest.mark.parametrize(
    ("overrides", "veld", "melding"),
    [
        ({"herinnering_na_dagen": "0"}, "herinnering_na_dagen", "minstens 1"),
        ({"herinnering_na_dagen": "31"}, "herinnering_na_dagen", "hoogstens 30"),
        ({"ontvangers": []}, "ontvangers", "Kies minstens één persoon."),
        ({"titel": "x" * 201}, "titel", "niet meer dan 200 tekens"),
        ({"datum": "2026-02-30"}, "datum", "geldige datum"),
        ({"condities": []}, "condities", "verplicht"),
    ],
)
def test_bad_input_is_a_form_error_next_to_the_field(
    client, praktijk, facilitator, leden, overrides, veld, melding
):
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:checkin_nieuw", args=["stein"]), form_data(praktijk, **overrides)
    )
    assert response.status_code == 422
    assert veld in response.context["form"].errors
    assert melding in response.text
    assert not Sessie.objects.exists()


def test_statements_of_a_condition_that_is_not_chosen_are_refused(
    client, praktijk, facilitator, leden
):
    relatie = stellingen_van(praktijk, "relatie")
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:checkin_nieuw", args=["stein"]),
        form_data(praktijk, condities=["ambitie"], stellingen_relatie=[str(relatie[0].pk)]),
    )
    assert response.status_code == 422
    assert "Vink deze conditie ook aan" in response.text
    # The subset is open, so the error is visible; what was typed is kept.
    assert re.search(r"<details[^>]*open", response.text)
    assert 'value="Check-in na de zomer"' in response.text
    assert not Sessie.objects.exists()


def test_someone_outside_the_practice_cannot_be_a_recipient(
    client, praktijk, facilitator, leden, outsider
):
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:checkin_nieuw", args=["stein"]),
        form_data(praktijk, ontvangers=[str(outsider.pk)]),
    )
    assert response.status_code == 422
    assert not Sessie.objects.exists()


def test_a_statement_of_another_set_is_refused(client, praktijk, facilitator, leden):
    eigen = services.stellingenset_copy(
        bron=services.stellingenset_for_praktijk(praktijk=praktijk),
        praktijk=praktijk,
        by=facilitator,
    )
    vreemd = Stelling.objects.exclude(set=eigen).filter(conditie="ambitie").first()
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:checkin_nieuw", args=["stein"]),
        form_data(praktijk, stellingen_ambitie=[str(vreemd.pk)]),
    )
    assert response.status_code == 422
    assert not Sessie.objects.exists()


# The personal link.


def test_a_personal_link_lets_you_answer_as_yourself(client, checkin, lid, kerngroeplid):
    response = client.get(link(checkin, lid))
    assert response.status_code == 302
    assert response["Location"] == reverse("condities:vragen", args=[checkin.code])

    page = client.get(response["Location"])
    assert page.status_code == 200
    stelling = selectors.stellingen_for_sessie(sessie=checkin)[0]
    assert stelling.tekst in page.text

    response = client.post(
        reverse("condities:antwoord", args=[checkin.code]),
        {f"s{stelling.pk}": "4"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Opgeslagen" in response.text
    antwoord = Antwoord.objects.get()
    assert (antwoord.deelnemer, antwoord.score) == (deelnemer_of(checkin, lid), 4)
    assert not Antwoord.objects.filter(deelnemer=deelnemer_of(checkin, kerngroeplid)).exists()


def test_two_people_on_one_computer_each_answer_as_themselves(client, checkin, lid, kerngroeplid):
    stelling = selectors.stellingen_for_sessie(sessie=checkin)[0]
    antwoord_url = reverse("condities:antwoord", args=[checkin.code])
    client.get(link(checkin, lid))
    client.post(antwoord_url, {f"s{stelling.pk}": "2"})
    client.get(link(checkin, kerngroeplid))
    client.post(antwoord_url, {f"s{stelling.pk}": "5"})
    assert Antwoord.objects.get(deelnemer=deelnemer_of(checkin, lid)).score == 2
    assert Antwoord.objects.get(deelnemer=deelnemer_of(checkin, kerngroeplid)).score == 5


def test_a_member_logged_in_follows_their_own_link(client, checkin, lid):
    client.force_login(lid)
    response = client.get(link(checkin, lid), follow=True)
    assert response.status_code == 200
    assert response.context["deelnemer"] == deelnemer_of(checkin, lid)


def test_someone_elses_link_is_refused_while_logged_in(client, checkin, lid, kerngroeplid):
    client.force_login(kerngroeplid)
    response = client.get(link(checkin, lid))
    assert response.status_code == 403
    assert "Deze link is voor iemand anders" in response.text
    assert str(checkin.pk) not in client.session.get("doe_mee", {})


def test_a_check_in_cannot_be_joined_by_code_alone(client, checkin):
    response = client.get(reverse("condities:doe_mee_code", args=[checkin.code]))
    assert response.status_code == 403
    assert not Deelnemer.objects.filter(user__isnull=True).exists()


@pytest.mark.parametrize("token", ["onbekend", "x" * 65, "x" * 500, "x%00y"])
def test_a_bad_token_gets_a_friendly_404(client, checkin, token):
    response = client.get(reverse("condities:checkin_link", args=[token]))
    assert response.status_code == 404
    assert "Check-in niet gevonden" in response.text


def test_the_token_of_a_workshop_participant_is_not_a_check_in_link(client, praktijk, facilitator):
    werkvorm = services.sessie_open(
        sessie=services.sessie_create(
            praktijk=praktijk,
            titel="Werkvorm",
            datum=datetime.date(2026, 3, 1),
            modus="live",
            condities=Conditie.values,
            by=facilitator,
        ),
        by=facilitator,
    )
    gast = services.deelnemer_join(sessie=werkvorm, naam="Gast", mantelzorger=True)
    response = client.get(reverse("condities:checkin_link", args=[gast.token]))
    assert response.status_code == 404


def test_the_link_of_a_closed_check_in_says_it_has_closed(client, checkin, lid):
    services.sessie_close(sessie=checkin, by=checkin.created_by)
    response = client.get(link(checkin, lid))
    assert response.status_code == 410
    assert "De check-in is gesloten" in response.text
    assert "Check-in voorjaar" in response.text


def test_a_token_of_another_practice_opens_none_of_this_practices_pages(
    client, checkin, andere_praktijk, lid
):
    facilitator_ede = UserFactory()
    lid_ede = UserFactory()
    LidmaatschapFactory(praktijk=andere_praktijk, user=lid_ede, rol=Rol.LID)
    checkin_ede = maak_checkin(andere_praktijk, facilitator_ede, [lid_ede])
    client.get(link(checkin_ede, lid_ede))

    # Stein's check-in: no place to answer, no saving, no response page.
    vragen = client.get(reverse("condities:vragen", args=[checkin.code]))
    assert vragen.status_code == 302
    assert client.get(vragen["Location"]).status_code == 403
    stelling = selectors.stellingen_for_sessie(sessie=checkin)[0]
    response = client.post(
        reverse("condities:antwoord", args=[checkin.code]), {f"s{stelling.pk}": "3"}
    )
    assert response.status_code == 404
    response = client.get(reverse("condities:checkin_respons", args=["stein", checkin.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Antwoord.objects.exists()

    # Logged in as that member of Ede: Stein's pages are not found.
    client.force_login(lid_ede)
    for url in [
        reverse("condities:checkin_respons", args=["stein", checkin.pk]),
        reverse("condities:checkin_nieuw", args=["stein"]),
        reverse("condities:sessie_detail", args=["stein", checkin.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    assert client.get(link(checkin, lid)).status_code == 403


# The response page.


def answer(checkin, user, score: int, *, klaar: bool = False) -> None:
    deelnemer = deelnemer_of(checkin, user)
    for stelling in selectors.stellingen_for_sessie(sessie=checkin):
        services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=score)
    if klaar:
        services.deelnemer_finish(deelnemer=deelnemer)


def test_the_response_page_shows_who_responded_and_never_what(
    client, checkin, facilitator, kerngroeplid, lid
):
    answer(checkin, lid, 2, klaar=True)
    services.antwoord_save(
        deelnemer=deelnemer_of(checkin, kerngroeplid),
        stelling=selectors.stellingen_for_sessie(sessie=checkin)[3],
        score=5,
    )
    client.force_login(facilitator)
    response = client.get(reverse("condities:checkin_respons", args=["stein", checkin.pk]))
    assert response.status_code == 200
    html = response.text

    def rij(user) -> str:
        return re.search(rf"<tr[^>]*>(?:(?!</tr>).)*>{re.escape(user.email)}<.*?</tr>", html, re.S)[
            0
        ]

    assert "klaar" in rij(lid)
    assert "beantwoord" in rij(kerngroeplid)
    assert "nog niet" in rij(facilitator)
    respons = response.context["respons"]
    assert (respons.gereageerd, respons.klaar, respons.nog_niet) == (2, 1, 1)

    # No statement, no condition and no score of anyone.
    for stelling in selectors.stellingen_for_sessie(sessie=checkin):
        assert stelling.tekst not in html
    for label in ["Ambitie", "Belangen", "Relatie", "Proces", "gemiddelde", "Gemiddelde"]:
        assert label not in html
    assert "antwoorden" not in response.context


def test_the_response_page_links_to_closing_and_the_session_page(client, checkin, facilitator):
    client.force_login(facilitator)
    html = client.get(reverse("condities:checkin_respons", args=["stein", checkin.pk])).text
    assert reverse("condities:sessie_sluiten", args=["stein", checkin.pk]) in html
    assert reverse("condities:sessie_detail", args=["stein", checkin.pk]) in html


@pytest.mark.parametrize("aantal", [3, 30])
def test_the_response_page_does_a_fixed_number_of_queries(
    client, praktijk, facilitator, aantal, django_assert_max_num_queries
):
    ontvangers = [facilitator]
    for _ in range(aantal - 1):
        user = UserFactory()
        LidmaatschapFactory(praktijk=praktijk, user=user)
        ontvangers.append(user)
    checkin = maak_checkin(praktijk, facilitator, ontvangers)
    stellingen = selectors.stellingen_for_sessie(sessie=checkin)
    for deelnemer in Deelnemer.objects.filter(sessie=checkin)[: aantal // 2]:
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen[0], score=3)
    client.force_login(facilitator)
    url = reverse("condities:checkin_respons", args=["stein", checkin.pk])
    with django_assert_max_num_queries(5):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["respons"].deelnemers) == aantal


# Closing.


def test_closing_a_check_in_writes_scores_marked_as_check_in(
    client, praktijk, facilitator, kerngroeplid, lid, django_capture_on_commit_callbacks
):
    ambitie = stellingen_van(praktijk, "ambitie")[:2]
    checkin = maak_checkin(
        praktijk,
        facilitator,
        [facilitator, kerngroeplid, lid],
        condities=["ambitie"],
        stellingen=ambitie,
    )
    answer(checkin, lid, 2)
    answer(checkin, kerngroeplid, 4)
    answer(checkin, facilitator, 3)
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("condities:sessie_sluiten", args=["stein", checkin.pk]), {"zeker": "on"}
        )
    assert response.status_code == 302
    checkin.refresh_from_db()
    assert checkin.status == "gesloten"
    score = ConditieScore.objects.get(sessie=checkin, groep="")
    assert (score.bron, score.conditie, score.respondenten) == ("checkin", "ambitie", 3)
    assert float(score.gemiddelde) == 3.0
    assert not ConditieScore.objects.exclude(bron="checkin").exists()
    trend = selectors.trend_for_praktijk(praktijk=praktijk)
    assert trend["laatste"][0]["score"].bron == "checkin"

    # The response page now says so and offers no close button.
    html = client.get(reverse("condities:checkin_respons", args=["stein", checkin.pk])).text
    assert "Deze check-in is gesloten" in html
    assert reverse("condities:sessie_sluiten", args=["stein", checkin.pk]) not in html


@pytest.mark.parametrize("onmogelijk", [str(2**63), "-" + str(2**64), "9" * 30])
def test_a_recipient_id_no_row_can_have_is_refused_on_the_form(
    client, praktijk, facilitator, leden, onmogelijk
):
    client.force_login(facilitator)
    data = form_data(praktijk)
    data["ontvangers"] = [*data["ontvangers"], onmogelijk]
    response = client.post(reverse("condities:checkin_nieuw", args=["stein"]), data)
    assert response.status_code == 422
    assert "ontvangers" in response.context["form"].errors
    assert not Sessie.objects.filter(soort=Sessie.Soort.CHECKIN).exists()


@pytest.mark.parametrize("vreemd", ["²", "٣", "1²", "-"])
def test_a_recipient_that_only_looks_like_a_number_is_refused_on_the_form(
    client, praktijk, facilitator, leden, vreemd
):
    """Found by the fuzz tests: "²" passed str.isdigit() and then crashed int() (a 500)."""
    client.force_login(facilitator)
    data = form_data(praktijk)
    data["ontvangers"] = [*data["ontvangers"], vreemd]
    response = client.post(reverse("condities:checkin_nieuw", args=["stein"]), data)
    assert response.status_code == 422
    assert "ontvangers" in response.context["form"].errors
    assert not Sessie.objects.filter(soort=Sessie.Soort.CHECKIN).exists()

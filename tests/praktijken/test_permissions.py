"""Who may open and change the practice's pages: every view as every persona, GET and POST."""

import pytest
from django.urls import reverse

from tests.permissions import assert_matrix, editors, managers, readers

pytestmark = pytest.mark.django_db


def url(name: str, pk: int | None = None, slug: str = "stein") -> str:
    kwargs: dict = {"slug": slug}
    if pk is not None:
        kwargs["pk"] = pk
    return reverse(name if ":" in name else f"praktijken:{name}", kwargs=kwargs)


PRAKTIJK_DATA = {
    "naam": "Lerende praktijk Stein",
    "gemeente": "Stein",
    "kernthema": "Samen sterk op eigen wijze",
    "ambitie": "Niemand hoeft zijn verhaal twee keer te doen.",
    "beschrijving": "",
    "startdatum": "2026-01-01",
    "einddatum": "2027-08-31",
    "status": "actief",
}
BIJEENKOMST_DATA = {
    "titel": "Kerngroep mei",
    "soort": "kerngroep",
    "begint_op": "2030-05-12T14:00",
    "eindigt_op": "2030-05-12T16:00",
    "locatie": "Gemeentehuis Stein",
    "planner": "Anouk",
    "notulist": "Marloes",
    "agenda": "Opening\nExperimenten",
}
ONTWERPVRAAG_DATA = {
    "vraag": "Hoe kunnen we mantelzorgers eerder in beeld krijgen?",
    "toelichting": "",
    "volgorde": "1",
}
VERHAAL_DATA = {"titel": "De wijkverpleegkundige belde", "wat_werkte": "Ze belde zelf op."}


@pytest.fixture(autouse=True)
def _personas(lid, kerngroeplid, facilitator, outsider, staff):
    """Create every persona up front, so that the matrix does not create them on the way."""


# Reading: every member and staff; outsiders get 404, anonymous visitors go to the login page.


def test_dashboard_is_for_members(login_as):
    assert_matrix(login_as, url("overzicht:dashboard"), readers())


def test_meeting_pages_are_for_members(login_as, bijeenkomst):
    assert_matrix(login_as, url("bijeenkomsten"), readers())
    assert_matrix(login_as, url("bijeenkomst_detail", bijeenkomst.pk), readers())
    assert_matrix(login_as, url("bijeenkomst_ics", bijeenkomst.pk), readers())


def test_design_question_pages_are_for_members(login_as, ontwerpvraag):
    assert_matrix(login_as, url("overzicht:ontwerpvragen"), readers())
    assert_matrix(login_as, url("overzicht:ontwerpvraag_detail", ontwerpvraag.pk), readers())


def test_story_pages_are_for_members(login_as, verhaal):
    assert_matrix(login_as, url("verhalen"), readers())
    assert_matrix(login_as, url("verhalen"), readers(), headers={"HX-Request": "true"})
    assert_matrix(login_as, url("overzicht:verhaal_detail", verhaal.pk), readers())


# Managing the practice itself: facilitators and staff.


def test_editing_the_practice_is_for_facilitators_and_staff(login_as):
    assert_matrix(login_as, url("bewerken"), managers())
    assert_matrix(login_as, url("bewerken"), managers(302), method="post", data=PRAKTIJK_DATA)


def test_editing_the_practice_with_bad_dates_is_refused_the_same_way(login_as):
    data = {**PRAKTIJK_DATA, "einddatum": "2025-01-01"}
    assert_matrix(login_as, url("bewerken"), managers(200), method="post", data=data)


# Meetings and design questions: core group members, facilitators and staff.


def test_planning_a_meeting_is_for_editors(login_as):
    assert_matrix(login_as, url("bijeenkomst_nieuw"), editors())
    assert_matrix(
        login_as, url("bijeenkomst_nieuw"), editors(302), method="post", data=BIJEENKOMST_DATA
    )


def test_editing_a_meeting_is_for_editors(login_as, bijeenkomst):
    target = url("bijeenkomst_bewerken", bijeenkomst.pk)
    assert_matrix(login_as, target, editors())
    assert_matrix(login_as, target, editors(302), method="post", data=BIJEENKOMST_DATA)


def test_adding_a_design_question_is_for_editors(login_as):
    assert_matrix(login_as, url("ontwerpvraag_nieuw"), editors())
    assert_matrix(
        login_as, url("ontwerpvraag_nieuw"), editors(302), method="post", data=ONTWERPVRAAG_DATA
    )


def test_editing_a_design_question_is_for_editors(login_as, ontwerpvraag):
    target = url("ontwerpvraag_bewerken", ontwerpvraag.pk)
    assert_matrix(login_as, target, editors())
    assert_matrix(login_as, target, editors(302), method="post", data=ONTWERPVRAAG_DATA)


# Stories: every member tells one; editors and the teller edit it.


def test_every_member_may_tell_a_story(login_as):
    assert_matrix(login_as, url("verhaal_nieuw"), readers())
    assert_matrix(login_as, url("verhaal_nieuw"), readers(302), method="post", data=VERHAAL_DATA)


def test_editing_someone_elses_story_is_for_editors(login_as, verhaal):
    target = url("verhaal_bewerken", verhaal.pk)
    assert_matrix(login_as, target, editors())
    assert_matrix(login_as, target, editors(302), method="post", data=VERHAAL_DATA)


# Only GET where a view only reads; a POST is refused rather than ignored.


def test_read_only_pages_refuse_post(client, facilitator, bijeenkomst):
    client.force_login(facilitator)
    for target in [
        url("overzicht:dashboard"),
        url("bijeenkomsten"),
        url("bijeenkomst_ics", bijeenkomst.pk),
        url("verhalen"),
    ]:
        assert client.post(target).status_code == 405, target


# One scoped getter per resource: first "may you see it" (404), then "may you change it" (403),
# so the same request gets the same answer on every page.


@pytest.mark.parametrize(
    "name",
    ["bijeenkomst_bewerken", "ontwerpvraag_bewerken", "verhaal_bewerken"],
)
def test_editing_something_that_does_not_exist_is_404_for_every_member(login_as, name):
    for persona in ["lid", "kerngroeplid", "facilitator"]:
        response = login_as(persona).get(url(name, 999_999))
        assert response.status_code == 404, (persona, name)


def test_a_member_who_may_not_edit_a_visible_meeting_gets_403_and_an_editor_the_form(
    login_as, bijeenkomst
):
    assert login_as("lid").get(url("bijeenkomst_bewerken", bijeenkomst.pk)).status_code == 403
    page = login_as("kerngroeplid").get(url("bijeenkomst_bewerken", bijeenkomst.pk))
    assert page.status_code == 200
    assert bijeenkomst.titel in page.text

"""The participant's pages on a phone: no app chrome (menu, language switch, log-in link), while
the other pages keep it."""

import pytest
from django.urls import reverse

from condities import services

pytestmark = pytest.mark.django_db

CHROME = ('aria-label="Hoofdmenu"', 'id="language-select"', 'class="lp-brand"')


def join(client, sessie):
    return client.post(
        reverse("condities:doe_mee_code", args=[sessie.code]),
        {"naam": "", "organisatie": "mantelzorger", "email": ""},
    )


def assert_bare(response):
    html = response.content.decode()
    for marker in CHROME:
        assert marker not in html, marker
    assert 'href="/accounts/login/"' not in html.split('id="main"')[0]
    # What every page keeps: the skip link, the title, the language, htmx with our nonce.
    assert 'class="utrecht-skip-link' in html
    assert '<html lang="nl"' in html
    assert "<title>" in html
    assert "htmx" in html and "nonce=" in html
    assert "<footer" in html


def test_the_code_page_has_no_app_chrome(client, sessie):
    assert_bare(client.get(reverse("condities:doe_mee")))


def test_the_join_page_has_no_app_chrome(client, sessie):
    assert_bare(client.get(reverse("condities:doe_mee_code", args=[sessie.code])))


def test_the_questions_and_thank_you_pages_have_no_app_chrome(client, sessie):
    join(client, sessie)
    assert_bare(client.get(reverse("condities:vragen", args=[sessie.code])))
    assert_bare(client.get(reverse("condities:klaar", args=[sessie.code])))


def test_an_unknown_code_and_a_closed_session_have_no_app_chrome(client, sessie, stellingen):
    response = client.get(reverse("condities:doe_mee_code", args=["ZZZZZZ"]))
    assert response.status_code == 404
    assert_bare(response)
    join(client, sessie)
    services.sessie_close(sessie=sessie, by=sessie.created_by)
    stelling = stellingen["ambitie"][0]
    response = client.post(
        reverse("condities:antwoord", args=[sessie.code]), {f"s{stelling.pk}": "4"}
    )
    assert response.status_code == 409
    assert_bare(response)


def test_an_unknown_personal_link_has_no_app_chrome(client):
    response = client.get(reverse("condities:checkin_link", args=["x" * 43]))
    assert response.status_code == 404
    assert_bare(response)


def test_other_pages_keep_the_menu_and_the_language_switch(client, facilitator, praktijk):
    """The positive control: the markers the tests above look for are there on a normal page."""
    anoniem = client.get(reverse("account_login")).content.decode()
    assert 'id="language-select"' in anoniem and 'class="lp-brand"' in anoniem
    client.force_login(facilitator)
    html = client.get(reverse("condities:sessies", args=[praktijk.slug])).content.decode()
    for marker in CHROME:
        assert marker in html, marker


def test_the_scale_is_five_buttons_with_the_ends_named_and_dont_know_apart(client, sessie):
    join(client, sessie)
    html = client.get(reverse("condities:vragen", args=[sessie.code])).content.decode()
    stelling = html.split('class="utrecht-form-fieldset lp-stelling"')[1].split("</fieldset>")[0]
    rij = stelling.split('class="lp-schaal__rij"')[1].split("</div>")[0]
    assert rij.count('type="radio"') == 5
    # A screen reader hears what the ends mean; the eye sees it beneath the row.
    assert '1<span class="lp-visually-hidden"> · helemaal niet</span>' in rij
    assert '5<span class="lp-visually-hidden"> · helemaal wel</span>' in rij
    assert 'class="lp-schaal__uitersten" aria-hidden="true"' in stelling
    weet_niet = stelling.split('class="lp-schaal__rij"')[1].split("</div>", 1)[1]
    assert 'value="?"' in weet_niet and "weet ik niet" in weet_niet
    assert "<legend" in stelling

"""The base layout's fragments that every page shows alike are rendered once per process
(templates/base.html, {% fragment %}; issue #13). One language's, role's or visitor's header is
never shown to another, and what differs per request (the CSRF token, the address the language
switch returns to) is still rendered on each."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

ADMIN = reverse("admin:index")
BIBLIOTHEEK = reverse("bibliotheek:lijst")


def header(client, url: str = "/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.text.split("</header>")[0]


def test_staff_and_members_each_get_their_own_menu(client, lid, staff, praktijk):
    for _ in range(2):  # the second round reads what the first kept
        client.force_login(staff)
        assert f'href="{ADMIN}"' in header(client)
        client.force_login(lid)
        page = header(client)
        assert f'href="{ADMIN}"' not in page
        assert f'href="{BIBLIOTHEEK}"' in page


def test_anonymous_and_logged_in_visitors_each_get_their_own_menu(client, lid):
    for _ in range(2):
        client.logout()
        page = header(client)
        assert f'href="{BIBLIOTHEEK}"' not in page
        assert 'href="/accounts/login/' in page or reverse("account_login") in page
        client.force_login(lid)
        page = header(client)
        assert f'href="{BIBLIOTHEEK}"' in page
        assert reverse("account_logout") in page


def test_each_language_gets_its_own_header(client, lid):
    client.force_login(lid)
    for _ in range(2):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
        dutch = header(client)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        english = header(client)
        assert "Bibliotheek" in dutch and "Taal" in dutch and "Hoofdmenu" in dutch
        assert "Library of lessons" in english and "Language" in english
        assert "Main menu" in english and "Hoofdmenu" not in english
        assert re.search(r'<option value="nl" lang="nl" selected>', dutch)
        assert re.search(r'<option value="en" lang="en" selected>', english)
        assert '<option value="en" lang="en" selected>' not in dutch


def test_the_csrf_token_and_return_address_are_rendered_per_request(client, lid, praktijk):
    client.force_login(lid)
    tokens = []
    for url in ["/", reverse("overzicht:dashboard", kwargs={"slug": "stein"})]:
        page = header(client, url)
        assert f'name="next" value="{url}"' in page
        # The logout form and the language switch each carry the request's (masked) token.
        found = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert len(found) == 2
        tokens += found
    assert len(set(tokens)) == 2  # a new mask per request, not one kept in a fragment

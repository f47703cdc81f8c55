"""What the libraries offer but the product does not use is closed, and staff log in with limits."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_admins_own_login_form_leads_to_the_limited_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"
    login = client.get(response["Location"])
    assert login.status_code == 200
    assert 'name="password"' in login.text


def test_a_wrong_password_on_the_admin_login_never_reaches_a_form_without_limits(client):
    response = client.post("/admin/login/", {"username": "a@b.example", "password": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_staff_reach_the_admin_after_the_normal_login(client, staff):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("method", ["get", "post"])
def test_email_management_is_not_offered(client, lid, method):
    client.force_login(lid)
    response = getattr(client, method)("/accounts/email/", {"email": "iemand@elders.example"})
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text

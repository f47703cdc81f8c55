"""`manage.py demo` can run again and again, and shows passwords only in debug."""

from io import StringIO

import pytest
from django.core.management import call_command

from netwerk.demo import DEMO_PASSWORD
from netwerk.models import User

pytestmark = pytest.mark.django_db


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_demo_is_idempotent_and_its_logins_work(client, settings):
    settings.DEBUG = True
    run_demo()
    output = run_demo()
    assert User.objects.filter(email__endswith="@stein.example").count() == 2
    assert DEMO_PASSWORD in output
    assert client.login(email="adviseur@stein.example", password=DEMO_PASSWORD)
    assert client.login(email="lid@stein.example", password=DEMO_PASSWORD)


def test_demo_shows_no_password_when_debug_is_off(settings):
    settings.DEBUG = False
    output = run_demo()
    assert DEMO_PASSWORD not in output
    assert not User.objects.get(email="adviseur@stein.example").has_usable_password()

"""`manage.py demo` can run again and again, and shows passwords only in debug."""

from io import StringIO

import pytest
from django.core.management import call_command

from condities.models import Conditie, ConditieScore, Sessie
from experimenten.models import Experiment, Niveau, Tussenstap
from mantelzorg.models import Reactie
from netwerk.demo import DEMO_PASSWORD
from netwerk.models import BelangenVersie, Deelname, Groep, Organisatie, User
from praktijken.models import Bijeenkomst, Lidmaatschap, Ontwerpvraag, Praktijk, Rol, Verhaal

pytestmark = pytest.mark.django_db


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = [User, Praktijk, Organisatie, Deelname, Lidmaatschap, Ontwerpvraag, Verhaal]
    models += [Bijeenkomst, Experiment, Tussenstap, Sessie, ConditieScore, Reactie]
    models += [BelangenVersie]
    return {model.__name__: model.objects.count() for model in models}


def test_demo_is_idempotent_and_its_logins_work(client, settings):
    settings.DEBUG = True
    run_demo()
    first = counts()
    output = run_demo()
    assert counts() == first
    assert DEMO_PASSWORD in output
    assert client.login(email="adviseur@stein.example", password=DEMO_PASSWORD)
    assert client.login(email="lid@stein.example", password=DEMO_PASSWORD)


def test_demo_builds_the_stein_practice_from_the_seeds():
    run_demo()
    stein = Praktijk.objects.get(slug="stein")
    assert stein.kernthema == "Samen sterk op eigen wijze"
    deelnames = Deelname.objects.filter(praktijk=stein)
    assert deelnames.count() >= 18
    assert deelnames.filter(groep=Groep.KERNGROEP).exists()
    assert (
        deelnames.filter(groep=Groep.ONTWERPGROEP).count()
        > deelnames.filter(groep=Groep.KERNGROEP).count()
    )
    assert Ontwerpvraag.objects.filter(praktijk=stein).count() == 3
    # Interests revisited by the organisation's own member: two versions, the latest current.
    steunpunt = deelnames.get(organisatie__naam="Steunpunt Mantelzorg Stein")
    versies = list(steunpunt.belangen_versies.order_by("op"))
    assert len(versies) == 2 and {v.door.email for v in versies} == {"lid@stein.example"}
    assert steunpunt.tijdsinvestering == versies[-1].tijdsinvestering == "6 uur per maand"
    experimenten = Experiment.objects.filter(praktijk=stein)
    assert {e.niveau for e in experimenten} == set(Niveau.values)
    assert all(e.stappen.exists() for e in experimenten)
    assert Lidmaatschap.objects.get(user__email="adviseur@stein.example").rol == Rol.FACILITATOR
    # Two past workshops give every condition a score and a trend.
    scores = ConditieScore.objects.filter(praktijk=stein, groep="")
    assert Sessie.objects.filter(praktijk=stein, status=Sessie.Status.GESLOTEN).count() == 2
    assert {s.conditie for s in scores} == set(Conditie.values)
    assert scores.count() == 10
    # A second practice with its own facilitator shows that practices are kept apart.
    ede = Praktijk.objects.get(slug="ede")
    assert (
        Lidmaatschap.objects.filter(praktijk=ede, user__email__endswith="@stein.example").count()
        == 0
    )


def test_demo_gives_the_public_page_shared_quotes_and_mails_nobody(client, mailoutbox):
    run_demo()
    page = client.get("/p/stein/jullie-zeiden/")
    assert page.status_code == 200
    assert "Iedereen snapt het" in page.text  # a quote marked shareable
    assert "pas na twee jaar" not in page.text  # one that is not
    stein = Praktijk.objects.get(slug="stein")
    assert Reactie.objects.filter(praktijk=stein, genotificeerd_op__isnull=True).count() == 0
    assert not Reactie.objects.filter(praktijk=stein).exclude(email="").exists()
    assert mailoutbox == []


def test_demo_shows_no_password_when_debug_is_off(settings):
    settings.DEBUG = False
    output = run_demo()
    # The command ran to its list of accounts, which now say how to log in instead.
    assert "Demo loaded: Lerende praktijk Stein" in output
    assert "adviseur@stein.example" in output
    assert "log in with a code" in output
    assert "Passwords are not set or shown when DJANGO_DEBUG is off." in output
    assert DEMO_PASSWORD not in output
    assert not User.objects.get(email="adviseur@stein.example").has_usable_password()

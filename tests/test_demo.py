"""`manage.py demo` can run again and again, and shows passwords only in debug."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from condities.models import Conditie, ConditieScore, Sessie
from experimenten.models import Experiment, Indicator, Meting, Niveau, Tussenstap
from mantelzorg.models import Reactie
from netwerk.demo import DEMO_PASSWORD
from netwerk.models import BelangenVersie, Deelname, Genodigde, Groep, Organisatie, User
from praktijken.models import Bijeenkomst, Lidmaatschap, Ontwerpvraag, Praktijk, Rol, Verhaal
from relaties.models import BelangenDeelnemer, Belangenronde, RelatieAntwoord, Relatieronde
from relaties.selectors import netwerkbeeld

pytestmark = pytest.mark.django_db


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = [User, Praktijk, Organisatie, Deelname, Lidmaatschap, Ontwerpvraag, Verhaal]
    models += [Bijeenkomst, Genodigde, Experiment, Tussenstap, Sessie, ConditieScore, Reactie]
    models += [Relatieronde, RelatieAntwoord]
    models += [Indicator, Meting]
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
    # The next meeting has a planner and a minute-taker of the map, and people invited.
    genodigden = Genodigde.objects.filter(bijeenkomst__praktijk=stein)
    assert genodigden.get(is_planner=True).persoon.naam == "Anouk Adviseur"
    assert genodigden.get(is_notulist=True).persoon.user.email == "kerngroep@stein.example"
    assert genodigden.count() >= 5
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


def test_demo_has_a_programme_whose_team_reads_its_overview(client, settings):
    settings.DEBUG = True
    output = run_demo()
    assert "team@invoormantelzorg.example" in output
    assert client.login(email="team@invoormantelzorg.example", password=DEMO_PASSWORD)
    home = client.get("/").text
    assert "In voor mantelzorg-thuis" in home
    page = client.get("/programma/in-voor-mantelzorg-thuis/")
    assert page.status_code == 200
    assert "Lerende praktijk Stein" in page.text and "Lerende praktijk Ede" in page.text
    # Stein's latest workshop scores and a quarter with enough carers' forms are released;
    # Ede's two forms in one quarter are not.
    assert "Nog geen cijfers." in page.text  # Ede: no workshop yet
    assert "3 formulieren" in page.text or "4 formulieren" in page.text
    assert "2 formulieren" not in page.text
    # The team is in no practice.
    assert client.get("/p/stein/").status_code == 404


def test_demo_practices_share_lessons_in_their_programme(client):
    run_demo()
    run_demo()  # sharing again changes nothing
    stein = Praktijk.objects.get(slug="stein")
    assert stein.programma is not None and stein.programma.slug == "in-voor-mantelzorg-thuis"
    assert Praktijk.objects.get(slug="ede").programma == stein.programma
    client.force_login(User.objects.get(email="adviseur@ede.example"))
    page = client.get("/bibliotheek/", {"niveau": Niveau.BUURT})
    assert page.status_code == 200
    assert "Mantelzorgers ontmoeten elkaar in de buurt" in page.text  # Stein's, shared
    assert "Samen de verhuizing" not in page.text  # Stein's, not shared
    client.force_login(User.objects.get(email="adviseur@stein.example"))
    assert "Het zorgplan aan de keukentafel" in client.get("/bibliotheek/").text  # Ede's


def test_demo_has_two_relationship_rounds_a_year_apart_with_visible_growth():
    run_demo()
    toen, nu = Relatieronde.objects.filter(praktijk__slug="stein").order_by("geopend_op")
    assert (nu.geopend_op - toen.geopend_op).days >= 360
    beeld_toen, beeld_nu = netwerkbeeld(ronde=toen), netwerkbeeld(ronde=nu)
    assert beeld_nu.per_stap["werken_samen"] > beeld_toen.per_stap["werken_samen"] > 0
    assert sum(band.nieuw for band in beeld_nu.banden) >= 5
    # Closed rounds: some trust figures pass the disclosure rules.
    assert beeld_nu.vertrouwen
    # Both maps are stored, and the organisations stand where they stood a year ago.
    assert beeld_nu.posities == {
        o: p for o, p in beeld_nu.posities.items() if o in beeld_toen.posities
    } | {o: p for o, p in beeld_nu.posities.items() if o not in beeld_toen.posities}
    assert all(beeld_nu.posities[o] == p for o, p in beeld_toen.posities.items())


def test_demo_has_an_indicator_with_measurements_on_a_stein_experiment():
    run_demo()
    indicator = Indicator.objects.get(
        experiment__praktijk__slug="stein",
        naam="Verwijzingen naar het steunpunt mantelzorg per kwartaal",
    )
    assert indicator.nulmeting is not None and indicator.streefwaarde is not None
    assert Meting.objects.filter(indicator=indicator).count() >= 3


def test_demo_has_an_open_interests_round_that_two_organisations_answered(client):
    run_demo()
    ronde = Belangenronde.objects.get(praktijk__slug="stein")
    assert ronde.gesloten_op is None and ronde.sluit_op > timezone.now()
    klaar = BelangenDeelnemer.objects.filter(ronde=ronde, klaar_op__isnull=False)
    assert klaar.count() == 2
    assert BelangenDeelnemer.objects.filter(ronde=ronde, klaar_op__isnull=True).exists()
    assert (
        BelangenVersie.objects.filter(deelname__praktijk=ronde.praktijk)
        .exclude(door_naam="")
        .count()
        == 2
    )
    run_demo()  # once, however often the demo runs
    assert BelangenDeelnemer.objects.filter(ronde__praktijk__slug="stein").count() == (
        BelangenDeelnemer.objects.filter(ronde=ronde).count()
    )
    assert Belangenronde.objects.filter(praktijk__slug="stein").count() == 1

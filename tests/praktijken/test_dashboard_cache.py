"""The dashboard's shared sections come from the cache (overzicht.dashboard): a warm dashboard
takes only the login's and the practice's queries, shows every change on the next view, and
never shows one practice's, role's or language's sections to another."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from condities.models import Actie
from condities.services.acties import actie_set_status
from condities.services.afsluiten import scores_rewrite_all
from experimenten.models import Experiment, Fase, Niveau
from mantelzorg.services import reactie_update
from praktijken.services import bijeenkomst_cancel
from praktijken.versie import PRAKTIJKEN, versie_bump
from tests.condities.rapport_data import actie, gesloten_sessie
from tests.factories import (
    BijeenkomstFactory,
    DeelnameFactory,
    ExperimentFactory,
    OntwerpvraagFactory,
    OrganisatieFactory,
    PersoonFactory,
    ReactieFactory,
)
from tests.pages import login_queries, praktijk_queries, rendered
from tests.praktijken.test_dashboard import _fill

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# The login's and the access check's (tests.pages): nothing of the sections.
WARM = login_queries() + praktijk_queries()


def url(slug: str = "stein") -> str:
    return reverse("overzicht:dashboard", kwargs={"slug": slug})


def view(client, slug: str = "stein") -> tuple[int, str]:
    """The number of queries of one dashboard view, and its page."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(slug))
    return len(queries), rendered(response)


def sectie(page: str, kop: str) -> str:
    """The section whose heading has this id."""
    return page.split(f'id="{kop}"')[1].split("</section>")[0]


# Query counts


@pytest.mark.parametrize("persona", ["lid", "facilitator"])
def test_a_warm_dashboard_takes_the_same_few_queries_for_3_or_30_of_everything(
    client, praktijk, persona, request
):
    client.force_login(request.getfixturevalue(persona))
    _fill(praktijk, 3)
    view(client)  # renders the sections and keeps them
    klein, _page = view(client)
    _fill(praktijk, 27)
    view(client)
    groot, page = view(client)
    assert klein == groot == WARM
    # Everything is still there, from the cache.
    assert page.count('class="utrecht-ordered-list__item"') == 30
    assert page.count('class="utrecht-unordered-list__item lp-stap"') == 5
    assert page.count('class="utrecht-unordered-list__item lp-stap lp-stap--gedaan"') == 5
    assert "30 experimenten" in page
    assert page.count('class="lp-mz-citaat"') == 3


def test_a_warm_dashboard_is_the_same_page_as_a_cold_one(client, lid, praktijk):
    _fill(praktijk, 4)
    client.force_login(lid)
    koud, eerste = view(client)
    warm, tweede = view(client)
    assert warm < koud
    token = re.compile(r'(csrfmiddlewaretoken" value="|X-CSRFToken": "|nonce=")[^"]+')
    assert token.sub("", eerste) == token.sub("", tweede)


# What a change shows on the next view


@pytest.fixture
def warm(client, lid, praktijk):
    """The lid's client, after a first dashboard view that kept the sections."""
    client.force_login(lid)
    view(client)
    assert view(client)[0] == WARM
    return client


def test_a_new_experiment_through_its_form_shows_on_the_next_view(warm, kerngroeplid, praktijk):
    vraag = OntwerpvraagFactory(praktijk=praktijk, vraag="Hoe bereiken we de huisartsen?")
    assert "1 experiment," not in view(warm)[1]  # the new question showed, with no experiment
    warm.force_login(kerngroeplid)
    response = warm.post(
        reverse("experimenten:nieuw", kwargs={"slug": "stein"}),
        {
            "ontwerpvraag": vraag.pk,
            "titel": "Tien minuten samen",
            "doel": "Mantelzorger en professional stemmen samen af.",
            "niveau": Niveau.BUURT,
            "fase": Fase.VERKENNEN,
            "status": "idee",
        },
    )
    assert response.status_code == 302 and Experiment.objects.filter(praktijk=praktijk).exists()
    page = view(warm)[1]
    assert "1 experiment, per niveau van samenwerking en fase" in page
    assert "(1 experiment)" in page


def test_a_closed_session_shows_its_released_scores_on_the_next_view(warm, facilitator, praktijk):
    assert "Na de eerste werkvorm" in view(warm)[1]
    # Closing writes its scores in bulk (no model signal): the service drops the sections.
    gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, 3, 1), score=4)
    page = view(warm)[1]
    assert "Laatste scores" in page and "4,0" in sectie(page, "condities-kop")
    assert "Na de eerste werkvorm" not in page


def test_scores_written_again_show_on_the_next_view(warm, facilitator, praktijk):
    sessie = gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, 3, 1))
    assert "Laatste scores" in view(warm)[1]
    sessie.scores.all().delete()
    assert "Laatste scores" not in view(warm)[1]
    scores_rewrite_all()
    assert "Laatste scores" in view(warm)[1]


def test_a_step_marked_done_moves_to_done_on_the_next_view(warm, facilitator, praktijk):
    sessie = gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, 3, 1))
    stap = actie(sessie, "Folder naar de huisartsen")
    page = view(warm)[1]
    assert "Folder naar de huisartsen" in page and 'id="gedaan"' not in page
    actie_set_status(actie=stap, status=Actie.Status.GEDAAN, by=facilitator)
    page = view(warm)[1]
    assert "Folder naar de huisartsen" in page.split('id="gedaan"')[1]


def test_a_new_carers_reaction_and_a_quote_no_longer_shared_show_on_the_next_view(
    warm, facilitator, praktijk
):
    reactie = ReactieFactory(praktijk=praktijk, wat_gaat_goed="Ze belden me op.", deelbaar=True)
    page = view(warm)[1]
    assert "1 reactie van mantelzorgers" in page and "Ze belden me op." in page
    ReactieFactory(praktijk=praktijk)
    assert "2 reacties van mantelzorgers" in view(warm)[1]
    reactie_update(
        reactie=reactie,
        by=facilitator,
        status=reactie.status,
        condities=[],
        experiment=None,
        doorgegeven_aan=None,
        deelbaar=False,
        gedeeld_met_leden=False,
        interne_notitie="",
    )
    page = rendered(warm.get(url()), "2 reacties van mantelzorgers")
    assert "Ze belden me op." not in page


def test_renamed_organisations_and_people_show_on_the_next_view(warm, facilitator, praktijk):
    organisatie = OrganisatieFactory(naam="Huisartsen Stein", eigenaar=praktijk)
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    anja = PersoonFactory(organisatie=organisatie, naam="Anja de Vries")
    sessie = gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, 3, 1))
    actie(sessie, "Folder maken", eigenaar=anja)
    page = view(warm)[1]
    assert "Huisartsen Stein" in page and "Wie: Anja de Vries" in page
    organisatie.naam = "Huisartsenpraktijk Stein"
    organisatie.save()
    anja.naam = "Anja Smeets"
    anja.save()
    page = view(warm)[1]
    assert "Huisartsenpraktijk Stein" in page and "Wie: Anja Smeets" in page
    anja.delete()
    assert "Wie: Anja Smeets" not in rendered(warm.get(url()), "Folder maken")


def test_the_practices_details_changed_through_its_form_show_on_the_next_view(
    warm, facilitator, praktijk
):
    page = view(warm)[1]
    assert "Lerende praktijk Stein" in page and "Actief" in page
    warm.force_login(facilitator)
    response = warm.post(
        reverse("praktijken:bewerken", kwargs={"slug": "stein"}),
        {
            "naam": "Samen Stein",
            "gemeente": "Stein",
            "kernthema": "Samen sterk op eigen wijze",
            "ambitie": "Over vijf jaar weet elke mantelzorger de weg.",
            "status": "afgerond",
            "startdatum": "2026-01-01",
            "einddatum": "2026-12-31",
        },
    )
    assert response.status_code == 302
    page = sectie(view(warm)[1], "praktijk-naam")
    assert "Samen Stein" in page and "Lerende praktijk Stein" not in page
    assert "Samen sterk op eigen wijze" in page and "elke mantelzorger de weg" in page
    assert "Afgerond" in page and "31 december 2026" in page
    warm.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = sectie(view(warm)[1], "praktijk-naam")
    assert "Finished" in page and "31 December 2026" in page and "Core theme" in page


def test_the_next_meeting_moves_on_when_it_is_over(warm, praktijk, monkeypatch):
    nu = timezone.now()
    BijeenkomstFactory(
        praktijk=praktijk,
        titel="Kerngroep nu",  # going on, and over in ten seconds
        begint_op=nu - datetime.timedelta(hours=1),
        eindigt_op=nu + datetime.timedelta(seconds=10),
    )
    BijeenkomstFactory(
        praktijk=praktijk, titel="Ontwerpgroep later", begint_op=nu + datetime.timedelta(days=3)
    )
    assert "Kerngroep nu" in sectie(view(warm)[1], "volgende-kop")
    assert view(warm)[0] == WARM
    # No write: only the clock moves past the meeting's end (sooner than the cache's backstop).
    monkeypatch.setattr(timezone, "now", lambda: nu + datetime.timedelta(seconds=20))
    volgende = sectie(view(warm)[1], "volgende-kop")
    assert "Ontwerpgroep later" in volgende and "Kerngroep nu" not in volgende


def test_a_cancelled_meeting_leaves_the_next_meeting_on_the_next_view(warm, facilitator, praktijk):
    nu = timezone.now()
    eerst = BijeenkomstFactory(
        praktijk=praktijk, titel="Kerngroep morgen", begint_op=nu + datetime.timedelta(days=1)
    )
    BijeenkomstFactory(
        praktijk=praktijk, titel="Ontwerpgroep later", begint_op=nu + datetime.timedelta(days=3)
    )
    assert "Kerngroep morgen" in sectie(view(warm)[1], "volgende-kop")
    assert bijeenkomst_cancel(bijeenkomst=eerst, by=facilitator)
    volgende = sectie(view(warm)[1], "volgende-kop")
    assert "Ontwerpgroep later" in volgende and "Kerngroep morgen" not in volgende


def test_a_done_step_leaves_the_celebration_after_thirty_days(
    warm, facilitator, praktijk, monkeypatch
):
    sessie = gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, 3, 1))
    nu = timezone.now()
    bijna = nu - datetime.timedelta(days=30) + datetime.timedelta(seconds=10)
    actie(sessie, "Gedaan en gevierd", status=Actie.Status.GEDAAN, gedaan_op=bijna)
    assert 'id="gedaan"' in view(warm)[1]
    assert 'id="gedaan"' in view(warm)[1]
    # No write: only the clock moves past its thirtieth day.
    monkeypatch.setattr(timezone, "now", lambda: nu + datetime.timedelta(seconds=20))
    assert 'id="gedaan"' not in rendered(warm.get(url()), "Condities voor samenwerking")


def test_a_version_is_taken_again_after_the_commit(django_capture_on_commit_callbacks, praktijk):
    """A page that read the new version before the commit kept the data before it under that
    version: the commit takes yet another."""
    with django_capture_on_commit_callbacks() as callbacks:
        versie_bump(praktijk_id=praktijk.pk)
        tijdens = cache.get(PRAKTIJKEN.key(praktijk.pk))
    assert tijdens is not None and len(callbacks) == 1
    callbacks[0]()
    assert cache.get(PRAKTIJKEN.key(praktijk.pk)) not in (None, tijdens)


def test_a_lost_version_renders_anew(warm, praktijk):
    ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk))
    view(warm)
    cache.delete(PRAKTIJKEN.key(praktijk.pk))  # evicted, or Redis restarted
    koud, page = view(warm)
    assert koud > WARM and "1 experiment," in page
    assert view(warm)[0] == WARM


# Never another practice's, role's or language's sections


def _vul(praktijk, naam: str) -> None:
    DeelnameFactory(praktijk=praktijk, organisatie=OrganisatieFactory(naam=f"Organisatie {naam}"))
    BijeenkomstFactory(
        praktijk=praktijk,
        titel=f"Bijeenkomst {naam}",
        begint_op=timezone.now() + datetime.timedelta(days=2),
    )
    ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk, vraag=f"Vraag {naam}?"))
    ReactieFactory(praktijk=praktijk, wat_gaat_goed=f"Citaat {naam}", deelbaar=True)


@pytest.mark.parametrize("eerst", ["stein", "ede"])
def test_one_practices_kept_sections_never_show_on_anothers_dashboard(
    client, lid, outsider, praktijk, andere_praktijk, eerst
):
    _vul(praktijk, "Stein")
    _vul(andere_praktijk, "Ede")
    wie = {"stein": lid, "ede": outsider}
    for slug in [eerst, *({"stein", "ede"} - {eerst})] * 2:  # each twice: cold, then warm
        client.force_login(wie[slug])
        page = view(client, slug)[1]
        eigen, ander = ("Stein", "Ede") if slug == "stein" else ("Ede", "Stein")
        for wat in ["Organisatie", "Bijeenkomst", "Vraag", "Citaat"]:
            assert f"{wat} {eigen}" in page
            assert f"{wat} {ander}" not in page
        assert f'href="/p/{slug}/ontwerpvragen/' in page and f"/p/{ander.lower()}/" not in page


# The links that depend on the role, and the section they are in (the menu has the inbox too).
ROLLINKS = {
    "bewerken": ("praktijk-naam", reverse("praktijken:bewerken", kwargs={"slug": "stein"})),
    "plannen": ("volgende-kop", reverse("praktijken:bijeenkomst_nieuw", kwargs={"slug": "stein"})),
    "inbox": ("mantelzorgers-kop", reverse("mantelzorg:inbox", kwargs={"slug": "stein"})),
}
ZIET = {
    "lid": set(),
    "kerngroeplid": {"plannen"},
    "facilitator": {"bewerken", "plannen", "inbox"},
}


@pytest.mark.parametrize("eerst", list(ZIET))
def test_the_links_of_one_role_never_show_to_another_whoever_viewed_first(
    client, praktijk, request, eerst
):
    _fill(praktijk, 2)
    # Made before the first view: the lid's organisation and person are in the sections.
    personen = {persona: request.getfixturevalue(persona) for persona in ZIET}
    volgorde = [eerst, *(p for p in ZIET if p != eerst)]
    for index, persona in enumerate(volgorde):
        client.force_login(personen[persona])
        queries, page = view(client)
        if index:
            # The sections the first persona's view kept; this login's first page.
            assert queries == login_queries(first=True) + praktijk_queries(first=True)
        assert "2 experimenten" in page and "Wat mantelzorgers zeggen" in page
        for naam, (kop, link) in ROLLINKS.items():
            assert (link in sectie(page, kop)) == (naam in ZIET[persona]), (persona, naam)


def test_each_language_gets_its_own_sections(client, lid, praktijk):
    _fill(praktijk, 2)
    client.force_login(lid)
    page = view(client)[1]
    assert "Volgende bijeenkomst" in page and "Condities voor samenwerking" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for _ in range(2):
        page = view(client)[1]
        assert "Next meeting" in page and "Conditions for collaboration" in page
        assert "Experiments by level and phase" in page and "What carers say" in page
        assert "Volgende bijeenkomst" not in page and "Condities voor samenwerking" not in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert "Volgende bijeenkomst" in view(client)[1]


def test_each_language_and_role_gets_its_own_links(client, lid, facilitator, praktijk):
    """The role's links are fragments kept per language, practice and role (dashboard.html)."""
    for _ in range(2):  # the second round reads what the first kept
        for taal, alle, plannen, wijzigen in [
            ("nl", "Alle bijeenkomsten", "Bijeenkomst plannen", "Praktijk wijzigen"),
            ("en", "All meetings", "Plan a meeting", "Edit the practice"),
        ]:
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = taal
            client.force_login(facilitator)
            page = view(client)[1]
            assert alle in page and plannen in page and wijzigen in page
            client.force_login(lid)
            page = view(client)[1]
            assert alle in page and plannen not in page and wijzigen not in page
            anders = "All meetings" if taal == "nl" else "Alle bijeenkomsten"
            assert anders not in page


GEDEELD = [
    "overzicht/templates/overzicht/_dashboard_gedeeld.html",
    "condities/templates/condities/_dashboard.html",
    "condities/templates/condities/_trend.html",
    "mantelzorg/templates/mantelzorg/_dashboard.html",
    "mantelzorg/templates/mantelzorg/_verteld_grafiek.html",
    "mantelzorg/templates/mantelzorg/_maanden_tabel.html",
    "mantelzorg/templates/mantelzorg/_citaten.html",
]


def test_the_shared_sections_templates_read_nothing_of_the_viewer():
    """They are rendered without the request; a reference to the viewer would render empty
    for everybody, and belongs in dashboard.html."""
    includes = set()
    for pad in GEDEELD:
        tekst = re.sub(
            r"{% comment %}.*?{% endcomment %}", "", (ROOT / pad).read_text(), flags=re.S
        )
        includes.update(re.findall(r'{% include "([^"]+)"', tekst))
        for woord in [
            "toegang",
            "mijn_rol",
            "user",
            "request",
            "csrf",
            "perms",
            "messages",
            "nonce",
        ]:
            assert not re.search(rf"\b{woord}\b", tekst), (pad, woord)
    assert {pad.split("templates/")[1] for pad in GEDEELD[1:]} == includes


def test_the_kept_menu_follows_the_page_the_role_the_name_and_the_language(
    client, lid, facilitator, praktijk
):
    """overzicht.navigation keeps the rendered menu per process, for what it depends on."""

    def menu(path: str) -> str:
        page = rendered(client.get(path))
        return page.split('<nav class="lp-subnav ')[1].split("</nav>")[0]

    inbox = f'href="{reverse("mantelzorg:inbox", kwargs={"slug": "stein"})}"'
    leden = f'href="{reverse("netwerk:leden", kwargs={"slug": "stein"})}"'
    vragen = reverse("overzicht:ontwerpvragen", kwargs={"slug": "stein"})
    client.force_login(lid)
    assert f'href="{url()}" aria-current="page">Overzicht<' in menu(url())
    ander = menu(vragen)
    assert f'href="{vragen}" aria-current="page">' in ander and 'href="/p/stein/" aria' not in ander
    assert inbox not in ander and leden not in ander
    client.force_login(facilitator)
    assert inbox in menu(url()) and leden in menu(url())
    praktijk.naam = "Lerende praktijk Stein-Elsloo"
    praktijk.save()
    assert ">Lerende praktijk Stein-Elsloo</a>" in menu(url())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert ">Overview<" in menu(url()) and ">Overzicht<" not in menu(url())


def test_a_worker_serves_the_sections_from_its_own_memory(warm, praktijk):
    """Once served, the sections come from the worker's memory: only their version is read from
    the shared cache. A new version is never served from it."""
    ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk))
    view(warm)
    cache.delete(f"overzicht:dashboard:v2:{praktijk.pk}:nl")  # the shared copy is gone
    queries, page = view(warm)
    assert queries == WARM and "1 experiment," in page
    ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk))
    assert "2 experimenten" in view(warm)[1]

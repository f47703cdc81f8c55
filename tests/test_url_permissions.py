"""Every URL of the project, as every persona: a new view without an entry here fails this test.

The URL patterns come from the resolver, so nothing can escape. Per view the expected GET status
for each persona; the apps' own tests cover POSTs and details. Site admin and allauth's account
pages are checked as groups: the admin is for staff only, the account pages are public by design.
"""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from begrippen.models import Begrip
from condities import services as condities_services
from condities.models import Actie, Inbreng, Sessie
from conftest import PERSONAS
from mantelzorg.models import Reactie
from netwerk.models import Deelname
from praktijken.models import Lidmaatschap
from relaties.models import Belangenronde, Relatieronde
from tests.factories import (
    AfspraakFactory,
    BijeenkomstFactory,
    DeelnameFactory,
    ExperimentFactory,
    IndicatorFactory,
    MetingFactory,
    OntwerpvraagFactory,
    OpbrengstFactory,
    OrganisatieFactory,
    PersoonFactory,
    UitnodigingFactory,
    VerhaalFactory,
)
from tests.permissions import (
    LOGIN,
    assert_matrix,
    editors,
    managers,
    organisatie_snapshot,
    programme_team,
    readers,
)

pytestmark = pytest.mark.django_db

PUBLIC = dict.fromkeys(PERSONAS, 200)
POST_ONLY = {**dict.fromkeys(PUBLIC, 405), "anonymous": LOGIN}
PUBLIC_POST_ONLY = dict.fromkeys(PUBLIC, 405)

# Expected GET status per persona, for every named URL of our own apps.
EXPECTED = {
    # The admin's own login form is replaced by the limited login page, for everyone.
    "admin_login_limited": dict.fromkeys(PUBLIC, LOGIN),
    "overzicht:home": PUBLIC,
    "overzicht:dashboard": readers(),
    "praktijken:bewerken": managers(),
    "praktijken:bijeenkomsten": readers(),
    "praktijken:bijeenkomst_nieuw": editors(),
    "praktijken:bijeenkomst_detail": readers(),
    "praktijken:bijeenkomst_bewerken": editors(),
    "praktijken:bijeenkomst_afzeggen": POST_ONLY,
    "praktijken:bijeenkomst_ics": readers(),
    "overzicht:ontwerpvragen": readers(),
    "praktijken:ontwerpvraag_nieuw": editors(),
    "overzicht:ontwerpvraag_detail": readers(),
    "praktijken:ontwerpvraag_bewerken": editors(),
    "praktijken:verhalen": readers(),
    "praktijken:verhaal_nieuw": readers(),  # every member may tell a story
    "overzicht:verhaal_detail": readers(),
    "overzicht:jullie_zeiden": PUBLIC,
    # What it yields: members of the practice, as page and as PDF.
    "overzicht:opbrengst": readers(),
    "overzicht:opbrengst_pdf": readers(),
    "overzicht:opbrengst_organisatie": readers(),
    "overzicht:opbrengst_organisatie_pdf": readers(),
    "praktijken:verhaal_bewerken": editors(),  # the story is someone else's
    "praktijken:verhaal_delen": POST_ONLY,
    "netwerk:netwerk": readers(),
    "netwerk:bijeenkomst_mensen": editors(),
    "netwerk:bijeenkomst_uitnodigen": POST_ONLY,
    "netwerk:bijeenkomst_verslag": editors(),  # and the minute-taker: tests/netwerk
    "netwerk:deelname_nieuw": editors(),
    "netwerk:deelname_bewerken": editors(),
    "netwerk:belangen": readers(),
    "netwerk:belangen_bewerken": readers(),  # the lid's own organisation's interests
    "netwerk:belangen_geschiedenis": readers(),
    "netwerk:afspraak_nieuw": editors(),
    "netwerk:afspraak_bewerken": editors(),
    "netwerk:afspraak_verwijderen": POST_ONLY,
    "netwerk:organisatie_detail": readers(),
    "netwerk:organisatie_bewerken": readers(),  # the lid's own organisation
    "netwerk:persoon_nieuw": readers(),  # people of the lid's own organisation
    "netwerk:persoon_bewerken": readers(),
    "netwerk:kaart": readers(),
    "netwerk:kaart_csv": readers(),
    "netwerk:kaart_vcf": readers(),
    "netwerk:bevestigen": dict.fromkeys(PUBLIC, 400),  # a made-up token: a friendly 400
    "netwerk:leden": managers(),
    "netwerk:uitnodigen": managers(),
    "netwerk:lid_rol": POST_ONLY,
    "netwerk:lid_verwijderen": POST_ONLY,
    "netwerk:uitnodiging_opnieuw": POST_ONLY,
    "netwerk:uitnodiging_intrekken": POST_ONLY,
    "netwerk:uitnodiging_accepteren": PUBLIC,
    "experimenten:lijst": readers(),
    "experimenten:nieuw": editors(),
    "experimenten:detail": readers(),
    "experimenten:bewerken": readers(),  # the lid's organisation takes part in it
    "experimenten:stap_nieuw": POST_ONLY,
    "experimenten:opbrengst_nieuw": POST_ONLY,
    "experimenten:afsluiten": readers(),
    "experimenten:delen": POST_ONLY,
    "experimenten:opbrengst_delen": POST_ONLY,
    # Indicators: whoever may change the experiment (the lid's organisation takes part in it).
    "experimenten:indicator_nieuw": readers(),
    "experimenten:indicator_bewerken": readers(),
    "experimenten:indicator_verwijderen": POST_ONLY,
    "experimenten:meting_nieuw": readers(),
    "experimenten:meting_verwijderen": POST_ONLY,
    "condities:sessies": readers(),
    "condities:sessie_nieuw": managers(),
    "condities:sessie_detail": readers(),
    "condities:sessie_openen": POST_ONLY,
    "condities:sessie_sluiten": POST_ONLY,
    # The old presenter view's addresses: on to the room's screen (302) for those who run it.
    "condities:presentatie": managers(302),
    "condities:presentatie_live": {**managers(302), "anonymous": 404},  # a poll: no login page
    "condities:onthullen": POST_ONLY,
    "condities:deelnemers_verwijderen": POST_ONLY,
    "condities:scherm": managers(),
    "condities:bediening": managers(),
    "condities:scherm_actie": POST_ONLY,
    "condities:inbreng_actie": POST_ONLY,
    "condities:inbreng_papier": POST_ONLY,
    "condities:qr": managers(),
    "condities:actie_nieuw": POST_ONLY,
    "condities:actie_experiment": editors(),
    "condities:acties": readers(),
    "condities:mijn_acties": readers(),
    "condities:actie_bewerken": managers(),
    "condities:actie_verwijderen": managers(),
    "condities:actie_status": POST_ONLY,
    "condities:bijeenkomst_actie_nieuw": managers(),
    "condities:bijeenkomst_sessie": POST_ONLY,
    "condities:papier": managers(),
    "condities:formulier": readers(),
    "condities:doe_mee": PUBLIC,
    # Members of the practice join straight away (302 to the questions); others see the form.
    "condities:doe_mee_code": {
        **PUBLIC,
        "lid": 302,
        "kerngroeplid": 302,
        "facilitator": 302,
    },
    # Not joined yet: back to the join page.
    "condities:vragen": dict.fromkeys(PUBLIC, 302),
    "condities:antwoord": PUBLIC_POST_ONLY,
    "condities:gesprek": dict.fromkeys(PUBLIC, 302),  # not joined yet: to the join page
    "condities:inbreng": PUBLIC_POST_ONLY,
    "condities:stem": PUBLIC_POST_ONLY,
    "condities:klaar": dict.fromkeys(PUBLIC, 404),  # only for someone who joined
    "condities:stap": dict.fromkeys(PUBLIC, 404),  # a phone's poll: only for someone who joined
    "condities:praktijk_rapport": readers(),
    "condities:praktijk_export_csv": readers(),
    "condities:praktijk_export_xlsx": readers(),
    "condities:stellingen": readers(),
    "condities:stellingen_bewerken": managers(),
    "condities:sessie_rapport": readers(),
    "condities:sessie_export_csv": readers(),
    "condities:sessie_export_xlsx": readers(),
    "condities:checkin_nieuw": managers(),
    "condities:checkin_respons": managers(),
    "condities:checkin_herinneren": POST_ONLY,
    "condities:checkin_link": dict.fromkeys(PUBLIC, 404),  # a made-up token
    "mantelzorg:formulier": PUBLIC,
    "mantelzorg:bedankt": PUBLIC,
    "mantelzorg:inbox": managers(),
    "mantelzorg:reactie": managers(),
    "mantelzorg:contact_verwijderen": POST_ONLY,
    "mantelzorg:beantwoorden": POST_ONLY,
    "mantelzorg:instellingen": managers(),
    "mantelzorg:overzicht": readers(),
    "mantelzorg:export_csv": managers(),
    "mantelzorg:export_xlsx": managers(),
    "relaties:rondes": readers(),
    "relaties:ronde_nieuw": managers(),
    "relaties:netwerk": readers(),
    "relaties:scherm": readers(),
    "relaties:export_csv": readers(),
    "relaties:export_graphml": readers(),
    "relaties:respons": managers(),
    "relaties:herinneren": POST_ONLY,
    "relaties:sluiten": POST_ONLY,
    "relaties:invullen": dict.fromkeys(PUBLIC, 404),  # a made-up token
    "relaties:belangenrondes": managers(),
    "relaties:belangenronde_nieuw": managers(),
    "relaties:belangenronde": managers(),
    "relaties:belangenronde_herinneren": POST_ONLY,
    "relaties:belangenronde_sluiten": POST_ONLY,
    "relaties:belangen_invullen": dict.fromkeys(PUBLIC, 404),  # a made-up token
    "begrippen:woordenlijst": PUBLIC,  # the public glossary, settled terms only
    "begrippen:lijst": readers(),
    "begrippen:voorstellen": readers(),  # every member may suggest a term
    "begrippen:bewerken": managers(),
    "begrippen:verwijderen": POST_ONLY,
    # The programme team's pages: its team and staff; every member of a practice gets 404.
    "programma:overzicht": programme_team(),
    "programma:praktijk_starten": programme_team(),
    # stein has its facilitator: from then on they invite, not the team (403).
    "programma:facilitator_uitnodigen": programme_team(403),
    # The library: every account may open it (it explains when their practice is in no
    # programme); an item is shown to the practices of its programme, its team and staff.
    "bibliotheek:lijst": {**PUBLIC, "anonymous": LOGIN},
    # The programme's team reads the library of its programme (stein is in it), as its members.
    "bibliotheek:les": {**readers(), "programmateam": 200},
    "bibliotheek:opbrengst": {**readers(), "programmateam": 200},
    "bibliotheek:verhaal": {**readers(), "programmateam": 200},
    "healthz": PUBLIC,
    "set_language": dict.fromkeys(PUBLIC, 302),  # a GET just goes back
}


def all_patterns() -> list[tuple[str, str]]:
    """(qualified name, route) of every URL pattern, walking includes."""
    found = []

    def walk(resolver, namespace, route):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern, ns, route + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace else (pattern.name or "")
                found.append((name, route + str(pattern.pattern)))

    walk(get_resolver(), "", "")
    return found


def is_admin(name: str, route: str) -> bool:
    return name.startswith("admin:") and route.startswith("admin/")


def is_account(name: str, route: str) -> bool:
    return name.startswith("account_") and route.startswith("accounts/")


def test_every_url_has_an_expected_status_per_persona():
    missing = [
        (name, route)
        for name, route in all_patterns()
        if name not in EXPECTED and not is_admin(name, route) and not is_account(name, route)
    ]
    assert missing == [], "add these URLs to EXPECTED in tests/test_url_permissions.py"
    unknown = set(EXPECTED) - {name for name, _route in all_patterns()}
    assert unknown == set()


@pytest.fixture
def wereld(
    praktijk, eigen_organisatie, facilitator, lid, kerngroeplid, staff, outsider, programmateam
):
    """One of everything in `stein`, so every URL has a real object to point at."""
    vraag = OntwerpvraagFactory(praktijk=praktijk)
    gedeeld = timezone.now()  # shared with the library, so its pages have something to show
    experiment = ExperimentFactory(ontwerpvraag=vraag, gedeeld_op=gedeeld)
    experiment.organisaties.add(eigen_organisatie)
    sessie = condities_services.sessie_create(
        praktijk=praktijk,
        titel="Werkvorm",
        datum=datetime.date(2026, 11, 1),
        modus="live",
        condities=["relatie"],
        by=facilitator,
    )
    condities_services.sessie_open(sessie=sessie, by=facilitator)
    checkin = condities_services.sessie_create(
        praktijk=praktijk,
        titel="Check-in",
        datum=datetime.date(2026, 11, 1),
        modus="online",
        condities=["proces"],
        by=facilitator,
        soort=Sessie.Soort.CHECKIN,
    )
    meting = MetingFactory(indicator=IndicatorFactory(experiment=experiment))
    return {
        "programma": praktijk.programma,
        "indicator": meting.indicator_id,
        "meting": meting.pk,
        "bijeenkomst": BijeenkomstFactory(praktijk=praktijk).pk,
        "ontwerpvraag": vraag.pk,
        "verhaal": VerhaalFactory(praktijk=praktijk, created_by=facilitator, gedeeld_op=gedeeld).pk,
        "opbrengst": OpbrengstFactory(experiment=experiment, gedeeld_op=gedeeld).pk,
        "deelname": eigen_organisatie.deelnames.get().pk,
        "afspraak": AfspraakFactory(praktijk=praktijk).pk,
        "organisatie": eigen_organisatie.pk,
        "persoon": PersoonFactory(organisatie=eigen_organisatie).pk,
        "lid": Lidmaatschap.objects.get(user=lid).pk,
        "uitnodiging": UitnodigingFactory(praktijk=praktijk, token="t" * 43),
        "experiment": experiment.pk,
        "sessie": sessie,
        "actie": Actie.objects.create(
            praktijk=praktijk, sessie=sessie, conditie="relatie", soort="stap", tekst="Bellen"
        ).pk,
        "checkin": checkin.pk,
        "inbreng": Inbreng.objects.create(
            sessie=sessie, conditie="relatie", soort="goed", tekst="Korte lijnen"
        ).pk,
        "reactie": Reactie.objects.create(praktijk=praktijk, wat_gaat_goed="Fijn").pk,
        "begrip": Begrip.objects.get(praktijk=praktijk, term="naaste").pk,
        "ronde": Relatieronde.objects.create(
            praktijk=praktijk,
            titel="Relatieronde",
            geopend_op=timezone.now(),
            sluit_op=timezone.now() + datetime.timedelta(days=7),
        ).pk,
        "belangenronde": Belangenronde.objects.create(
            praktijk=praktijk,
            titel="Belangenronde",
            geopend_op=timezone.now(),
            sluit_op=timezone.now() + datetime.timedelta(days=7),
        ).pk,
    }


def kwargs_for(name: str, route: str, w: dict) -> dict:
    kwargs: dict = {}
    if "<slug:slug>" in route:
        kwargs["slug"] = w["programma"].slug if name.startswith("programma:") else "stein"
    if "<slug:praktijk>" in route:
        kwargs["praktijk"] = "stein"
    if "<str:code>" in route or "<code:code>" in route:
        kwargs["code"] = w["sessie"].code
    if "<str:token>" in route or "<token:token>" in route:
        kwargs["token"] = w["uitnodiging"].token if name.endswith("accepteren") else "onbekend"
    if "<int:actie_pk>" in route:
        kwargs["actie_pk"] = w["actie"]
    if "<int:opbrengst_pk>" in route:
        kwargs["opbrengst_pk"] = w["opbrengst"]
    if "<int:inbreng_pk>" in route:
        kwargs["inbreng_pk"] = w["inbreng"]
    if "<int:indicator_pk>" in route:
        kwargs["indicator_pk"] = w["indicator"]
    if "<int:meting_pk>" in route:
        kwargs["meting_pk"] = w["meting"]
    if "<int:pk>" in route:
        kwargs["pk"] = object_pk(name, w)
    return kwargs


def object_pk(name: str, w: dict) -> int:
    short = name.split(":")[1]
    for key, pk_key in [
        ("bijeenkomst", "bijeenkomst"),
        ("ontwerpvraag", "ontwerpvraag"),
        ("verhaal", "verhaal"),
        ("deelname", "deelname"),
        ("belangen_", "deelname"),
        ("afspraak", "afspraak"),
        ("persoon_nieuw", "organisatie"),
        ("opbrengst_organisatie", "organisatie"),
        ("persoon", "persoon"),
        ("organisatie", "organisatie"),
        ("lid_", "lid"),
        ("uitnodiging", "uitnodiging"),
        ("checkin", "checkin"),
        ("les", "experiment"),
        ("opbrengst", "opbrengst"),
    ]:
        if short.startswith(key):
            value = w[pk_key]
            return value.pk if hasattr(value, "pk") else value
    if name.startswith("experimenten:"):
        return w["experiment"]
    if name.startswith("mantelzorg:"):
        return w["reactie"]
    if name.startswith("begrippen:"):
        return w["begrip"]
    if name.startswith("relaties:belangenronde"):
        return w["belangenronde"]
    if name.startswith("relaties:"):
        return w["ronde"]
    return w["sessie"].pk


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_url_answers_each_persona_as_expected(name, wereld, login_as):
    route = dict(all_patterns())[name]
    path = reverse(name, kwargs=kwargs_for(name, route, wereld))
    assert_matrix(login_as, path, EXPECTED[name])


def test_the_admin_is_for_staff_only(login_as):
    expected = {**dict.fromkeys(PUBLIC, 302), "staff": 200}
    assert_matrix(login_as, reverse("admin:index"), expected)


# Another practice's organisation, through `stein`'s pages (issue #11). Nobody gets it through
# stein, not even ede's own facilitator (the `outsider`) or staff: it is not stein's. Per URL the
# object of `ede` its pk points at; every URL that names an organisation, a person or a
# participation must be here.
NOT_FOUND = {**dict.fromkeys(PUBLIC, 404), "anonymous": LOGIN}
CROSS_PRAKTIJK = {
    "netwerk:organisatie_detail": "organisatie",
    "netwerk:organisatie_bewerken": "organisatie",
    "netwerk:persoon_nieuw": "organisatie",
    "netwerk:persoon_bewerken": "persoon",
    "netwerk:deelname_bewerken": "deelname",
    "overzicht:opbrengst_organisatie": "organisatie",
    "overzicht:opbrengst_organisatie_pdf": "organisatie",
    "netwerk:belangen_bewerken": "deelname",
    "netwerk:belangen_geschiedenis": "deelname",
}
CROSS_POST = {
    "netwerk:organisatie_bewerken": {"naam": "Gekaapt", "soort": "welzijn", "telefoon": "0900"},
    "netwerk:persoon_nieuw": {"naam": "Ingeschoven"},
    "netwerk:persoon_bewerken": {"naam": "Overschreven", "telefoon": "0900"},
    "netwerk:deelname_bewerken": {"groep": "kerngroep", "belangen": "Gekaapt"},
    "netwerk:belangen_bewerken": {"belangen": "Gekaapt"},
}


def test_every_url_of_an_organisation_is_checked_across_practices():
    routes = [
        name
        for name, route in all_patterns()
        if route.startswith("p/<slug:slug>/")
        and any(part in route for part in ["organisaties/<", "personen/<", "deelnames/<"])
    ]
    assert sorted(routes) == sorted(CROSS_PRAKTIJK)


@pytest.fixture
def ede_wereld(wereld, andere_praktijk, kerngroeplid, client):
    """ede's organisation with a person and its interests, which stein's core group member has
    just tried to pull into stein's network (that gives stein its own copy)."""
    organisatie = OrganisatieFactory(naam="Wijkteam Ede", telefoon="0318 000 000")
    deelname = DeelnameFactory(praktijk=andere_praktijk, organisatie=organisatie, belangen="Ede")
    persoon = PersoonFactory(organisatie=organisatie, naam="Eva Ede")
    client.force_login(kerngroeplid)
    response = client.post(
        reverse("netwerk:deelname_nieuw", args=["stein"]),
        {"organisatie": organisatie.pk, "groep": "kerngroep"},
    )
    assert response.status_code == 302  # documented: stein's own copy, see Organisatie
    client.logout()
    return {"organisatie": organisatie, "persoon": persoon, "deelname": deelname}


@pytest.mark.parametrize("name", sorted(CROSS_PRAKTIJK))
def test_another_practices_organisation_is_not_found_and_stays_unchanged(
    name, ede_wereld, login_as
):
    voor = organisatie_snapshot(ede_wereld["organisatie"])
    path = reverse(name, args=["stein", ede_wereld[CROSS_PRAKTIJK[name]].pk])
    assert_matrix(login_as, path, NOT_FOUND)
    if name in CROSS_POST:
        assert_matrix(login_as, path, NOT_FOUND, method="post", data=CROSS_POST[name])
    assert organisatie_snapshot(ede_wereld["organisatie"]) == voor


def test_adding_another_practices_organisation_copies_it_and_leaves_it_unchanged(
    ede_wereld, login_as
):
    organisatie = ede_wereld["organisatie"]
    voor = organisatie_snapshot(organisatie)
    path = reverse("netwerk:deelname_nieuw", args=["stein"])
    # Editors of stein have their copy already: the form says so (200); the others as usual.
    assert_matrix(
        login_as,
        path,
        {**editors(), "lid": 403},
        method="post",
        data={"organisatie": organisatie.pk, "groep": "ontwerpgroep", "belangen": "Gekaapt"},
    )
    assert organisatie_snapshot(organisatie) == voor
    assert not Deelname.objects.filter(praktijk__slug="stein", organisatie=organisatie).exists()

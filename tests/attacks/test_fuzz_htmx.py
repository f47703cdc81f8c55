"""Searches, filters, HTMX requests, buttons and the addresses themselves under hostile input.

Live searches and filters (with and without `HX-Request`) store nothing and never crash; the
buttons (remove, resend, open, close, ...) answer without a 500 whatever comes along in the body;
made-up tokens, join codes and huge ids in the address get a friendly 4xx.
"""

from functools import partial
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from condities.models import Antwoord, Deelnemer, Sessie
from experimenten.models import Experiment, Fase, Niveau
from mantelzorg.models import Reactie
from netwerk.models import Levensdomein, Organisatie, Persoon
from praktijken.models import Bijeenkomst, Praktijk, Verhaal
from tests.attacks.fuzz import (
    APPS,
    FUZZ,
    HOSTILE,
    KNOP,
    NASTY_TEXT,
    ZOEKEN,
    Doel,
    attack,
    concrete_path,
    field_values,
    join,
    prepare_once,
    stein,
    url,
    url_patterns,
)

pytestmark = pytest.mark.django_db

GEZIEN = (Praktijk, Organisatie, Persoon, Experiment, Verhaal, Bijeenkomst, Sessie, Deelnemer)
GEZIEN += (Antwoord, Reactie)

# A search or filter: a GET that is never a success, so it may never store anything.
Zoeken = partial(Doel, method="get", models=GEZIEN, ok=lambda response: False, statuses=ZOEKEN)


def _kaart(name: str) -> Doel:
    return Zoeken(
        name=name,
        persona="lid",
        htmx=True,
        url=stein(name),
        base=lambda w: {"q": "mantelzorg", "soort": "welzijn", "domein": "zorg", "wijk": ""},
        fields=lambda w: {
            "soort": field_values(*Organisatie.Soort.values),
            "domein": field_values(*Levensdomein.Code.values),
            "wijk": field_values("Centrum"),
        },
    )


ZOEKEN = [
    _kaart("netwerk:kaart"),
    _kaart("netwerk:kaart_csv"),
    _kaart("netwerk:kaart_vcf"),
    Zoeken(
        name="experimenten:lijst",
        persona="lid",
        htmx=True,
        url=stein("experimenten:lijst"),
        base=lambda w: {"niveau": "buurt", "fase": "", "status": "", "ontwerpvraag": ""},
        fields=lambda w: {
            "niveau": field_values(*Niveau.values),
            "fase": field_values(*Fase.values),
            "status": field_values(*Experiment.Status.values),
            "ontwerpvraag": field_values(str(w.ontwerpvraag.pk), str(w.andere_vraag.pk)),
        },
    ),
    Zoeken(
        name="experimenten:nieuw (GET)",
        persona="kerngroeplid",
        url=stein("experimenten:nieuw"),
        base=lambda w: {"ontwerpvraag": str(w.ontwerpvraag.pk)},
        fields=lambda w: {"ontwerpvraag": field_values(str(w.andere_vraag.pk))},
    ),
    Zoeken(
        name="praktijken:verhalen",
        persona="lid",
        htmx=True,
        url=stein("praktijken:verhalen"),
        base=lambda w: {"ontwerpvraag": str(w.ontwerpvraag.pk)},
        fields=lambda w: {"ontwerpvraag": field_values(str(w.andere_vraag.pk))},
    ),
    Zoeken(
        name="praktijken:verhaal_nieuw (GET)",
        persona="lid",
        url=stein("praktijken:verhaal_nieuw"),
        base=lambda w: {"ontwerpvraag": str(w.ontwerpvraag.pk)},
    ),
    Zoeken(
        name="condities:doe_mee",
        persona="anonymous",
        url=lambda w: url("condities:doe_mee"),
        base=lambda w: {"code": w.sessie.code.lower()},
        fresh_session=True,
        # On to the session, the form again, or the friendly page for an unknown code.
        statuses=ZOEKEN | {302, 404},
    ),
    Zoeken(
        name="condities:vragen",
        persona="anonymous",
        url=lambda w: url("condities:vragen", code=w.sessie.code),
        base=lambda w: {"conditie": "belangen"},
        prepare=join,
    ),
    Zoeken(
        name="condities:scherm",
        persona="facilitator",
        htmx=True,
        url=stein("condities:scherm", "sessie"),
        base=lambda w: {},
    ),
    Zoeken(
        name="condities:bediening",
        persona="facilitator",
        htmx=True,
        url=stein("condities:bediening", "sessie"),
        base=lambda w: {},
    ),
    Zoeken(
        name="mantelzorg:inbox",
        persona="facilitator",
        htmx=True,
        url=stein("mantelzorg:inbox"),
        base=lambda w: {"status": "nieuw", "conditie": "", "experiment": "", "pagina": "2"},
        fields=lambda w: {
            "status": field_values(*Reactie.Status.values),
            "experiment": field_values(str(w.experiment.pk)),
            "pagina": field_values("1", "last", "0", "-1", "9" * 30),
        },
    ),
]


@pytest.mark.parametrize("doel", ZOEKEN, ids=lambda d: d.name)
@FUZZ
@given(data=st.data())
def test_searches_and_filters_store_nothing_and_never_crash(client, wereld, doel, data):
    attack(client, wereld, doel, data)


# Buttons: a POST that does one thing to one object (a fresh one for every request). Junk in the
# body changes nothing about it: the button still works (a redirect, or a fragment for htmx).
Knop = partial(
    Doel,
    base=lambda w: {},
    models=(),
    ok=lambda response: response.status_code in (200, 302),
    statuses=KNOP,
)

KNOPPEN = [
    Knop(
        name="netwerk:bijeenkomst_uitnodigen",
        persona="kerngroeplid",
        url=stein("netwerk:bijeenkomst_uitnodigen", "bijeenkomst"),
    ),
    Knop(
        name="condities:actie_verwijderen",
        persona="facilitator",
        url=lambda w: url(
            "condities:actie_verwijderen", slug="stein", actie_pk=w.nieuwe_actie().pk
        ),
    ),
    Knop(
        name="netwerk:afspraak_verwijderen",
        persona="kerngroeplid",
        url=stein("netwerk:afspraak_verwijderen", "nieuwe_afspraak"),
    ),
    Knop(
        name="netwerk:lid_verwijderen",
        persona="facilitator",
        htmx=True,
        url=stein("netwerk:lid_verwijderen", "nieuw_lidmaatschap"),
    ),
    Knop(
        name="netwerk:uitnodiging_opnieuw",
        persona="facilitator",
        htmx=True,
        url=stein("netwerk:uitnodiging_opnieuw", "nieuwe_uitnodiging"),
    ),
    Knop(
        name="netwerk:uitnodiging_intrekken",
        persona="facilitator",
        htmx=True,
        url=stein("netwerk:uitnodiging_intrekken", "nieuwe_uitnodiging"),
    ),
    Knop(
        name="condities:sessie_openen",
        persona="facilitator",
        url=lambda w: url(
            "condities:sessie_openen", slug="stein", pk=w.nieuwe_sessie(open=False).pk
        ),
    ),
    Knop(
        name="condities:klaar",
        persona="anonymous",
        url=lambda w: url("condities:klaar", code=w.sessie.code),
        prepare=join,
    ),
    Knop(
        name="experimenten:indicator_verwijderen",
        persona="kerngroeplid",
        url=lambda w: url(
            "experimenten:indicator_verwijderen",
            slug="stein",
            pk=w.experiment.pk,
            indicator_pk=w.nieuwe_indicator().pk,
        ),
    ),
    Knop(
        name="experimenten:meting_verwijderen",
        persona="kerngroeplid",
        url=lambda w: (
            lambda meting: url(
                "experimenten:meting_verwijderen",
                slug="stein",
                pk=w.experiment.pk,
                indicator_pk=meting.indicator_id,
                meting_pk=meting.pk,
            )
        )(w.nieuwe_meting()),
    ),
    Knop(
        name="mantelzorg:contact_verwijderen",
        persona="facilitator",
        url=stein("mantelzorg:contact_verwijderen", "nieuwe_reactie"),
    ),
]


@pytest.mark.parametrize("doel", KNOPPEN, ids=lambda d: d.name)
@FUZZ
@given(data=st.data())
def test_buttons_with_junk_in_the_body_never_crash(client, wereld, doel, data):
    attack(client, wereld, doel, data)


# The addresses themselves: tokens and join codes are typed or pasted by people (or robots).
PUBLIEK = [
    ("netwerk:bevestigen", "token", ("get", "post")),
    ("netwerk:uitnodiging_accepteren", "token", ("get", "post")),
    ("condities:checkin_link", "token", ("get",)),
    ("condities:doe_mee_code", "code", ("get", "post")),
    ("condities:vragen", "code", ("get",)),
    ("condities:gesprek", "code", ("get",)),
    ("condities:antwoord", "code", ("post",)),
    ("condities:klaar", "code", ("get", "post")),
]
TOKENS = st.one_of(st.sampled_from(NASTY_TEXT), HOSTILE).filter(bool)

# What each address may answer a made-up token or code, and nothing else (never a 500). No made-up
# value is a real link, so the answers for a real one (200, 302, 410 "expired/used", 403 "someone
# else's link") are no answer here: they would mean a guess got in. A value with a "/" in it does
# not reach the view: the URL resolver answers 404 (probe() allows only that for such a value).
ANTWOORDEN = {
    # bevestigen(): a token that does not unsign is the message page "This link no longer works".
    "netwerk:bevestigen": {400},
    # uitnodiging_accepteren(): an unknown token is _ongeldig(..., "onbekend"): 404.
    "netwerk:uitnodiging_accepteren": {404},
    # checkin_link(): no check-in participant with this token: checkin_onbekend.html, 404.
    "condities:checkin_link": {404},
    # doe_mee_code(): an unknown code is doe_mee_onbekend.html (404) and counts as a guess; past
    # CODE_LIMIT guesses per client the 429 page (probe() does not reset the limit between tries).
    "condities:doe_mee_code": {404, 429},
    # vragen(): like doe_mee_code(), an unknown code counts as a guess: 404, then 429.
    "condities:vragen": {404, 429},
    # gesprek(): the same check as vragen() (_joined).
    "condities:gesprek": {404, 429},
    # antwoord(), klaar(): no session (or no participant in it) with this code: 404.
    "condities:antwoord": {404},
    "condities:klaar": {404},
}


EDGE_TOKENS = ["\x00", "a\x00b", "%", "..", "ß", "🙂", "\u202e", " ", "x" * 300, "1e309"]


def probe(client, wereld, name: str, param: str, methods, token: str) -> None:
    """Request a public address with `token` in it, as a participant of the open session."""
    prepare_once(client, wereld, join)
    # The route itself, filled in by hand: reverse() would refuse a "/" in the value.
    route = next(p.route for p in url_patterns() if p.name == name)
    path = concrete_path(route, {param: quote(token[:300], safe="")})
    before = {model: model.objects.count() for model in GEZIEN}
    allowed = {404} if "/" in token[:300] else ANTWOORDEN[name]
    for method in methods:
        response = getattr(client, method)(path, {"s1": "3"} if method == "post" else {})
        assert response.status_code in (200, 302, 400, 403, 404, 410, 429), (method, path)
        assert response.status_code in allowed, (name, method, path, response.status_code)
    assert {model: model.objects.count() for model in GEZIEN} == before


@pytest.mark.parametrize(("name", "param", "methods"), PUBLIEK, ids=[p[0] for p in PUBLIEK])
@FUZZ
@given(token=TOKENS)
def test_made_up_tokens_and_codes_get_a_friendly_answer(
    client, wereld, name, param, methods, token
):
    probe(client, wereld, name, param, methods, token)


@pytest.mark.parametrize(("name", "param", "methods"), PUBLIEK, ids=[p[0] for p in PUBLIEK])
def test_nul_bytes_and_other_edge_cases_in_tokens_and_codes(client, wereld, name, param, methods):
    """In every run: PostgreSQL cannot even compare a text with a NUL byte in it."""
    for token in EDGE_TOKENS:
        probe(client, wereld, name, param, methods, token)


HUGE_IDS = ["0", "2147483648", "9223372036854775808", "9" * 40]


@pytest.mark.parametrize("pk", HUGE_IDS)
def test_huge_or_unknown_ids_in_the_address_are_404_not_500(client, wereld, pk):
    client.force_login(wereld.user("facilitator"))
    patterns = [p for p in url_patterns() if p.name.split(":")[0] in APPS and ("<int:" in p.route)]
    assert len(patterns) > 20
    for patroon in patterns:
        values = {**wereld.path_values(patroon.name), "pk": pk, "actie_pk": pk}
        path = concrete_path(patroon.route, values)
        for method in ("get", "post"):
            response = getattr(client, method)(path, headers={"HX-Request": "true"})
            assert response.status_code in (404, 405), (method, path, response.status_code)

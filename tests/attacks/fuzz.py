"""Hostile input for the attack tests: strategies, a target description and the runner.

A target (`Doel`) is one endpoint as the persona allowed to use it, with a valid payload to start
from. Hypothesis keeps, replaces (with hostile values) or drops each field of that payload, and
may add junk fields; the runner posts it and checks: never a 500, and when the answer is not a
success, nothing changed in the models the endpoint writes.
"""

import os
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Model
from django.http import HttpResponse
from django.urls import URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Bounded and, in CI, deterministic: a fuzz test must not turn a colleague's CI red at random.
FUZZ = settings(
    max_examples=25,
    deadline=None,
    database=None,
    derandomize=os.environ.get("CI") == "true",
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

NASTY_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\t\r\n\x0b\x0c",
    "\x1b[31mrood\x1b[0m",
    "\u202egnp.exe\u202d",  # right-to-left override
    "\u200f\u200e\u061c",  # RTL/LTR marks
    "\u200b\ufeff\u2060",  # zero-width characters
    "🙂🚀👨‍👩‍👧‍👦🏳️‍🌈",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
    "ﷺ𒐫𝕏",
    "ß" * 20,
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "' OR '1'='1",
    "'; DROP TABLE netwerk_user; --",
    "{{ 7|add:7 }}{% debug %}",
    "%s%n%x%d",
    "../../../etc/passwd",
    "%00",
    "%",
    "_",
    "\\",
    "None",
    "null",
    "[]",
    "{}",
    "x" * 10_001,
    "ä" * 12_345,
    "🙂" * 10_001,
    "a\n" * 6_000,
    "\x00" * 10_001,
]
NUMBERS = [
    "0",
    "-0",
    "-1",
    "1",
    "7",
    "1.5",
    "-1.5",
    "1e3",
    "1e309",
    "-1e309",
    "1e-400",
    "NaN",
    "nan",
    "inf",
    "-Infinity",
    "2147483647",
    "2147483648",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "9" * 50,
    "0x10",
    "1_000",
    " 12 ",
    "+5",
    "٣",
    "١٢٣",
    "²",
    "Ⅻ",
    "1,5",
    ".5",
]
DATES = [
    "2026-02-30",
    "2026-13-01",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "-2026-01-01",
    "1-1-1",
    "31-12-2026",
    "2026-06-15T25:61",
    "0001-01-01T00:00",
    "0001-01-01T00:59",
    "9999-12-31T23:59",
    "2026-03-29T02:30",  # does not exist in Amsterdam (summer time starts)
    "2026-10-25T02:30",  # exists twice in Amsterdam (summer time ends)
]

# Any single hostile value: text of every kind, numbers, dates, and plain random text.
HOSTILE = st.one_of(
    st.sampled_from(NASTY_TEXT),
    st.sampled_from(NUMBERS),
    st.sampled_from(DATES),
    st.text(max_size=200),
    st.text(
        st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "So", "Nd", "No"]),
        max_size=40,
    ),
    st.integers().map(str),
    st.floats().map(str),
    st.builds(lambda c, n: c * n, st.characters(exclude_categories=["Cs"]), st.integers(1, 12_000)),
)
# A form field may also arrive several times (a list): the form reads the last one.
HOSTILE_FIELD = st.one_of(HOSTILE, st.lists(HOSTILE, min_size=1, max_size=3))

# The edge cases tried one by one for every date and number field, besides the random ones.
EDGE_DATES = (
    "0001-01-01T00:00",  # before 0001-01-01 in UTC
    "9999-12-31T23:59",  # the last minute there is
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "2026-03-29T02:30",  # a minute Amsterdam skips
)
EDGE_NUMBERS = ("-1", "1e309", "NaN", "9223372036854775808", "١٢٣")

KEEP = object()
DROP = object()


@dataclass(frozen=True)
class Veld:
    """What a field may get: a strategy, and the edge cases every run tries one by one."""

    strategy: st.SearchStrategy
    edge: tuple[str, ...] = ()


def field_values(*valid: str) -> Veld:
    """A field's value: one of the valid ones, or anything hostile."""
    if not valid:
        return Veld(HOSTILE_FIELD)
    return Veld(st.one_of(st.sampled_from(valid), HOSTILE_FIELD))


def date_values(*valid: str) -> Veld:
    """A date or date-time field: valid dates, impossible or extreme ones, anything hostile."""
    dates = [*valid, "2026-05-01", "2026-05-01T10:00", *DATES]
    return Veld(st.one_of(st.sampled_from(dates), HOSTILE_FIELD), EDGE_DATES)


def number_values(*valid: str) -> Veld:
    """A number field: valid numbers, extreme and malformed ones, anything hostile."""
    numbers = [*valid, *NUMBERS]
    return Veld(
        st.one_of(st.sampled_from(numbers), st.integers().map(str), HOSTILE_FIELD), EDGE_NUMBERS
    )


def multi_values(*valid: str) -> Veld:
    """A multiple-choice field: a list of valid and hostile values."""
    value = st.one_of(st.sampled_from(valid), HOSTILE) if valid else HOSTILE
    return Veld(st.lists(value, max_size=6))


def payload(base: dict, fields: dict[str, Veld]) -> st.SearchStrategy[dict]:
    """Start from a valid payload; keep, replace or drop each field, and maybe add junk ones."""
    keys = list(dict.fromkeys([*base, *fields]))
    choices = {
        key: st.one_of(
            st.just(KEEP) if key in base else st.just(DROP),
            fields[key].strategy if key in fields else HOSTILE_FIELD,
            st.just(DROP),
        )
        for key in keys
    }
    junk = st.dictionaries(st.text(min_size=1, max_size=30), HOSTILE, max_size=2)

    @st.composite
    def build(draw) -> dict:
        drawn = draw(st.fixed_dictionaries(choices))
        data = {}
        for key, value in drawn.items():
            if value is KEEP:
                data[key] = base[key]
            elif value is not DROP:
                data[key] = value
        for key, value in draw(junk).items():
            data.setdefault(key, value)
        return data

    return build()


def edge_payloads(base: dict, fields: dict[str, Veld]):
    """The valid payload with one field set to one of its edge cases, for every edge case."""
    for key, veld in fields.items():
        for value in veld.edge:
            yield key, {**base, key: value}


def redirected(response: HttpResponse) -> bool:
    return response.status_code in (301, 302, 303)


# What an endpoint may answer to hostile input, by kind; anything else (a 5xx, but also a 403,
# 404 or 405 for the persona allowed to use it) fails the test. 400 is Django refusing a malformed
# request (too many fields, a body over the limit) before the view sees it.
FORMULIER = frozenset({200, 302, 400})  # saved and redirected, or the form again with its errors
FORMULIER_422 = frozenset({302, 400, 422})  # the same, where the view answers errors with a 422
GEWEIGERD_400 = frozenset({200, 302, 400})  # saved, or the view itself refused with a 400
ZOEKEN = frozenset({200, 400})  # a search or filter: the results, or a refused filter
KNOP = frozenset({200, 302, 400})  # a button: done (a redirect, or a fragment for htmx)


def url(name: str, **kwargs) -> str:
    return reverse(name, kwargs=kwargs)


def stein(name: str, obj: str | None = None) -> Callable[..., str]:
    """(wereld) -> the address of `name` in practice `stein`; with `obj`, of that object.

    `obj` names an attribute of the wereld (`"bijeenkomst"`) or a method that makes a fresh
    object for every request (`"nieuwe_afspraak"`).
    """

    def address(w) -> str:
        if obj is None:
            return url(name, slug="stein")
        target = getattr(w, obj)
        return url(name, slug="stein", pk=(target() if callable(target) else target).pk)

    return address


def join(client, w) -> None:
    """Join the open session of `stein` as a carer, as a participant's phone does."""
    client.post(url("condities:doe_mee_code", code=w.sessie.code), {"organisatie": "mantelzorger"})


@dataclass
class Doel:
    """One endpoint under attack, as the persona allowed to use it."""

    name: str
    persona: str
    url: Callable  # (wereld) -> str, called for every example (may make a fresh object)
    base: Callable  # (wereld) -> dict: a valid payload
    models: tuple[type[Model], ...]  # the models the endpoint may write
    fields: Callable = lambda w: {}  # (wereld) -> {name: Veld}; other fields: anything hostile
    method: str = "post"
    htmx: bool = False
    ok: Callable[[HttpResponse], bool] = redirected  # a success may change the models
    statuses: frozenset[int] = FORMULIER  # every status the endpoint may answer with
    fresh_session: bool = False  # a new anonymous browser for every example
    prepare: Callable | None = None  # (client, wereld) once, e.g. join a session
    show: Callable = lambda w: []  # (wereld) -> pages that show what a success stored


def snapshot(models) -> dict:
    """Every row of the given models, to compare before and after a request."""
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in models}


def log_in(client, wereld, persona: str) -> None:
    """Log the client in as `persona`, unless it already is (a login costs more than a check)."""
    if persona == "anonymous":
        return
    user = wereld.user(persona)
    if client.session.get("_auth_user_id") != str(user.pk):
        client.force_login(user)


def prepare_once(client, wereld, prepare: Callable | None) -> None:
    """Run `prepare(client, wereld)` once a test: Hypothesis reuses the client for all examples."""
    if prepare and not getattr(client, "_voorbereid", False):
        prepare(client, wereld)
        client._voorbereid = True


def _ready(client, wereld, doel: Doel) -> None:
    """Before each request: rate limits reset (they have their own tests; here they would hide the
    forms), a new browser where the target wants one, and logged in as the target's persona."""
    cache.clear()
    if doel.fresh_session:
        client.cookies.clear()
    log_in(client, wereld, doel.persona)


def attack(client, wereld, doel: Doel, data) -> HttpResponse:
    """One hostile request against `doel`, drawn by Hypothesis."""
    prepare_once(client, wereld, doel.prepare)
    _ready(client, wereld, doel)
    address = doel.url(wereld)
    # One strategy per test function: building it anew for every example costs more than a request.
    strategie = wereld.strategies.get(doel.name)
    if strategie is None:
        strategie = wereld.strategies[doel.name] = payload(doel.base(wereld), doel.fields(wereld))
    body = data.draw(strategie, label="payload")
    htmx = data.draw(st.booleans(), label="htmx") if doel.htmx else False
    return send(client, wereld, doel, address, body, htmx=htmx)


def attack_edge_cases(client, wereld, doel: Doel) -> None:
    """The valid payload with each edge case of each field in turn, one request each."""
    prepare_once(client, wereld, doel.prepare)
    for _field, body in edge_payloads(doel.base(wereld), doel.fields(wereld)):
        _ready(client, wereld, doel)
        send(client, wereld, doel, doel.url(wereld), body)


def send(client, wereld, doel: Doel, path: str, body: dict, *, htmx: bool = False) -> HttpResponse:
    """Send `body`; assert no 500, nothing stored when refused, and a success shows fine."""
    headers = {"HX-Request": "true"} if htmx else {}
    before = snapshot(doel.models)
    if doel.method == "get":
        response = client.get(path, body, headers=headers)
    else:
        response = client.post(path, body, headers=headers)
    assert response.status_code < 500, (path, response.status_code)
    assert response.status_code in doel.statuses, (
        f"{doel.name}: {response.status_code} is not one of {sorted(doel.statuses)}",
        path,
    )
    if not doel.ok(response):
        assert snapshot(doel.models) == before, (
            f"{doel.name}: refused with {response.status_code}, but something was stored"
        )
    elif doel.method == "post":
        # What was stored must show without a crash: where the form led to, and elsewhere.
        pages = [response["Location"]] if response.has_header("Location") else []
        for page in pages + doel.show(wereld):
            shown = client.get(page)
            assert shown.status_code < 500, (page, shown.status_code)
    return response


# -- the project's URL patterns, from the resolver -------------------------------------------

APPS = (
    "overzicht",
    "praktijken",
    "netwerk",
    "experimenten",
    "condities",
    "mantelzorg",
    "programma",
    "bibliotheek",
    "relaties",
)


@dataclass
class Patroon:
    name: str  # "namespace:name", or "" for an unnamed pattern
    route: str  # the full route, e.g. "p/<slug:slug>/sessies/<int:pk>/"
    callback: Callable


def url_patterns(patterns=None, prefix: str = "", namespace: str = "") -> list[Patroon]:
    """Every URL pattern of the project, walking recursively through the includes."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            ns = ":".join(n for n in (namespace, pattern.namespace or "") if n)
            found += url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        else:
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            found.append(Patroon(name or "", prefix + str(pattern.pattern), pattern.callback))
    return found


def concrete_path(route: str, values: dict[str, str]) -> str:
    """A real path for a route: each <converter:name> or (?P<name>…) replaced by values[name]."""
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values.get(m.group(1), "1"), route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values.get(m.group(1), "1"), path)
    path = path.replace("^", "").replace("$", "")
    if "(" in path or "|" in path:
        raise ValueError(f"cannot fill in {route!r}")
    return "/" + path

"""A permission matrix: one request, made as every persona, with the status each must get."""

from collections.abc import Callable

from conftest import PERSONAS
from netwerk.models import Deelname, Organisatie, Persoon

# Shorthands for the usual expectations.
LOGIN = "login"  # anonymous: redirected to the login page


def assert_matrix(
    login_as: Callable,
    url: str,
    expected: dict[str, int | str],
    *,
    method: str = "get",
    data: dict | None = None,
    headers: dict | None = None,
) -> None:
    """Request `url` as each persona and compare the status codes with `expected`, all at once."""
    assert set(expected) == set(PERSONAS), f"name every persona: {sorted(PERSONAS)}"
    seen: dict[str, int | str] = {}
    for persona in PERSONAS:
        client = login_as(persona)
        response = getattr(client, method)(url, data=data or {}, headers=headers or {})
        status: int | str = response.status_code
        if status == 302 and "/accounts/login/" in response.get("Location", ""):
            status = LOGIN
        seen[persona] = status
    assert seen == expected, f"{method.upper()} {url}: got {seen}, expected {expected}"


def readers(ok: int = 200) -> dict[str, int | str]:
    """Every member of the practice and staff may read; outsiders and the programme's team (no
    member of any practice) get 404."""
    return {
        "anonymous": LOGIN,
        "outsider": 404,
        "programmateam": 404,
        "lid": ok,
        "kerngroeplid": ok,
        "facilitator": ok,
        "staff": ok,
    }


def programme_team(ok: int = 200) -> dict[str, int | str]:
    """Only the programme's team and staff; every member of its practices gets 404."""
    return {**dict.fromkeys(PERSONAS, 404), "anonymous": LOGIN, "programmateam": ok, "staff": ok}


def editors(ok: int = 200) -> dict[str, int | str]:
    """Core group members, facilitators and staff may; a member gets 403; outsiders 404."""
    return {**readers(ok), "lid": 403}


def managers(ok: int = 200) -> dict[str, int | str]:
    """Only facilitators and staff may; members and core group members get 403."""
    return {**readers(ok), "lid": 403, "kerngroeplid": 403}


def organisatie_snapshot(organisatie: Organisatie) -> dict:
    """Everything a practice shows of its organisation: the entry, domains, people, interests."""
    organisatie = Organisatie.objects.get(pk=organisatie.pk)
    return {
        "velden": {
            f.name: getattr(organisatie, f.name)
            for f in Organisatie._meta.concrete_fields
            if f.name != "updated_at"
        },
        "domeinen": sorted(d.code for d in organisatie.levensdomeinen.all()),
        "personen": sorted(
            Persoon.objects.filter(organisatie=organisatie).values_list(
                "pk", "naam", "functie", "telefoon", "email", "bel_mij_voor"
            )
        ),
        "deelnames": sorted(
            Deelname.objects.filter(organisatie=organisatie).values_list(
                "praktijk__slug", "groep", "belangen", "bijdrage", "tijdsinvestering"
            )
        ),
    }

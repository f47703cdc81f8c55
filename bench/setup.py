"""Prepare the benchmark's data: `python -m bench.setup <out.json>` (run by bench.run).

Expects the demo to be loaded (`manage.py demo`). Tops the practice's network up to
`ORGANISATIES` organisations, creates and opens a session over all five conditions with the room's
screen on the first condition, and makes two logged-in sessions for the facilitator (the
screens). For the members' scenario it adds BENCH_MEMBERS member accounts of the practice with
one known password (they log in through the login form during the run) and a logged-in member
session for the throughput runs; it lists the practice's experiments and search terms taken from
its social map. Writes what the load test needs as JSON.

`python -m bench.setup --reveal <setup.json>` (bench.run, after the live scenario) reveals every
condition, as a facilitator does once the room has answered: the screen's poll then renders the
average and the bars. Revealed before anyone answered, the first figures released (at three
respondents) would fix which statements an open session can ever show (docs/privacy.md, rule 4),
possibly none, and the throughput run would measure a screen without bars.
"""

import json
import os
import re
import secrets
import sys

import django

# Enough organisations for a realistic join form: the demo's own plus extra ones.
ORGANISATIES = 20
PRAKTIJK_SLUG = "stein"
FACILITATOR_EMAIL = "adviseur@stein.example"
SCREENS = 2
MEMBER_EMAIL = "lid{}@bench.example"
# Words people look for on the social map besides the names in it; the last finds nobody.
EXTRA_TERMS = ["mantelzorg", "huisarts", "dementie", "wijkverpleging", "respijt", "xyzzy"]


def _network_fill(praktijk, by) -> list[int]:
    from netwerk import services as netwerk_services
    from netwerk.models import Groep, Organisatie
    from netwerk.selectors import organisaties_for_praktijk

    bestaand = list(organisaties_for_praktijk(praktijk=praktijk))
    for i in range(len(bestaand), ORGANISATIES):
        organisatie = netwerk_services.organisatie_create(
            naam=f"Benchmark organisatie {i + 1}",
            soort=Organisatie.Soort.WELZIJN,
            eigenaar=praktijk,
        )
        netwerk_services.deelname_create(
            praktijk=praktijk,
            organisatie=organisatie,
            groep=Groep.ONTWERPGROEP if i % 2 else Groep.KERNGROEP,
            by=by,
        )
    return [o.pk for o in organisaties_for_praktijk(praktijk=praktijk)]


def _login_cookie(user) -> str:
    """A session in the session store for `user`, as a browser that logged in would have it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.module_loading import import_string

    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "netwerk.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def _members(praktijk, aantal: int) -> str:
    """`aantal` member accounts of the practice, all with one known password; returns it."""
    from django.contrib.auth.hashers import make_password

    from netwerk import services as netwerk_services
    from netwerk.models import User
    from praktijken.models import Lidmaatschap, Rol
    from praktijken.versie import ACCOUNTS

    password = secrets.token_urlsafe(16)
    emails = [MEMBER_EMAIL.format(i + 1) for i in range(aantal)]
    for i, email in enumerate(emails):
        netwerk_services.user_ensure(email=email, name=f"Benchmark lid {i + 1}")
    # One hash for all: hashing each password (as set_password does) costs ~0.3 s apiece.
    User.objects.filter(email__in=emails).update(password=make_password(password))
    for user in User.objects.filter(email__in=emails):
        ACCOUNTS.bump(user.pk)  # update() sends no signal (netwerk.backends)
        Lidmaatschap.objects.update_or_create(
            praktijk=praktijk, user=user, defaults={"rol": Rol.LID}
        )
    return password


def _search_terms(praktijk) -> list[str]:
    """Words from the practice's social map (organisation names, functions), plus a few more."""
    from netwerk.models import Persoon
    from netwerk.selectors import organisaties_for_praktijk

    text = [o.naam for o in organisaties_for_praktijk(praktijk=praktijk)]
    text += Persoon.objects.filter(
        organisatie__in=organisaties_for_praktijk(praktijk=praktijk)
    ).values_list("functie", flat=True)
    words = {w.lower() for line in text for w in re.findall(r"\w{5,}", line)}
    words -= {"benchmark", "organisatie"}
    return sorted(words)[:40] + EXTRA_TERMS


def main(out: str) -> None:
    django.setup()
    from django.conf import settings
    from django.utils import timezone

    from condities import selectors, services
    from condities.models import Conditie
    from condities.services import scherm as scherm_services
    from experimenten.models import Experiment
    from netwerk.models import User
    from praktijken.models import Praktijk

    praktijk = Praktijk.objects.get(slug=PRAKTIJK_SLUG)
    facilitator = User.objects.get(email=FACILITATOR_EMAIL)
    organisaties = _network_fill(praktijk, facilitator)
    sessie = services.sessie_create(
        praktijk=praktijk,
        titel="Benchmark: werkvorm met 300 deelnemers",
        datum=timezone.localdate(),
        modus="live",
        condities=Conditie.values,
        by=facilitator,
    )
    sessie = services.sessie_open(sessie=sessie, by=facilitator)
    sessie = scherm_services.scherm_act(sessie=sessie, actie="volgende", by=facilitator)
    stellingen = selectors.stellingen_for_sessie(sessie=sessie)
    password = _members(praktijk, int(os.environ.get("BENCH_MEMBERS", "50")))
    member = User.objects.get(email=MEMBER_EMAIL.format(1))
    data = {
        "slug": praktijk.slug,
        "sessie": sessie.pk,
        "code": sessie.code,
        "organisaties": organisaties,
        "stellingen": [{"id": s.pk, "conditie": s.conditie} for s in stellingen],
        "session_cookie_name": settings.SESSION_COOKIE_NAME,
        "screen_sessions": [_login_cookie(facilitator) for _ in range(SCREENS)],
        "praktijk": praktijk.pk,
        "member_email": MEMBER_EMAIL,
        "member_password": password,
        "member_session": _login_cookie(member),
        "experimenten": list(
            Experiment.objects.filter(praktijk=praktijk).values_list("pk", flat=True)
        ),
        "zoektermen": _search_terms(praktijk),
    }
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(data, fh)


def reveal(setup_file: str) -> None:
    """Reveal every condition of the benchmark's session (see the module's docstring)."""
    django.setup()
    from condities import services
    from condities.models import Conditie, Sessie
    from netwerk.models import User

    with open(setup_file, encoding="utf-8") as fh:
        data = json.load(fh)
    sessie = Sessie.objects.get(pk=data["sessie"])
    facilitator = User.objects.get(email=FACILITATOR_EMAIL)
    services.sessie_reveal(sessie=sessie, condities=Conditie.values, by=facilitator)


if __name__ == "__main__":
    if sys.argv[1] == "--reveal":
        reveal(sys.argv[2])
    else:
        main(sys.argv[1])

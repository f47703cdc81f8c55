"""Reads about sessions themselves: lists, join codes, counts, their statements and actions."""

import contextlib

from django.core.cache import cache, caches
from django.db.models import Count, Q, QuerySet

from condities.models import Actie, Conditie, Deelnemer, OpenVraag, Sessie, Stelling
from praktijken.access import Toegang
from praktijken.agenda import AgendaPunt
from praktijken.models import Bijeenkomst, Praktijk


def sessie_get_for_praktijk(*, praktijk: Praktijk, pk: int) -> Sessie | None:
    """The practice's session (or check-in) with this id, with its statement set; else None."""
    sessie = Sessie.objects.filter(pk=pk, praktijk=praktijk).select_related("stellingenset").first()
    if sessie is not None:
        sessie.praktijk = praktijk  # the same row: no second query for it
    return sessie


def actie_get_for_sessie(*, sessie: Sessie, pk: int, soort: str | None = None) -> Actie | None:
    """The session's action with this id (of this kind, when given); else None."""
    acties = Actie.objects.filter(pk=pk, sessie=sessie)
    if soort is not None:
        acties = acties.filter(soort=soort)
    actie = acties.first()
    if actie is not None:
        actie.sessie = sessie
    return actie


def acties_for_sessie(*, sessie: Sessie) -> QuerySet[Actie]:
    """The session's discussion: what goes well and the agreed steps."""
    return Actie.objects.filter(sessie=sessie).select_related("eigenaar")


def sessies_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Sessie]:
    """The practice's sessions and check-ins, newest first, with their participant counts."""
    # An aggregate drops Meta.ordering (Django leaves it out of GROUP BY queries): say it here.
    return (
        Sessie.objects.filter(praktijk=praktijk)
        .annotate(aantal_deelnemers=Count("deelnemers", distinct=True))
        .order_by("-datum", "-pk")
    )


def sessie_by_code(*, code: str) -> Sessie | None:
    """The open session with this join code, if any. Codes in URLs are checked by the resolver
    (`<code:...>`), typed ones by CodeForm."""
    if not code:
        return None
    # One open session has a code (a constraint): no ordering to compile, on every phone's join.
    gevonden = (
        Sessie.objects.filter(code=code, status=Sessie.Status.OPEN)
        .select_related("praktijk")
        .order_by()[:1]
    )
    return next(iter(gevonden), None)


def sessie_by_any_code(*, code: str) -> Sessie | None:
    """The session (open or closed) that has or had this join code, if any."""
    if not code:
        return None
    return Sessie.objects.filter(code=code).exclude(code="").first()


def sessie_aantallen(*, sessie: Sessie) -> dict:
    """How many people joined and finished (no answers, no names). The join with the answers
    repeats each participant once per answer: every count is of distinct participants."""
    return Deelnemer.objects.filter(sessie=sessie).aggregate(
        aangemeld=Count("pk", distinct=True),
        klaar=Count("pk", filter=Q(klaar_op__isnull=False), distinct=True),
        met_antwoorden=Count("pk", filter=Q(antwoorden__isnull=False), distinct=True),
    )


def stellingen_for_sessie(*, sessie: Sessie) -> list[Stelling]:
    """The statements a session asks, in order: the chosen ones, or all of its conditions."""
    chosen = list(sessie.stellingen.order_by("volgorde", "pk"))
    if chosen:
        return chosen
    return list(
        Stelling.objects.filter(
            set=sessie.stellingenset_id, conditie__in=sessie.condities
        ).order_by("volgorde", "pk")
    )


# A session's statements never change once it exists: the choice is made at creation, and a set
# that a session uses is copied to a new version before any edit.
STELLINGEN_CACHE_SECONDS = 600


def _uit_cache(key: str, maak):
    """What `maak()` returns for something that never changes once made: from this worker's
    own memory, else from the shared cache (kept STELLINGEN_CACHE_SECONDS), else made anew.
    Without Redis it is made once per worker."""
    proces = caches["proces"]
    waarde = proces.get(key)
    if waarde is not None:
        return waarde
    try:
        waarde = cache.get(key)
    except Exception:  # the cache is away: read the database, as without one
        waarde = None
    if waarde is None:
        waarde = maak()
        with contextlib.suppress(Exception):
            cache.set(key, waarde, STELLINGEN_CACHE_SECONDS)
    proces.set(key, waarde, STELLINGEN_CACHE_SECONDS)
    return waarde


def stellingen_for_sessie_cached(*, sessie: Sessie) -> list[Stelling]:
    """stellingen_for_sessie through the cache, for the answer that every click of every
    participant saves (2 queries fewer each time). Without a cache it reads the database."""
    return _uit_cache(
        f"condities:stellingen:{sessie.pk}:{sessie.stellingenset_id}",
        lambda: stellingen_for_sessie(sessie=sessie),
    )


def _open_vragen(*, sessie: Sessie) -> list[OpenVraag]:
    return list(OpenVraag.objects.filter(set=sessie.stellingenset_id))


def _per_conditie(stellingen: list[Stelling], open_vragen: list[OpenVraag]) -> list[dict]:
    per_vraag: dict[str, list[OpenVraag]] = {}
    for vraag in open_vragen:
        per_vraag.setdefault(vraag.conditie, []).append(vraag)
    groepen: dict[str, dict] = {}
    for stelling in stellingen:
        groep = groepen.setdefault(
            stelling.conditie,
            {
                "code": stelling.conditie,
                "label": Conditie(stelling.conditie).label,
                "stellingen": [],
                "open_vragen": per_vraag.get(stelling.conditie, []),
            },
        )
        groep["stellingen"].append(stelling)
    return [groepen[code] for code in Conditie.values if code in groepen]


def stellingen_per_conditie(*, sessie: Sessie) -> list[dict]:
    """The session's statements grouped by condition, with each condition's open questions."""
    return _per_conditie(stellingen_for_sessie(sessie=sessie), _open_vragen(sessie=sessie))


def stellingen_per_conditie_cached(*, sessie: Sessie) -> list[dict]:
    """stellingen_per_conditie with the statements and questions from the cache: every page of
    every phone shows them (3 queries fewer each time)."""
    return _per_conditie(
        stellingen_for_sessie_cached(sessie=sessie),
        _uit_cache(
            f"condities:open-vragen:{sessie.pk}:{sessie.stellingenset_id}",
            lambda: _open_vragen(sessie=sessie),
        ),
    )


def werkvormen_for_bijeenkomst(*, bijeenkomst: Bijeenkomst) -> QuerySet[Sessie]:
    """The workshops of the meeting's practice that can be linked to it: not linked to another
    meeting, latest first."""
    return (
        Sessie.objects.filter(praktijk_id=bijeenkomst.praktijk_id, soort=Sessie.Soort.WERKVORM)
        .filter(Q(bijeenkomst__isnull=True) | Q(bijeenkomst=bijeenkomst))
        .order_by("-datum", "-pk")
    )


def sessie_blok(bijeenkomst: Bijeenkomst, toegang: Toegang) -> AgendaPunt | None:
    """For a workshop meeting's page: a link to its session, and for editors the choice of it."""
    sessie = Sessie.objects.filter(bijeenkomst=bijeenkomst).first()
    if sessie is None and bijeenkomst.soort != Bijeenkomst.Soort.WERKVORM:
        return None
    form = None
    if toegang.can_edit:
        # Imported here: condities.forms loads the services, which load these selectors.
        from condities.forms import BijeenkomstSessieForm

        form = BijeenkomstSessieForm(
            bijeenkomst=bijeenkomst, initial={"sessie": sessie.pk if sessie else None}
        )
    return AgendaPunt(
        template="condities/_bijeenkomst_sessie.html", context={"sessie": sessie, "form": form}
    )

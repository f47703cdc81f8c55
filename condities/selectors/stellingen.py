"""Reads about statement sets: what a set asks, and whether sessions used it."""

from typing import TypedDict

from django.utils.functional import Promise

from condities.models import Conditie, OpenVraag, Stelling, Stellingenset


class ConditieInhoud(TypedDict):
    """One condition of a statement set: its statements and its two open questions."""

    code: str
    label: str | Promise
    stellingen: list[Stelling]
    goed: OpenVraag | None  # what already goes well
    stap: OpenVraag | None  # our next small step


def stellingenset_inhoud(*, stellingenset: Stellingenset) -> list[ConditieInhoud]:
    """A set's statements and its two open questions per condition, in order (2 queries)."""
    per_conditie: dict[str, ConditieInhoud] = {
        code: {"code": code, "label": label, "stellingen": [], "goed": None, "stap": None}
        for code, label in Conditie.choices
    }
    for stelling in Stelling.objects.filter(set=stellingenset).order_by("volgorde", "pk"):
        per_conditie[stelling.conditie]["stellingen"].append(stelling)
    for vraag in OpenVraag.objects.filter(set=stellingenset):
        if vraag.soort == OpenVraag.Soort.GOED:
            per_conditie[vraag.conditie]["goed"] = vraag
        else:
            per_conditie[vraag.conditie]["stap"] = vraag
    return list(per_conditie.values())


def stellingenset_is_used(*, stellingenset: Stellingenset) -> bool:
    """Whether any session asked this set's statements (then it is never changed, only copied)."""
    return stellingenset.sessies.exists()


def stellingenset_aantal_sessies(*, stellingenset: Stellingenset) -> int:
    """How many sessions and check-ins used this set."""
    return stellingenset.sessies.count()


def stellingen_of_set(*, stellingenset: Stellingenset) -> list[Stelling]:
    """The set's statements in order."""
    return list(stellingenset.stellingen.order_by("volgorde", "pk"))

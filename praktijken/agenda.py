"""What other apps put under the agenda of the practice's next meeting (the open actions, from
condities). The tenant imports no app above it: those apps register here when they load."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from praktijken.models import Bijeenkomst


@dataclass(frozen=True)
class AgendaPunt:
    """A block under the agenda: a template and its context."""

    template: str
    context: dict[str, Any]


type Bron = Callable[[Bijeenkomst], AgendaPunt | None]

_bronnen: list[Bron] = []


def agenda_bron_register(bron: Bron) -> Bron:
    """Register a function that gives a block for under the next meeting's agenda (or None)."""
    if bron not in _bronnen:
        _bronnen.append(bron)
    return bron


def agenda_punten(*, bijeenkomst: Bijeenkomst) -> list[AgendaPunt]:
    """The blocks every registered app has for under this meeting's agenda."""
    return [punt for bron in _bronnen if (punt := bron(bijeenkomst)) is not None]


# What other apps show on a meeting's page (its people, from netwerk; its workshop session, from
# condities), and who hears of a change to a meeting (netwerk mails its invitees an update).

type Blok = Callable[[Bijeenkomst, Any], AgendaPunt | None]
type Luisteraar = Callable[[Bijeenkomst], None]

_blokken: list[Blok] = []
_luisteraars: list[Luisteraar] = []


def bijeenkomst_blok_register(blok: Blok) -> Blok:
    """Register a function (meeting, the viewer's Toegang) that gives a block for the meeting's
    page, or None."""
    if blok not in _blokken:
        _blokken.append(blok)
    return blok


def bijeenkomst_blokken(*, bijeenkomst: Bijeenkomst, toegang: Any) -> list[AgendaPunt]:
    """The blocks every registered app has for this meeting's page, for this viewer."""
    return [punt for blok in _blokken if (punt := blok(bijeenkomst, toegang)) is not None]


def bijeenkomst_gewijzigd_register(luisteraar: Luisteraar) -> Luisteraar:
    """Register a function called (inside the saving transaction) after a meeting was saved."""
    if luisteraar not in _luisteraars:
        _luisteraars.append(luisteraar)
    return luisteraar


def bijeenkomst_gewijzigd(*, bijeenkomst: Bijeenkomst) -> None:
    """Tell the registered apps that the meeting was saved."""
    for luisteraar in _luisteraars:
        luisteraar(bijeenkomst)


# Who plans a meeting and who writes its minutes, by name, for its calendar file: netwerk knows
# the persons; without it the meeting's own free text is used.
type Namen = Callable[[Bijeenkomst], tuple[str, str]]

_namen: list[Namen] = []


def bijeenkomst_namen_register(namen: Namen) -> Namen:
    """Register the function that names a meeting's planner and minute-taker."""
    if namen not in _namen:
        _namen.append(namen)
    return namen


def bijeenkomst_namen(*, bijeenkomst: Bijeenkomst) -> tuple[str, str]:
    """The planner's and the minute-taker's names (the first registered app answers)."""
    if _namen:
        return _namen[0](bijeenkomst)
    return bijeenkomst.planner, bijeenkomst.notulist

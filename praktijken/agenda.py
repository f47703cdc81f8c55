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

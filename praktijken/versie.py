"""A version per practice of what every member of it sees alike: its dashboard's sections, which
overzicht.dashboard keeps rendered under this version (issue #13; config.versies).

Any write that changes what those sections show takes a new version (`versie_bump`), so what was
kept under the old one is never served again."""

from config.versies import Versies

PRAKTIJKEN = Versies("praktijk")


def versie_key(praktijk_id: int) -> str:
    """The cache key of the practice's current version."""
    return PRAKTIJKEN.key(praktijk_id)


def versie_bump(*, praktijk_id: int | None) -> None:
    """Give the practice a new version: at once, and again after the current transaction
    commits (config.versies.Versies.bump)."""
    PRAKTIJKEN.bump(praktijk_id)

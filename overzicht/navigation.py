"""The practice menu: one list of what a practice offers, in the order people look for it."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from praktijken.access import Toegang


def _everyone(toegang: Toegang) -> bool:
    return True


def _managers(toegang: Toegang) -> bool:
    return toegang.can_manage


def _not_managers(toegang: Toegang) -> bool:
    return not toegang.can_manage


@dataclass(frozen=True)
class Item:
    label: str | Promise
    url_name: str
    visible: Callable[[Toegang], bool] = _everyone


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url: str
    current: bool


PRAKTIJK_MENU: tuple[Item, ...] = (
    Item(_("Overview"), "overzicht:dashboard"),
    # Facilitators read the carers' feedback in the inbox; members see the shared overview.
    Item(_("Carers"), "mantelzorg:inbox", _managers),
    Item(_("Carers"), "mantelzorg:overzicht", _not_managers),
    Item(_("Network"), "netwerk:netwerk"),
    Item(_("Social map"), "netwerk:kaart"),
    Item(_("Ties"), "relaties:rondes"),
    Item(_("Members"), "netwerk:leden", _managers),
    Item(_("Design questions"), "overzicht:ontwerpvragen"),
    Item(_("Stories"), "praktijken:verhalen"),
    Item(_("Vocabulary"), "begrippen:lijst"),
    Item(_("Meetings"), "praktijken:bijeenkomsten"),
    Item(_("Actions"), "condities:acties"),
    Item(_("Experiments"), "experimenten:lijst"),
    Item(_("Workshops"), "condities:sessies"),
    Item(_("Conditions"), "condities:praktijk_rapport"),
    Item(_("What it yields"), "overzicht:opbrengst"),
)


def praktijk_menu(*, toegang: Toegang, path: str) -> list[Link]:
    """The menu entries this user may open, with the one for the current page marked."""
    links = []
    for item in PRAKTIJK_MENU:
        if item.visible(toegang):
            url = reverse(item.url_name, kwargs={"slug": toegang.praktijk.slug})
            links.append(Link(label=item.label, url=url, current=url == path))
    return links

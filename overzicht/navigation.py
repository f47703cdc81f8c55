"""The practice menu: one list of what a practice offers, in the order people look for it."""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import get_language
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


def praktijk_menu_html(*, toegang: Toegang, path: str) -> SafeString:
    """The menu entries this user may open, with the one for the current page marked, as HTML
    (no query). Every page of a practice shows it, so each process keeps it per practice, the
    entries this user may open, the current entry and the language (issue #13)."""
    praktijk = toegang.praktijk
    adressen = (get_script_prefix(), settings.ROOT_URLCONF, get_urlconf())
    urls = _urls(praktijk.slug, adressen)
    return _menu_html(
        praktijk.slug,
        praktijk.naam,
        tuple(item.visible(toegang) for item in PRAKTIJK_MENU),
        path if path in urls else "",
        get_language(),
        adressen,
    )


# The arguments are everything the result depends on; a deploy (new URLs or templates) starts
# new processes.
@functools.lru_cache(maxsize=64)
def _urls(slug: str, adressen: tuple[object, ...]) -> tuple[str, ...]:
    return tuple(reverse(item.url_name, kwargs={"slug": slug}) for item in PRAKTIJK_MENU)


@functools.lru_cache(maxsize=256)
def _menu_html(
    slug: str,
    naam: str,
    zichtbaar: tuple[bool, ...],
    huidig: str,
    taal: str,
    adressen: tuple[object, ...],
) -> SafeString:
    urls = _urls(slug, adressen)
    links = [
        Link(label=item.label, url=url, current=url == huidig)
        for item, url, ja in zip(PRAKTIJK_MENU, urls, zichtbaar, strict=True)
        if ja
    ]
    return render_to_string(
        "overzicht/_menu.html",
        {
            "naam": naam,
            "url": reverse("overzicht:dashboard", kwargs={"slug": slug}),
            "links": links,
        },
    )

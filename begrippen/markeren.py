"""Marking a practice's settled terms in a text: the first occurrence of each linked to its
plain definition on the public glossary (works without JavaScript)."""

import re
from collections.abc import Callable

from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from begrippen.selectors import begrippen_voor_markeren
from praktijken.models import Praktijk


def _patroon(termen: list[tuple[str, str]]) -> re.Pattern[str] | None:
    if not termen:
        return None
    # Longest first, so "steunpunt mantelzorg" wins over a shorter term inside it.
    volgorde = sorted((term for term, _anker in termen), key=len, reverse=True)
    alternatieven = "|".join(re.escape(conditional_escape(t)) for t in volgorde)
    return re.compile(rf"(?<![\w&])({alternatieven})(?!\w)", re.IGNORECASE)


def begrippen_markeerder(praktijk: Praktijk | int | None) -> Callable[[object], SafeString]:
    """A function that escapes a text and marks the first occurrence of each settled term of
    `praktijk` in it: the terms are read once (from the cache), for as many texts as needed (a
    form's labels and help texts)."""
    gevonden = None
    if isinstance(praktijk, int):
        gevonden = begrippen_voor_markeren(praktijk_id=praktijk)
    elif praktijk is not None:
        gevonden = begrippen_voor_markeren(praktijk_id=praktijk.pk, slug=praktijk.slug)
    patroon = None if gevonden is None else _patroon(gevonden[1])

    def markeer(tekst: object) -> SafeString:
        veilig = str(conditional_escape(str(tekst) if tekst is not None else ""))
        if gevonden is None or patroon is None:
            return mark_safe(veilig)
        slug, termen = gevonden
        per_term = {str(conditional_escape(term)).lower(): anker for term, anker in termen}
        basis = reverse("begrippen:woordenlijst", args=[slug])
        gezien: set[str] = set()

        def vervang(match: re.Match[str]) -> str:
            sleutel = match.group(1).lower()
            anker = per_term.get(sleutel)
            if anker is None or sleutel in gezien:
                return match.group(0)
            gezien.add(sleutel)
            return format_html(
                '<a class="lp-begrip" href="{}#{}"><dfn>{}</dfn></a>',
                basis,
                anker,
                mark_safe(match.group(1)),
            )

        return mark_safe(patroon.sub(vervang, veilig))

    return markeer

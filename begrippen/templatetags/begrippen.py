"""`{{ tekst|begrippen:praktijk }}`: the text, escaped, with the first occurrence of each settled
term linked to its definition on the public glossary (works without JavaScript)."""

import re

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from begrippen.selectors import begrippen_voor_markeren
from praktijken.models import Praktijk

register = template.Library()


def _patroon(termen: list[tuple[str, str]]) -> re.Pattern[str] | None:
    if not termen:
        return None
    # Longest first, so "steunpunt mantelzorg" wins over a shorter term inside it.
    volgorde = sorted((term for term, _anker in termen), key=len, reverse=True)
    alternatieven = "|".join(re.escape(conditional_escape(t)) for t in volgorde)
    return re.compile(rf"(?<![\w&])({alternatieven})(?!\w)", re.IGNORECASE)


@register.filter(name="begrippen")
def begrippen_filter(tekst: object, praktijk: Praktijk | int | None) -> SafeString:
    """Escape `tekst`, then mark the first occurrence of each settled term of `praktijk` (the
    practice, or its id: the phone's page passes `sessie.praktijk_id` and reads no practice)."""
    veilig = str(conditional_escape(str(tekst) if tekst is not None else ""))
    if praktijk is None:
        return mark_safe(veilig)
    if isinstance(praktijk, int):
        gevonden = begrippen_voor_markeren(praktijk_id=praktijk)
    else:
        gevonden = begrippen_voor_markeren(praktijk_id=praktijk.pk, slug=praktijk.slug)
    if gevonden is None:
        return mark_safe(veilig)
    slug, termen = gevonden
    patroon = _patroon(termen)
    if patroon is None:
        return mark_safe(veilig)
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

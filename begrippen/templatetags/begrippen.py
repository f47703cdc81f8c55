"""`{{ tekst|begrippen:praktijk }}`: the text, escaped, with the first occurrence of each settled
term linked to its definition on the public glossary (works without JavaScript)."""

import re

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from begrippen.models import Begrip
from begrippen.selectors import begrippen_vastgesteld
from praktijken.models import Praktijk

register = template.Library()

# One query per practice per request-sized lifetime: the list is kept on the practice object,
# which a page passes to every filter call (statements in a loop add no queries).
_CACHE_ATTR = "_begrippen_vastgesteld"


def _begrippen(praktijk: Praktijk) -> list[Begrip]:
    cached = getattr(praktijk, _CACHE_ATTR, None)
    if cached is None:
        cached = begrippen_vastgesteld(praktijk=praktijk)
        setattr(praktijk, _CACHE_ATTR, cached)
    return cached


def _patroon(begrippen: list[Begrip]) -> re.Pattern[str] | None:
    if not begrippen:
        return None
    # Longest first, so "steunpunt mantelzorg" wins over a shorter term inside it.
    termen = sorted((b.term for b in begrippen), key=len, reverse=True)
    alternatieven = "|".join(re.escape(conditional_escape(t)) for t in termen)
    return re.compile(rf"(?<![\w&])({alternatieven})(?!\w)", re.IGNORECASE)


@register.filter(name="begrippen")
def begrippen_filter(tekst: object, praktijk: Praktijk | None) -> SafeString:
    """Escape `tekst`, then mark the first occurrence of each settled term of `praktijk`."""
    veilig = str(conditional_escape(str(tekst) if tekst is not None else ""))
    if praktijk is None:
        return mark_safe(veilig)
    begrippen = _begrippen(praktijk)
    patroon = _patroon(begrippen)
    if patroon is None:
        return mark_safe(veilig)
    per_term = {str(conditional_escape(b.term)).lower(): b for b in begrippen}
    basis = reverse("begrippen:woordenlijst", args=[praktijk.slug])
    gezien: set[str] = set()

    def vervang(match: re.Match[str]) -> str:
        sleutel = match.group(1).lower()
        begrip = per_term.get(sleutel)
        if begrip is None or sleutel in gezien:
            return match.group(0)
        gezien.add(sleutel)
        return format_html(
            '<a class="lp-begrip" href="{}#{}"><dfn>{}</dfn></a>',
            basis,
            begrip.anker,
            mark_safe(match.group(1)),
        )

    return mark_safe(patroon.sub(vervang, veilig))

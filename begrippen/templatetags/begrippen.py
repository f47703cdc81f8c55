"""`{{ tekst|begrippen:praktijk }}`: the text, escaped, with the first occurrence of each settled
term linked to its definition on the public glossary (works without JavaScript)."""

from django import template
from django.utils.safestring import SafeString

from begrippen.markeren import begrippen_markeerder
from praktijken.models import Praktijk

register = template.Library()


@register.filter(name="begrippen")
def begrippen_filter(tekst: object, praktijk: Praktijk | int | None) -> SafeString:
    """Escape `tekst`, then mark the first occurrence of each settled term of `praktijk` (the
    practice, or its id: the phone's page passes `sessie.praktijk_id` and reads no practice)."""
    return begrippen_markeerder(praktijk)(tekst)

"""Small template filters for the social map."""

from django import template

register = template.Library()


@register.filter
def tel_href(value: str) -> str:
    """A phone number as a tel: address: digits and a leading plus only."""
    text = (value or "").strip()
    digits = "".join(c for c in text if c.isdigit())
    return f"tel:{'+' if text.startswith('+') else ''}{digits}"


@register.filter
def can_edit_persoon(toegang, persoon) -> bool:
    """Whether this access may edit this person: `{% if toegang|can_edit_persoon:persoon %}`."""
    return toegang.can_edit_persoon(persoon)

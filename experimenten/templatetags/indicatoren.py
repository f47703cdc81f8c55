"""How an indicator's values read on the page: no needless decimals, in the active language."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def waarde(value: Decimal | None) -> str:
    """12.50 reads "12,5", 12.00 "12"; None is ""."""
    if value is None:
        return ""
    genormaliseerd = value.normalize()
    decimalen = max(0, -genormaliseerd.as_tuple().exponent)  # type: ignore[operator]
    return number_format(genormaliseerd, decimal_pos=decimalen)

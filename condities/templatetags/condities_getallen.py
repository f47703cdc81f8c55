"""`{{ score|getal }}`: an average or spread in the templates, written by `charts.getal`."""

from django import template

from condities import charts

register = template.Library()


@register.filter
def getal(value, decimalen: int = 1) -> str:
    return charts.getal(value, decimalen)

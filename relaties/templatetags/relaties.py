"""Labels for the network page: steps, groups and sources of known ties."""

from django import template
from django.utils.translation import gettext as _

from netwerk.models import Groep
from relaties.models import Stap

register = template.Library()


@register.filter
def stap_label(stap: str) -> str:
    return str(Stap(stap).label) if stap in Stap.values else stap


@register.filter
def groep_label(groep: str | None) -> str:
    return str(Groep(groep).label) if groep in Groep.values else ""


@register.filter
def bron_label(bron: str) -> str:
    return {
        "experiment": _("same experiment"),
        "mantelzorg": _("carers' feedback passed on"),
        "actie": _("actions owned together"),
    }.get(bron, bron)


@register.filter
def lookup(mapping: dict, key: object) -> object:
    return mapping.get(key)


@register.filter
def percentage(waarde: float) -> str:
    return f"{round(waarde * 100)}%"

"""The carers' section of the practice dashboard: `{% mantelzorg_dashboard %}`."""

from django import template

from mantelzorg import selectors

register = template.Library()


@register.inclusion_tag("mantelzorg/_dashboard.html", takes_context=True)
def mantelzorg_dashboard(context: template.Context, citaten: int = 3) -> dict:
    """Reactions per month, the told-my-story figure and the latest shareable quotes (2 queries)."""
    praktijk = context["praktijk"]
    maanden = selectors.reacties_per_maand(praktijk=praktijk)
    return {
        "praktijk": praktijk,
        "toegang": context.get("toegang"),
        "maanden": maanden,
        "totaal": sum(m.aantal for m in maanden),
        "grafiek": selectors.verteld_grafiek(maanden=maanden),
        "citaten": selectors.deelbare_citaten(praktijk=praktijk, limit=citaten),
    }

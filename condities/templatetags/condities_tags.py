"""The conditions' section of the practice dashboard: `{% condities_dashboard praktijk %}`."""

from django import template

from condities import charts, selectors
from praktijken.models import Praktijk

register = template.Library()


@register.inclusion_tag("condities/_dashboard.html")
def condities_dashboard(praktijk: Praktijk, acties: int = 5) -> dict:
    """Latest score per condition, the trend and the open next steps, in two queries."""
    trend = selectors.trend_for_praktijk(praktijk=praktijk)
    return {
        "praktijk": praktijk,
        "trend": trend,
        "grafiek": charts.trend(reeksen=trend["reeksen"]) if trend["heeft_scores"] else None,
        "acties": selectors.acties_for_praktijk(praktijk=praktijk, limit=acties),
    }

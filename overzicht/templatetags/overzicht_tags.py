"""The practice menu in every practice page: `{% praktijk_menu %}` (no database query)."""

from django import template

from overzicht import navigation

register = template.Library()


@register.inclusion_tag("overzicht/_menu.html", takes_context=True)
def praktijk_menu(context: template.Context) -> dict:
    """The practice menu for the `toegang` and `request` in the page's context."""
    toegang = context["toegang"]
    return {
        "praktijk": toegang.praktijk,
        "links": navigation.praktijk_menu(toegang=toegang, path=context["request"].path),
    }

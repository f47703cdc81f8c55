"""The practice menu in every practice page: `{% praktijk_menu %}` (no database query)."""

from django import template
from django.utils.safestring import SafeString

from overzicht import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def praktijk_menu(context: template.Context) -> SafeString:
    """The practice menu for the `toegang` and `request` in the page's context."""
    return navigation.praktijk_menu_html(toegang=context["toegang"], path=context["request"].path)

"""`{% fragment name [value ...] %}…{% endfragment %}`: a part of a page that many requests show
alike, rendered once per process and kept (issue #13). Django's `{% cache %}` does the same
through a cache backend, at the cost of an md5 and the backend's key checks on every use: more
than the URL look-ups and translations a small fragment saves.

A fragment is kept per name, active language, URL prefix and URLconf, and the values named after
the name (as text); a value that does not resolve is an error, never an empty key shared by all.
Everything else the fragment shows must be the same for every request that uses it: never the
CSRF token, the address, a name, or anything of the user that the key does not name. A deploy
starts new processes; a file changed under `runserver` empties the store, as Django resets its
template loaders then."""

from typing import Any

from django import template
from django.template.base import Parser, Token
from django.urls import get_script_prefix, get_urlconf
from django.utils.autoreload import file_changed
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()

# A few per language and role, and per practice for the dashboard's links: small strings. Past
# this many the store starts again empty.
MAX_FRAGMENTEN = 5000
_fragmenten: dict[tuple[str, ...], SafeString] = {}


def fragmenten_clear(**kwargs: Any) -> None:
    """Forget every kept fragment (tests; a changed file under `runserver`)."""
    _fragmenten.clear()


# Returns None: the autoreloader goes on to decide whether the change needs a restart.
file_changed.connect(fragmenten_clear, dispatch_uid="config.fragmenten_clear")


class FragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, naam: str, waarden: list[template.Variable]):
        self.nodelist = nodelist
        self.naam = naam
        self.waarden = waarden

    def render(self, context: template.Context) -> SafeString:
        key = (
            self.naam,
            get_language() or "",
            get_script_prefix(),
            str(get_urlconf()),
            *(str(waarde.resolve(context)) for waarde in self.waarden),
        )
        html = _fragmenten.get(key)
        if html is None:
            html = self.nodelist.render(context)
            if len(_fragmenten) >= MAX_FRAGMENTEN:
                _fragmenten.clear()
            _fragmenten[key] = html
        return html


@register.tag
def fragment(parser: Parser, token: Token) -> FragmentNode:
    """`{% fragment name value… %}`: the name, then the variables the content depends on."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' needs a name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1], [template.Variable(bit) for bit in bits[2:]])

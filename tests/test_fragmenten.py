"""`{% fragment %}` (config/templatetags/fragmenten.py): kept per name, language and the values
it names; a value that does not resolve is an error, not a key that all requests share."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Engine, VariableDoesNotExist
from django.utils import translation
from django.utils.autoreload import file_changed

from config.templatetags import fragmenten

ENGINE = Engine(
    libraries={
        "fragmenten": "config.templatetags.fragmenten",
        "i18n": "django.templatetags.i18n",
    }
)


def render(source: str, **context) -> str:
    return ENGINE.from_string("{% load fragmenten %}" + source).render(Context(context))


def test_the_content_is_rendered_once_and_then_kept():
    source = "{% fragment proef %}{{ teller.volgende }}{% endfragment %}"
    teller = iter(range(10))

    class Teller:
        @property
        def volgende(self) -> int:
            return next(teller)

    assert render(source, teller=Teller()) == "0"
    assert render(source, teller=Teller()) == "0"


def test_each_value_named_gets_its_own_fragment():
    source = (
        "{% fragment proef user.is_staff %}{% if user.is_staff %}beheer{% endif %}{% endfragment %}"
    )
    assert render(source, user={"is_staff": True}) == "beheer"
    assert render(source, user={"is_staff": False}) == ""
    assert render(source, user={"is_staff": True}) == "beheer"


def test_each_language_gets_its_own_fragment():
    source = "{% load i18n %}{% fragment proef %}{% translate 'Log out' %}{% endfragment %}"
    with translation.override("nl"):
        assert render(source) == "Uitloggen"
    with translation.override("en"):
        assert render(source) == "Log out"
    with translation.override("nl"):
        assert render(source) == "Uitloggen"


def test_a_fragment_under_another_url_prefix_is_its_own():
    from django.urls import set_script_prefix

    source = "{% fragment proef %}{% url 'overzicht:home' %}{% endfragment %}"
    try:
        set_script_prefix("/")
        assert render(source) == "/"
        set_script_prefix("/lp/")
        assert render(source) == "/lp/"
    finally:
        set_script_prefix("/")


def test_a_value_that_does_not_resolve_is_an_error():
    source = "{% fragment proef user.is_staf %}x{% endfragment %}"
    with pytest.raises(VariableDoesNotExist):
        render(source, user={"is_staff": True})


def test_a_full_store_starts_again_empty(monkeypatch):
    monkeypatch.setattr(fragmenten, "MAX_FRAGMENTEN", 3)
    source = "{% fragment proef n %}{{ n }}{% endfragment %}"
    for n in range(10):
        assert render(source, n=n) == str(n)
    assert len(fragmenten._fragmenten) <= 3


def test_a_changed_file_under_runserver_empties_the_store():
    render("{% fragment proef %}x{% endfragment %}")
    assert fragmenten._fragmenten
    file_changed.send(sender=None, file_path=Path(settings.BASE_DIR) / "templates" / "base.html")
    assert not fragmenten._fragmenten

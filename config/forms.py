import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.renderers import TemplatesSetting
from django.http import HttpRequest, QueryDict


def posted(request: HttpRequest) -> QueryDict | None:
    """The data to bind a form to: the post, an empty one too (refused with the fields it lacks,
    never taken for a first visit), or None on a GET (`request.POST or None` treats an empty post
    as a GET and shows the empty form with a 200)."""
    return request.POST if request.method == "POST" else None


class FormRenderer(TemplatesSetting):
    """Render every form with the NL Design System field layout and an error summary on top."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class DelenForm(forms.Form):
    """Share something with the programme's library ("true") or stop sharing it ("false")."""

    delen = forms.BooleanField(required=False)


class FilterForm(forms.Form):
    """The filters above a list: every field optional, an invalid one ignored (its error shows)."""

    def filters(self) -> dict[str, Any]:
        """The filters that are valid and set; an invalid one is left out."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name in self.cleaned_data and self.cleaned_data[name] not in ("", None)
        }


# The largest id a database row can have (a signed 64-bit integer).
MAX_ID = 2**63 - 1
_INTEGER = re.compile(r"-?[0-9]+")


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A multiple choice of rows that refuses an id no row can have before asking the database.

    Django compares the ids with an `__in` lookup, which SQLite cannot even run with a number
    past 64 bits (OverflowError, a 500); here such an id is an invalid choice like any other.
    """

    def _check_values(self, value):
        try:
            values = frozenset(value)
        except TypeError:
            values = frozenset()  # not a list of ids: Django's own check says so
        for pk in values:
            text = str(pk).strip()
            # ASCII digits only: "²" is a digit to str.isdigit() but not a number to int().
            # Longer than any id: refused before int(), which will not read 4,300+ digits.
            if _INTEGER.fullmatch(text) and (len(text) > 20 or abs(int(text)) > MAX_ID):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        # A private method of Django's, which django-stubs leaves out.
        return super()._check_values(value)  # type: ignore[misc]


# Long text fields: room for a few paragraphs, not for a novel.
TEXT_MAX = 4000


def limit_length(field: forms.Field, length: int) -> None:
    """Give a text field (of an unlimited TextField) a maximum length, checked on the server and
    announced to the browser. Setting `max_length` after construction alone checks nothing."""
    assert isinstance(field, forms.CharField)
    field.max_length = length
    field.validators.append(MaxLengthValidator(length))
    field.widget.attrs["maxlength"] = str(length)


def limit_text_fields(form: forms.BaseForm, length: int = TEXT_MAX) -> None:
    """Give every text field of the form that has no maximum length this one."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and field.max_length is None:
            limit_length(field, length)

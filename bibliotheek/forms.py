from django import forms
from django.utils.translation import gettext_lazy as _

from bibliotheek.selectors import LES, OPBRENGST, VERHAAL
from config.forms import FilterForm
from experimenten.models import Niveau, Opbrengst


class BibliotheekFilterForm(FilterForm):
    """Search and filters above the library; every one optional, invalid ones ignored."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    wat = forms.ChoiceField(
        label=_("What"),
        required=False,
        choices=[
            ("", _("Everything")),
            (LES, _("Lessons from experiments")),
            (OPBRENGST, _("Outcomes")),
            (VERHAAL, _("Stories")),
        ],
    )
    niveau = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("All levels")), *Niveau.choices],
        help_text=_("Stories have no level: with a level chosen they are left out."),
    )
    thema = forms.CharField(
        label=_("Theme"),
        max_length=100,
        required=False,
        help_text=_("Words from a practice's core theme or design question."),
    )
    soort = forms.ChoiceField(
        label=_("Kind of outcome"),
        required=False,
        choices=[("", _("All kinds")), *Opbrengst.Soort.choices],
        help_text=_("Only outcomes have a kind: with a kind chosen only outcomes show."),
    )

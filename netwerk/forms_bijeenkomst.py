"""Forms of a meeting's people: who plans it, who writes the minutes, who is invited; and the
minutes themselves. Only persons of the practice's own network can be chosen."""

from django import forms
from django.utils.translation import gettext_lazy as _

from config.forms import BoundedModelMultipleChoiceField, limit_length
from netwerk.models import Groep, Persoon
from netwerk.selectors import personen_for_praktijk
from praktijken.models import Praktijk

VERSLAG_MAX = 20000


class PersoonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Persoon) -> str:
        return f"{obj.naam} ({obj.organisatie.naam})"


class PersonenChoiceField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj: Persoon) -> str:
        return f"{obj.naam} ({obj.organisatie.naam})"


class BijeenkomstMensenForm(forms.Form):
    """Planner, minute-taker and invitees, chosen from the people of the practice's network."""

    planner = PersoonChoiceField(
        label=_("Who plans it"),
        queryset=Persoon.objects.none(),
        required=False,
        empty_label=_("Nobody chosen yet"),
        help_text=_("Agree this explicitly: who books the room and sends the invitation?"),
    )
    notulist = PersoonChoiceField(
        label=_("Who writes the minutes"),
        queryset=Persoon.objects.none(),
        required=False,
        empty_label=_("Nobody chosen yet"),
        help_text=_("Agree this explicitly: who writes the minutes and shares them?"),
    )
    genodigden = PersonenChoiceField(
        label=_("Who is invited"),
        queryset=Persoon.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The planner and the minute-taker are invited too. People without an email "
            "address are on the list but get no mail."
        ),
    )

    groepen = forms.MultipleChoiceField(
        label=_("Invite a whole group as well"),
        choices=Groep.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Everyone at the organisations of that group is added to the list."),
    )

    def __init__(self, *args, praktijk: Praktijk, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        personen = personen_for_praktijk(praktijk=praktijk)
        for naam in ("planner", "notulist", "genodigden"):
            self.fields[naam].queryset = personen  # type: ignore[attr-defined]


class VerslagForm(forms.Form):
    """The minutes of a meeting, as plain text."""

    verslag = forms.CharField(
        label=_("Minutes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": "12"}),
        help_text=_("What was agreed, who does what, and what is next."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        limit_length(self.fields["verslag"], VERSLAG_MAX)

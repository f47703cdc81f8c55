"""The forms of the relationship round: sending one out, and one screen of answers."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.forms import BoundedModelMultipleChoiceField
from netwerk.models import Persoon
from relaties.models import Stap
from relaties.selectors import Scherm

MAX_LOOPTIJD = datetime.timedelta(days=90)


def _standaard_sluit_op() -> datetime.datetime:
    """Two weeks from today, at five in the afternoon."""
    dag = timezone.localdate() + datetime.timedelta(days=14)
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(17, 0)))


class PersoonField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj: Persoon) -> str:
        return f"{obj.naam} ({obj.organisatie.naam})"


class RondeForm(forms.Form):
    """Title, deadline and the people who answer for their organisation."""

    titel = forms.CharField(label=_("Title"), max_length=200)
    sluit_op = forms.DateTimeField(
        label=_("Closes on"),
        initial=_standaard_sluit_op,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    personen = PersoonField(
        label=_("Who answers?"),
        queryset=Persoon.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "One or more people per organisation. Each gets a personal link by email; no "
            "account is needed."
        ),
    )

    def __init__(self, *args, personen, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["personen"].queryset = personen  # type: ignore[attr-defined]

    def clean_sluit_op(self) -> datetime.datetime:
        sluit_op: datetime.datetime = self.cleaned_data["sluit_op"]
        now = timezone.now()
        if sluit_op <= now:
            raise forms.ValidationError(_("Choose a moment in the future."))
        if sluit_op > now + MAX_LOOPTIJD:
            raise forms.ValidationError(_("Choose a moment at most 90 days from now."))
        return sluit_op


SCORES = [(str(n), str(n)) for n in range(1, 6)]


class SchermForm(forms.Form):
    """One screen: per organisation a step on the ladder and, for "we work together now", trust
    and value from 1 to 5 (optional). Nothing chosen for an organisation: skipped for now."""

    def __init__(self, *args, scherm: Scherm, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.scherm = scherm
        for vraag in scherm.vragen:
            pk = vraag.organisatie.pk
            self.fields[f"stap_{pk}"] = forms.ChoiceField(
                label=vraag.organisatie.naam,
                choices=Stap.choices,
                required=False,
                widget=forms.RadioSelect,
                initial=vraag.stap or None,
            )
            self.fields[f"vertrouwen_{pk}"] = forms.TypedChoiceField(
                label=_("Trust: reliable, open, shares our goal"),
                choices=SCORES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                initial=vraag.vertrouwen,
            )
            self.fields[f"waarde_{pk}"] = forms.TypedChoiceField(
                label=_("Value: what this partner brings"),
                choices=SCORES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                initial=vraag.waarde,
            )

    def rijen(self) -> list[tuple]:
        """Per organisation its three bound fields, for the template."""
        return [
            (
                vraag,
                self[f"stap_{vraag.organisatie.pk}"],
                self[f"vertrouwen_{vraag.organisatie.pk}"],
                self[f"waarde_{vraag.organisatie.pk}"],
            )
            for vraag in self.scherm.vragen
        ]

    def antwoorden(self) -> dict[int, tuple[str, int | None, int | None]]:
        """The answers given on this screen, per organisation id."""
        data = self.cleaned_data
        return {
            vraag.organisatie.pk: (
                data[f"stap_{vraag.organisatie.pk}"],
                data[f"vertrouwen_{vraag.organisatie.pk}"],
                data[f"waarde_{vraag.organisatie.pk}"],
            )
            for vraag in self.scherm.vragen
            if data.get(f"stap_{vraag.organisatie.pk}")
        }


class BelangenrondeForm(RondeForm):
    """An interests round: the same as a relationship round to send, with the organisations'
    contact persons chosen to begin with."""

    def __init__(self, *args, personen, **kwargs) -> None:
        super().__init__(*args, personen=personen, **kwargs)
        self.fields["titel"].initial = _("Review of our interests")
        self.fields["personen"].initial = [p.pk for p in personen if p.is_contactpersoon]
        self.fields["personen"].help_text = _(
            "At least one person per organisation. Each gets a personal link by email to review "
            "the organisation's interests; no account is needed. The contact persons are chosen "
            "to begin with."
        )

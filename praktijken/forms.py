"""Forms of the practice. They validate and clean; the services in services.py do the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from config.forms import FilterForm, limit_length
from praktijken.models import Bijeenkomst, Ontwerpvraag, Praktijk, Verhaal

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATUM_TIJD = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
# Meetings are planned in this range of years; outside it a moment cannot be stored or exported.
EERSTE_JAAR, LAATSTE_JAAR = 2000, 2100


def _limit(form: forms.BaseForm, limits: dict[str, int]) -> None:
    """Give text areas (unlimited in the database) a maximum length, checked and announced."""
    for name, limit in limits.items():
        limit_length(form.fields[name], limit)


def _year_in_range(value) -> None:
    if not EERSTE_JAAR <= value.year <= LAATSTE_JAAR:
        raise forms.ValidationError(
            _("Choose a date between the years %(first)s and %(last)s."),
            code="jaar",
            params={"first": EERSTE_JAAR, "last": LAATSTE_JAAR},
        )


def _plausible_dates(form: forms.BaseForm, names: list[str]) -> None:
    """Keep moments in a range a calendar can hold: year 1 or 9999 cannot be stored in UTC."""
    for name in names:
        field = form.fields[name]
        field.validators.append(_year_in_range)
        field.widget.attrs.update(
            {"min": f"{EERSTE_JAAR}-01-01T00:00", "max": f"{LAATSTE_JAAR}-12-31T23:59"}
        )


def _rows(form: forms.BaseForm, rows: dict[str, int]) -> None:
    for name, count in rows.items():
        form.fields[name].widget.attrs["rows"] = str(count)


class PraktijkForm(forms.ModelForm):
    """The practice's own details; its short name in the address stays as it is."""

    class Meta:
        model = Praktijk
        fields = [
            "naam",
            "gemeente",
            "kernthema",
            "ambitie",
            "beschrijving",
            "privacy_email",
            "startdatum",
            "einddatum",
            "status",
        ]
        widgets = {"startdatum": DATUM, "einddatum": DATUM}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, {"ambitie": 2000, "beschrijving": 5000})
        _rows(self, {"ambitie": 4, "beschrijving": 6})

    def clean(self) -> dict:
        cleaned = super().clean()
        start, einde = cleaned.get("startdatum"), cleaned.get("einddatum")
        if start and einde and einde < start:
            self.add_error("einddatum", _("The end date cannot be before the start date."))
        return cleaned


class BijeenkomstForm(forms.ModelForm):
    """Plan a meeting, and agree out loud who plans it and who writes the minutes."""

    class Meta:
        model = Bijeenkomst
        fields = [
            "titel",
            "soort",
            "begint_op",
            "eindigt_op",
            "locatie",
            "planner",
            "notulist",
            "agenda",
        ]
        widgets = {"begint_op": DATUM_TIJD, "eindigt_op": DATUM_TIJD}
        help_texts = {
            "planner": _(
                "Only when this person is not on the social map. Otherwise choose people with "
                "“Choose who takes part” on the meeting's page."
            ),
            "notulist": _(
                "Only when this person is not on the social map. Otherwise choose people with "
                "“Choose who takes part” on the meeting's page."
            ),
            "agenda": _("One item per line."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, {"agenda": 5000})
        _rows(self, {"agenda": 6})
        _plausible_dates(self, ["begint_op", "eindigt_op"])

    def clean(self) -> dict:
        cleaned = super().clean()
        begin, einde = cleaned.get("begint_op"), cleaned.get("eindigt_op")
        if begin and einde and einde < begin:
            self.add_error("eindigt_op", _("The meeting cannot end before it starts."))
        return cleaned


class BijeenkomstBewerkenForm(BijeenkomstForm):
    """A meeting after the fact as well: the minutes."""

    class Meta(BijeenkomstForm.Meta):
        fields = [*BijeenkomstForm.Meta.fields, "verslag"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, {"verslag": 20000})
        _rows(self, {"verslag": 10})


class OntwerpvraagForm(forms.ModelForm):
    """A design question, phrased as a question the practice can work on."""

    class Meta:
        model = Ontwerpvraag
        fields = ["vraag", "toelichting", "volgorde"]
        help_texts = {
            "vraag": _(
                "Phrase it as a question, preferably starting with “Hoe kunnen we …” "
                "and ending with a question mark."
            ),
            "volgorde": _("Questions with a lower number come first."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, {"toelichting": 2000})
        _rows(self, {"toelichting": 4})
        self.fields["volgorde"].max_value = 999
        self.fields["volgorde"].widget.attrs["max"] = "999"

    def clean_vraag(self) -> str:
        vraag = self.cleaned_data["vraag"].strip()
        if not vraag.endswith("?"):
            raise forms.ValidationError(
                _(
                    "Phrase the design question as a question, ending with a question mark. "
                    "For example: “Hoe kunnen we …?”"
                ),
                code="geen_vraag",
            )
        return vraag


class VerhaalForm(forms.ModelForm):
    """A success story: what worked, who made it possible, and what we want more of."""

    class Meta:
        model = Verhaal
        fields = [
            "titel",
            "wat_werkte",
            "wie_maakte_het_mogelijk",
            "meer_van",
            "verteller",
            "ontwerpvraag",
        ]
        help_texts = {
            "wat_werkte": _("Tell about a moment when the collaboration went well."),
            "wie_maakte_het_mogelijk": _("Which people and organisations made it possible?"),
            "meer_van": _("What would we like to see more often?"),
            "verteller": _("Whose story is it? A name, or for example “a carer”."),
            "ontwerpvraag": _("The design question this story belongs to, if any."),
        }

    def __init__(self, *args, praktijk: Praktijk, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ontwerpvraag"].queryset = Ontwerpvraag.objects.filter(
            praktijk=praktijk
        ).order_by("volgorde", "pk")
        _limit(self, {"wat_werkte": 5000, "wie_maakte_het_mogelijk": 2000, "meer_van": 2000})
        _rows(self, {"wat_werkte": 6, "wie_maakte_het_mogelijk": 3, "meer_van": 3})


class VerhalenFilterForm(FilterForm):
    """Show the stories of one design question."""

    ontwerpvraag = forms.ModelChoiceField(
        label=_("Design question"),
        queryset=Ontwerpvraag.objects.none(),
        required=False,
        empty_label=_("All design questions"),
    )

    def __init__(self, *args, praktijk: Praktijk, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ontwerpvraag"].queryset = Ontwerpvraag.objects.filter(
            praktijk=praktijk
        ).order_by("volgorde", "pk")

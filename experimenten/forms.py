from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.forms import BoundedModelMultipleChoiceField, FilterForm, limit_length
from experimenten import selectors
from experimenten.models import (
    Experiment,
    Fase,
    Indicator,
    Meting,
    Niveau,
    Opbrengst,
    Tussenstap,
)
from netwerk.selectors import organisaties_for_praktijk
from praktijken.models import Praktijk

LONG_TEXT = 4000  # Enough for a write-up; a clear error instead of a 500 beyond it.
OPEN = (Experiment.Status.IDEE, Experiment.Status.LOOPT)
CLOSED = (Experiment.Status.AFGEROND, Experiment.Status.GESTOPT)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ExperimentFilterForm(FilterForm):
    """The filters above the list of experiments; every one optional, invalid ones ignored."""

    niveau = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("All levels")), *Niveau.choices]
    )
    fase = forms.ChoiceField(
        label=_("Phase"), required=False, choices=[("", _("All phases")), *Fase.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *Experiment.Status.choices],
    )
    ontwerpvraag = forms.ModelChoiceField(
        label=_("Design question"),
        required=False,
        queryset=None,
        empty_label=_("All design questions"),
    )

    def __init__(self, *args, praktijk: Praktijk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ontwerpvraag"].queryset = selectors.ontwerpvragen_for_praktijk(
            praktijk=praktijk
        )


class ExperimentForm(forms.ModelForm):
    """What an experiment is about. Choices come from this practice only."""

    class Meta:
        model = Experiment
        fields = [
            "ontwerpvraag",
            "titel",
            "doel",
            "niveau",
            "fase",
            "status",
            "eigenaar",
            "organisaties",
            "verhalen",
            "startdatum",
            "einddatum",
        ]
        # An id no row can have is an invalid choice, not a database error.
        field_classes = {
            "organisaties": BoundedModelMultipleChoiceField,
            "verhalen": BoundedModelMultipleChoiceField,
        }
        widgets = {
            "doel": forms.Textarea(attrs={"rows": 4}),
            "organisaties": forms.CheckboxSelectMultiple,
            "verhalen": forms.CheckboxSelectMultiple,
            "startdatum": DateInput,
            "einddatum": DateInput,
        }
        help_texts = {
            "doel": _("What should be better for carers when this works?"),
            "fase": _("Where the experiment is in the cycle of appreciative inquiry."),
            "eigenaar": _("The person who keeps it going."),
        }

    def __init__(self, *args, praktijk: Praktijk, kan_heropenen: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ontwerpvraag"].queryset = selectors.ontwerpvragen_for_praktijk(
            praktijk=praktijk
        )
        self.fields["ontwerpvraag"].empty_label = None
        self.fields["eigenaar"].queryset = selectors.personen_for_praktijk(praktijk=praktijk)
        self.fields["eigenaar"].label_from_instance = lambda p: f"{p.naam} ({p.organisatie})"
        self.fields["eigenaar"].empty_label = _("No owner yet")
        self.fields["organisaties"].queryset = organisaties_for_praktijk(
            praktijk=praktijk
        ).order_by("naam")
        self.fields["verhalen"].queryset = selectors.verhalen_for_praktijk(praktijk=praktijk)
        self.fields["niveau"].choices = [("", _("Choose a level")), *Niveau.choices]
        if not self.fields["verhalen"].queryset.exists():
            self.fields["verhalen"].help_text = _("This practice has no stories yet.")
        if not self.fields["organisaties"].queryset.exists():
            self.fields["organisaties"].help_text = _("No organisations take part yet.")
        limit_length(self.fields["doel"], LONG_TEXT)

        # Closing goes through its own form, which asks for the result and the lessons learned.
        # A closed experiment keeps its status here; editors may set it back to reopen it.
        status = self.fields["status"]
        huidige = self.instance.status if self.instance.pk else None
        if huidige in CLOSED:
            toegestaan = (*OPEN, huidige)
            status.choices = [(s.value, s.label) for s in Experiment.Status if s in toegestaan]
            if not kan_heropenen:
                status.disabled = True
                status.help_text = _("Only the core group can reopen a closed experiment.")
            else:
                status.help_text = _("Choose “Running” to reopen the experiment.")
        else:
            status.choices = [(s.value, s.label) for s in Experiment.Status if s in OPEN]
            status.help_text = _("Close the experiment with “Close experiment” on its page.")

    def clean(self):
        cleaned = super().clean()
        start, einde = cleaned.get("startdatum"), cleaned.get("einddatum")
        if start and einde and einde < start:
            self.add_error("einddatum", _("The end date cannot be before the start date."))
        return cleaned


class TussenstapForm(forms.ModelForm):
    """The small form on the experiment's page: what happened today (or on another day)."""

    class Meta:
        model = Tussenstap
        fields = ["datum", "wat", "wie"]
        widgets = {"datum": DateInput, "wat": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"wie": _("Who did it, or who was there.")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"datum": timezone.localdate()})
        kwargs.setdefault("prefix", "stap")
        super().__init__(*args, **kwargs)
        limit_length(self.fields["wat"], LONG_TEXT)

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(
                _("A small step is something that has happened: choose today or an earlier date.")
            )
        return datum


class OpbrengstForm(forms.ModelForm):
    """An outcome of the experiment, by kind."""

    class Meta:
        model = Opbrengst
        fields = ["soort", "beschrijving"]
        widgets = {"beschrijving": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "opbrengst")
        super().__init__(*args, **kwargs)
        limit_length(self.fields["beschrijving"], LONG_TEXT)
        self.fields["soort"].choices = [("", _("Choose a kind")), *Opbrengst.Soort.choices]


class AfsluitenForm(forms.Form):
    """Close an experiment with the write-up other practices learn from."""

    status = forms.ChoiceField(
        label=_("How did it end?"),
        choices=[(s.value, s.label) for s in CLOSED],
        widget=forms.RadioSelect,
    )
    resultaat = forms.CharField(
        label=_("Actions and result"),
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What did you do, and what came of it?"),
    )
    lessen = forms.CharField(
        label=_("Lessons learned"),
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What worked, and what would you do differently?"),
    )
    tip = forms.CharField(
        label=_("Tip for other practices"),
        max_length=LONG_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    einddatum = forms.DateField(
        label=_("End date"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty for today."),
    )

    def __init__(self, *args, experiment: Experiment, **kwargs):
        self.experiment = experiment
        kwargs.setdefault(
            "initial",
            {
                "status": experiment.status if experiment.is_closed else Experiment.Status.AFGEROND,
                "resultaat": experiment.resultaat,
                "lessen": experiment.lessen,
                "tip": experiment.tip,
                "einddatum": experiment.einddatum,
            },
        )
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start = self.experiment.startdatum
        einde = cleaned.get("einddatum") or self.experiment.einddatum or timezone.localdate()
        if start and einde < start and "einddatum" not in self.errors:
            self.add_error("einddatum", _("The end date cannot be before the start date."))
        return cleaned


class IndicatorForm(forms.ModelForm):
    """What a practice measures for an experiment: a name, a unit, a baseline and a target."""

    class Meta:
        model = Indicator
        fields = ["naam", "eenheid", "nulmeting", "streefwaarde"]
        help_texts = {
            "naam": _("E.g. “Referrals to the carer support point per quarter”."),
            "nulmeting": _("The value before the experiment started. Optional."),
            "streefwaarde": _("The value you hope to reach. Optional."),
        }


class MetingForm(forms.ModelForm):
    """One measurement of an indicator: the date and the value."""

    class Meta:
        model = Meting
        fields = ["datum", "waarde", "toelichting"]
        widgets = {"datum": DateInput}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"datum": timezone.localdate()})
        super().__init__(*args, **kwargs)

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(
                _("A measurement is something that has happened: choose today or an earlier date.")
            )
        return datum

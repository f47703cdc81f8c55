"""Forms of the carers' feedback: the public form, the facilitator's handling, filters, settings."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from begrippen.markeren import begrippen_markeerder
from condities.models import Conditie
from config.forms import FilterForm
from experimenten.models import Experiment
from mantelzorg import selectors
from mantelzorg.models import MantelzorgFormulier, Reactie, Relatie
from netwerk.selectors import organisaties_for_praktijk
from praktijken.models import Praktijk

TEKST_MAX = 2000
# Kept from when the form lived in condities: a new salt would refuse forms open during a deploy.
TIJDSTEMPEL_SALT = "condities.mantelzorg.begonnen"
HONEYPOT = "website"

telefoon_validator = RegexValidator(
    r"^[0-9+()\-\s]{6,40}$",
    _("Fill in a phone number with digits only, for example 06 12345678."),
)


def tijdstempel(*, praktijk_id: int, op: float | None = None) -> str:
    """A signed note of when the form was shown, for the minimum fill-in time."""
    return signing.dumps(
        {"p": praktijk_id, "t": round(time.time() if op is None else op, 3)}, salt=TIJDSTEMPEL_SALT
    )


class LangeTekst(forms.CharField):
    """A long answer without the browser's `maxlength`: a pasted story is never cut off without
    a word. The server says how much too long it is and keeps the whole text in the field."""

    def widget_attrs(self, widget: forms.Widget) -> dict:
        attrs = super().widget_attrs(widget)
        if "maxlength" in attrs:
            attrs["data-maxlength"] = attrs.pop("maxlength")
        return attrs


def _tekstveld(label, help_text) -> forms.CharField:
    return LangeTekst(
        label=label,
        help_text=help_text,
        required=False,
        max_length=TEKST_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _(
                "Your answer is %(show_value)d characters long; %(limit_value)d fit. Make it a "
                "little shorter: nothing has been sent yet, and your text is still here."
            )
        },
    )


class MantelzorgForm(forms.Form):
    """The public feedback form. Everything is optional except one of the three open answers.

    The honeypot (`website`) is left out of the rendered fields on purpose: the template draws it
    hidden from people; the view checks it before anything else.
    """

    template_name = "mantelzorg/_formulier.html"

    wat_gaat_goed = _tekstveld(
        _("What goes well in the help you get?"),
        _("For example a moment when a professional really helped you."),
    )
    meer_van = _tekstveld(
        _("What would you like more of?"),
        _("What helps you, and should happen more often?"),
    )
    kan_beter = _tekstveld(
        _("What could be better?"),
        _("What did not go well, or what do you miss?"),
    )
    keer_verteld = forms.IntegerField(
        label=_(
            "In the last few months, how many times did you have to tell your story again "
            "to a different professional?"
        ),
        help_text=_(
            "For example to the GP, the district nurse or the municipality. "
            "Fill in a number from 0 to 50."
        ),
        required=False,
        min_value=0,
        max_value=50,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Fill in a number from 0 to 50."),
            "min_value": _("Fill in a number from 0 to 50."),
            "max_value": _("Fill in a number from 0 to 50."),
        },
    )
    weet_niet = forms.BooleanField(label=_("I don't know"), required=False)
    experiment = forms.ModelChoiceField(
        label=_("Is your feedback about one of these topics?"),
        help_text=_(
            "Things the care and welfare organisations here are trying out now, or tried recently."
        ),
        queryset=Experiment.objects.none(),
        required=False,
        empty_label=_("No particular topic"),
    )
    relatie = forms.ChoiceField(
        label=_("Who do you care for?"),
        choices=Relatie.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    contact_toestemming = forms.BooleanField(
        label=_("Yes, you may contact me about my feedback."), required=False
    )
    naam = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    telefoon = forms.CharField(
        label=_("Your phone number"),
        required=False,
        max_length=40,
        validators=[telefoon_validator],
        widget=forms.TextInput(attrs={"autocomplete": "off", "type": "tel"}),
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    begonnen = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def __init__(self, *args, praktijk: Praktijk, **kwargs):
        super().__init__(*args, **kwargs)
        self.praktijk = praktijk
        self.fields["experiment"].queryset = selectors.experimenten_for_formulier(praktijk=praktijk)
        self.fields["begonnen"].initial = tijdstempel(praktijk_id=praktijk.pk)
        # The questions and help texts with the practice's settled terms marked (a link to the
        # plain explanation, no JavaScript); the error summary keeps the plain question, as a
        # link inside its link would not work.
        self.gewone_labels = {naam: veld.label for naam, veld in self.fields.items()}
        markeer = begrippen_markeerder(praktijk)
        for naam, veld in self.fields.items():
            if naam in (HONEYPOT, "begonnen"):
                continue
            veld.label = markeer(veld.label)
            if veld.help_text:
                veld.help_text = markeer(veld.help_text)
        # Set by clean(): the view counts a too-fast form against the rate limit.
        self.te_snel = False
        self.tijdstempel_ongeldig = False

    @property
    def is_robot(self) -> bool:
        """A robot filled in the hidden field that people never see."""
        return bool(self.is_bound and self.data.get(self.add_prefix(HONEYPOT)))

    def full_clean(self) -> None:
        super().full_clean()
        if self.tijdstempel_ongeldig:
            # Shown again with its errors: give it a timestamp that works this time.
            self.vers_tijdstempel()

    @property
    def heeft_experimenten(self) -> bool:
        return self.fields["experiment"].queryset.exists()

    def vers_tijdstempel(self) -> None:
        """Give a re-shown form a new timestamp when the old one could not be used."""
        data = self.data.copy()
        data[self.add_prefix("begonnen")] = tijdstempel(praktijk_id=self.praktijk.pk)
        self.data = data

    def _check_tijd(self, waarde: str) -> None:
        try:
            gegevens = signing.loads(waarde or "", salt=TIJDSTEMPEL_SALT)
            begonnen = float(gegevens["t"])
            if gegevens["p"] != self.praktijk.pk:
                raise ValueError("timestamp of another practice")
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            self.tijdstempel_ongeldig = True
            self.add_error(
                None,
                _("Something went wrong with the form. Check your answers and press “Send” again."),
            )
            return
        verstreken = time.time() - begonnen
        if verstreken > settings.MANTELZORG_MAX_SECONDEN:
            self.tijdstempel_ongeldig = True
            self.add_error(
                None,
                _("This form was open for a long time. Check your answers and press “Send” again."),
            )
        elif verstreken < settings.MANTELZORG_MIN_SECONDEN:
            self.te_snel = True
            self.add_error(
                None, _("That went very fast. Check your answers and press “Send” again.")
            )

    def clean(self):
        data = super().clean()
        antwoorden = any(data.get(veld) for veld in ("wat_gaat_goed", "meer_van", "kan_beter"))
        if not antwoorden and not self.has_error("wat_gaat_goed"):
            self.add_error(
                "wat_gaat_goed", _("Write something for at least one of the three questions.")
            )
        if data.get("keer_verteld") is not None and data.get("weet_niet"):
            self.add_error("keer_verteld", _("Fill in a number or tick “I don't know”, not both."))
        contact = any(data.get(veld) for veld in ("naam", "email", "telefoon"))
        if contact and not data.get("contact_toestemming"):
            self.add_error(
                "contact_toestemming",
                _("Tick this box if we may contact you, or leave your details empty."),
            )
        bereikbaar = data.get("email") or data.get("telefoon")
        if (
            data.get("contact_toestemming")
            and not bereikbaar
            and not self.has_error("email")
            and not self.has_error("telefoon")
        ):
            self.add_error(
                "email",
                _("Fill in your email address or phone number, so that we can reach you."),
            )
        self._check_tijd(self.data.get(self.add_prefix("begonnen"), ""))
        return data

    def reactie_data(self) -> dict:
        """What the service stores: the answers, and contact details only with consent."""
        data = self.cleaned_data
        return {
            "wat_gaat_goed": data["wat_gaat_goed"],
            "meer_van": data["meer_van"],
            "kan_beter": data["kan_beter"],
            "keer_verteld": data["keer_verteld"],
            "experiment": data["experiment"],
            "relatie": data["relatie"],
            "contact_toestemming": data["contact_toestemming"],
            "naam": data["naam"],
            "email": data["email"],
            "telefoon": data["telefoon"],
        }

    def fout_velden(self) -> list[dict]:
        """Each field error with the id of the input to jump to (radio buttons: the first)."""
        fouten = []
        for naam, veld in self.fields.items():
            if naam in (HONEYPOT, "begonnen") or naam not in self.errors:
                continue
            bound = self[naam]
            doel = (
                bound.auto_id + "_0"
                if isinstance(veld.widget, forms.RadioSelect)
                else bound.auto_id
            )
            for fout in self.errors[naam]:
                fouten.append({"id": doel, "label": self.gewone_labels[naam], "fout": fout})
        return fouten


class ReactieForm(forms.ModelForm):
    """The facilitator's handling of one reaction. Choices come from this practice only."""

    condities = forms.MultipleChoiceField(
        label=_("Conditions for collaboration"),
        help_text=_("Which of the five conditions is this feedback about?"),
        choices=Conditie.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Reactie
        fields = [
            "status",
            "condities",
            "experiment",
            "doorgegeven_aan",
            "deelbaar",
            "gedeeld_met_leden",
            "interne_notitie",
        ]
        widgets = {"interne_notitie": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "doorgegeven_aan": _(
                "Which organisation of the network took it up? Its contact person gets the "
                "three answers by email, never the carer's name or contact details."
            ),
            "deelbaar": _(
                "The answer to “what goes well” may appear on the dashboard, in the "
                "members' overview and on the public page “You said, we did”, without a name."
            ),
            "gedeeld_met_leden": _(
                "Members see this feedback in the overview, without contact details and "
                "without the internal note."
            ),
            "interne_notitie": _("Only facilitators see this note."),
        }

    def __init__(self, *args, praktijk: Praktijk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["experiment"].queryset = Experiment.objects.filter(praktijk=praktijk).order_by(
            "titel"
        )
        self.fields["experiment"].empty_label = _("No experiment")
        self.fields["doorgegeven_aan"].queryset = organisaties_for_praktijk(
            praktijk=praktijk
        ).order_by("naam")
        self.fields["doorgegeven_aan"].empty_label = _("Not passed on")
        if self.instance.pk and not self.is_bound:
            self.initial["condities"] = [t.conditie for t in self.instance.conditie_tags.all()]


class InboxFilterForm(FilterForm):
    """The filters above the inbox; every one optional, an invalid one ignored."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *Reactie.Status.choices],
    )
    conditie = forms.ChoiceField(
        label=_("Condition"),
        required=False,
        choices=[("", _("All conditions")), *Conditie.choices],
    )
    experiment = forms.ModelChoiceField(
        label=_("Experiment"),
        required=False,
        queryset=Experiment.objects.none(),
        empty_label=_("All experiments"),
    )

    def __init__(self, *args, praktijk: Praktijk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["experiment"].queryset = Experiment.objects.filter(praktijk=praktijk).order_by(
            "titel"
        )


class MantelzorgFormulierForm(forms.ModelForm):
    """Switch the public form on or off, and write its introduction."""

    class Meta:
        model = MantelzorgFormulier
        fields = ["is_open", "intro"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 5})}


class AntwoordForm(forms.Form):
    """The facilitator's reply to a carer who left an email address with consent."""

    tekst = forms.CharField(
        label=_("Your reply"),
        help_text=_("Sent once, by email, to the carer. Plain language helps."),
        max_length=TEKST_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

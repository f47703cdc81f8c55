from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from condities.models import INBRENG_MAX, Actie, Conditie, Deelnemer, OpenVraag, Sessie, Stelling
from condities.services.scherm import ACTIES
from config.forms import limit_length
from experimenten.models import Niveau
from netwerk.models import Organisatie

MANTELZORGER = "mantelzorger"


class SessieForm(forms.Form):
    titel = forms.CharField(label=_("Title"), max_length=200)
    datum = forms.DateField(
        label=_("Date"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    modus = forms.ChoiceField(
        label=_("How do you do it?"),
        choices=Sessie.Modus.choices,
        initial=Sessie.Modus.LIVE,
        widget=forms.RadioSelect,
    )
    condities = forms.MultipleChoiceField(
        label=_("Which conditions?"),
        choices=Conditie.choices,
        initial=Conditie.values,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Take all five, or the ones you want to look at this time."),
    )
    alleen_leden = forms.BooleanField(
        label=_("Members only"),
        required=False,
        help_text=_(
            "Only people with an account in this practice can join, after logging in. Then "
            "nobody can answer twice from another phone."
        ),
    )


class DeelnemersVerwijderenForm(forms.Form):
    """Which of the participants in a cluster of joins to remove, with their answers;
    `cleaned_data["deelnemers"]` holds the chosen participants themselves."""

    deelnemers = forms.TypedMultipleChoiceField(
        label=_("Participants to remove"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    zeker = forms.BooleanField(
        label=_("I am sure: remove these participants and everything they answered."),
    )

    def __init__(self, *args, deelnemers: list[Deelnemer], **kwargs):
        super().__init__(*args, **kwargs)
        self._per_pk = {d.pk: d for d in deelnemers}
        self.fields["deelnemers"].choices = [
            (
                d.pk,
                _("%(naam)s, joined at %(tijd)s, %(n)s answers")
                % {
                    "naam": d.naam or _("Anonymous"),
                    "tijd": timezone.localtime(d.created_at).strftime("%H:%M:%S"),
                    "n": d.aantal_antwoorden,
                },
            )
            for d in deelnemers
        ]

    def clean_deelnemers(self) -> list[Deelnemer]:
        return [self._per_pk[pk] for pk in self.cleaned_data["deelnemers"]]


class SchermActieForm(forms.Form):
    """A key or button on the room's screen or its control page."""

    actie = forms.ChoiceField(choices=[(a, a) for a in ACTIES])
    terug = forms.ChoiceField(choices=[("scherm", "scherm"), ("bediening", "bediening")])


class SluitenForm(forms.Form):
    """Closing cannot be undone: the facilitator confirms it (works without JavaScript)."""

    zeker = forms.BooleanField(
        label=_("I am sure: close it now. The answers can no longer change."),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=12,
        help_text=_("The code is on the screen in the room, or in the invitation."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).upper()


class JoinForm(forms.Form):
    """How a guest takes part: a name (or not) and whom they speak for."""

    naam = forms.CharField(
        label=_("Your name"),
        max_length=200,
        required=False,
        help_text=_("You may leave this empty: then you take part anonymously."),
    )
    organisatie = forms.ChoiceField(label=_("You take part for"))
    email = forms.EmailField(
        label=_("Email address for the summary"),
        required=False,
        help_text=_(
            "Optional. We only use it to send you the summary of this session, and do not keep it "
            "for anything else."
        ),
    )

    def __init__(self, *args, organisaties: list[Organisatie], **kwargs):
        super().__init__(*args, **kwargs)
        self.organisaties = {str(o.pk): o for o in organisaties}
        self.fields["organisatie"].choices = [
            ("", _("Choose…")),
            (MANTELZORGER, _("Carer or volunteer")),
            *[(str(o.pk), o.naam) for o in organisaties],
        ]

    def clean(self):
        data = super().clean()
        keuze = data.get("organisatie")
        data["mantelzorger"] = keuze == MANTELZORGER
        data["organisatie_obj"] = self.organisaties.get(keuze)
        return data


class RevealForm(forms.Form):
    conditie = forms.ChoiceField(choices=[("alle", _("All")), *Conditie.choices])

    def codes(self) -> list[str]:
        keuze = self.cleaned_data["conditie"]
        return list(Conditie.values) if keuze == "alle" else [keuze]


ACTIE_MAX = 1000


class ActieForm(forms.ModelForm):
    class Meta:
        model = Actie
        fields = ["conditie", "soort", "tekst", "wie", "wanneer"]
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 2, "maxlength": 1000}),
            "wanneer": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {"tekst": _("What")}

    def __init__(self, *args, condities: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["conditie"].choices = [c for c in Conditie.choices if c[0] in condities]
        self.fields["conditie"].required = True  # an action from a meeting may have none
        # Found in the review: setting max_length alone checked nothing (2 MiB was stored).
        limit_length(self.fields["tekst"], ACTIE_MAX)


class PapierForm(forms.Form):
    """Tallies from paper forms: per statement, how many chose 1–5 or “weet ik niet”."""

    formulieren = forms.IntegerField(
        label=_("Number of paper forms"), min_value=0, max_value=1000, initial=0
    )

    SCORE_LABELS = {0: _("don't know"), 1: "1", 2: "2", 3: "3", 4: "4", 5: "5"}

    def __init__(self, *args, stellingen, bestaand: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.stellingen = stellingen
        for stelling in stellingen:
            for score, label in self.SCORE_LABELS.items():
                self.fields[f"s{stelling.pk}_{score}"] = forms.IntegerField(
                    label=label,
                    min_value=0,
                    max_value=1000,
                    required=False,
                    initial=bestaand.get((stelling.pk, score), 0),
                )

    def rows(self):
        for stelling in self.stellingen:
            yield stelling, [self[f"s{stelling.pk}_{score}"] for score in self.SCORE_LABELS]

    def tellingen(self) -> dict[int, dict[int, int]]:
        return {
            stelling.pk: {
                score: self.cleaned_data.get(f"s{stelling.pk}_{score}") or 0
                for score in self.SCORE_LABELS
            }
            for stelling in self.stellingen
        }

    def clean(self):
        data = super().clean()
        formulieren = data.get("formulieren") or 0
        for stelling in self.stellingen:
            total = sum(data.get(f"s{stelling.pk}_{score}") or 0 for score in self.SCORE_LABELS)
            if total > formulieren:
                self.add_error(
                    None,
                    _("“%(stelling)s” has more tallies (%(total)s) than paper forms (%(n)s).")
                    % {"stelling": stelling.tekst, "total": total, "n": formulieren},
                )
        return data


class ActieExperimentForm(forms.Form):
    """Turn an agreed next step into a small experiment on one of the design questions."""

    ontwerpvraag = forms.ModelChoiceField(label=_("Design question"), queryset=None)
    titel = forms.CharField(label=_("Title"), max_length=200)
    doel = forms.CharField(
        label=_("What should be better for carers when this works?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    niveau = forms.ChoiceField(label=_("Level"), choices=Niveau.choices, widget=forms.RadioSelect)

    def __init__(self, *args, ontwerpvragen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ontwerpvraag"].queryset = ontwerpvragen


# The answer scale as posted: 1 to 5, and "?" for "weet ik niet".
ANTWOORD_WAARDEN = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "?": None}


class AntwoordenForm(forms.Form):
    """Answers posted from the questions page: `s<id>` fields, one per statement of the session.

    Any `s...` field that is not one of these statements, or a value off the scale, makes the
    whole post invalid: nothing of it is stored.
    """

    volgende = forms.CharField(required=False)

    def __init__(self, data, *, stellingen: list[Stelling]):
        super().__init__(data)
        self.stellingen = {str(s.pk): s for s in stellingen}

    def clean(self):
        data = super().clean()
        antwoorden = {}
        for key, value in self.data.items():
            if not key.startswith("s"):
                continue
            stelling = self.stellingen.get(key[1:])
            if stelling is None or value not in ANTWOORD_WAARDEN:
                raise forms.ValidationError(_("This answer is not part of this session."))
            antwoorden[stelling] = ANTWOORD_WAARDEN[value]
        data["antwoorden"] = antwoorden
        return data


class InbrengForm(forms.Form):
    """An open answer to one of a condition's questions: from a phone, or typed in from a paper
    sheet. Plain text on one line, at most INBRENG_MAX characters."""

    conditie = forms.ChoiceField(label=_("Condition"), choices=Conditie.choices)
    soort = forms.ChoiceField(label=_("Question"), choices=OpenVraag.Soort.choices)
    tekst = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Type your answer first.")},
    )

    def __init__(self, *args, condities: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["conditie"].choices = [c for c in Conditie.choices if c[0] in condities]
        limit_length(self.fields["tekst"], INBRENG_MAX)

    def clean_tekst(self) -> str:
        # One line of plain text: line breaks and control characters become single spaces.
        tekst = " ".join(
            "".join(c if c.isprintable() else " " for c in self.cleaned_data["tekst"]).split()
        )
        if not tekst:
            raise forms.ValidationError(_("Type your answer first."))
        return tekst


class InbrengActieForm(forms.Form):
    """The facilitator's step with an open answer: show it, hide it, merge it into another one
    on the screen (`doel`), or make it a point of the discussion."""

    actie = forms.ChoiceField(
        choices=[
            ("toon", "toon"),
            ("verberg", "verberg"),
            ("samenvoegen", "samenvoegen"),
            ("afspraak", "afspraak"),
        ]
    )
    doel = forms.IntegerField(label=_("Same as"), required=False, min_value=1)

    def clean(self):
        data = super().clean()
        if data.get("actie") == "samenvoegen" and not data.get("doel"):
            self.add_error("doel", _("Choose the answer it is the same as."))
        return data


class BijeenkomstSessieForm(forms.Form):
    """The workshop session held at a meeting, chosen from the practice's workshops."""

    sessie = forms.ModelChoiceField(
        label=_("The workshop session of this meeting"),
        queryset=Sessie.objects.none(),
        required=False,
        empty_label=_("No session"),
    )

    def __init__(self, *args, bijeenkomst, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from condities.selectors.sessies import werkvormen_for_bijeenkomst

        self.fields["sessie"].queryset = werkvormen_for_bijeenkomst(  # type: ignore[attr-defined]
            bijeenkomst=bijeenkomst
        )

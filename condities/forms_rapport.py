"""The form to edit a practice's statement set: 4 to 6 statements and two open questions each."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from condities.models import OpenVraag
from condities.selectors.stellingen import ConditieInhoud

MIN_STELLINGEN = 4
MAX_STELLINGEN = 6


class StellingForm(forms.Form):
    tekst = forms.CharField(max_length=300, required=False)


class BaseStellingenFormSet(forms.BaseFormSet):
    """A condition's statements: empty slots are ignored, so a cleared slot removes a statement."""

    def __init__(self, *args, conditie_label: str = "", **kwargs):
        self.conditie_label = conditie_label
        super().__init__(*args, **kwargs)
        for index, form in enumerate(self.forms, start=1):
            form.fields["tekst"].label = _("Statement %(n)s") % {"n": index}

    def teksten(self) -> list[str]:
        return [
            form.cleaned_data["tekst"]
            for form in self.forms
            if form.is_valid() and form.cleaned_data.get("tekst")
        ]

    def clean(self) -> None:
        if any(self.errors):
            return
        aantal = len(self.teksten())
        if not MIN_STELLINGEN <= aantal <= MAX_STELLINGEN:
            raise ValidationError(
                _("Give %(min)s to %(max)s statements for %(conditie)s; now there are %(aantal)s."),
                code="aantal",
                params={
                    "min": MIN_STELLINGEN,
                    "max": MAX_STELLINGEN,
                    "conditie": self.conditie_label,
                    "aantal": aantal,
                },
            )


StellingenFormSet = forms.formset_factory(
    StellingForm,
    formset=BaseStellingenFormSet,
    extra=0,
    max_num=MAX_STELLINGEN,
    absolute_max=MAX_STELLINGEN,
    validate_max=True,
)


class OpenVragenForm(forms.Form):
    goed = forms.CharField(label=_("Open question: what already goes well"), max_length=300)
    stap = forms.CharField(label=_("Open question: our next small step"), max_length=300)


class StellingensetForm:
    """Per condition a formset of statements and a form with its two open questions."""

    def __init__(self, data=None, *, inhoud: list[ConditieInhoud]):
        self.condities = []
        for conditie in inhoud:
            teksten = [s.tekst for s in conditie["stellingen"]][:MAX_STELLINGEN]
            initial = [{"tekst": t} for t in teksten]
            initial += [{"tekst": ""}] * (MAX_STELLINGEN - len(initial))
            self.condities.append(
                {
                    "code": conditie["code"],
                    "label": conditie["label"],
                    "stellingen": StellingenFormSet(
                        data,
                        prefix=conditie["code"],
                        initial=initial,
                        conditie_label=conditie["label"],
                    ),
                    "vragen": OpenVragenForm(
                        data,
                        prefix=f"{conditie['code']}-vragen",
                        initial={
                            soort: conditie[soort].tekst
                            for soort in OpenVraag.Soort.values
                            if conditie.get(soort)
                        },
                    ),
                }
            )

    def is_valid(self) -> bool:
        # Validate every part, so that all errors show at once.
        results = [c["stellingen"].is_valid() for c in self.condities]
        results += [c["vragen"].is_valid() for c in self.condities]
        return all(results)

    @property
    def fouten(self) -> list[dict]:
        """Every error with the field to jump to, for the summary at the top of the page."""
        fouten = []
        for conditie in self.condities:
            formset = conditie["stellingen"]
            for fout in formset.non_form_errors():
                fouten.append({"anker": f"{conditie['code']}-stellingen", "tekst": fout})
            for form in formset.forms:
                for fout in form.errors.get("tekst", []):
                    veld = form["tekst"]
                    fouten.append(
                        {
                            "anker": veld.id_for_label,
                            "tekst": f"{conditie['label']}, {veld.label}: {fout}",
                        }
                    )
            vragen = conditie["vragen"]
            for naam in vragen.fields:
                for fout in vragen.errors.get(naam, []):
                    veld = vragen[naam]
                    fouten.append(
                        {
                            "anker": veld.id_for_label,
                            "tekst": f"{conditie['label']}, {veld.label}: {fout}",
                        }
                    )
        return fouten

    def stellingen(self) -> dict[str, list[str]]:
        return {c["code"]: c["stellingen"].teksten() for c in self.condities}

    def open_vragen(self) -> dict[str, dict[str, str]]:
        return {c["code"]: dict(c["vragen"].cleaned_data) for c in self.condities}

"""Forms for a practice's actions: edit one, capture one from a meeting, change its status."""

from django import forms
from django.utils.translation import gettext_lazy as _

from condities.forms import ACTIE_MAX
from condities.models import Actie, Conditie
from condities.selectors.acties import eigenaren_for_praktijk
from config.forms import limit_length
from praktijken.models import Praktijk


class ActieBewerkenForm(forms.ModelForm):
    """What, who (a person of the practice's network), when and how far along."""

    class Meta:
        model = Actie
        fields = ["tekst", "eigenaar", "wanneer", "status", "conditie"]
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 3, "maxlength": ACTIE_MAX}),
            "wanneer": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {"tekst": _("What"), "wanneer": _("Due date")}

    def __init__(self, *args, praktijk: Praktijk, **kwargs):
        super().__init__(*args, **kwargs)
        # Only people of this practice's network: another practice's people are not offered and
        # not accepted (actie_update checks it once more).
        self.fields["eigenaar"].queryset = eigenaren_for_praktijk(praktijk=praktijk)
        self.fields["eigenaar"].label_from_instance = lambda p: f"{p.naam} ({p.organisatie.naam})"
        self.fields["conditie"].choices = [("", _("none")), *Conditie.choices]
        limit_length(self.fields["tekst"], ACTIE_MAX)


class ActieNieuwForm(ActieBewerkenForm):
    """A next step captured from a meeting's minutes; it starts open."""

    class Meta(ActieBewerkenForm.Meta):
        fields = ["tekst", "eigenaar", "wanneer", "conditie"]


class ActieStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Actie.Status.choices)


class ActieFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *Actie.Status.choices], required=False
    )

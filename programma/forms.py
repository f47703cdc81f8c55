"""Starting a practice in a programme, with the address of its first facilitator."""

from django import forms
from django.utils.translation import gettext_lazy as _

from config.forms import limit_length
from praktijken.models import Praktijk
from programma.services import SLUG_BEZET

AMBITIE_MAX = 2000


class PraktijkStartenForm(forms.ModelForm):
    """A new practice's name, short name in the address, municipality, core theme and
    ambition, and whom to invite as its first facilitator."""

    facilitator_email = forms.EmailField(
        label=_("Email address of the first facilitator"),
        max_length=254,
        help_text=_(
            "We send this person an invitation. They set up an account and run the practice."
        ),
    )
    facilitator_naam = forms.CharField(label=_("Name of the first facilitator"), max_length=200)

    class Meta:
        model = Praktijk
        fields = ["naam", "slug", "gemeente", "kernthema", "ambitie"]
        help_texts = {
            "slug": _(
                "Lower-case letters, digits and hyphens, for example “leusden”. The practice's "
                "address becomes /p/leusden/. It cannot be changed later."
            ),
        }
        error_messages = {
            "slug": {
                "unique": SLUG_BEZET,
            },
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        limit_length(self.fields["ambitie"], AMBITIE_MAX)
        self.fields["ambitie"].widget.attrs["rows"] = "4"

    def clean_slug(self) -> str:
        return self.cleaned_data["slug"].strip().lower()

    def clean_facilitator_email(self) -> str:
        return self.cleaned_data["facilitator_email"].strip().lower()


class FacilitatorUitnodigenForm(forms.Form):
    """Whom to invite as the first facilitator of a practice of the programme."""

    email = forms.EmailField(
        label=_("Email address of the first facilitator"),
        max_length=254,
        help_text=_(
            "We send this person an invitation. They set up an account and run the practice."
        ),
    )
    naam = forms.CharField(label=_("Name of the first facilitator"), max_length=200)

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

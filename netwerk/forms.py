from django import forms
from django.utils.translation import gettext_lazy as _

from config.forms import limit_text_fields
from netwerk import selectors
from netwerk.models import Afspraak, Deelname, Groep, Levensdomein, Organisatie, Persoon
from praktijken.models import Praktijk

ZOEK_MAX = 200


class DeelnameNieuwForm(forms.Form):
    """Add an organisation to the core or design group: an existing one, or a new one by name."""

    organisatie = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisatie.objects.all(),
        required=False,
        empty_label=_("– a new organisation –"),
        help_text=_(
            "Choose an organisation, or leave this empty and fill in a new one below. An "
            "organisation of another practice is added as your own entry, without its people."
        ),
    )
    nieuwe_naam = forms.CharField(
        label=_("Name of the new organisation"), max_length=200, required=False
    )
    nieuwe_soort = forms.ChoiceField(
        label=_("Kind of the new organisation"),
        choices=[("", "–"), *Organisatie.Soort.choices],
        required=False,
    )
    groep = forms.ChoiceField(label=_("Group"), choices=Groep.choices)
    belangen = forms.CharField(
        label=_("Interests"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=Deelname._meta.get_field("belangen").help_text,
    )
    bijdrage = forms.CharField(
        label=_("Contribution"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("What does the organisation bring to the collaboration?"),
    )
    tijdsinvestering = forms.CharField(
        label=_("Time investment"),
        max_length=200,
        required=False,
        help_text=Deelname._meta.get_field("tijdsinvestering").help_text,
    )

    def __init__(self, *args, praktijk: Praktijk, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.praktijk = praktijk
        # Any original entry validates (so adding one twice gets a clear message), but the list
        # only offers those this practice has not added yet. Another practice's organisation joins
        # as this practice's own copy (services.organisatie_join).
        field = self.fields["organisatie"]
        field.queryset = Organisatie.objects.filter(bron__isnull=True)
        field.widget.choices = [("", field.empty_label)] + [
            (o.pk, o.naam)
            for o in selectors.organisaties_to_add(praktijk=praktijk).only("pk", "naam")
        ]
        limit_text_fields(self)

    def clean(self) -> dict:
        data = super().clean()
        organisatie = data.get("organisatie")
        naam = (data.get("nieuwe_naam") or "").strip()
        if organisatie and naam:
            self.add_error(
                "nieuwe_naam",
                _("Choose an existing organisation or fill in a new one, not both."),
            )
        elif organisatie:
            if selectors.organisatie_taking_part(praktijk=self.praktijk, organisatie=organisatie):
                self.add_error("organisatie", _("This organisation already takes part."))
        elif naam:
            if not data.get("nieuwe_soort"):
                self.add_error("nieuwe_soort", _("Choose the kind of organisation."))
            if (
                selectors.organisaties_for_praktijk(praktijk=self.praktijk)
                .filter(naam__iexact=naam)
                .exists()
            ):
                self.add_error(
                    "nieuwe_naam",
                    _("An organisation with this name already takes part."),
                )
        elif "organisatie" not in self.errors:
            self.add_error(
                "organisatie", _("Choose an organisation or fill in the name of a new one.")
            )
        return data


class DeelnameForm(forms.ModelForm):
    """Change an organisation's group, interests, contribution and time."""

    class Meta:
        model = Deelname
        fields = ["groep", "belangen", "bijdrage", "tijdsinvestering"]
        widgets = {
            "belangen": forms.Textarea(attrs={"rows": 3}),
            "bijdrage": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        limit_text_fields(self)


class BelangenForm(forms.Form):
    """An organisation's interests as its own members state them."""

    belangen = forms.CharField(
        label=_("What does your organisation want to get out of the collaboration?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    bijdrage = forms.CharField(
        label=_("What does your organisation contribute?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    tijdsinvestering = forms.CharField(
        label=_("How much time can your organisation invest?"),
        help_text=_("E.g. “4 hours a month”."),
        required=False,
        max_length=200,
    )
    verwachting = forms.CharField(
        label=_("What does your own organisation expect of you in return?"),
        help_text=_("What your manager or board wants to see from it."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        limit_text_fields(self)


class AfspraakForm(forms.ModelForm):
    """A working agreement: its topic, what we agree, and who does it."""

    class Meta:
        model = Afspraak
        fields = ["onderwerp", "afspraak", "wie"]
        widgets = {"afspraak": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        limit_text_fields(self)


class OrganisatieForm(forms.ModelForm):
    """An organisation's entry on the social map."""

    levensdomeinen = forms.MultipleChoiceField(
        label=_("Domains of life"),
        choices=Levensdomein.Code.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Organisatie
        fields = [
            "naam",
            "soort",
            "beschrijving",
            "levensdomeinen",
            "telefoon",
            "email",
            "website",
            "straat",
            "postcode",
            "plaats",
            "wijken",
        ]
        widgets = {"beschrijving": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["levensdomeinen"] = [d.code for d in self.instance.levensdomeinen.all()]
        limit_text_fields(self)

    def clean_wijken(self) -> str:
        return ", ".join(w.strip() for w in self.cleaned_data["wijken"].split(",") if w.strip())


class PersoonForm(forms.ModelForm):
    """A contact person: how to reach them and what to call them for."""

    class Meta:
        model = Persoon
        fields = [
            "naam",
            "functie",
            "telefoon",
            "email",
            "expertise",
            "bel_mij_voor",
            "is_contactpersoon",
        ]
        widgets = {"bel_mij_voor": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        limit_text_fields(self)


class KaartZoekForm(forms.Form):
    """The social map's search: free text plus kind, domain of life and neighbourhood."""

    q = forms.CharField(
        label=_("Search"),
        max_length=ZOEK_MAX,
        required=False,
        help_text=_("A name, a function or what you need, e.g. “district nurse” or “respite”."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={
            "max_length": _(
                "Use at most %(limit_value)d characters to search (you used %(show_value)d)."
            )
        },
    )
    soort = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("All kinds")), *Organisatie.Soort.choices],
        required=False,
    )
    domein = forms.ChoiceField(
        label=_("Domain of life"),
        choices=[("", _("All domains")), *Levensdomein.Code.choices],
        required=False,
    )
    wijk = forms.ChoiceField(label=_("Neighbourhood"), required=False)

    def __init__(self, *args, wijken: list[str], live_url: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = [("", _("All neighbourhoods"))] + [(w, w) for w in wijken]
        if live_url:
            # Live results with htmx; without JavaScript the form's own button does the same.
            for name, trigger in [
                ("q", "input changed delay:300ms, search"),
                ("soort", "change"),
                ("domein", "change"),
                ("wijk", "change"),
            ]:
                self.fields[name].widget.attrs.update(
                    {
                        "hx-get": live_url,
                        "hx-trigger": trigger,
                        "hx-target": "#kaart-resultaten",
                        "hx-include": "closest form",
                        "hx-push-url": "true",
                    }
                )

    def filters(self) -> dict[str, str]:
        """The valid filters, for the selector; empty when the form is invalid."""
        if not self.is_valid():
            return {}
        return {
            name: self.cleaned_data.get(name) or "" for name in ["q", "soort", "domein", "wijk"]
        }

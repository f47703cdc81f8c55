"""The form a facilitator sends a check-in out with: what to ask, and to whom."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from condities.models import Conditie, Stelling
from config.forms import BoundedModelMultipleChoiceField
from netwerk.models import Persoon, User


class OntvangerField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.name} ({obj.email})" if obj.name else obj.email


# A check-in closes at the latest this long after it is sent.
MAX_LOOPTIJD = datetime.timedelta(days=90)
MAX_HERINNERINGEN = 3


def _standaard_sluit_op() -> datetime.datetime:
    """Two weeks from today, at five in the afternoon."""
    dag = timezone.localdate() + datetime.timedelta(days=14)
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(17, 0)))


class PersoonField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj: Persoon) -> str:
        return f"{obj.naam} ({obj.email})"


class CheckinForm(forms.Form):
    """Title, date, conditions, an optional short subset of statements, reminder and recipients.

    The subset is one field per condition (`stellingen_<code>`); per condition: nothing ticked
    asks all of its statements, some ticked asks only those.
    """

    titel = forms.CharField(label=_("Title"), max_length=200)
    datum = forms.DateField(
        label=_("Date"),
        initial=timezone.localdate,
        # A date input only understands ISO dates, whatever the language.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    condities = forms.MultipleChoiceField(
        label=_("Which conditions?"),
        choices=Conditie.choices,
        initial=Conditie.values,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Take all five, or the ones you want to look at this time."),
    )
    sluit_op = forms.DateTimeField(
        label=_("Closes on"),
        initial=_standaard_sluit_op,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_(
            "After this moment nobody can answer any more and the check-in closes by itself. "
            "At most 90 days from now."
        ),
    )
    herinneringen_aantal = forms.IntegerField(
        label=_("How many reminders?"),
        min_value=0,
        max_value=MAX_HERINNERINGEN,
        initial=2,
        help_text=_(
            "Whoever has not finished gets at most this many reminders, also who started but "
            "did not finish. From 0 to 3."
        ),
    )
    herinnering_na_dagen = forms.IntegerField(
        label=_("How many days between reminders?"),
        min_value=1,
        max_value=30,
        initial=7,
        help_text=_(
            "The first reminder goes this many days after the invitation, each next one this "
            "many days after the last. Never after the check-in closed. From 1 to 30 days."
        ),
    )
    ontvangers = OntvangerField(
        label=_("Who gets the check-in?"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Everybody with an account in this practice. Untick whom you want to skip."),
    )
    personen = PersoonField(
        label=_("People on the social map"),
        queryset=Persoon.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Everyone with an e-mail address at the organisations of this practice, per "
            "organisation. They need no account: the personal link is enough. Someone who also "
            "has an account above gets the check-in once."
        ),
    )

    def __init__(self, *args, stellingen: list[Stelling], ontvangers, personen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.per_conditie: dict[str, list[Stelling]] = {}
        for stelling in stellingen:
            self.per_conditie.setdefault(stelling.conditie, []).append(stelling)
        ontvangers_field = self.fields.pop("ontvangers")
        personen_field = self.fields.pop("personen")
        for code, label in Conditie.choices:
            if code not in self.per_conditie:
                continue
            self.fields[f"stellingen_{code}"] = forms.TypedMultipleChoiceField(
                label=_("Statements about %(conditie)s") % {"conditie": label},
                choices=[(s.pk, s.tekst) for s in self.per_conditie[code]],
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Tick none to ask all of them, or tick a few for a short check-in."),
            )
        # The recipients come last, after what is asked.
        ontvangers_field.queryset = ontvangers
        ontvangers_field.initial = [user.pk for user in ontvangers]
        self.fields["ontvangers"] = ontvangers_field
        if personen is not None:
            personen_field.queryset = personen
            # Shown per organisation; the queryset (ordered by organisation) still validates.
            groepen: dict[int, tuple[str, list[tuple[int, str]]]] = {}
            for persoon in personen:
                groepen.setdefault(persoon.organisatie_id, (persoon.organisatie.naam, []))[
                    1
                ].append((persoon.pk, personen_field.label_from_instance(persoon)))
            personen_field.widget.choices = list(groepen.values())
            self.fields["personen"] = personen_field

    @property
    def stelling_velden(self) -> list:
        return [self[f"stellingen_{code}"] for code in self.per_conditie]

    @property
    def stellingen_fout(self) -> bool:
        return any(veld.errors for veld in self.stelling_velden)

    def clean(self):
        data = super().clean()
        gekozen = set(data.get("condities") or [])
        chosen: list[Stelling] = []
        for code, stellingen in self.per_conditie.items():
            ids = set(data.get(f"stellingen_{code}") or [])
            if ids and code not in gekozen:
                self.add_error(
                    f"stellingen_{code}",
                    _("Tick this condition under “Which conditions?” too, or untick these."),
                )
                continue
            if code in gekozen:
                chosen += [s for s in stellingen if s.pk in ids] if ids else stellingen
        # Nothing ticked anywhere: the check-in asks everything of its conditions (an empty set).
        any_ticked = any(data.get(f"stellingen_{code}") for code in self.per_conditie)
        data["stellingen"] = chosen if any_ticked else []
        sluit_op = data.get("sluit_op")
        if sluit_op is not None:
            now = timezone.now()
            if sluit_op <= now:
                self.add_error("sluit_op", _("Choose a moment in the future."))
            elif sluit_op > now + MAX_LOOPTIJD:
                self.add_error("sluit_op", _("Choose a moment at most 90 days from now."))
        if (
            "ontvangers" in data
            and "personen" not in self.errors
            and not data.get("ontvangers")
            and not data.get("personen")
        ):
            self.add_error("ontvangers", _("Choose at least one person."))
        return data

"""Forms for members and invitations: invite someone, change a role, set up an account."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from netwerk.models import Uitnodiging, User
from netwerk.selectors import organisaties_for_praktijk
from praktijken.models import Praktijk, Rol

# Django 6.1 reworded this validator message and its own Dutch catalogue does not have the new
# wording yet; naming it here puts it in our catalogue, which Django's validator then uses.
PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    8,
)


class UitnodigenForm(forms.Form):
    """Whom to invite, with which role, and for which organisation."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("The invitation goes to this address. The person logs in with it."),
    )
    naam = forms.CharField(label=_("Name"), max_length=200)
    rol = forms.ChoiceField(
        label=_("Role"),
        choices=Rol.choices,
        initial=Rol.LID,
        widget=forms.RadioSelect,
        help_text=_(
            "Member: views the practice and edits their own organisation. "
            "Core group member: also edits experiments, meetings and agreements. "
            "Facilitator: manages everything, also the members."
        ),
    )
    organisatie = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        required=False,
        empty_label=_("No organisation"),
        help_text=_(
            "The organisation this person works for. They can then edit its entry "
            "in the social map."
        ),
    )

    def __init__(self, *args, praktijk: Praktijk, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = organisaties_for_praktijk(praktijk=praktijk).order_by(
            "naam"
        )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class LidRolForm(forms.Form):
    """Another role for one member."""

    rol = forms.ChoiceField(label=_("Role"), choices=Rol.choices)


class AccountForm(forms.Form):
    """Set up an account from an invitation: a name, and a password unless logging in by code."""

    WACHTWOORD = "wachtwoord"
    CODE = "code"

    naam = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("Others in the practice see this name."),
    )
    password1 = forms.CharField(
        label=_("Password"),
        max_length=128,
        error_messages={"required": _("Choose a password, or log in with a code.")},
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only digits and not too common."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, uitnodiging: Uitnodiging, methode: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.uitnodiging = uitnodiging
        self.methode = methode if methode in (self.WACHTWOORD, self.CODE) else self.WACHTWOORD
        self.fields["naam"].initial = uitnodiging.naam
        self.fields["naam"].widget.attrs["autocomplete"] = "name"
        if self.methode == self.CODE:
            # Logging in by code: whatever is in the password fields is ignored.
            self.fields["password1"].required = False
            self.fields["password2"].required = False

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.methode == self.CODE:
            for field in ("password1", "password2"):
                self._errors.pop(field, None)
            cleaned["password1"] = None
            return cleaned
        password1 = cleaned.get("password1")
        password2 = cleaned.get("password2")
        if not password1 or not password2:
            return cleaned
        if password1 != password2:
            self.add_error("password2", _("The two passwords are not the same."))
            return cleaned
        kandidaat = User(email=self.uitnodiging.email, name=cleaned.get("naam", ""))
        try:
            password_validation.validate_password(password1, user=kandidaat)
        except forms.ValidationError as error:
            self.add_error("password1", error)
        return cleaned

"""Strings that Django and allauth show on our pages, listed here so that `makemessages` keeps
them in our Dutch catalogue, which goes before theirs (LOCALE_PATHS):

- Django 6.1's empty choice of a select, which its Dutch catalogue lacks;
- allauth's login-by-code texts, which say "aanmeldcode" and "aanmelden" where our pages say
  "inlogcode" and "inloggen".

Nothing imports this module; it only holds the source strings.
"""

from django.utils.translation import gettext_noop

STRINGS = [
    # django.db.models.fields.BLANK_CHOICE_LABEL
    gettext_noop("- Select an option -"),
    # allauth: account/request_login_code.html, confirm_login_code.html, login_code_subject.txt,
    # messages/login_code_sent.txt, messages/logged_out.txt
    gettext_noop("Sign In"),
    gettext_noop("Send me a sign-in code"),
    gettext_noop("You will receive a special code for a password-free sign-in."),
    gettext_noop("Request Code"),
    gettext_noop("Other sign-in options"),
    gettext_noop("Enter Sign-In Code"),
    gettext_noop("Sign-In Code"),
    gettext_noop("A sign-in code has been sent to %(recipient)s."),
    gettext_noop("You have signed out."),
]

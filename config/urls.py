from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language

from config import converters
from config.errors import not_offered
from config.health import healthz

# `<code:...>` and `<token:...>` for every app's URLconf, before the includes load them.
converters.register()

urlpatterns = [
    # First: a participant's every click resolves here (condities.urls.deelname_patterns).
    path("", include("condities.urls")),
    path("", include("overzicht.urls")),
    path("", include("praktijken.urls")),
    path("", include("begrippen.urls")),
    path("", include("netwerk.urls")),
    path("", include("experimenten.urls")),
    path("", include("mantelzorg.urls")),
    path("", include("programma.urls")),
    path("", include("bibliotheek.urls")),
    path("", include("relaties.urls")),
    # allauth's e-mail management (adding addresses, sending verification mails anywhere) is not
    # part of the product: a member's address is the one they were invited with.
    path("accounts/email/", not_offered, name="account_email_closed"),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("healthz/", healthz, name="healthz"),
    # Staff log in through the same page as everyone, with its attempt limits; the admin's own
    # login form has none.
    path(
        "admin/login/",
        login_not_required(RedirectView.as_view(pattern_name="account_login", query_string=True)),
        name="admin_login_limited",
    ),
    path("admin/", admin.site.urls),
]

# A clean 503 page (templates/503.html) when the database is unreachable; 500 otherwise.
handler500 = "config.errors.server_error"

from django.urls import include, path

from condities import (
    views,
    views_acties,
    views_checkin,
    views_doe_mee,
    views_rapport,
    views_scherm,
)

app_name = "condities"

# The participant's side: public, by join code. First of all the project's URLs (config/urls.py)
# and under one prefix, so that the requests of a room full of phones are resolved after a few
# patterns, not after every page of the app (issue #13).
deelname_patterns = [
    path("", views_doe_mee.doe_mee, name="doe_mee"),
    path("<code:code>/antwoord/", views_doe_mee.antwoord, name="antwoord"),
    path("<code:code>/vragen/", views_doe_mee.vragen, name="vragen"),
    path("<code:code>/", views_doe_mee.doe_mee_code, name="doe_mee_code"),
    path("<code:code>/stap/", views_doe_mee.stap, name="stap"),
    path("<code:code>/gesprek/", views_doe_mee.gesprek, name="gesprek"),
    path("<code:code>/inbreng/", views_doe_mee.inbreng, name="inbreng"),
    path("<code:code>/stem/<int:inbreng_pk>/", views_doe_mee.stem, name="stem"),
    path("<code:code>/klaar/", views_doe_mee.klaar, name="klaar"),
]

urlpatterns = [
    path("doe-mee/", include(deelname_patterns)),
    # The facilitator's side, inside a practice.
    path("p/<slug:slug>/sessies/", views.sessies, name="sessies"),
    # A practice's actions, wherever they were agreed.
    path("p/<slug:slug>/acties/", views_acties.acties, name="acties"),
    path("p/<slug:slug>/mijn-acties/", views_acties.mijn_acties, name="mijn_acties"),
    path(
        "p/<slug:slug>/acties/<int:actie_pk>/bewerken/",
        views_acties.actie_bewerken,
        name="actie_bewerken",
    ),
    path(
        "p/<slug:slug>/acties/<int:actie_pk>/verwijderen/",
        views_acties.actie_verwijderen,
        name="actie_verwijderen",
    ),
    path(
        "p/<slug:slug>/acties/<int:actie_pk>/status/",
        views_acties.actie_status,
        name="actie_status",
    ),
    path(
        "p/<slug:slug>/bijeenkomsten/<int:pk>/actie/",
        views_acties.bijeenkomst_actie_nieuw,
        name="bijeenkomst_actie_nieuw",
    ),
    path("p/<slug:slug>/sessies/nieuw/", views.sessie_nieuw, name="sessie_nieuw"),
    path("p/<slug:slug>/sessies/<int:pk>/", views.sessie_detail, name="sessie_detail"),
    path(
        "p/<slug:slug>/bijeenkomsten/<int:pk>/sessie/",
        views.bijeenkomst_sessie,
        name="bijeenkomst_sessie",
    ),
    path("p/<slug:slug>/sessies/<int:pk>/openen/", views.sessie_openen, name="sessie_openen"),
    path("p/<slug:slug>/sessies/<int:pk>/sluiten/", views.sessie_sluiten, name="sessie_sluiten"),
    path("p/<slug:slug>/sessies/<int:pk>/presentatie/", views.presentatie, name="presentatie"),
    path(
        "p/<slug:slug>/sessies/<int:pk>/presentatie/live/",
        views.presentatie_live,
        name="presentatie_live",
    ),
    path("p/<slug:slug>/sessies/<int:pk>/onthullen/", views.onthullen, name="onthullen"),
    path("p/<slug:slug>/sessies/<int:pk>/scherm/", views_scherm.scherm, name="scherm"),
    path("p/<slug:slug>/sessies/<int:pk>/bediening/", views_scherm.bediening, name="bediening"),
    path(
        "p/<slug:slug>/sessies/<int:pk>/scherm/actie/",
        views_scherm.scherm_actie,
        name="scherm_actie",
    ),
    path(
        "p/<slug:slug>/sessies/<int:pk>/inbreng/<int:inbreng_pk>/",
        views_scherm.inbreng_actie,
        name="inbreng_actie",
    ),
    path(
        "p/<slug:slug>/sessies/<int:pk>/inbreng/papier/",
        views_scherm.inbreng_papier,
        name="inbreng_papier",
    ),
    path("p/<slug:slug>/sessies/<int:pk>/qr.svg", views.qr, name="qr"),
    path("p/<slug:slug>/sessies/<int:pk>/acties/", views.actie_nieuw, name="actie_nieuw"),
    path(
        "p/<slug:slug>/sessies/<int:pk>/acties/<int:actie_pk>/experiment/",
        views.actie_experiment,
        name="actie_experiment",
    ),
    path("p/<slug:slug>/sessies/<int:pk>/papier/", views.papier, name="papier"),
    path(
        "p/<slug:slug>/sessies/<int:pk>/deelnemers/verwijderen/",
        views.deelnemers_verwijderen,
        name="deelnemers_verwijderen",
    ),
    path("p/<slug:slug>/sessies/<int:pk>/formulier/", views.formulier, name="formulier"),
]

# Reports, exports and statement sets (views_rapport): readable by every member of the practice.
urlpatterns += [
    path("p/<slug:slug>/condities/", views_rapport.praktijk_rapport, name="praktijk_rapport"),
    path(
        "p/<slug:slug>/condities/export.csv",
        views_rapport.praktijk_export_csv,
        name="praktijk_export_csv",
    ),
    path(
        "p/<slug:slug>/condities/export.xlsx",
        views_rapport.praktijk_export_xlsx,
        name="praktijk_export_xlsx",
    ),
    path("p/<slug:slug>/condities/stellingen/", views_rapport.stellingen, name="stellingen"),
    path(
        "p/<slug:slug>/condities/stellingen/bewerken/",
        views_rapport.stellingen_bewerken,
        name="stellingen_bewerken",
    ),
    path(
        "p/<slug:slug>/sessies/<int:pk>/verslag/",
        views_rapport.sessie_rapport,
        name="sessie_rapport",
    ),
    path(
        "p/<slug:slug>/sessies/<int:pk>/export.csv",
        views_rapport.sessie_export_csv,
        name="sessie_export_csv",
    ),
    path(
        "p/<slug:slug>/sessies/<int:pk>/export.xlsx",
        views_rapport.sessie_export_xlsx,
        name="sessie_export_xlsx",
    ),
]

# Check-ins between sessions (views_checkin): sent by a facilitator, answered by personal link.
urlpatterns += [
    path("p/<slug:slug>/checkins/nieuw/", views_checkin.checkin_nieuw, name="checkin_nieuw"),
    path(
        "p/<slug:slug>/checkins/<int:pk>/respons/",
        views_checkin.checkin_respons,
        name="checkin_respons",
    ),
    path(
        "p/<slug:slug>/checkins/<int:pk>/herinneren/",
        views_checkin.checkin_herinneren,
        name="checkin_herinneren",
    ),
    path("checkin/<token:token>/", views_checkin.checkin_link, name="checkin_link"),
]

from django.urls import path

from experimenten import views, views_indicatoren

app_name = "experimenten"

urlpatterns = [
    path("p/<slug:slug>/experimenten/", views.lijst, name="lijst"),
    path("p/<slug:slug>/experimenten/nieuw/", views.nieuw, name="nieuw"),
    path("p/<slug:slug>/experimenten/<int:pk>/", views.detail, name="detail"),
    path("p/<slug:slug>/experimenten/<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("p/<slug:slug>/experimenten/<int:pk>/stappen/nieuw/", views.stap_nieuw, name="stap_nieuw"),
    path(
        "p/<slug:slug>/experimenten/<int:pk>/opbrengsten/nieuw/",
        views.opbrengst_nieuw,
        name="opbrengst_nieuw",
    ),
    path("p/<slug:slug>/experimenten/<int:pk>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("p/<slug:slug>/experimenten/<int:pk>/delen/", views.delen, name="delen"),
    path(
        "p/<slug:slug>/experimenten/<int:pk>/opbrengsten/<int:opbrengst_pk>/delen/",
        views.opbrengst_delen,
        name="opbrengst_delen",
    ),
    path(
        "p/<slug:slug>/experimenten/<int:pk>/indicatoren/nieuw/",
        views_indicatoren.indicator_nieuw,
        name="indicator_nieuw",
    ),
    path(
        "p/<slug:slug>/experimenten/<int:pk>/indicatoren/<int:indicator_pk>/bewerken/",
        views_indicatoren.indicator_bewerken,
        name="indicator_bewerken",
    ),
    path(
        "p/<slug:slug>/experimenten/<int:pk>/indicatoren/<int:indicator_pk>/verwijderen/",
        views_indicatoren.indicator_verwijderen,
        name="indicator_verwijderen",
    ),
    path(
        "p/<slug:slug>/experimenten/<int:pk>/indicatoren/<int:indicator_pk>/metingen/nieuw/",
        views_indicatoren.meting_nieuw,
        name="meting_nieuw",
    ),
    path(
        "p/<slug:slug>/experimenten/<int:pk>/indicatoren/<int:indicator_pk>/metingen/"
        "<int:meting_pk>/verwijderen/",
        views_indicatoren.meting_verwijderen,
        name="meting_verwijderen",
    ),
]

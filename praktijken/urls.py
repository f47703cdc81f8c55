from django.urls import path

from praktijken import views

app_name = "praktijken"

urlpatterns = [
    path("p/<slug:slug>/bewerken/", views.bewerken, name="bewerken"),
    path("p/<slug:slug>/bijeenkomsten/", views.bijeenkomsten, name="bijeenkomsten"),
    path("p/<slug:slug>/bijeenkomsten/nieuw/", views.bijeenkomst_nieuw, name="bijeenkomst_nieuw"),
    path(
        "p/<slug:slug>/bijeenkomsten/<int:pk>/",
        views.bijeenkomst_detail,
        name="bijeenkomst_detail",
    ),
    path(
        "p/<slug:slug>/bijeenkomsten/<int:pk>/bewerken/",
        views.bijeenkomst_bewerken,
        name="bijeenkomst_bewerken",
    ),
    path(
        "p/<slug:slug>/bijeenkomsten/<int:pk>/afzeggen/",
        views.bijeenkomst_afzeggen,
        name="bijeenkomst_afzeggen",
    ),
    path(
        "p/<slug:slug>/bijeenkomsten/<int:pk>/agenda.ics",
        views.bijeenkomst_ics_view,
        name="bijeenkomst_ics",
    ),
    path("p/<slug:slug>/ontwerpvragen/nieuw/", views.ontwerpvraag_nieuw, name="ontwerpvraag_nieuw"),
    path(
        "p/<slug:slug>/ontwerpvragen/<int:pk>/bewerken/",
        views.ontwerpvraag_bewerken,
        name="ontwerpvraag_bewerken",
    ),
    path("p/<slug:slug>/verhalen/", views.verhalen, name="verhalen"),
    path("p/<slug:slug>/verhalen/nieuw/", views.verhaal_nieuw, name="verhaal_nieuw"),
    path(
        "p/<slug:slug>/verhalen/<int:pk>/bewerken/",
        views.verhaal_bewerken,
        name="verhaal_bewerken",
    ),
    path("p/<slug:slug>/verhalen/<int:pk>/delen/", views.verhaal_delen, name="verhaal_delen"),
]

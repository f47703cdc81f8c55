"""Carers' feedback: the public form, the facilitators' inbox, the members' view."""

from django.urls import path

from mantelzorg import views

app_name = "mantelzorg"

urlpatterns = [
    path("p/<slug:slug>/mantelzorg/", views.formulier, name="formulier"),
    path("p/<slug:slug>/mantelzorg/bedankt/", views.bedankt, name="bedankt"),
    path("p/<slug:slug>/mantelzorg/inbox/", views.inbox, name="inbox"),
    path(
        "p/<slug:slug>/mantelzorg/inbox/<int:pk>/",
        views.reactie_detail,
        name="reactie",
    ),
    path(
        "p/<slug:slug>/mantelzorg/inbox/<int:pk>/contact-verwijderen/",
        views.contact_verwijderen,
        name="contact_verwijderen",
    ),
    path(
        "p/<slug:slug>/mantelzorg/inbox/<int:pk>/beantwoorden/",
        views.beantwoorden,
        name="beantwoorden",
    ),
    path(
        "p/<slug:slug>/mantelzorg/instellingen/",
        views.instellingen,
        name="instellingen",
    ),
    path(
        "p/<slug:slug>/mantelzorg/overzicht/",
        views.overzicht,
        name="overzicht",
    ),
    path(
        "p/<slug:slug>/mantelzorg/export.csv",
        views.export_csv,
        name="export_csv",
    ),
    path(
        "p/<slug:slug>/mantelzorg/export.xlsx",
        views.export_xlsx,
        name="export_xlsx",
    ),
]

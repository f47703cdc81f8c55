from django.urls import path

from programma import views

app_name = "programma"

urlpatterns = [
    path("programma/<slug:slug>/", views.overzicht, name="overzicht"),
    path(
        "programma/<slug:slug>/praktijk-starten/", views.praktijk_starten, name="praktijk_starten"
    ),
    path(
        "programma/<slug:slug>/p/<slug:praktijk>/facilitator-uitnodigen/",
        views.facilitator_uitnodigen,
        name="facilitator_uitnodigen",
    ),
]

from django.urls import path

from begrippen import views

app_name = "begrippen"

urlpatterns = [
    path("p/<slug:slug>/begrippen/", views.woordenlijst, name="woordenlijst"),
    path("p/<slug:slug>/begrippen/lijst/", views.lijst, name="lijst"),
    path("p/<slug:slug>/begrippen/voorstellen/", views.voorstellen, name="voorstellen"),
    path("p/<slug:slug>/begrippen/<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("p/<slug:slug>/begrippen/<int:pk>/verwijderen/", views.verwijderen, name="verwijderen"),
]

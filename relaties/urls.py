"""The relationship round: the facilitator's pages, the network per round, the personal link."""

from django.urls import path

from relaties import views, views_belangen

app_name = "relaties"

urlpatterns = [
    path("p/<slug:slug>/relaties/", views.rondes, name="rondes"),
    path("p/<slug:slug>/relaties/nieuw/", views.ronde_nieuw, name="ronde_nieuw"),
    path("p/<slug:slug>/relaties/<int:pk>/", views.netwerk, name="netwerk"),
    path("p/<slug:slug>/relaties/<int:pk>/scherm/", views.scherm, name="scherm"),
    path("p/<slug:slug>/relaties/<int:pk>/respons/", views.respons, name="respons"),
    path("p/<slug:slug>/relaties/<int:pk>/herinneren/", views.herinneren, name="herinneren"),
    path("p/<slug:slug>/relaties/<int:pk>/sluiten/", views.sluiten, name="sluiten"),
    path("p/<slug:slug>/relaties/<int:pk>/banden.csv", views.export_csv, name="export_csv"),
    path(
        "p/<slug:slug>/relaties/<int:pk>/banden.graphml",
        views.export_graphml,
        name="export_graphml",
    ),
    path("relatieronde/<token:token>/", views.invullen, name="invullen"),
    # The interests round (belangenronde): the same machinery, another question.
    path("p/<slug:slug>/belangenrondes/", views_belangen.belangenrondes, name="belangenrondes"),
    path(
        "p/<slug:slug>/belangenrondes/nieuw/",
        views_belangen.belangenronde_nieuw,
        name="belangenronde_nieuw",
    ),
    path(
        "p/<slug:slug>/belangenrondes/<int:pk>/",
        views_belangen.belangenronde,
        name="belangenronde",
    ),
    path(
        "p/<slug:slug>/belangenrondes/<int:pk>/herinneren/",
        views_belangen.belangenronde_herinneren,
        name="belangenronde_herinneren",
    ),
    path(
        "p/<slug:slug>/belangenrondes/<int:pk>/sluiten/",
        views_belangen.belangenronde_sluiten,
        name="belangenronde_sluiten",
    ),
    path(
        "belangenronde/<token:token>/",
        views_belangen.belangen_invullen,
        name="belangen_invullen",
    ),
]

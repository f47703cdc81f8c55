from django.urls import path

from netwerk import views, views_belangen, views_bijeenkomst, views_leden

app_name = "netwerk"

urlpatterns = [
    path(
        "p/<slug:slug>/bijeenkomsten/<int:pk>/mensen/",
        views_bijeenkomst.bijeenkomst_mensen,
        name="bijeenkomst_mensen",
    ),
    path(
        "p/<slug:slug>/bijeenkomsten/<int:pk>/uitnodigen/",
        views_bijeenkomst.bijeenkomst_uitnodigen,
        name="bijeenkomst_uitnodigen",
    ),
    path(
        "p/<slug:slug>/bijeenkomsten/<int:pk>/verslag/",
        views_bijeenkomst.bijeenkomst_verslag,
        name="bijeenkomst_verslag",
    ),
    path("p/<slug:slug>/netwerk/", views.netwerk, name="netwerk"),
    path("p/<slug:slug>/netwerk/deelnemen/", views.deelname_nieuw, name="deelname_nieuw"),
    path(
        "p/<slug:slug>/netwerk/deelnames/<int:pk>/bewerken/",
        views.deelname_bewerken,
        name="deelname_bewerken",
    ),
    path("p/<slug:slug>/netwerk/belangen/", views_belangen.belangen, name="belangen"),
    path(
        "p/<slug:slug>/netwerk/deelnames/<int:pk>/belangen/",
        views_belangen.belangen_bewerken,
        name="belangen_bewerken",
    ),
    path(
        "p/<slug:slug>/netwerk/deelnames/<int:pk>/belangen/versies/",
        views_belangen.belangen_geschiedenis,
        name="belangen_geschiedenis",
    ),
    path("p/<slug:slug>/netwerk/afspraken/nieuw/", views.afspraak_nieuw, name="afspraak_nieuw"),
    path(
        "p/<slug:slug>/netwerk/afspraken/<int:pk>/bewerken/",
        views.afspraak_bewerken,
        name="afspraak_bewerken",
    ),
    path(
        "p/<slug:slug>/netwerk/afspraken/<int:pk>/verwijderen/",
        views.afspraak_verwijderen,
        name="afspraak_verwijderen",
    ),
    path(
        "p/<slug:slug>/organisaties/<int:pk>/",
        views.organisatie_detail,
        name="organisatie_detail",
    ),
    path(
        "p/<slug:slug>/organisaties/<int:pk>/bewerken/",
        views.organisatie_bewerken,
        name="organisatie_bewerken",
    ),
    path(
        "p/<slug:slug>/organisaties/<int:pk>/personen/nieuw/",
        views.persoon_nieuw,
        name="persoon_nieuw",
    ),
    path(
        "p/<slug:slug>/personen/<int:pk>/bewerken/",
        views.persoon_bewerken,
        name="persoon_bewerken",
    ),
    path("p/<slug:slug>/sociale-kaart/", views.kaart, name="kaart"),
    path("p/<slug:slug>/sociale-kaart/export.csv", views.kaart_csv, name="kaart_csv"),
    path("p/<slug:slug>/sociale-kaart/export.vcf", views.kaart_vcf, name="kaart_vcf"),
    path("bevestigen/<token:token>/", views.bevestigen, name="bevestigen"),
    # Members and invitations (views_leden)
    path("p/<slug:slug>/leden/", views_leden.leden, name="leden"),
    path("p/<slug:slug>/leden/uitnodigen/", views_leden.uitnodigen, name="uitnodigen"),
    path("p/<slug:slug>/leden/<int:pk>/rol/", views_leden.lid_rol, name="lid_rol"),
    path(
        "p/<slug:slug>/leden/<int:pk>/verwijderen/",
        views_leden.lid_verwijderen,
        name="lid_verwijderen",
    ),
    path(
        "p/<slug:slug>/leden/uitnodigingen/<int:pk>/opnieuw/",
        views_leden.uitnodiging_opnieuw,
        name="uitnodiging_opnieuw",
    ),
    path(
        "p/<slug:slug>/leden/uitnodigingen/<int:pk>/intrekken/",
        views_leden.uitnodiging_intrekken,
        name="uitnodiging_intrekken",
    ),
    path(
        "uitnodiging/<token:token>/",
        views_leden.uitnodiging_accepteren,
        name="uitnodiging_accepteren",
    ),
]

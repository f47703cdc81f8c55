from django.urls import path

from overzicht import views, views_opbrengst

app_name = "overzicht"

urlpatterns = [
    path("", views.home, name="home"),
    path("p/<slug:slug>/", views.dashboard, name="dashboard"),
    path("p/<slug:slug>/ontwerpvragen/", views.ontwerpvragen, name="ontwerpvragen"),
    path(
        "p/<slug:slug>/ontwerpvragen/<int:pk>/",
        views.ontwerpvraag_detail,
        name="ontwerpvraag_detail",
    ),
    path("p/<slug:slug>/verhalen/<int:pk>/", views.verhaal_detail, name="verhaal_detail"),
    path("p/<slug:slug>/jullie-zeiden/", views.jullie_zeiden, name="jullie_zeiden"),
    path("p/<slug:slug>/opbrengst/", views_opbrengst.praktijk, name="opbrengst"),
    path("p/<slug:slug>/opbrengst.pdf", views_opbrengst.praktijk_pdf, name="opbrengst_pdf"),
    path(
        "p/<slug:slug>/organisaties/<int:pk>/opbrengst/",
        views_opbrengst.organisatie,
        name="opbrengst_organisatie",
    ),
    path(
        "p/<slug:slug>/organisaties/<int:pk>/opbrengst.pdf",
        views_opbrengst.organisatie_pdf,
        name="opbrengst_organisatie_pdf",
    ),
]

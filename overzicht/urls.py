from django.urls import path

from overzicht import views

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
]

from django.urls import path

from praktijken import views

app_name = "praktijken"

urlpatterns = [
    path("", views.home, name="home"),
]

from django.urls import path

from bibliotheek import views

app_name = "bibliotheek"

urlpatterns = [
    path("bibliotheek/", views.lijst, name="lijst"),
    path("bibliotheek/lessen/<int:pk>/", views.les, name="les"),
    path("bibliotheek/opbrengsten/<int:pk>/", views.opbrengst, name="opbrengst"),
    path("bibliotheek/verhalen/<int:pk>/", views.verhaal, name="verhaal"),
]

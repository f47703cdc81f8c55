app_name = "experimenten"

urlpatterns: list = []

app_name = "netwerk"

urlpatterns: list = []

app_name = "condities"

urlpatterns: list = []

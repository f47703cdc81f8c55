"""The project's URLs plus `/bench/bare/`: the baseline of the throughput ratio."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

from config.urls import urlpatterns as project_urlpatterns


@login_not_required
@require_GET
def bare(request: HttpRequest) -> HttpResponse:
    """The cheapest Django answer: the full middleware stack, no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *project_urlpatterns]

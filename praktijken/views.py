from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The front page: what Lerende Praktijk is, and the way in."""
    return render(request, "praktijken/home.html")

"""A page as a PDF, with WeasyPrint: A4, page numbers, the practice's name on every page.

Rendered in the request: a yield page is a few pages and took well under a second here (see
docs/opbrengst.md). The stylesheets and fonts are our own static files; WeasyPrint may read
nothing else (no network, no other file), so a link or image in user text fetches nothing.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.http import HttpRequest
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

STYLESHEETS = ("vendor/fonts/fonts.css", "css/app.css", "css/opbrengst-pdf.css")


def _static_path(name: str) -> Path:
    found = finders.find(name)
    if not found or isinstance(found, list):
        raise FileNotFoundError(name)
    return Path(found).resolve()


class StaticOnlyFetcher(URLFetcher):
    """Fetches only files beside our stylesheets (the vendored fonts); refuses everything else."""

    def __init__(self, allowed: list[Path]):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self._allowed = allowed

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file":
            raise ValueError(f"not fetched: {url}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(folder) for folder in self._allowed):
            raise ValueError(f"not fetched: {url}")
        return super().fetch(url, headers)


def pdf_from_template(*, request: HttpRequest, template: str, context: dict) -> bytes:
    """Render `template` and write it as a PDF."""
    html = render_to_string(template, context, request)
    paths = [_static_path(name) for name in STYLESHEETS]
    fetcher = StaticOnlyFetcher(allowed=sorted({path.parent for path in paths}))
    stylesheets = [CSS(filename=str(path), url_fetcher=fetcher) for path in paths]
    document = HTML(string=html, base_url=str(paths[0].parent), url_fetcher=fetcher)
    return document.write_pdf(stylesheets=stylesheets)

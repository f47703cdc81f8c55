"""A page as a PDF, with WeasyPrint: A4, page numbers, the practice's name on every page.

Rendered in the request: a yield page of the demo is three to six A4 pages, about 0.5 to 1 s of
CPU (docs/performance.md, "The yield PDFs"). The stylesheets and the fonts are parsed once per
process and kept. WeasyPrint may read nothing but our own stylesheets and fonts (no network, no
other file), so a link or an image in what users typed fetches nothing.

WeasyPrint draws inline SVG with its own renderer, which does not apply the page's stylesheets to
SVG elements: the charts get their colours and line patterns from `SVG_STIJL`, put inside each
chart as a <style> element (only in the PDF; the web page's CSP allows no inline style).
"""

import functools
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.http import HttpRequest
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

STYLESHEETS = ("css/opbrengst-pdf-fonts.css", "css/opbrengst-pdf.css")
SVG_STYLESHEET = "css/opbrengst-pdf-svg.css"
FONTS = "vendor/fonts/LICENSE-noto-sans.txt"  # a file in the fonts' folder


def _static_path(name: str) -> Path:
    found = finders.find(name)
    if not found or isinstance(found, list):
        raise FileNotFoundError(name)
    return Path(found).resolve()


class StaticOnlyFetcher(URLFetcher):
    """Fetches only files in the given folders (our stylesheets and fonts); refuses the rest."""

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


@functools.cache
def _opmaak() -> tuple[StaticOnlyFetcher, FontConfiguration, tuple[CSS, ...], str]:
    """The fetcher, fonts, stylesheets and SVG style, once per process: decoding the fonts is
    most of the cost of a first PDF."""
    paths = [_static_path(name) for name in STYLESHEETS]
    allowed = sorted({path.parent for path in paths} | {_static_path(FONTS).parent})
    fetcher = StaticOnlyFetcher(allowed=allowed)
    fonts = FontConfiguration()
    stylesheets = tuple(
        CSS(filename=str(path), url_fetcher=fetcher, font_config=fonts) for path in paths
    )
    svg_stijl = _static_path(SVG_STYLESHEET).read_text()
    return fetcher, fonts, stylesheets, svg_stijl


def pdf_from_template(*, request: HttpRequest, template: str, context: dict) -> bytes:
    """Render `template` (with `svg_stijl` for its charts) and write it as a PDF."""
    fetcher, fonts, stylesheets, svg_stijl = _opmaak()
    html = render_to_string(template, {**context, "svg_stijl": svg_stijl}, request)
    document = HTML(
        string=html, base_url=str(_static_path(STYLESHEETS[0]).parent), url_fetcher=fetcher
    )
    return document.write_pdf(stylesheets=list(stylesheets), font_config=fonts)

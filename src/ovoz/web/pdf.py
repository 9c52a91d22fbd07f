"""HTML to PDF with WeasyPrint, with the fonts Ovoz ships (static/ovoz/print-fonts.css).

Every printable document (briefers, reports, the reflection report) goes through here so that they share
the fonts and never reach for the network: URLs resolve only to Ovoz's own static files.
"""

from pathlib import Path

from django.contrib.staticfiles import finders

FONT_FAMILY = '"Ovoz Sans", "DejaVu Sans", "Noto Sans", sans-serif'


def static_root() -> Path:
    found = finders.find("ovoz/print-fonts.css")
    if not found:
        raise RuntimeError("ovoz/print-fonts.css is missing from the static files")
    return Path(found).parent


def _fetcher():
    """A fetcher for files under Ovoz's static folder only; anything else (http, other paths) is refused."""
    from weasyprint import URLFetcher

    root = static_root().resolve()

    class LocalStaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file://"):
                path = Path(url.removeprefix("file://").split("?")[0]).resolve()
                if root in path.parents:
                    return super().fetch(url, headers)
            raise ValueError(f"Refusing to fetch {url!r} while printing")

    return LocalStaticFetcher(allowed_protocols={"file"})


def html_to_pdf(html: str) -> bytes:
    """A PDF of ``html``; its stylesheet may use font-family "Ovoz Sans" (see FONT_FAMILY)."""
    from weasyprint import CSS, HTML  # loaded only when a PDF is asked for: it pulls in Pango
    from weasyprint.text.fonts import FontConfiguration

    root = static_root()
    fonts = FontConfiguration()
    fetcher = _fetcher()
    css = CSS(filename=str(root / "print-fonts.css"), font_config=fonts, url_fetcher=fetcher)
    document = HTML(string=html, base_url=str(root) + "/", url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[css], font_config=fonts)

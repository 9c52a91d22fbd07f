"""Printed documents carry Ovoz's own fonts, show every letter of the five languages, and fetch nothing else."""

import io

import pypdf

from ovoz.web.pdf import html_to_pdf

LETTERS = "Ҳуқуқҳо ҷ ӣ ӯ ғ қ — Эмгек укуктары ң ө ү — Oʻgʻil gʻalla — Права"


def _pdf(html):
    return pypdf.PdfReader(io.BytesIO(html_to_pdf(html)))


def test_the_letters_of_kyrgyz_tajik_and_uzbek_come_back_out_of_the_pdf():
    reader = _pdf(f'<p style="font-family: \'Ovoz Sans\'">{LETTERS}</p>')
    assert " ".join(reader.pages[0].extract_text().split()) == LETTERS


def test_the_pdf_embeds_the_shipped_font():
    reader = _pdf(f'<p style="font-family: \'Ovoz Sans\'">{LETTERS} <b>bold</b> <i>italic</i></p>')
    fonts = {f.get_object()["/BaseFont"].split("+")[-1] for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts == {"Ovoz-Sans", "Ovoz-Sans-Bold", "Ovoz-Sans-Italic"}


def test_printing_never_fetches_from_the_network(monkeypatch):
    import urllib.request

    opened = []
    real_open = urllib.request.OpenerDirector.open

    def recording_open(self, url, *args, **kwargs):
        opened.append(getattr(url, "full_url", url))
        return real_open(self, url, *args, **kwargs)

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", recording_open)
    reader = _pdf('<p style="font-family: \'Ovoz Sans\'">text</p><img src="http://example.org/tracker.png">')
    assert "text" in reader.pages[0].extract_text()
    assert opened and all(url.startswith("file://") for url in opened), opened

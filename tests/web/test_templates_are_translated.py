"""Every word a template shows must go through gettext, or the interface is half-translated."""

import re
from pathlib import Path

import pytest
from django.template.base import Lexer, TokenType

import ovoz

TEMPLATES = sorted(Path(ovoz.__file__).parent.rglob("templates/**/*.html"))
BLOCK_TRANS = {"blocktranslate", "blocktrans"}
# Attributes a person reads or hears (screen readers) must be translated too.
READ_ATTRS = re.compile(r'\b(?:title|alt|placeholder|aria-label)="([^"{]*)"')
# Words that are not language: the product's name, and HTML entities.
ALLOWED = {"Ovoz", "—", "·", "–", "…"}


def untranslated_text(source: str) -> list[str]:
    """Words left once every template tag, variable, translated block and HTML tag is taken out."""
    parts = []
    in_block = False
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            if name in BLOCK_TRANS:
                in_block = True
            elif name in {"endblocktranslate", "endblocktrans"}:
                in_block = False
        if token.token_type == TokenType.TEXT and not in_block:
            parts.append(token.contents)
        else:
            parts.append("\x00")
    text = "".join(parts)
    found = [m for m in READ_ATTRS.findall(text) if re.search(r"[^\W\d_]", m.replace("\x00", ""))]
    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text, flags=re.S)
    text = re.sub(r"&[a-z]+;|&#\d+;|\x00", " ", text)
    found += [w for w in text.split() if w not in ALLOWED and re.search(r"[^\W\d_]", w)]
    return found


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_template_shows_words_outside_gettext(path):
    assert untranslated_text(path.read_text(encoding="utf-8")) == []


def test_the_checker_catches_an_unmarked_word_and_an_unmarked_label():
    assert untranslated_text("<p>Hello</p>") == ["Hello"]
    assert untranslated_text('<nav aria-label="Main">{% translate "x" %}</nav>') == ["Main"]
    assert untranslated_text('<p>{% translate "Hello" %}</p>') == []
    assert untranslated_text("{% blocktranslate %}Hi {{ n }}{% endblocktranslate %}") == []

"""The catalogs of the four other interface languages are complete, real and safe to format."""

import re
from pathlib import Path

import polib
import pytest
from django.test import override_settings
from django.utils import translation

import ovoz

LOCALE_DIR = Path(ovoz.__file__).parent / "locale"
LANGS = ["ru", "ky", "uz", "tg"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{?\s*\w+\s*\}?\}|%[sd]")
# Strings that are the same in every language: names, codes, file formats.
SAME_EVERYWHERE = {"Ovoz", "API", "E-mail", "TOTP", "OK", "CSV", "XLSX", "JSON", "PDF", "DOCX", "XLSForm (.xlsx)"}


def catalog(lang):
    return polib.pofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_interface_string_is_translated(lang):
    po = catalog(lang)
    missing = [e.msgid for e in po if not e.obsolete and (not e.translated() or e.fuzzy)]
    assert missing == [], f"{lang}: {len(missing)} untranslated, e.g. {missing[:5]}"


@pytest.mark.parametrize("lang", LANGS)
def test_translations_are_not_english_copied_over(lang):
    po = catalog(lang)
    copied = [
        e.msgid
        for e in po
        if e.translated()
        and e.msgstr == e.msgid
        and e.msgid not in SAME_EVERYWHERE
        and re.search(r"[A-Za-z]{3}", PLACEHOLDER.sub("", e.msgid))
    ]
    assert copied == [], f"{lang}: copied from English: {copied[:5]}"


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_every_placeholder(lang):
    po = catalog(lang)
    for e in po:
        if not e.translated():
            continue
        want = sorted(PLACEHOLDER.findall(e.msgid))
        if e.msgid_plural:
            for form in e.msgstr_plural.values():
                assert sorted(set(PLACEHOLDER.findall(form))) <= sorted(set(want + PLACEHOLDER.findall(
                    e.msgid_plural))), f"{lang}: {e.msgid!r}"
        else:
            assert sorted(PLACEHOLDER.findall(e.msgstr)) == want, f"{lang}: {e.msgid!r} -> {e.msgstr!r}"


def test_the_navigation_appears_in_each_language(cast, as_user):
    client = as_user(cast.coordinator)
    for lang, word in {"ru": "Программы", "ky": "Программалар", "uz": "Dasturlar", "tg": "Барномаҳо"}.items():
        client.cookies["django_language"] = lang
        body = client.get("/").content.decode()
        assert f'lang="{lang}"' in body
        assert word in body, f"{lang}: {word} not on the dashboard"


@override_settings(LANGUAGE_CODE="en")
def test_python_messages_are_translated_too():
    from ovoz.programmes.services import _check_scope  # noqa: F401

    with translation.override("ru"):
        assert translation.gettext("Dashboard") != "Dashboard"

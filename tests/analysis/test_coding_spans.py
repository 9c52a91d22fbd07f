"""Offsets from any client become the right code points; quoted words find their place or ask which."""

import pytest
from django.core.exceptions import ValidationError

from ovoz.analysis.coding_spans import AmbiguousPhrase, FastOffsetMap, span_in_codepoints, span_of_phrase
from tests.analysis.conftest import MULTI

TEXT = MULTI + " 🙏🏽 oʻ o' g' 𝒜 é\r\n"


def test_the_map_agrees_with_counting_every_prefix_everywhere():
    fast = FastOffsetMap(TEXT)
    for cp in range(len(TEXT) + 1):
        assert fast.utf16_from_codepoint(cp) == len(TEXT[:cp].encode("utf-16-le")) // 2
        assert fast.utf8_from_codepoint(cp) == len(TEXT[:cp].encode())
    for unit in range(fast.utf16_from_codepoint(len(TEXT)) + 1):
        cp = fast.codepoint_from_utf16(unit)
        assert len(TEXT[:cp].encode("utf-16-le")) // 2 <= unit < len(TEXT[:cp + 1].encode("utf-16-le")) // 2 or (
            cp == len(TEXT))
    for byte in range(len(TEXT.encode()) + 1):
        cp = fast.codepoint_from_utf8(byte)
        assert len(TEXT[:cp].encode()) <= byte < len(TEXT[:cp + 1].encode()) or cp == len(TEXT)


def test_a_source_s_offset_map_is_reused_only_while_its_transcript_is_unchanged(analysis):
    from ovoz.analysis.coding_spans import offsets_of
    from ovoz.evidence.models import Source

    first = offsets_of(Source.objects.get(pk=analysis.s_multi.pk))
    assert offsets_of(Source.objects.get(pk=analysis.s_multi.pk)) is first
    Source.objects.filter(pk=analysis.s_multi.pk).update(transcript="😔" + MULTI)
    changed = offsets_of(Source.objects.get(pk=analysis.s_multi.pk))
    assert changed is not first
    assert changed.utf16_from_codepoint(1) == 2


@pytest.mark.parametrize("words", ["🙏🏽", "oʻ o' g'", "𝒜", "Зарплату", "😔 — g'alla"])
@pytest.mark.parametrize("units", ["codepoint", "utf16", "utf8"])
def test_every_unit_gives_the_same_words(words, units):
    cp = TEXT.index(words)
    encode = {"codepoint": lambda s: len(s), "utf16": lambda s: len(s.encode("utf-16-le")) // 2,
              "utf8": lambda s: len(s.encode())}[units]
    start, end = span_in_codepoints(TEXT, encode(TEXT[:cp]), encode(TEXT[:cp + len(words)]), units)
    assert TEXT[start:end] == words


def test_an_end_inside_a_character_rounds_up_and_a_start_rounds_down():
    at = TEXT.index("𝒜")
    u16 = len(TEXT[:at].encode("utf-16-le")) // 2
    assert span_in_codepoints(TEXT, u16 + 1, u16 + 1 + 1, "utf16") == (at, at + 1)
    b = len(TEXT[:at].encode())
    assert span_in_codepoints(TEXT, b + 1, b + 2, "utf8") == (at, at + 1)


def test_unknown_units_and_offsets_past_the_end_are_refused():
    with pytest.raises(ValidationError):
        span_in_codepoints(TEXT, 0, 3, "bytes")
    with pytest.raises(ValidationError):
        span_in_codepoints(TEXT, 0, 10**6, "utf16")


def test_a_phrase_found_once_is_coded_and_one_found_twice_asks_which():
    assert span_of_phrase("a b a", "b") == (2, 3)
    with pytest.raises(AmbiguousPhrase) as asked:
        span_of_phrase("a b a", "a")
    assert asked.value.occurrences == [0, 4]
    assert span_of_phrase("a b a", "a", 2) == (4, 5)
    with pytest.raises(ValidationError):
        span_of_phrase("a b a", "a", 3)

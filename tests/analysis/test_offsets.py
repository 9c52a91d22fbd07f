"""Offsets are code points in Ovoz; browsers count UTF-16 units and Taguette UTF-8 bytes."""

from ovoz.analysis.offsets import (
    OffsetMap,
    codepoint_from_utf8,
    codepoint_from_utf16,
    utf8_from_codepoint,
    utf16_from_codepoint,
)

TEXT = "Oʻgʻil 😔 g'alla Иш ҳақи 👩🏽‍🌾 end"


def test_cyrillic_and_uzbek_latin_letters_are_one_code_point_and_one_utf16_unit():
    i = TEXT.index("Иш")
    assert utf16_from_codepoint(TEXT, i) == i + 1  # only the emoji before it takes two units
    assert TEXT[codepoint_from_utf16(TEXT, i + 1):].startswith("Иш ҳақи")


def test_an_emoji_takes_two_utf16_units_and_the_offsets_after_it_shift():
    i = TEXT.index("😔")
    assert utf16_from_codepoint(TEXT, i) == i
    assert utf16_from_codepoint(TEXT, i + 1) == i + 2
    assert codepoint_from_utf16(TEXT, i + 2) == i + 1


def test_an_offset_inside_a_surrogate_pair_rounds_down_to_the_emoji():
    i = TEXT.index("😔")
    assert codepoint_from_utf16(TEXT, i + 1) == i


def test_utf8_byte_offsets_convert_both_ways_for_every_character():
    m = OffsetMap(TEXT)
    for cp in range(len(TEXT) + 1):
        byte = m.utf8_from_codepoint(cp)
        assert byte == len(TEXT[:cp].encode("utf-8"))
        assert m.codepoint_from_utf8(byte) == cp


def test_utf8_and_utf16_round_trips_over_the_whole_text():
    for cp in range(len(TEXT) + 1):
        assert codepoint_from_utf16(TEXT, utf16_from_codepoint(TEXT, cp)) == cp
        assert codepoint_from_utf8(TEXT, utf8_from_codepoint(TEXT, cp)) == cp


def test_a_stretch_found_by_bytes_is_the_same_words():
    start_b = TEXT.encode("utf-8").index("ҳақи".encode())
    end_b = start_b + len("ҳақи".encode())
    start, end = codepoint_from_utf8(TEXT, start_b), codepoint_from_utf8(TEXT, end_b)
    assert TEXT[start:end] == "ҳақи"


def test_a_long_text_converts_exactly_across_the_blocks_of_the_map():
    from ovoz.analysis.offsets import BLOCK

    text = (TEXT + "ё" * (BLOCK - 3) + "😔a") * 7
    m = OffsetMap(text)
    for cp in range(len(text) + 1):
        byte = len(text[:cp].encode("utf-8"))
        assert m.utf8_from_codepoint(cp) == byte
        assert m.codepoint_from_utf8(byte) == cp
        assert m.utf16_from_codepoint(cp) == len(text[:cp].encode("utf-16-le")) // 2
    for byte in range(len(text.encode("utf-8")) + 1):
        cp = m.codepoint_from_utf8(byte)
        assert len(text[:cp].encode("utf-8")) <= byte < len(text[:cp + 1].encode("utf-8")) or cp == len(text)

"""Converting offsets between the ways tools count characters.

Ovoz stores offsets in Unicode code points (Python string indices). Browsers count UTF-16 code units
(an emoji outside the Basic Multilingual Plane is two), Taguette counts UTF-8 bytes (Cyrillic letters are
two, many emoji four). Cyrillic and Latin with apostrophes (oʻ, o', g') are one code point each in Python,
whatever they cost elsewhere, so these conversions are where offsets go right or wrong.
"""

import bisect
from functools import cached_property


class OffsetMap:
    """Precomputed prefix sums for one text, so that many conversions each cost O(log n)."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def _astral(self) -> list[int]:
        # Code point indices of characters that take two UTF-16 units.
        return [i for i, ch in enumerate(self.text) if ord(ch) > 0xFFFF]

    @cached_property
    def _utf8_prefix(self) -> list[int]:
        prefix, total = [0], 0
        for ch in self.text:
            total += len(ch.encode("utf-8"))
            prefix.append(total)
        return prefix

    def utf16_from_codepoint(self, cp: int) -> int:
        return cp + bisect.bisect_left(self._astral, cp)

    def codepoint_from_utf16(self, unit: int) -> int:
        """The code point index at UTF-16 offset ``unit``; an offset inside a surrogate pair rounds down."""
        lo, hi = 0, len(self.text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.utf16_from_codepoint(mid) <= unit:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def utf8_from_codepoint(self, cp: int) -> int:
        return self._utf8_prefix[cp]

    def codepoint_from_utf8(self, byte: int) -> int:
        """The code point index at UTF-8 byte offset ``byte``; a byte inside a character rounds down."""
        return bisect.bisect_right(self._utf8_prefix, byte) - 1


def codepoint_from_utf16(text: str, unit: int) -> int:
    return OffsetMap(text).codepoint_from_utf16(unit)


def utf16_from_codepoint(text: str, cp: int) -> int:
    return OffsetMap(text).utf16_from_codepoint(cp)


def codepoint_from_utf8(text: str, byte: int) -> int:
    return OffsetMap(text).codepoint_from_utf8(byte)


def utf8_from_codepoint(text: str, cp: int) -> int:
    return OffsetMap(text).utf8_from_codepoint(cp)

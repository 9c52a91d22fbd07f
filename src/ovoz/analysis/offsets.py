"""Converting offsets between the ways tools count characters.

Ovoz stores offsets in Unicode code points (Python string indices). Browsers count UTF-16 code units
(an emoji outside the Basic Multilingual Plane is two), Taguette counts UTF-8 bytes (Cyrillic letters are
two, many emoji four). Cyrillic and Latin with apostrophes (oʻ, o', g') are one code point each in Python,
whatever they cost elsewhere, so these conversions are where offsets go right or wrong.
"""

import bisect
import re
from functools import cached_property
from itertools import accumulate

ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
# Code points per block of the UTF-8 table: preparing a 1 MB transcript encodes it once, block by block,
# and a conversion then encodes or decodes at most one block.
BLOCK = 256


class OffsetMap:
    """Conversions for one text, prepared at C speed (regex and codec calls, no Python loop per character;
    about 1 ms for a 1 MB transcript), each then costing O(log n) plus at most one block."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def _astral(self) -> list[int]:
        # Code point indices of characters that take two UTF-16 units.
        return [m.start() for m in ASTRAL.finditer(self.text)]

    @cached_property
    def _utf8_blocks(self) -> list[int]:
        # UTF-8 byte offset of every BLOCK-th code point (block starts are always character boundaries).
        text = self.text
        return list(accumulate((len(text[i:i + BLOCK].encode("utf-8")) for i in range(0, len(text), BLOCK)),
                               initial=0))

    @cached_property
    def _utf8(self) -> bytes:
        return self.text.encode("utf-8")

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
        if not 0 <= cp <= len(self.text):
            raise IndexError(f"code point {cp} is outside the text")
        block = cp // BLOCK
        return self._utf8_blocks[block] + len(self.text[block * BLOCK:cp].encode("utf-8"))

    def codepoint_from_utf8(self, byte: int) -> int:
        """The code point index at UTF-8 byte offset ``byte``; a byte inside a character rounds down."""
        blocks = self._utf8_blocks
        byte = max(0, min(byte, blocks[-1]))
        # The last entry is the end of the text, not the start of a block.
        block = min(bisect.bisect_right(blocks, byte) - 1, max(0, len(blocks) - 2))
        # Decoding a slice cut inside a character drops that character's first bytes: rounding down.
        return block * BLOCK + len(self._utf8[blocks[block]:byte].decode("utf-8", errors="ignore"))


def codepoint_from_utf16(text: str, unit: int) -> int:
    return OffsetMap(text).codepoint_from_utf16(unit)


def utf16_from_codepoint(text: str, cp: int) -> int:
    return OffsetMap(text).utf16_from_codepoint(cp)


def codepoint_from_utf8(text: str, byte: int) -> int:
    return OffsetMap(text).codepoint_from_utf8(byte)


def utf8_from_codepoint(text: str, cp: int) -> int:
    return OffsetMap(text).utf8_from_codepoint(cp)

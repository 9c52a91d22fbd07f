"""The search form of a text: one spelling for the many ways our five languages are written.

``fold`` turns Russian, Kyrgyz, Uzbek (Cyrillic or Latin), Tajik and English text into one lower-case Latin
form, so that "иш ҳақи", "Ish haqi" and "ish haqi" are the same two words, "Ёлка" and "елка" one word, and
"Хуҷанд" and "Khujand" too. The steps, in order (docs/SEARCH.md has the full table):

1. every apostrophe-like character (' ʻ ʼ ‘ ’ ` ´ ʹ ʽ ʾ ʿ ′) becomes ``'``;
2. Unicode NFKC, then case folding;
3. Cyrillic letters are written in Latin by the Uzbek Latin alphabet of 1995 (ш→sh, ч→ch, ў→oʻ, ғ→gʻ, қ→q,
   ҳ→h, х→x, ж→j, ё→yo, ю→yu, я→ya, ц→ts, щ→sh, ъ→ʼ, ь dropped), Kyrgyz ң→ng, ө→oʻ, ү→u and Tajik ӣ→i,
   ӯ→u, ҷ→j; Latin letters of the 1993 Uzbek and the Kyrgyz and Tajik Latin alphabets (ş ç ğ ö ü ñ ı ƣ) meet
   their Cyrillic counterparts;
4. remaining accents and other combining marks are dropped (é→e, ū→u);
5. spellings that vary between writers are made one: kh→x, gh→gʻ, zh→j (so Russian-style Latin meets Uzbek
   Latin), and y before e or o is dropped with the o read as e (ye→e, yo→e), which makes Russian ё and е one
   letter, Uzbek "yer" meet "ер", "yomon" meet "ёмон" (oʻ is never touched).

The result is idempotent (``fold(fold(x)) == fold(x)``) and local: folding a text and then cutting it into
words gives the same words as cutting first and folding each word, which is what lets a match in the folded
index be marked on the original words (``spans``).
"""

import re
import unicodedata
from functools import lru_cache

APOSTROPHE = "'"
APOSTROPHES = "'ʻʼ‘’`´ʹʽʾʿ′"

CYRILLIC = {
    # Russian letters, as the Uzbek Latin alphabet writes them
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "x", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "'", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
    # Uzbek (ғ, қ, ҳ are Tajik letters too)
    "ў": "o'", "ғ": "g'", "қ": "q", "ҳ": "h",
    # Kyrgyz
    "ң": "ng", "ө": "o'", "ү": "u",
    # Tajik
    "ӣ": "i", "ӯ": "u", "ҷ": "j",
    # Neighbours that turn up in names and quotations: Kazakh, Ukrainian
    "ә": "a", "і": "i", "ұ": "u", "һ": "h", "ї": "yi", "є": "ye", "ґ": "g",
}
LATIN = {
    # 1993 Uzbek Latin, Kyrgyz and Tajik Latin letters, to where their Cyrillic counterparts fold
    "ş": "sh", "ç": "ch", "ğ": "g'", "ö": "o'", "ü": "u", "ñ": "ng", "ı": "y", "ƣ": "g'",
}
_APOSTROPHE_TABLE = str.maketrans(dict.fromkeys(APOSTROPHES, APOSTROPHE))
_OTHER_APOSTROPHES = re.compile(f"[{re.escape(APOSTROPHES.replace(APOSTROPHE, ''))}]")
# str.replace letter by letter is faster than str.translate with a table (no output is ever a key again).
_LETTERS = list({**CYRILLIC, **LATIN}.items())
_DIGRAPHS = re.compile(r"kh|gh|zh")
_DIGRAPH_FORM = {"kh": "x", "gh": "g'", "zh": "j"}
_IOTATED = re.compile(r"y+(?:e|o(?!'))")

MAX_TOKEN = 64


def _char_class(chars) -> str:
    """A regex character class (without brackets) for a set of characters, as ranges."""
    codes = sorted(ord(c) for c in chars)
    parts, start, prev = [], None, None
    for code in codes:
        if start is None:
            start = prev = code
        elif code == prev + 1:
            prev = code
        else:
            parts.append((start, prev))
            start = prev = code
    if start is not None:
        parts.append((start, prev))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in parts
    )


def _build_word_class() -> str:
    """Characters that belong to a word in the original text, beyond letters and digits.

    Combining marks (they are dropped by folding, but belong to the letter before them) and symbols that
    NFKC turns into letters or digits (№ → No, ™ → TM): without them, cutting the original into words would
    not give the same words as cutting the folded text.
    """
    extra = set()
    for code in [*range(0x10000), *range(0x1F100, 0x1F200)]:
        c = chr(code)
        if c.isalnum() or c == "_":
            continue
        if unicodedata.category(c).startswith("M") or any(
            ch.isalnum() for ch in unicodedata.normalize("NFKC", c.translate(_APOSTROPHE_TABLE))
        ):
            extra.add(c)
    return _char_class(extra)


_WORD = rf"(?:[^\W_]|[{_build_word_class()}])"
_APOS_CLASS = f"[{re.escape(APOSTROPHES)}]"
# A word of the original text: letters, digits and marks, with apostrophes inside or at the end (togʻ, oʻ).
_SPAN = re.compile(rf"{_WORD}+(?:{_APOS_CLASS}+{_WORD}+)*{_APOS_CLASS}?")
# A word of the folded text.
_TOKEN = re.compile(r"[^\W_]+(?:'+[^\W_]+)*'?")
_MANY_APOSTROPHES = re.compile("''+")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _letters(text: str) -> str:
    for letter, latin in _LETTERS:
        if letter in text:
            text = text.replace(letter, latin)
    return text


def fold(text: str) -> str:
    """The search form of ``text`` (see the module's description)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", _OTHER_APOSTROPHES.sub(APOSTROPHE, text)).casefold()
    if not text.isascii():
        text = _letters(text)
        if not text.isascii():
            text = unicodedata.normalize("NFC", _letters(_strip_marks(text)))
    text = _DIGRAPHS.sub(lambda m: _DIGRAPH_FORM[m.group()], text)
    return _IOTATED.sub("e", text)


def _finish(token: str) -> str:
    """One apostrophe at most between letters; one at the end only after o or g (oʻ, gʻ: togʻ, bogʻ)."""
    if APOSTROPHE in token:
        token = _MANY_APOSTROPHES.sub(APOSTROPHE, token)
        if token.endswith(APOSTROPHE) and (len(token) < 2 or token[-2] not in "og"):
            token = token[:-1]
    return token


def _words(folded: str) -> list[str]:
    words = [_finish(t) if APOSTROPHE in t else t for t in _TOKEN.findall(folded)]
    if any(len(w) > MAX_TOKEN for w in words):
        words = [w for w in words if len(w) <= MAX_TOKEN]
    return words


def tokenize(text: str) -> list[str]:
    """The words of ``text`` in search form, in order: what the index holds."""
    return _words(fold(text))


@lru_cache(maxsize=200_000)
def _fold_span(span: str) -> tuple[str, ...]:
    return tuple(_words(fold(span)))


def spans(text: str):
    """``(start, end, word)`` for each word of ``tokenize(text)``, with its place in the original text.

    One original word may give several search words (½ gives 1 and 2); each carries the original's place.
    """
    for m in _SPAN.finditer(text):
        for word in _fold_span(m.group()):
            yield m.start(), m.end(), word

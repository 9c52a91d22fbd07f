"""A string translated inside an f-string is invisible to makemessages (xgettext does not read f-string
expressions): it would never reach the catalogs and would show in English in every language."""

import io
import re
import tokenize
from pathlib import Path

import ovoz

SOURCES = sorted(Path(ovoz.__file__).parent.rglob("*.py"))
CALL_IN_BRACES = re.compile(r"\{[^{}]*\b(?:_|gettext|ngettext|pgettext|gettext_lazy)\(")


def f_strings_with_gettext(path: Path) -> list[int]:
    lines = []
    for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if token.type != tokenize.STRING:
            continue
        prefix = token.string[: token.string.index(token.string.lstrip("rRbBuUfF")[0])].lower()
        if "f" in prefix and CALL_IN_BRACES.search(token.string):
            lines.append(token.start[0])
    return lines


def test_no_string_is_translated_inside_an_f_string():
    found = {str(p.relative_to(Path(ovoz.__file__).parent)): f_strings_with_gettext(p) for p in SOURCES}
    assert {name: lines for name, lines in found.items() if lines} == {}

"""Turning what a client sends into a stretch of code points: offsets in any unit, or a quoted phrase.

The pages send UTF-16 offsets (what a browser's selection counts), the API accepts code points, UTF-16 units
or UTF-8 bytes; people without JavaScript quote the words instead. Everything ends as ``(start, end)`` in
code points, which is what ``coding_create`` checks and stores.
"""

import threading
from collections import OrderedDict

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ovoz.analysis.offsets import OffsetMap

UNITS = ("codepoint", "utf16", "utf8")


# The core map is prepared at C speed now; the name stays for the callers that import it from here.
FastOffsetMap = OffsetMap

# The maps of the sources coded lately, by pk, so that a burst of codings on one 1 MB transcript prepares its
# map once. A map is reused only when its text equals the transcript just read from the database (a memory
# comparison, ~0.1 ms for 1 MB), so a changed transcript gets a new map; it is read only after the access
# and consent check, and holds nothing but that text's offsets.
_RECENT: OrderedDict[int, OffsetMap] = OrderedDict()
_RECENT_SIZE = 4
_recent_lock = threading.Lock()


_TEXTS: OrderedDict[int, tuple[str, str]] = OrderedDict()


def with_transcript(source):
    """Fill in ``source.transcript`` when it was deferred, reusing the text read last time for this source.

    Reading a 1 MB transcript costs milliseconds on every coding request: the overflow pages it spans are
    decrypted again whenever another connection (another server thread) has written since, and decoding its
    UTF-8 costs 3–7 ms more. The source's ``transcript_digest`` (set on every save) is read with the access
    check; a text kept here is reused only while its digest is the same. With no digest, the text is read."""
    if "transcript" in source.__dict__:
        return source
    digest = source.__dict__.get("transcript_digest") or ""
    if digest:
        with _recent_lock:
            cached = _TEXTS.get(source.pk)
            if cached is not None and cached[0] == digest:
                _TEXTS.move_to_end(source.pk)
                source.transcript = cached[1]
                return source
    source.refresh_from_db(fields=["transcript"])
    # Kept only if the digest is that of the text just read (a row changed in between is simply read again).
    if digest and source.digest_of(source.transcript) == digest:
        with _recent_lock:
            _TEXTS[source.pk] = (digest, source.transcript)
            while len(_TEXTS) > _RECENT_SIZE:
                _TEXTS.popitem(last=False)
    return source


def offsets_of(source) -> OffsetMap:
    """One offset map per source, kept on the object for the request and across requests while unchanged."""
    text = source.transcript or ""
    cached = getattr(source, "_coding_offsets", None)
    if cached is not None and cached.text is text:
        return cached
    with _recent_lock:
        cached = _RECENT.get(source.pk)
        if cached is not None and cached.text == text:
            _RECENT.move_to_end(source.pk)
        else:
            cached = OffsetMap(text)
            if source.pk is not None:
                _RECENT[source.pk] = cached
                while len(_RECENT) > _RECENT_SIZE:
                    _RECENT.popitem(last=False)
    source._coding_offsets = cached
    return cached


def span_in_codepoints(text: str, start: int, end: int, units: str = "codepoint",
                       offsets: OffsetMap | None = None) -> tuple[int, int]:
    """``(start, end)`` in code points. A start inside a character rounds down and an end rounds up, so a
    selection that cuts an emoji in half still covers all of it."""
    if units not in UNITS:
        raise ValidationError(_("Unknown unit “%(units)s”: use codepoint, utf16 or utf8.") % {"units": units})
    if start < 0 or end < 0:
        raise ValidationError(_("Offsets cannot be negative."))
    if units == "codepoint":
        return start, end
    offsets = offsets if offsets is not None else OffsetMap(text)
    if units == "utf16":
        total = offsets.utf16_from_codepoint(len(text))
        if end > total:
            raise ValidationError(_("The selection ends after the transcript."))
        cp_start = offsets.codepoint_from_utf16(start)
        cp_end = offsets.codepoint_from_utf16(end)
        if offsets.utf16_from_codepoint(cp_end) < end:
            cp_end += 1
        return cp_start, cp_end
    total = offsets.utf8_from_codepoint(len(text))
    if end > total:
        raise ValidationError(_("The selection ends after the transcript."))
    cp_start = offsets.codepoint_from_utf8(start)
    cp_end = offsets.codepoint_from_utf8(end)
    if offsets.utf8_from_codepoint(cp_end) < end:
        cp_end += 1
    return cp_start, cp_end


def phrase_occurrences(text: str, phrase: str) -> list[int]:
    """Where ``phrase`` starts in ``text`` (overlapping occurrences too), in code points."""
    found, at = [], text.find(phrase)
    while at != -1 and phrase:
        found.append(at)
        at = text.find(phrase, at + 1)
    return found


class AmbiguousPhrase(ValidationError):
    """The phrase occurs more than once and no occurrence was chosen; ``occurrences`` lists the starts."""

    def __init__(self, message, occurrences: list[int]):
        super().__init__(message)
        self.occurrences = occurrences


def span_of_phrase(text: str, phrase: str, occurrence: int | None = None) -> tuple[int, int]:
    """The stretch of the ``occurrence``-th (from 1) appearance of ``phrase``; asks when it is ambiguous."""
    phrase = phrase.strip()
    if not phrase:
        raise ValidationError(_("Select a passage, or type the exact words to code."))
    found = phrase_occurrences(text, phrase)
    if not found:
        raise ValidationError(_("These exact words are not in the transcript: “%(phrase)s”.") % {"phrase": phrase})
    if occurrence is None:
        if len(found) > 1:
            raise AmbiguousPhrase(
                _("These words occur %(n)s times in the transcript: say which occurrence (1–%(n)s) to code.")
                % {"n": len(found)},
                found,
            )
        occurrence = 1
    if not 1 <= occurrence <= len(found):
        raise ValidationError(_("There is no occurrence %(k)s: the words occur %(n)s times.")
                              % {"k": occurrence, "n": len(found)})
    start = found[occurrence - 1]
    return start, start + len(phrase)

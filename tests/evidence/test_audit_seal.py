"""Testimony in the audit log: a length and a keyed fingerprint, whose key follows the master key."""

from ovoz import keys
from ovoz.evidence.services.sources import seal


def test_a_sealed_text_gives_its_length_and_a_fingerprint_but_never_its_words():
    sealed = seal("Хозяин не заплатил за три месяца.")
    assert sealed.startswith("[33 characters ") and "заплатил" not in sealed
    assert seal("Хозяин не заплатил за три месяца.") == sealed, "the same text, the same fingerprint"
    assert seal("Хозяин не заплатил за два месяца.") != sealed
    assert seal("") == ""


def test_the_fingerprint_key_changes_with_the_master_key(monkeypatch):
    text = "Паспорт забрал посредник."
    before = seal(text)
    monkeypatch.setenv("OVOZ_MASTER_KEY", "7a" * 32)
    keys.master_key.cache_clear()
    try:
        after = seal(text)
        assert after != before, "the cached key is not kept across master keys"
        assert seal(text) == after
    finally:
        monkeypatch.undo()
        keys.master_key.cache_clear()
    assert seal(text) == before

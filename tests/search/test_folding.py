"""Folding: every way our five languages are written comes to one search form."""

import random

import pytest

from ovoz.search.fold import fold, spans, tokenize
from ovoz.search.query import parse

# Uzbek words and phrases as the 1995 Latin alphabet and the Cyrillic one write them.
UZBEK_PAIRS = [
    ("иш ҳақи", "ish haqi"),
    ("Иш ҳақи тўланмади", "Ish haqi toʻlanmadi"),
    ("ўзбек", "oʻzbek"),
    ("Ўзбекистон", "Oʻzbekiston"),
    ("ғалла", "gʻalla"),
    ("тоғ", "togʻ"),
    ("боғча", "bogʻcha"),
    ("шартнома", "shartnoma"),
    ("шартномасиз", "shartnomasiz"),
    ("паспорт", "pasport"),
    ("ҳужжат", "hujjat"),
    ("нафақа", "nafaqa"),
    ("зўравонлик", "zoʻravonlik"),
    ("қарз", "qarz"),
    ("чет эл", "chet el"),
    ("ёрдам", "yordam"),
    ("ёмон", "yomon"),
    ("аёл", "ayol"),
    ("ер", "yer"),
    ("етти", "yetti"),
    ("йўл", "yoʻl"),
    ("йўқ", "yoʻq"),
    ("таълим", "taʼlim"),
    ("маълумот", "maʼlumot"),
    ("эълон", "eʼlon"),
    ("маош", "maosh"),
    ("милиция", "militsiya"),
    ("ички ишлар", "ichki ishlar"),
    ("меҳнат", "mehnat"),
    ("хотин", "xotin"),
    ("юридик", "yuridik"),
    ("янги", "yangi"),
    ("ишчи", "ishchi"),
    ("Фарғона", "Fargʻona"),
    ("Хўжайин", "Xoʻjayin"),
    ("қўрқдим", "qoʻrqdim"),
    ("ижтимоий ҳимоя", "ijtimoiy himoya"),
    ("оиладаги зўравонлик", "oiladagi zoʻravonlik"),
]
APOSTROPHES = ["'", "ʻ", "ʼ", "‘", "’", "`"]


@pytest.mark.parametrize("cyrillic, latin", UZBEK_PAIRS)
def test_uzbek_written_in_cyrillic_and_in_latin_folds_to_the_same_words(cyrillic, latin):
    assert fold(cyrillic) == fold(latin)
    assert tokenize(cyrillic) == tokenize(latin)


@pytest.mark.parametrize("mark", APOSTROPHES)
def test_every_apostrophe_an_uzbek_writer_types_is_the_same(mark):
    assert tokenize(f"o{mark}zbek g{mark}alla tog{mark}") == ["o'zbek", "g'alla", "tog'"]


def test_ish_haqi_folds_alike_in_every_spelling():
    assert fold("иш ҳақи") == fold("ish haqi") == fold("Ish haqi") == fold("ISH HAQI") == "ish haqi"


def test_russian_folds_case_and_yo():
    assert fold("ЗАРПЛАТА") == fold("зарплата") == fold("Зарплата")
    assert fold("Ёлка") == fold("елка")
    assert fold("всё") == fold("все")
    assert fold("её") == fold("ее")
    assert fold("Жалоба") == fold("zhaloba") == fold("jaloba")
    assert fold("Хорошо") == fold("khorosho")


def test_kyrgyz_letters_meet_their_latin_spellings():
    assert fold("жаңы") == fold("jañy") == fold("jangy")
    assert fold("өзүм") == fold("özüm")
    assert fold("эмгек акы") == fold("emgek akı")
    # Kyrgyz ө and Uzbek ў are the same vowel: cognates meet.
    assert fold("өз") == fold("ўз")


def test_tajik_letters_meet_their_latin_spellings():
    assert fold("Хуҷанд") == fold("Khujand") == fold("Xujand")
    assert fold("Ғамхорӣ") == fold("Ghamkhori")
    assert fold("қарз") == fold("qarz")
    assert fold("дӯст") == fold("dūst") == fold("dust")
    assert fold("ҳуқуқ") == fold("huquq")


def test_accents_and_compatibility_forms_are_dropped():
    assert fold("café") == fold("cafe")
    assert fold("ﬁrst") == "first"
    assert tokenize("№5") == ["no5"]
    assert tokenize("２０２３") == ["2023"]


def _random_texts(count=300, seed=7):
    alphabet = (
        "abcdefghijklmnopqrstuvwxyzABCXYZ" "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАЁЖЩ" "ўғқҳңөүӣӯҷЎҒҚҲӨҮ"
        "'ʻʼ‘’`´" " \n\t.,-«»!?" "0123456789½²№ﬁ" "éüöñşçğı" "\u0301\u0306" "_—…"
    )
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(count)]


def test_folding_is_idempotent():
    for text in _random_texts() + [cyr for cyr, _lat in UZBEK_PAIRS]:
        assert fold(fold(text)) == fold(text), repr(text)


def test_cutting_then_folding_gives_the_same_words_as_folding_then_cutting():
    """What makes highlighting possible: every indexed word knows its place in the original."""
    for text in _random_texts():
        assert [w for _s, _e, w in spans(text)] == tokenize(text), repr(text)


def test_each_word_knows_its_place_in_the_original_text():
    text = "«Иш ҳақи» — togʻ’ga"
    assert [(text[s:e], w) for s, e, w in spans(text)] == [("Иш", "ish"), ("ҳақи", "haqi"), ("togʻ’ga", "tog'ga")]


def test_punctuation_and_quotes_are_not_words():
    assert tokenize("'ish', \"haqi\"! — (girls') work…") == ["ish", "haqi", "girls", "work"]


class TestQueries:
    def test_words_phrases_prefixes_and_exclusions_are_read(self):
        q = parse('ish "иш ҳақи" зарплат* -police')
        assert [(c.words, c.prefix, c.negated) for c in q.clauses] == [
            (("ish",), False, False),
            (("ish", "haqi"), False, False),
            (("zarplat",), True, False),
            (("police",), False, True),
        ]

    def test_guillemets_quote_a_phrase_and_a_hyphenated_word_is_a_phrase(self):
        assert parse("«без договора»").clauses[0].words == ("bez", "dogovora")
        assert parse("Ak-Zhar").clauses[0].words == ("ak", "jar")

    def test_nothing_searchable_is_an_empty_query(self):
        for text in ("", "   ", "!!! ...", "-", '""', "*"):
            assert not parse(text)
        assert not parse("-police")  # only exclusions find nothing

    def test_a_one_letter_prefix_is_read_as_a_word(self):
        assert parse("a*").clauses[0].prefix is False

    def test_the_query_is_cut_at_a_sane_length(self):
        assert len(parse(" ".join(f"w{i}" for i in range(100))).clauses) == 12

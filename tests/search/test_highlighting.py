"""Snippets mark the matched words of the original text, whatever script the query was typed in."""

from ovoz.search.engine import search
from ovoz.search.highlight import find, first_match, mark, snippet
from ovoz.search.query import parse


def test_a_latin_query_marks_the_cyrillic_words_it_matched(corpus):
    hit = next(h for h in search(corpus.researcher_a, "ish haqi").hits if h.obj.title == "Interview A1")
    assert str(hit.snippet.html) == "<mark>Иш</mark> <mark>ҳақи</mark> тўланмади."
    assert hit.snippet.field == "transcript" and hit.field_label == "Transcript"


def test_a_cyrillic_query_marks_the_latin_words(corpus):
    hit = next(h for h in search(corpus.researcher_a, '"иш ҳақи"').hits if h.obj.title == "Suhbat Farg'onada")
    assert "<mark>ish haqi</mark>" in hit.snippet.html


def test_the_snippet_comes_from_the_field_that_matched_and_titles_are_marked(corpus):
    hits = {h.obj.title: h for h in search(corpus.researcher_a, "complaint").hits}
    assert hits["Consultation in Ak-Zhar"].snippet.field == "outcomes"
    assert "<mark>complaint</mark>" in hits["Consultation in Ak-Zhar"].snippet.html
    market = search(corpus.researcher_a, "market").hits[0]
    assert str(market.title) == "Wages withheld at the <mark>market</mark>"


def test_offsets_point_into_the_original_text():
    text = "Ишчи аёл айтди: «Иш ҳақимни тўламади, иш ҳақи йўқ». Ish haqi!"
    spots = find(text, parse('"ish haqi"'))
    assert [text[s:e] for s, e in spots] == ["иш ҳақи", "Ish haqi"]
    assert first_match(text, parse('"ish haqi"')) == spots[0]
    assert [text[s:e] for s, e in find(text, parse("haqi*"))] == ["ҳақимни", "ҳақи", "haqi"]


def test_text_is_escaped_around_the_marks():
    html = str(mark("<b>Зарплата</b> & <script>", parse("зарплата")))
    assert html == "&lt;b&gt;<mark>Зарплата</mark>&lt;/b&gt; &amp; &lt;script&gt;"


def test_a_long_text_is_cut_around_the_first_match():
    text = "слово " * 200 + "здесь зарплату не выплатили " + "конец " * 200
    s = snippet([("transcript", text)], parse("зарплату"))
    assert s.html.startswith("…") and s.html.endswith("…")
    assert "<mark>зарплату</mark>" in s.html and len(s.html) < 400
    assert text[s.matches[0][0]:s.matches[0][1]] == "зарплату"


def test_without_a_match_the_beginning_is_shown_unmarked():
    s = snippet([("transcript", ""), ("notes", "Something else entirely.")], parse("зарплата"))
    assert s.field == "notes" and str(s.html) == "Something else entirely." and s.matches == []
    assert snippet([("transcript", "")], parse("x")) is None


def test_prefix_and_phrase_marks_in_one_snippet():
    s = snippet([("t", "Ёлка стояла. Елки и ёлочки.")], parse('"ёлка стояла" ёлоч*'))
    assert str(s.html) == "<mark>Ёлка стояла</mark>. Елки и <mark>ёлочки</mark>."


def test_the_snippet_prefers_the_place_where_the_words_stand_together():
    text = "Иш бор эди. " + "Бошқа гап. " * 30 + "Охирги ойда иш ҳақи тўланмади."
    s = snippet([("transcript", text)], parse("ish haqi"))
    assert "<mark>иш</mark> <mark>ҳақи</mark>" in s.html


def test_languages_are_named():
    from ovoz.search.documents import language_label

    assert language_label("uz") == "Uzbek" and language_label("uz-Cyrl") == "Uzbek (Cyrillic)"
    assert language_label("xx") == "xx" and language_label("") == ""

"""The coding pages keep transcripts in memory and reuse one only while the source's fingerprint of its
transcript is unchanged: a transcript edited before its first coding shows at once as edited."""

from django.urls import reverse

from ovoz.analysis.coding_spans import _TEXTS
from ovoz.evidence.models import Source
from ovoz.evidence.services.sources import source_update


def test_every_save_keeps_the_transcript_fingerprint_in_step(analysis):
    c = analysis
    source = Source.objects.get(pk=c.s1.pk)
    assert source.transcript_digest == Source.digest_of(source.transcript)
    source.transcript = "Другой текст."
    source.save(update_fields=["transcript"])
    assert Source.objects.get(pk=source.pk).transcript_digest == Source.digest_of("Другой текст.")


def test_an_edited_transcript_shows_as_edited_on_the_coding_page(analysis, as_user):
    c = analysis
    client = as_user(c.researcher_a)
    url = reverse("analysis:coding", args=[c.s1.pk])
    before = Source.objects.get(pk=c.s1.pk).transcript
    assert before[:10] in client.get(url).content.decode()
    assert _TEXTS[c.s1.pk][1] == before  # kept for the next request
    # Same length, other words: only the fingerprint tells them apart.
    edited = "Ё" + before[1:]
    source_update(actor=c.researcher_a, source=c.s1, transcript=edited)
    body = client.get(url).content.decode()
    assert edited[:10] in body and _TEXTS[c.s1.pk][1] == edited


def test_a_source_without_a_fingerprint_is_read_each_time_and_not_kept(analysis, as_user):
    c = analysis
    Source.objects.filter(pk=c.s1.pk).update(transcript_digest="")
    _TEXTS.pop(c.s1.pk, None)
    client = as_user(c.researcher_a)
    assert client.get(reverse("analysis:coding", args=[c.s1.pk])).status_code == 200
    assert c.s1.pk not in _TEXTS

"""The index follows the evidence: the evidence services call index_object and unindex_object."""

import io

import pytest
from django.core.management import call_command

from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import Act, Incident, IncidentSource
from ovoz.search.engine import search
from ovoz.search.index import index_object, reindex_all, unindex_object
from ovoz.search.models import Entry, EntryParticipant, EntryViolation
from tests.search.conftest import titles


def test_the_index_follows_a_changed_transcript(corpus):
    me = corpus.researcher_a
    corpus.ru.transcript = "Теперь здесь про детское пособие."
    corpus.ru.save()
    assert titles(search(me, "работодатель")) == {"Интервью в Бишкеке"}  # not yet told
    index_object(corpus.ru)
    assert titles(search(me, "работодатель")) == set()
    assert titles(search(me, "пособие")) == {"Интервью в Бишкеке"}
    assert Entry.objects.filter(object_type="source", object_id=corpus.ru.pk).count() == 1


def test_sharing_a_source_makes_it_searchable_by_the_coordinator(corpus):
    assert titles(search(corpus.coordinator, "Xujand")) == set()
    corpus.tg.shared_with_programme = True
    corpus.tg.save()
    index_object(corpus.tg)
    assert titles(search(corpus.coordinator, "Xujand")) == {"Суҳбат дар Хуҷанд"}


def test_participants_linked_later_are_followed(corpus):
    corpus.en.participants.add(corpus.a2)  # a2 does not allow sharing with coordinators
    index_object(corpus.en)
    assert set(EntryParticipant.objects.filter(entry__object_id=corpus.en.pk, entry__object_type="source")
               .values_list("participant_id", flat=True)) == {corpus.a2.pk}


def test_a_source_brings_its_attachments_along(corpus):
    corpus.ru.date = corpus.ru.date.replace(year=2020)
    corpus.ru.save()
    index_object(corpus.ru)
    assert Entry.objects.get(object_type="attachment", object_id=corpus.scan.pk).date.year == 2020


def test_unindexing_takes_an_object_and_its_attachments_out(corpus):
    unindex_object(corpus.ru)
    assert titles(search(corpus.researcher_a, "зарплат*")) == set()
    assert not Entry.objects.filter(object_type="attachment", object_id=corpus.scan.pk).exists()
    unindex_object(corpus.incident)
    assert titles(search(corpus.researcher_a, "market")) == set()


def test_an_incident_gives_its_violation_types_to_the_sources_it_cites(corpus):
    def types_of(source):
        return set(EntryViolation.objects.filter(entry__object_type="source", entry__object_id=source.pk)
                   .values_list("term_id", flat=True))

    assert types_of(corpus.uz_latin) == {corpus.wage_theft.pk}
    other = Incident.objects.create(partnership=corpus.a, title="Stopped by the police")
    Act.objects.create(incident=other, act_type=corpus.police)
    link = IncidentSource.objects.create(incident=other, source=corpus.uz_latin, connection="victim")
    index_object(other)
    assert types_of(corpus.uz_latin) == {corpus.wage_theft.pk, corpus.police.pk}
    unindex_object(link)  # as the service does before it deletes the link
    link.delete()
    assert types_of(corpus.uz_latin) == {corpus.wage_theft.pk}
    unindex_object(corpus.incident)
    assert types_of(corpus.uz_latin) == set()


def test_a_participant_needs_no_reindexing(corpus):
    before = Entry.objects.count()
    index_object(corpus.a1)
    assert Entry.objects.count() == before


def test_anything_else_is_refused(corpus):
    with pytest.raises(TypeError):
        index_object(corpus.a)


def test_reindexing_everything_gives_the_same_answers(corpus):
    me = corpus.researcher_a
    before = {q: titles(search(me, q)) for q in ("ish haqi", "зарплат*", "wages", "Xujand")}
    assert reindex_all() == Entry.objects.count() == 11
    assert {q: titles(search(me, q)) for q in before} == before


def test_ovoz_reindex_shows_progress_and_writes_the_audit_log(corpus):
    out = io.StringIO()
    call_command("reindex", stdout=out)
    assert "Indexing: 100% (11/11)" in out.getvalue()
    assert "The search index holds 11 objects." in out.getvalue()
    assert AuditEntry.objects.filter(action="search.reindex").count() == 1


def test_ovoz_reindex_of_one_partnership_leaves_the_others_alone(corpus):
    out = io.StringIO()
    call_command("reindex", "--partnership", str(corpus.b.pk), stdout=out)
    assert "holds 2 objects" in out.getvalue()
    assert Entry.objects.count() == 11
    assert AuditEntry.objects.get(action="search.reindex").partnership == corpus.b


def test_ovoz_reindex_refuses_an_unknown_partnership(corpus):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No partnership with id 999999"):
        call_command("reindex", "--partnership", "999999", stdout=io.StringIO())


def test_the_demo_loader_indexes_once(corpus):
    from ovoz.search.demo import demo_load

    Entry.objects.all().delete()
    partnerships = {"a": corpus.a, "b": corpus.b}
    assert demo_load(programme=corpus.programme, partnerships=partnerships, coordinator=corpus.coordinator) == 11
    assert demo_load(programme=corpus.programme, partnerships=partnerships, coordinator=corpus.coordinator) == 0
    assert Entry.objects.count() == 11

"""Keeping the search index in step with the evidence.

The evidence services call ``index_object(obj)`` after they save a source, an attachment or an incident, and
``unindex_object(obj)`` before they delete one, inside their own transaction (no signals). ``reindex_all()``
rebuilds everything (``ovoz reindex``). For many objects at once (an import), the bulk form is
``write_documents(source_documents(ids))`` and ``write_documents(incident_documents(ids))``, after the
incidents' acts and source links are written (a source's violation types come from them).

What is never copied into the index: consent and participants' attributes (migrant status). Searches read
them from the participants at the moment of the search, so a withdrawal needs no re-indexing.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.utils import timezone

from ovoz.evidence.models import Act, Attachment, Incident, IncidentSource, Participant, Source
from ovoz.imports.rows import insert_rows
from ovoz.search.backends import get_backend
from ovoz.search.backends.base import Text
from ovoz.search.documents import (
    Document,
    attachment_document,
    incident_document,
    object_type_of,
    source_document,
)
from ovoz.search.fold import tokenize
from ovoz.search.models import Entry, EntryParticipant, EntryViolation
from ovoz.search.tags import entry_tags

BATCH = 200


# --- reading the evidence ------------------------------------------------------------------------------------


def _pairs(rows) -> dict[int, set[int]]:
    out: dict[int, set[int]] = defaultdict(set)
    for key, value in rows:
        if value is not None:
            out[key].add(value)
    return out


def _source_violations(source_ids, *, without_incident=None, without_link=None) -> dict[int, set[int]]:
    links = IncidentSource.objects.filter(source_id__in=source_ids)
    if without_incident is not None:
        links = links.exclude(incident_id=without_incident)
    if without_link is not None:
        links = links.exclude(pk=without_link)
    return _pairs(links.values_list("source_id", "incident__acts__act_type_id"))


def source_documents(source_ids: Iterable[int], *, with_attachments: bool = True) -> list[Document]:
    """Documents for these sources (and all their attachments, unless told not to)."""
    source_ids = list(source_ids)
    participants = _pairs(
        Source.participants.through.objects.filter(source_id__in=source_ids).values_list("source_id", "participant_id")
    )
    violations = _source_violations(source_ids)
    docs = {
        s.pk: source_document(s, participants[s.pk], violations[s.pk])
        for s in Source.objects.select_related("partnership").filter(pk__in=source_ids)
    }
    out = list(docs.values())
    if with_attachments:
        for attachment in Attachment.objects.filter(source_id__in=list(docs)).order_by("pk"):
            out.append(attachment_document(attachment, docs[attachment.source_id]))
    return out


def attachment_documents(attachment_ids: Iterable[int]) -> list[Document]:
    attachments = list(Attachment.objects.filter(pk__in=list(attachment_ids)))
    sources = {d.object_id: d for d in source_documents({a.source_id for a in attachments}, with_attachments=False)}
    return [attachment_document(a, sources[a.source_id]) for a in attachments if a.source_id in sources]


def incident_documents(incident_ids: Iterable[int]) -> list[Document]:
    incident_ids = list(incident_ids)
    victims = _pairs(
        Act.victims.through.objects.filter(act__incident_id__in=incident_ids).values_list(
            "act__incident_id", "participant_id"
        )
    )
    violations = _pairs(Act.objects.filter(incident_id__in=incident_ids).values_list("incident_id", "act_type_id"))
    return [
        incident_document(i, victims[i.pk], violations[i.pk])
        for i in Incident.objects.select_related("partnership").filter(pk__in=incident_ids)
    ]


# --- writing the index ---------------------------------------------------------------------------------------


ENTRY_COLUMNS = ["object_type", "object_id", "kind", "partnership_id", "programme_id", "country", "language",
                 "date", "shared", "indexed_at"]


def _entry_row(doc: Document, now) -> tuple:
    return (doc.object_type, doc.object_id, doc.kind, doc.partnership_id, doc.programme_id, doc.country or "",
            (doc.language or "")[:8], doc.date, doc.shared, now)


def _existing_entries(docs: list[Document]) -> dict[tuple[str, int], int]:
    existing = {}
    for object_type in {d.object_type for d in docs}:
        ids = [d.object_id for d in docs if d.object_type == object_type]
        for start in range(0, len(ids), 500):
            for pk, object_id in Entry.objects.filter(
                object_type=object_type, object_id__in=ids[start:start + 500]
            ).values_list("pk", "object_id"):
                existing[(object_type, object_id)] = pk
    return existing


def write_documents(docs: list[Document]) -> None:
    """Add or replace these documents in the index: entry, participants, violation types and words.

    Rows are written as plain tuples in multi-row statements (``ovoz.imports.rows``), without model instances:
    an import of 10,000 submissions writes some 25,000 entries and twice as many links, and ``bulk_create``'s
    per-object work cost more than the database's."""
    if not docs:
        return
    now = timezone.now()
    with transaction.atomic():
        existing = _existing_entries(docs)
        replaced = [doc for doc in docs if (doc.object_type, doc.object_id) in existing]
        new = [doc for doc in docs if (doc.object_type, doc.object_id) not in existing]
        if replaced:
            updates = [Entry(pk=existing[(d.object_type, d.object_id)], **dict(zip(ENTRY_COLUMNS, _entry_row(d, now),
                                                                                  strict=True)))
                       for d in replaced]
            Entry.objects.bulk_update(updates, ENTRY_COLUMNS[2:], batch_size=500)
            updated = [e.pk for e in updates]
            EntryParticipant.objects.filter(entry_id__in=updated).delete()
            EntryViolation.objects.filter(entry_id__in=updated).delete()
            with connection.cursor() as cursor:
                get_backend().delete(cursor, updated)
        ids = insert_rows(Entry, ENTRY_COLUMNS, [_entry_row(d, now) for d in new], returning=True)
        entries = dict(existing)
        entries.update({(d.object_type, d.object_id): pk for d, pk in zip(new, ids, strict=True)})
        links, violations, texts = [], [], []
        for doc in docs:
            pk = entries[(doc.object_type, doc.object_id)]
            links += [(pk, p) for p in sorted(doc.participant_ids)]
            violations += [(pk, t) for t in sorted(doc.violation_ids)]
            texts.append(Text(entry_id=pk, title=tokenize(doc.title), fields=[tokenize(t) for t in doc.texts],
                              tags=entry_tags(doc)))
        insert_rows(EntryParticipant, ["entry_id", "participant_id"], links)
        insert_rows(EntryViolation, ["entry_id", "term_id"], violations)
        with connection.cursor() as cursor:
            get_backend().insert(cursor, texts)


def _delete_entries(entry_ids: list[int]) -> None:
    if not entry_ids:
        return
    EntryParticipant.objects.filter(entry_id__in=entry_ids).delete()
    EntryViolation.objects.filter(entry_id__in=entry_ids).delete()
    with connection.cursor() as cursor:
        get_backend().delete(cursor, entry_ids)
    Entry.objects.filter(pk__in=entry_ids).delete()


def _refresh_source_violations(source_ids, **without) -> None:
    """Re-read which violation types the sources (and their attachments) document, without re-reading text."""
    source_ids = list(source_ids)
    if not source_ids:
        return
    violations = _source_violations(source_ids, **without)
    attachment_source = dict(Attachment.objects.filter(source_id__in=source_ids).values_list("pk", "source_id"))
    entries = list(Entry.objects.filter(object_type="source", object_id__in=source_ids).values_list("pk", "object_id"))
    entries += [
        (pk, attachment_source[object_id])
        for pk, object_id in Entry.objects.filter(
            object_type="attachment", object_id__in=list(attachment_source)
        ).values_list("pk", "object_id")
    ]
    EntryViolation.objects.filter(entry_id__in=[pk for pk, _s in entries]).delete()
    EntryViolation.objects.bulk_create(
        [EntryViolation(entry_id=pk, term_id=t) for pk, source_id in entries for t in sorted(violations[source_id])]
    )


# --- the interface the evidence services call -----------------------------------------------------------------


@transaction.atomic
def index_object(obj) -> None:
    """Bring the index up to date with ``obj`` (a source, attachment, incident, or an incident's source link).

    A source brings its attachments along; an incident also updates the violation types of the sources it
    cites. A participant needs nothing: her consent and attributes are read at search time.
    """
    if isinstance(obj, Participant):
        return
    if isinstance(obj, IncidentSource):
        _refresh_source_violations([obj.source_id])
        return
    kind = object_type_of(obj)
    if kind == "source":
        write_documents(source_documents([obj.pk]))
    elif kind == "attachment":
        write_documents(attachment_documents([obj.pk]))
    else:
        write_documents(incident_documents([obj.pk]))
        _refresh_source_violations(IncidentSource.objects.filter(incident_id=obj.pk).values_list("source_id",
                                                                                                   flat=True))


@transaction.atomic
def unindex_object(obj) -> None:
    """Take ``obj`` out of the index (call it before deleting ``obj``). A source takes its attachments along."""
    if isinstance(obj, IncidentSource):  # the link is going: the source no longer documents those acts
        _refresh_source_violations([obj.source_id], without_link=obj.pk)
        return
    kind = object_type_of(obj)
    entries = Entry.objects.filter(object_type=kind, object_id=obj.pk)
    if kind == "source":
        attachments = list(Attachment.objects.filter(source_id=obj.pk).values_list("pk", flat=True))
        entries = entries | Entry.objects.filter(object_type="attachment", object_id__in=attachments)
    _delete_entries(list(entries.values_list("pk", flat=True)))
    if kind == "incident":
        _refresh_source_violations(
            IncidentSource.objects.filter(incident_id=obj.pk).values_list("source_id", flat=True),
            without_incident=obj.pk,
        )


def _batches(ids: list[int], size: int = BATCH):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


@transaction.atomic
def reindex_all(*, partnership_ids: Iterable[int] | None = None,
                progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the index (of some partnerships, or all); returns how many objects it holds now."""
    sources = Source.objects.all()
    incidents = Incident.objects.all()
    entries = Entry.objects.all()
    if partnership_ids is not None:
        partnership_ids = list(partnership_ids)
        sources = sources.filter(partnership_id__in=partnership_ids)
        incidents = incidents.filter(partnership_id__in=partnership_ids)
        entries = entries.filter(partnership_id__in=partnership_ids)
        for batch in _batches(list(entries.values_list("pk", flat=True)), 500):
            _delete_entries(batch)
    else:
        EntryParticipant.objects.all().delete()
        EntryViolation.objects.all().delete()
        with connection.cursor() as cursor:
            get_backend().clear(cursor)
        Entry.objects.all().delete()
    source_ids = list(sources.order_by("pk").values_list("pk", flat=True))
    incident_ids = list(incidents.order_by("pk").values_list("pk", flat=True))
    total = len(source_ids) + Attachment.objects.filter(source_id__in=sources.values("pk")).count() + len(
        incident_ids)
    done = 0
    if progress:
        progress(done, total)
    for batch in _batches(source_ids):
        docs = source_documents(batch)
        write_documents(docs)
        done += len(docs)
        if progress:
            progress(done, total)
    for batch in _batches(incident_ids):
        docs = incident_documents(batch)
        write_documents(docs)
        done += len(docs)
        if progress:
            progress(done, total)
    return done

"""The demo's search index: everything the other demo loaders created, indexed. Call it after them."""

from ovoz.search.models import Entry
from ovoz.search.services import index_rebuild


def demo_load(*, programme, partnerships, coordinator):
    """Index the demo partnerships' evidence; running it again changes nothing."""
    partnerships = list(partnerships.values())
    from ovoz.evidence.models import Incident, Source

    expected = Source.objects.filter(partnership__in=partnerships).count() + Incident.objects.filter(
        partnership__in=partnerships).count()
    indexed = Entry.objects.filter(partnership__in=partnerships).exclude(object_type="attachment").count()
    if expected and indexed == expected:
        return 0
    return index_rebuild(actor=None, partnerships=partnerships)

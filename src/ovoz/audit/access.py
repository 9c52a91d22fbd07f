from django.db.models import QuerySet

from ovoz.audit.models import AuditEntry
from ovoz.programmes.access import coordinated_programme_ids


def audit_entries_visible_to(user) -> QuerySet[AuditEntry]:
    """Site administrators see everything; coordinators the rows about their programmes."""
    if getattr(user, "is_superuser", False):
        return AuditEntry.objects.all()
    ids = coordinated_programme_ids(user)
    if not ids:
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(programme_id__in=ids)


def can_browse_audit(user) -> bool:
    return getattr(user, "is_superuser", False) or bool(coordinated_programme_ids(user))

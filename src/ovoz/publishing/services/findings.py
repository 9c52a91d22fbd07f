"""Findings and the evidence linked to them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, audited_update
from ovoz.publishing.models import Finding, FindingLink

FIELDS = ["statement", "statement_local", "theme", "status"]


@transaction.atomic
def finding_create(*, actor, programme, statement: str, partnership=None, **values) -> Finding:
    if not (statement or "").strip():
        raise ValidationError(_("Write the finding."))
    if partnership is not None and partnership.programme_id != programme.pk:
        raise ValidationError(_("This partnership is not in the programme."))
    finding = Finding.objects.create(programme=programme, partnership=partnership, statement=statement.strip(),
                                     created_by=actor, **values)
    audit_write(actor=actor, action="finding.create", obj=finding, programme=programme, partnership=partnership)
    return finding


@transaction.atomic
def finding_update(*, actor, finding: Finding, **values) -> Finding:
    values.setdefault("status", finding.status)
    audited_update(actor=actor, instance=finding, fields=FIELDS, values=values, action="finding.update",
                   programme=finding.programme, partnership=finding.partnership)
    Finding.objects.filter(pk=finding.pk).update(updated_at=timezone.now())
    return finding


@transaction.atomic
def finding_delete(*, actor, finding: Finding) -> None:
    audit_write(actor=actor, action="finding.delete", obj=finding, programme=finding.programme,
                partnership=finding.partnership)
    finding.delete()


def _check_scope(finding: Finding, partnership_id: int, programme_id: int) -> None:
    if programme_id != finding.programme_id or (finding.partnership_id and partnership_id != finding.partnership_id):
        raise ValidationError(_("Evidence of another partnership cannot support this finding."))


@transaction.atomic
def finding_link_add(*, actor, finding: Finding, coding=None, incident=None, statistic: dict | None = None,
                     note: str = "") -> FindingLink:
    if sum(x is not None for x in (coding, incident, statistic)) != 1:
        raise ValidationError(_("Link one coded segment, incident or statistic at a time."))
    if coding is not None:
        _check_scope(finding, coding.source.partnership_id, coding.source.partnership.programme_id)
        kind = FindingLink.Kind.CODING
    elif incident is not None:
        _check_scope(finding, incident.partnership_id, incident.partnership.programme_id)
        kind = FindingLink.Kind.INCIDENT
    else:
        kind = FindingLink.Kind.STATISTIC
    link = FindingLink.objects.create(finding=finding, kind=kind, coding=coding, incident=incident,
                                      statistic=statistic or {}, note=note)
    audit_write(actor=actor, action="finding.link", obj=finding, programme=finding.programme,
                partnership=finding.partnership, changes={"kind": kind, "link": link.pk})
    return link


@transaction.atomic
def finding_link_remove(*, actor, link: FindingLink) -> None:
    finding = link.finding
    audit_write(actor=actor, action="finding.unlink", obj=finding, programme=finding.programme,
                partnership=finding.partnership, changes={"kind": link.kind, "link": link.pk})
    link.delete()

"""The way to publication: a researcher drafts, the mentor reviews, a coordinator approves and publishes.

Approval and publication pass through the disclosure gate: a problem blocks them until it is fixed or a
coordinator overrides it with a written reason (audited). A published version is frozen and kept; editing
again starts a new draft and the next publication makes the next version.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.accounts.roles import Role
from ovoz.audit.services import audit_write
from ovoz.publishing.access import role_in
from ovoz.publishing.disclosure.gate import RULES, blocking, disclosure_check
from ovoz.publishing.document import build_document, languages_of
from ovoz.publishing.models import DisclosureOverride, Publication, PublishedVersion

S = Publication.Status


def _move(actor, publication: Publication, to: str, action: str, note: str = "") -> Publication:
    old = publication.status
    publication.status = to
    publication.updated_at = timezone.now()
    publication.save(update_fields=["status", "updated_at"])
    audit_write(actor=actor, action=action, obj=publication, programme=publication.programme,
                partnership=publication.partnership,
                changes={"status": {"old": old, "new": to}, **({"note": note} if note else {})})
    return publication


def _require(actor, publication: Publication, roles: set[Role], states: set[str]) -> None:
    role = role_in(actor, publication)
    if role not in roles:
        raise ValidationError(_("Your role cannot take this step."))
    if publication.status not in states:
        raise ValidationError(_("This step is not possible while the publication is “%(status)s”.")
                              % {"status": publication.get_status_display()})


def _gate(publication: Publication) -> dict:
    documents = {lang: build_document(publication, lang) for lang in languages_of(publication)}
    problems = blocking(disclosure_check(publication, documents))
    if problems:
        raise ValidationError(
            _("The disclosure gate found %(n)s problem(s) to fix or override first: %(first)s")
            % {"n": len(problems), "first": problems[0].message}, code="disclosure")
    return documents


@transaction.atomic
def publication_submit(*, actor, publication: Publication) -> Publication:
    _require(actor, publication, {Role.RESEARCHER, Role.MENTOR}, {S.DRAFT})
    return _move(actor, publication, S.IN_REVIEW, "publication.submit")


@transaction.atomic
def publication_review(*, actor, publication: Publication, approve: bool, note: str = "") -> Publication:
    """The mentor passes it on to the coordinators, or sends it back with what to change."""
    _require(actor, publication, {Role.MENTOR, Role.COORDINATOR}, {S.IN_REVIEW})
    if not approve and not note.strip():
        raise ValidationError(_("Say what should change."))
    return _move(actor, publication, S.REVIEWED if approve else S.DRAFT, "publication.review", note)


@transaction.atomic
def publication_approve(*, actor, publication: Publication) -> Publication:
    allowed = {S.REVIEWED} | ({S.DRAFT, S.IN_REVIEW} if publication.partnership_id is None else set())
    _require(actor, publication, {Role.COORDINATOR}, allowed)
    _gate(publication)
    return _move(actor, publication, S.APPROVED, "publication.approve")


@transaction.atomic
def publication_publish(*, actor, publication: Publication) -> PublishedVersion:
    _require(actor, publication, {Role.COORDINATOR}, {S.APPROVED})
    documents = _gate(publication)
    number = (publication.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    used = sorted({pk for doc in documents.values() for pk in doc["participants"]})
    version = PublishedVersion.objects.create(publication=publication, number=number, documents=documents,
                                              participant_ids=used, published_by=actor)
    _move(actor, publication, S.PUBLISHED, "publication.publish", f"v{number}")
    return version


@transaction.atomic
def publication_reopen(*, actor, publication: Publication) -> Publication:
    """Start a new draft from an approved or published publication; published versions stay as they were."""
    _require(actor, publication, {Role.COORDINATOR, Role.MENTOR, Role.RESEARCHER}, {S.APPROVED, S.PUBLISHED})
    return _move(actor, publication, S.DRAFT, "publication.reopen")


@transaction.atomic
def disclosure_override(*, actor, publication: Publication, rule: str, key: str, reason: str) -> DisclosureOverride:
    if role_in(actor, publication) != Role.COORDINATOR:
        raise ValidationError(_("Only a coordinator can override the disclosure gate."))
    if rule not in RULES:
        raise ValidationError(_("Unknown disclosure rule."))
    if len((reason or "").strip()) < 10:
        raise ValidationError(_("Write the reason for publishing despite this problem (at least a sentence)."))
    override, _created = DisclosureOverride.objects.update_or_create(
        publication=publication, rule=rule, key=key,
        defaults={"reason": reason.strip(), "decided_by": actor, "decided_at": timezone.now()},
    )
    audit_write(actor=actor, action="disclosure.override", obj=publication, programme=publication.programme,
                partnership=publication.partnership, changes={"rule": rule, "key": key, "reason": reason.strip()})
    return override


@transaction.atomic
def disclosure_override_remove(*, actor, override: DisclosureOverride) -> None:
    publication = override.publication
    if role_in(actor, publication) != Role.COORDINATOR:
        raise ValidationError(_("Only a coordinator can override the disclosure gate."))
    audit_write(actor=actor, action="disclosure.override_remove", obj=publication, programme=publication.programme,
                partnership=publication.partnership, changes={"rule": override.rule, "key": override.key})
    override.delete()


@transaction.atomic
def version_withdraw(*, actor, version: PublishedVersion, reason: str) -> PublishedVersion:
    publication = version.publication
    if role_in(actor, publication) != Role.COORDINATOR:
        raise ValidationError(_("Only a coordinator can withdraw a published version."))
    if not (reason or "").strip():
        raise ValidationError(_("Say why the version is withdrawn."))
    version.withdrawn_at = timezone.now()
    version.save(update_fields=["withdrawn_at"])
    audit_write(actor=actor, action="publication.withdraw", obj=publication, programme=publication.programme,
                partnership=publication.partnership, changes={"version": version.number, "reason": reason.strip()})
    return version

"""Writes to the shared registry: ratifications, the review calendar and the rights mapping. Each audited."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, diff, snapshot
from ovoz.mechanisms.models import Ratification, Review, ReviewReminder, RightsMapping

RATIFICATION_FIELDS = ["status", "year", "date", "verified", "reference", "note", "source", "as_of"]
REVIEW_FIELDS = ["mechanism", "country", "session", "review_on", "when_text", "submission_deadline", "status",
                 "source", "as_of", "notes"]


def _clean_ratification(values: dict) -> None:
    if not values.get("source") or not values.get("as_of"):
        raise ValidationError(_("Say where the fact comes from and the date it was true on (“as of”)."))
    status = values.get("status")
    if status not in Ratification.Status.values:
        raise ValidationError(_("Unknown status."))
    if status != Ratification.Status.PARTY and values.get("verified") and status == Ratification.Status.UNKNOWN:
        raise ValidationError(_("An unknown status cannot be marked as checked: record what the check found."))
    date = values.get("date")
    if date and values.get("year") and date.year != values["year"]:
        raise ValidationError(_("The exact date and the year do not agree."))
    if date and not values.get("year"):
        values["year"] = date.year


@transaction.atomic
def ratification_update(*, actor, ratification: Ratification, **values) -> Ratification:
    _clean_ratification(values)
    old = snapshot(ratification, RATIFICATION_FIELDS)
    for name in RATIFICATION_FIELDS:
        if name in values:
            setattr(ratification, name, values[name])
    ratification.updated_by = actor if getattr(actor, "pk", None) else None
    ratification.updated_at = timezone.now()
    ratification.save()
    audit_write(actor=actor, action="ratification.update", obj=ratification,
                changes=diff(old, snapshot(ratification, RATIFICATION_FIELDS)))
    return ratification


def _clean_review(values: dict) -> None:
    if not values.get("review_on") and not values.get("when_text"):
        raise ValidationError(_("Give the review date, or say when it is expected (for example “date unverified”)."))
    deadline, on = values.get("submission_deadline"), values.get("review_on")
    if deadline and on and deadline > on:
        raise ValidationError(_("The deadline for submissions must not be after the review."))
    if not values.get("source"):
        raise ValidationError(_("Say where the date comes from."))


@transaction.atomic
def review_create(*, actor, **values) -> Review:
    _clean_review(values)
    values.setdefault("as_of", datetime.date.today())
    review = Review.objects.create(created_by=actor if getattr(actor, "pk", None) else None,
                                   **{k: v for k, v in values.items() if k in REVIEW_FIELDS + ["is_fictional"]})
    audit_write(actor=actor, action="review.create", obj=review, changes=snapshot(review, REVIEW_FIELDS))
    return review


@transaction.atomic
def review_update(*, actor, review: Review, **values) -> Review:
    merged = {**snapshot(review, REVIEW_FIELDS), **values}
    merged["review_on"], merged["submission_deadline"] = (values.get("review_on", review.review_on),
                                                          values.get("submission_deadline", review.submission_deadline))
    _clean_review(merged)
    old = snapshot(review, REVIEW_FIELDS)
    for name in REVIEW_FIELDS:
        if name in values:
            setattr(review, name, values[name])
    review.save()
    audit_write(actor=actor, action="review.update", obj=review, changes=diff(old, snapshot(review, REVIEW_FIELDS)))
    return review


@transaction.atomic
def review_delete(*, actor, review: Review) -> None:
    audit_write(actor=actor, action="review.delete", obj=review, changes=snapshot(review, REVIEW_FIELDS))
    review.delete()


@transaction.atomic
def review_reminder_record(*, actor, review: Review, deadline, stage: int, sent_on, recipients) -> ReviewReminder:
    reminder = ReviewReminder.objects.create(review=review, deadline=deadline, stage=stage, sent_on=sent_on,
                                             recipients=", ".join(u.username for u in recipients))
    audit_write(actor=actor, action="review.remind", obj=review,
                changes={"deadline": str(deadline), "stage": stage, "recipients": reminder.recipients})
    return reminder


@transaction.atomic
def mapping_add(*, actor, article, term=None, code=None) -> RightsMapping:
    if (term is None) == (code is None):
        raise ValidationError(_("Map either a violation type or a code, not both."))
    if term is not None and term.vocabulary != "violation":
        raise ValidationError(_("Only types of violation can be mapped to articles."))
    try:
        with transaction.atomic():
            mapping = RightsMapping.objects.create(article=article, term=term, code=code,
                                                   created_by=actor if getattr(actor, "pk", None) else None)
    except IntegrityError:
        raise ValidationError(_("This mapping exists already.")) from None
    programme = code.programme if code is not None else None
    audit_write(actor=actor, action="mapping.add", obj=mapping, programme=programme,
                partnership=code.partnership if code is not None else None,
                changes={"article": str(article), "term": term.code if term else "", "code": code.pk if code else ""})
    return mapping


@transaction.atomic
def mapping_delete(*, actor, mapping: RightsMapping) -> None:
    code = mapping.code
    audit_write(actor=actor, action="mapping.delete", obj=mapping,
                programme=code.programme if code is not None else None,
                partnership=code.partnership if code is not None else None,
                changes={"article": str(mapping.article), "term": mapping.term.code if mapping.term_id else "",
                         "code": mapping.code_id or ""})
    mapping.delete()

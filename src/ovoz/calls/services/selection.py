"""Reviews, the selection, and its announcement."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.accounts.roles import Role
from ovoz.audit.services import audit_write, audited_update
from ovoz.calls import announce
from ovoz.calls.models import (
    SCORE_MAX,
    SCORE_MIN,
    Application,
    Call,
    Review,
    Score,
)
from ovoz.calls.services.common import application_repr, refuse_if_announced

# --- reviews -------------------------------------------------------------------------------------------


@transaction.atomic
def review_save(*, actor, application: Application, scores: dict, comment: str = "", submit: bool = False) -> Review:
    """Save a reviewer's scores (``{criterion_id: (value, comment)}``) as a draft, or submit them.

    A submitted review is final: from then on she sees the other reviewers' scores, so she may no
    longer change hers.
    """
    call = application.call
    refuse_if_announced(call)
    if not call.reviewer_links.filter(user=actor).exists():
        raise ValidationError(_("Only the call's reviewers can review its applications."))
    if not application.eligible:
        raise ValidationError(_("Only eligible applications are reviewed."))
    criteria = {c.pk: c for c in call.criteria.all()}
    review, _created = Review.objects.get_or_create(application=application, reviewer=actor)
    if review.is_submitted:
        raise ValidationError(_("This review is already submitted and can no longer change."))
    clean = {}
    for pk, (value, text) in scores.items():
        if pk not in criteria:
            raise ValidationError(_("That criterion is not part of this call."))
        if value is None:
            continue
        if not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
            raise ValidationError(
                _("A score is a whole number from %(low)d to %(high)d.") % {"low": SCORE_MIN, "high": SCORE_MAX}
            )
        clean[pk] = (value, (text or "").strip())
    if submit:
        missing = [c.name for pk, c in criteria.items() if pk not in clean]
        if missing:
            raise ValidationError(
                _("Score every criterion before submitting: %(names)s.") % {"names": ", ".join(missing)}
            )
    before = {str(s.criterion_id): s.value for s in review.scores.all()}
    review.scores.exclude(criterion_id__in=list(clean)).delete()
    for pk, (value, text) in clean.items():
        Score.objects.update_or_create(review=review, criterion_id=pk, defaults={"value": value, "comment": text})
    review.comment = comment.strip()
    if submit:
        review.submitted_at = timezone.now()
    review.save()
    after = {str(pk): value for pk, (value, _t) in clean.items()}
    audit_write(
        actor=actor,
        action="review.submit" if submit else "review.save",
        obj=review,
        programme=call.programme,
        object_repr=f"review of {application_repr(application)}",
        changes={"scores": {"old": before or None, "new": after}} if before != after else {},
    )
    return review


# --- selection and announcement ------------------------------------------------------------------------


@transaction.atomic
def call_select(*, actor, call: Call, applications) -> list[Application]:
    """Make exactly ``applications`` the selected ones (eligible, at most the call's places)."""
    refuse_if_announced(call)
    if call.state != Call.State.CLOSED:
        raise ValidationError(_("Close the call before selecting partners."))
    chosen = {a.pk for a in applications}
    rows = list(call.applications.all())
    by_pk = {a.pk: a for a in rows}
    if chosen - set(by_pk):
        raise ValidationError(_("That application is not part of this call."))
    if any(not by_pk[pk].eligible for pk in chosen):
        raise ValidationError(_("Only eligible applications can be selected."))
    if len(chosen) > call.places_max:
        raise ValidationError(
            _("At most %(n)d organisations can be selected; you chose %(chosen)d.")
            % {"n": call.places_max, "chosen": len(chosen)}
        )
    for a in rows:
        want = a.pk in chosen
        if a.selected != want:
            audited_update(
                actor=actor, instance=a, fields=["selected"], values={"selected": want},
                action="application.select" if want else "application.unselect", clean=False,
                programme=call.programme, object_repr=application_repr(a),
            )
    return [by_pk[pk] for pk in sorted(chosen)]


@transaction.atomic
def call_announce(*, actor, call: Call, site_url: str, notify: bool = True, now=None) -> list[Application]:
    """Announce the selection, once: create the partnerships (or link existing ones), the accounts of the
    researchers and mentors with their roles, invite them, and send every applicant the decision.
    ``site_url`` starts the invitation links; ``notify=False`` records a past announcement without e-mails."""
    selected = announce.announce(actor=actor, call=call, site_url=site_url, notify=notify, now=now)
    call.refresh_from_db()
    return selected


@transaction.atomic
def invitation_resend(*, actor, application: Application, role, site_url: str):
    return announce.resend_invitation(actor=actor, application=application, role=Role(role), site_url=site_url)

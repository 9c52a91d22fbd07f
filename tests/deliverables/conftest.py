"""The cast's programme with two deliverables: a research design written as text, due in ten days,
and a final report submitted as a file, due in forty. Partnerships A and B each get both."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ovoz.deliverables.models import Deliverable, DeliverableKind, DeliverableVersion, SubmissionMode
from ovoz.deliverables.services import deliverable_template_create


def today() -> datetime.date:
    return timezone.localdate()


def days(n: int) -> datetime.date:
    return today() + datetime.timedelta(days=n)


def pdf(name: str = "report.pdf", body: bytes = b"%PDF-1.4\n% a small report\n") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def put_in_state(deliverable: Deliverable, state: str) -> Deliverable:
    """Set a state directly (test setup only), with a version when the state implies one."""
    if state != "not_started" and not deliverable.versions.exists():
        DeliverableVersion.objects.create(deliverable=deliverable, number=1, text="First words.",
                                          submitted=state != "draft")
    Deliverable.objects.filter(pk=deliverable.pk).update(state=state)
    deliverable.refresh_from_db()
    return deliverable


@pytest.fixture
def work(cast):
    cast.design = deliverable_template_create(
        actor=cast.coordinator,
        programme=cast.programme,
        title="Research design",
        kind=DeliverableKind.RESEARCH_DESIGN_DRAFT,
        due_on=days(10),
        submission=SubmissionMode.TEXT,
        description="Methods, questions and the consultation plan.",
    )
    cast.report = deliverable_template_create(
        actor=cast.coordinator,
        programme=cast.programme,
        title="Final FPAR report",
        kind=DeliverableKind.FINAL_FPAR_REPORT,
        due_on=days(40),
        submission=SubmissionMode.FILE,
    )
    cast.design_a = Deliverable.objects.get(partnership=cast.a, template=cast.design)
    cast.design_b = Deliverable.objects.get(partnership=cast.b, template=cast.design)
    cast.report_a = Deliverable.objects.get(partnership=cast.a, template=cast.report)
    return cast

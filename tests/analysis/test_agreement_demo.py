"""The demo's double-coded interview: both coders finished, so the comparison opens with figures and
disagreements to reconcile."""

from django.urls import reverse

from ovoz.analysis.models import DoubleCoding
from tests.analysis.test_demo_analysis import demo  # noqa: F401  (the loaded demo fixture)


def test_the_demo_has_a_double_coded_interview_ready_to_compare(demo, as_user):  # noqa: F811
    rounds = list(DoubleCoding.objects.select_related("coder_a", "coder_b"))
    assert rounds and all(r.status == DoubleCoding.Status.COMPARING for r in rounds)
    round_ = rounds[0]
    client = as_user(round_.coder_a)
    page = client.get(reverse("analysis:agreement_detail", args=[round_.pk])).content.decode()
    assert "Agreement per code" in page and "All codes" in page
    listing = client.get(reverse("analysis:agreement_disagreements", args=[round_.pk])).content.decode()
    assert "Keep the code here" in listing

"""The demo: every recommendation of the April 2022 Bishkek resolution (seed 004) with its addressee and theme,
fictional monitoring, fictional UN and partner recommendations, reviews with deadlines; loading twice adds
nothing; the demo coordinator builds a pack and reads the tracker."""

from django.urls import reverse

from ovoz.accounts.models import User
from ovoz.demo.load import demo_load as load_programme
from ovoz.mechanisms import demo_data
from ovoz.mechanisms.models import Mechanism, Recommendation, Review, RightsMapping, StatusChange
from tests.conftest import sign_in


def test_the_demo_loads_the_bishkek_resolution_with_addressees_themes_and_statuses_once(db, client):
    load_programme()
    counts = (Recommendation.objects.count(), StatusChange.objects.count(), Review.objects.count(),
              RightsMapping.objects.count())
    load_programme()
    assert counts == (Recommendation.objects.count(), StatusChange.objects.count(), Review.objects.count(),
                      RightsMapping.objects.count())
    resolution = Recommendation.objects.filter(origin="resolution")
    assert resolution.count() == len(demo_data.RECOMMENDATIONS) == 24
    parliament = resolution.filter(addressee="Jogorku Kenesh of the Kyrgyz Republic", addressee_kind="parliament")
    assert parliament.count() == 5
    assert set(resolution.values_list("theme", flat=True)) >= {
        "Women's rights, peace and security", "Women's rights, risks and disasters",
        "Freedom of expression, communication and security", "Women's rights, justice and equality"}
    assert resolution.filter(addressee_kind="donors").count() == 2
    assert resolution.exclude(status="not_started").count() == len(demo_data.MONITORING)
    assert Recommendation.objects.filter(origin="upr", upr_response="noted").exclude(recommending_state="").exists()
    assert Review.objects.filter(is_fictional=True, submission_deadline__isnull=False).count() == 3

    sign_in(client, User.objects.get(username="coordinator"))
    programme = resolution.first().programme
    page = client.get(reverse("mechanisms:tracker", args=[programme.pk]), {"by": "addressee"})
    assert page.status_code == 200 and "Jogorku Kenesh of the Kyrgyz Republic" in page.content.decode()
    page = client.get(reverse("mechanisms:pack", args=[programme.pk]),
                      {"country": "KG", "mechanism": Mechanism.objects.get(code="cedaw").pk, "language": "en"})
    assert page.status_code == 200 and "Download DOCX" in page.content.decode()

"""The mechanisms cast: the analysis fixture (partners A in KG and B in TJ with consented and refused material)
plus a recommendation of the programme and one proposed by partnership A."""

import pytest

from ovoz.mechanisms.models import Article, Mechanism
from ovoz.mechanisms.services import recommendation_create
from tests.analysis.conftest import analysis  # noqa: F401  (re-exported fixtures)
from tests.evidence.conftest import evidence  # noqa: F401


def article(key: str) -> Article:
    instrument, number = key.split(":")
    return Article.objects.get(instrument__code=instrument, number=number)


def mechanism(code: str) -> Mechanism:
    return Mechanism.objects.get(code=code)


@pytest.fixture
def recs(cast):
    cast.rec_programme = recommendation_create(
        actor=cast.coordinator, programme=cast.programme, origin="resolution", country="KG",
        text="Ensure the protection of women and girls from multiple discrimination.",
        addressee="State bodies, local self-government and CSOs", addressee_kind="government",
        theme="Women's rights, peace and security", sdg_targets="5.1, 10.2")
    cast.rec_a = recommendation_create(
        actor=cast.researcher_a, programme=cast.programme, partnership=cast.a, origin="findings", country="KG",
        text="Open a labour-rights desk for internal migrants.", addressee="City hall", addressee_kind="local",
        theme="Labour rights", articles=[article("icescr:7")])
    return cast

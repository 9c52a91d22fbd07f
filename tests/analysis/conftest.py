"""The analysis cast: the evidence fixture plus a seeded codebook, a partnership code and a few codings.

Partner A has a consenting interview in several scripts (``s_multi``) and one whose participant refused
analysis (``s_refused``); partner B has its own interview.
"""

import datetime

import pytest

from ovoz.analysis.services.codes import code_create, codebook_seed
from ovoz.analysis.services.codings import coding_create
from ovoz.evidence.models import Source
from ovoz.evidence.services.consent import consent_record
from ovoz.evidence.services.participants import participant_create
from tests.evidence.conftest import evidence  # noqa: F401  (re-exported fixture)

MULTI = "Иш ҳақи тўланмади. Oʻgʻil bolalar ish haqi olmadi 😔 — g'alla. Зарплату не платили."


@pytest.fixture
def analysis(evidence):  # noqa: F811
    c = evidence
    codebook_seed(actor=c.coordinator, programme=c.programme)
    from ovoz.analysis.models import Code

    c.wage = Code.objects.get(programme=c.programme, seed_key="focus:living-wage")
    c.social = Code.objects.get(programme=c.programme, seed_key="focus:social-protection")
    c.own_a = code_create(actor=c.researcher_a, programme=c.programme, partnership=c.a, name_en="Debt bondage (A)")
    c.own_b = code_create(actor=c.researcher_b, programme=c.programme, partnership=c.b, name_en="Border (B)")
    refusing = participant_create(actor=c.researcher_a, partnership=c.a)
    consent_record(actor=c.researcher_a, participant=refusing, date=datetime.date(2023, 3, 1), method="oral",
                   language="ru", scopes=["statistics"])
    c.s_multi = Source.objects.create(partnership=c.a, kind="interview", title="Multi-script", transcript=MULTI)
    c.s_multi.participants.add(c.a1)
    c.s_refused = Source.objects.create(partnership=c.a, kind="interview", title="Refused analysis",
                                        transcript="Она не разрешила анализ.")
    c.s_refused.participants.add(refusing)
    c.coding_a = coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.wage], start=0, end=17)[0]
    c.coding_b = coding_create(actor=c.researcher_b, source=c.sb, codes=[c.wage], start=0, end=8)[0]
    return c

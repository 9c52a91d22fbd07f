import datetime

import pytest

from ovoz.evidence.models import Source
from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
from ovoz.evidence.services.participants import participant_create


@pytest.fixture
def evidence(cast):
    """Two consenting participants of A (one also sharing with coordinators), one of B, and a source each."""
    day = datetime.date(2023, 3, 1)
    a1 = participant_create(actor=cast.researcher_a, partnership=cast.a, name="Gulmira Secretname")
    consent_record(actor=cast.researcher_a, participant=a1, date=day, method="oral", language="ky",
                   scopes=ALL_SCOPES)
    a2 = participant_create(actor=cast.researcher_a, partnership=cast.a)
    consent_record(actor=cast.researcher_a, participant=a2, date=day, method="oral", language="ru",
                   scopes=["analysis", "statistics"])
    b1 = participant_create(actor=cast.researcher_b, partnership=cast.b)
    consent_record(actor=cast.researcher_b, participant=b1, date=day, method="oral", language="tg",
                   scopes=ALL_SCOPES)
    s1 = Source.objects.create(partnership=cast.a, kind="interview", title="Interview A1",
                               transcript="Иш ҳақи тўланмади.", shared_with_programme=True)
    s1.participants.add(a1)
    s2 = Source.objects.create(partnership=cast.a, kind="interview", title="Interview A2", transcript="Без договора.",
                               shared_with_programme=True)
    s2.participants.add(a2)
    sb = Source.objects.create(partnership=cast.b, kind="interview", title="Interview B1", transcript="Зарплата.")
    sb.participants.add(b1)
    cast.a1, cast.a2, cast.b1, cast.s1, cast.s2, cast.sb = a1, a2, b1, s1, s2, sb
    return cast

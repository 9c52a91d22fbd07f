"""A briefer of partnership A, with coded segments from a participant who allows quotes (a1, all scopes) and
one who does not (a2: analysis and statistics only)."""

import pytest

from ovoz.analysis.services.codings import coding_create
from ovoz.publishing.models import Section
from ovoz.publishing.services.publications import publication_create
from tests.analysis.conftest import analysis  # noqa: F401  (re-exported fixtures)
from tests.evidence.conftest import evidence  # noqa: F401


@pytest.fixture
def briefer(analysis):  # noqa: F811
    c = analysis
    c.quote_ok = coding_create(actor=c.researcher_a, source=c.s1, codes=[c.wage], start=0, end=len(c.s1.transcript))[0]
    c.quote_refused = coding_create(actor=c.researcher_a, source=c.s2, codes=[c.wage], start=0, end=5)[0]
    c.pub = publication_create(actor=c.researcher_a, programme=c.programme, partnership=c.a,
                               title="Labour rights of women internal migrants", second_language="ru")
    c.voices = c.pub.sections.get(kind=Section.Kind.VOICES)
    c.context = c.pub.sections.get(kind=Section.Kind.CONTEXT)
    return c

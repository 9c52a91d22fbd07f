"""A link on a page leads to a page the person may open: nobody is shown an edit, delete or tool link that
answers "not found" for her (a co-researcher is not sent to the codebook, a researcher not to edit the
programme's support contacts)."""

import re

import pytest
from django.urls import reverse

from ovoz.analysis.services.codes import code_create
from ovoz.evidence.models import Term
from ovoz.mechanisms.models import Article
from ovoz.mechanisms.services.registry import mapping_add
from ovoz.safety.services import support_contact_create

HREF = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/static/", "/auth/logout", "/exit", "/i18n/", "/api/docs", "/media/")
PEOPLE = ("coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer")


@pytest.fixture
def world(cast):
    c = cast
    support_contact_create(actor=c.coordinator, programme=c.programme, kind="legal", name="Legal aid line",
                           how_to_reach="+996 000 000 000")
    support_contact_create(actor=c.researcher_a, programme=c.programme, partnership=c.a, kind="medical",
                           name="Clinic of A", how_to_reach="+996 000 000 001")
    article = Article.objects.select_related("instrument").first()
    own = code_create(actor=c.researcher_a, programme=c.programme, partnership=c.a, name_en="Debt (A)")
    mapping_add(actor=c.researcher_a, article=article, code=own)
    term = Term.objects.filter(vocabulary="violation").first()
    if term is not None:
        mapping_add(actor=c.coordinator, article=article, term=term)
    return c


def _start_pages(c) -> list[str]:
    return [
        reverse("web:dashboard"),
        reverse("analysis:index"),
        reverse("programmes:detail", args=[c.programme.pk]),
        reverse("mechanisms:index"),
        reverse("mechanisms:mapping"),
        reverse("safety:contacts", args=[c.programme.pk]),
    ]


@pytest.mark.parametrize("name", PEOPLE)
def test_every_link_on_the_main_pages_opens_for_the_person_who_sees_it(world, as_user, name):
    client = as_user(getattr(world, name))
    broken = []
    for page in _start_pages(world):
        response = client.get(page)
        if response.status_code != 200:
            continue  # a page she cannot open: what matters is that nothing links her to it
        for href in sorted(set(HREF.findall(response.content.decode()))):
            href = href.replace("&amp;", "&")
            if href.startswith(SKIP):
                continue
            status = client.get(href).status_code
            if status not in (200, 302):
                broken.append((page, href, status))
    assert broken == [], broken

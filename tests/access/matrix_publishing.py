"""Who may reach findings and publications: the partnership's mentor and researchers and the coordinators (regional
ones: coordinators only); co-researchers, viewers and outsiders get 404. Published versions are public."""

from ovoz.analysis.services.codes import codebook_seed
from ovoz.analysis.services.codings import coding_create
from ovoz.evidence.models import Source
from ovoz.publishing.models import Block, DisclosureOverride
from ovoz.publishing.services.findings import finding_create, finding_link_add
from ovoz.publishing.services.publications import block_add, publication_create
from ovoz.publishing.services.workflow import (
    publication_approve,
    publication_publish,
    publication_review,
    publication_submit,
)
from tests.access.expect import ALL_200, only

TEAM_A = ("coordinator", "mentor_a", "researcher_a")
WRITE_A = ("coordinator", "mentor_a", "researcher_a")
PROGRAMME_TEAMS = ("coordinator", "mentor_a", "researcher_a", "researcher_b")
COORDINATOR = ("coordinator",)


def prepare(world):
    from ovoz.analysis.models import Code

    codebook_seed(actor=world.coordinator, programme=world.programme)
    code = Code.objects.filter(programme=world.programme).first()
    source = Source.objects.create(partnership=world.a, kind="interview", title="Pub matrix", transcript="Words here.")
    (coding,) = coding_create(actor=world.researcher_a, source=source, codes=[code], start=0, end=5)
    world.finding = finding_create(actor=world.researcher_a, programme=world.programme, partnership=world.a,
                                   statement="Wages go unpaid.")
    world.link = finding_link_add(actor=world.researcher_a, finding=world.finding, coding=coding)
    world.pub = publication_create(actor=world.researcher_a, programme=world.programme, partnership=world.a,
                                   title="Matrix briefer")
    world.section = world.pub.sections.first()
    world.block = block_add(actor=world.researcher_a, section=world.section, kind=Block.Kind.RECOMMENDATION,
                            text="Pay the wages.")
    world.quote_block = block_add(actor=world.researcher_a, section=world.section, kind=Block.Kind.QUOTE,
                                  coding=coding, attribution_fields=[])
    world.override = DisclosureOverride.objects.create(publication=world.pub, rule="identifying", key="x",
                                                       reason="Checked by hand.", decided_by=world.coordinator)
    world.published = publication_create(actor=world.researcher_a, programme=world.programme, partnership=world.a,
                                         title="Published matrix briefer")
    publication_submit(actor=world.researcher_a, publication=world.published)
    publication_review(actor=world.mentor_a, publication=world.published, approve=True)
    publication_approve(actor=world.coordinator, publication=world.published)
    world.version = publication_publish(actor=world.coordinator, publication=world.published)
    world.synthesis = publication_create(actor=world.coordinator, programme=world.programme, title="Synthesis",
                                         kind="synthesis")


def _programme(c):
    return {"programme_id": c.programme.pk}


def _synthesis(c):
    return {"pk": c.synthesis.pk}


def _pub(c):
    return {"pk": c.pub.pk}


ENTRIES = {
    "publishing:finding_list": ("get", _programme, only(200, *PROGRAMME_TEAMS)),
    "publishing:finding_compare": ("get", _programme, only(200, *COORDINATOR)),
    "publishing:finding_create": ("get", _programme, only(200, *COORDINATOR)),
    "publishing:finding_detail": ("get", lambda c: {"pk": c.finding.pk}, only(200, *TEAM_A)),
    "publishing:finding_edit": ("get", lambda c: {"pk": c.finding.pk}, only(200, *WRITE_A)),
    "publishing:finding_delete": ("get", lambda c: {"pk": c.finding.pk}, only(200, *WRITE_A)),
    "publishing:finding_link": ("post", lambda c: {"pk": c.finding.pk}, only(302, *WRITE_A)),
    "publishing:finding_unlink": ("post", lambda c: {"pk": c.link.pk}, only(302, *WRITE_A)),
    "publishing:list": ("get", _programme, only(200, *PROGRAMME_TEAMS)),
    "publishing:create": ("get", _programme, only(200, *COORDINATOR)),
    "publishing:editor": ("get", _pub, only(200, *TEAM_A)),
    "publishing:edit": ("get", _pub, only(200, *WRITE_A)),
    "publishing:section_add": ("post", _pub, only(302, *WRITE_A)),
    "publishing:synthesis_gather": ("post", _synthesis, only(302, *COORDINATOR)),
    "publishing:section_edit": ("get", lambda c: {"pk": c.section.pk}, only(200, *WRITE_A)),
    "publishing:quote_picker": ("get", lambda c: {"pk": c.section.pk}, only(200, *WRITE_A)),
    "publishing:block_add": ("get", lambda c: {"pk": c.section.pk, "kind": "statistic"}, only(200, *WRITE_A)),
    "publishing:block_edit": ("get", lambda c: {"pk": c.quote_block.pk}, only(200, *WRITE_A)),
    "publishing:block_remove": ("get", lambda c: {"pk": c.block.pk}, only(200, *WRITE_A)),
    "publishing:block_move": ("post", lambda c: {"pk": c.block.pk}, only(302, *WRITE_A)),
    "publishing:gate": ("get", _pub, only(200, *TEAM_A)),
    "publishing:override": ("post", _pub, only(302, *TEAM_A)),
    "publishing:override_remove": ("post", lambda c: {"pk": c.override.pk}, only(302, *TEAM_A)),
    "publishing:workflow": ("post", _pub, only(404, *TEAM_A, other=404)),
    "publishing:download": ("get", lambda c: {"pk": c.pub.pk, "fmt": "html"}, only(200, *TEAM_A)),
    "publishing:version_withdraw": ("get", lambda c: {"pk": c.version.pk}, only(200, *COORDINATOR)),
    "publishing:public_list": ("get", lambda c: {}, ALL_200),
    "publishing:public_detail": ("get", lambda c: {"slug": c.published.slug}, ALL_200),
    "publishing:public_download": ("get", lambda c: {"slug": c.published.slug, "fmt": "html", "language": "en"},
                                   ALL_200),
}
PUBLIC = {"publishing:public_list", "publishing:public_detail", "publishing:public_download"}

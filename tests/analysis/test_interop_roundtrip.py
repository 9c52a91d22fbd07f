"""Round trip: a partnership's project exported as .qdpx and imported into a fresh partnership gives the same
codes (names, hierarchy, colours), sources (texts) and codings (the same stretches of text)."""

from ovoz.accounts.models import Organisation
from ovoz.accounts.roles import Role
from ovoz.analysis.models import Code, Coding
from ovoz.analysis.services.codes import code_create
from ovoz.analysis.services.codings import coding_create
from ovoz.analysis.services.interop import project_export, qda_import
from ovoz.evidence.models import Source
from ovoz.programmes.models import Membership, Partnership


def _snapshot(partnership, codes_of):
    sources = Source.objects.filter(partnership=partnership)
    texts = {s.title: s.transcript for s in sources}
    spans = {
        (cd.source.title, cd.code.name_en, cd.text())
        for cd in Coding.objects.filter(source__in=sources).select_related("source", "code")
    }

    def path(code):
        return (path(code.parent) if code.parent else ()) + (code.name_en,)

    codes = {(path(c), c.colour) for c in codes_of}
    return texts, spans, codes


def test_export_then_import_into_a_fresh_partnership_gives_the_same_codes_sources_and_codings(analysis):
    c = analysis
    child = code_create(actor=c.researcher_a, programme=c.programme, partnership=c.a, parent=c.own_a,
                        name_en="Recruiter's debt", colour="#123abc")
    coding_create(actor=c.researcher_a, source=c.s_multi, codes=[child, c.social], start=38, end=50)
    coding_create(actor=c.researcher_a, source=c.s1, codes=[c.own_a], start=3, end=7)
    content, _counts = project_export(actor=c.researcher_a, programme=c.programme, partnership=c.a)

    fresh = Partnership.objects.create(programme=c.programme, organisation=Organisation.objects.create(
        name="Partner C", country="UZ"), country="UZ")
    Membership.objects.create(user=c.researcher_b, programme=c.programme, partnership=fresh, role=Role.RESEARCHER)
    report = qda_import(actor=c.researcher_b, programme=c.programme, partnership=fresh, content=content,
                        dry_run=False)
    assert report.problems == []

    used_a = Code.objects.filter(codings__source__partnership=c.a).distinct()
    used_fresh = Code.objects.filter(codings__source__partnership=fresh).distinct()
    texts_a, spans_a, codes_a = _snapshot(c.a, used_a)
    texts_f, spans_f, codes_f = _snapshot(fresh, used_fresh)
    assert texts_f == {k: v for k, v in texts_a.items() if k != "Refused analysis"}
    assert spans_f == spans_a
    assert codes_f == codes_a
    # The partnership's own codes were made again for the fresh partnership, under the same parent.
    assert Code.objects.get(partnership=fresh, name_en="Recruiter's debt").parent.name_en == "Debt bondage (A)"

    # And a second import of the same file changes nothing.
    again = qda_import(actor=c.researcher_b, programme=c.programme, partnership=fresh, content=content, dry_run=False)
    assert again.codings_created == 0 and again.sources_created == [] and again.codes_created == []


def test_reimporting_a_partnership_own_export_recognises_its_sources(analysis):
    c = analysis
    content, _ = project_export(actor=c.researcher_a, programme=c.programme, partnership=c.a)
    before = (Source.objects.count(), Coding.objects.count(), Code.objects.count())
    report = qda_import(actor=c.researcher_a, programme=c.programme, partnership=c.a, content=content, dry_run=False)
    assert (Source.objects.count(), Coding.objects.count(), Code.objects.count()) == before
    assert sorted(report.sources_matched) == ["Interview A1", "Interview A2", "Multi-script"]

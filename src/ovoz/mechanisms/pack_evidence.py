"""What a shadow-report pack may draw on, per article, through the access and consent filters.

Quotes come only from coded segments whose every participant allows analysis, anonymous quotes AND sharing
with UN mechanisms or authorities; statistics count only participants who allow aggregate statistics and
analysis; everything is limited to the partnerships the person may use and to what she may see.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from ovoz.analysis.access import codes_visible_to
from ovoz.analysis.models import Coding
from ovoz.evidence.access import participants_visible_to, sources_visible_to, with_consent
from ovoz.evidence.models import Act
from ovoz.mechanisms.access import recommendations_visible_to
from ovoz.mechanisms.models import Article, Ratification, Recommendation, RightsMapping
from ovoz.publishing.access import findings_visible_to
from ovoz.publishing.models import Finding, FindingLink
from ovoz.publishing.statistics import attribute_label, tabulate

QUOTES_PER_ARTICLE = 4
UN_ORIGINS = [Recommendation.Origin.CONCLUDING, Recommendation.Origin.UPR, Recommendation.Origin.SPECIAL]


@dataclass
class ArticleEvidence:
    article: Article
    codes: list = field(default_factory=list)
    terms: list = field(default_factory=list)
    findings: list = field(default_factory=list)
    codings: list = field(default_factory=list)
    coded_table: dict | None = None
    violation_table: dict | None = None
    proposals: list = field(default_factory=list)

    @property
    def touched(self) -> bool:
        return bool(self.findings or self.codings or (self.coded_table or {}).get("total")
                    or (self.violation_table or {}).get("total") or self.proposals)


def articles_reviewed(mechanism, country: str) -> list[Article]:
    """The articles the mechanism reviews: its instruments' (for the UPR, every instrument the state is party to)."""
    if mechanism.reviews_every_instrument:
        instruments = Ratification.objects.filter(country=country, status=Ratification.Status.PARTY).values(
            "instrument_id")
        qs = Article.objects.filter(instrument_id__in=instruments)
    else:
        qs = Article.objects.filter(instrument__bodies=mechanism)
    return list(qs.select_related("instrument", "right_term").distinct())


def table(counts: Counter, measure: str = "participants") -> dict:
    """A statistic in the publishing app's shape, small cells suppressed (shown as "fewer than N")."""
    return tabulate(counts, "suppress", measure=measure)


def _mapped(article: Article, user, programme) -> tuple[list, list]:
    mappings = list(RightsMapping.objects.filter(article=article).select_related("term", "code"))
    terms = [m.term for m in mappings if m.term_id]
    visible = codes_visible_to(user).filter(programme=programme)
    code_ids = {m.code_id for m in mappings if m.code_id}
    codes = list(visible.filter(Q(pk__in=code_ids) | Q(term__in=[t.pk for t in terms])).distinct())
    return codes, terms


def quotable_codings(user, partnerships, codes) -> list[Coding]:
    sources = sources_visible_to(user, scope="analysis").filter(partnership__in=partnerships)
    sources = with_consent(with_consent(sources, "quotes"), "un_authorities")
    return list(Coding.objects.filter(double_coding__isnull=True, code__in=codes, source__in=sources)
                .select_related("source", "code").order_by("source__partnership_id", "pk")[:QUOTES_PER_ARTICLE])


def _statistics_people(user, partnerships):
    return participants_visible_to(user, scope="statistics").filter(
        partnership__in=partnerships, consent_analysis=True)


def coded_table(user, partnerships, codes, language: str) -> dict:
    """Participants whose testimony was coded with the article's codes, by migrant status."""
    coded = Coding.objects.filter(double_coding__isnull=True, code__in=codes).values("source_id")
    people = _statistics_people(user, partnerships).filter(sources__in=coded).distinct()
    counts = Counter(attribute_label(p, "migrant_status", language) or _("not recorded") for p in people)
    return table(counts)


def violation_table(user, partnerships, article: Article, terms, language: str) -> dict:
    """Participants who suffered a violation engaging the article, by type of violation."""
    acts = Act.objects.filter(incident__partnership__in=partnerships).filter(
        Q(act_type__in=terms) | (Q(incident__rights=article.right_term) if article.right_term_id else Q(pk__in=[])))
    people = _statistics_people(user, partnerships)
    counts: Counter = Counter()
    for act_type in {a.act_type for a in acts.select_related("act_type")}:
        suffered = people.filter(Exists(acts.filter(act_type=act_type, victims=OuterRef("pk")))).count()
        if suffered:
            counts[act_type.label(language)] = suffered
    return table(counts)


def findings_for(user, programme, partnerships, codes, terms) -> list[Finding]:
    links = FindingLink.objects.filter(Q(coding__code__in=codes) | Q(incident__acts__act_type__in=terms))
    qs = findings_visible_to(user).filter(programme=programme, status=Finding.Status.AGREED).filter(
        Q(partnership__in=partnerships) | Q(partnership__isnull=True))
    return list(qs.filter(Q(theme__in=codes) | Q(pk__in=links.values("finding_id"))).distinct()
                .order_by("partnership_id", "pk"))


def proposals_for(user, programme, country, partnerships):
    """Recommendations the partners (or the programme) propose from their findings, for this country."""
    return (recommendations_visible_to(user).filter(programme=programme, origin=Recommendation.Origin.FINDINGS)
            .filter(Q(partnership__in=partnerships) | Q(partnership__isnull=True, country=country))
            .prefetch_related("articles").order_by("pk"))


def previous_for(user, programme, country, mechanism, articles):
    """Earlier recommendations of UN bodies to the state on the pack's topics, with their status now."""
    return (recommendations_visible_to(user).filter(programme=programme, country=country, origin__in=UN_ORIGINS)
            .filter(Q(mechanism=mechanism) | Q(articles__in=articles)).distinct()
            .select_related("mechanism").order_by("issued_on", "pk"))


def gather(user, programme, country: str, mechanism, partnerships, language: str = "en") -> list[ArticleEvidence]:
    partnerships = list(partnerships)
    proposals = list(proposals_for(user, programme, country, partnerships))
    out = []
    for article in articles_reviewed(mechanism, country):
        codes, terms = _mapped(article, user, programme)
        ev = ArticleEvidence(article=article, codes=codes, terms=terms)
        if codes:
            ev.codings = quotable_codings(user, partnerships, codes)
            ev.coded_table = coded_table(user, partnerships, codes, language)
        if terms or article.right_term_id:
            ev.violation_table = violation_table(user, partnerships, article, terms, language)
        ev.findings = findings_for(user, programme, partnerships, codes, terms) if (codes or terms) else []
        ev.proposals = [p for p in proposals if article in p.articles.all()]
        out.append(ev)
    return out


def unplaced_proposals(user, programme, country, partnerships) -> list:
    return [p for p in proposals_for(user, programme, country, list(partnerships)) if not p.articles.all()]
